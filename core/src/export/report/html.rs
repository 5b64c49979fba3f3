//! The meeting report's skeleton as one standalone HTML file, laid out like the printed agenda.

use std::fmt::Write;

use super::{Outcome, Report};
use crate::docref::{DocRef, DocStatus};
use crate::export::html::{
    escape_into, head_row, number_html, open_doc, open_document, rich_text, text_lines,
};
use crate::model::Agenda;

/// Styles of the report's own columns, after the agenda's.
const REPORT_STYLE: &str = r#"
.report .outcome { width: 45mm; }
.report .docs { width: 40mm; }
.status { font-style: italic; }
.pending { color: #555; }
"#;

/// The report's skeleton: one standalone HTML document.
pub fn report(a: &Agenda) -> String {
    let r = Report::new(a);
    let template = &a.link_template;
    let mut out = String::with_capacity(16 * 1024);
    open_document(&mut out, &r.heading(), REPORT_STYLE);

    // Header: the agenda's, under the report's own number and title.
    out.push_str("<table class=\"head\"><tr><td>");
    escape_into(&mut out, a.group.trim());
    if let Some(period) = &r.study_period {
        out.push_str("<br>");
        escape_into(&mut out, period);
    }
    out.push_str("</td><td class=\"docno\">");
    escape_into(&mut out, r.number);
    out.push_str("</td></tr></table>\n<table class=\"head\">\n");
    for (label, value) in &r.header {
        head_row(&mut out, label, value);
    }
    out.push_str("</table>\n");

    // The sessions and their items.
    for s in &r.sessions {
        out.push_str("<h2>");
        escape_into(&mut out, &s.heading);
        out.push_str("</h2>\n<table class=\"items report\">\n<thead><tr><th>#</th><th>Agenda Item</th><th>Docs</th><th>Outcome</th></tr></thead>\n<tbody>\n");
        for it in &s.items {
            let item = it.item;
            let _ = write!(out, "<tr class=\"item depth-{}\"><td class=\"num\">", it.depth.min(2));
            out.push_str(&it.number);
            out.push_str("</td><td class=\"title\">");
            if !item.source.trim().is_empty() {
                out.push_str("<span class=\"source\">");
                escape_into(&mut out, item.source.trim());
                out.push_str(":</span> ");
            }
            text_lines(&mut out, &item.title);
            out.push_str("</td><td class=\"docs\">");
            for d in &item.docs {
                doc_with_status(&mut out, template, d);
            }
            out.push_str("</td><td class=\"outcome\">");
            match &it.outcome {
                Outcome::None => {}
                // A mark where none is entered yet, so that a gap shows.
                Outcome::Pending => out.push_str("<span class=\"pending\">[outcome]</span>"),
                Outcome::Entered { word, note } => {
                    if !word.is_empty() {
                        out.push_str("<p><strong>");
                        escape_into(&mut out, word);
                        out.push_str("</strong></p>");
                    }
                    if !note.is_empty() {
                        rich_text(&mut out, note);
                    }
                }
            }
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }

    // Every document with its status.
    out.push_str("<h2>Documents</h2>\n<table class=\"register\">\n<thead><tr><th>#</th><th>TD/C #</th><th>Source</th><th>Title</th><th>Status</th></tr></thead>\n<tbody>\n");
    for (i, d) in r.documents.iter().enumerate() {
        let _ = write!(out, "<tr><td>{}.</td><td>", i + 1);
        number_html(&mut out, template, &d.number);
        out.push_str("</td><td>");
        escape_into(&mut out, d.source);
        out.push_str("</td><td>");
        escape_into(&mut out, d.title);
        out.push_str("</td><td class=\"status\">");
        for (k, s) in d.statuses.iter().enumerate() {
            if k > 0 {
                out.push_str("; ");
            }
            status_html(&mut out, template, s);
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out.push_str("</body>\n</html>\n");
    out
}

/// A cited document with what became of it: "TD667R1 — revised as TD667R2".
fn doc_with_status(out: &mut String, template: &str, d: &DocRef) {
    open_doc(out, template, d);
    if let Some(s) = &d.status {
        out.push_str(" <span class=\"status\">");
        status_html(out, template, s);
        out.push_str("</span>");
    }
    out.push_str("</div>");
}

/// A status, the number of a revision linked as any number is.
fn status_html(out: &mut String, template: &str, s: &DocStatus) {
    match s {
        DocStatus::RevisedAs(n) => {
            out.push_str("revised as ");
            number_html(out, template, n);
        }
        other => escape_into(out, &other.words()),
    }
}
