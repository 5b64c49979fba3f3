//! Where this browser keeps the agendas, and the only module that touches its storage. Each
//! agenda's record (a file in the documented format) is kept in the browser's database
//! ([`bodies`], IndexedDB), which has room for a year of meetings; what the library lists of
//! it, its last-edited time and its save count are kept in localStorage ([`local`]), so the
//! library lists every agenda without reading one, and a tab can tell at once that another tab
//! saved since it last did. Where the page has no database, records stay in localStorage.
//!
//! Every write is read back before it counts: nothing is reported saved or imported that the
//! browser did not keep ([`Refusal`] says why not). An agenda arriving ([`keep`]) or replacing
//! another ([`replace`]) leaves the storage as it was when refused. Records kept in
//! localStorage (from before the database, or written as the page was left) are the newest
//! copy of their agenda until [`move_to_database`] has written them there and read them back.

mod bodies;
mod local;
mod refusal;
mod space;

use agendum_core::{format, Agenda};

pub use bodies::{DATABASE, RECORDS};
pub use local::{
    changes_library, now, raw_records, save_count, saved_elsewhere, second_zone, set_second_zone,
};
pub use refusal::Refusal;
pub use space::{estimate, persist, persisted, Estimate, LOCAL_ROOM};

/// What the library lists for one agenda.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub id: String,
    pub name: String,
    pub document: String,
    pub title: String,
    pub meeting: String,
    /// Milliseconds since the epoch.
    pub edited: f64,
    /// Where it came from, as [`keep`] noted it; empty when not known.
    pub origin: String,
    /// The length of its record, in bytes of the file format.
    pub size: f64,
}

/// What reading the library found: the agendas, and what could not be read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    pub agendas: Vec<Summary>,
    pub problems: Vec<String>,
}

/// Every agenda kept in this browser, newest first, read without reading their records from
/// the database.
pub fn list() -> Listing {
    local::list()
}

/// Whether records are kept in localStorage that belong in the database.
pub fn to_move() -> bool {
    !local::record_ids().is_empty()
}

/// Moves the records kept in localStorage into the database, each written there and read back
/// before its localStorage copy is removed; says what could not be moved (it stays where it
/// was and opens as usual). Nothing to do where the page has no database.
pub async fn move_to_database() -> Vec<String> {
    let mut problems = Vec::new();
    if !bodies::available().await {
        return problems;
    }
    for id in local::record_ids() {
        let Some(text) = local::record(&id) else { continue };
        // Unreadable records are quarantined by listing; old ones are brought up to date here.
        let Ok(loaded) = format::load(&text) else { continue };
        let mut agenda = loaded.agenda;
        agenda.id = id.clone();
        let record = format::record(&agenda);
        match bodies::put(&id, &record).await {
            // A record written here again meanwhile (by an editor being left) is newer than
            // the one moved: it stays, for the next move. The save count does not change: the
            // agenda did not, and a tab editing it must not take the move for another tab's
            // save.
            Ok(()) if local::record(&id).as_deref() == Some(text.as_str()) => {
                if local::write_summary(&agenda, record.len()).is_ok() {
                    local::remove_record(&id);
                }
            }
            Ok(()) => {}
            Err(r) => problems.push(format!(
                "\"{}\" could not be moved to the browser's database, because {}; it stays where it was and opens as usual.",
                agenda.display_name(),
                r.why()
            )),
        }
    }
    problems
}

fn read(id: &str, text: &str) -> Result<Agenda, String> {
    let mut agenda =
        format::load(text).map(|l| l.agenda).map_err(|e| format!("This agenda could not be read: {e}"))?;
    agenda.id = id.to_string();
    Ok(agenda)
}

pub async fn load(id: &str) -> Result<Agenda, String> {
    // The reason the copy left in localStorage cannot be read, if there is one.
    let unreadable_here = match local::record(id).map(|text| read(id, &text)) {
        Some(Ok(agenda)) => return Ok(agenda),
        Some(Err(e)) => Some(e),
        None => None,
    };
    let gone = || "This agenda is no longer in this browser.".to_string();
    if unreadable_here.is_none() && !local::exists(id) {
        return Err(gone());
    }
    // That copy does not hide the database's: the agenda opens as last saved there, and the
    // library sets the bad copy aside, its bytes kept.
    match bodies::text(id).await {
        Ok(Some(text)) => match read(id, &text) {
            Ok(agenda) => Ok(agenda),
            Err(e) => Err(unreadable_here.unwrap_or(e)),
        },
        Ok(None) => Err(unreadable_here.unwrap_or_else(gone)),
        Err(e) => Err(unreadable_here
            .unwrap_or_else(|| format!("This agenda could not be read from the browser's database: {e}"))),
    }
}

pub fn exists(id: &str) -> bool {
    local::exists(id)
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// Storage refused the write (full, or switched off); the message says what to do.
    Refused(String),
    /// Another tab saved this agenda since `base`; nothing was written.
    Conflict,
}

/// Saves the editor's agenda, stamped with the time now, unless another tab saved it since save
/// count `base`; returns the new save count. Refused, the editor keeps the edit on screen and
/// says so in [`Refusal::for_edit`]'s words. A copy in localStorage stays: see [`settled`].
pub async fn save_over(agenda: &Agenda, base: u64) -> Result<u64, SaveError> {
    let Some(claimed) = local::claim(&agenda.id, base) else {
        return Err(SaveError::Conflict);
    };
    write(agenda, now(), false, false).await.map_err(|r| {
        local::unclaim(&agenda.id, claimed, base);
        SaveError::Refused(r.for_edit())
    })
}

/// Says that the database holds the newest of an agenda: a copy of it left in localStorage
/// (from before the database, or written as the page was left) is removed. The editor says so
/// after a save begun since the page was last left has landed.
pub fn settled(id: &str) {
    local::remove_record(id);
}

/// Writes an agenda's record and what is kept beside it. With `undo`, a refusal leaves the
/// storage as it was found (see [`local::write`]). `newest` says that nothing newer of it can
/// be in localStorage, so a copy there is removed.
async fn write(agenda: &Agenda, edited: f64, undo: bool, newest: bool) -> Result<u64, Refusal> {
    if !local::allowed() {
        return Err(Refusal::Off);
    }
    let text = format::record(agenda);
    if !bodies::available().await {
        return local::write(agenda, &text, true, edited, undo);
    }
    let before = if undo { bodies::get(&agenda.id).await.map_err(|_| Refusal::Refused)? } else { None };
    bodies::put(&agenda.id, &text).await?;
    match local::write(agenda, &text, false, edited, undo) {
        Ok(count) => {
            // A copy left in localStorage (from before the database, or written as the page
            // was left) is now older than the database's.
            if newest {
                local::remove_record(&agenda.id);
            }
            Ok(count)
        }
        Err(r) => {
            if undo {
                let _ = match before {
                    Some(v) => bodies::put_value(&agenda.id, &v).await.map_err(|_| ()),
                    None => bodies::remove(&agenda.id).await.map_err(|_| ()),
                };
            }
            Err(r)
        }
    }
}

/// Saves the agenda open in the editor as the page is left or the editor closed, at once: a
/// database write may not finish before the page goes, so the record is written to
/// localStorage, where the next start (or the library, at once) takes it from. The database
/// save ([`save_over`]) started beside it removes this copy once it lands. Refused (the record
/// does not fit there), only that save is left.
pub fn save_on_leaving(agenda: &Agenda) -> Result<u64, Refusal> {
    local::write(agenda, &format::record(agenda), true, now(), false)
}

/// Keeps an agenda arriving in the library (imported, made, copied, put back) under its id,
/// with the note of where it came from; refused, nothing of it is left behind.
pub async fn keep(agenda: &Agenda, edited: Option<f64>, origin: &str) -> Result<u64, Refusal> {
    let count = write(agenda, edited.unwrap_or_else(now), true, true).await?;
    local::set_origin(&agenda.id, origin);
    Ok(count)
}

/// Replaces the agenda kept under `agenda`'s id with `agenda`, and returns the one it replaced,
/// so the replacement can be undone. The new record is written over the old one in one step
/// and read back: until then the old one is there, and a refusal leaves it as it was.
pub async fn replace(
    agenda: &Agenda,
    edited_at: Option<f64>,
    origin: &str,
) -> Result<Option<Removed>, Refusal> {
    let old = load(&agenda.id).await.ok().map(|a| Removed {
        edited: local::edited(&a.id),
        origin: local::origin(&a.id),
        agenda: a,
    });
    keep(agenda, edited_at, origin).await?;
    Ok(old)
}

/// An agenda removed from the library, with what was kept beside it, so that it can be put back.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    pub agenda: Agenda,
    pub edited: f64,
    pub origin: String,
}

/// Removes an agenda; returns what was removed, so the deletion can be undone, or None when
/// its record could not be read (it was gone, or is kept aside for the recovery screen under
/// a key of its own): the line in the list goes all the same, or it could never be removed.
pub async fn delete(id: &str) -> Result<Option<Removed>, String> {
    let removed = load(id).await.ok().map(|agenda| Removed {
        edited: local::edited(id),
        origin: local::origin(id),
        agenda,
    });
    if bodies::available().await {
        let name = || removed.as_ref().map_or_else(|| id.to_string(), |r| r.agenda.display_name());
        if removed.is_none() {
            if let Ok(Some(unreadable)) = bodies::get(id).await {
                let aside = format!("quarantine.{id}.{}", now() as u64);
                bodies::put_value(&aside, &unreadable).await.map_err(|r| {
                    format!(
                        "\"{}\" could not be deleted: its record could not be kept aside, because {}.",
                        name(),
                        r.why()
                    )
                })?;
            }
        }
        bodies::remove(id).await.map_err(|e| format!("\"{}\" could not be deleted: {e}.", name()))?;
    }
    local::remove(id);
    Ok(removed)
}

/// Puts a removed (or replaced) agenda back as it was.
pub async fn restore(removed: &Removed) -> Result<u64, Refusal> {
    keep(&removed.agenda, Some(removed.edited), &removed.origin).await
}

/// How much room the agendas take and where: (bytes of records in the database, characters
/// of localStorage in use), the second against [`LOCAL_ROOM`].
pub fn used(listing: &Listing) -> (f64, f64) {
    let in_local: std::collections::HashSet<String> = local::record_ids().into_iter().collect();
    let records = listing.agendas.iter().filter(|s| !in_local.contains(&s.id)).map(|s| s.size).sum();
    (records, local::used())
}

/// Whether the records are kept in the browser's database (or, where it has none, in
/// localStorage with the rest).
pub async fn in_database() -> bool {
    bodies::available().await
}
