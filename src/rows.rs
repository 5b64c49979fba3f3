//! A table row's own data (an item's or a register entry's fields), as one memo per built row,
//! so the row's fields follow their own part of the agenda and nothing else.

use agendum_core::edit::{get_entry, get_item, Field, Value};
use agendum_core::model::{Agenda, Item, RegisterEntry};
use leptos::prelude::*;

use crate::reactive_agenda::{Owner, Part, ReactiveAgenda};

fn item_at<'a>(a: &'a Agenda, path: &[usize]) -> Option<&'a Item> {
    let (session, rest) = path.split_first()?;
    let (first, rest) = rest.split_first()?;
    let mut item = a.sessions.get(*session)?.items.get(*first)?;
    for k in rest {
        item = item.children.get(*k)?;
    }
    Some(item)
}

/// An item's own fields, without its sub-items: its row shows no more, and should not change
/// when a sub-item does.
fn own_fields(i: &Item) -> Item {
    Item {
        id: i.id,
        title: i.title.clone(),
        source: i.source.clone(),
        docs: i.docs.clone(),
        summary: i.summary.clone(),
        actions: i.actions.clone(),
        notes: i.notes.clone(),
        outcome: i.outcome.clone(),
        outcome_note: i.outcome_note.clone(),
        start: i.start,
        duration: i.duration,
        children: Vec::new(),
    }
}

/// A table row's data, as a memo. The row's fields read it instead of the whole agenda, and it
/// follows the row's own part of the agenda (`ReactiveAgenda::track_part`), so a keystroke re-runs the
/// memo of the row typed in and no other; and only the rows near the viewport are built
/// (src/lazy.rs). With every row of a 500-item agenda built and reading the agenda, each
/// keystroke would re-run 1,500 memos, and the reactive graph's bookkeeping would grow with the
/// square of the rows: over 60 ms a key.
#[derive(Clone, Copy)]
pub struct RowData {
    item: Option<Memo<Option<Item>>>,
    entry: Option<Memo<Option<RegisterEntry>>>,
}

impl RowData {
    pub fn new(live: ReactiveAgenda, of: Owner) -> RowData {
        let ReactiveAgenda { agenda, paths, entry_positions, .. } = live;
        let (item, entry) = match of {
            Owner::Item(id) => {
                let item = Memo::new(move |_| {
                    live.track_part(Part::Item(id));
                    let path = paths.with(|p| p.get(&id).cloned())?;
                    agenda.with_untracked(|a| item_at(a, &path).filter(|i| i.id == id).map(own_fields))
                });
                (Some(item), None)
            }
            Owner::Entry(id) => {
                let entry = Memo::new(move |_| {
                    live.track_part(Part::Entry(id));
                    let at = entry_positions.with(|p| p.get(&id).copied())?;
                    agenda.with_untracked(|a| a.register.get(at - 1).filter(|e| e.id == id).cloned())
                });
                (None, Some(entry))
            }
        };
        RowData { item, entry }
    }

    /// The value of one of the row's fields; None for a field of something else.
    pub fn value(&self, field: Field) -> Option<Value> {
        match field {
            Field::Item { field, .. } => self.item?.with(|i| i.as_ref().map(|i| get_item(i, field))),
            Field::Entry { field, .. } => self.entry?.with(|e| e.as_ref().map(|e| get_entry(e, field))),
            _ => None,
        }
    }
}
