//! The printable HTML agenda, laid out like the TD it replaces, as one standalone file (inline
//! CSS, no scripts, no external requests). Every piece of user text goes through [`escape`];
//! links are only ever http(s).

use std::fmt::Write;

use super::document_link;
use super::marks::Marks;
use super::printed::{
    action, blocks, document_label, future_meeting, header_rows, original_language, session_day,
    session_times, study_period, Block,
};
use crate::docref::{DocNumber, DocRef};
use crate::field::{AnnexField, EntryField, Field, ItemField, SessionField};
use crate::model::{annex_letter, Agenda, REGISTER_LETTER};
use crate::numbering::Outline;
use crate::second_zone::SecondZone;

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(&mut out, text);
    out
}

pub(super) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Escaped text with line breaks kept.
pub(super) fn text_lines(out: &mut String, text: &str) {
    for (i, line) in text.trim().lines().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        escape_into(out, line.trim_end());
    }
}

pub(super) fn number_html(out: &mut String, template: &str, number: &DocNumber) {
    match document_link(template, number) {
        Some(url) => {
            out.push_str("<a href=\"");
            escape_into(out, &url);
            out.push_str("\">");
            escape_into(out, &number.to_string());
            out.push_str("</a>");
        }
        None => escape_into(out, &number.to_string()),
    }
}

/// Opens a cited document's line with its number, in parentheses when it is not expected to be
/// introduced; the caller writes what follows and closes the `div`.
pub(super) fn open_doc(out: &mut String, template: &str, d: &DocRef) {
    out.push_str("<div class=\"doc\">");
    if !d.introduced {
        out.push('(');
    }
    number_html(out, template, &d.number);
    if !d.introduced {
        out.push(')');
    }
}

fn doc_html(out: &mut String, template: &str, d: &DocRef) {
    open_doc(out, template, d);
    if !d.note.trim().is_empty() {
        out.push_str("<div class=\"doc-note\">(");
        escape_into(out, d.note.trim());
        out.push_str(")</div>");
    }
    out.push_str("</div>");
}

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font: 11pt/1.35 "Times New Roman", Times, serif; color: #000; background: #fff; margin: 0 auto; max-width: 190mm; padding: 12mm 10mm; }
h1 { font-size: 14pt; margin: 6mm 0 3mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #000; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.head { width: 100%; margin-bottom: 4mm; }
.head td { border: none; padding: 0.6mm 1.6mm 0.6mm 0; }
.head .label { font-weight: bold; width: 34mm; }
.docno { font-size: 16pt; font-weight: bold; text-align: right; }
.docno .original { font-size: 10pt; font-weight: normal; }
.session td { font-weight: bold; background: #eee; }
.depth-1 .num, .depth-1 .title { padding-left: 5mm; }
.depth-2 .num, .depth-2 .title { padding-left: 9mm; }
.source { font-weight: bold; }
.doc-note, .muted { font-size: 9.5pt; }
.actions { font-style: italic; }
.timing { white-space: nowrap; width: 22mm; }
ins { text-decoration: underline; }
del { text-decoration: line-through; }
.inserted td { text-decoration: underline; }
.second-zone { font-size: 9.5pt; font-weight: normal; font-style: italic; }
.num { width: 10mm; }
.docs { width: 24mm; }
/* A4 portrait leaves 178 mm: the header of the last column stays on one line, and every cell
   of an item starts on the same baseline as its number, whatever its first block's margin. */
.items th { white-space: nowrap; }
.items .proposal { width: 40mm; }
.items td { vertical-align: baseline; }
.items td > :first-child { margin-top: 0; }
.register td:first-child { width: 8mm; }
a { color: #000; }
ul { margin: 1mm 0 1mm 5mm; padding-left: 4mm; }
p { margin: 1.5mm 0; }
@page { size: A4 portrait; margin: 18mm 16mm 20mm; @bottom-center { content: counter(page) " / " counter(pages); font: 9pt serif; } }
@media print { body { padding: 0; max-width: none; } a { text-decoration: none; } }
"#;

pub(super) fn head_row(out: &mut String, label: &str, value: &str) {
    if value.trim().is_empty() {
        return;
    }
    out.push_str("<tr><td class=\"label\">");
    escape_into(out, label);
    out.push_str("</td><td>");
    text_lines(out, value);
    out.push_str("</td></tr>\n");
}

/// Paragraphs and bullet lists, as [`blocks`] reads them.
pub(super) fn rich_text(out: &mut String, text: &str) {
    for block in blocks(text) {
        match block {
            Block::List(bullets) => {
                out.push_str("<ul>");
                for b in bullets {
                    out.push_str("<li>");
                    escape_into(out, b);
                    out.push_str("</li>");
                }
                out.push_str("</ul>");
            }
            Block::Paragraph(lines) => {
                out.push_str("<p>");
                text_lines(out, &lines.join("\n"));
                out.push_str("</p>");
            }
        }
    }
}

/// The rows of the items of the session at `session`, numbered by [`crate::numbering`].
/// Writes a field's text, marked where it changed since the revision `marks` are from. Rich
/// text (paragraphs and bullets) that changed is printed as one paragraph of marked words, its
/// line breaks kept.
fn field_text(out: &mut String, marks: Option<&Marks>, field: Field, text: &str, rich: bool) {
    match marks.filter(|m| m.changed(field)) {
        Some(m) if rich => {
            out.push_str("<p>");
            m.write(out, field);
            out.push_str("</p>");
        }
        Some(m) => {
            m.write(out, field);
        }
        None if rich => rich_text(out, text),
        None => text_lines(out, text),
    }
}

/// A printed document up to its body: its title, and the print style with `extra_style` after
/// it. No script, nothing fetched: the policy allows inline style and data images alone.
pub(super) fn open_document(out: &mut String, title: &str, extra_style: &str) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    out.push_str("<title>");
    escape_into(out, title);
    out.push_str("</title>\n<style>");
    out.push_str(STYLE);
    out.push_str(extra_style);
    out.push_str("</style>\n</head>\n<body>\n");
}

/// A time in the second zone, on a line under the meeting's.
fn second_zone_line(out: &mut String, text: &str) {
    out.push_str("<br><span class=\"second-zone\">");
    escape_into(out, text);
    out.push_str("</span>");
}

fn item_rows(
    out: &mut String,
    a: &Agenda,
    outline: &Outline,
    session: usize,
    second: Option<&SecondZone>,
    marks: Option<&Marks>,
) {
    for k in outline.session(session) {
        let item = outline.items()[k];
        let depth = outline.depth(k);
        let added = if marks.is_some_and(|m| m.item_added(item.id)) { " inserted" } else { "" };
        let _ = write!(out, "<tr class=\"item depth-{}{added}\"><td class=\"timing\">", depth.min(2));
        if let Some(t) = item.start {
            let _ = write!(out, "{t} hours");
            if let Some(also) = second.and_then(|z| z.start_label(item.id)) {
                second_zone_line(out, &also);
            }
        }
        out.push_str("</td><td class=\"num\">");
        outline.write_number_at(k, out);
        out.push_str("</td><td class=\"title\">");
        if !item.source.trim().is_empty() {
            out.push_str("<span class=\"source\">");
            field_text(out, marks, Field::item(item.id, ItemField::Source), item.source.trim(), false);
            out.push_str(":</span> ");
        }
        field_text(out, marks, Field::item(item.id, ItemField::Title), &item.title, false);
        out.push_str("</td><td class=\"docs\">");
        for d in &item.docs {
            doc_html(out, &a.link_template, d);
        }
        out.push_str("</td><td class=\"proposal\">");
        if !item.summary.trim().is_empty() {
            field_text(out, marks, Field::item(item.id, ItemField::Summary), &item.summary, true);
        }
        if !item.actions.is_empty() {
            out.push_str("<p class=\"actions\">");
            for (k, act) in item.actions.iter().enumerate() {
                if k > 0 {
                    out.push_str("<br>");
                }
                escape_into(out, &action(act));
            }
            out.push_str("</p>");
        }
        if !item.notes.trim().is_empty() {
            field_text(out, marks, Field::item(item.id, ItemField::Notes), &item.notes, true);
        }
        out.push_str("</td></tr>\n");
    }
}

/// The printable agenda: one standalone HTML document.
pub fn html(a: &Agenda) -> String {
    html_in(a, None)
}

/// The printable agenda with every time also given in a second zone (the remote participants',
/// or UTC) under the meeting's own.
pub fn html_in(a: &Agenda, second: Option<&SecondZone>) -> String {
    printed(a, second, None)
}

/// The printable agenda with its changes since a published revision marked: inserted text
/// underlined, deleted struck through, as revised TDs are printed.
pub fn html_marked(a: &Agenda, second: Option<&SecondZone>, marks: &Marks) -> String {
    printed(a, second, Some(marks))
}

fn printed(a: &Agenda, second: Option<&SecondZone>, marks: Option<&Marks>) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let doc_label = document_label(a);
    open_document(&mut out, &a.display_name(), "");

    // Header block.
    out.push_str("<table class=\"head\"><tr><td>");
    escape_into(&mut out, a.group.trim());
    if let Some(period) = study_period(a) {
        out.push_str("<br>");
        escape_into(&mut out, &period);
    }
    out.push_str("</td><td class=\"docno\">");
    escape_into(&mut out, &doc_label);
    if let Some(original) = original_language(a) {
        out.push_str("<br><span class=\"original\">");
        escape_into(&mut out, &original);
        out.push_str("</span>");
    }
    out.push_str("</td></tr></table>\n<table class=\"head\">\n");
    for (label, value) in header_rows(a) {
        head_row(&mut out, label, &value);
    }
    out.push_str("</table>\n");
    if !a.abstract_text.trim().is_empty() {
        out.push_str("<h2>Abstract</h2>\n");
        rich_text(&mut out, &a.abstract_text);
        out.push('\n');
    }
    if !a.action_required.trim().is_empty() {
        out.push_str("<p><strong>Action required:</strong> ");
        text_lines(&mut out, &a.action_required);
        out.push_str("</p>\n");
    }
    if !a.notes.trim().is_empty() {
        out.push_str("<p><strong>Note:</strong> ");
        text_lines(&mut out, &a.notes);
        out.push_str("</p>\n");
    }

    // Items.
    out.push_str("<h1>Agenda</h1>\n");
    if let Some(z) = second {
        out.push_str("<p class=\"second-zone\">Times in italics are ");
        escape_into(&mut out, &z.label);
        if z.label != z.zone {
            out.push_str(" time (");
            escape_into(&mut out, &z.zone);
            out.push(')');
        }
        out.push_str(", on each session's date.</p>\n");
    }
    if let Some(m) = marks {
        out.push_str("<p class=\"marked\">Changes since ");
        escape_into(&mut out, &m.since);
        out.push_str(
            " are marked: <ins>inserted text underlined</ins>, <del>deleted text struck through</del>.</p>\n",
        );
    }
    out.push_str("<table class=\"items\">\n<thead><tr><th>Timing</th><th>#</th><th>Agenda Item</th><th>Docs</th><th>Summary and Proposal</th></tr></thead>\n<tbody>\n");
    let outline = Outline::new(a);
    for (si, s) in a.sessions.iter().enumerate() {
        out.push_str("<tr class=\"session\"><td colspan=\"2\">");
        let day = session_day(&s.day_label, s.date);
        escape_into(&mut out, &day);
        if let Some(times) = session_times(a, s) {
            if !day.is_empty() {
                out.push_str("<br>");
            }
            escape_into(&mut out, &times);
        }
        if let Some(also) = second.and_then(|z| z.session_label(s.id)) {
            second_zone_line(&mut out, &also);
        }
        out.push_str("</td><td colspan=\"3\">");
        field_text(
            &mut out,
            marks,
            Field::Session { session: s.id, field: SessionField::Title },
            s.title.trim(),
            false,
        );
        out.push_str("</td></tr>\n");
        item_rows(&mut out, a, &outline, si, second, marks);
    }
    out.push_str("</tbody>\n</table>\n");
    if let Some(m) = marks.filter(|m| !m.removed.is_empty()) {
        out.push_str("<p class=\"marked\">Removed since ");
        escape_into(&mut out, &m.since);
        out.push_str(":</p>\n<ul class=\"removed\">\n");
        for r in &m.removed {
            out.push_str("<li><del>");
            escape_into(&mut out, r);
            out.push_str("</del></li>\n");
        }
        out.push_str("</ul>\n");
    }

    if !a.future_meetings.is_empty() {
        out.push_str("<h2>Future meetings</h2>\n<ul class=\"future\">\n");
        for m in &a.future_meetings {
            out.push_str("<li>");
            escape_into(&mut out, &future_meeting(m));
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }

    // Annex A, the register.
    let _ = writeln!(out, "<h2>Annex {REGISTER_LETTER}: Documentation</h2>");
    out.push_str("<table class=\"register\">\n<thead><tr><th>#</th><th>Category</th><th>TD/C #</th><th>Source</th><th>Title</th></tr></thead>\n<tbody>\n");
    for (i, e) in a.register.iter().enumerate() {
        let added = if marks.is_some_and(|m| m.entry_added(e.id)) { " class=\"inserted\"" } else { "" };
        let _ = write!(out, "<tr{added}><td>{}.</td><td>", i + 1);
        let f = |field| Field::Entry { entry: e.id, field };
        field_text(&mut out, marks, f(EntryField::Category), e.category.trim(), false);
        out.push_str("</td><td>");
        number_html(&mut out, &a.link_template, &e.number);
        out.push_str("</td><td>");
        field_text(&mut out, marks, f(EntryField::Source), e.source.trim(), false);
        out.push_str("</td><td>");
        field_text(&mut out, marks, f(EntryField::Title), e.title.trim(), false);
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");

    for (i, an) in a.annexes.iter().enumerate() {
        let _ = write!(out, "<h2>Annex {}: ", annex_letter(i));
        field_text(
            &mut out,
            marks,
            Field::Annex { annex: an.id, field: AnnexField::Title },
            an.title.trim(),
            false,
        );
        out.push_str("</h2>\n");
        let body = Field::Annex { annex: an.id, field: AnnexField::Body };
        field_text(&mut out, marks, body, &an.body, true);
        out.push('\n');
    }
    out.push_str("</body>\n</html>\n");
    out
}
