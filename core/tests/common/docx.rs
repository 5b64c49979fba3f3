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
