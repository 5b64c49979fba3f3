//! The agenda as a Word TD (.docx): a WordprocessingML package laid out as an ITU-T TD, with
//! named styles the secretariat can restyle, a header row that repeats on every page and rows
//! that never split. The same agenda gives the same bytes, in the browser and from the CLI.

mod document;
mod parts;
mod xml;
mod zip;

use crate::model::Agenda;

/// The .docx file of an agenda.
pub fn docx(a: &Agenda) -> Vec<u8> {
    let body = document::body(a);
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
    z.add("docProps/core.xml", parts::core_properties(&a.display_name()).as_bytes());
    z.finish()
}
