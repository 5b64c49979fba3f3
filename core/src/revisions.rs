//! Publishing the agenda: the original, then R1, R2 … Each publication records the agenda as
//! it was published, with the date and time of its status line, so that what changed since can
//! be shown and the revisions compared. The history is bounded; what falls out of it is handed
//! back to the caller, never silently lost.

use std::fmt;

use crate::docref::DocNumber;
use crate::format::{self, MAX_FILE_BYTES};
use crate::model::{Agenda, Revision};
use crate::time::{Date, Time};

/// How many published revisions an agenda keeps: the original and nineteen revisions, more than
/// any real meeting publishes. Publishing one more drops the oldest.
pub const MAX_REVISIONS: usize = 20;

/// What one publication did.
#[derive(Clone, Debug, PartialEq)]
pub struct Published {
    /// 0 for the original, 1 for R1 …
    pub revision: u32,
    /// The number as the published document shows it: "TD514" for the original, "TD514R1".
    pub number: String,
    /// The status line it was published with: "30 April 2017, 21:00".
    pub status: String,
    /// The oldest revisions dropped to keep the history within [`MAX_REVISIONS`], and the file
    /// within [`MAX_FILE_BYTES`], oldest first: the caller tells the user, and may keep them.
    pub dropped: Vec<Revision>,
}

/// Why an agenda could not be published; nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PublishError {
    /// The agenda alone, without any earlier revision, is too large to be kept twice in a file.
    TooLarge,
    /// Its sub-items nest so deeply that a copy of it inside the file would be too deep to read.
    TooDeep,
}

impl fmt::Display for PublishError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PublishError::TooLarge => write!(
                f,
                "The agenda is too large to keep a published copy of it: a file holds at most {} MiB. Nothing was published.",
                MAX_FILE_BYTES / 1048576
            ),
            PublishError::TooDeep => f.write_str(
                "The agenda's sub-items nest too deeply to keep a published copy of it in the file. Nothing was published.",
            ),
        }
    }
}

impl std::error::Error for PublishError {}

/// The status line of a revision published at `date` and `time`: "30 April 2017, 21:00".
pub fn status_line(date: Date, time: Time) -> String {
    format!("{}, {time}", date.long())
}

/// The revision the next publication gets: one after the last published, or the revision the
/// agenda says it is at when that is later (an agenda typed in as TD514R2, in its revision or
/// in its number, publishes as R2).
pub fn next_revision(agenda: &Agenda) -> u32 {
    let said = agenda.own_document().map_or(agenda.revision, |d| d.revision).unwrap_or(0);
    match agenda.revisions.last() {
        Some(last) => said.max(last.revision.saturating_add(1)),
        None => said,
    }
}

/// The agenda's number at a revision: "TD514" at 0, "TD514R1" at 1; a number that cannot be read
/// is shown as typed, with "Rev.1" after it.
pub fn number_at(agenda: &Agenda, revision: u32) -> String {
    let rev = (revision > 0).then_some(revision);
    match DocNumber::parse(agenda.document.trim()) {
        DocNumber::Document(id) => DocNumber::Document(id.with_revision(rev)).to_string(),
        _ if revision == 0 => agenda.document.trim().to_string(),
        _ => format!("{} Rev.{revision}", agenda.document.trim()),
    }
}

/// Publishes the agenda at `date` and `time` (the meeting's wall clock: the caller reads the
/// clock, so that this stays pure): the next revision number and its status line are written
/// into the agenda, and a copy of it as published is added to its revisions. The oldest
/// revisions are dropped beyond [`MAX_REVISIONS`], or while the saved file would be larger than
/// [`MAX_FILE_BYTES`], and returned. On error the agenda is unchanged.
pub fn publish(agenda: &mut Agenda, date: Date, time: Time) -> Result<Published, PublishError> {
    let revision = next_revision(agenda);
    let status = status_line(date, time);
    let before = (agenda.revision, std::mem::take(&mut agenda.status));
    agenda.revision = (revision > 0).then_some(revision);
    agenda.status = status.clone();
    let mut copy = agenda.clone();
    copy.revisions = Vec::new();
    // The number is kept in `revision`; "TD514R1" typed in the document number stays as typed.
    agenda.revisions.push(Revision { revision, date, time, agenda: copy });

    let mut dropped = Vec::new();
    let excess = agenda.revisions.len().saturating_sub(MAX_REVISIONS);
    dropped.extend(agenda.revisions.drain(..excess));
    let undo = |agenda: &mut Agenda, dropped: Vec<Revision>| {
        agenda.revisions.pop();
        agenda.revisions.splice(0..0, dropped);
        (agenda.revision, agenda.status) = before.clone();
    };
    loop {
        let saved = format::save(agenda);
        if saved.len() <= MAX_FILE_BYTES {
            if format::nests_too_deeply(&saved) {
                undo(agenda, dropped);
                return Err(PublishError::TooDeep);
            }
            break;
        }
        if agenda.revisions.len() == 1 {
            undo(agenda, dropped);
            return Err(PublishError::TooLarge);
        }
        dropped.push(agenda.revisions.remove(0));
    }
    Ok(Published { revision, number: number_at(agenda, revision), status, dropped })
}

/// The last published revision, against which the editor shows what changed.
pub fn last_published(agenda: &Agenda) -> Option<&Revision> {
    agenda.revisions.last()
}
