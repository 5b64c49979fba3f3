//! The bundle: every agenda of a library in one file, for a backup and for moving a library to
//! another browser or computer. Each agenda is kept whole, as its own agenda file (the
//! [`format`](crate::format) reads it), beside the two things the library keeps about it: when
//! it was last edited and where it came from. One agenda that cannot be read does not stop the
//! others: reading gives each its own outcome. A last-edited time or an origin that cannot be
//! read is set aside, with a note, and its agenda still comes back.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value as Json;

use crate::format::{self, LoadError};
use crate::model::Agenda;

pub const BUNDLE_FORMAT: &str = "agendum-bundle";
pub const BUNDLE_VERSION: u32 = 1;
/// Larger bundles are refused before parsing. Fifty agendas of 500 items with ten published
/// revisions each are about 150 MiB; a browser cannot hold a text much over 500 MiB at all.
pub const MAX_BUNDLE_BYTES: usize = 256 * 1024 * 1024;

/// One agenda to put in a bundle, with what the library keeps beside it.
pub struct Entry<'a> {
    pub agenda: &'a Agenda,
    /// When it was last edited, in milliseconds since 1970; `None` when not known.
    pub edited: Option<f64>,
    /// Where it came from, as the library lists it ("copy 2, from td514.agenda.json"); empty
    /// when not known.
    pub origin: &'a str,
}

/// One agenda read from a bundle.
#[derive(Debug)]
pub struct Bundled {
    pub agenda: Agenda,
    pub edited: Option<f64>,
    pub origin: String,
    /// The format version its file was migrated from, if it was older.
    pub migrated_from: Option<u32>,
    /// What was set aside of what the library keeps beside the agenda, a sentence each ("Agenda
    /// 3 of the bundle: its \"edited\" is not a time …"): the agenda itself is whole.
    pub notes: Vec<String>,
}

/// Why an agenda of a bundle could not be read: its place in the bundle (1 for the first), and
/// the reason, as for an agenda file.
#[derive(Debug, PartialEq)]
pub struct Unreadable {
    pub place: usize,
    pub error: LoadError,
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A line number would be one of the bundle's lines, counted from the agenda's start:
        // the path alone says where.
        let error = match &self.error {
            LoadError::Invalid { path, reason, .. } => {
                LoadError::Invalid { path: path.clone(), line: None, reason: reason.clone() }
            }
            e => e.clone(),
        };
        let error = error.to_string();
        let error = error.strip_prefix("The file").map(|rest| format!("It{rest}")).unwrap_or(error);
        write!(f, "Agenda {} of the bundle could not be read. {error}", self.place)
    }
}

/// Why a bundle could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BundleError {
    TooLarge { bytes: usize },
    NotABundle,
    NotJson { line: usize, column: usize, reason: String },
    TooNew { version: u64 },
    BadVersion,
    Invalid { line: usize, reason: String },
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::TooLarge { bytes } => write!(
                f,
                "The file is too large ({:.1} MiB); bundles are at most {} MiB.",
                *bytes as f64 / 1048576.0,
                MAX_BUNDLE_BYTES / 1048576
            ),
            BundleError::NotABundle => write!(
                f,
                "The file is not a bundle of agendas: it has no \"format\": \"{BUNDLE_FORMAT}\" at the top."
            ),
            BundleError::NotJson { line, column, reason } => {
                write!(f, "The bundle is not valid JSON: {reason} at line {line}, column {column}.")
            }
            BundleError::TooNew { version } => write!(
                f,
                "The bundle was written by a newer Agendum (bundle version {version}); this one reads version {BUNDLE_VERSION}. Open it in the newer version, or update this one."
            ),
            BundleError::BadVersion => write!(
                f,
                "The bundle's \"version\" is missing or not a bundle version: it must be a whole number, 1 or more."
            ),
            BundleError::Invalid { line, reason } => {
                write!(f, "The bundle has a problem at line {line}: {reason}.")
            }
        }
    }
}

impl std::error::Error for BundleError {}

#[derive(Serialize)]
struct EntryOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    edited: Option<u64>,
    #[serde(skip_serializing_if = "str::is_empty")]
    origin: &'a str,
    file: &'a RawValue,
}

/// Writes a bundle: the envelope on the first line, then each agenda on a line of its own (its
/// file as local storage keeps it, on one line), so that a bundle of fifty agendas can still be
/// looked through, and compared with another, line by line.
pub fn write(entries: &[Entry]) -> String {
    let mut out = format!("{{\"format\":\"{BUNDLE_FORMAT}\",\"version\":{BUNDLE_VERSION},\"agendas\":[");
    for (i, e) in entries.iter().enumerate() {
        let record = format::record(e.agenda);
        let file = RawValue::from_string(record).expect("a record is JSON");
        let edited = e.edited.filter(|t| t.is_finite() && *t > 0.0).map(|t| t as u64);
        let line = EntryOut { edited, origin: e.origin, file: &file };
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&serde_json::to_string(&line).expect("an entry serialises"));
    }
    out.push_str("\n]}\n");
    out
}

#[derive(Deserialize)]
struct Envelope {
    format: Option<Json>,
    version: Option<Json>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BundleIn<'a> {
    #[allow(dead_code)]
    format: String,
    #[allow(dead_code)]
    version: u32,
    #[serde(borrow)]
    agendas: Vec<EntryIn<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryIn<'a> {
    // Kept unread until the agenda is: what the library keeps beside an agenda is no reason to
    // refuse the bundle, or the agenda, when it was written by hand or by another tool.
    #[serde(default, borrow)]
    edited: Option<&'a RawValue>,
    #[serde(default, borrow)]
    origin: Option<&'a RawValue>,
    #[serde(borrow)]
    file: &'a RawValue,
}

impl EntryIn<'_> {
    /// When it was last edited and where it came from, with a note for each that was there but
    /// could not be read, which is then taken as not known.
    fn kept(&self, place: usize) -> (Option<f64>, String, Vec<String>) {
        let mut notes = Vec::new();
        let edited = self.edited.and_then(|raw| {
            // Up to the year 9999 (2.5e14 ms): a time past it lists the agenda at a date no
            // calendar prints, and first for ever.
            const LAST: f64 = 253_402_300_799_000.0;
            let time = serde_json::from_str::<f64>(raw.get()).ok().filter(|t| t.is_finite() && *t > 0.0 && *t <= LAST);
            if time.is_none() {
                notes.push(format!(
                    "Agenda {place} of the bundle: its \"edited\" is not a time (milliseconds since 1970), so when it was last edited is not known."
                ));
            }
            time
        });
        let origin = self.origin.map_or(String::new(), |raw| {
            serde_json::from_str::<String>(raw.get()).unwrap_or_else(|_| {
                notes.push(format!(
                    "Agenda {place} of the bundle: its \"origin\" is not a text, so where it came from is not known."
                ));
                String::new()
            })
        });
        (edited, origin, notes)
    }
}

/// Whether a text is a bundle (rather than an agenda file or anything else): its top is an
/// object whose "format" is "agendum-bundle". Reads no further than it must.
pub fn is_bundle(text: &str) -> bool {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text).trim_start();
    if !text.starts_with('{') || text.len() > MAX_BUNDLE_BYTES {
        return false;
    }
    // The form `write` makes is known from its first bytes; any other needs the envelope read.
    if let Some(rest) = text.strip_prefix("{\"format\":").filter(|r| r.starts_with('"')) {
        return rest.starts_with(&format!("\"{BUNDLE_FORMAT}\""));
    }
    serde_json::from_str::<Envelope>(text)
        .ok()
        .and_then(|e| e.format)
        .is_some_and(|f| f.as_str() == Some(BUNDLE_FORMAT))
}

/// Reads a bundle. The bundle itself must be whole; each agenda in it is read as an agenda file
/// is, and one that cannot be read is returned as [`Unreadable`] in its place.
pub fn load(text: &str) -> Result<Vec<Result<Bundled, Unreadable>>, BundleError> {
    if text.len() > MAX_BUNDLE_BYTES {
        return Err(BundleError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let refused = |e: serde_json::Error| {
        let reason = e.to_string();
        let reason = reason.rfind(" at line ").map_or(reason.clone(), |i| reason[..i].to_string());
        // Nothing is read as a value of any shape, so nesting cannot run deep here: an agenda
        // nested too deeply is refused on its own, as a file would be.
        if e.is_syntax() || e.is_eof() {
            BundleError::NotJson { line: e.line(), column: e.column(), reason }
        } else {
            BundleError::Invalid { line: e.line(), reason }
        }
    };
    if !text.trim_start().starts_with('{') {
        return Err(BundleError::NotABundle);
    }
    let envelope: Envelope = serde_json::from_str(text).map_err(refused)?;
    if envelope.format.as_ref().and_then(Json::as_str) != Some(BUNDLE_FORMAT) {
        return Err(BundleError::NotABundle);
    }
    let version = envelope.version.as_ref().and_then(Json::as_u64).ok_or(BundleError::BadVersion)?;
    if version > u64::from(BUNDLE_VERSION) {
        return Err(BundleError::TooNew { version });
    }
    if version == 0 {
        return Err(BundleError::BadVersion);
    }
    let bundle: BundleIn = serde_json::from_str(text).map_err(refused)?;
    Ok(bundle
        .agendas
        .into_iter()
        .enumerate()
        .map(|(i, e)| match format::load(e.file.get()) {
            Ok(loaded) => {
                let (edited, origin, notes) = e.kept(i + 1);
                Ok(Bundled {
                    agenda: loaded.agenda,
                    edited,
                    origin,
                    migrated_from: loaded.migrated_from,
                    notes,
                })
            }
            Err(error) => Err(Unreadable { place: i + 1, error }),
        })
        .collect())
}
