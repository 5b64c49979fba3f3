//! Reading a .docx back in tests: its parts by name, and the text of its paragraphs.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

/// Every part of the package, by name, as text.
pub fn parts(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a .docx is a zip archive");
    let mut out = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("every entry reads");
        let mut text = String::new();
        file.read_to_string(&mut text).expect("every part is UTF-8 text");
        out.insert(file.name().to_string(), text);
    }
    out
}

/// Whether `xml` reads as well-formed XML to its end, its tags balanced.
pub fn well_formed(xml: &str) -> Result<(), String> {
    let mut reader = Reader::from_str(xml);
    let mut depth = 0i32;
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Text(t)) => {
                t.unescape().map_err(|e| format!("bad text at {}: {e}", reader.buffer_position()))?;
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(format!("at {}: {e}", reader.buffer_position())),
        }
    }
    if depth == 0 {
        Ok(())
    } else {
        Err(format!("{depth} elements left open"))
    }
}

/// The text of each paragraph of a part, its runs joined and line breaks as "\n".
pub fn paragraphs(xml: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut in_text = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == b"w:p" => current = Some(String::new()),
            Event::Empty(e) if e.name().as_ref() == b"w:p" => out.push(String::new()),
            Event::End(e) if e.name().as_ref() == b"w:p" => out.extend(current.take()),
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::Empty(e) if e.name().as_ref() == b"w:br" => {
                if let Some(p) = &mut current {
                    p.push('\n');
                }
            }
            Event::Text(t) if in_text => {
                if let Some(p) = &mut current {
                    p.push_str(&t.unescape().expect("escaped text"));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Every attribute value `name` of elements `element` in a part.
pub fn attributes(xml: &str, element: &[u8], name: &[u8]) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == element => {
                for a in e.attributes().flatten() {
                    if a.key.as_ref() == name {
                        out.push(a.unescape_value().expect("escaped value").into_owned());
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Asserts what Word needs to open a package without offering to repair it: the parts it looks
/// for, each well-formed, every part with its content type, every relationship pointing to a part
/// that is there (ids unique), and every relationship and style the document uses defined.
pub fn opens_without_repair(bytes: &[u8]) {
    let parts = parts(bytes);
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
    ] {
        assert!(parts.contains_key(name), "{name} is missing");
    }
    for (name, xml) in &parts {
        well_formed(xml).unwrap_or_else(|e| panic!("{name} is not well-formed: {e}"));
    }
    // Every part but the relationships has its content type.
    let types = &parts["[Content_Types].xml"];
    let overridden = attributes(types, b"Override", b"PartName");
    for name in parts.keys().filter(|n| !n.ends_with(".rels") && *n != "[Content_Types].xml") {
        assert!(overridden.contains(&format!("/{name}")), "{name} has no content type");
    }
    // Every relationship points to a part that is there, or outside by intent; ids are unique.
    for (rels, base) in [("_rels/.rels", ""), ("word/_rels/document.xml.rels", "word/")] {
        let ids = attributes(&parts[rels], b"Relationship", b"Id");
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{rels} repeats an id");
        let targets = attributes(&parts[rels], b"Relationship", b"Target");
        let modes = parts[rels].matches("TargetMode=\"External\"").count();
        let internal: Vec<&String> = targets.iter().filter(|t| !t.starts_with("http")).collect();
        assert_eq!(internal.len() + modes, targets.len(), "an external target is not marked External");
        for t in internal {
            assert!(
                parts.contains_key(&format!("{base}{t}")),
                "{rels} points to {t}, which is not in the package"
            );
        }
    }
    // Every relationship the document uses is defined.
    let defined = attributes(&parts["word/_rels/document.xml.rels"], b"Relationship", b"Id");
    let doc = &parts["word/document.xml"];
    for used in attributes(doc, b"w:hyperlink", b"r:id").into_iter().chain(attributes(
        doc,
        b"w:footerReference",
        b"r:id",
    )) {
        assert!(defined.contains(&used), "the document uses {used}, which no relationship defines");
    }
    // Every style the document names is defined.
    let styles = attributes(&parts["word/styles.xml"], b"w:style", b"w:styleId");
    for used in attributes(doc, b"w:pStyle", b"w:val")
        .into_iter()
        .chain(attributes(doc, b"w:rStyle", b"w:val"))
        .chain(attributes(doc, b"w:tblStyle", b"w:val"))
    {
        assert!(styles.contains(&used), "the style {used} is not in styles.xml");
    }
}

/// The rows of every table of a part, in order, each as its cells' texts (a cell's paragraphs
/// joined by "\n"), as a reader sees them: deleted text left out.
pub fn table_rows(xml: &str) -> Vec<Vec<String>> {
    let mut reader = Reader::from_str(xml);
    let mut rows = Vec::new();
    let (mut row, mut cell): (Option<Vec<String>>, Option<Vec<String>>) = (None, None);
    let mut in_text = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => match e.name().as_ref() {
                b"w:tr" => row = Some(Vec::new()),
                b"w:tc" => cell = Some(Vec::new()),
                b"w:p" => {
                    if let Some(c) = &mut cell {
                        c.push(String::new());
                    }
                }
                b"w:t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) if e.name().as_ref() == b"w:br" => {
                if let Some(p) = cell.as_mut().and_then(|c| c.last_mut()) {
                    p.push('\n');
                }
            }
            Event::Empty(e) if e.name().as_ref() == b"w:p" => {
                if let Some(c) = &mut cell {
                    c.push(String::new());
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:tc" => {
                    if let (Some(r), Some(c)) = (&mut row, cell.take()) {
                        r.push(c.join("\n"));
                    }
                }
                b"w:tr" => rows.extend(row.take()),
                _ => {}
            },
            Event::Text(t) if in_text => {
                if let Some(p) = cell.as_mut().and_then(|c| c.last_mut()) {
                    p.push_str(&t.unescape().expect("escaped text"));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    rows
}

/// A tracked change as Word lists it in its Review pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tracked {
    /// "ins" or "del".
    pub kind: String,
    pub author: String,
    pub date: String,
    /// Its text: w:t of an insertion, w:delText of a deletion.
    pub text: String,
}

/// Every tracked insertion and deletion of text (w:ins, w:del around runs) in a part, in order;
/// tracked paragraph marks and rows, which hold no text, are left out.
pub fn tracked(xml: &str) -> Vec<Tracked> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut open: Option<Tracked> = None;
    let mut in_text = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if matches!(e.name().as_ref(), b"w:ins" | b"w:del") => {
                let attr = |name: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == name)
                        .map(|a| a.unescape_value().expect("escaped").into_owned())
                        .unwrap_or_default()
                };
                let kind = String::from_utf8_lossy(&e.name().as_ref()[2..]).into_owned();
                open = Some(Tracked {
                    kind,
                    author: attr(b"w:author"),
                    date: attr(b"w:date"),
                    text: String::new(),
                });
            }
            Event::End(e) if matches!(e.name().as_ref(), b"w:ins" | b"w:del") => out.extend(open.take()),
            Event::Start(e) if matches!(e.name().as_ref(), b"w:t" | b"w:delText") => in_text = true,
            Event::End(e) if matches!(e.name().as_ref(), b"w:t" | b"w:delText") => in_text = false,
            Event::Empty(e) if e.name().as_ref() == b"w:br" => {
                if let Some(t) = &mut open {
                    t.text.push('\n');
                }
            }
            Event::Text(t) if in_text => {
                if let Some(o) = &mut open {
                    o.text.push_str(&t.unescape().expect("escaped text"));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}
