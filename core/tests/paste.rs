//! Tables pasted into Annex A: Word's clipboard HTML, tab-separated text from Excel, or a web
//! page's HTML as a browser reads it, columns by header or by position; entries already there
//! are only filled in, and the paste is one undo. Pasted agenda rows become items, no deeper than
//! an agenda may nest.

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

/// The rows of `html` as text: what a user sees pasted.
fn rows(html: &str) -> Vec<Vec<String>> {
    rows_from_html(html)
}

#[test]
fn a_web_page_of_thousands_of_scripts_and_styles_gives_its_table() {
    // A meeting's web page: a style, a script and a title per row, in any case, megabytes of it
    // (read as the reader once did, the rest of the page lower-cased at each, it took a minute).
    let mut html = String::from("<html><HEAD><Title>Documents</TITLE></head><body>");
    html.push_str(&"<style>td{}</style>".repeat(50_000));
    html.push_str("<table><tr><th>TD/C #</th><th>Title</th></tr>");
    for k in 0..3000 {
        html.push_str(&format!(
            "<tr><td>TD{k}</td><td><SCRIPT>if (a</scripts) track({k})</Script >Title {k}</td></tr>"
        ));
    }
    html.push_str("</table>");
    assert!(html.len() > 1_000_000);
    let rows = rows(&html);
    assert_eq!(rows.len(), 3001);
    assert_eq!(rows[3000], ["TD2999", "Title 2999"], "a script ends only at its own end tag");
}

#[test]
fn a_head_without_its_end_tag_hides_nothing_of_the_page() {
    let html = "<html><head><meta charset=utf-8><body><table><tr><td>TD/C #</td><td>Title</td></tr>\
        <tr><td>TD5</td><td>five</td></tr></table>";
    assert_eq!(rows(html), [["TD/C #", "Title"], ["TD5", "five"]]);
}

#[test]
fn rows_and_cells_whose_end_tags_are_left_out_read_as_in_a_browser() {
    let expected = [["TD/C #", "Title"], ["TD5", "five"], ["TD6", "six"]];
    for html in [
        // No </td>, no </tr>: the next cell, the next row or the table's end closes them.
        "<table><tr><td>TD/C #<td>Title<tr><td>TD5<td>five<tr><td>TD6<td>six</table>",
        "<table><tr><th>TD/C #</th><th>Title</th><tr><td>TD5</td><td>five</td><tr><td>TD6</td><td>six</td></table>",
        "<table><thead><tr><th>TD/C #<th>Title<tbody><tr><td>TD5<td>five</tr><tr><td>TD6<td>six</tbody></table>",
        // Cells without a row: a browser makes one.
        "<table><td>TD/C #<td>Title<tr><td>TD5<td>five<tr><td>TD6<td>six",
    ] {
        assert_eq!(rows(html), expected, "{html}");
    }
    let a = td514();
    let pasted = paste_register(&a, &rows("<table><tr><td>TD/C #<td>Title<tr><td>TD905<td>Report</table>"));
    assert_eq!(pasted.added, 1);
    let mut b = a.clone();
    pasted.edit.unwrap().apply(&mut b).unwrap();
    assert_eq!(entry(&b, "TD905").unwrap().title, "Report");
}

#[test]
fn a_greater_than_sign_in_a_quoted_attribute_does_not_end_the_tag() {
    let html = r#"<table><tr><td title="a>b">TD/C #</td><td class='x>y'>Title</td></tr>
        <tr><td data-x=">TD666<">TD11</td><td title = "colspan=3" colspan=2>x</td><td>y</td></tr></table>"#;
    assert_eq!(rows(html), [vec!["TD/C #", "Title"], vec!["TD11", "x", "", "y"]]);
    let a = td514();
    let pasted = paste_register(&a, &rows(html));
    let mut b = a.clone();
    pasted.edit.unwrap().apply(&mut b).unwrap();
    assert!(entry(&b, "TD11").is_some());
    assert!(entry(&b, "TD666").is_none(), "an attribute's text is no document");
}

#[test]
fn a_lone_less_than_sign_is_text() {
    let html = "<<<<table><tr><td>TD/C #</td><td>Title</td></tr><tr><td>TD8</td><td>a < b, <3 & </ c></td></tr></table>";
    assert_eq!(rows(html), [["TD/C #", "Title"], ["TD8", "a < b, <3 &"]]);
}

#[test]
fn references_to_no_character_put_no_control_character_in_a_cell() {
    let html = "<table><tr><td>TD/C #</td><td>Title</td></tr><tr><td>TD&#0;1&#x7;</td>\
        <td>&#x110000;&#xD800;&#55296;&#99999999999999;|&amp;lt;&#150;&#x41&#9;&#10;B&#128;\u{1}</td></tr></table>";
    let rows = rows(html);
    assert_eq!(rows[1][0], "TD1");
    assert_eq!(rows[1][1], "\u{fffd}\u{fffd}\u{fffd}\u{fffd}|&lt;–A B€", "as a browser shows them");
    let a = td514();
    let mut b = a.clone();
    paste_register(&a, &rows).edit.unwrap().apply(&mut b).unwrap();
    assert!(entry(&b, "TD1").is_some());
}

/// How many levels deep `items` go, a top-level item being 1.
fn levels(items: &[agendum_core::model::Item]) -> usize {
    items.iter().map(|i| 1 + levels(&i.children)).max().unwrap_or(0)
}

/// The titles of `items` and theirs, in the agenda's order.
fn titles(items: &[agendum_core::model::Item], out: &mut Vec<String>) {
    for i in items {
        out.push(i.title.clone());
        titles(&i.children, out);
    }
}

#[test]
fn items_nested_thousands_deep_stop_at_the_deepest_level_and_the_agenda_opens_again() {
    use agendum_core::import::table::insert_items;
    use agendum_core::model::{Item, ItemId, MAX_ITEM_DEPTH};
    let a = td514();
    let session = a.sessions[0].id;
    // Item 0 holds item 1, which holds item 2, … 3,000 deep.
    let mut chain = Item::new(ItemId(0), "Item 2999");
    for k in (0..2999).rev() {
        let mut parent = Item::new(ItemId(0), &format!("Item {k}"));
        parent.children.push(chain);
        chain = parent;
    }
    let pasted = insert_items(&a, session, vec![chain, Item::new(ItemId(0), "After")], 0);
    assert_eq!(pasted.added, 3001, "nothing dropped");
    let mut b = a.clone();
    pasted.edit.unwrap().apply(&mut b).unwrap();
    let items = &b.sessions[0].items;
    let n = a.sessions[0].items.len();
    assert_eq!(items.len(), n + 2);
    assert_eq!(levels(&items[n..]), MAX_ITEM_DEPTH);
    let mut order = Vec::new();
    titles(&items[n..], &mut order);
    let expected: Vec<String> = (0..3000).map(|k| format!("Item {k}")).chain(["After".into()]).collect();
    assert_eq!(order, expected, "in the pasted order");
    // The deepest level allowed holds the rest, one after the other.
    let mut deepest = &items[n];
    for _ in 1..MAX_ITEM_DEPTH - 1 {
        deepest = &deepest.children[0];
    }
    assert_eq!(deepest.title, format!("Item {}", MAX_ITEM_DEPTH - 2));
    assert_eq!(deepest.children.len(), 3000 - (MAX_ITEM_DEPTH - 1));
    agendum_core::format::load(&agendum_core::format::save(&b)).expect("the agenda opens again");
}

#[test]
fn agenda_rows_numbered_seventy_levels_deep_paste_into_an_agenda_that_opens_again() {
    use agendum_core::import::table::paste_items;
    use agendum_core::model::MAX_ITEM_DEPTH;
    let a = td514();
    let tsv: String =
        (0..70).map(|k| format!("\t1{}\tItem {k}\tTD{k}\tTo note.\n", ".1".repeat(k))).collect();
    let pasted = paste_items(&a, a.sessions[0].id, &rows_from_tsv(&tsv));
    assert_eq!(pasted.added, 70);
    let mut b = a.clone();
    pasted.edit.unwrap().apply(&mut b).unwrap();
    let n = a.sessions[0].items.len();
    assert_eq!(levels(&b.sessions[0].items[n..]), MAX_ITEM_DEPTH);
    agendum_core::format::load(&agendum_core::format::save(&b)).expect("the agenda opens again");
}
