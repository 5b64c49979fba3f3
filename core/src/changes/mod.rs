//! What changed between two states of one agenda: a published revision and the agenda now, or
//! two files of it. Things are matched by their stable ids, never by their text, so an item
//! retitled is a changed title, not one item removed and another added, and an item that only
//! took a new number because another moved is renumbered, not moved.

mod words;

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffTag};

pub use words::{side, words, Words};

use crate::edit::{get, Value};
use crate::field::{AgendaField, AnnexField, EntryField, Field, FutureMeetingField, ItemField, SessionField};
use crate::model::{annex_letter, Agenda, Item, ItemId, SessionId, REGISTER_LETTER};

/// What kind of thing a change is to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Session,
    Item,
    Entry,
    Annex,
    FutureMeeting,
}

/// One change, named as the user knows the thing: "Item 2.3", "Annex A, entry 14 (TD700)".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// In the new agenda only; `name` is its name there, `text` its title or number, `at` the
    /// field to go to (its title, or its number in Annex A).
    Added {
        part: Part,
        name: String,
        text: String,
        #[serde(skip)]
        at: Option<Field>,
    },
    /// In the old agenda only; `name` is its name there.
    Removed { part: Part, name: String, text: String },
    /// Put elsewhere: under another item or in another session, or in another order among the
    /// things that are in both.
    Moved {
        part: Part,
        from: String,
        to: String,
        text: String,
        #[serde(skip)]
        at: Option<Field>,
    },
    /// An item that stayed where it was but took a new number, because items before it were
    /// added, removed or moved.
    Renumbered {
        from: String,
        to: String,
        text: String,
        #[serde(skip)]
        at: Option<Field>,
    },
    /// A field of something in both; `name` is the field's name in the new agenda. `words` are
    /// the runs from the old value to the new, as the values read in the editor's boxes, and
    /// the documents with their statuses ([`shown`]).
    Changed { field: Field, name: String, before: String, after: String, words: Vec<Words> },
}

impl Change {
    /// The field to go to for this change: what changed, or the title of what was added or
    /// moved. None for what was removed: it is not in the agenda any more.
    pub fn at(&self) -> Option<Field> {
        match self {
            Change::Added { at, .. } | Change::Moved { at, .. } | Change::Renumbered { at, .. } => *at,
            Change::Changed { field, .. } => Some(*field),
            Change::Removed { .. } => None,
        }
    }

    /// The change as one line of text, the words marked as a word diff marks them:
    /// `[-deleted-]{+inserted+}`.
    pub fn line(&self) -> String {
        match self {
            Change::Added { name, text, .. } => titled(format!("{name} added"), text),
            Change::Removed { name, text, .. } => titled(format!("{name} removed"), text),
            Change::Moved { from, to, text, .. } if from == to => titled(format!("{to} moved"), text),
            Change::Moved { from, to, text, .. } => {
                titled(format!("{from} moved to {}", short(from, to)), text)
            }
            Change::Renumbered { from, to, text, .. } => {
                titled(format!("{from} is now {}", short(from, to)), text)
            }
            Change::Changed { name, words, .. } => {
                let mut out = format!("{name}: ");
                for w in words {
                    match w {
                        Words::Kept(s) => out.push_str(s),
                        Words::Inserted(s) => {
                            out.push_str("{+");
                            out.push_str(s);
                            out.push_str("+}");
                        }
                        Words::Deleted(s) => {
                            out.push_str("[-");
                            out.push_str(s);
                            out.push_str("-]");
                        }
                    }
                }
                out
            }
        }
    }
}

/// A value as a change shows it: as the editor's box reads it, with what became of each
/// document ("TD667R1 [revised as TD667R2]"), which the Docs box does not print; a status
/// entered during the meeting would otherwise be a change with nothing marked.
pub fn shown(v: &Value) -> String {
    match v {
        Value::Docs(docs) if docs.iter().any(|d| d.status.is_some()) => docs
            .iter()
            .map(|d| match &d.status {
                Some(s) => format!("{} [{}]", d.printed(), s.words()),
                None => d.printed(),
            })
            .collect::<Vec<_>>()
            .join(", "),
        _ => v.display(),
    }
}

/// "Item 2 moved", then ": its title" if it has one.
fn titled(head: String, text: &str) -> String {
    if text.is_empty() {
        head
    } else {
        format!("{head}: {text}")
    }
}

/// `to` without the word it shares with `from`: "Item 1.2" is now "1.3".
fn short<'s>(from: &str, to: &'s str) -> &'s str {
    match (from.split_once(' '), to.split_once(' ')) {
        (Some((a, _)), Some((b, rest))) if a == b => rest,
        _ => to,
    }
}

/// Everything that changed from `old` to `new`: the header's fields, then the sessions and their
/// items in the new agenda's order (what was removed after what is kept), then Annex A, the
/// free-text annexes and the future meetings.
pub fn changes(old: &Agenda, new: &Agenda) -> Vec<Change> {
    let mut out = Vec::new();
    let fields = |out: &mut Vec<Change>, fs: &mut dyn Iterator<Item = Field>, names: &Names| {
        for f in fs {
            let (Some(a), Some(b)) = (get(old, f), get(new, f)) else { continue };
            if a != b {
                let (before, after) = (shown(&a), shown(&b));
                let words = words(&before, &after);
                out.push(Change::Changed { field: f, name: names.field(f), before, after, words });
            }
        }
    };
    let (was, now) = (Names::new(old), Names::new(new));
    fields(&mut out, &mut AgendaField::ALL.iter().map(|&field| Field::Agenda { field }), &now);

    let sessions = |a: &Agenda| a.sessions.iter().map(|s| s.id).collect::<Vec<_>>();
    let session_text =
        |a: &Agenda, id: SessionId| a.session(id).map(|s| s.title.trim().to_string()).unwrap_or_default();
    list(
        &mut out,
        Part::Session,
        &sessions(old),
        &sessions(new),
        |id| was.session(id),
        |id| now.session(id),
        |id, new_side| session_text(if new_side { new } else { old }, id),
        |id| Field::Session { session: id, field: SessionField::Title },
        |out, id| {
            fields(
                out,
                &mut SessionField::ALL.iter().map(|&field| Field::Session { session: id, field }),
                &now,
            )
        },
    );
    items(&mut out, old, new, &was, &now, &mut |out, id| {
        fields(out, &mut ItemField::ALL.iter().map(|&field| Field::Item { item: id, field }), &now)
    });

    let entries = |a: &Agenda| a.register.iter().map(|e| e.id).collect::<Vec<_>>();
    list(
        &mut out,
        Part::Entry,
        &entries(old),
        &entries(new),
        |id| was.entry(id),
        |id| now.entry(id),
        |id, new_side| {
            let a = if new_side { new } else { old };
            a.entry(id).map(|e| e.title.trim().to_string()).unwrap_or_default()
        },
        |id| Field::Entry { entry: id, field: EntryField::Number },
        |out, id| {
            fields(out, &mut EntryField::ALL.iter().map(|&field| Field::Entry { entry: id, field }), &now)
        },
    );

    let annexes = |a: &Agenda| a.annexes.iter().map(|x| x.id).collect::<Vec<_>>();
    list(
        &mut out,
        Part::Annex,
        &annexes(old),
        &annexes(new),
        |id| was.annex(id),
        |id| now.annex(id),
        |id, new_side| {
            let a = if new_side { new } else { old };
            a.annexes.iter().find(|x| x.id == id).map(|x| x.title.trim().to_string()).unwrap_or_default()
        },
        |id| Field::Annex { annex: id, field: AnnexField::Title },
        |out, id| {
            fields(out, &mut AnnexField::ALL.iter().map(|&field| Field::Annex { annex: id, field }), &now)
        },
    );

    let meetings = |a: &Agenda| a.future_meetings.iter().map(|m| m.id).collect::<Vec<_>>();
    list(
        &mut out,
        Part::FutureMeeting,
        &meetings(old),
        &meetings(new),
        |id| was.future_meeting(id),
        |id| now.future_meeting(id),
        |id, new_side| {
            let a = if new_side { new } else { old };
            a.future_meetings
                .iter()
                .find(|m| m.id == id)
                .map(|m| m.subject.trim().to_string())
                .unwrap_or_default()
        },
        |id| Field::FutureMeeting { meeting: id, field: FutureMeetingField::Subject },
        |out, id| {
            fields(
                out,
                &mut FutureMeetingField::ALL.iter().map(|&field| Field::FutureMeeting { meeting: id, field }),
                &now,
            )
        },
    );
    out
}

/// The things of one flat list (sessions, register entries, annexes, future meetings): each
/// kept one's moves and field changes in the new order, then those added, then those removed.
#[allow(clippy::too_many_arguments)]
fn list<Id: Copy + Ord + std::hash::Hash>(
    out: &mut Vec<Change>,
    part: Part,
    old: &[Id],
    new: &[Id],
    was: impl Fn(Id) -> String,
    now: impl Fn(Id) -> String,
    text: impl Fn(Id, bool) -> String,
    at: impl Fn(Id) -> Field,
    mut fields: impl FnMut(&mut Vec<Change>, Id),
) {
    let in_old: rustc_hash::FxHashSet<Id> = old.iter().copied().collect();
    let in_new: rustc_hash::FxHashSet<Id> = new.iter().copied().collect();
    let kept_old: Vec<Id> = old.iter().copied().filter(|i| in_new.contains(i)).collect();
    let kept_new: Vec<Id> = new.iter().copied().filter(|i| in_old.contains(i)).collect();
    let moved = out_of_order(&kept_old, &kept_new);
    for &id in new {
        if !in_old.contains(&id) {
            out.push(Change::Added { part, name: now(id), text: text(id, true), at: Some(at(id)) });
            continue;
        }
        if moved.contains(&id) {
            out.push(Change::Moved {
                part,
                from: was(id),
                to: now(id),
                text: text(id, true),
                at: Some(at(id)),
            });
        }
        fields(out, id);
    }
    for &id in old {
        if !in_new.contains(&id) {
            out.push(Change::Removed { part, name: was(id), text: text(id, false) });
        }
    }
}

/// Of the things in both orders, those not on the longest run they share: what was moved. Two
/// items swapped are one move, not two.
fn out_of_order<Id: Copy + Ord + std::hash::Hash>(old: &[Id], new: &[Id]) -> rustc_hash::FxHashSet<Id> {
    let mut moved = rustc_hash::FxHashSet::default();
    for op in capture_diff_slices(Algorithm::Myers, old, new) {
        if op.tag() != DiffTag::Equal {
            moved.extend(new[op.new_range()].iter().copied());
        }
    }
    moved
}

/// Where an item sits: its session and the item it is under.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Place {
    session: SessionId,
    parent: Option<ItemId>,
}

/// Each item with its place, in document order.
fn placed(a: &Agenda) -> Vec<(ItemId, Place)> {
    fn walk(items: &[Item], session: SessionId, parent: Option<ItemId>, out: &mut Vec<(ItemId, Place)>) {
        for it in items {
            out.push((it.id, Place { session, parent }));
            walk(&it.children, session, Some(it.id), out);
        }
    }
    let mut out = Vec::new();
    for s in &a.sessions {
        walk(&s.items, s.id, None, &mut out);
    }
    out
}

/// The items: each kept one's move, renumbering and field changes in the new order, then the
/// items added, then those removed.
fn items(
    out: &mut Vec<Change>,
    old: &Agenda,
    new: &Agenda,
    was: &Names,
    now: &Names,
    fields: &mut dyn FnMut(&mut Vec<Change>, ItemId),
) {
    let (before, after) = (placed(old), placed(new));
    let place_before: rustc_hash::FxHashMap<ItemId, Place> = before.iter().copied().collect();
    let place_after: rustc_hash::FxHashMap<ItemId, Place> = after.iter().copied().collect();
    // An item is moved when its place changed, or when, among the kept items that share its
    // place on both sides, it is out of the order they had.
    let siblings = |list: &[(ItemId, Place)], other: &rustc_hash::FxHashMap<ItemId, Place>| {
        let mut by_place: rustc_hash::FxHashMap<Place, Vec<ItemId>> = Default::default();
        for &(id, p) in list {
            if other.get(&id) == Some(&p) {
                by_place.entry(p).or_default().push(id);
            }
        }
        by_place
    };
    let (old_siblings, new_siblings) = (siblings(&before, &place_after), siblings(&after, &place_before));
    let mut moved: rustc_hash::FxHashSet<ItemId> = Default::default();
    for (place, ids) in &new_siblings {
        moved.extend(out_of_order(old_siblings.get(place).map_or(&[][..], |v| v), ids));
    }
    let title = |a: &Agenda, id: ItemId| a.item(id).map(|i| i.title.trim().to_string()).unwrap_or_default();
    let at = |id: ItemId| Field::Item { item: id, field: ItemField::Title };
    for &(id, p) in &after {
        let Some(q) = place_before.get(&id) else {
            out.push(Change::Added {
                part: Part::Item,
                name: now.item(id),
                text: title(new, id),
                at: Some(at(id)),
            });
            continue;
        };
        let (from, to) = (was.item(id), now.item(id));
        if *q != p || moved.contains(&id) {
            out.push(Change::Moved { part: Part::Item, from, to, text: title(new, id), at: Some(at(id)) });
        } else if from != to {
            out.push(Change::Renumbered { from, to, text: title(new, id), at: Some(at(id)) });
        }
        fields(out, id);
    }
    for &(id, _) in &before {
        if !place_after.contains_key(&id) {
            out.push(Change::Removed { part: Part::Item, name: was.item(id), text: title(old, id) });
        }
    }
}

/// The names things go by in one agenda.
struct Names<'a> {
    agenda: &'a Agenda,
    fields: crate::checks::FieldNames<'a>,
    numbers: rustc_hash::FxHashMap<ItemId, String>,
}

impl<'a> Names<'a> {
    fn new(agenda: &'a Agenda) -> Self {
        let numbers = agenda.rows().into_iter().map(|r| (r.id, r.number)).collect();
        Names { agenda, fields: crate::checks::FieldNames::new(agenda), numbers }
    }

    fn field(&self, f: Field) -> String {
        self.fields.name(f)
    }

    fn item(&self, id: ItemId) -> String {
        format!("Item {}", self.numbers.get(&id).map_or("?", |n| n.as_str()))
    }

    fn session(&self, id: SessionId) -> String {
        let n = self.agenda.sessions.iter().position(|s| s.id == id).map_or(0, |i| i + 1);
        format!("Session {n}")
    }

    fn entry(&self, id: crate::model::EntryId) -> String {
        let a = self.agenda;
        match a.register.iter().position(|e| e.id == id) {
            Some(i) => format!("Annex {REGISTER_LETTER}, entry {} ({})", i + 1, a.register[i].number),
            None => format!("Annex {REGISTER_LETTER}, an entry"),
        }
    }

    fn annex(&self, id: crate::model::AnnexId) -> String {
        let i = self.agenda.annexes.iter().position(|x| x.id == id).unwrap_or(0);
        format!("Annex {}", annex_letter(i))
    }

    fn future_meeting(&self, id: crate::model::FutureMeetingId) -> String {
        let n = self.agenda.future_meetings.iter().position(|m| m.id == id).map_or(0, |i| i + 1);
        format!("Future meeting {n}")
    }
}
