//! The printed agenda with its changes since a published revision marked, as revised TDs are:
//! inserted words underlined (<ins>), deleted struck through (<del>), added items underlined
//! whole, removed ones listed struck through; and the clean print unchanged by any of it. In
//! Word, the same changes are Word's own tracked changes (w:ins, w:del), whose Accept All gives
//! the clean copy.

use agendum_core::edit::{commands, ItemField};
use agendum_core::export::{docx, docx_marked, html, html_marked, Marks};
use agendum_core::revisions::publish;
use agendum_core::{Agenda, Edit, Field, Value};

mod common;
use common::docx::{attributes, opens_without_repair, paragraphs, parts, tracked, Tracked};
use common::{td514, td514_revised};

fn id(a: &Agenda, n: &str) -> agendum_core::ItemId {
    a.rows().into_iter().find(|r| r.number == n).unwrap_or_else(|| panic!("no item {n}")).id
}

#[test]
fn a_revision_prints_its_changes_marked() {
    let published = td514();
    let mut now = published.clone();
    let field = Field::item(id(&now, "2.1"), ItemField::Title);
    Edit::Set { field, value: Value::Text("Report of the Industry Engagement meeting <June>".into()) }
        .apply(&mut now)
        .unwrap();
    let (e, _) = commands::add_after(&now, id(&now, "1.1")).unwrap();
    e.apply(&mut now).unwrap();
    let gone = now.register.last().unwrap().id;
    Edit::RemoveEntry { id: gone }.apply(&mut now).unwrap();

    let marks = Marks::new(&published, &now, "TD514".into());
    let printed = html_marked(&now, None, &marks);
    assert!(printed.contains("Changes since TD514 are marked"), "{printed}");
    assert!(printed.contains("Report of <ins>the </ins>Industry Engagement"), "{printed}");
    assert!(printed.contains("&lt;June&gt;</ins>"), "inserted text is escaped like any other");
    assert!(
        printed.contains("<del>Workshop</del>"),
        "{}",
        &printed[printed.find("Report of <ins>").unwrap()..][..200]
    );
    assert!(
        printed.contains("<tr class=\"item depth-1 inserted\">"),
        "the added item 1.2 is underlined whole"
    );
    assert!(
        printed.contains("Removed since TD514:</p>\n<ul class=\"removed\">\n<li><del>Annex A, entry"),
        "{printed}"
    );
    // The clean print is as before.
    assert!(!html(&now).contains("<ins>") && !html(&now).contains("Changes since"));
}

#[test]
fn with_nothing_changed_only_the_line_saying_so_differs() {
    let a = td514();
    let marks = Marks::new(&a, &a, "TD514".into());
    let printed = html_marked(&a, None, &marks);
    assert_eq!(printed.matches("<ins>").count(), 1, "only the legend's");
    assert_eq!(printed.matches("<del>").count(), 1, "only the legend's");
    assert!(!printed.contains(" inserted\""));
    assert!(!printed.contains("Removed since"));
}

fn changes_of(kind: &str, all: &[Tracked]) -> Vec<String> {
    all.iter().filter(|t| t.kind == kind).map(|t| t.text.clone()).collect()
}

#[test]
fn word_marks_the_changes_as_tracked_changes_by_agendum_dated_at_the_publication() {
    let a = td514_revised();
    let marks = Marks::since_last(&a).expect("TD514 is published");
    assert_eq!(marks.since, "TD514");
    let bytes = docx_marked(&a, &marks);
    opens_without_repair(&bytes);
    let doc = &parts(&bytes)["word/document.xml"];
    let all = tracked(doc);
    assert!(all.iter().all(|t| t.author == "Agendum" && t.date == "2024-07-25T09:00:00"), "{all:?}");
    let (inserted, deleted) = (changes_of("ins", &all), changes_of("del", &all));
    assert!(inserted.contains(&"the ".to_string()), "{inserted:?}");
    assert!(inserted.iter().any(|t| t.contains("<June>")), "inserted text is text: {inserted:?}");
    assert!(deleted.contains(&"Workshop".to_string()), "{deleted:?}");
    assert!(deleted.contains(&"infomration".to_string()) && inserted.contains(&"Information".to_string()));
    // The added item's row is inserted whole, its text with it.
    assert_eq!(doc.matches("<w:trPr><w:cantSplit/><w:ins ").count(), 1, "one row added");
    assert!(inserted.contains(&"Welcome of new members".to_string()), "{inserted:?}");
    // What was removed is listed deleted: struck through, and gone from the clean copy.
    assert!(deleted.contains(&"Removed since TD514:".to_string()), "{deleted:?}");
    assert!(deleted.iter().any(|t| t.starts_with("Annex A, entry 12")), "{deleted:?}");
    // Deleted text is w:delText, never w:t, or Word calls the file damaged.
    for del in doc.split("<w:del ").skip(1) {
        let end = del.find("</w:del>").unwrap_or(0);
        assert!(!del[..end].contains("<w:t "), "a deletion holds w:t: {}", &del[..end]);
    }
    // Word wants every change's id unique.
    let mut ids = attributes(doc, b"w:ins", b"w:id");
    ids.extend(attributes(doc, b"w:del", b"w:id"));
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "a tracked change's id is repeated");
}

#[test]
fn accepting_every_change_in_word_gives_the_clean_copy() {
    let a = td514_revised();
    let marked = parts(&docx_marked(&a, &Marks::since_last(&a).unwrap()))["word/document.xml"].clone();
    let clean = parts(&docx(&a))["word/document.xml"].clone();
    assert!(!clean.contains("<w:ins ") && !clean.contains("<w:del ") && !clean.contains("w:delText"));
    // As Word's Accept All reads it: inserted text kept, deleted text and its paragraphs gone.
    let read = |xml: &str| paragraphs(xml).into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>();
    assert_eq!(read(&marked), read(&clean));
    // Agendum's own Word import reads it so too, into the agenda as it is now.
    let import = |bytes: &[u8]| {
        let got = agendum_core::import::docx::read(bytes, "back").expect("reads back").agenda;
        html(&got)
    };
    assert_eq!(import(&docx_marked(&a, &Marks::since_last(&a).unwrap())), import(&docx(&a)));
}

#[test]
fn word_with_nothing_changed_has_no_tracked_change() {
    let mut a = td514();
    publish(&mut a, "2024-07-25".parse().unwrap(), "09:00".parse().unwrap()).unwrap();
    let doc = &parts(&docx_marked(&a, &Marks::since_last(&a).unwrap()))["word/document.xml"];
    assert!(tracked(doc).is_empty());
    assert!(!doc.contains("<w:ins ") && !doc.contains("<w:del "));
    assert!(Marks::since_last(&td514()).is_none(), "nothing to mark before the first publication");
}
