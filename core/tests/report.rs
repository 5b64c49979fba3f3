//! The meeting report's skeleton, from TD514 with what its meeting decided: the report's own
//! number, the header, the session, each item with its documents and what became of them and
//! its outcome, then every document with its status; in HTML and, from the same plan, in Word.

use agendum_core::docref::{DocRef, DocStatus};
use agendum_core::export::{report, report_docx};
use agendum_core::Agenda;

mod common;
use common::docx::{opens_without_repair, paragraphs, parts, table_rows};
use common::{td514, td514_reported};

/// The text between `from` and the next `to` after it.
fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html.find(from).unwrap_or_else(|| panic!("no {from:?} in the report")) + from.len();
    let end = html[start..].find(to).map_or(html.len(), |i| start + i);
    &html[start..end]
}

/// The row of the items table whose number cell reads `n`.
fn item_row<'a>(html: &'a str, n: &str) -> &'a str {
    between(html, &format!("<td class=\"num\">{n}</td>"), "</tr>")
}

#[test]
fn the_report_carries_its_own_number_and_the_agendas_header() {
    let html = report(&td514_reported());
    assert!(html.starts_with("<!DOCTYPE html>\n"));
    assert!(html.contains("<title>TD515 Report of the TSAG RG-SOP meeting</title>"), "{html:.600}");
    assert!(html.contains("<td class=\"docno\">TD515</td>"));
    assert!(html.contains("<td class=\"label\">Title</td><td>Report of the TSAG RG-SOP meeting</td>"));
    assert!(html.contains("<td class=\"label\">Agenda</td><td>TD514</td>"));
    assert!(html.contains("<td class=\"label\">Place and dates</td><td>Geneva, 29 July – 2 August 2024</td>"));
    assert!(!html.contains("<td class=\"label\">Status</td>"), "the agenda's status is not the report's");
    assert!(html.contains("<h2>Thursday, 1 August, 14:30 - 15:45 hours Geneva time: TSAG Rapporteur Group"));
}

#[test]
fn each_item_shows_its_documents_what_became_of_them_and_its_outcome() {
    let html = report(&td514_reported());
    let adoption = item_row(&html, "1.1");
    assert!(adoption.contains("TD514 <span class=\"status\">introduced</span>"), "{adoption}");
    assert!(adoption.contains("<strong>Agreed.</strong>"), "{adoption}");
    let iem = item_row(&html, "2.2");
    assert!(iem.contains("TD667R1 <span class=\"status\">revised as TD667R2</span>"), "{iem}");
    assert!(iem.contains("<strong>Approved with modifications.</strong>"), "{iem}");
    assert!(iem.contains("Target dates &lt;to be&gt; added &amp; agreed."), "the note is text: {iem}");
    let c103 = item_row(&html, "3.2");
    assert!(c103.contains("C103 <span class=\"status\">not introduced</span>"), "{c103}");
    assert!(c103.contains("<strong>Deferred.</strong>"), "{c103}");
    // Not yet entered: a mark where the outcome goes, but none on a heading or on AOB.
    assert!(item_row(&html, "3.3").contains("<span class=\"pending\">[outcome]</span>"));
    assert!(!item_row(&html, "3").contains("[outcome]"));
    assert!(!item_row(&html, "6").contains("[outcome]"));
    assert_eq!(html.matches("<tr class=\"item ").count(), 20, "every item of TD514");
}

#[test]
fn the_list_of_documents_gives_each_its_status() {
    let html = report(&td514_reported());
    let list = between(&html, "<h2>Documents</h2>", "</table>");
    let rows: Vec<&str> = list.split("<tr><td>").skip(1).collect();
    assert_eq!(rows.len(), 13, "Annex A's twelve entries and TD667R2: {list}");
    let status = |number: &str| {
        let row = rows.iter().find(|r| r.contains(&format!("<td>{number}</td>"))).expect(number);
        between(row, "<td class=\"status\">", "</td>").to_string()
    };
    assert_eq!(status("TD514"), "introduced");
    assert_eq!(status("TD667R1"), "revised as TD667R2");
    assert_eq!(status("C103"), "not introduced");
    assert_eq!(status("TD672"), "", "not entered yet");
    assert!(rows[0].starts_with("1.</td>") && rows[12].starts_with("13.</td>"));
}

#[test]
fn a_document_cited_but_not_in_annex_a_is_listed_after_it() {
    let mut a = td514_reported();
    let item = &mut a.sessions[0].items[2].children[2];
    item.docs.push(DocRef { status: Some(DocStatus::Noted), ..DocRef::new("TD701") });
    let html = report(&a);
    let list = between(&html, "<h2>Documents</h2>", "</table>");
    assert!(
        list.contains("<tr><td>14.</td><td>TD701</td><td></td><td>(not in Annex A)</td><td class=\"status\">noted</td></tr>"),
        "{list}"
    );
}

#[test]
fn numbers_become_links_as_in_the_agenda() {
    let mut a = td514_reported();
    a.link_template = "https://www.itu.int/md/T22-TSAG-{number}".into();
    let html = report(&a);
    assert!(html.contains("revised as <a href=\"https://www.itu.int/md/T22-TSAG-TD667R2\">TD667R2</a>"));
}

#[test]
fn an_agenda_with_no_report_number_or_group_still_makes_a_report() {
    let mut a = td514();
    a.group.clear();
    let html = report(&a);
    assert!(html.contains("<title>Meeting report</title>"), "{html:.400}");
    assert!(html.contains("<td class=\"docno\"></td>"));
}

/// The report as Word: its paragraphs, and its tables' rows as cell texts.
fn word(a: &Agenda) -> (Vec<String>, Vec<Vec<String>>) {
    let doc = &parts(&report_docx(a))["word/document.xml"];
    (paragraphs(doc), table_rows(doc))
}

/// The row of a Word table whose first cell reads `first`.
fn word_row<'a>(rows: &'a [Vec<String>], first: &str) -> &'a [String] {
    rows.iter().find(|r| r[0] == first).unwrap_or_else(|| panic!("no row {first:?}: {rows:?}"))
}

#[test]
fn the_report_as_word_opens_and_carries_its_number_and_header() {
    let bytes = report_docx(&td514_reported());
    opens_without_repair(&bytes);
    assert!(bytes == report_docx(&td514_reported()), "the same agenda gives the same bytes");
    let (texts, rows) = word(&td514_reported());
    assert!(texts.iter().any(|t| t == "TD515"), "the report's own number");
    assert!(parts(&bytes)["docProps/core.xml"]
        .contains("<dc:title>TD515 Report of the TSAG RG-SOP meeting</dc:title>"));
    assert_eq!(word_row(&rows, "Title:")[1], "Report of the TSAG RG-SOP meeting");
    assert_eq!(word_row(&rows, "Agenda:")[1], "TD514");
    assert_eq!(word_row(&rows, "Place and dates:")[1], "Geneva, 29 July – 2 August 2024");
    assert!(!rows.iter().any(|r| r[0] == "Status:"), "the agenda's status is not the report's");
    let session = "Thursday, 1 August, 14:30 - 15:45 hours Geneva time: TSAG Rapporteur Group";
    assert!(texts.iter().any(|t| t.starts_with(session)), "the session's heading: {texts:?}");
}

#[test]
fn the_report_as_word_shows_each_items_documents_statuses_and_outcome() {
    let (_, rows) = word(&td514_reported());
    assert_eq!(word_row(&rows, "#"), ["#", "Agenda Item", "Docs", "Outcome"]);
    let adoption = word_row(&rows, "1.1");
    assert_eq!((adoption[2].as_str(), adoption[3].as_str()), ("TD514 introduced", "Agreed."));
    let iem = word_row(&rows, "2.2");
    assert_eq!(iem[2], "TD667R1 revised as TD667R2");
    assert_eq!(iem[3], "Approved with modifications.\nTarget dates <to be> added & agreed.");
    let c103 = word_row(&rows, "3.2");
    assert_eq!((c103[2].as_str(), c103[3].as_str()), ("C103 not introduced", "Deferred."));
    // Not yet entered: a mark where the outcome goes, but none on a heading or on AOB.
    assert_eq!(word_row(&rows, "3.3")[3], "[outcome]");
    assert_eq!(word_row(&rows, "3")[3], "");
    assert_eq!(word_row(&rows, "6")[3], "");
    let items = rows.iter().filter(|r| r.len() == 4 && r[0] != "#").count();
    assert_eq!(items, 20, "every item of TD514");
}

#[test]
fn the_report_as_word_lists_every_document_with_its_status() {
    let (_, rows) = word(&td514_reported());
    let head = rows
        .iter()
        .position(|r| r == &["#", "TD/C #", "Source", "Title", "Status"])
        .expect("the list's head");
    let list = &rows[head + 1..];
    assert_eq!(list.len(), 13, "Annex A's twelve entries and TD667R2: {list:?}");
    let status = |number: &str| list.iter().find(|r| r[1] == number).expect(number)[4].clone();
    assert_eq!(status("TD514"), "introduced");
    assert_eq!(status("TD667R1"), "revised as TD667R2");
    assert_eq!(status("C103"), "not introduced");
    assert_eq!(status("TD672"), "", "not entered yet");
    assert_eq!((list[0][0].as_str(), list[12][0].as_str()), ("1.", "13."));
}

#[test]
fn the_report_as_word_and_as_html_print_the_same_outcomes() {
    let mut a = td514_reported();
    let item = &mut a.sessions[0].items[2].children[2];
    item.docs.push(DocRef { status: Some(DocStatus::Noted), ..DocRef::new("TD701") });
    item.outcome = "Noted".into();
    let (_, rows) = word(&a);
    let html = report(&a);
    for r in rows.iter().filter(|r| r.len() == 4 && r[0] != "#") {
        let outcome = r[3].lines().next().unwrap_or("");
        if !outcome.is_empty() && outcome != "[outcome]" {
            assert!(item_row(&html, &r[0]).contains(&format!("<strong>{outcome}</strong>")), "item {}", r[0]);
        }
    }
    let listed = rows.iter().find(|r| r.len() == 5 && r[1] == "TD701").expect("TD701 is listed");
    assert_eq!(listed[3..], ["(not in Annex A)".to_string(), "noted".to_string()]);
}
