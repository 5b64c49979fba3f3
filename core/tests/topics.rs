//! Items that are topics, and items that present a document: `xref.title` on the two real
//! agendas it was tuned on. TD514's rows present their documents ("Rapporteur, RG-SOP: title");
//! the SG9 plenary agenda (TD163/GEN) lists topics ("Approval of the agenda") that cite the TD
//! they are about. A title check that fires on a topic is noise, and its fix would overwrite
//! the topic with the document's title.

use agendum_core::checks::titles_agree;
use agendum_core::edit::ItemField;
use agendum_core::{check, Agenda, Edit, Field, Finding, Item, Value};

mod common;
use common::td514;

const SG9_TD163: &str = include_str!("fixtures/sg9-td163.agenda.json");

fn sg9() -> Agenda {
    agendum_core::format::load(SG9_TD163).expect("the SG9 fixture reads").agenda
}

fn item<'a>(a: &'a Agenda, n: &str) -> &'a Item {
    let id = a.rows().into_iter().find(|r| r.number == n).unwrap_or_else(|| panic!("no item {n}")).id;
    a.item(id).expect("a numbered item exists")
}

fn set_title(a: &mut Agenda, n: &str, title: &str) -> Field {
    let field = Field::Item { item: item(a, n).id, field: ItemField::Title };
    Edit::Set { field, value: Value::Text(title.into()) }.apply(a).expect("the title is set");
    field
}

fn title_findings(a: &Agenda) -> Vec<Finding> {
    check(a).into_iter().filter(|f| f.code == "xref.title").collect()
}

/// The items that cite exactly one document and whose title does not agree with the register's
/// title for it: every one of them drew xref.title before topics were told apart.
fn titled_otherwise(a: &Agenda) -> Vec<String> {
    a.rows()
        .into_iter()
        .filter_map(|r| {
            let it = a.item(r.id)?;
            let [d] = it.docs.as_slice() else { return None };
            let e = a.register.iter().find(|e| e.number.to_string() == d.number.to_string())?;
            (!titles_agree(&it.title, &e.title)).then(|| r.number.clone())
        })
        .collect()
}

#[test]
fn the_sg9_plenary_agenda_draws_no_title_finding_from_its_topics() {
    let a = sg9();
    // The noise as it was: eight topics, each with a fix that would have replaced the topic
    // ("Approval of the agenda") with the document's title ("Draft agenda of SG9 Plenary meetings").
    assert_eq!(titled_otherwise(&a), ["2", "3", "4", "5", "7", "8", "12", "16"]);
    assert_eq!(item(&a, "2").title, "Approval of the agenda");
    let found = title_findings(&a);
    assert!(found.is_empty(), "{:#?}", found.iter().map(|f| &f.message).collect::<Vec<_>>());
    assert!(check(&a).is_empty(), "the SG9 agenda has no mistake: {:#?}", check(&a));
}

#[test]
fn td514_rows_that_present_their_document_are_still_held_to_its_title() {
    let a = td514();
    assert!(titled_otherwise(&a).is_empty() && title_findings(&a).is_empty(), "TD514 as published");
    // Item 3.1 names its source, so it presents TD672 ("RG-SOP: ITU’s Strategic Plans").
    let mut spoiled = a.clone();
    let field = set_title(&mut spoiled, "3.1", "ITU’s Operational Plans");
    let found = title_findings(&spoiled);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].field, field);
    assert_eq!(found[0].fix.as_ref().map(|f| f.label.as_ref()), Some("Use the register's title"));
}

#[test]
fn a_slip_in_a_title_without_a_source_is_caught_and_fixed() {
    // 2.1 has no source but carries TD599's title; one word mistyped is a slip, not a topic.
    let mut a = td514();
    set_title(&mut a, "2.1", "Report of Industy Engagement Workshop");
    let found = title_findings(&a);
    assert_eq!(found.len(), 1, "{found:#?}");
    let fix = found[0].fix.as_ref().expect("a fix");
    let mut fixed = a.clone();
    fix.edit.clone().apply(&mut fixed).expect("the fix applies");
    assert_eq!(item(&fixed, "2.1").title, "Report of Industry Engagement Workshop");
}

#[test]
fn a_topic_that_cites_a_document_is_never_given_its_title() {
    // The same item, turned into a topic: it keeps its words, and nothing offers to replace them.
    let mut a = td514();
    set_title(&mut a, "2.1", "Workshop outcomes");
    assert!(title_findings(&a).is_empty(), "{:#?}", title_findings(&a));
    let mut b = sg9();
    set_title(&mut b, "7", "Organization of the work of the Working Parties");
    assert!(title_findings(&b).is_empty(), "{:#?}", title_findings(&b));
}

#[test]
fn a_presented_document_whose_title_shares_nothing_asks_whether_the_number_is_right() {
    // 3.1 presents a document from ITU/SG/SPM; its title has nothing of TD672's: more likely the
    // wrong number than the wrong title, so no title is offered.
    let mut a = td514();
    let field = set_title(&mut a, "3.1", "Budget outlook");
    let found = title_findings(&a);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].field, field);
    assert!(found[0].message.contains("is TD672 the document meant?"), "{}", found[0].message);
    assert!(found[0].fix.is_none(), "a topic's title is never replaced");
}
