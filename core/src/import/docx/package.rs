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
    let text = String::from_utf8(out).map_err(|_| ImportError::BadXml("the document is not UTF-8".into()))?;
    Ok(text.strip_prefix('\u{FEFF}').map(str::to_string).unwrap_or(text))
}

/// The name of the main part: word/document.xml in every file Word and LibreOffice write, or
/// whatever the package's relationships name.
fn main_part(archive: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Result<String, ImportError> {
    if archive.index_for_name("word/document.xml").is_some() {
        return Ok("word/document.xml".into());
    }
    let mut rels = String::new();
    if let Ok(file) = archive.by_name("_rels/.rels") {
        file.take(1 << 20).read_to_string(&mut rels).map_err(|_| ImportError::NotDocx)?;
    }
    let target = rels
        .split("<Relationship ")
        .find(|r| r.contains("/officeDocument\""))
        .and_then(|r| r.split("Target=\"").nth(1))
        .and_then(|t| t.split('"').next())
        .map(|t| t.trim_start_matches('/').to_string());
    match target {
        Some(t) if archive.index_for_name(&t).is_some() => Ok(t),
        _ => Err(ImportError::NotDocx),
    }
}
