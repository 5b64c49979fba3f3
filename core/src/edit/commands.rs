//! The edits the editor's item commands make. Each returns None where the command does not
//! apply (moving the first item up, indenting an item with no item before it …).

use super::Edit;
use crate::model::*;

pub fn move_up(agenda: &Agenda, id: ItemId) -> Option<Edit> {
    let at = agenda.locate(id)?;
    (at.index > 0).then(|| Edit::MoveItem { id, to: Location { index: at.index - 1, ..at } })
}

pub fn move_down(agenda: &Agenda, id: ItemId) -> Option<Edit> {
    let at = agenda.locate(id)?;
    let len = agenda.siblings(at.session, at.parent)?.len();
    (at.index + 1 < len).then(|| Edit::MoveItem { id, to: Location { index: at.index + 1, ..at } })
}

/// Makes the item the last sub-item of the item before it.
pub fn indent(agenda: &Agenda, id: ItemId) -> Option<Edit> {
    let at = agenda.locate(id)?;
    if at.index == 0 {
        return None;
    }
    let prev = &agenda.siblings(at.session, at.parent)?[at.index - 1];
    Some(Edit::MoveItem {
        id,
        to: Location { session: at.session, parent: Some(prev.id), index: prev.children.len() },
    })
}

/// Makes a sub-item the item right after its parent.
pub fn outdent(agenda: &Agenda, id: ItemId) -> Option<Edit> {
    let at = agenda.locate(id)?;
    let parent = agenda.locate(at.parent?)?;
    Some(Edit::MoveItem { id, to: Location { index: parent.index + 1, ..parent } })
}

/// A new empty item right after this one, at the same level.
pub fn add_after(agenda: &Agenda, id: ItemId) -> Option<(Edit, ItemId)> {
    let at = agenda.locate(id)?;
    let new = agenda.next_item_id();
    Some((Edit::InsertItem { at: Location { index: at.index + 1, ..at }, item: Item::new(new, "") }, new))
}

/// A new empty sub-item at the end of this item's sub-items.
pub fn add_child(agenda: &Agenda, id: ItemId) -> Option<(Edit, ItemId)> {
    let at = agenda.locate(id)?;
    let item = agenda.item(id)?;
    let new = agenda.next_item_id();
    Some((
        Edit::InsertItem {
            at: Location { session: at.session, parent: Some(id), index: item.children.len() },
            item: Item::new(new, ""),
        },
        new,
    ))
}

/// A new empty item at the end of a session.
pub fn add_to_session(agenda: &Agenda, session: SessionId) -> Option<(Edit, ItemId)> {
    let s = agenda.session(session)?;
    let new = agenda.next_item_id();
    Some((
        Edit::InsertItem {
            at: Location { session, parent: None, index: s.items.len() },
            item: Item::new(new, ""),
        },
        new,
    ))
}
