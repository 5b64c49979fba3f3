//! The changes since a published revision, as the printed agenda marks them, the way revised
//! ITU TDs do: inserted text underlined, deleted text struck through; an item or a document
//! added since is underlined whole, and what was removed is listed struck through.

use rustc_hash::{FxHashMap, FxHashSet};

use super::html::escape_into;
use crate::changes::{changes, Change, Part, Words};
use crate::field::Field;
use crate::model::{Agenda, EntryId, ItemId};
use crate::revisions::number_at;
use crate::time::{Date, Time};

/// What the printed agenda marks.
#[derive(Clone, Debug, Default)]
pub struct Marks {
    /// The revision the changes are from, as the agenda's reader knows it: "TD514".
    pub since: String,
    words: FxHashMap<Field, Vec<Words>>,
    added_items: FxHashSet<ItemId>,
    added_entries: FxHashSet<EntryId>,
    /// "Item 3.2: Budget", for what is no longer in the agenda.
    pub removed: Vec<String>,
    /// When that revision was published (the meeting's wall clock), where known: the Word
    /// export dates its tracked changes with it.
    pub published: Option<(Date, Time)>,
}

impl Marks {
    /// The marks of the changes from `published` (labelled `since`) to `now`.
    pub fn new(published: &Agenda, now: &Agenda, since: String) -> Marks {
        let mut marks = Marks { since, ..Marks::default() };
        for change in changes(published, now) {
            match change {
                Change::Changed { field, words, .. } => {
                    marks.words.insert(field, words);
                }
                Change::Added { part: Part::Item, at: Some(Field::Item { item, .. }), .. } => {
                    marks.added_items.insert(item);
                }
                Change::Added { part: Part::Entry, at: Some(Field::Entry { entry, .. }), .. } => {
                    marks.added_entries.insert(entry);
                }
                Change::Removed { name, text, .. } => {
                    marks.removed.push(if text.is_empty() { name } else { format!("{name}: {text}") })
                }
                _ => {}
            }
        }
        marks
    }

    /// The marks of what changed since the agenda's last published revision, labelled with its
    /// number ("TD514") and dated with its publication; None before the first publication.
    pub fn since_last(a: &Agenda) -> Option<Marks> {
        let last = a.revisions.last()?;
        let mut marks = Marks::new(&last.agenda, a, number_at(a, last.revision));
        marks.published = Some((last.date, last.time));
        Some(marks)
    }

    pub fn item_added(&self, item: ItemId) -> bool {
        self.added_items.contains(&item)
    }

    pub fn entry_added(&self, entry: EntryId) -> bool {
        self.added_entries.contains(&entry)
    }

    /// Whether the field's text changed: it is then printed as one run of marked words, its
    /// paragraphs and bullets as lines.
    pub fn changed(&self, field: Field) -> bool {
        self.words.contains_key(&field)
    }

    /// The field's words, kept, inserted and deleted, if it changed.
    pub(super) fn words(&self, field: Field) -> Option<&[Words]> {
        self.words.get(&field).map(Vec::as_slice)
    }

    /// Writes the field's words marked, if it changed; nothing if not.
    pub(super) fn write(&self, out: &mut String, field: Field) {
        let Some(words) = self.words.get(&field) else { return };
        for w in words {
            let (open, text, close) = match w {
                Words::Kept(s) => ("", s, ""),
                Words::Inserted(s) => ("<ins>", s, "</ins>"),
                Words::Deleted(s) => ("<del>", s, "</del>"),
            };
            out.push_str(open);
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    out.push_str("<br>");
                }
                escape_into(out, line);
            }
            out.push_str(close);
        }
    }
}
