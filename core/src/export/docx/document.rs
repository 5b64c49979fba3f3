//! The body of the Word TD: the header table, action required and note, the items table,
//! the future meetings, Annex A and the other annexes, with the texts the HTML export prints;
//! and, for a revision printed with its changes marked, those changes as Word's own tracked
//! changes.

use super::xml::{Body, Look, Tracked, BOLD, PLAIN};
use crate::changes::Words;
use crate::docref::DocRef;
use crate::export::document_link;
use crate::export::marks::Marks;
use crate::export::printed::{
    action, blocks, document_label, future_meeting, header_rows, original_language, session_day,
    session_times, study_period, Block,
};
use crate::field::{AnnexField, EntryField, Field, ItemField, SessionField};
use crate::model::{annex_letter, Agenda, REGISTER_LETTER};
use crate::numbering::Outline;

/// Column widths in twentieths of a point, summing to the A4 text width between 2 cm margins.
pub(super) const TEXT_WIDTH: u32 = 9638;
/// The header table: a label column, and the value's two columns, which the first row splits
/// between the Union's name and the document number.
const HEAD: [u32; 3] = [2000, 3800, TEXT_WIDTH - 2000 - 3800];
const ITEMS: [u32; 5] = [1500, 700, 2900, 1500, TEXT_WIDTH - 1500 - 700 - 2900 - 1500];
const REGISTER: [u32; 5] = [600, 1400, 1500, 2400, TEXT_WIDTH - 600 - 1400 - 1500 - 2400];

/// The agenda's body; with `marks`, its changes since a published revision are tracked changes.
///
/// Tracked changes (`w:ins`, `w:del`) rather than underlined and struck-through formatting:
/// Word and LibreOffice show them as revised TDs are printed (inserted text underlined, deleted
/// struck through, with a bar in the margin), and a chair who wants the clean copy chooses
/// Accept All instead of retyping the formatting away; Reject All gives the revision they are
/// from. For the same reason the marked copy carries no legend of its own, which Accept All
/// would leave behind: Word names each change's author ("Agendum") and date (the publication's).
pub fn body(a: &Agenda, marks: Option<&Marks>) -> Body {
    let mut b = Body::tracking(marks.and_then(|m| m.published).map(|(d, t)| {
        // The meeting's wall clock, as the status line gives it: no zone is written, since the
        // core does not know it, and a time with none is read as written.
        format!("{:04}-{:02}-{:02}T{t}:00", d.year, d.month, d.day)
    }));
    header(&mut b, a);
    items(&mut b, a, marks);
    if !a.future_meetings.is_empty() {
        b.paragraph(Some("Heading2"), "Future meetings", PLAIN);
        for m in &a.future_meetings {
            b.open_paragraph(Some("ListBullet"), true);
            b.run(&future_meeting(m), PLAIN);
            b.close_paragraph();
        }
    }
    register(&mut b, a, marks);
    for (i, an) in a.annexes.iter().enumerate() {
        let title = Field::Annex { annex: an.id, field: AnnexField::Title };
        let heading = format!("Annex {}: ", annex_letter(i));
        if marks.is_some_and(|m| m.changed(title)) {
            b.open_paragraph(Some("Heading2"), false);
            b.run(&heading, PLAIN);
            field_run(&mut b, marks, title, an.title.trim(), PLAIN);
            b.close_paragraph();
        } else {
            b.paragraph(Some("Heading2"), &format!("{heading}{}", an.title.trim()), PLAIN);
        }
        let body = Field::Annex { annex: an.id, field: AnnexField::Body };
        rich_field(&mut b, marks, body, &an.body, None);
    }
    b
}

/// A field's text as runs of `look`: its words kept, inserted and deleted where it changed
/// since the revision `marks` are from.
fn field_run(b: &mut Body, marks: Option<&Marks>, field: Field, text: &str, look: Look) {
    match marks.and_then(|m| m.words(field)) {
        Some(words) => {
            for w in words {
                match w {
                    Words::Kept(s) => b.run(s, look),
                    Words::Inserted(s) => b.tracked_run(s, look, Tracked::Inserted),
                    Words::Deleted(s) => b.tracked_run(s, look, Tracked::Deleted),
                }
            }
        }
        None => b.run(text, look),
    }
}

/// Free text as [`rich_text`] lays it out; where it changed, one paragraph of its words
/// marked, its line breaks kept, as the HTML export prints it.
fn rich_field(b: &mut Body, marks: Option<&Marks>, field: Field, text: &str, style: Option<&str>) {
    if marks.is_some_and(|m| m.changed(field)) {
        b.open_paragraph(style, false);
        field_run(b, marks, field, text, PLAIN);
        b.close_paragraph();
    } else {
        rich_text(b, text, style);
    }
}

/// A table cell of one paragraph holding a field's text, marked where it changed.
fn field_cell(b: &mut Body, width: u32, marks: Option<&Marks>, field: Field, text: &str) {
    b.open_cell(width, 1, false);
    b.open_paragraph(Some("TableText"), false);
    field_run(b, marks, field, text, PLAIN);
    b.close_paragraph();
    b.close_cell(false);
}

fn header(b: &mut Body, a: &Agenda) {
    open_header(b, a, &document_label(a), original_language(a), &header_rows(a));
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

/// A TD's header table, left open for rows of the document's own: the Union and sector, the
/// study period and the group beside the document's number, then a row a label.
pub(super) fn open_header(
    b: &mut Body,
    a: &Agenda,
    number: &str,
    original: Option<String>,
    rows: &[(&str, String)],
) {
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
    b.paragraph(Some("DocumentNumber"), number, BOLD);
    if let Some(original) = original {
        b.paragraph(Some("HeaderRight"), &original, PLAIN);
    }
    b.close_cell(false);
    b.close_row();
    for (label, value) in rows {
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
}

fn items(b: &mut Body, a: &Agenda, marks: Option<&Marks>) {
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
        b.open_paragraph(Some("SessionText"), false);
        let title = Field::Session { session: s.id, field: SessionField::Title };
        field_run(b, marks, title, s.title.trim(), BOLD);
        b.close_paragraph();
        b.close_cell(false);
        b.close_row();
        for k in outline.session(si) {
            let item = outline.items()[k];
            // An item added since the revision: its whole row is one insertion.
            let added = marks.is_some_and(|m| m.item_added(item.id));
            b.track_whole(added.then_some(Tracked::Inserted));
            let field = |f| Field::item(item.id, f);
            b.open_row(false);
            let timing = item.start.map(|t| format!("{t} hours")).unwrap_or_default();
            b.text_cell(ITEMS[0], &timing, PLAIN, "TableText");
            b.text_cell(ITEMS[1], &outline.number_at(k), PLAIN, "TableText");
            b.open_cell(ITEMS[2], 1, false);
            // Indented by depth, as the HTML export indents sub-items.
            b.open_paragraph(Some(["TableText", "TableText1", "TableText2"][outline.depth(k).min(2)]), false);
            if !item.source.trim().is_empty() {
                let source = Look { style: Some("Source"), ..BOLD };
                if marks.is_some_and(|m| m.changed(field(ItemField::Source))) {
                    field_run(b, marks, field(ItemField::Source), item.source.trim(), source);
                    b.run(":", source);
                } else {
                    b.run(&format!("{}:", item.source.trim()), source);
                }
                b.run(" ", PLAIN);
            }
            field_run(b, marks, field(ItemField::Title), item.title.trim(), PLAIN);
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
                rich_field(b, marks, field(ItemField::Summary), &item.summary, Some("TableText"));
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
                rich_field(b, marks, field(ItemField::Notes), &item.notes, Some("TableText"));
                empty = false;
            }
            b.close_cell(empty);
            b.close_row();
            b.track_whole(None);
        }
    }
    b.close_table();
    if let Some(m) = marks.filter(|m| !m.removed.is_empty()) {
        // What was removed, deleted whole: struck through, and gone from the clean copy.
        b.track_whole(Some(Tracked::Deleted));
        b.paragraph(None, &format!("Removed since {}:", m.since), PLAIN);
        for r in &m.removed {
            b.open_paragraph(Some("ListBullet"), true);
            b.run(r, PLAIN);
            b.close_paragraph();
        }
        b.track_whole(None);
    }
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

fn register(b: &mut Body, a: &Agenda, marks: Option<&Marks>) {
    b.paragraph(Some("Heading2"), &format!("Annex {REGISTER_LETTER}: Documentation"), PLAIN);
    b.open_table("AgendaTable", &REGISTER);
    b.open_row(true);
    for (w, head) in REGISTER.iter().zip(["#", "Category", "TD/C #", "Source", "Title"]) {
        b.text_cell(*w, head, BOLD, "TableHead");
    }
    b.close_row();
    for (i, e) in a.register.iter().enumerate() {
        b.track_whole(marks.is_some_and(|m| m.entry_added(e.id)).then_some(Tracked::Inserted));
        let field = |field| Field::Entry { entry: e.id, field };
        b.open_row(false);
        b.text_cell(REGISTER[0], &format!("{}.", i + 1), PLAIN, "TableText");
        field_cell(b, REGISTER[1], marks, field(EntryField::Category), e.category.trim());
        b.open_cell(REGISTER[2], 1, false);
        b.open_paragraph(Some("TableText"), false);
        let number = e.number.to_string();
        match document_link(&a.link_template, &e.number) {
            Some(url) => b.link(&number, &url, PLAIN),
            None => b.run(&number, PLAIN),
        }
        b.close_paragraph();
        b.close_cell(false);
        field_cell(b, REGISTER[3], marks, field(EntryField::Source), e.source.trim());
        field_cell(b, REGISTER[4], marks, field(EntryField::Title), e.title.trim());
        b.close_row();
        b.track_whole(None);
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
pub(super) fn rich_text(b: &mut Body, text: &str, style: Option<&str>) {
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
