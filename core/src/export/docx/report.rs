//! The meeting report's skeleton as a Word document, from the plan the HTML report prints
//! (`export::report`): the TD's header under the report's own number, a table a session (#,
//! Agenda Item, Docs, Outcome) with each document's status beside it, then every document with
//! its status.

use super::document::{open_header, rich_text, TEXT_WIDTH};
use super::xml::{Body, Look, BOLD, PLAIN};
use crate::docref::{DocNumber, DocRef, DocStatus};
use crate::export::document_link;
use crate::export::report::{Outcome, Report};

const ITEMS: [u32; 4] = [700, 3900, 2200, TEXT_WIDTH - 700 - 3900 - 2200];
const DOCUMENTS: [u32; 5] = [600, 1400, 2100, 3300, TEXT_WIDTH - 600 - 1400 - 2100 - 3300];

/// What became of a document, in the style a secretariat can restyle: italic, as the HTML.
const STATUS: Look = Look { bold: false, italic: false, style: Some("DocStatus") };

pub fn body(r: &Report) -> Body {
    let mut b = Body::default();
    open_header(&mut b, r.agenda, r.number, None, &r.header);
    b.close_table();
    for s in &r.sessions {
        b.paragraph(Some("Heading2"), &s.heading, PLAIN);
        b.open_table("AgendaTable", &ITEMS);
        b.open_row(true);
        for (w, head) in ITEMS.iter().zip(["#", "Agenda Item", "Docs", "Outcome"]) {
            b.text_cell(*w, head, BOLD, "TableHead");
        }
        b.close_row();
        for it in &s.items {
            let item = it.item;
            b.open_row(false);
            b.text_cell(ITEMS[0], &it.number, PLAIN, "TableText");
            b.open_cell(ITEMS[1], 1, false);
            b.open_paragraph(Some(["TableText", "TableText1", "TableText2"][it.depth.min(2)]), false);
            if !item.source.trim().is_empty() {
                b.run(&format!("{}:", item.source.trim()), Look { style: Some("Source"), ..BOLD });
                b.run(" ", PLAIN);
            }
            b.run(item.title.trim(), PLAIN);
            b.close_paragraph();
            b.close_cell(false);
            b.open_cell(ITEMS[2], 1, false);
            for d in &item.docs {
                doc_with_status(&mut b, r, d);
            }
            b.close_cell(item.docs.is_empty());
            b.open_cell(ITEMS[3], 1, false);
            let empty = match &it.outcome {
                Outcome::None => true,
                // A mark where none is entered yet, so that a gap shows.
                Outcome::Pending => {
                    b.open_paragraph(Some("TableText"), false);
                    b.run("[outcome]", Look { style: Some("Pending"), ..PLAIN });
                    b.close_paragraph();
                    false
                }
                Outcome::Entered { word, note } => {
                    if !word.is_empty() {
                        b.paragraph(Some("TableText"), word, BOLD);
                    }
                    if !note.is_empty() {
                        rich_text(&mut b, note, Some("TableText"));
                    }
                    false
                }
            };
            b.close_cell(empty);
            b.close_row();
        }
        b.close_table();
    }

    b.paragraph(Some("Heading2"), "Documents", PLAIN);
    b.open_table("AgendaTable", &DOCUMENTS);
    b.open_row(true);
    for (w, head) in DOCUMENTS.iter().zip(["#", "TD/C #", "Source", "Title", "Status"]) {
        b.text_cell(*w, head, BOLD, "TableHead");
    }
    b.close_row();
    for (i, d) in r.documents.iter().enumerate() {
        b.open_row(false);
        b.text_cell(DOCUMENTS[0], &format!("{}.", i + 1), PLAIN, "TableText");
        b.open_cell(DOCUMENTS[1], 1, false);
        b.open_paragraph(Some("TableText"), false);
        number(&mut b, r, &d.number, PLAIN);
        b.close_paragraph();
        b.close_cell(false);
        b.text_cell(DOCUMENTS[2], d.source, PLAIN, "TableText");
        b.text_cell(DOCUMENTS[3], d.title, PLAIN, "TableText");
        b.open_cell(DOCUMENTS[4], 1, false);
        b.open_paragraph(Some("TableText"), false);
        for (k, s) in d.statuses.iter().enumerate() {
            if k > 0 {
                b.run("; ", STATUS);
            }
            status(&mut b, r, s);
        }
        b.close_paragraph();
        b.close_cell(false);
        b.close_row();
    }
    if r.documents.is_empty() {
        // A table needs a row besides its head for Word to lay it out as one.
        b.open_row(false);
        for w in DOCUMENTS {
            b.text_cell(w, "", PLAIN, "TableText");
        }
        b.close_row();
    }
    b.close_table();
    b
}

/// A document number, linked where the agenda's template makes a link.
fn number(b: &mut Body, r: &Report, n: &DocNumber, look: Look) {
    let text = n.to_string();
    match document_link(&r.agenda.link_template, n) {
        Some(url) => b.link(&text, &url, look),
        None => b.run(&text, look),
    }
}

/// A cited document with what became of it: "TD667R1 revised as TD667R2".
fn doc_with_status(b: &mut Body, r: &Report, d: &DocRef) {
    b.open_paragraph(Some("TableText"), false);
    if !d.introduced {
        b.run("(", PLAIN);
    }
    number(b, r, &d.number, PLAIN);
    if !d.introduced {
        b.run(")", PLAIN);
    }
    if let Some(s) = &d.status {
        b.run(" ", PLAIN);
        status(b, r, s);
    }
    b.close_paragraph();
}

fn status(b: &mut Body, r: &Report, s: &DocStatus) {
    match s {
        DocStatus::RevisedAs(n) => {
            b.run("revised as ", STATUS);
            number(b, r, n, STATUS);
        }
        other => b.run(&other.words(), STATUS),
    }
}
