//! The meeting report's skeleton: what it prints, worked out once from the agenda and laid out
//! by [`html`] (a standalone HTML file) and by the Word writer (`docx::report`): the report's
//! own number and header, then each session with its items, the documents each item cited and
//! what became of them, and the item's outcome; then every document of the meeting with its
//! status. The rapporteur writes the report's prose around it instead of retyping the agenda.

pub(super) mod html;

use std::collections::{HashMap, HashSet};

use super::printed::{header_rows, session_day, session_times, study_period};
use crate::docref::{DocKey, DocNumber, DocRef, DocStatus};
use crate::model::{Agenda, Item};
use crate::numbering::Outline;
use crate::revisions::number_at;

/// What the report prints, in its order.
pub struct Report<'a> {
    pub agenda: &'a Agenda,
    /// The report's own number ("TD515"), or empty where the agenda names none.
    pub number: &'a str,
    /// "Report of the TSAG RG-SOP meeting".
    pub title: String,
    /// The study period line under the group's name.
    pub study_period: Option<String>,
    /// The header's rows under its first, each as its label and its text (empty ones left out):
    /// the agenda's, with the report's title, without the agenda's status line, and with the
    /// agenda's own number last.
    pub header: Vec<(&'static str, String)>,
    pub sessions: Vec<Session<'a>>,
    /// Annex A's entries in order, then documents cited that Annex A does not list.
    pub documents: Vec<Document<'a>>,
}

/// A session of the report: its heading and its items.
pub struct Session<'a> {
    /// "Thursday, 1 August, 14:30 - 15:45 hours Geneva time: TSAG Rapporteur Group".
    pub heading: String,
    pub items: Vec<ReportedItem<'a>>,
}

/// An item as the report prints it.
pub struct ReportedItem<'a> {
    /// "2.2", numbered as the agenda numbers it.
    pub number: String,
    /// 0 for a top item, 1 for its sub-items …
    pub depth: usize,
    pub item: &'a Item,
    pub outcome: Outcome<'a>,
}

/// What the report says of an item's outcome.
pub enum Outcome<'a> {
    /// Nothing to say: a heading or an item that asks for no decision.
    None,
    /// An item that asks for a decision has none entered yet: a mark shows the gap.
    Pending,
    /// The outcome as printed ("Agreed.", its dot made one) and its note, either possibly empty.
    Entered { word: String, note: &'a str },
}

/// A meeting document in the report's list.
pub struct Document<'a> {
    pub number: DocNumber,
    pub source: &'a str,
    /// Its title, or "(not in Annex A)" for a document Annex A does not list.
    pub title: &'a str,
    /// What became of it, gathered from every item that cites it, each once, in the order given.
    pub statuses: Vec<DocStatus>,
}

impl<'a> Report<'a> {
    pub fn new(a: &'a Agenda) -> Report<'a> {
        let title = report_title(a);
        let mut header = Vec::new();
        for (label, value) in header_rows(a) {
            match label {
                "Title" => header.push((label, title.clone())),
                // The agenda's status line is the agenda's, not the report's.
                "Status" => {}
                _ => header.push((label, value)),
            }
        }
        let agenda_number = number_at(a, a.revision.unwrap_or(0));
        if !agenda_number.is_empty() {
            header.push(("Agenda", agenda_number));
        }

        let outline = Outline::new(a);
        let mut statuses = Statuses::default();
        let sessions = a
            .sessions
            .iter()
            .enumerate()
            .map(|(si, s)| {
                let day = session_day(&s.day_label, s.date);
                let when: Vec<String> = [day, session_times(a, s).unwrap_or_default()]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .collect();
                let mut heading = when.join(", ");
                if !s.title.trim().is_empty() {
                    if !when.is_empty() {
                        heading.push_str(": ");
                    }
                    heading.push_str(s.title.trim());
                }
                let items = outline
                    .session(si)
                    .map(|k| {
                        let item = outline.items()[k];
                        for d in &item.docs {
                            statuses.cited(d);
                        }
                        ReportedItem {
                            number: outline.number_at(k),
                            depth: outline.depth(k),
                            item,
                            outcome: outcome(item),
                        }
                    })
                    .collect();
                Session { heading, items }
            })
            .collect();

        Report {
            agenda: a,
            number: a.report.trim(),
            title,
            study_period: study_period(a),
            header,
            sessions,
            documents: statuses.documents(a),
        }
    }

    /// The report's name as a title bar or a file's properties give it: "TD515 Report of …".
    pub fn heading(&self) -> String {
        if self.number.is_empty() {
            self.title.clone()
        } else {
            format!("{} {}", self.number, self.title)
        }
    }
}

/// "Report of the TSAG RG-SOP meeting"; "Meeting report" for an agenda that names no group.
fn report_title(a: &Agenda) -> String {
    match a.group.trim() {
        "" => "Meeting report".to_string(),
        g => format!("Report of the {g} meeting"),
    }
}

fn outcome(item: &Item) -> Outcome<'_> {
    let (word, note) = (item.outcome.trim(), item.outcome_note.trim());
    if word.is_empty() && note.is_empty() {
        if !item.actions.is_empty() || !item.docs.is_empty() {
            return Outcome::Pending;
        }
        return Outcome::None;
    }
    let word = if word.is_empty() { String::new() } else { super::printed::action(word) };
    Outcome::Entered { word, note }
}

/// What became of each meeting document, gathered from every item that cites it: by document
/// and revision, in the order first cited.
#[derive(Default)]
struct Statuses {
    by_document: HashMap<(DocKey, Option<u32>), usize>,
    /// Each document as first cited, with its statuses, each once, in the order given.
    found: Vec<(DocNumber, Vec<DocStatus>)>,
}

impl Statuses {
    fn cited(&mut self, d: &DocRef) {
        let DocNumber::Document(id) = &d.number else { return };
        let at = *self.by_document.entry((id.key(), id.revision)).or_insert_with(|| {
            self.found.push((d.number.clone(), Vec::new()));
            self.found.len() - 1
        });
        if let Some(s) = &d.status {
            let list = &mut self.found[at].1;
            if !list.contains(s) {
                list.push(s.clone());
            }
        }
    }

    fn of(&self, n: &DocNumber) -> Vec<DocStatus> {
        let DocNumber::Document(id) = n else { return Vec::new() };
        self.by_document.get(&(id.key(), id.revision)).map(|&i| self.found[i].1.clone()).unwrap_or_default()
    }

    /// Annex A's entries in order, each with its statuses, then the documents cited that Annex
    /// A does not list.
    fn documents(self, a: &Agenda) -> Vec<Document<'_>> {
        let mut listed = HashSet::new();
        let mut out: Vec<Document<'_>> = a
            .register
            .iter()
            .map(|e| {
                if let DocNumber::Document(id) = &e.number {
                    listed.insert((id.key(), id.revision));
                }
                Document {
                    number: e.number.clone(),
                    source: e.source.trim(),
                    title: e.title.trim(),
                    statuses: self.of(&e.number),
                }
            })
            .collect();
        for (number, statuses) in self.found {
            let DocNumber::Document(id) = &number else { continue };
            if !listed.contains(&(id.key(), id.revision)) {
                out.push(Document { number, source: "", title: "(not in Annex A)", statuses });
            }
        }
        out
    }
}
