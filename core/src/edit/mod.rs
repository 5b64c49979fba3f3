//! Every change to an agenda is an [`Edit`]. Applying one returns its inverse, so undo and redo
//! are just more edits, and the UI, the suggested fixes and the tests all change an agenda the
//! same way. [`History`] keeps the undo and redo stacks; [`commands`] makes the edits of the
//! editor's buttons and keys.

pub mod commands;
mod history;

pub use crate::field::*;
pub use history::History;

use crate::docref::{DocNumber, DocRef};
use crate::model::*;
use crate::time::{Date, Time};

/// The value of a field, typed.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Date(Option<Date>),
    Time(Option<Time>),
    /// Minutes, or a revision number.
    Count(Option<u32>),
    /// A yes or no: whether the meeting was held.
    Flag(bool),
    Docs(Vec<DocRef>),
    List(Vec<String>),
    Number(DocNumber),
}

/// What is inserted is boxed: an item or an entry is several times the size of every other
/// edit, and each finding's fix holds an edit, so an unboxed insert would make every fix, and a
/// large draft register's thousands of "remove this entry", that large.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Set {
        field: Field,
        value: Value,
    },
    /// Inserts an item with its sub-items.
    InsertItem {
        at: Location,
        item: Box<Item>,
    },
    RemoveItem {
        id: ItemId,
    },
    /// Moves an item with its sub-items; `to` is read after the item has been taken out.
    MoveItem {
        id: ItemId,
        to: Location,
    },
    InsertSession {
        index: usize,
        session: Box<Session>,
    },
    RemoveSession {
        id: SessionId,
    },
    InsertEntry {
        index: usize,
        entry: Box<RegisterEntry>,
    },
    RemoveEntry {
        id: EntryId,
    },
    InsertAnnex {
        index: usize,
        annex: Box<Annex>,
    },
    RemoveAnnex {
        id: AnnexId,
    },
    InsertFutureMeeting {
        index: usize,
        meeting: Box<FutureMeeting>,
    },
    RemoveFutureMeeting {
        id: FutureMeetingId,
    },
    /// Several edits as one step (a fix that touches several places, "add every missing
    /// document").
    Batch(Vec<Edit>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError(pub String);

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EditError {}

fn gone(what: &str) -> EditError {
    EditError(format!("{what} no longer exists"))
}

enum Slot<'a> {
    Text(&'a mut String),
    Date(&'a mut Option<Date>),
    Time(&'a mut Option<Time>),
    Count(&'a mut Option<u32>),
    Flag(&'a mut bool),
    Docs(&'a mut Vec<DocRef>),
    List(&'a mut Vec<String>),
    Number(&'a mut DocNumber),
}

fn slot(agenda: &mut Agenda, field: Field) -> Result<Slot<'_>, EditError> {
    Ok(match field {
        Field::Agenda { field } => {
            use AgendaField as F;
            let a = agenda;
            match field {
                F::Document => Slot::Text(&mut a.document),
                F::Revision => Slot::Count(&mut a.revision),
                F::Title => Slot::Text(&mut a.title),
                F::Source => Slot::Text(&mut a.source),
                F::Group => Slot::Text(&mut a.group),
                F::Meeting => Slot::Text(&mut a.meeting),
                F::Place => Slot::Text(&mut a.place),
                F::StartDate => Slot::Date(&mut a.start_date),
                F::EndDate => Slot::Date(&mut a.end_date),
                F::TimeZone => Slot::Text(&mut a.time_zone),
                F::TimeZoneLabel => Slot::Text(&mut a.time_zone_label),
                F::StudyPeriod => Slot::Text(&mut a.study_period),
                F::Questions => Slot::Text(&mut a.questions),
                F::Purpose => Slot::Text(&mut a.purpose),
                F::ContactName => Slot::Text(&mut a.contact.name),
                F::ContactOrganisation => Slot::Text(&mut a.contact.organisation),
                F::ContactEmail => Slot::Text(&mut a.contact.email),
                F::Keywords => Slot::Text(&mut a.keywords),
                F::OriginalLanguage => Slot::Text(&mut a.original_language),
                F::Abstract => Slot::Text(&mut a.abstract_text),
                F::ActionRequired => Slot::Text(&mut a.action_required),
                F::Notes => Slot::Text(&mut a.notes),
                F::Status => Slot::Text(&mut a.status),
                F::Report => Slot::Text(&mut a.report),
                F::Held => Slot::Flag(&mut a.held),
                F::LinkTemplate => Slot::Text(&mut a.link_template),
                F::Actions => Slot::List(&mut a.actions),
                F::Categories => Slot::List(&mut a.categories),
                F::Outcomes => Slot::List(&mut a.outcomes),
            }
        }
        Field::Session { session, field } => {
            let s = agenda.session_mut(session).ok_or_else(|| gone("The session"))?;
            match field {
                SessionField::Date => Slot::Date(&mut s.date),
                SessionField::DayLabel => Slot::Text(&mut s.day_label),
                SessionField::Start => Slot::Time(&mut s.start),
                SessionField::End => Slot::Time(&mut s.end),
                SessionField::Title => Slot::Text(&mut s.title),
            }
        }
        Field::Item { item, field } => {
            let i = agenda.item_mut(item).ok_or_else(|| gone("The item"))?;
            match field {
                ItemField::Title => Slot::Text(&mut i.title),
                ItemField::Source => Slot::Text(&mut i.source),
                ItemField::Docs => Slot::Docs(&mut i.docs),
                ItemField::Summary => Slot::Text(&mut i.summary),
                ItemField::Actions => Slot::List(&mut i.actions),
                ItemField::Notes => Slot::Text(&mut i.notes),
                ItemField::Outcome => Slot::Text(&mut i.outcome),
                ItemField::OutcomeNote => Slot::Text(&mut i.outcome_note),
                ItemField::Start => Slot::Time(&mut i.start),
                ItemField::Duration => Slot::Count(&mut i.duration),
            }
        }
        Field::Entry { entry, field } => {
            let e = agenda
                .register
                .iter_mut()
                .find(|e| e.id == entry)
                .ok_or_else(|| gone("The register entry"))?;
            match field {
                EntryField::Number => Slot::Number(&mut e.number),
                EntryField::Category => Slot::Text(&mut e.category),
                EntryField::Source => Slot::Text(&mut e.source),
                EntryField::Title => Slot::Text(&mut e.title),
            }
        }
        Field::Annex { annex, field } => {
            let a = agenda.annexes.iter_mut().find(|a| a.id == annex).ok_or_else(|| gone("The annex"))?;
            match field {
                AnnexField::Title => Slot::Text(&mut a.title),
                AnnexField::Body => Slot::Text(&mut a.body),
            }
        }
        Field::FutureMeeting { meeting, field } => {
            let m = agenda
                .future_meetings
                .iter_mut()
                .find(|m| m.id == meeting)
                .ok_or_else(|| gone("The future meeting"))?;
            match field {
                FutureMeetingField::Date => Slot::Date(&mut m.date),
                FutureMeetingField::Start => Slot::Time(&mut m.start),
                FutureMeetingField::End => Slot::Time(&mut m.end),
                FutureMeetingField::Timing => Slot::Text(&mut m.timing),
                FutureMeetingField::Subject => Slot::Text(&mut m.subject),
            }
        }
    })
}

fn set(agenda: &mut Agenda, field: Field, value: Value) -> Result<Value, EditError> {
    use std::mem::replace;
    Ok(match (slot(agenda, field)?, value) {
        (Slot::Text(s), Value::Text(v)) => Value::Text(replace(s, v)),
        (Slot::Date(s), Value::Date(v)) => Value::Date(replace(s, v)),
        (Slot::Time(s), Value::Time(v)) => Value::Time(replace(s, v)),
        (Slot::Count(s), Value::Count(v)) => Value::Count(replace(s, v)),
        (Slot::Flag(s), Value::Flag(v)) => Value::Flag(replace(s, v)),
        (Slot::Docs(s), Value::Docs(v)) => Value::Docs(replace(s, v)),
        (Slot::List(s), Value::List(v)) => Value::List(replace(s, v)),
        (Slot::Number(s), Value::Number(v)) => Value::Number(replace(s, v)),
        (_, v) => return Err(EditError(format!("{field:?} cannot hold {v:?}"))),
    })
}

/// Reads one field of an item.
pub fn get_item(i: &Item, field: ItemField) -> Value {
    match field {
        ItemField::Title => Value::Text(i.title.clone()),
        ItemField::Source => Value::Text(i.source.clone()),
        ItemField::Docs => Value::Docs(i.docs.clone()),
        ItemField::Summary => Value::Text(i.summary.clone()),
        ItemField::Actions => Value::List(i.actions.clone()),
        ItemField::Notes => Value::Text(i.notes.clone()),
        ItemField::Outcome => Value::Text(i.outcome.clone()),
        ItemField::OutcomeNote => Value::Text(i.outcome_note.clone()),
        ItemField::Start => Value::Time(i.start),
        ItemField::Duration => Value::Count(i.duration),
    }
}

/// Reads one field of a register entry.
pub fn get_entry(e: &RegisterEntry, field: EntryField) -> Value {
    match field {
        EntryField::Number => Value::Number(e.number.clone()),
        EntryField::Category => Value::Text(e.category.clone()),
        EntryField::Source => Value::Text(e.source.clone()),
        EntryField::Title => Value::Text(e.title.clone()),
    }
}

/// Reads a field's current value; None when the thing it belongs to no longer exists.
pub fn get(agenda: &Agenda, field: Field) -> Option<Value> {
    let text = |s: &String| Some(Value::Text(s.clone()));
    match field {
        Field::Agenda { field } => {
            use AgendaField as F;
            let a = agenda;
            match field {
                F::Document => text(&a.document),
                F::Revision => Some(Value::Count(a.revision)),
                F::Title => text(&a.title),
                F::Source => text(&a.source),
                F::Group => text(&a.group),
                F::Meeting => text(&a.meeting),
                F::Place => text(&a.place),
                F::StartDate => Some(Value::Date(a.start_date)),
                F::EndDate => Some(Value::Date(a.end_date)),
                F::TimeZone => text(&a.time_zone),
                F::TimeZoneLabel => text(&a.time_zone_label),
                F::StudyPeriod => text(&a.study_period),
                F::Questions => text(&a.questions),
                F::Purpose => text(&a.purpose),
                F::ContactName => text(&a.contact.name),
                F::ContactOrganisation => text(&a.contact.organisation),
                F::ContactEmail => text(&a.contact.email),
                F::Keywords => text(&a.keywords),
                F::OriginalLanguage => text(&a.original_language),
                F::Abstract => text(&a.abstract_text),
                F::ActionRequired => text(&a.action_required),
                F::Notes => text(&a.notes),
                F::Status => text(&a.status),
                F::Report => text(&a.report),
                F::Held => Some(Value::Flag(a.held)),
                F::LinkTemplate => text(&a.link_template),
                F::Actions => Some(Value::List(a.actions.clone())),
                F::Categories => Some(Value::List(a.categories.clone())),
                F::Outcomes => Some(Value::List(a.outcomes.clone())),
            }
        }
        Field::Session { session, field } => {
            let s = agenda.session(session)?;
            match field {
                SessionField::Date => Some(Value::Date(s.date)),
                SessionField::DayLabel => text(&s.day_label),
                SessionField::Start => Some(Value::Time(s.start)),
                SessionField::End => Some(Value::Time(s.end)),
                SessionField::Title => text(&s.title),
            }
        }
        Field::Item { item, field } => Some(get_item(agenda.item(item)?, field)),
        Field::Entry { entry, field } => Some(get_entry(agenda.entry(entry)?, field)),
        Field::Annex { annex, field } => {
            let a = agenda.annexes.iter().find(|a| a.id == annex)?;
            match field {
                AnnexField::Title => text(&a.title),
                AnnexField::Body => text(&a.body),
            }
        }
        Field::FutureMeeting { meeting, field } => {
            let m = agenda.future_meetings.iter().find(|m| m.id == meeting)?;
            match field {
                FutureMeetingField::Date => Some(Value::Date(m.date)),
                FutureMeetingField::Start => Some(Value::Time(m.start)),
                FutureMeetingField::End => Some(Value::Time(m.end)),
                FutureMeetingField::Timing => text(&m.timing),
                FutureMeetingField::Subject => text(&m.subject),
            }
        }
    }
}

impl Value {
    /// The value as the editor shows it in a text box.
    pub fn display(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Date(d) => d.map(|d| d.to_string()).unwrap_or_default(),
            Value::Time(t) => t.map(|t| t.to_string()).unwrap_or_default(),
            Value::Count(n) => n.map(|n| n.to_string()).unwrap_or_default(),
            Value::Flag(b) => (if *b { "yes" } else { "no" }).to_string(),
            Value::Docs(d) => crate::docref::format_docs_cell(d),
            Value::List(l) => l.join("\n"),
            Value::Number(n) => n.to_string(),
        }
    }

    /// Reads text typed into a field holding a value of this kind. An empty box clears an
    /// optional value. The error is the message the editor shows beside the field.
    pub fn parse_as(&self, typed: &str) -> Result<Value, String> {
        let t = typed.trim();
        Ok(match self {
            Value::Text(_) => Value::Text(typed.to_string()),
            Value::Date(_) if t.is_empty() => Value::Date(None),
            Value::Date(_) => Value::Date(Some(Date::read_typed(t).map_err(|e| e.0)?)),
            Value::Time(_) if t.is_empty() => Value::Time(None),
            Value::Time(_) => Value::Time(Some(t.parse().map_err(|e: crate::time::ParseError| e.0)?)),
            Value::Count(_) if t.is_empty() => Value::Count(None),
            Value::Count(_) => {
                Value::Count(Some(t.parse().map_err(|_| format!("\"{t}\" is not a whole number, e.g. 15"))?))
            }
            Value::Flag(_) => match t.to_ascii_lowercase().as_str() {
                "yes" | "true" => Value::Flag(true),
                "no" | "false" | "" => Value::Flag(false),
                _ => return Err(format!("\"{t}\" is neither yes nor no")),
            },
            Value::Docs(_) => Value::Docs(crate::docref::parse_docs_cell(typed)),
            Value::List(_) => Value::List(
                typed.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect(),
            ),
            Value::Number(_) => Value::Number(DocNumber::parse(typed)),
        })
    }
}

fn would_nest_in_itself(agenda: &Agenda, id: ItemId, parent: Option<ItemId>) -> bool {
    let Some(p) = parent else { return false };
    let Some(item) = agenda.item(id) else { return false };
    fn contains(items: &[Item], p: ItemId) -> bool {
        items.iter().any(|i| i.id == p || contains(&i.children, p))
    }
    item.id == p || contains(&item.children, p)
}

impl Edit {
    /// Applies the edit and returns the edit that undoes it. On error the agenda is unchanged.
    pub fn apply(self, agenda: &mut Agenda) -> Result<Edit, EditError> {
        match self {
            Edit::Set { field, value } => {
                let old = set(agenda, field, value)?;
                Ok(Edit::Set { field, value: old })
            }
            Edit::InsertItem { at, item } => {
                let id = item.id;
                if agenda.item(id).is_some() {
                    return Err(EditError(format!("An item with id {} already exists", id.0)));
                }
                let list = agenda
                    .siblings_mut(at.session, at.parent)
                    .ok_or_else(|| gone("The place to insert into"))?;
                if at.index > list.len() {
                    return Err(EditError("The place to insert into is past the end".into()));
                }
                list.insert(at.index, *item);
                Ok(Edit::RemoveItem { id })
            }
            Edit::RemoveItem { id } => {
                let at = agenda.locate(id).ok_or_else(|| gone("The item"))?;
                let list = agenda.siblings_mut(at.session, at.parent).expect("located");
                let item = list.remove(at.index);
                Ok(Edit::InsertItem { at, item: Box::new(item) })
            }
            Edit::MoveItem { id, to } => {
                if would_nest_in_itself(agenda, id, to.parent) {
                    return Err(EditError("An item cannot move inside itself".into()));
                }
                let from = agenda.locate(id).ok_or_else(|| gone("The item"))?;
                let list = agenda.siblings_mut(from.session, from.parent).expect("located");
                let item = list.remove(from.index);
                let Some(target) = agenda.siblings_mut(to.session, to.parent).filter(|t| to.index <= t.len())
                else {
                    // Put it back where it was: an edit that fails changes nothing.
                    let list = agenda.siblings_mut(from.session, from.parent).expect("was there");
                    list.insert(from.index, item);
                    return Err(gone("The place to move to"));
                };
                target.insert(to.index, item);
                Ok(Edit::MoveItem { id, to: from })
            }
            Edit::InsertSession { index, session } => {
                let id = session.id;
                if index > agenda.sessions.len() {
                    return Err(EditError("No such session position".into()));
                }
                agenda.sessions.insert(index, *session);
                Ok(Edit::RemoveSession { id })
            }
            Edit::RemoveSession { id } => {
                let index =
                    agenda.sessions.iter().position(|s| s.id == id).ok_or_else(|| gone("The session"))?;
                let session = agenda.sessions.remove(index);
                Ok(Edit::InsertSession { index, session: Box::new(session) })
            }
            Edit::InsertEntry { index, entry } => {
                let id = entry.id;
                if index > agenda.register.len() {
                    return Err(EditError("No such register position".into()));
                }
                agenda.register.insert(index, *entry);
                Ok(Edit::RemoveEntry { id })
            }
            Edit::RemoveEntry { id } => {
                let index = agenda
                    .register
                    .iter()
                    .position(|s| s.id == id)
                    .ok_or_else(|| gone("The register entry"))?;
                let entry = agenda.register.remove(index);
                Ok(Edit::InsertEntry { index, entry: Box::new(entry) })
            }
            Edit::InsertAnnex { index, annex } => {
                let id = annex.id;
                if index > agenda.annexes.len() {
                    return Err(EditError("No such annex position".into()));
                }
                agenda.annexes.insert(index, *annex);
                Ok(Edit::RemoveAnnex { id })
            }
            Edit::RemoveAnnex { id } => {
                let index =
                    agenda.annexes.iter().position(|s| s.id == id).ok_or_else(|| gone("The annex"))?;
                let annex = agenda.annexes.remove(index);
                Ok(Edit::InsertAnnex { index, annex: Box::new(annex) })
            }
            Edit::InsertFutureMeeting { index, meeting } => {
                let id = meeting.id;
                if index > agenda.future_meetings.len() {
                    return Err(EditError("No such position among future meetings".into()));
                }
                agenda.future_meetings.insert(index, *meeting);
                Ok(Edit::RemoveFutureMeeting { id })
            }
            Edit::RemoveFutureMeeting { id } => {
                let index = agenda
                    .future_meetings
                    .iter()
                    .position(|s| s.id == id)
                    .ok_or_else(|| gone("The future meeting"))?;
                let meeting = agenda.future_meetings.remove(index);
                Ok(Edit::InsertFutureMeeting { index, meeting: Box::new(meeting) })
            }
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for e in edits {
                    match e.apply(agenda) {
                        Ok(inv) => inverses.push(inv),
                        Err(err) => {
                            // Roll back what was done so a failed batch changes nothing.
                            for inv in inverses.into_iter().rev() {
                                inv.apply(agenda).expect("inverse of an applied edit applies");
                            }
                            return Err(err);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }
        }
    }
}
