//! The browser's localStorage, and the only file that touches it. It holds what is small and
//! must be read at once: for each agenda, what the library lists (its summary), its
//! last-edited time, its save count (which other tabs watch), where it came from; and the
//! browser's preferences. It also holds agenda records where they were kept before the
//! database ([`super::bodies`]) or where there is none, and the one written as the page is left
//! (a database write may not finish then): either kind is moved into the database at the next
//! start, and until then it is the newest copy of its agenda.
//!
//! The numbers beside a record (its save count, its last-edited time) and the summaries are
//! read, and the save count written, through `gloo-storage`, whose values are JSON: a number in
//! JSON is the same text as the number, so what users' browsers hold reads as before. What
//! cannot go through it:
//! - the records themselves: they are the file format's JSON text, and gloo's `set` of a string
//!   would store it JSON-quoted, and its `get` would try to decode it, so users' records would
//!   no longer read as they are; they are kept as raw strings through `LocalStorage::raw()`;
//! - the last-edited time: serde_json writes the float 1733100000000 as "1733100000000.0", not
//!   the "1733100000000" that is stored today, so it is written raw too;
//! - the quota error: gloo turns a refused write into a `JsError` only by way of its JSON `set`,
//!   so the raw writes read the exception's `name` themselves;
//! - listing the keys: gloo has no `key(i)`, and its `get_all` decodes every value as JSON, which
//!   a quarantined record (not JSON by definition) would fail;
//! - whether storage is there at all: `LocalStorage::raw()` throws where the browser does not
//!   allow it, so `store()` asks the window first and says so in words.

use agendum_core::{format, Agenda};
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use super::{Listing, Refusal, Summary};

const AGENDA: &str = "agendum.agenda.";
const SUMMARY: &str = "agendum.summary.";
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
/// The zone the editor also shows times in, as the user last chose it: `Some("")` when they
/// turned it off, None when they never chose. A preference of this browser, not of an agenda.
const SECOND_ZONE: &str = "agendum.second-zone";

/// What the library shows of an agenda whose record is in the database, kept here so that
/// listing reads no record.
#[derive(Serialize, Deserialize)]
struct Listed {
    name: String,
    document: String,
    title: String,
    meeting: String,
    /// The record's length, for the room the agendas take.
    size: f64,
}

/// The page's localStorage, when the browser allows it. Every use of `LocalStorage` comes after
/// this check: gloo's throws where there is none.
fn store() -> Result<web_sys::Storage, Refusal> {
    match leptos::prelude::window().local_storage() {
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        _ => Err(Refusal::Off),
    }
}

/// Whether the page may keep anything at all.
pub fn allowed() -> bool {
    store().is_ok()
}

fn keys(s: &web_sys::Storage) -> Vec<String> {
    let n = LocalStorage::length();
    (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
}

/// A number kept beside a record (its save count or last-edited time); none when absent or
/// unreadable.
fn number<T: for<'de> serde::Deserialize<'de>>(key: &str) -> Option<T> {
    store().ok()?;
    LocalStorage::get(key).ok()
}

/// When an agenda was last edited, in milliseconds since the epoch; 0 when not known.
pub fn edited(id: &str) -> f64 {
    number(&format!("{EDITED}{id}")).unwrap_or(0.0)
}

pub fn now() -> f64 {
    js_sys::Date::now()
}

pub fn summary(agenda: &Agenda, edited: f64, origin: String, size: f64) -> Summary {
    Summary {
        id: agenda.id.clone(),
        name: agenda.display_name(),
        document: agenda.document.trim().to_string(),
        title: agenda.title.trim().to_string(),
        meeting: agenda.meeting.trim().to_string(),
        edited,
        origin,
        size,
    }
}

pub fn origin(id: &str) -> String {
    store().ok().and_then(|s| s.get_item(&format!("{ORIGIN}{id}")).ok().flatten()).unwrap_or_default()
}

/// Every agenda listed here, newest first: from its summary, or from its record where one is
/// kept here (that copy is the newest). Records that cannot be read are moved to quarantine
/// (their bytes kept as they were) and named in `problems`; records of an older format version
/// are brought up to date.
pub fn list() -> Listing {
    let mut out = Listing::default();
    let s = match store() {
        Ok(s) => s,
        Err(r) => {
            out.problems.push(format!("{}.", capitalized(r.why())));
            return out;
        }
    };
    let keys = keys(&s);
    let here: std::collections::HashSet<&str> = keys.iter().filter_map(|k| k.strip_prefix(AGENDA)).collect();
    for key in &keys {
        if let Some(id) = key.strip_prefix(SUMMARY) {
            if here.contains(id) {
                continue;
            }
            match listed_summary(id) {
                Some(summary) => out.agendas.push(summary),
                None => {
                    // Listed by its id, so that it can still be opened, exported and deleted;
                    // its next save writes the list's entry again.
                    out.problems.push(format!(
                        "What the library lists of a saved agenda could not be read; it is listed as \"{id}\" until it is next saved."
                    ));
                    out.agendas.push(Summary {
                        id: id.to_string(),
                        name: id.to_string(),
                        document: String::new(),
                        title: String::new(),
                        meeting: String::new(),
                        edited: edited(id),
                        origin: origin(id),
                        size: 0.0,
                    });
                }
            }
            continue;
        }
        let Some(id) = key.strip_prefix(AGENDA) else { continue };
        let Ok(Some(text)) = s.get_item(key) else { continue };
        match format::load(&text) {
            Ok(mut loaded) => {
                // The key is the record's identity; an id inside that disagrees (a file copied
                // in by hand) must not make saves land under another key.
                loaded.agenda.id = id.to_string();
                let edited = edited(id);
                let mut size = text.len();
                if let Some(v) = loaded.migrated_from {
                    migrate(&s, id, v, &text, &loaded.agenda, edited, &mut out.problems);
                    size = record(id).map_or(size, |t| t.len());
                }
                out.agendas.push(summary(&loaded.agenda, edited, origin(id), size as f64));
            }
            Err(e) => {
                let q = format!("{QUARANTINE}{id}.{}", now() as u64);
                let kept = s.set_item(&q, &text).is_ok();
                if kept {
                    LocalStorage::delete(key);
                }
                // The copy the database keeps, if there is one, is listed in its place.
                let earlier = listed_summary(id);
                out.problems.push(format!(
                    "A saved agenda could not be read ({e}). {}{}",
                    if kept {
                        format!("Its data is kept unchanged under the key \"{q}\".")
                    } else {
                        format!("Its data is left unchanged under the key \"{key}\".")
                    },
                    if earlier.is_some() { " Its copy saved before that is listed." } else { "" }
                ));
                out.agendas.extend(earlier);
            }
        }
    }
    out.agendas.sort_by(|a, b| b.edited.total_cmp(&a.edited));
    out
}

/// The library's entry of an agenda whose record the database keeps, if it reads.
fn listed_summary(id: &str) -> Option<Summary> {
    let l: Listed = LocalStorage::get(format!("{SUMMARY}{id}")).ok()?;
    Some(Summary {
        id: id.to_string(),
        name: l.name,
        document: l.document,
        title: l.title,
        meeting: l.meeting,
        edited: edited(id),
        origin: origin(id),
        size: l.size,
    })
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
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
    // Refused, the old record is put back: it opens as usual, and is updated at a later start.
    match write(agenda, &format::record(agenda), true, edited, true) {
        Ok(_) => {
            LocalStorage::delete(&backup);
        }
        Err(r) => problems.push(format!(
            "\"{}\" is saved in an older format and could not be updated, because {}; it opens as usual, and the old copy is kept under \"{backup}\".",
            agenda.display_name(),
            r.why()
        )),
    }
}

/// How many times this agenda has been saved, by any tab.
pub fn save_count(id: &str) -> u64 {
    number(&format!("{SAVE_COUNT}{id}")).unwrap_or(0)
}

/// Claims an agenda's next save for this tab, unless another tab has saved it since save count
/// `base`: the count is raised in the same task as it is checked, before the write that waits on
/// the database, so that two tabs saving at one moment cannot both find it unchanged and the
/// later overwrite the earlier unseen. None when another tab saved it; with no storage, nothing
/// is claimed and the write says why.
pub fn claim(id: &str, base: u64) -> Option<u64> {
    if save_count(id) != base {
        return None;
    }
    let Ok(s) = store() else { return Some(base) };
    let claimed = base + 1;
    match put(&s, &format!("{SAVE_COUNT}{id}"), &claimed.to_string()) {
        Ok(()) => Some(claimed),
        Err(_) => Some(base),
    }
}

/// Gives back a claim whose write was refused, unless another tab has saved since.
pub fn unclaim(id: &str, claimed: u64, base: u64) {
    if claimed != base && save_count(id) == claimed {
        if let Ok(s) = store() {
            let _ = put(&s, &format!("{SAVE_COUNT}{id}"), &base.to_string());
        }
    }
}

/// The agenda id a storage event from another tab speaks of, when it is a new save of one.
pub fn saved_elsewhere(key: &str) -> Option<&str> {
    key.strip_prefix(SAVE_COUNT)
}

/// Whether a storage event from another tab changes what the library lists.
pub fn changes_library(key: Option<&str>) -> bool {
    key.is_none_or(|k| {
        k.starts_with(SAVE_COUNT) || k.starts_with(AGENDA) || k.starts_with(ORIGIN) || k.starts_with(SUMMARY)
    })
}

/// Every record kept here as it is, readable or not, for the recovery screen: (key, text).
pub fn raw_records() -> Vec<(String, String)> {
    let Ok(s) = store() else { return Vec::new() };
    keys(&s)
        .into_iter()
        .filter(|k| k.starts_with(AGENDA) || k.starts_with(QUARANTINE) || k.starts_with(BACKUP))
        .filter_map(|k| s.get_item(&k).ok().flatten().map(|t| (k, t)))
        .collect()
}

/// The record kept here for an agenda, as it is.
pub fn record(id: &str) -> Option<String> {
    store().ok()?.get_item(&format!("{AGENDA}{id}")).ok().flatten()
}

/// The ids of the agendas whose records are kept here.
pub fn record_ids() -> Vec<String> {
    let Ok(s) = store() else { return Vec::new() };
    keys(&s).into_iter().filter_map(|k| k.strip_prefix(AGENDA).map(str::to_string)).collect()
}

/// Whether an agenda of this id is kept, here or in the database.
pub fn exists(id: &str) -> bool {
    store().is_ok_and(|s| {
        [AGENDA, SUMMARY].iter().any(|p| s.get_item(&format!("{p}{id}")).ok().flatten().is_some())
    })
}

fn refusal(e: &wasm_bindgen::JsValue) -> Refusal {
    let name = js_sys::Reflect::get(e, &"name".into()).ok().and_then(|n| n.as_string());
    // Firefox before 2021 named it NS_ERROR_DOM_QUOTA_REACHED.
    match name.as_deref() {
        Some("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED") => Refusal::Full,
        _ => Refusal::Refused,
    }
}

/// Writes a value and reads it back; a value that does not read back as written is a refusal.
fn put(s: &web_sys::Storage, key: &str, value: &str) -> Result<(), Refusal> {
    s.set_item(key, value).map_err(|e| refusal(&e))?;
    match s.get_item(key) {
        Ok(Some(back)) if back == value => Ok(()),
        _ => Err(Refusal::NotKept),
    }
}

/// Writes what is kept here of an agenda, each part read back: its record `text` (when `here`:
/// the record is kept here, not in the database), its summary and last-edited time,
/// and last its save count, which other tabs react to; returns the new save count. With `undo`,
/// a refusal at any step puts back what was there before (or nothing), so this storage is as
/// it was found; without, what was taken before a later step failed stays (the editor's newer
/// text, which its next save writes again).
pub fn write(agenda: &Agenda, text: &str, here: bool, edited: f64, undo: bool) -> Result<u64, Refusal> {
    let s = store()?;
    let id = &agenda.id;
    let record_key = format!("{AGENDA}{id}");
    let summary_key = format!("{SUMMARY}{id}");
    let edited_key = format!("{EDITED}{id}");
    let touched: Vec<&String> =
        if here { vec![&record_key, &summary_key, &edited_key] } else { vec![&summary_key, &edited_key] };
    let before: Vec<(String, Option<String>)> = if undo {
        touched.iter().map(|k| ((*k).clone(), s.get_item(k).ok().flatten())).collect()
    } else {
        Vec::new()
    };
    let put_back = |r: Refusal| {
        for (k, v) in &before {
            let _ = match v {
                Some(v) => s.set_item(k, v),
                None => s.remove_item(k),
            };
        }
        r
    };
    if here {
        // A refused set_item changes nothing: only what was taken needs putting back.
        s.set_item(&record_key, text).map_err(|e| refusal(&e))?;
        match s.get_item(&record_key) {
            Ok(Some(back)) if back == text => {}
            _ => return Err(put_back(Refusal::NotKept)),
        }
    }
    put(&s, &summary_key, &listed(agenda, text.len())?).map_err(put_back)?;
    put(&s, &edited_key, &edited.to_string()).map_err(put_back)?;
    let next = save_count(id) + 1;
    put(&s, &format!("{SAVE_COUNT}{id}"), &next.to_string()).map_err(put_back)?;
    Ok(next)
}

/// The longest text a summary keeps of a field: more than the library shows of it (a title of
/// millions of characters, imported, must not fill localStorage with its summary).
const LISTED_CHARS: usize = 1000;

fn clipped(s: &str) -> String {
    let s = s.trim();
    match s.char_indices().nth(LISTED_CHARS) {
        Some((i, _)) => s[..i].to_string(),
        None => s.to_string(),
    }
}

fn listed(agenda: &Agenda, size: usize) -> Result<String, Refusal> {
    let listed = Listed {
        name: clipped(&agenda.display_name()),
        document: clipped(&agenda.document),
        title: clipped(&agenda.title),
        meeting: clipped(&agenda.meeting),
        size: size as f64,
    };
    serde_json::to_string(&listed).map_err(|_| Refusal::Refused)
}

/// Writes only what the library lists of an agenda whose record is in the database, read back.
pub fn write_summary(agenda: &Agenda, size: usize) -> Result<(), Refusal> {
    put(&store()?, &format!("{SUMMARY}{}", agenda.id), &listed(agenda, size)?)
}

/// Removes the record kept here for an agenda (its copy in the database is now the newest).
pub fn remove_record(id: &str) {
    if store().is_ok() {
        LocalStorage::delete(format!("{AGENDA}{id}"));
    }
}

/// Removes everything kept here of an agenda.
pub fn remove(id: &str) {
    if store().is_ok() {
        for prefix in [AGENDA, SUMMARY, EDITED, SAVE_COUNT, ORIGIN] {
            LocalStorage::delete(format!("{prefix}{id}"));
        }
    }
}

/// Notes where an agenda came from; empty, the note goes. The note is small and only for the
/// eye: an agenda kept without it is still kept.
pub fn set_origin(id: &str, origin: &str) {
    let Ok(s) = store() else { return };
    let key = format!("{ORIGIN}{id}");
    let _ = if origin.is_empty() { s.remove_item(&key) } else { s.set_item(&key, origin) };
}

/// How much of this page's localStorage is taken, in characters (UTF-16 code units, which is
/// what browsers count against its room), every key and value included.
pub fn used() -> f64 {
    use wasm_bindgen::JsCast;
    let Ok(s) = store() else { return 0.0 };
    // Measured in JavaScript: bringing each record over as a Rust string only to count it
    // would copy every agenda.
    let Some(get) =
        js_sys::Reflect::get(&s, &"getItem".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return 0.0;
    };
    keys(&s)
        .into_iter()
        .map(|k| {
            let v = get.call1(&s, &k.as_str().into()).ok();
            let len = v.and_then(|v| v.dyn_into::<js_sys::JsString>().ok()).map_or(0, |v| v.length());
            (k.encode_utf16().count() as u32 + len) as f64
        })
        .sum()
}

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
