//! Opening a .docx: the zip container, read with limits so that a hostile file (a zip bomb, a
//! part that claims to be small and is not, an encrypted document) is refused in one sentence
//! before it costs more than the limit.

use std::io::{Cursor, Read};

use super::ImportError;

/// The most the document's main part may inflate to. Word's document.xml for a 2,000-item
/// plenary agenda is a few MiB; 64 MiB leaves room and stops a zip bomb early.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// The main document part of a .docx, as text.
pub fn document_xml(bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // An OLE compound file: a password-protected .docx, or an old .doc.
        return Err(ImportError::Encrypted);
    }
    if !bytes.starts_with(b"PK") {
        return Err(ImportError::NotDocx);
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ImportError::NotDocx)?;
    // Found by its name, never by a path the archive makes up: no entry is written anywhere.
    let name = main_part(&mut archive)?;
    let file = archive.by_name(&name).map_err(|e| match e {
        zip::result::ZipError::UnsupportedArchive(m) if m.contains("ncrypt") || m.contains("assword") => {
            ImportError::Encrypted
        }
        _ => ImportError::NotDocx,
    })?;
    if file.encrypted() {
        return Err(ImportError::Encrypted);
    }
    // The size in the archive's directory may lie; the reader is cut off at the limit anyway.
    let mut out = Vec::new();
    file.take(MAX_PART_BYTES + 1).read_to_end(&mut out).map_err(|_| ImportError::NotDocx)?;
    if out.len() as u64 > MAX_PART_BYTES {
        return Err(ImportError::TooLarge);
    }
    let text = xml_text(out)?;
    Ok(text.strip_prefix('\u{FEFF}').map(str::to_string).unwrap_or(text))
}

/// A part's bytes as text: UTF-8, or UTF-16 as its byte-order mark says (XML allows both, and
/// Word opens both).
fn xml_text(bytes: Vec<u8>) -> Result<String, ImportError> {
    let utf16 = |units: Vec<u16>| {
        String::from_utf16(&units).map_err(|_| ImportError::BadXml("its UTF-16 text is broken".into()))
    };
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => {
            utf16(rest.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect())
        }
        [0xFE, 0xFF, rest @ ..] => {
            utf16(rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect())
        }
        _ => String::from_utf8(bytes)
            .map_err(|_| ImportError::BadXml("its text is neither UTF-8 nor UTF-16".into())),
    }
}

/// The name of the main part: word/document.xml in every file Word and LibreOffice write, or
/// whatever the package's relationships name.
fn main_part(archive: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Result<String, ImportError> {
    if archive.index_for_name("word/document.xml").is_some() {
        return Ok("word/document.xml".into());
    }
    let mut rels = Vec::new();
    if let Ok(file) = archive.by_name("_rels/.rels") {
        file.take(1 << 20).read_to_end(&mut rels).map_err(|_| ImportError::NotDocx)?;
    }
    let rels = xml_text(rels).map_err(|_| ImportError::NotDocx)?;
    // Relative to the package's root: "/word/document.xml", "./word/document.xml".
    let target = office_document(&rels)
        .map(|t| t.trim_start_matches('/').trim_start_matches("./").trim_start_matches('/').to_string());
    match target {
        Some(t) if archive.index_for_name(&t).is_some() => Ok(t),
        _ => Err(ImportError::NotDocx),
    }
}

/// The target of the package's officeDocument relationship, read as XML: any prefix, either
/// quote, attributes in any order.
fn office_document(rels: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(rels);
    loop {
        match reader.read_event().ok()? {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)
                if e.local_name().as_ref() == b"Relationship" =>
            {
                let attr = |name: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == name)
                        .and_then(|a| a.unescape_value().ok())
                        .map(|v| v.into_owned())
                };
                if attr(b"Type").is_some_and(|t| t.ends_with("/officeDocument")) {
                    return attr(b"Target");
                }
            }
            quick_xml::events::Event::Eof => return None,
            _ => {}
        }
    }
}
