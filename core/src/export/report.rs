//! The meeting report's skeleton, as one standalone HTML file laid out like the printed agenda:
//! the report's own number and header, then each session with its items, the documents each
//! item cited and what became of them, and the item's outcome; then every document of the
//! meeting with its status. The rapporteur writes the report's prose around it instead of
//! retyping the agenda.

use std::collections::HashMap;
use std::fmt::Write;

use super::html::{escape_into, head_row, number_html, open_document, rich_text, text_lines};
use super::printed::{header_rows, session_day, session_times, study_period};
use crate::docref::{DocKey, DocNumber, DocRef, DocStatus};
use crate::model::{Agenda, Item};
use crate::numbering::Outline;
use crate::revisions::number_at;

/// Styles of the report's own columns, after the agenda's.
const REPORT_STYLE: &str = r#"
.report .outcome { width: 45mm; }
.report .docs { width: 40mm; }
.status { font-style: italic; }
.pending { color: #555; }
"#;

/// The report's skeleton: one standalone HTML document.
pub fn report(a: &Agenda) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let number = a.report.trim();
    let title = report_title(a);
    let heading = if number.is_empty() { title.clone() } else { format!("{number} {title}") };
    open_document(&mut out, &heading, REPORT_STYLE);

    // Header: the agenda's, under the report's own number and title.
    out.push_str("<table class=\"head\"><tr><td>");
    escape_into(&mut out, a.group.trim());
    if let Some(period) = study_period(a) {
        out.push_str("<br>");
        escape_into(&mut out, &period);
    }
    out.push_str("</td><td class=\"docno\">");
    escape_into(&mut out, number);
    out.push_str("</td></tr></table>\n<table class=\"head\">\n");
    for (label, value) in header_rows(a) {
        match label {
            "Title" => head_row(&mut out, label, &title),
            // The agenda's status line is the agenda's, not the report's.
            "Status" => {}
            _ => head_row(&mut out, label, &value),
        }
    }
    let agenda_number = number_at(a, a.revision.unwrap_or(0));
    if !agenda_number.is_empty() {
        head_row(&mut out, "Agenda", &agenda_number);
    }
    out.push_str("</table>\n");

    // The sessions and their items.
    let outline = Outline::new(a);
    let mut statuses = Statuses::default();
    for (si, s) in a.sessions.iter().enumerate() {
        out.push_str("<h2>");
        let day = session_day(&s.day_label, s.date);
        let when: Vec<String> =
            [day, session_times(a, s).unwrap_or_default()].into_iter().filter(|t| !t.is_empty()).collect();
        escape_into(&mut out, &when.join(", "));
        if !s.title.trim().is_empty() {
            if !when.is_empty() {
                out.push_str(": ");
            }
            escape_into(&mut out, s.title.trim());
        }
        out.push_str("</h2>\n<table class=\"items report\">\n<thead><tr><th>#</th><th>Agenda Item</th><th>Docs</th><th>Outcome</th></tr></thead>\n<tbody>\n");
        for k in outline.session(si) {
            let item = outline.items()[k];
            let _ = write!(out, "<tr class=\"item depth-{}\"><td class=\"num\">", outline.depth(k).min(2));
            outline.write_number_at(k, &mut out);
            out.push_str("</td><td class=\"title\">");
            if !item.source.trim().is_empty() {
                out.push_str("<span class=\"source\">");
                escape_into(&mut out, item.source.trim());
                out.push_str(":</span> ");
            }
            text_lines(&mut out, &item.title);
            out.push_str("</td><td class=\"docs\">");
            for d in &item.docs {
                doc_with_status(&mut out, &a.link_template, d);
                statuses.cited(d);
            }
            out.push_str("</td><td class=\"outcome\">");
            outcome(&mut out, item);
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }

    documents(&mut out, a, &statuses);
    out.push_str("</body>\n</html>\n");
    out
}

/// "Report of the TSAG RG-SOP meeting"; "Meeting report" for an agenda that names no group.
fn report_title(a: &Agenda) -> String {
    match a.group.trim() {
        "" => "Meeting report".to_string(),
        g => format!("Report of the {g} meeting"),
    }
}

/// A cited document with what became of it: "TD667R1 — revised as TD667R2".
fn doc_with_status(out: &mut String, template: &str, d: &DocRef) {
    out.push_str("<div class=\"doc\">");
    if !d.introduced {
        out.push('(');
    }
    number_html(out, template, &d.number);
    if !d.introduced {
        out.push(')');
    }
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

/// The item's outcome and its note; a mark where none is entered yet, so that a gap shows.
fn outcome(out: &mut String, item: &Item) {
    let (word, note) = (item.outcome.trim(), item.outcome_note.trim());
    if word.is_empty() && note.is_empty() {
        if !item.actions.is_empty() || !item.docs.is_empty() {
            out.push_str("<span class=\"pending\">[outcome]</span>");
        }
        return;
    }
    if !word.is_empty() {
        out.push_str("<p><strong>");
        escape_into(out, &super::printed::action(word));
        out.push_str("</strong></p>");
    }
    if !note.is_empty() {
        rich_text(out, note);
    }
}

/// What became of each meeting document, gathered from every item that cites it: by document
/// and revision, in the order first cited.
#[derive(Default)]
struct Statuses {
    by_document: HashMap<(DocKey, Option<u32>), usize>,
    /// Each document as first cited, with its statuses, each once, in the order given.
    found: Vec<(DocNumber, Vec<DocStatus>)>,
}

impl Statuses {
    fn cited(&mut self, d: &DocRef) {
        let DocNumber::Document(id) = &d.number else { return };
        let at = *self.by_document.entry((id.key(), id.revision)).or_insert_with(|| {
            self.found.push((d.number.clone(), Vec::new()));
            self.found.len() - 1
        });
        if let Some(s) = &d.status {
            let list = &mut self.found[at].1;
            if !list.contains(s) {
                list.push(s.clone());
            }
        }
    }

    fn of(&self, n: &DocNumber) -> Option<&(DocNumber, Vec<DocStatus>)> {
        let DocNumber::Document(id) = n else { return None };
        self.by_document.get(&(id.key(), id.revision)).map(|&i| &self.found[i])
    }
}

/// The list of documents: Annex A's entries in order, each with its status, then documents
/// cited that Annex A does not list.
fn documents(out: &mut String, a: &Agenda, statuses: &Statuses) {
    out.push_str("<h2>Documents</h2>\n<table class=\"register\">\n<thead><tr><th>#</th><th>TD/C #</th><th>Source</th><th>Title</th><th>Status</th></tr></thead>\n<tbody>\n");
    let mut listed = std::collections::HashSet::new();
    let mut row = 0;
    let mut line = |out: &mut String, number: &DocNumber, source: &str, title: &str, found: &[DocStatus]| {
        row += 1;
        let _ = write!(out, "<tr><td>{row}.</td><td>");
        number_html(out, &a.link_template, number);
        out.push_str("</td><td>");
        escape_into(out, source.trim());
        out.push_str("</td><td>");
        escape_into(out, title.trim());
        out.push_str("</td><td class=\"status\">");
        for (k, s) in found.iter().enumerate() {
            if k > 0 {
                out.push_str("; ");
            }
            status_html(out, &a.link_template, s);
        }
        out.push_str("</td></tr>\n");
    };
    for e in &a.register {
        let found = statuses.of(&e.number);
        if let DocNumber::Document(id) = &e.number {
            listed.insert((id.key(), id.revision));
        }
        line(out, &e.number, &e.source, &e.title, found.map_or(&[][..], |f| &f.1));
    }
    for (number, found) in &statuses.found {
        let DocNumber::Document(id) = number else { continue };
        if !listed.contains(&(id.key(), id.revision)) {
            line(out, number, "", "(not in Annex A)", found);
        }
    }
    out.push_str("</tbody>\n</table>\n");
}
