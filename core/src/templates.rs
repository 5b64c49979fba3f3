//! The agendas a user can start from: blank, the ITU-T TD template, and the TD514 example.

use crate::docref::DocRef;
use crate::format;
use crate::model::*;
use crate::time::Time;

/// The real TSAG RG-SOP agenda (TD514), entered from the published document.
pub const TD514_FILE: &str = include_str!("../tests/fixtures/td514.agenda.json");

fn session(id: u32) -> Session {
    Session::new(SessionId(id))
}

/// An empty agenda with one empty session.
pub fn blank(id: &str) -> Agenda {
    Agenda { id: id.to_string(), sessions: vec![session(1)], ..Agenda::default() }
}

fn item(id: u32, title: &str, actions: &[&str]) -> Item {
    Item { actions: actions.iter().map(|s| s.to_string()).collect(), ..Item::new(ItemId(id), title) }
}

/// The usual shape of an ITU-T TD agenda: opening, adoption, documentation (Annex A), terms of
/// reference (Annex B), a first substantive item, AOB and closure.
pub fn itu_td(id: &str) -> Agenda {
    let mut opening = item(1, "Opening and welcome", &[]);
    let mut adoption = item(2, "Adoption of the agenda", &["To adopt"]);
    adoption.source = "Rapporteur".into();
    let mut documentation = item(3, "Documentation", &["To note"]);
    documentation.docs = vec![DocRef { introduced: false, ..DocRef::new("Annex A") }];
    let mut tor = item(4, "Terms of reference", &["To note"]);
    tor.docs = vec![DocRef { introduced: false, ..DocRef::new("Annex B") }];
    opening.children = vec![adoption, documentation, tor];
    opening.start = Time::from_hm(9, 30);
    let mut s = session(1);
    s.start = Time::from_hm(9, 30);
    s.end = Time::from_hm(12, 30);
    s.items = vec![
        opening,
        item(5, "", &["To discuss"]),
        item(6, "Future meetings", &[]),
        item(7, "AOB", &[]),
        item(8, "Closure of the meeting", &[]),
    ];
    Agenda {
        id: id.to_string(),
        title: "Draft agenda".into(),
        time_zone: "Europe/Zurich".into(),
        time_zone_label: "Geneva time".into(),
        abstract_text: "This TD provides the draft agenda for the … session during the … meeting.".into(),
        action_required: "The meeting is invited to adopt this agenda.".into(),
        notes: "For the sake of time, unless otherwise requested, documents between parentheses are not expected to be introduced.".into(),
        status: "Draft".into(),
        original_language: "English".into(),
        sessions: vec![s],
        annexes: vec![Annex {
            id: AnnexId(1),
            title: "Terms of reference".into(),
            body: String::new(),
        }],
        ..Agenda::default()
    }
}

/// The TD514 example, under a new library id.
pub fn td514(id: &str) -> Agenda {
    let mut a = format::load(TD514_FILE).expect("the bundled TD514 example is valid").agenda;
    a.id = id.to_string();
    a
}
