//! The register (Annex A) on its own: each entry's number is readable and listed once, and
//! every entry is cited by something in the agenda. A duplicate or an uncited entry is a line
//! the secretariat would strike before posting.

use std::sync::Arc;

use rustc_hash::FxHashSet;

use super::index::{blank, Key, RegisterIndex};
use super::{Code, Ctx, Fix};
use crate::docref::DocNumber;
use crate::edit::{Edit, EntryField, Field};
use crate::model::{Agenda, EntryId, RegisterEntry};

/// The walk over the register, which indexes it for the citations as it goes.
pub(super) struct Entries<'a> {
    index: RegisterIndex<'a>,
    /// The revisions seen of documents registered more than once: the rest cannot be duplicates.
    seen: FxHashSet<(Key<'a>, Option<u32>)>,
    /// Whether entry ids rise: where they do, the last is the largest.
    rising: bool,
    previous: Option<EntryId>,
}

impl<'a> Entries<'a> {
    pub(super) fn new(entries: usize, own_group: Option<String>) -> Self {
        Entries {
            index: RegisterIndex::new(entries, own_group),
            seen: FxHashSet::default(),
            rising: true,
            previous: None,
        }
    }

    /// The entry at position `i`.
    pub(super) fn entry(&mut self, cx: &mut Ctx, i: usize, e: &'a RegisterEntry) {
        self.rising &= self.previous < Some(e.id);
        self.previous = Some(e.id);
        let field = Field::Entry { entry: e.id, field: EntryField::Number };
        match &e.number {
            DocNumber::Document(id) => {
                let index = &mut self.index;
                let key = Key::of(id, index.own_group.as_deref());
                index.revision[i] = id.revision;
                index.part[i] = id.part;
                let duplicate = match index.add(key, i as u32) {
                    None => None,
                    Some((first, last)) => {
                        if first == last {
                            self.seen.insert((key, index.revision[first as usize]));
                        }
                        (!self.seen.insert((key, id.revision))).then_some(first)
                    }
                };
                if let Some(first) = duplicate {
                    // The entry it repeats, where it is written otherwise: SG9-TD163/WP1 after
                    // TD163/GEN is the same TD filed twice.
                    let earlier = index
                        .chain(first)
                        .map(|j| &cx.agenda.register[j].number)
                        .find(|n| n.as_document().is_some_and(|d| d.revision == id.revision))
                        .filter(|n| n.as_document() != Some(id));
                    let message = match earlier {
                        Some(n) => format!("{id} is already in the register, as {n}."),
                        None => format!("{id} is already in the register."),
                    };
                    cx.push(
                        Code::RegisterDuplicate,
                        field,
                        message,
                        Some(Fix { label: "Remove this entry".into(), edit: Edit::RemoveEntry { id: e.id } }),
                    );
                }
            }
            other => {
                let msg = if blank(other) {
                    "This entry has no document number.".to_string()
                } else {
                    format!(
                        "\"{other}\" is not a TD or contribution number (such as TD514, TD667R1, C103, SG9-TD163/GEN){}.",
                        super::citations::part_hint(other)
                    )
                };
                cx.push(Code::RegisterUnreadable, field, msg, None);
            }
        }
    }

    /// The id an entry added by a fix gets, once the whole register has been walked.
    pub(super) fn next_entry(&self, agenda: &Agenda) -> EntryId {
        match (self.rising, agenda.register.last()) {
            (true, Some(last)) if last.id.0 < crate::model::MAX_ID => EntryId(last.id.0 + 1),
            _ => agenda.next_entry_id(),
        }
    }

    pub(super) fn into_index(self) -> RegisterIndex<'a> {
        self.index
    }
}

/// Once every citation has been read: the entries nothing cites.
pub(super) fn uncited(cx: &mut Ctx, cited: &[bool]) {
    let a = cx.agenda;
    let remove: Arc<str> = Arc::from("Remove from Annex A");
    // Each message is written here, then copied once into its own allocation.
    let mut message = String::with_capacity(48);
    for (i, e) in a.register.iter().enumerate() {
        if !cited[i] && matches!(e.number, DocNumber::Document(_)) {
            message.clear();
            message.push_str("Nothing in the agenda cites ");
            e.number.write_to(&mut message);
            message.push('.');
            cx.push(
                Code::RegisterUncited,
                Field::Entry { entry: e.id, field: EntryField::Number },
                message.as_str(),
                Some(Fix { label: remove.clone(), edit: Edit::RemoveEntry { id: e.id } }),
            );
        }
    }
}
