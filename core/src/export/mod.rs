//! Exports: the printable HTML agenda ([`html`]) and the Word TD ([`docx`]), which print the
//! same texts ([`printed`]), each also with its changes since a revision marked ([`Marks`]); the
//! meeting report's skeleton in HTML ([`report`]) and Word ([`report_docx`]) from one plan of
//! what it prints; the calendar ([`ics`]); and the file name an export gets.

mod docx;
mod html;
pub mod ics;
mod marks;
pub mod printed;
mod report;

use std::fmt::Write;

pub use docx::{docx, docx_marked, report_docx};
pub use html::{escape, html, html_in, html_marked};
pub use ics::{ics, Calendar, IcsOptions, Notice};
pub use marks::Marks;
pub use printed::{date_range, session_day};
pub use report::html::report;

use crate::docref::DocNumber;
use crate::model::Agenda;

/// Why a document link template cannot make links, in a sentence's ending; None when it can.
/// The exports make links, and the checks report the template, by this one rule.
pub fn link_template_problem(template: &str) -> Option<&'static str> {
    let t = template.trim();
    if !(t.starts_with("https://") || t.starts_with("http://")) {
        Some("it must start with https:// or http://")
    } else if !t.contains("{number}") {
        Some("it has no {number} where the document number goes")
    } else if t.chars().any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>' || c.is_control()) {
        // A character that would end the link's attribute, or open a new tag.
        Some("it holds a space, a quote, < or >, which a link cannot")
    } else {
        None
    }
}

/// The link for a document number, when the template can make links.
pub fn document_link(template: &str, number: &DocNumber) -> Option<String> {
    if link_template_problem(template).is_some() {
        return None;
    }
    let DocNumber::Document(id) = number else { return None };
    let mut encoded = String::new();
    for b in id.to_string().bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' {
            encoded.push(b as char);
        } else {
            let _ = write!(encoded, "%{b:02X}");
        }
    }
    Some(template.trim().replace("{number}", &encoded))
}

/// The file name an export gets: "TD514-agenda-rg-sop.agenda.json". Its stem is kept short
/// enough for any file system (a title of one long word, or in a script of three bytes a
/// character, would pass the 255 bytes most allow) and is never one of the names Windows keeps
/// for its devices, which no file there can have, whatever its extension.
pub fn file_name(a: &Agenda, extension: &str) -> String {
    const MAX_STEM_BYTES: usize = 100;
    let mut short = String::new();
    for word in a.title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(5) {
        if !short.is_empty() {
            short.push('-');
        }
        short.push_str(&word.to_lowercase());
    }
    let doc: String = a.document.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let mut base = match (doc.is_empty(), short.is_empty()) {
        (true, true) => "agenda".to_string(),
        (true, false) => short,
        (false, true) => doc,
        (false, false) => format!("{doc}-{short}"),
    };
    if base.len() > MAX_STEM_BYTES {
        let mut end = MAX_STEM_BYTES;
        while !base.is_char_boundary(end) {
            end -= 1;
        }
        base.truncate(end);
        base.truncate(base.trim_end_matches('-').len());
    }
    let upper = base.to_uppercase();
    let device = matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ["COM", "LPT"].iter().any(|d| {
            upper.strip_prefix(d).is_some_and(|n| {
                let mut n = n.chars();
                matches!((n.next(), n.next()), (Some('0'..='9' | '¹' | '²' | '³'), None))
            })
        });
    if device {
        base.push_str("-agenda");
    }
    format!("{base}.{extension}")
}
