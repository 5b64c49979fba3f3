//! The edits the editor's commands make: its item, session and register buttons and keys. Each
//! returns None where the command does not apply (moving the first item up, indenting an item
//! with no item before it …).

use std::collections::HashSet;

use super::{Edit, Field, SessionField, Value};
use crate::checks::{check, Code, Fix};
use crate::docref::{DocKey, DocNumber};
use crate::model::*;
use crate::time::DayLabel;

/// What the editor's form does when a field is given a value. A session's date takes its day as
/// printed along while that still names the old date, so that a label the user never typed
/// (made by the Word reader, or left from the template) does not go stale; a label of their own
/// stays as typed. Undone as one step.
pub fn set(agenda: &Agenda, field: Field, value: Value) -> Edit {
    let set = Edit::Set { field, value };
    let (
        Field::Session { session, field: SessionField::Date },
        Edit::Set { value: Value::Date(Some(new)), .. },
    ) = (field, &set)
    else {
        return set;
    };
    let Some(s) = agenda.session(session) else { return set };
    let (Some(old), label) = (s.date, s.day_label.trim()) else { return set };
    if label.is_empty() || !DayLabel::parse(label).names(old) {
        return set;
    }
    let with_year = label.contains(&old.year.to_string());
    let follows =
        if with_year { format!("{}, {}", new.weekday().name(), new.long()) } else { new.day_label() };
    let day = Edit::Set {
        field: Field::Session { session, field: SessionField::DayLabel },
        value: Value::Text(follows),
    };
    Edit::Batch(vec![set, day])
}

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
    fits(level(agenda, prev.id)? + 1, agenda.item(id)?)?;
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
    Some((
        Edit::InsertItem { at: Location { index: at.index + 1, ..at }, item: Box::new(Item::new(new, "")) },
        new,
    ))
}

/// A new empty sub-item at the end of this item's sub-items.
pub fn add_child(agenda: &Agenda, id: ItemId) -> Option<(Edit, ItemId)> {
    let at = agenda.locate(id)?;
    let item = agenda.item(id)?;
    (level(agenda, id)? < MAX_ITEM_DEPTH).then_some(())?;
    let new = agenda.next_item_id();
    Some((
        Edit::InsertItem {
            at: Location { session: at.session, parent: Some(id), index: item.children.len() },
            item: Box::new(Item::new(new, "")),
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
            item: Box::new(Item::new(new, "")),
        },
        new,
    ))
}

/// Moves an item to just before another, at the other's level: what dropping a dragged row on
/// another row does. None when the item is dropped on itself, either is unknown, or the target
/// is one of the item's own sub-items.
pub fn move_before(agenda: &Agenda, id: ItemId, target: ItemId) -> Option<Edit> {
    if target == id {
        return None;
    }
    let to = agenda.locate(target)?;
    let from = agenda.locate(id)?;
    // The target's position is read before the item is taken out of its list: further down the
    // same list, it is one place higher once the item is gone.
    let same_list = from.session == to.session && from.parent == to.parent;
    let index = if same_list && from.index < to.index { to.index - 1 } else { to.index };
    let item = agenda.item(id)?;
    let nests = item.children.iter().any(|c| c.id == target || holds(c, target));
    fits(level(agenda, target)?, item)?;
    (!nests).then_some(Edit::MoveItem { id, to: Location { index, ..to } })
}

/// The level an item is at: 1 at the top of its session, 2 for a sub-item …
fn level(agenda: &Agenda, id: ItemId) -> Option<usize> {
    let mut n = 1;
    let mut at = agenda.locate(id)?;
    while let Some(parent) = at.parent {
        at = agenda.locate(parent)?;
        n += 1;
    }
    Some(n)
}

/// Whether an item, with its sub-items, may go at `level` without nesting deeper than a file
/// may hold ([`MAX_ITEM_DEPTH`]): where it would not, the command does not apply.
fn fits(level: usize, item: &Item) -> Option<()> {
    fn height(item: &Item) -> usize {
        1 + item.children.iter().map(height).max().unwrap_or(0)
    }
    (level + height(item) - 1 <= MAX_ITEM_DEPTH).then_some(())
}

fn holds(item: &Item, id: ItemId) -> bool {
    item.children.iter().any(|c| c.id == id || holds(c, id))
}

/// A new, empty session at the end of the agenda. Empty, not with the last one's title: a copy
/// reads as a title the user typed, and has to be found and deleted.
pub fn add_session(agenda: &Agenda) -> (Edit, SessionId) {
    let id = agenda.next_session_id();
    (Edit::InsertSession { index: agenda.sessions.len(), session: Box::new(Session::new(id)) }, id)
}

/// A new empty entry at the end of the register (Annex A).
pub fn add_entry(agenda: &Agenda) -> (Edit, EntryId) {
    let id = agenda.next_entry_id();
    let entry = RegisterEntry {
        id,
        number: DocNumber::parse(""),
        category: String::new(),
        source: String::new(),
        title: String::new(),
    };
    (Edit::InsertEntry { index: agenda.register.len(), entry: Box::new(entry) }, id)
}

/// The orders the register (Annex A) can be sorted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegisterOrder {
    /// By document, then revision; numbers that cannot be read last.
    Number,
    /// By category, ignoring case.
    Category,
    /// By source, ignoring case.
    Source,
}

/// Rewrites the register's order as one undoable step; entries that compare equal keep their
/// order. None when the register is already in that order, so sorting twice leaves no empty
/// undo step.
pub fn sort_register(agenda: &Agenda, by: RegisterOrder) -> Option<Edit> {
    let mut sorted = agenda.register.clone();
    match by {
        RegisterOrder::Number => sorted.sort_by_key(|e| match &e.number {
            DocNumber::Document(d) => (false, Some(d.key()), d.revision),
            _ => (true, None, None),
        }),
        RegisterOrder::Category => sorted.sort_by_key(|e| e.category.trim().to_lowercase()),
        RegisterOrder::Source => sorted.sort_by_key(|e| e.source.trim().to_lowercase()),
    }
    if sorted.iter().map(|e| e.id).eq(agenda.register.iter().map(|e| e.id)) {
        return None;
    }
    let mut edits: Vec<Edit> = agenda.register.iter().rev().map(|e| Edit::RemoveEntry { id: e.id }).collect();
    edits.extend(
        sorted
            .into_iter()
            .enumerate()
            .map(|(index, entry)| Edit::InsertEntry { index, entry: Box::new(entry) }),
    );
    Some(Edit::Batch(edits))
}

/// Edits that add every cited document missing from the register, prefilled from what the
/// agenda says, as one step. None when nothing is missing.
pub fn add_missing_documents(agenda: &Agenda) -> Option<Edit> {
    let mut fresh = agenda.new_entry_ids();
    let mut index = agenda.register.len();
    let mut added: HashSet<DocKey> = HashSet::new();
    let mut edits = Vec::new();
    // The checks' own fixes, prefilled from the items that cite each document.
    for f in check(agenda) {
        if f.code != Code::XrefUnregistered {
            continue;
        }
        if let Some(Fix { edit: Edit::InsertEntry { mut entry, .. }, .. }) = f.fix {
            let Some(id) = entry.number.as_document() else { continue };
            // Two citations of one document at different revisions need only one entry.
            if !added.insert(id.key()) {
                continue;
            }
            entry.id = EntryId(fresh.next().unwrap_or(MAX_ID));
            edits.push(Edit::InsertEntry { index, entry });
            index += 1;
        }
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}
