//! Every check, proven on the real TD514 agenda. Each test starts from TD514, makes the one
//! mistake a user would make, and expects that finding: at the field where the mistake is, with
//! its severity, and nothing unrelated besides. Where a finding offers a fix, applying the fix
//! must make it go away and leave TD514 as clean as it was.

use agendum_core::checks::{check_on, sources_agree, titles_agree, with_time_zone, Code, CODES};
use agendum_core::docref::{DocNumber, DocRef, DocStatus};
use agendum_core::edit::commands::add_missing_documents;
use agendum_core::edit::{AgendaField, AnnexField, EntryField, FutureMeetingField, ItemField, SessionField};
use agendum_core::model::{Annex, EntryId, Location};
use agendum_core::schedule::{schedule, Slot};
use agendum_core::time::{Date, Time};
use agendum_core::zones::Tzdb;
use agendum_core::{
    check, Agenda, Edit, Field, FieldNames, Finding, Item, ItemId, RegisterEntry, Severity, Value,
};

mod common;
use common::td514;

// ---------------------------------------------------------------------------------------------
// Finding your way around TD514, the way a user names things.

/// The item numbered `n` ("2.2") in the agenda as it stands.
fn item_by_number(a: &Agenda, n: &str) -> ItemId {
    a.rows().into_iter().find(|r| r.number == n).unwrap_or_else(|| panic!("there is no item {n}")).id
}

fn item<'a>(a: &'a Agenda, n: &str) -> &'a Item {
    a.item(item_by_number(a, n)).expect("a numbered item exists")
}

/// The Annex A entry whose number reads `n` ("TD667R1").
fn entry_by_number(a: &Agenda, n: &str) -> EntryId {
    a.register.iter().find(|e| e.number.to_string() == n).unwrap_or_else(|| panic!("no {n} in Annex A")).id
}

fn entry<'a>(a: &'a Agenda, n: &str) -> &'a RegisterEntry {
    a.entry(entry_by_number(a, n)).expect("an entry exists")
}

fn item_field(a: &Agenda, n: &str, field: ItemField) -> Field {
    Field::Item { item: item_by_number(a, n), field }
}

fn entry_field(a: &Agenda, n: &str, field: EntryField) -> Field {
    Field::Entry { entry: entry_by_number(a, n), field }
}

/// TD514 has one session, Thursday 1 August, 14:30–15:45.
fn session_field(a: &Agenda, field: SessionField) -> Field {
    Field::Session { session: a.sessions[0].id, field }
}

fn header(field: AgendaField) -> Field {
    Field::Agenda { field }
}

/// The first future meeting: 4 September 2024, 14:00–15:30.
fn next_meeting(a: &Agenda, field: FutureMeetingField) -> Field {
    Field::FutureMeeting { meeting: a.future_meetings[0].id, field }
}

fn time(s: &str) -> Time {
    s.parse().expect("a time")
}

fn date(s: &str) -> Date {
    s.parse().expect("a date")
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

/// Applies an edit the way the editor does; a planted mistake must be a legal edit.
fn apply(a: &mut Agenda, edit: Edit) {
    edit.apply(a).expect("the edit applies");
}

/// Types `value` into `field` and returns the field, for the test to look for it.
fn set(a: &mut Agenda, field: Field, value: Value) -> Field {
    apply(a, Edit::Set { field, value });
    field
}

// ---------------------------------------------------------------------------------------------
// The mistakes, one per code. Each makes the edit and returns the field it spoiled.

/// Item 3 is typed as starting at 14:32, but item 2 above it starts at 14:35.
fn start_item_3_before_item_2(a: &mut Agenda) -> Field {
    set(a, item_field(a, "3", ItemField::Start), Value::Time(Some(time("14:32"))))
}

/// The closure (item 7) is typed as 16:45 instead of 15:45; the session ends at 15:45.
fn start_the_closure_after_the_session(a: &mut Agenda) -> Field {
    set(a, item_field(a, "7", ItemField::Start), Value::Time(Some(time("16:45"))))
}

/// Item 3 (15:00) is planned for 45 minutes, but item 4 starts at 15:30.
fn plan_item_3_for_45_minutes(a: &mut Agenda) -> Field {
    set(a, item_field(a, "3", ItemField::Duration), Value::Count(Some(45)))
}

/// The session end is typed as 13:45 instead of 15:45.
fn end_the_session_before_it_starts(a: &mut Agenda) -> Field {
    set(a, session_field(a, SessionField::End), Value::Time(Some(time("13:45"))))
}

/// AOB is planned for 80 minutes (8 was meant) in a 75-minute session.
fn plan_80_minutes_of_aob(a: &mut Agenda) -> Field {
    set(a, item_field(a, "6", ItemField::Duration), Value::Count(Some(80)));
    session_field(a, SessionField::End)
}

/// 1 August 2024 is a Thursday; the day is typed as Wednesday.
fn write_wednesday_for_thursday(a: &mut Agenda) -> Field {
    set(a, session_field(a, SessionField::DayLabel), text("Wednesday, 1 August"))
}

/// The session is dated 1 August, but its day is typed as 8 August.
fn write_the_wrong_day_of_the_month(a: &mut Agenda) -> Field {
    set(a, session_field(a, SessionField::DayLabel), text("Thursday, 8 August"))
}

/// The session is moved to Thursday 8 August, after the meeting (29 July – 2 August).
fn move_the_session_a_week_later(a: &mut Agenda) -> Field {
    set(a, session_field(a, SessionField::DayLabel), text("Thursday, 8 August"));
    set(a, session_field(a, SessionField::Date), Value::Date(Some(date("2024-08-08"))))
}

/// The meeting's last day is typed as 2 July instead of 2 August.
fn end_the_meeting_before_it_starts(a: &mut Agenda) -> Field {
    set(a, header(AgendaField::EndDate), Value::Date(Some(date("2024-07-02"))))
}

/// The next RG-SOP meeting is typed as 4 July instead of 4 September.
fn date_the_next_meeting_in_the_past(a: &mut Agenda) -> Field {
    set(a, next_meeting(a, FutureMeetingField::Date), Value::Date(Some(date("2024-07-04"))))
}

/// The next meeting runs 14:00 to 13:30.
fn end_the_next_meeting_before_it_starts(a: &mut Agenda) -> Field {
    set(a, next_meeting(a, FutureMeetingField::End), Value::Time(Some(time("13:30"))))
}

/// "(Annex A)" in item 1.2 is typed "(Anex A)".
fn misspell_annex_a_in_the_docs(a: &mut Agenda) -> Field {
    let docs = vec![DocRef { introduced: false, ..DocRef::new("Anex A") }];
    set(a, item_field(a, "1.2", ItemField::Docs), Value::Docs(docs))
}

/// A new sub-item 4.4, citing TD700, which nobody added to Annex A.
fn cite_a_new_document_without_registering_it(a: &mut Agenda) -> Field {
    let parent = item_by_number(a, "4");
    let new = Item {
        source: "TSB".into(),
        docs: vec![DocRef::new("TD700")],
        actions: vec!["To note".into()],
        ..Item::new(a.next_item_id(), "Preparations for WTSA-24")
    };
    let id = new.id;
    let at = Location { session: a.sessions[0].id, parent: Some(parent), index: 3 };
    apply(a, Edit::InsertItem { at, item: Box::new(new) });
    assert_eq!(item_by_number(a, "4.4"), id);
    Field::Item { item: id, field: ItemField::Docs }
}

/// Item 2.2 cites "TD667", but Annex A lists TD667R1.
fn cite_td667_without_its_revision(a: &mut Agenda) -> Field {
    let mut docs = item(a, "2.2").docs.clone();
    docs[0].number = DocNumber::parse("TD667");
    set(a, item_field(a, "2.2", ItemField::Docs), Value::Docs(docs))
}

/// Annex A files TD599 as a TD for the whole meeting (TD599/GEN), but item 2.1 cites it as a
/// plenary TD, TD599/PLEN.
fn cite_td599_for_another_part_of_the_meeting(a: &mut Agenda) -> Field {
    set(a, entry_field(a, "TD599", EntryField::Number), Value::Number(DocNumber::parse("TD599/GEN")));
    let docs = vec![DocRef { introduced: false, ..DocRef::new("TD599/PLEN") }];
    set(a, item_field(a, "2.1", ItemField::Docs), Value::Docs(docs))
}

/// Item 3.1 (TD672, "ITU’s Strategic Plans") is retitled "ITU’s Operational Plans".
fn give_item_3_1_another_title(a: &mut Agenda) -> Field {
    set(a, item_field(a, "3.1", ItemField::Title), text("ITU’s Operational Plans"))
}

/// Item 2.2 (TD667R1, from RG-IEM) is said to come from RG-SOP.
fn give_item_2_2_another_source(a: &mut Agenda) -> Field {
    set(a, item_field(a, "2.2", ItemField::Source), text("Rapporteur, RG-SOP"))
}

/// Item 4.2 refers to item 3.4; item 3 has only three sub-items.
fn refer_to_an_item_that_does_not_exist(a: &mut Agenda) -> Field {
    let summary = format!("{} See item 3.4.", item(a, "4.2").summary);
    set(a, item_field(a, "4.2", ItemField::Summary), Value::Text(summary))
}

/// TD599 is added to Annex A a second time, at the end.
fn register_td599_twice(a: &mut Agenda) -> Field {
    let copy = RegisterEntry { id: a.next_entry_id(), ..entry(a, "TD599").clone() };
    let id = copy.id;
    apply(a, Edit::InsertEntry { index: a.register.len(), entry: Box::new(copy) });
    Field::Entry { entry: id, field: EntryField::Number }
}

/// Item 4.1 is deleted, but its document TD497 stays in Annex A.
fn delete_item_4_1_but_keep_its_document(a: &mut Agenda) -> Field {
    apply(a, Edit::RemoveItem { id: item_by_number(a, "4.1") });
    entry_field(a, "TD497", EntryField::Number)
}

/// TD599's category is typed "Informaton".
fn misspell_a_category(a: &mut Agenda) -> Field {
    set(a, entry_field(a, "TD599", EntryField::Category), text("Informaton"))
}

/// A row "TD-700" is added to Annex A.
fn register_a_number_that_cannot_be_read(a: &mut Agenda) -> Field {
    let row = RegisterEntry {
        id: a.next_entry_id(),
        number: DocNumber::parse("TD-700"),
        category: "Information".into(),
        source: "TSB".into(),
        title: "Preparations for WTSA-24".into(),
    };
    let id = row.id;
    apply(a, Edit::InsertEntry { index: a.register.len(), entry: Box::new(row) });
    Field::Entry { entry: id, field: EntryField::Number }
}

/// Item 1.2 says the list of participants is in Annex C; TD514 has annexes A and B only.
fn refer_to_annex_c(a: &mut Agenda) -> Field {
    set(a, item_field(a, "1.2", ItemField::Notes), text("The list of participants is in Annex C."))
}

/// An Annex C is added that nothing in the agenda refers to.
fn add_an_annex_nobody_refers_to(a: &mut Agenda) -> Field {
    let annex = Annex { id: a.next_annex_id(), title: "List of participants".into(), body: String::new() };
    let id = annex.id;
    apply(a, Edit::InsertAnnex { index: a.annexes.len(), annex: Box::new(annex) });
    Field::Annex { annex: id, field: AnnexField::Title }
}

/// Item 4.3's "To note" is typed "To ntoe".
fn misspell_an_action(a: &mut Agenda) -> Field {
    set(a, item_field(a, "4.3", ItemField::Actions), Value::List(vec!["To ntoe".into()]))
}

/// The title of AOB (item 6) is erased.
fn erase_the_title_of_aob(a: &mut Agenda) -> Field {
    set(a, item_field(a, "6", ItemField::Title), text(""))
}

/// The agenda's number is typed "TD5l4" (a letter l for the digit 1).
fn mistype_the_agenda_number(a: &mut Agenda) -> Field {
    set(a, header(AgendaField::Document), text("TD5l4"))
}

/// The agenda's own TD514 is deleted from Annex A.
fn remove_td514_from_annex_a(a: &mut Agenda) -> Field {
    apply(a, Edit::RemoveEntry { id: entry_by_number(a, "TD514") });
    header(AgendaField::Document)
}

/// The Docs cell of item 1.1 (adoption of the agenda, TD514) is cleared.
fn clear_the_docs_of_the_adoption_item(a: &mut Agenda) -> Field {
    set(a, item_field(a, "1.1", ItemField::Docs), Value::Docs(Vec::new()));
    header(AgendaField::Document)
}

/// The link template is typed without its https://.
fn write_a_link_template_without_https(a: &mut Agenda) -> Field {
    set(a, header(AgendaField::LinkTemplate), text("www.itu.int/md/T22-TSAG-{number}"))
}

fn mistype_the_contacts_email(a: &mut Agenda) -> Field {
    set(a, header(AgendaField::ContactEmail), text("rapporteur.sop@itu"))
}

/// The time zone is typed "Europe/Zurch".
fn mistype_the_time_zone(a: &mut Agenda) -> Field {
    set(a, header(AgendaField::TimeZone), text("Europe/Zurch"))
}

/// Every item of TD514 that asks for something gets an outcome (Approved where it is to be
/// adopted or approved, Noted otherwise), every document planned for introduction a status,
/// and the meeting is marked held: the report a chair would finish with.
fn hold_the_meeting_with_every_outcome_entered(a: &mut Agenda) {
    let mut ids = Vec::new();
    a.for_each_item(|i| ids.push(i.id));
    for id in ids {
        let i = a.item(id).expect("the item").clone();
        if i.actions.is_empty() && i.docs.is_empty() {
            continue;
        }
        let approve = i.actions.iter().any(|x| x == "To adopt" || x == "To approve");
        set(a, Field::item(id, ItemField::Outcome), text(if approve { "Approved" } else { "Noted" }));
        let docs = i
            .docs
            .iter()
            .map(|d| DocRef { status: d.introduced.then_some(DocStatus::Introduced), ..d.clone() })
            .collect();
        set(a, Field::item(id, ItemField::Docs), Value::Docs(docs));
    }
    set(a, header(AgendaField::Held), Value::Flag(true));
}

/// The meeting is held and every outcome entered but that of item 3.3 (TD665, to note).
fn forget_the_outcome_of_item_3_3(a: &mut Agenda) -> Field {
    hold_the_meeting_with_every_outcome_entered(a);
    set(a, item_field(a, "3.3", ItemField::Outcome), text(""))
}

/// The adoption of the agenda (item 1.1, "To adopt" TD514) is entered as deferred, TD514 as
/// introduced, and no note says why.
fn defer_the_adoption_without_a_note(a: &mut Agenda) -> Field {
    set(a, item_field(a, "1.1", ItemField::Outcome), text("Deferred"));
    let docs = vec![DocRef { status: Some(DocStatus::Introduced), ..DocRef::new("TD514") }];
    set(a, item_field(a, "1.1", ItemField::Docs), Value::Docs(docs));
    item_field(a, "1.1", ItemField::OutcomeNote)
}

/// Item 2.2 is agreed, but TD667R1, presented there, is given no status.
fn agree_item_2_2_without_the_status_of_its_document(a: &mut Agenda) -> Field {
    set(a, item_field(a, "2.2", ItemField::Outcome), text("Agreed"));
    item_field(a, "2.2", ItemField::Docs)
}

/// TD667R1 is revised as TD667R2, which nobody added to Annex A.
fn revise_td667r1_as_an_unregistered_td667r2(a: &mut Agenda) -> Field {
    let mut docs = item(a, "2.2").docs.clone();
    docs[0].status = Some(DocStatus::RevisedAs(DocNumber::parse("TD667R2")));
    set(a, item_field(a, "2.2", ItemField::Docs), Value::Docs(docs))
}

struct Mistake {
    code: &'static str,
    severity: Severity,
    /// Other findings the mistake itself rightly causes: deleting TD514 from Annex A also
    /// leaves item 1.1 citing an unregistered document.
    consequences: &'static [&'static str],
    plant: fn(&mut Agenda) -> Field,
}

const fn mistake(code: &'static str, severity: Severity, plant: fn(&mut Agenda) -> Field) -> Mistake {
    Mistake { code, severity, consequences: &[], plant }
}

use Severity::{Error, Note, Warning};

const MISTAKES: &[Mistake] = &[
    mistake("time.order", Error, start_item_3_before_item_2),
    mistake("time.outside-window", Error, start_the_closure_after_the_session),
    mistake("time.overrun", Warning, plan_item_3_for_45_minutes),
    mistake("session.window", Error, end_the_session_before_it_starts),
    Mistake {
        consequences: &["time.overrun"],
        ..mistake("session.overbooked", Warning, plan_80_minutes_of_aob)
    },
    mistake("session.weekday", Error, write_wednesday_for_thursday),
    mistake("session.day", Error, write_the_wrong_day_of_the_month),
    mistake("session.outside-meeting", Error, move_the_session_a_week_later),
    mistake("meeting.dates", Error, end_the_meeting_before_it_starts),
    mistake("future.before-meeting", Warning, date_the_next_meeting_in_the_past),
    mistake("future.window", Warning, end_the_next_meeting_before_it_starts),
    mistake("doc.unreadable", Warning, misspell_annex_a_in_the_docs),
    mistake("xref.unregistered", Error, cite_a_new_document_without_registering_it),
    mistake("xref.revision", Warning, cite_td667_without_its_revision),
    mistake("xref.part", Warning, cite_td599_for_another_part_of_the_meeting),
    mistake("xref.title", Warning, give_item_3_1_another_title),
    mistake("xref.source", Warning, give_item_2_2_another_source),
    mistake("xref.item", Error, refer_to_an_item_that_does_not_exist),
    mistake("register.duplicate", Error, register_td599_twice),
    mistake("register.uncited", Warning, delete_item_4_1_but_keep_its_document),
    mistake("register.category", Warning, misspell_a_category),
    mistake("register.unreadable", Warning, register_a_number_that_cannot_be_read),
    mistake("annex.missing", Error, refer_to_annex_c),
    mistake("annex.unreferenced", Warning, add_an_annex_nobody_refers_to),
    mistake("item.action", Warning, misspell_an_action),
    mistake("item.untitled", Note, erase_the_title_of_aob),
    mistake("agenda.number", Warning, mistype_the_agenda_number),
    Mistake {
        consequences: &["xref.unregistered"],
        ..mistake("agenda.own-register", Warning, remove_td514_from_annex_a)
    },
    Mistake {
        consequences: &["register.uncited"],
        ..mistake("agenda.own-adoption", Warning, clear_the_docs_of_the_adoption_item)
    },
    mistake("agenda.link-template", Warning, write_a_link_template_without_https),
    mistake("agenda.contact-email", Warning, mistype_the_contacts_email),
    mistake("agenda.time-zone", Warning, mistype_the_time_zone),
    mistake("outcome.missing", Warning, forget_the_outcome_of_item_3_3),
    mistake("outcome.contrary", Warning, defer_the_adoption_without_a_note),
    mistake("status.missing", Warning, agree_item_2_2_without_the_status_of_its_document),
    mistake("status.unregistered", Error, revise_td667r1_as_an_unregistered_td667r2),
];

// ---------------------------------------------------------------------------------------------
// What the checks say, against what they say about TD514 as published.

type Key = (&'static str, Field);

fn keys(findings: &[Finding]) -> Vec<Key> {
    findings.iter().map(|f| (f.code.as_str(), f.field)).collect()
}

fn show(findings: &[&Finding]) -> String {
    findings.iter().map(|f| format!("\n  {} at {:?}: {}", f.code, f.field, f.message)).collect()
}

/// Every check, the time zone's among them, as the command line runs them.
fn check_all(a: &Agenda) -> Vec<Finding> {
    with_time_zone(a, &Tzdb)
}

/// The findings of `a` that TD514 as published does not have (compared by code and place).
fn new_findings(a: &Agenda) -> Vec<Finding> {
    let mut baseline = keys(&check_all(&td514()));
    let mut new = Vec::new();
    for f in check_all(a) {
        match baseline.iter().position(|k| *k == (f.code.as_str(), f.field)) {
            Some(i) => {
                baseline.remove(i);
            }
            None => new.push(f),
        }
    }
    new
}

/// Asserts the agenda reports exactly what TD514 as published reports.
fn assert_as_clean_as_td514(a: &Agenda, after: &str) {
    let (now, baseline) = (check_all(a), check_all(&td514()));
    let mut got = keys(&now);
    let mut want = keys(&baseline);
    got.sort_by_key(|k| format!("{k:?}"));
    want.sort_by_key(|k| format!("{k:?}"));
    assert_eq!(got, want, "after {after}, the checks report:{}", show(&now.iter().collect::<Vec<_>>()));
}

/// Applies a finding's fix, asserts the finding is gone, and returns the fixed agenda.
fn apply_fix(a: &Agenda, f: &Finding) -> Agenda {
    let fix = f.fix.as_ref().unwrap_or_else(|| panic!("{} offers no fix", f.code));
    let mut fixed = a.clone();
    fix.edit.clone().apply(&mut fixed).unwrap_or_else(|e| panic!("the fix \"{}\" fails: {e}", fix.label));
    let left: Vec<Finding> =
        check_all(&fixed).into_iter().filter(|g| g.code == f.code && g.field == f.field).collect();
    assert!(left.is_empty(), "after \"{}\", still:{}", fix.label, show(&left.iter().collect::<Vec<_>>()));
    fixed
}

/// Plants the mistake for `code` in TD514 and asserts what a user must see: one finding with
/// that code, at the field planted, with its severity, nothing unrelated besides, and a fix (if
/// any) that takes the agenda back to TD514's findings. Returns the agenda and the finding.
fn planted(code: &str) -> (Agenda, Finding) {
    let m =
        MISTAKES.iter().find(|m| m.code == code).unwrap_or_else(|| panic!("no mistake planted for {code}"));
    let mut a = td514();
    let place = (m.plant)(&mut a);
    let new = new_findings(&a);
    let all: Vec<&Finding> = new.iter().collect();
    let hits: Vec<&Finding> = new.iter().filter(|f| f.code == code).collect();
    assert!(!hits.is_empty(), "{code} is not reported; new findings:{}", show(&all));
    assert_eq!(hits.len(), 1, "one mistake, one {code} finding:{}", show(&hits));
    let f = hits[0].clone();
    assert_eq!(f.field, place, "{code} points at {:?}, not at the mistake ({place:?})", f.field);
    assert_eq!(f.severity, m.severity, "{code} has the wrong severity");
    let unrelated: Vec<&Finding> =
        new.iter().filter(|f| f.code != code && !m.consequences.iter().any(|c| f.code == *c)).collect();
    assert!(unrelated.is_empty(), "besides {code}, the checks also report:{}", show(&unrelated));
    for c in m.consequences {
        assert!(new.iter().any(|f| f.code == *c), "{code}: the expected {c} is missing:{}", show(&all));
    }
    if f.fix.is_some() {
        let fixed = apply_fix(&a, &f);
        assert_as_clean_as_td514(&fixed, &format!("the {code} fix"));
    }
    (a, f)
}

/// Where a finding points, in the user's words.
fn named(a: &Agenda, f: &Finding) -> String {
    FieldNames::new(a).name(f.field)
}

fn fix_label(f: &Finding) -> &str {
    f.fix.as_ref().map_or("", |x| &x.label)
}

// ---------------------------------------------------------------------------------------------
// TD514 as published.

#[test]
fn td514_has_exactly_one_finding_the_infomration_typo() {
    let a = td514();
    let findings = check(&a);
    assert_eq!(findings.len(), 1, "{}", show(&findings.iter().collect::<Vec<_>>()));
    let f = &findings[0];
    assert_eq!(f.code, "register.category");
    assert_eq!(f.severity, Warning);
    assert_eq!(f.field, entry_field(&a, "TD667R1", EntryField::Category));
    assert_eq!(named(&a, f), "Annex A, entry 10 (TD667R1), Category");
    assert!(f.message.contains("\"infomration\""), "{}", f.message);
    assert_eq!(fix_label(f), "Change to \"Information\"");
    let fix = f.fix.as_ref().expect("a fix");
    assert_eq!(fix.edit, Edit::Set { field: f.field, value: text("Information") });
    let fixed = apply_fix(&a, f);
    assert_eq!(entry(&fixed, "TD667R1").category, "Information");
    assert!(check(&fixed).is_empty(), "{:?}", check(&fixed));
}

#[test]
fn td514_loaded_from_the_file_is_the_same_agenda() {
    let loaded = agendum_core::format::load(agendum_core::templates::TD514_FILE).expect("loads").agenda;
    assert_eq!(keys(&check(&loaded)), keys(&check(&td514())));
    assert_eq!(item(&loaded, "2.2").title, "Industry Engagement Proposed Actions sorted by target entities");
}

#[test]
fn every_code_has_a_planted_mistake() {
    // field.unreadable is of text the agenda never holds: the editor reports it (tested end to
    // end), and no agenda can be planted with it.
    for code in CODES.iter().filter(|c| **c != Code::Unreadable) {
        planted(code.as_str());
    }
    for m in MISTAKES {
        assert!(CODES.iter().any(|c| *c == m.code), "{} is not a code of checks::CODES", m.code);
    }
}

// ---------------------------------------------------------------------------------------------
// One test per code.

#[test]
fn time_order_an_item_starting_before_the_one_above() {
    let (a, f) = planted("time.order");
    assert_eq!(named(&a, &f), "Item 3, Start");
    assert!(f.message.contains("14:32") && f.message.contains("item 2"), "{}", f.message);
}

#[test]
fn time_outside_window_the_closure_after_the_session_end() {
    let (_, f) = planted("time.outside-window");
    assert!(f.message.contains("14:30–15:45"), "{}", f.message);
    // The closure at 15:45 sharp, as published, is inside the window (see the TD514 test).
}

#[test]
fn time_overrun_45_minutes_from_15_00_when_item_4_starts_at_15_30() {
    let (a, f) = planted("time.overrun");
    assert_eq!(named(&a, &f), "Item 3, Duration");
    assert_eq!(fix_label(&f), "Plan 30 min");
    let fixed = apply_fix(&a, &f);
    assert_eq!(item(&fixed, "3").duration, Some(30));
}

#[test]
fn time_overrun_of_the_closure_has_no_room_to_offer() {
    let a = &mut td514();
    let place = set(a, item_field(a, "7", ItemField::Duration), Value::Count(Some(5)));
    let new = new_findings(a);
    assert_eq!(keys(&new), [("time.overrun", place)]);
    assert!(new[0].fix.is_none(), "\"Plan 0 min\" is not a fix: {:?}", new[0].fix);
}

#[test]
fn time_overrun_after_an_untimed_sibling() {
    // 2.1 (not introduced) has no duration, so 2.2 has no computed start; but it cannot start
    // before item 2 at 14:35, and 40 minutes from then run past item 3 at 15:00.
    let a = &mut td514();
    let place = set(a, item_field(a, "2.2", ItemField::Duration), Value::Count(Some(40)));
    let new = new_findings(a);
    assert_eq!(keys(&new), [("time.overrun", place)]);
    assert_eq!(fix_label(&new[0]), "Plan 25 min");
    assert_as_clean_as_td514(&apply_fix(a, &new[0]), "the fix");
    // 20 minutes may fit after 2.1: nothing to say.
    set(a, place, Value::Count(Some(20)));
    assert_as_clean_as_td514(a, "planning 20 minutes for 2.2");
}

#[test]
fn time_overrun_of_a_sub_item_into_the_next_item() {
    // 1.1 starts with item 1 at 14:30; ten minutes run past item 2 at 14:35.
    let a = &mut td514();
    let place = set(a, item_field(a, "1.1", ItemField::Duration), Value::Count(Some(10)));
    let new = new_findings(a);
    assert_eq!(keys(&new), [("time.overrun", place)]);
    assert_eq!(fix_label(&new[0]), "Plan 5 min");
}

#[test]
fn session_window_the_end_typed_before_the_start() {
    let (a, f) = planted("session.window");
    assert_eq!(named(&a, &f), "Session 1, End");
}

#[test]
fn session_window_alone_even_when_the_last_item_plans_minutes() {
    // Without AOB, future meetings (15:40) take 3 minutes and the closure the last 2, up to
    // the session end.
    let a = &mut td514();
    apply(a, Edit::RemoveItem { id: item_by_number(a, "6") });
    set(a, item_field(a, "5", ItemField::Duration), Value::Count(Some(3)));
    set(a, item_field(a, "6", ItemField::Start), Value::Time(None));
    set(a, item_field(a, "6", ItemField::Duration), Value::Count(Some(2)));
    assert_eq!(when(a, "6"), "15:43–15:45");
    assert_as_clean_as_td514(a, "planning the last 5 minutes");
    // One typo in the session end is one finding, not one more per time that was right.
    let place = end_the_session_before_it_starts(a);
    assert_eq!(keys(&new_findings(a)), [("session.window", place)]);
}

#[test]
fn session_overbooked_80_minutes_of_aob() {
    let (a, f) = planted("session.overbooked");
    assert!(f.message.contains("80 min in a 75 min session"), "{}", f.message);
    // AOB comes after item 5 (15:40) and before the closure (15:45): it overruns as well.
    let overrun = new_findings(&a).into_iter().find(|f| f.code == "time.overrun").expect("an overrun");
    assert_eq!(overrun.field, item_field(&a, "6", ItemField::Duration));
    assert_eq!(fix_label(&overrun), "Plan 5 min");
}

#[test]
fn session_weekday_wednesday_for_thursday_1_august() {
    let (a, f) = planted("session.weekday");
    assert_eq!(named(&a, &f), "Session 1, Day as printed");
    let fixed = apply_fix(&a, &f);
    assert_eq!(fixed.sessions[0].day_label, "Thursday, 1 August");
}

#[test]
fn the_weekday_fix_keeps_what_was_typed_around_the_day() {
    let a = &mut td514();
    for (typed, right) in [
        ("Monday, 1 August 2024", "Thursday, 1 August 2024"),
        ("Session of Wed. 1 August", "Session of Thursday 1 August"),
        ("mon 1 August (morning)", "Thursday 1 August (morning)"),
        // Characters of several bytes between the words (found by the fuzzer: it panicked).
        ("🕴 Mon 1 August", "🕴 Thursday 1 August"),
        ("Session 🕴—🕴 mon, 1 August", "Session 🕴—🕴 Thursday, 1 August"),
    ] {
        set(a, session_field(a, SessionField::DayLabel), text(typed));
        let new = new_findings(a);
        let f =
            new.iter().find(|f| f.code == "session.weekday").unwrap_or_else(|| panic!("{typed}: {new:?}"));
        assert_eq!(fix_label(f), format!("Write \"{right}\""), "{typed}");
        assert_eq!(apply_fix(a, f).sessions[0].day_label, right);
    }
}

#[test]
fn session_weekday_without_a_date_reads_the_year_from_the_meeting() {
    let a = &mut td514();
    set(a, session_field(a, SessionField::Date), Value::Date(None));
    assert_as_clean_as_td514(a, "removing the session date");
    let place = write_wednesday_for_thursday(a);
    let new = new_findings(a);
    assert_eq!(keys(&new), [("session.weekday", place)]);
    assert_eq!(fix_label(&new[0]), "Write \"Thursday, 1 August\"");
}

#[test]
fn session_day_8_august_on_a_session_dated_1_august() {
    let (a, f) = planted("session.day");
    let fixed = apply_fix(&a, &f);
    assert_eq!(fixed.sessions[0].day_label, "Thursday, 1 August");
}

#[test]
fn session_outside_meeting_a_week_after_the_meeting() {
    let (a, f) = planted("session.outside-meeting");
    assert_eq!(named(&a, &f), "Session 1, Date");
    assert!(f.message.contains("8 August 2024"), "{}", f.message);
}

#[test]
fn meeting_dates_the_last_day_before_the_first() {
    let (a, f) = planted("meeting.dates");
    assert_eq!(named(&a, &f), "Header, Last day");
}

#[test]
fn future_before_meeting_july_typed_for_september() {
    let (a, f) = planted("future.before-meeting");
    assert_eq!(named(&a, &f), "Future meeting 1, Date");
}

#[test]
fn future_window_the_next_meeting_ending_before_it_starts() {
    let (a, f) = planted("future.window");
    assert_eq!(named(&a, &f), "Future meeting 1, End");
}

#[test]
fn doc_unreadable_anex_a() {
    let (a, f) = planted("doc.unreadable");
    assert_eq!(named(&a, &f), "Item 1.2, Docs");
    assert!(f.message.contains("\"Anex A\""), "{}", f.message);
}

#[test]
fn xref_unregistered_a_new_item_citing_td700() {
    let (a, f) = planted("xref.unregistered");
    assert_eq!(named(&a, &f), "Item 4.4, Docs");
    assert_eq!(fix_label(&f), "Add TD700 to Annex A");
    let fixed = apply_fix(&a, &f);
    assert_eq!(fixed.register.len(), a.register.len() + 1);
    let added = entry(&fixed, "TD700");
    assert_eq!(added.category, "Information");
    assert_eq!(added.source, "TSB");
    assert_eq!(added.title, "Preparations for WTSA-24");
    assert!(a.entry(added.id).is_none(), "the new entry has a fresh id");
}

#[test]
fn xref_unregistered_a_document_mentioned_in_a_summary() {
    // The closure says the report will be TD515; had it said TD516, Annex A would lack it
    // (and TD515, reserved for the report, would no longer be cited).
    let a = &mut td514();
    let place = set(a, item_field(a, "7", ItemField::Summary), text("Meeting report to be found in TD516."));
    let new = new_findings(a);
    let codes: Vec<Key> = keys(&new);
    assert!(codes.contains(&("xref.unregistered", place)), "{codes:?}");
    assert!(codes.contains(&("register.uncited", entry_field(a, "TD515", EntryField::Number))), "{codes:?}");
    assert_eq!(codes.len(), 2, "{codes:?}");
}

#[test]
fn xref_revision_td667_cited_where_annex_a_lists_td667r1() {
    let (a, f) = planted("xref.revision");
    assert_eq!(named(&a, &f), "Item 2.2, Docs");
    assert_eq!(fix_label(&f), "Cite TD667R1");
    let fixed = apply_fix(&a, &f);
    let docs = &item(&fixed, "2.2").docs;
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].number.to_string(), "TD667R1");
    assert_eq!(docs[0].note, "Output of RG-IEM meeting", "the fix keeps the note");
    assert!(docs[0].introduced);
}

#[test]
fn xref_revision_is_quiet_for_the_same_number_written_another_way() {
    // "TD 667 Rev.1" is how TD667R1 is often typed; it is the same document.
    let a = &mut td514();
    let mut docs = item(a, "2.2").docs.clone();
    docs[0].number = DocNumber::parse("TD 667 Rev.1");
    set(a, item_field(a, "2.2", ItemField::Docs), Value::Docs(docs));
    assert_as_clean_as_td514(a, "typing TD 667 Rev.1");
}

#[test]
fn xref_part_td599_cited_for_the_plenary_where_annex_a_files_it_for_the_whole_meeting() {
    let (a, f) = planted("xref.part");
    assert_eq!(named(&a, &f), "Item 2.1, Docs");
    assert_eq!(&*f.message, "TD599/PLEN is cited, but the register lists TD599/GEN.");
    assert_eq!(fix_label(&f), "Cite TD599/GEN");
    let fixed = apply_fix(&a, &f);
    let docs = &item(&fixed, "2.1").docs;
    assert_eq!(docs[0].number.to_string(), "TD599/GEN");
    assert!(!docs[0].introduced, "the fix keeps the parentheses");
}

#[test]
fn a_part_left_out_on_either_side_is_no_disagreement() {
    // "TD599" cited where Annex A lists TD599/GEN, and "TD599/GEN" where it lists TD599.
    let a = &mut td514();
    set(a, entry_field(a, "TD599", EntryField::Number), Value::Number(DocNumber::parse("TD599/GEN")));
    assert_as_clean_as_td514(a, "filing TD599 as TD599/GEN");
    let a = &mut td514();
    let docs = vec![DocRef { introduced: false, ..DocRef::new("TD 599/GEN") }];
    set(a, item_field(a, "2.1", ItemField::Docs), Value::Docs(docs));
    set(
        a,
        item_field(a, "2.1", ItemField::Notes),
        text("Presented as SG9-TD599/GEN elsewhere; see TD599/GEN."),
    );
    let new = new_findings(a);
    // SG9-TD599/GEN names another group's TD; the agenda TD514 has no group prefix.
    assert_eq!(keys(&new), [("xref.unregistered", item_field(a, "2.1", ItemField::Notes))], "{new:?}");
}

#[test]
fn a_bad_part_is_named_in_the_message() {
    let a = &mut td514();
    let docs = vec![DocRef::new("TD599/GN")];
    set(a, item_field(a, "2.1", ItemField::Docs), Value::Docs(docs));
    let f = new_findings(a).into_iter().find(|f| f.code == "doc.unreadable").expect("doc.unreadable");
    assert!(f.message.contains("\"TD599/GN\" is not a document number"), "{}", f.message);
    assert!(f.message.contains("GEN, PLEN, WP1") && f.message.contains("not \"GN\""), "{}", f.message);
}

#[test]
fn xref_title_a_title_that_says_something_else() {
    let (a, f) = planted("xref.title");
    assert_eq!(named(&a, &f), "Item 3.1, Title");
    let fixed = apply_fix(&a, &f);
    assert_eq!(item(&fixed, "3.1").title, "RG-SOP: ITU’s Strategic Plans", "the register's title, trimmed");
}

#[test]
fn xref_source_rg_sop_for_rg_iem() {
    let (a, f) = planted("xref.source");
    assert_eq!(named(&a, &f), "Item 2.2, Source");
    let fixed = apply_fix(&a, &f);
    assert_eq!(item(&fixed, "2.2").source, "Rapporteur, RG-IEM");
}

#[test]
fn xref_item_see_item_3_4() {
    let (a, f) = planted("xref.item");
    assert_eq!(named(&a, &f), "Item 4.2, Summary");
    assert!(f.message.contains("3.4"), "{}", f.message);
}

#[test]
fn register_duplicate_td599_added_twice() {
    let (a, f) = planted("register.duplicate");
    assert_eq!(named(&a, &f), "Annex A, entry 13 (TD599), TD/C #");
    let fixed = apply_fix(&a, &f);
    assert_eq!(fixed.register, td514().register);
}

#[test]
fn register_uncited_td497_left_behind_by_a_deleted_item() {
    let (a, f) = planted("register.uncited");
    assert!(f.message.contains("TD497"), "{}", f.message);
    let fixed = apply_fix(&a, &f);
    assert!(fixed.register.iter().all(|e| e.number.to_string() != "TD497"));
}

#[test]
fn register_category_informaton() {
    let (a, f) = planted("register.category");
    assert_eq!(named(&a, &f), "Annex A, entry 6 (TD599), Category");
    assert_eq!(fix_label(&f), "Change to \"Information\"");
    let fixed = apply_fix(&a, &f);
    assert_eq!(entry(&fixed, "TD599").category, "Information");
}

#[test]
fn register_category_empty_or_new() {
    // An empty category is reported, with nothing to suggest.
    let a = &mut td514();
    let place = set(a, entry_field(a, "TD599", EntryField::Category), text(""));
    let new = new_findings(a);
    assert_eq!(keys(&new), [("register.category", place)]);
    assert!(new[0].fix.is_none());

    // A category nothing like the known ones is offered as one of this agenda's own.
    let a = &mut td514();
    let place = set(a, entry_field(a, "TD599", EntryField::Category), text("Workshop output"));
    let new = new_findings(a);
    assert_eq!(keys(&new), [("register.category", place)]);
    let fixed = apply_fix(a, &new[0]);
    assert_eq!(fixed.categories, ["Workshop output"]);
    assert_as_clean_as_td514(&fixed, "adding the category");

    // Case and surrounding spaces do not make a category unknown ("Information " is in TD514).
    let a = &mut td514();
    set(a, entry_field(a, "TD599", EntryField::Category), text(" information (TO REVIEW) "));
    assert_as_clean_as_td514(a, "retyping a category in another case");
}

#[test]
fn register_unreadable_td_dash_700() {
    let (_, f) = planted("register.unreadable");
    assert!(f.message.contains("\"TD-700\""), "{}", f.message);
}

#[test]
fn annex_missing_annex_c() {
    let (a, f) = planted("annex.missing");
    assert_eq!(named(&a, &f), "Item 1.2, Notes");
    assert!(f.message.contains("annexes A to B"), "{}", f.message);
}

#[test]
fn annex_unreferenced_a_new_annex_c() {
    let (a, f) = planted("annex.unreferenced");
    assert_eq!(named(&a, &f), "Annex C, Title");
}

#[test]
fn annex_unreferenced_annex_b_once_item_1_3_stops_citing_it() {
    let a = &mut td514();
    set(a, item_field(a, "1.3", ItemField::Docs), Value::Docs(Vec::new()));
    let new = new_findings(a);
    let b = Field::Annex { annex: a.annexes[0].id, field: AnnexField::Title };
    assert_eq!(keys(&new), [("annex.unreferenced", b)]);
    // "Annex E of (TSAG-R4(2024-01))" in its notes is another text's annex, not this agenda's.
}

#[test]
fn item_action_to_ntoe() {
    let (a, f) = planted("item.action");
    assert_eq!(named(&a, &f), "Item 4.3, Actions");
    let fixed = apply_fix(&a, &f);
    assert_eq!(item(&fixed, "4.3").actions, ["To note"]);
}

#[test]
fn item_action_accepts_a_trailing_full_stop() {
    // The published agenda writes "To note." with a full stop.
    let a = &mut td514();
    set(a, item_field(a, "4.3", ItemField::Actions), Value::List(vec!["To note.".into()]));
    assert_as_clean_as_td514(a, "writing \"To note.\"");
}

#[test]
fn item_untitled_aob_without_a_title() {
    let (a, f) = planted("item.untitled");
    assert_eq!(named(&a, &f), "Item 6, Title");
}

#[test]
fn agenda_number_td5l4() {
    let (a, f) = planted("agenda.number");
    assert_eq!(named(&a, &f), "Header, Document number");
    assert!(f.message.contains("\"TD5l4\""), "{}", f.message);
}

#[test]
fn agenda_own_register_td514_deleted_from_annex_a() {
    let (a, f) = planted("agenda.own-register");
    assert_eq!(fix_label(&f), "Add TD514 to Annex A");
    let fixed = apply_fix(&a, &f);
    let (restored, original) = (entry(&fixed, "TD514"), entry(&td514(), "TD514").clone());
    assert_eq!(
        (&restored.category, &restored.source, &restored.title),
        (&original.category, &original.source, &original.title)
    );
}

#[test]
fn agenda_own_adoption_the_adoption_item_no_longer_cites_td514() {
    let (a, f) = planted("agenda.own-adoption");
    assert_eq!(fix_label(&f), "Cite TD514 in item 1.1");
    let fixed = apply_fix(&a, &f);
    assert_eq!(item(&fixed, "1.1").docs, item(&td514(), "1.1").docs);
}

#[test]
fn agenda_time_zone_a_typo_is_fixed_to_the_nearest_name() {
    let (a, f) = planted("agenda.time-zone");
    assert_eq!(named(&a, &f), "Header, Time zone");
    assert!(
        f.message.contains("\"Europe/Zurch\"") && f.message.contains("\"Europe/Zurich\""),
        "{}",
        f.message
    );
    assert_eq!(fix_label(&f), "Change to \"Europe/Zurich\"");
    assert_eq!(apply_fix(&a, &f).time_zone, "Europe/Zurich");
}

#[test]
fn agenda_time_zone_geneva_is_in_zurichs_zone() {
    // No IANA name has Geneva in it, yet it is where ITU-T meets: the clear fix is Zurich's zone.
    let a = &mut td514();
    let place = set(a, header(AgendaField::TimeZone), text("Europe/Geneve"));
    let new = new_findings(a);
    assert_eq!(keys(&new), [("agenda.time-zone", place)]);
    assert_eq!(fix_label(&new[0]), "Change to \"Europe/Zurich\"");
    assert_as_clean_as_td514(&apply_fix(a, &new[0]), "the fix");
}

#[test]
fn agenda_time_zone_a_city_alone_is_fixed_to_its_zone() {
    for (typed, zone) in
        [("Zurich", "Europe/Zurich"), ("New York", "America/New_York"), ("kolkata", "Asia/Kolkata")]
    {
        let a = &mut td514();
        set(a, header(AgendaField::TimeZone), text(typed));
        let new = new_findings(a);
        assert_eq!(new.len(), 1, "{typed}: {}", show(&new.iter().collect::<Vec<_>>()));
        assert_eq!(fix_label(&new[0]), format!("Change to \"{zone}\""), "{typed}");
    }
}

#[test]
fn agenda_time_zone_on_mars_suggests_names_and_offers_no_fix() {
    let a = &mut td514();
    let place = set(a, header(AgendaField::TimeZone), text("Mars/Olympus_Mons"));
    let new = new_findings(a);
    assert_eq!(keys(&new), [("agenda.time-zone", place)]);
    let f = &new[0];
    assert!(f.fix.is_none(), "nothing is near enough to be the one meant: {:?}", f.fix);
    assert!(f.message.contains("The nearest names are \""), "{}", f.message);
    // Three real names are suggested, each one the database knows.
    let named: Vec<&str> = f.message.split('"').skip(3).step_by(2).take(3).collect();
    assert_eq!(named.len(), 3, "{}", f.message);
    for n in named {
        assert!(agendum_core::zones::ZoneRules::is_known(&Tzdb, n), "{n} in {}", f.message);
    }
}

#[test]
fn agenda_time_zone_known_names_and_an_empty_one_are_not_findings() {
    for zone in ["America/New_York", "UTC", "Asia/Kolkata", ""] {
        let a = &mut td514();
        set(a, header(AgendaField::TimeZone), text(zone));
        assert_as_clean_as_td514(a, &format!("setting the time zone to \"{zone}\""));
    }
}

#[test]
fn agenda_time_zone_finding_comes_with_the_other_warnings_of_the_header() {
    let a = &mut td514();
    set(a, header(AgendaField::TimeZone), text("Europe/Zurch"));
    set(a, item_field(a, "3", ItemField::Start), Value::Time(Some(time("14:32"))));
    let all = with_time_zone(a, &Tzdb);
    let codes: Vec<&str> = all.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["time.order", "agenda.time-zone", "register.category"]);
}

#[test]
fn agenda_contact_email_that_is_not_an_address() {
    let (a, f) = planted("agenda.contact-email");
    assert_eq!(named(&a, &f), "Header, Contact's e-mail");
    assert!(f.message.contains("\"rapporteur.sop@itu\" is not an e-mail address"), "{}", f.message);
    assert!(f.fix.is_none(), "no address can be guessed from it");

    // Pasted from a mail program: the fix keeps the address alone.
    let a = &mut td514();
    set(a, header(AgendaField::ContactEmail), text("mailto:rapporteur.sop@itu.int"));
    let f = new_findings(a).pop().expect("a finding");
    assert_eq!(fix_label(&f), "Change to rapporteur.sop@itu.int");
    assert_as_clean_as_td514(&apply_fix(a, &f), "applying the fix");

    for good in ["jane.doe@example.org", "tsbsg9@itu.int", "a+b@mail.example.co.uk"] {
        set(a, header(AgendaField::ContactEmail), text(good));
        assert_as_clean_as_td514(a, good);
    }
    for bad in ["jane doe@example.org", "jane@@example.org", "jane@example..org", "Jane Doe"] {
        set(a, header(AgendaField::ContactEmail), text(bad));
        assert_eq!(keys(&new_findings(a)).len(), 1, "{bad}");
    }
}

#[test]
fn agenda_link_template_without_https_or_number() {
    let (a, f) = planted("agenda.link-template");
    assert_eq!(named(&a, &f), "Header, Document link template");

    let a = &mut td514();
    let place = set(a, header(AgendaField::LinkTemplate), text("https://www.itu.int/md/T22-TSAG-"));
    assert_eq!(keys(&new_findings(a)), [("agenda.link-template", place)]);

    let says = |a: &Agenda| new_findings(a).into_iter().map(|f| f.message).collect::<Vec<_>>().join(" ");
    assert!(says(a).contains("it has no {number} where the document number goes"), "{}", says(a));
    // A quote would end the link: the export makes none, and the finding says why.
    set(a, header(AgendaField::LinkTemplate), text("https://example.org/\"{number}"));
    assert!(says(a).contains("a space, a quote, < or >"), "{}", says(a));
    assert!(!agendum_core::export::html(a).contains("href=\"https://example.org"));
    set(a, header(AgendaField::LinkTemplate), text("ftp://example.org/{number}"));
    assert!(says(a).contains("must start with https:// or http://"), "{}", says(a));

    set(a, header(AgendaField::LinkTemplate), text("https://www.itu.int/md/T22-TSAG-{number}"));
    assert_as_clean_as_td514(a, "writing the right template");
}

// ---------------------------------------------------------------------------------------------
// FieldNames in the user's words.

#[test]
fn places_read_the_way_a_user_names_them() {
    let where_ = |code| {
        let (a, f) = planted(code);
        named(&a, &f)
    };
    assert_eq!(where_("xref.revision"), "Item 2.2, Docs");
    assert_eq!(where_("register.category"), "Annex A, entry 6 (TD599), Category");
    assert_eq!(where_("session.weekday"), "Session 1, Day as printed");
    assert_eq!(where_("agenda.number"), "Header, Document number");
    assert_eq!(where_("future.window"), "Future meeting 1, End");
    assert_eq!(where_("annex.unreferenced"), "Annex C, Title");
    assert_eq!(where_("time.overrun"), "Item 3, Duration");
    assert_eq!(named(&td514(), &check(&td514())[0]), "Annex A, entry 10 (TD667R1), Category");
}

// ---------------------------------------------------------------------------------------------
// Titles and sources, on the pairs TD514 itself has.

#[test]
fn titles_agree_on_the_real_pairs_of_td514() {
    // Item 3.3 as printed, against TD665 in Annex A: the prefixes name different parties.
    assert!(titles_agree(
        "TSB: Schedule of meetings in relation to TSAG inputs for the elaboration of the draft Strategic Plan, 2028-2031",
        "RG-SOP: Schedule of meetings in relation to TSAG inputs for the elaboration of the draft Strategic Plan, 2028-2031",
    ));
    // Item 1.4 adds a parenthetical the register leaves out.
    assert!(titles_agree(
        "Progress report from interim TSAG RG-SOP meetings (January to July 2024)",
        "Progress report from interim TSAG RG-SOP meetings",
    ));
    // Item 3.1, with the register's trailing spaces and a straight apostrophe for the curly one.
    assert!(titles_agree("ITU's Strategic Plans", "RG-SOP: ITU’s Strategic Plans  "));
    // Item 2.2 as printed: "Rapporteur, RG-IEM : …".
    assert!(titles_agree(
        "Rapporteur, RG-IEM : Industry Engagement Proposed Actions sorted by target entities",
        "Industry Engagement Proposed Actions sorted by target entities",
    ));
    // Case does not matter.
    assert!(titles_agree("REPORT OF INDUSTRY ENGAGEMENT WORKSHOP", "Report of Industry Engagement Workshop"));
}

#[test]
fn titles_agree_across_slashes_and_accented_capitals() {
    // A slash joins the parts of a name; at either end of a word it is no part of it.
    assert!(titles_agree("Liaison statement from ITU-R/WP5D on IMT", "ITU-R/WP5D liaison statement on IMT/"));
    assert!(!titles_agree("Liaison statement from ITU-R/WP5D", "Liaison statement from ITU-R WP6A"));
    // Case is folded beyond ASCII: a title typed in capitals in French or German agrees.
    assert!(titles_agree("Rapport de la réunion ÉTÉ 2024", "RAPPORT DE LA RÉUNION été 2024"));
    assert!(titles_agree("Arbeitsplan für 2025", "ARBEITSPLAN FÜR 2025"));
    // But a word is a word: "plans" is not "plan".
    assert!(!titles_agree("Operational plans review", "Operational plan"));
}
#[test]
fn titles_agree_whatever_dash_joins_two_years() {
    // Word turns "2025-2028" into "2025–2028"; the published item 3 writes "2028 - 2031".
    assert!(titles_agree(
        "Four-year rolling Operational Plan for the Union for 2025-2028",
        "Four-year rolling Operational Plan for the Union for 2025–2028",
    ));
    assert!(titles_agree(
        "Draft Strategic and Financial Plan for 2028 - 2031",
        "Draft Strategic and Financial Plan for 2028-2031",
    ));
    // On the agenda: the register's TD497 title pasted with an en dash draws no warning.
    let a = &mut td514();
    set(
        a,
        entry_field(a, "TD497", EntryField::Title),
        text("Four-year rolling Operational Plan for the Union for 2025–2028"),
    );
    assert_as_clean_as_td514(a, "an en dash in TD497's title");
}

#[test]
fn titles_that_say_something_else_disagree() {
    assert!(!titles_agree(
        "ITU’s Strategic Plans",
        "Four-year rolling Operational Plan for the Union for 2025-2028"
    ));
    assert!(!titles_agree("ITU’s Operational Plans", "RG-SOP: ITU’s Strategic Plans"));
    assert!(!titles_agree("Operational plan for 2025-2028", "Operational plan for 2029-2032"));
    // Only a short "Source: " head is set aside; a long sentence before a colon is the title.
    assert!(!titles_agree(
        "Report of the Industry Engagement Workshop held in Geneva in April: proposed actions",
        "Proposed actions sorted by target entities",
    ));
    assert!(titles_agree(
        "Rapporteur, RG-IEM: Proposed actions",
        "Proposed actions sorted by target entities"
    ));
}

#[test]
fn sources_agree_on_the_real_pairs_of_td514() {
    assert!(sources_agree("ITU/SG/SPM", "TSB; ITU/SG/SPM"), "item 3.1 names one of TD672's two sources");
    assert!(sources_agree("Ericsson Canada; Canada", "Ericsson Canada; Canada"));
    assert!(sources_agree("Canada;  Ericsson Canada", "ericsson canada; Canada"), "order, case, spaces");
    assert!(sources_agree("Rapporteur , RG-IEM", "Rapporteur, RG-IEM"));
    assert!(sources_agree("", "TSB"), "item 4.1 names no source; TD497 says TSB");
}

#[test]
fn sources_that_name_someone_else_disagree() {
    assert!(!sources_agree("Rapporteur, RG-SOP", "Rapporteur, RG-IEM"));
    assert!(!sources_agree("Canada", "Ericsson Canada"));
    assert!(!sources_agree("TSB; Canada", "TSB; ITU/SG/SPM"));
}

// ---------------------------------------------------------------------------------------------
// Adding every missing document at once.

#[test]
fn add_missing_documents_has_nothing_to_add_to_td514() {
    assert_eq!(add_missing_documents(&td514()), None);
}

#[test]
fn add_missing_documents_adds_each_document_once_as_one_step() {
    let a = &mut cite_a_new_document_without_registering_it_twice_and_td701();
    let before = a.clone();
    let missing = new_findings(a);
    assert_eq!(missing.iter().filter(|f| f.code == "xref.unregistered").count(), 3, "{missing:?}");

    let edit = add_missing_documents(a).expect("something to add");
    let undo = edit.apply(a).expect("applies");
    assert_eq!(a.register.len(), before.register.len() + 2, "TD700 once, TD701 once");
    let td700 = entry(a, "TD700");
    assert_eq!((td700.title.as_str(), td700.source.as_str()), ("Preparations for WTSA-24", "TSB"));
    assert_eq!(entry(a, "TD701").category, "Information");
    let ids: std::collections::HashSet<EntryId> = a.register.iter().map(|e| e.id).collect();
    assert_eq!(ids.len(), a.register.len(), "every entry keeps a distinct id");
    assert_as_clean_as_td514(a, "adding the missing documents");
    assert_eq!(add_missing_documents(a), None);

    undo.apply(a).expect("undo applies");
    assert_eq!(*a, before, "one undo takes the whole step back");
}

/// Item 4.4 cites TD700 in its Docs and again in its summary, and item 4.2 mentions TD701.
fn cite_a_new_document_without_registering_it_twice_and_td701() -> Agenda {
    let mut agenda = td514();
    let a = &mut agenda;
    cite_a_new_document_without_registering_it(a);
    set(a, item_field(a, "4.4", ItemField::Summary), text("TD700 lists the dates."));
    let summary = format!("{} See also TD701.", item(a, "4.2").summary);
    set(a, item_field(a, "4.2", ItemField::Summary), Value::Text(summary));
    agenda
}

// ---------------------------------------------------------------------------------------------
// The computed timing.

/// "14:30–14:35", "15:40–" when nothing fixes the end, "—" when nothing fixes the start.
fn when(a: &Agenda, n: &str) -> String {
    match schedule(a).slots.get(&item_by_number(a, n)) {
        Some(Slot { start, end: Some(e) }) => format!("{start}–{e}"),
        Some(Slot { start, end: None }) => format!("{start}–"),
        None => "—".into(),
    }
}

#[test]
fn schedule_of_td514_follows_the_printed_timing() {
    let a = td514();
    let want = [
        ("1", "14:30–14:35"),
        ("1.1", "14:30–"),
        ("1.2", "—"),
        ("2", "14:35–15:00"),
        ("3", "15:00–15:30"),
        ("4", "15:30–15:40"),
        ("5", "15:40–"),
        ("6", "—"),
        ("7", "15:45–15:45"),
    ];
    for (n, slot) in want {
        assert_eq!(when(&a, n), slot, "item {n}");
    }
    let plan = schedule(&a).sessions[&a.sessions[0].id];
    assert_eq!((plan.planned, plan.window), (0, Some(75)));
    let item_3 = schedule(&a).slots[&item_by_number(&a, "3")];
    assert_eq!(item_3.label(), "15:00–15:30 (30 min)");
}

#[test]
fn schedule_with_planned_durations_that_fit() {
    let a = &mut td514();
    for (n, minutes) in [("1.1", 2), ("1.2", 1), ("1.3", 1), ("1.4", 1), ("2", 20), ("5", 3), ("6", 2)] {
        set(a, item_field(a, n, ItemField::Duration), Value::Count(Some(minutes)));
    }
    let want = [
        ("1.1", "14:30–14:32"),
        ("1.2", "14:32–14:33"),
        ("1.3", "14:33–14:34"),
        ("1.4", "14:34–14:35"),
        ("2", "14:35–14:55"),
        ("2.1", "14:35–"),
        ("3", "15:00–15:30"),
        ("5", "15:40–15:43"),
        ("6", "15:43–15:45"),
        ("7", "15:45–15:45"),
    ];
    for (n, slot) in want {
        assert_eq!(when(a, n), slot, "item {n}");
    }
    assert_eq!(schedule(a).sessions[&a.sessions[0].id].planned, 25, "top-level items only");
    assert_as_clean_as_td514(a, "planning minutes that fit");
}

#[test]
fn schedule_shows_a_planned_duration_that_runs_over() {
    let a = &mut td514();
    plan_item_3_for_45_minutes(a);
    assert_eq!(when(a, "3"), "15:00–15:45");
    assert_eq!(when(a, "4"), "15:30–15:40", "item 4 keeps its written start");
    let f = &new_findings(a)[0];
    assert_eq!(&*f.message, "45 min from 15:00 runs to 15:45, past 15:30.");
}

// ---------------------------------------------------------------------------------------------
// Checks stay quiet on what is not a mistake.

#[test]
fn free_text_that_only_looks_like_a_reference_is_not_reported() {
    let a = &mut td514();
    set(
        a,
        item_field(a, "3.3", ItemField::Notes),
        text(
            "See C24/59 Rev.1 and C24/139, TSAG-R4(2024-01), PP-22 Res. 71, the tables 2-12 of Annex E of \
             TSAG-R4, and chapter 7 for each action item. Approved by the Council-24.",
        ),
    );
    assert_as_clean_as_td514(a, "notes citing outside texts");
}

#[test]
fn the_readme_lists_every_check_code_as_the_checks_report_it() {
    // The README's table, row by row: | `code` | severity | meaning |
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let rows: Vec<(String, String, String)> = readme
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.trim().strip_prefix("| `")?.strip_suffix('|')?.split(" | ").collect();
            let [code, severity, meaning] = cells.as_slice() else { return None };
            Some((code.trim_end_matches('`').to_string(), severity.to_string(), meaning.trim().to_string()))
        })
        .collect();
    let codes: Vec<(String, String, String)> = CODES
        .iter()
        .map(|c| (c.as_str().to_string(), c.severity().name().to_string(), c.meaning().to_string()))
        .collect();
    assert_eq!(rows, codes, "the README's table of check codes differs from checks::CODES");
}

#[test]
fn a_register_field_is_named_with_its_entry_and_label() {
    // The name of a field matches the finding's own label for every field it names.
    let a = td514();
    let f = Field::Entry { entry: entry_by_number(&a, "C103"), field: EntryField::Source };
    assert_eq!(FieldNames::new(&a).name(f), "Annex A, entry 8 (C103), Source");
}

// ---------------------------------------------------------------------------------------------
// What the meeting made of the agenda: outcomes and the documents' statuses.

#[test]
fn outcome_missing_once_the_meeting_is_held() {
    let (a, f) = planted("outcome.missing");
    assert_eq!(named(&a, &f), "Item 3.3, Outcome");
    assert!(f.message.contains("The meeting is held") && f.message.contains("no outcome"), "{}", f.message);
}

#[test]
fn outcome_missing_once_the_session_has_passed_and_not_before() {
    // TD514's one session is on Thursday 1 August 2024; nothing is decided yet.
    let a = td514();
    let on =
        |day: &str| check_on(&a, Some(date(day))).into_iter().filter(|f| f.code == "outcome.missing").count();
    assert_eq!(on("2024-08-01"), 0, "not during the session's day");
    // Every item that asks the meeting for something: 1.1 to 1.4, 2.1 to 2.3, 3.1 to 3.3, 4.1 to
    // 4.3. The headings (1, 2, 3, 4), future meetings, AOB and the closure ask nothing.
    assert_eq!(on("2024-08-02"), 13);
    let f = check_on(&a, Some(date("2024-08-02"))).into_iter().find(|f| f.code == "outcome.missing").unwrap();
    assert_eq!(named(&a, &f), "Item 1.1, Outcome");
    assert!(f.message.starts_with("Its session has passed"), "{}", f.message);
    // A session without a date has not passed until the meeting is held.
    let mut undated = a.clone();
    undated.sessions[0].date = None;
    assert!(check_on(&undated, Some(date("2030-01-01"))).iter().all(|f| f.code != "outcome.missing"));
}

#[test]
fn outcome_contrary_an_adoption_deferred_without_a_note() {
    let (mut a, f) = planted("outcome.contrary");
    assert_eq!(named(&a, &f), "Item 1.1, Outcome note");
    assert!(f.message.contains("\"To adopt\"") && f.message.contains("\"Deferred\""), "{}", f.message);
    // A note saying why settles it.
    set(&mut a, f.field, text("Pending the revised time plan."));
    assert!(check_all(&a).iter().all(|g| g.code != "outcome.contrary"));
    // So does an outcome that agrees; one of the agenda's own "Not …" words does not.
    for (outcome, contrary) in [
        ("Approved", false),
        ("approved with modifications", false),
        ("Not adopted", true),
        ("Withdrawn.", true),
    ] {
        let b = &mut a.clone();
        set(b, f.field, text(""));
        set(b, item_field(b, "1.1", ItemField::Outcome), text(outcome));
        assert_eq!(check_all(b).iter().any(|g| g.code == "outcome.contrary"), contrary, "{outcome}");
    }
}

#[test]
fn status_missing_only_for_documents_planned_for_introduction() {
    let (a, f) = planted("status.missing");
    assert_eq!(named(&a, &f), "Item 2.2, Docs");
    assert!(f.message.starts_with("TD667R1 was to be introduced"), "{}", f.message);
    // Item 2.1 is noted too, but TD599 is cited in parentheses: not expected to be introduced.
    let b = &mut a.clone();
    set(b, item_field(b, "2.1", ItemField::Outcome), text("Noted"));
    assert_eq!(new_findings(b).iter().filter(|f| f.code == "status.missing").count(), 1);
}

#[test]
fn status_unregistered_a_revision_that_annex_a_does_not_list() {
    let (mut a, f) = planted("status.unregistered");
    assert_eq!(named(&a, &f), "Item 2.2, Docs");
    assert!(f.message.contains("TD667R1 is revised as TD667R2"), "{}", f.message);
    // Registered, TD667R2 is cited by what it revises: no finding, and not "uncited" either.
    let entry = RegisterEntry {
        id: a.next_entry_id(),
        number: DocNumber::parse("TD667R2"),
        category: "Output".into(),
        ..entry(&a, "TD667R1").clone()
    };
    let index = a.register.len();
    apply(&mut a, Edit::InsertEntry { index, entry: Box::new(entry) });
    assert_as_clean_as_td514(&a, "registering TD667R2");
}

#[test]
fn a_held_meeting_with_every_outcome_entered_is_as_clean_as_td514() {
    let mut a = td514();
    hold_the_meeting_with_every_outcome_entered(&mut a);
    assert_as_clean_as_td514(&a, "entering every outcome");
}
