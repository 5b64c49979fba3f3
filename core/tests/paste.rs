//! Tables pasted into Annex A: Word's clipboard HTML, tab-separated text from Excel, columns by
//! header or by position; entries already there are only filled in, and the paste is one undo.

mod common;

use agendum_core::docref::DocNumber;
use agendum_core::import::table::{paste_register, rows_from_html, rows_from_tsv};
use agendum_core::History;
use common::td514;

fn entry<'a>(a: &'a agendum_core::Agenda, number: &str) -> Option<&'a agendum_core::RegisterEntry> {
    a.register.iter().find(|e| e.number == DocNumber::parse(number))
}

#[test]
fn words_clipboard_table_reads_as_rows_of_text() {
    let html = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/clipboard/word-annex-a.html"
    ))
    .unwrap();
    let rows = rows_from_html(&html);
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[0], ["#", "Category", "TD/C #", "Rev.", "Source", "Title"]);
    assert_eq!(rows[1][2], "TD 514");
    assert_eq!(rows[2][3], "Rev. 2", "no-break spaces are spaces");
    assert_eq!(rows[2][4], "Ericsson & Nokia");
    assert_eq!(rows[2][5], "Proposed “work” plan\nfor 2025–2028");
}

#[test]
fn pasting_words_annex_a_adds_the_new_entries_and_fills_the_known_ones() {
    let html = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/clipboard/word-annex-a.html"
    ))
    .unwrap();
    let mut a = td514();
    // TD514 is in TD514's register already: with its fields emptied, the paste fills them.
    let i = a.register.iter().position(|e| e.number == DocNumber::parse("TD514")).unwrap();
    a.register[i].source.clear();
    let before = a.clone();
    let pasted = paste_register(&a, &rows_from_html(&html));
    assert_eq!((pasted.added, pasted.updated), (1, 1));
    let mut history = History::default();
    history.apply(&mut a, pasted.edit.expect("an edit"), false).unwrap();
    assert_eq!(entry(&a, "TD514").unwrap().source, "Rapporteur, RG-SOP");
    assert_eq!(entry(&a, "TD514").unwrap().title, before.register[i].title, "a field already filled is kept");
    let new = entry(&a, "TD700R2").expect("the revision column makes TD700R2");
    assert_eq!((new.category.as_str(), new.source.as_str()), ("Contribution", "Ericsson & Nokia"));
    assert_eq!(a.register.len(), before.register.len() + 1);
    // One undo takes the whole paste back.
    history.undo(&mut a).unwrap();
    assert_eq!(a, before);
}

#[test]
fn tab_separated_rows_without_a_header_go_by_position() {
    let a = td514();
    let rows = rows_from_tsv("Information\tTD901\tTSB\tWork programme\nAdmin\tTD902\tChair\tReport\n\n");
    let mut b = a.clone();
    let pasted = paste_register(&a, &rows);
    assert_eq!((pasted.added, pasted.updated), (2, 0));
    pasted.edit.unwrap().apply(&mut b).unwrap();
    let e = entry(&b, "TD902").unwrap();
    assert_eq!((e.category.as_str(), e.source.as_str(), e.title.as_str()), ("Admin", "Chair", "Report"));
}

#[test]
fn rows_with_no_document_number_change_nothing() {
    let a = td514();
    let pasted = paste_register(&a, &rows_from_tsv("hello\tworld\nplain\ttext"));
    assert_eq!(pasted, agendum_core::import::table::Pasted { edit: None, added: 0, updated: 0 });
    assert!(rows_from_html("<p>no table here</p>").is_empty());
}

#[test]
fn agenda_rows_pasted_into_a_session_become_its_items_in_one_undoable_step() {
    use agendum_core::import::table::paste_items;
    let mut a = td514();
    let before = a.clone();
    let session = a.sessions[0].id;
    let rows = rows_from_tsv("8\tDraft work plan\tTD701, (TD702)\tTo consider.\n8.1\tLiaison to SG13\tTD703\tTo note. Presented by TSB.\n\tFollow-up of the liaison\t\t\n");
    let pasted = paste_items(&a, session, &rows);
    assert_eq!((pasted.added, pasted.not_understood), (3, 0));
    let mut history = History::default();
    history.apply(&mut a, pasted.edit.expect("an edit"), false).unwrap();
    let items = &a.sessions[0].items;
    let n = before.sessions[0].items.len();
    assert_eq!(items.len(), n + 2, "8 and the unnumbered row; 8.1 under 8");
    let eight = &items[n];
    assert_eq!(eight.title, "Draft work plan");
    assert_eq!(eight.docs.iter().map(|d| d.printed()).collect::<Vec<_>>(), ["TD701", "(TD702)"]);
    assert_eq!(eight.actions, ["To consider"]);
    assert_eq!(eight.children[0].title, "Liaison to SG13");
    assert_eq!(eight.children[0].notes, "Presented by TSB.");
    assert_eq!(items[n + 1].title, "Follow-up of the liaison");
    // New ids, none taken.
    let mut ids: Vec<u32> = a.rows().iter().map(|r| r.id.0).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), a.rows().len());
    history.undo(&mut a).unwrap();
    assert_eq!(a, before);
}

#[test]
fn a_pasted_agenda_table_with_its_header_keeps_its_times() {
    use agendum_core::import::table::paste_items;
    let a = td514();
    let html = "<table><tr><th>Timing</th><th>#</th><th>Agenda Item</th><th>Docs</th><th>Summary and Proposal</th></tr>\
        <tr><td>16:00 hours</td><td>9</td><td>Closing</td><td></td><td>To note.</td></tr></table>";
    let pasted = paste_items(&a, a.sessions[0].id, &rows_from_html(html));
    let mut b = a.clone();
    pasted.edit.unwrap().apply(&mut b).unwrap();
    let last = b.sessions[0].items.last().unwrap();
    assert_eq!((last.title.as_str(), last.start.map(|t| t.to_string())), ("Closing", Some("16:00".into())));
}
