//! The browser's localStorage, and the only module that touches it. Each agenda is kept as a
//! file in the documented format under its own key, with its last-edited time and a save
//! count beside it, so a bad record can never take the others down (it is moved to a
//! quarantine key and reported), and a tab can tell that another tab saved since it last did.
//!
//! The numbers beside a record (its save count, its last-edited time) are read, and the save
//! count written, through `gloo-storage`, whose values are JSON: a number in JSON is the same
//! text as the number, so what users' browsers hold reads as before. What cannot go through it:
//! - the records themselves: they are the file format's JSON text, and gloo's `set` of a string
//!   would store it JSON-quoted, and its `get` would try to decode it, so users' records would
//!   no longer read as they are; they are kept as raw strings through `LocalStorage::raw()`;
//! - the last-edited time: serde_json writes the float 1733100000000 as "1733100000000.0", not
//!   the "1733100000000" that is stored today, so it is written raw too;
//! - the quota error: gloo turns a refused write into a `JsError` only by way of its JSON `set`,
//!   so the records' raw writes read the exception's `name` themselves;
//! - listing the keys: gloo has no `key(i)`, and its `get_all` decodes every value as JSON, which
//!   a quarantined record (not JSON by definition) would fail;
//! - whether storage is there at all: `LocalStorage::raw()` throws where the browser does not
//!   allow it, so `store()` asks the window first and says so in words.

use agendum_core::{format, Agenda};
use gloo_storage::{LocalStorage, Storage};

const AGENDA: &str = "agendum.agenda.";
const EDITED: &str = "agendum.edited.";
const QUARANTINE: &str = "agendum.quarantine.";
/// How many times each agenda has been saved. The key says "revision" for what is a save count:
/// users' browsers hold it under this name, so it cannot change.
const SAVE_COUNT: &str = "agendum.revision.";
/// A record of an older format version, kept until its migrated copy has been saved.
const BACKUP: &str = "agendum.premigration.";
/// Where an agenda came from ("td514.agenda.json", "copy 2"), as the library shows it; absent
/// for agendas made here and for those kept before it was written.
const ORIGIN: &str = "agendum.origin.";

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
    /// Where it came from, as [`set_origin`] wrote it; empty when not known.
    pub origin: String,
}

/// What reading the library found: the agendas, and what could not be read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    pub agendas: Vec<Summary>,
    pub problems: Vec<String>,
}

/// The page's localStorage, when the browser allows it. Every use of `LocalStorage` comes after
/// this check: gloo's throws where there is none.
fn store() -> Result<web_sys::Storage, String> {
    match leptos::prelude::window().local_storage() {
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        _ => Err("This browser does not allow this page to keep data (localStorage is off).".to_string()),
    }
}

/// A number kept beside a record (its save count or last-edited time); none when absent or
/// unreadable.
fn number<T: for<'de> serde::Deserialize<'de>>(key: &str) -> Option<T> {
    store().ok()?;
    LocalStorage::get(key).ok()
}

/// When an agenda was last edited, in milliseconds since the epoch; 0 when not known.
fn edited(id: &str) -> f64 {
    number(&format!("{EDITED}{id}")).unwrap_or(0.0)
}

pub fn now() -> f64 {
    js_sys::Date::now()
}

fn summary(agenda: &Agenda, edited: f64, origin: String) -> Summary {
    Summary {
        id: agenda.id.clone(),
        name: agenda.display_name(),
        document: agenda.document.trim().to_string(),
        title: agenda.title.trim().to_string(),
        meeting: agenda.meeting.trim().to_string(),
        edited,
        origin,
    }
}

fn origin(s: &web_sys::Storage, id: &str) -> String {
    s.get_item(&format!("{ORIGIN}{id}")).ok().flatten().unwrap_or_default()
}

/// Notes where an agenda came from, for the library's list; an empty note removes it. Kept as
/// plain text: a file name may hold any character.
pub fn set_origin(id: &str, note: &str) {
    let Ok(s) = store() else { return };
    let key = format!("{ORIGIN}{id}");
    let _ = if note.is_empty() { s.remove_item(&key) } else { s.set_item(&key, note) };
}

/// Every agenda kept in this browser, newest first. Records that cannot be read are moved to
/// quarantine (their bytes kept as they were) and named in `problems`.
pub fn list() -> Listing {
    let mut out = Listing::default();
    let s = match store() {
        Ok(s) => s,
        Err(e) => {
            out.problems.push(e);
            return out;
        }
    };
    let n = LocalStorage::length();
    let keys: Vec<String> = (0..n).filter_map(|i| s.key(i).ok().flatten()).collect();
    for key in keys {
        let Some(id) = key.strip_prefix(AGENDA) else { continue };
        let Ok(Some(text)) = s.get_item(&key) else { continue };
        match format::load(&text) {
            Ok(mut loaded) => {
                // The key is the record's identity; an id inside that disagrees (a file copied
                // in by hand) must not make saves land under another key.
                loaded.agenda.id = id.to_string();
                let edited = edited(id);
                if let Some(v) = loaded.migrated_from {
                    migrate(&s, id, v, &text, &loaded.agenda, edited, &mut out.problems);
                }
                out.agendas.push(summary(&loaded.agenda, edited, origin(&s, id)));
            }
            Err(e) => {
                let q = format!("{QUARANTINE}{id}.{}", now() as u64);
                let kept = s.set_item(&q, &text).is_ok();
                if kept {
                    LocalStorage::delete(&key);
                }
                out.problems.push(format!(
                    "A saved agenda could not be read ({e}). {}",
                    if kept {
                        format!("Its data is kept unchanged under the key \"{q}\".")
                    } else {
                        format!("Its data is left unchanged under the key \"{key}\".")
                    }
                ));
            }
        }
    }
    out.agendas.sort_by(|a, b| b.edited.total_cmp(&a.edited));
    out
}

/// Saves a record read from an older format version in the current one; the old bytes are
/// kept under a backup key until the new record is safely written.
fn migrate(
    s: &web_sys::Storage,
    id: &str,
    from: u32,
    text: &str,
    agenda: &Agenda,
    edited: f64,
    problems: &mut Vec<String>,
) {
    let backup = format!("{BACKUP}{id}.v{from}");
    if s.set_item(&backup, text).is_err() {
        problems.push(format!(
            "\"{}\" is saved in an older format and there is no room to update it; it opens as usual.",
            agenda.display_name()
        ));
        return;
    }
    match save(agenda, Some(edited)) {
        Ok(_) => {
            LocalStorage::delete(&backup);
        }
        Err(e) => problems.push(format!(
            "\"{}\" is saved in an older format and could not be updated ({e}); the old copy is kept under \"{backup}\".",
            agenda.display_name()
        )),
    }
}

/// How many times this agenda has been saved, by any tab.
pub fn save_count(id: &str) -> u64 {
    number(&format!("{SAVE_COUNT}{id}")).unwrap_or(0)
}

/// The agenda id a storage event from another tab speaks of, when it is a new save of one.
pub fn saved_elsewhere(key: &str) -> Option<&str> {
    key.strip_prefix(SAVE_COUNT)
}

/// Whether a storage event from another tab changes what the library lists.
pub fn changes_library(key: Option<&str>) -> bool {
    key.is_none_or(|k| k.starts_with(SAVE_COUNT) || k.starts_with(AGENDA) || k.starts_with(ORIGIN))
}

/// Every stored record as it is, readable or not, for the recovery screen: (key, text).
pub fn raw_records() -> Vec<(String, String)> {
    let Ok(s) = store() else { return Vec::new() };
    let n = LocalStorage::length();
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(AGENDA) || k.starts_with(QUARANTINE) || k.starts_with(BACKUP))
        .filter_map(|k| s.get_item(&k).ok().flatten().map(|t| (k, t)))
        .collect()
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// Storage refused the write (full, or switched off); the message says what to do.
    Refused(String),
    /// Another tab saved this agenda since `base`; nothing was written.
    Conflict,
}

/// Saves the editor's agenda unless another tab saved it since save count `base`; returns the
/// new save count.
pub fn save_over(agenda: &Agenda, base: u64) -> Result<u64, SaveError> {
    if save_count(&agenda.id) != base {
        return Err(SaveError::Conflict);
    }
    save(agenda, None).map_err(SaveError::Refused)
}

pub fn load(id: &str) -> Result<Agenda, String> {
    let s = store()?;
    let text = s
        .get_item(&format!("{AGENDA}{id}"))
        .ok()
        .flatten()
        .ok_or_else(|| "This agenda is no longer in this browser.".to_string())?;
    let mut agenda =
        format::load(&text).map(|l| l.agenda).map_err(|e| format!("This agenda could not be read: {e}"))?;
    agenda.id = id.to_string();
    Ok(agenda)
}

pub fn exists(id: &str) -> bool {
    store().ok().and_then(|s| s.get_item(&format!("{AGENDA}{id}")).ok().flatten()).is_some()
}

/// Saves an agenda, stamped with the time now (or `edited`, when restoring one), and returns
/// its new save count. The count is written last: other tabs react to it.
pub fn save(agenda: &Agenda, edited: Option<f64>) -> Result<u64, String> {
    let s = store()?;
    let text = format::record(agenda);
    s.set_item(&format!("{AGENDA}{}", agenda.id), &text).map_err(|e| {
        let quota = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .is_some_and(|n| n == "QuotaExceededError");
        if quota {
            "The browser's storage for this page is full, so the last changes are not saved. They are still here: export the agenda as a file to keep them.".to_string()
        } else {
            "The browser refused to save the agenda. Your changes are still here: export the agenda as a file to keep them.".to_string()
        }
    })?;
    let _ = s.set_item(&format!("{EDITED}{}", agenda.id), &edited.unwrap_or_else(now).to_string());
    let next = save_count(&agenda.id) + 1;
    let _ = LocalStorage::set(format!("{SAVE_COUNT}{}", agenda.id), next);
    Ok(next)
}

/// An agenda removed from the library, with what was kept beside it, so that it can be put back.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    pub agenda: Agenda,
    pub edited: f64,
    pub origin: String,
}

/// Removes an agenda; returns what was removed, so the deletion can be undone.
pub fn delete(id: &str) -> Option<Removed> {
    let agenda = load(id).ok()?;
    let edited = edited(id);
    let origin = store().map(|s| origin(&s, id)).unwrap_or_default();
    for prefix in [AGENDA, EDITED, SAVE_COUNT, ORIGIN] {
        LocalStorage::delete(format!("{prefix}{id}"));
    }
    Some(Removed { agenda, edited, origin })
}

/// Puts a removed agenda back as it was.
pub fn restore(removed: &Removed) -> Result<u64, String> {
    let count = save(&removed.agenda, Some(removed.edited))?;
    set_origin(&removed.agenda.id, &removed.origin);
    Ok(count)
}

/// The zone the editor also shows times in, as the user last chose it: `Some("")` when they
/// turned it off, None when they never chose. A preference of this browser, not of an agenda.
const SECOND_ZONE: &str = "agendum.second-zone";

pub fn second_zone() -> Option<String> {
    store().ok()?;
    LocalStorage::get::<String>(SECOND_ZONE).ok()
}

/// Remembers the choice; a browser that refuses is not worth a message: the choice holds until
/// the page is left.
pub fn set_second_zone(zone: &str) {
    if store().is_ok() {
        let _ = LocalStorage::set(SECOND_ZONE, zone);
    }
}
