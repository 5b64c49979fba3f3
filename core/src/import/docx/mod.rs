//! Agendas made in Word: a .docx read into an agenda, laid out as an ITU-T TD or near it. The
//! package is opened with limits (`package`), its XML read through Word's quirks (`wordml`),
//! the agenda found in it (`reading`), its printed texts read back (`printed`).

mod package;
mod printed;
pub(crate) mod reading;
mod wordml;

use std::fmt;

use crate::model::Agenda;

pub use package::MAX_PART_BYTES;

/// What a Word file gave: the agenda, and what was read of it.
#[derive(Debug)]
pub struct Imported {
    pub agenda: Agenda,
    pub summary: Summary,
}

/// What was read, for the message after an import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub sessions: usize,
    pub items: usize,
    /// Register entries (Annex A).
    pub documents: usize,
    pub annexes: usize,
    /// Rows of the items table, or tables, that were not understood, kept as text.
    pub not_understood: usize,
    /// Header fields the agenda has no place for, kept in its note.
    pub kept_in_note: usize,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        write!(
            f,
            "{}, {} and {} read",
            n(self.items, "item", "items"),
            n(self.documents, "document", "documents"),
            n(self.annexes, "annex", "annexes")
        )?;
        if self.not_understood > 0 {
            write!(f, "; {} not understood, kept as text", n(self.not_understood, "row", "rows"))?;
        }
        if self.kept_in_note > 0 {
            write!(f, "; {} kept in the note", n(self.kept_in_note, "header field", "header fields"))?;
        }
        write!(f, ".")
    }
}

/// Why a file could not be read, in one sentence for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    NotDocx,
    Encrypted,
    TooLarge,
    BadXml(String),
    NoAgendaTable,
    /// The agenda read would take more than a file may, in MiB.
    AgendaTooLarge(usize),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotDocx => write!(f, "The file is not a Word document (.docx)."),
            ImportError::Encrypted => write!(
                f,
                "The Word document is protected with a password (or is an old .doc file): save it in Word as an unprotected .docx, then import it."
            ),
            ImportError::TooLarge => write!(
                f,
                "The Word document is too large to read: its text would take more than {} MiB.",
                MAX_PART_BYTES / 1024 / 1024
            ),
            ImportError::BadXml(why) => write!(f, "The Word document is damaged and cannot be read ({why})."),
            ImportError::AgendaTooLarge(mib) => write!(
                f,
                "The Word document holds more than one agenda may: read, it would take {mib} MiB, and an agenda file takes at most {} MiB. Split it into agendas of a few sessions each, then import each.",
                crate::format::MAX_FILE_BYTES / 1024 / 1024
            ),
            ImportError::NoAgendaTable => write!(
                f,
                "The Word document has no agenda table: Agendum looks for a table whose first row names the columns (such as Timing, #, Agenda Item, Docs, Summary and Proposal), or for items written as numbered paragraphs."
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads a .docx into an agenda with the id `id`.
pub fn read(bytes: &[u8], id: &str) -> Result<Imported, ImportError> {
    let xml = package::document_xml(bytes)?;
    let blocks = wordml::blocks(&xml)?;
    let imported = reading::agenda(blocks, id)?;
    // Refused here, in the import's own words, rather than as a file too large when it is opened.
    let size = crate::format::record(&imported.agenda).len();
    if size > crate::format::MAX_FILE_BYTES {
        return Err(ImportError::AgendaTooLarge(size.div_ceil(1024 * 1024)));
    }
    Ok(imported)
}
