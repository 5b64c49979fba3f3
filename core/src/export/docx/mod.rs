//! The agenda as a Word TD (.docx): a WordprocessingML package laid out as an ITU-T TD, with
//! named styles the secretariat can restyle, a header row that repeats on every page and rows
//! that never split. The same agenda gives the same bytes, in the browser and from the CLI.
//! The same package carries the agenda with its changes since a revision as tracked changes
//! ([`docx_marked`]) and the meeting report's skeleton ([`report_docx`]).

mod document;
mod parts;
mod report;
mod xml;
mod zip;

use super::marks::Marks;
use super::report::Report;
use crate::model::Agenda;

/// The .docx file of an agenda.
pub fn docx(a: &Agenda) -> Vec<u8> {
    package(&document::body(a, None), &a.display_name())
}

/// The .docx file of an agenda with its changes since a published revision as Word's tracked
/// changes: inserted words underlined, deleted ones struck through, until a chair chooses
/// Accept All for the clean copy.
pub fn docx_marked(a: &Agenda, marks: &Marks) -> Vec<u8> {
    package(&document::body(a, Some(marks)), &a.display_name())
}

/// The .docx file of the meeting report's skeleton, as [`super::report`] prints it in HTML.
pub fn report_docx(a: &Agenda) -> Vec<u8> {
    let r = Report::new(a);
    package(&report::body(&r), &r.heading())
}

fn package(body: &xml::Body, title: &str) -> Vec<u8> {
    let mut z = zip::Zip::new();
    // [Content_Types].xml first, as Word itself writes it; some readers look for it there.
    z.add("[Content_Types].xml", parts::content_types().as_bytes());
    z.add("_rels/.rels", parts::package_relationships().as_bytes());
    z.add("word/document.xml", parts::document(&body.xml).as_bytes());
    z.add("word/_rels/document.xml.rels", parts::document_relationships(&body.links).as_bytes());
    z.add("word/styles.xml", parts::styles().as_bytes());
    z.add("word/numbering.xml", parts::numbering().as_bytes());
    z.add("word/settings.xml", parts::settings().as_bytes());
    z.add("word/footer1.xml", parts::footer().as_bytes());
    z.add("docProps/core.xml", parts::core_properties(title).as_bytes());
    z.finish()
}
