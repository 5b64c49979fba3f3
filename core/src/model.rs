//! The agenda of a standards-body meeting, as the rapporteur writes it: a header, sessions each
//! holding a tree of items, the register of documents (Annex A), free-text annexes and future
//! meetings. Item numbers (1, 1.1 …) and annex letters (A, B …) are derived from position and
//! never stored, so reordering can never leave a stale number behind.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::docref::{DocNumber, DocRef};
use crate::time::{Date, Time};

macro_rules! id_type {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(pub u32);
    };
}

id_type!(
    /// Stable identity of an item: survives moves, renumbering and saves.
    ItemId
);
id_type!(SessionId);
id_type!(EntryId);
id_type!(AnnexId);
id_type!(FutureMeetingId);

/// Actions every agenda knows; an agenda can add its own in [`Agenda::actions`].
pub const ACTIONS: &[&str] = &[
    "To adopt",
    "To note",
    "To consider",
    "To discuss",
    "To approve",
    "To agree",
    "To review",
    "To be approved by WP2 Plenary",
    "For information",
];

/// What a TD's "Purpose" says, as ITU's templates offer it; any other text is kept as typed.
pub const PURPOSES: &[&str] = &["Admin", "Decision", "Discussion", "Information", "Other"];

/// What a meeting can decide on an item, as reports write it; an agenda can add its own in
/// [`Agenda::outcomes`].
pub const OUTCOMES: &[&str] =
    &["Noted", "Agreed", "Approved", "Approved with modifications", "Not approved", "Deferred", "Withdrawn"];

/// The largest id a file may use. A new thing gets the largest id of its kind plus one, which
/// overflowed on a file with id 4294967295 (a panic in `check` in debug builds, a wrap to id 0 in
/// release builds, which could repeat an id and make the saved agenda unreadable); past this
/// one, new ids are the lowest free ([`fresh_ids`]), so that a file brought up to it still saves
/// as one that opens.
pub const MAX_ID: u32 = i32::MAX as u32;

/// New ids of one kind, given the ids in use: one above the largest, and on; where that would
/// pass [`MAX_ID`] (a file brought ids up to it), the lowest free.
pub fn fresh_ids<I: Iterator<Item = u32> + Clone>(used: I) -> impl Iterator<Item = u32> {
    let max = used.clone().max().unwrap_or(0);
    let above = max.saturating_add(1)..=MAX_ID;
    // Only a file at the limit pays for sorting its ids.
    let mut taken: Vec<u32> = if max >= MAX_ID { used.collect() } else { Vec::new() };
    taken.sort_unstable();
    let free_below = if max >= MAX_ID { max } else { 1 };
    above.chain((1..free_below).filter(move |id| taken.binary_search(id).is_err()))
}

/// How many levels deep items may go, a top-level item being the first. A file holds each
/// level as two levels of JSON, and a file nested deeper than its reader reads cannot be opened
/// again, so what is imported, pasted or indented stops here, well above any real agenda's
/// (three or four) and below what a file with published revisions can hold.
pub const MAX_ITEM_DEPTH: usize = 50;

/// Register categories every agenda knows; an agenda can add its own in [`Agenda::categories`].
pub const CATEGORIES: &[&str] =
    &["Admin", "Report", "Information", "Information (to review)", "Contribution", "Liaison", "Output"];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Agenda {
    /// Identity of this agenda in a library; kept across export and import.
    pub id: String,
    /// The agenda's own document number, as in "TD514".
    #[serde(default)]
    pub document: String,
    /// Revision of the agenda document (TD514R1 is revision 1); none for the original.
    #[serde(default)]
    pub revision: Option<u32>,
    /// Title of the document: "Draft agenda of the RG-SOP session".
    #[serde(default)]
    pub title: String,
    /// Who submits the agenda: "Rapporteur, RG-SOP".
    #[serde(default)]
    pub source: String,
    /// The group that meets: "TSAG RG-SOP".
    #[serde(default)]
    pub group: String,
    /// The meeting the session belongs to: "TSAG meeting".
    #[serde(default)]
    pub meeting: String,
    /// The study period the document belongs to: "2017-2020", printed "STUDY PERIOD 2017-2020".
    #[serde(default)]
    pub study_period: String,
    /// The Questions the document concerns: "All/9".
    #[serde(default)]
    pub questions: String,
    /// Why the document is submitted: "Admin", "Discussion", "Information" …
    #[serde(default)]
    pub purpose: String,
    /// Who to ask about the document.
    #[serde(default)]
    pub contact: Contact,
    /// "agenda; SG9; plenary", as printed.
    #[serde(default)]
    pub keywords: String,
    /// The language the document was written in: "English", printed "Original: English".
    #[serde(default)]
    pub original_language: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub start_date: Option<Date>,
    #[serde(default)]
    pub end_date: Option<Date>,
    /// IANA name of the zone all times are in: "Europe/Zurich".
    #[serde(default)]
    pub time_zone: String,
    /// How the agenda names that zone in print: "Geneva time".
    #[serde(default)]
    pub time_zone_label: String,
    #[serde(default, rename = "abstract")]
    pub abstract_text: String,
    #[serde(default)]
    pub action_required: String,
    #[serde(default)]
    pub notes: String,
    /// A status line such as "Draft" or "Revised after the opening plenary"; publishing a
    /// revision writes its date and time here ("30 April 2017, 21:00").
    #[serde(default)]
    pub status: String,
    /// The document number of the meeting's report: "TD515" for the agenda TD514.
    #[serde(default)]
    pub report: String,
    /// The meeting has taken place: from then on every item is expected to have an outcome.
    #[serde(default)]
    pub held: bool,
    /// Link for document numbers, with `{number}` where the number goes:
    /// "https://www.itu.int/md/T22-TSAG-{number}". Only http(s) links are ever produced.
    #[serde(default)]
    pub link_template: String,
    /// Actions this agenda uses beyond the built-in ones.
    #[serde(default)]
    pub actions: Vec<String>,
    /// Register categories this agenda uses beyond the built-in ones.
    #[serde(default)]
    pub categories: Vec<String>,
    /// Outcomes this agenda uses beyond the built-in ones ([`OUTCOMES`]).
    #[serde(default)]
    pub outcomes: Vec<String>,
    #[serde(default)]
    pub sessions: Vec<Session>,
    /// Annex A: the documents of the meeting.
    #[serde(default)]
    pub register: Vec<RegisterEntry>,
    /// Annexes B, C …: free text.
    #[serde(default)]
    pub annexes: Vec<Annex>,
    #[serde(default)]
    pub future_meetings: Vec<FutureMeeting>,
    /// The agenda as published, oldest first: the original (revision 0), then R1, R2 … At most
    /// [`crate::revisions::MAX_REVISIONS`]; each one's own `revisions` is empty.
    #[serde(default)]
    pub revisions: Vec<Revision>,
}

/// One published state of the agenda: its revision number, when it was published (the date and
/// time of its status line, in the meeting's zone, as the status line writes them), and the
/// agenda as it was then.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// 0 for the original, 1 for R1 …
    pub revision: u32,
    pub date: Date,
    pub time: Time,
    pub agenda: Agenda,
}

/// The person a TD names under "Contact": one per agenda, the chair or rapporteur who wrote it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    pub name: String,
    /// "Orange, France": the organisation and, as TDs print it, the country.
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub email: String,
}

impl Contact {
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty() && self.organisation.trim().is_empty() && self.email.trim().is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub id: SessionId,
    #[serde(default)]
    pub date: Option<Date>,
    /// The day as printed, "Thursday, 1 August"; empty to print it from the date.
    #[serde(default)]
    pub day_label: String,
    #[serde(default)]
    pub start: Option<Time>,
    #[serde(default)]
    pub end: Option<Time>,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: ItemId,
    #[serde(default)]
    pub title: String,
    /// Who brings the item: "Rapporteur, RG-IEM".
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub docs: Vec<DocRef>,
    /// What the item is about, printed first in Summary and Proposal.
    #[serde(default)]
    pub summary: String,
    /// What the meeting is asked to do: "To note", "To be approved by WP2 Plenary".
    #[serde(default)]
    pub actions: Vec<String>,
    /// Printed after the actions: "Presented at TSAG Plenary.", "Reference: …".
    #[serde(default)]
    pub notes: String,
    /// What the meeting decided: one of [`OUTCOMES`] or of the agenda's own outcomes, as
    /// typed; empty until it is decided.
    #[serde(default)]
    pub outcome: String,
    /// Free text after the outcome: "with the changes in TD667R2", "to the next meeting".
    #[serde(default)]
    pub outcome_note: String,
    #[serde(default)]
    pub start: Option<Time>,
    /// Planned length in minutes.
    #[serde(default)]
    pub duration: Option<u32>,
    #[serde(default)]
    pub children: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterEntry {
    pub id: EntryId,
    pub number: DocNumber,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Annex {
    pub id: AnnexId,
    #[serde(default)]
    pub title: String,
    /// Paragraphs separated by blank lines; lines starting with "- " or "· " are bullets.
    #[serde(default)]
    pub body: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FutureMeeting {
    pub id: FutureMeetingId,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub start: Option<Time>,
    #[serde(default)]
    pub end: Option<Time>,
    /// When there is no date yet: "During WTSA-24, date/time to be confirmed".
    #[serde(default)]
    pub timing: String,
    #[serde(default)]
    pub subject: String,
}

impl Session {
    /// An empty session: no date, no window, no items.
    pub fn new(id: SessionId) -> Session {
        Session {
            id,
            date: None,
            day_label: String::new(),
            start: None,
            end: None,
            title: String::new(),
            items: Vec::new(),
        }
    }
}

impl Item {
    pub fn new(id: ItemId, title: &str) -> Item {
        Item {
            id,
            title: title.to_string(),
            source: String::new(),
            docs: Vec::new(),
            summary: String::new(),
            actions: Vec::new(),
            notes: String::new(),
            outcome: String::new(),
            outcome_note: String::new(),
            start: None,
            duration: None,
            children: Vec::new(),
        }
    }
}

/// Where an item sits: in a session's list, or among a parent's children, at an index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    pub session: SessionId,
    pub parent: Option<ItemId>,
    pub index: usize,
}

/// One row of the items table in document order, with its derived number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub id: ItemId,
    pub number: String,
    pub depth: usize,
    pub session: SessionId,
}

/// The annex letter of the register; free-text annexes follow from B.
pub const REGISTER_LETTER: char = 'A';

pub fn annex_letter(index: usize) -> String {
    // B, C, … Z, then AA-style letters are not used by real agendas; cap at Z+n for safety.
    let n = index + 1;
    if n < 26 {
        ((b'A' + n as u8) as char).to_string()
    } else {
        format!("Z{}", n - 25)
    }
}

impl Agenda {
    /// Rows of the items table in order, numbered by [`crate::numbering`].
    pub fn rows(&self) -> Vec<Row> {
        let outline = crate::numbering::Outline::new(self);
        let mut out = Vec::with_capacity(outline.items().len());
        for (si, s) in self.sessions.iter().enumerate() {
            for k in outline.session(si) {
                let id = outline.items()[k].id;
                out.push(Row { id, number: outline.number_at(k), depth: outline.depth(k), session: s.id });
            }
        }
        out
    }

    pub fn item(&self, id: ItemId) -> Option<&Item> {
        fn find(items: &[Item], id: ItemId) -> Option<&Item> {
            items.iter().find_map(|i| if i.id == id { Some(i) } else { find(&i.children, id) })
        }
        self.sessions.iter().find_map(|s| find(&s.items, id))
    }

    pub fn item_mut(&mut self, id: ItemId) -> Option<&mut Item> {
        fn find(items: &mut [Item], id: ItemId) -> Option<&mut Item> {
            for i in items {
                if i.id == id {
                    return Some(i);
                }
                if let Some(f) = find(&mut i.children, id) {
                    return Some(f);
                }
            }
            None
        }
        self.sessions.iter_mut().find_map(|s| find(&mut s.items, id))
    }

    pub fn locate(&self, id: ItemId) -> Option<Location> {
        fn find(items: &[Item], id: ItemId, session: SessionId, parent: Option<ItemId>) -> Option<Location> {
            for (index, i) in items.iter().enumerate() {
                if i.id == id {
                    return Some(Location { session, parent, index });
                }
                if let Some(l) = find(&i.children, id, session, Some(i.id)) {
                    return Some(l);
                }
            }
            None
        }
        self.sessions.iter().find_map(|s| find(&s.items, id, s.id, None))
    }

    /// The list a location points into.
    pub fn siblings_mut(&mut self, session: SessionId, parent: Option<ItemId>) -> Option<&mut Vec<Item>> {
        match parent {
            None => self.session_mut(session).map(|s| &mut s.items),
            Some(p) => self.item_mut(p).map(|i| &mut i.children),
        }
    }

    pub fn siblings(&self, session: SessionId, parent: Option<ItemId>) -> Option<&Vec<Item>> {
        match parent {
            None => self.session(session).map(|s| &s.items),
            Some(p) => self.item(p).map(|i| &i.children),
        }
    }

    pub fn session(&self, id: SessionId) -> Option<&Session> {
        self.sessions.iter().find(|s| s.id == id)
    }

    pub fn session_mut(&mut self, id: SessionId) -> Option<&mut Session> {
        self.sessions.iter_mut().find(|s| s.id == id)
    }

    pub fn entry(&self, id: EntryId) -> Option<&RegisterEntry> {
        self.register.iter().find(|e| e.id == id)
    }

    pub fn annex_index(&self, id: AnnexId) -> Option<usize> {
        self.annexes.iter().position(|a| a.id == id)
    }

    /// Every action the agenda knows: built-in first, then its own.
    pub fn action_vocabulary(&self) -> Vec<String> {
        vocabulary(ACTIONS, &self.actions)
    }

    pub fn category_vocabulary(&self) -> Vec<String> {
        vocabulary(CATEGORIES, &self.categories)
    }

    /// Every outcome the agenda knows: built-in first, then its own.
    pub fn outcome_vocabulary(&self) -> Vec<String> {
        vocabulary(OUTCOMES, &self.outcomes)
    }

    /// The agenda's own document, with its revision, if its number can be read.
    pub fn own_document(&self) -> Option<crate::docref::DocId> {
        match DocNumber::parse(&self.document) {
            DocNumber::Document(id) => Some(id.with_revision(self.revision.or(id.revision))),
            _ => None,
        }
    }

    /// A fresh id for a new item: one above the largest in use.
    pub fn next_item_id(&self) -> ItemId {
        ItemId(self.new_item_ids().next().unwrap_or(MAX_ID))
    }

    /// Ids for new items, as many as asked for: see [`fresh_ids`].
    pub fn new_item_ids(&self) -> impl Iterator<Item = u32> {
        let mut ids = Vec::new();
        self.for_each_item(|i| ids.push(i.id.0));
        fresh_ids(ids.into_iter())
    }

    pub fn next_session_id(&self) -> SessionId {
        SessionId(fresh_ids(self.sessions.iter().map(|s| s.id.0)).next().unwrap_or(MAX_ID))
    }

    pub fn next_entry_id(&self) -> EntryId {
        EntryId(self.new_entry_ids().next().unwrap_or(MAX_ID))
    }

    /// Ids for new register entries, as many as asked for: see [`fresh_ids`].
    pub fn new_entry_ids(&self) -> impl Iterator<Item = u32> + '_ {
        fresh_ids(self.register.iter().map(|e| e.id.0))
    }

    pub fn next_annex_id(&self) -> AnnexId {
        AnnexId(fresh_ids(self.annexes.iter().map(|s| s.id.0)).next().unwrap_or(MAX_ID))
    }

    pub fn next_future_meeting_id(&self) -> FutureMeetingId {
        FutureMeetingId(fresh_ids(self.future_meetings.iter().map(|s| s.id.0)).next().unwrap_or(MAX_ID))
    }

    /// Calls `f` on every item in document order.
    pub fn for_each_item<'a>(&'a self, mut f: impl FnMut(&'a Item)) {
        fn walk<'a>(items: &'a [Item], f: &mut impl FnMut(&'a Item)) {
            for i in items {
                f(i);
                walk(&i.children, f);
            }
        }
        for s in &self.sessions {
            walk(&s.items, &mut f);
        }
    }

    pub fn item_count(&self) -> usize {
        let mut n = 0;
        self.for_each_item(|_| n += 1);
        n
    }

    /// A short name for files and lists: "TD514 Draft agenda RG-SOP".
    pub fn display_name(&self) -> String {
        let title = if self.title.trim().is_empty() { "Untitled agenda" } else { self.title.trim() };
        if self.document.trim().is_empty() {
            title.to_string()
        } else {
            format!("{} {}", self.document.trim(), title)
        }
    }
}

fn vocabulary(builtin: &[&str], own: &[String]) -> Vec<String> {
    let mut v: Vec<String> = builtin.iter().map(|s| s.to_string()).collect();
    for o in own {
        let o = o.trim();
        if !o.is_empty() && !v.iter().any(|x| x.eq_ignore_ascii_case(o)) {
            v.push(o.to_string());
        }
    }
    v
}
