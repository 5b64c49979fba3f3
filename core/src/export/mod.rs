//! Exports: the printable HTML agenda ([`html`]) and the Word TD ([`docx`]), which print the
//! same texts ([`printed`]), and the file name an export gets.

mod docx;
mod html;
pub mod printed;

use std::fmt::Write;

pub use docx::docx;
pub use html::{escape, html};
pub use printed::{date_range, session_day};

use crate::docref::DocNumber;
use crate::model::Agenda;

/// The link for a document number, when the template is an http(s) address with `{number}`.
pub fn document_link(template: &str, number: &DocNumber) -> Option<String> {
    let t = template.trim();
    if !(t.starts_with("https://") || t.starts_with("http://")) || !t.contains("{number}") {
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
    let url = t.replace("{number}", &encoded);
    // A template whose other characters would end the attribute or open a new scheme is refused.
    if url.chars().any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>' || c.is_control()) {
        return None;
    }
    Some(url)
}

/// The file name an export gets: "TD514-agenda-rg-sop.agenda.json".
pub fn file_name(a: &Agenda, extension: &str) -> String {
    let mut short = String::new();
    for word in a.title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(5) {
        if !short.is_empty() {
            short.push('-');
        }
        short.push_str(&word.to_lowercase());
    }
    let doc: String = a.document.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let base = match (doc.is_empty(), short.is_empty()) {
        (true, true) => "agenda".to_string(),
        (true, false) => short,
        (false, true) => doc,
        (false, false) => format!("{doc}-{short}"),
    };
    format!("{base}.{extension}")
}
