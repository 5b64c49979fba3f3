//! The body of the Word TD: the header table, action required and note, the items table,
//! the future meetings, Annex A and the other annexes, with the texts the HTML export prints.

use super::xml::{Body, Look, BOLD, PLAIN};
use crate::docref::DocRef;
use crate::export::document_link;
use crate::export::printed::{
    action, blocks, document_label, future_meeting, header_rows, original_language, session_day,
    session_times, study_period, Block,
};
use crate::model::{annex_letter, Agenda, REGISTER_LETTER};
use crate::numbering::Outline;

/// Column widths in twentieths of a point, summing to the A4 text width between 2 cm margins.
const TEXT_WIDTH: u32 = 9638;
/// The header table: a label column, and the value's two columns, which the first row splits
/// between the Union's name and the document number.
const HEAD: [u32; 3] = [2000, 3800, TEXT_WIDTH - 2000 - 3800];
const ITEMS: [u32; 5] = [1500, 700, 2900, 1500, TEXT_WIDTH - 1500 - 700 - 2900 - 1500];
const REGISTER: [u32; 5] = [600, 1400, 1500, 2400, TEXT_WIDTH - 600 - 1400 - 1500 - 2400];

pub fn body(a: &Agenda) -> Body {
    let mut b = Body::default();
    header(&mut b, a);
    items(&mut b, a);
    if !a.future_meetings.is_empty() {
        b.paragraph(Some("Heading2"), "Future meetings", PLAIN);
        for m in &a.future_meetings {
            b.open_paragraph(Some("ListBullet"), true);
            b.run(&future_meeting(m), PLAIN);
            b.close_paragraph();
        }
    }
    register(&mut b, a);
    for (i, an) in a.annexes.iter().enumerate() {
        b.paragraph(Some("Heading2"), &format!("Annex {}: {}", annex_letter(i), an.title.trim()), PLAIN);
        rich_text(&mut b, &an.body, None);
    }
    b
}

fn header(b: &mut Body, a: &Agenda) {
    b.open_table("HeaderTable", &HEAD);
    b.open_row(false);
    b.open_cell(HEAD[0] + HEAD[1], 2, false);
    b.paragraph(Some("HeaderText"), "INTERNATIONAL TELECOMMUNICATION UNION", BOLD);
    b.paragraph(Some("HeaderText"), "TELECOMMUNICATION STANDARDIZATION SECTOR", PLAIN);
    if let Some(period) = study_period(a) {
        b.paragraph(Some("HeaderText"), &period, BOLD);
    }
    b.paragraph(Some("HeaderText"), a.group.trim(), BOLD);
    b.close_cell(false);
    b.open_cell(HEAD[2], 1, false);
    b.paragraph(Some("DocumentNumber"), &document_label(a), BOLD);
    if let Some(original) = original_language(a) {
        b.paragraph(Some("HeaderRight"), &original, PLAIN);
    }
    b.close_cell(false);
    b.close_row();
    for (label, value) in header_rows(a) {
        b.open_row(false);
        b.text_cell(HEAD[0], &format!("{label}:"), BOLD, "HeaderText");
        b.open_cell(HEAD[1] + HEAD[2], 2, false);
        // A line a paragraph, as Word has no line break in a run's text.
        for line in value.lines() {
            b.paragraph(Some("HeaderText"), line, PLAIN);
        }
        b.close_cell(false);
        b.close_row();
    }
    if !a.abstract_text.trim().is_empty() {
        b.open_row(false);
        b.text_cell(HEAD[0], "Abstract:", BOLD, "HeaderText");
        b.open_cell(HEAD[1] + HEAD[2], 2, false);
        rich_text(b, &a.abstract_text, Some("HeaderText"));
        b.close_cell(false);
        b.close_row();
    }
    b.close_table();
    for (label, text) in [("Action required:", &a.action_required), ("Note:", &a.notes)] {
        if !text.trim().is_empty() {
            b.open_paragraph(None, false);
            b.run(label, BOLD);
            b.run(" ", PLAIN);
            b.run(text.trim(), PLAIN);
            b.close_paragraph();
        }
    }
}

fn items(b: &mut Body, a: &Agenda) {
    b.paragraph(Some("Heading1"), "Agenda", PLAIN);
    b.open_table("AgendaTable", &ITEMS);
    b.open_row(true);
    for (w, head) in ITEMS.iter().zip(["Timing", "#", "Agenda Item", "Docs", "Summary and Proposal"]) {
        b.text_cell(*w, head, BOLD, "TableHead");
    }
    b.close_row();
    let outline = Outline::new(a);
    for (si, s) in a.sessions.iter().enumerate() {
        b.open_row(false);
        b.open_cell(ITEMS[0] + ITEMS[1], 2, true);
        let day = session_day(&s.day_label, s.date);
        let when: Vec<String> =
            [Some(day), session_times(a, s)].into_iter().flatten().filter(|t| !t.is_empty()).collect();
        b.paragraph(Some("SessionText"), &when.join("\n"), BOLD);
        b.close_cell(false);
        b.open_cell(ITEMS[2] + ITEMS[3] + ITEMS[4], 3, true);
        b.paragraph(Some("SessionText"), s.title.trim(), BOLD);
        b.close_cell(false);
        b.close_row();
        for k in outline.session(si) {
            let item = outline.items()[k];
            b.open_row(false);
            let timing = item.start.map(|t| format!("{t} hours")).unwrap_or_default();
            b.text_cell(ITEMS[0], &timing, PLAIN, "TableText");
            b.text_cell(ITEMS[1], &outline.number_at(k), PLAIN, "TableText");
            b.open_cell(ITEMS[2], 1, false);
            // Indented by depth, as the HTML export indents sub-items.
            b.open_paragraph(Some(["TableText", "TableText1", "TableText2"][outline.depth(k).min(2)]), false);
            if !item.source.trim().is_empty() {
                b.run(&format!("{}:", item.source.trim()), Look { style: Some("Source"), ..BOLD });
                b.run(" ", PLAIN);
            }
            b.run(item.title.trim(), PLAIN);
            b.close_paragraph();
            b.close_cell(false);
            b.open_cell(ITEMS[3], 1, false);
            for d in &item.docs {
                doc(b, a, d);
            }
            b.close_cell(item.docs.is_empty());
            b.open_cell(ITEMS[4], 1, false);
            let mut empty = true;
            if !item.summary.trim().is_empty() {
                rich_text(b, &item.summary, Some("TableText"));
                empty = false;
            }
            if !item.actions.is_empty() {
                b.open_paragraph(Some("Actions"), false);
                let actions: Vec<String> = item.actions.iter().map(|x| action(x)).collect();
                b.run(&actions.join("\n"), PLAIN);
                b.close_paragraph();
                empty = false;
            }
            if !item.notes.trim().is_empty() {
                rich_text(b, &item.notes, Some("TableText"));
                empty = false;
            }
            b.close_cell(empty);
            b.close_row();
        }
    }
    b.close_table();
}

/// One document of a Docs cell: its number (linked where the template makes a link), in
/// parentheses when it is not to be introduced, and its note below.
fn doc(b: &mut Body, a: &Agenda, d: &DocRef) {
    b.open_paragraph(Some("TableText"), false);
    if !d.introduced {
        b.run("(", PLAIN);
    }
    let number = d.number.to_string();
    match document_link(&a.link_template, &d.number) {
        Some(url) => b.link(&number, &url, PLAIN),
        None => b.run(&number, PLAIN),
    }
    if !d.introduced {
        b.run(")", PLAIN);
    }
    b.close_paragraph();
    if !d.note.trim().is_empty() {
        b.paragraph(Some("DocNote"), &format!("({})", d.note.trim()), PLAIN);
    }
}

fn register(b: &mut Body, a: &Agenda) {
    b.paragraph(Some("Heading2"), &format!("Annex {REGISTER_LETTER}: Documentation"), PLAIN);
    b.open_table("AgendaTable", &REGISTER);
    b.open_row(true);
    for (w, head) in REGISTER.iter().zip(["#", "Category", "TD/C #", "Source", "Title"]) {
        b.text_cell(*w, head, BOLD, "TableHead");
    }
    b.close_row();
    for (i, e) in a.register.iter().enumerate() {
        b.open_row(false);
        b.text_cell(REGISTER[0], &format!("{}.", i + 1), PLAIN, "TableText");
        b.text_cell(REGISTER[1], e.category.trim(), PLAIN, "TableText");
        b.open_cell(REGISTER[2], 1, false);
        b.open_paragraph(Some("TableText"), false);
        let number = e.number.to_string();
        match document_link(&a.link_template, &e.number) {
            Some(url) => b.link(&number, &url, PLAIN),
            None => b.run(&number, PLAIN),
        }
        b.close_paragraph();
        b.close_cell(false);
        b.text_cell(REGISTER[3], e.source.trim(), PLAIN, "TableText");
        b.text_cell(REGISTER[4], e.title.trim(), PLAIN, "TableText");
        b.close_row();
    }
    if a.register.is_empty() {
        // A table needs a row besides its head for Word to lay it out as one.
        b.open_row(false);
        for w in REGISTER {
            b.text_cell(w, "", PLAIN, "TableText");
        }
        b.close_row();
    }
    b.close_table();
}

/// Free text as paragraphs of `style` and bullets as a Word list.
fn rich_text(b: &mut Body, text: &str, style: Option<&str>) {
    for block in blocks(text) {
        match block {
            Block::Paragraph(lines) => b.paragraph(style, &lines.join("\n"), PLAIN),
            Block::List(bullets) => {
                for line in bullets {
                    b.open_paragraph(Some("ListBullet"), true);
                    b.run(line, PLAIN);
                    b.close_paragraph();
                }
            }
        }
    }
}
