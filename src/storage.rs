//! The browser's localStorage, and the only module that touches it. Each agenda is kept as a
//! file in the documented format under its own key, with its last-edited time and a save
//! count beside it, so a bad record can never take the others down (it is moved to a
//! quarantine key and reported), and a tab can tell that another tab saved since it last did.
//!
//! Every write is read back before it counts: nothing is reported saved or imported that the
//! browser did not keep ([`Refusal`] says why not, in words for the editor and for the
//! library). An agenda arriving ([`keep`]) or replacing another ([`replace`]) leaves the storage
//! as it was when refused. Also here: how much room the records take ([`used`]), and what the
//! browser says of the site's storage as a whole (`navigator.storage`: [`estimate`],
//! [`persisted`], [`persist`]).
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
    /// Where it came from, as [`keep`] noted it; empty when not known.
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

fn origin_of(s: &web_sys::Storage, id: &str) -> String {
    s.get_item(&format!("{ORIGIN}{id}")).ok().flatten().unwrap_or_default()
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
                out.agendas.push(summary(&loaded.agenda, edited, origin_of(&s, id)));
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
    // Refused, the old record is put back: it opens as usual, and is updated at a later start.
    match write(s, agenda, edited, true) {
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

/// Why the browser did not keep an agenda. Nothing is ever said to be saved or imported unless
/// its record was written and read back as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// localStorage is switched off for this page.
    Off,
    /// The browser's storage for this page is full.
    Full,
    /// The browser refused the write for another reason.
    Refused,
    /// The write was taken but did not read back as written.
    NotKept,
}

impl Refusal {
    /// Why, as the end of a sentence: "… is not stored, because {why}."
    pub fn why(self) -> &'static str {
        match self {
            Refusal::Off => "this browser does not allow this page to keep data (localStorage is off)",
            Refusal::Full => "the browser's storage for this page is full",
            Refusal::Refused => "the browser refused to write it",
            Refusal::NotKept => "the browser did not keep it as it was written",
        }
    }

    /// What the user can do about it, as a sentence; empty when there is nothing to do here.
    pub fn what_to_do(self) -> &'static str {
        match self {
            Refusal::Full => "To make room, export the agendas you no longer need here (Export all keeps every agenda in one file) and delete them, then try again.",
            Refusal::Off => "Allow this site to keep data in the browser's settings, then try again.",
            Refusal::Refused | Refusal::NotKept => "",
        }
    }

    /// What the editor says when an edit cannot be saved: the edit stays on screen.
    pub fn for_edit(self) -> String {
        match self {
            Refusal::Full => "The browser's storage for this page is full, so the last changes are not saved. They are still here: export the agenda as a file to keep them, and make room by exporting and deleting agendas you no longer need.".to_string(),
            Refusal::Off => "This browser does not allow this page to keep data (localStorage is off), so the last changes are not saved. They are still here: export the agenda as a file to keep them.".to_string(),
            Refusal::Refused | Refusal::NotKept => "The browser refused to save the agenda. Your changes are still here: export the agenda as a file to keep them.".to_string(),
        }
    }

    /// What the library says when `what` (an agenda arriving: imported, made, copied, put
    /// back) cannot be kept: "{what} is not stored, because …".
    pub fn arrival(self, what: &str) -> String {
        let todo = self.what_to_do();
        let sep = if todo.is_empty() { "" } else { " " };
        format!("{what} is not stored, because {}. Nothing that was here has changed.{sep}{todo}", self.why())
    }
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

/// Writes an agenda's record and what is kept beside it, each read back. The save count is
/// written last: other tabs react to it. With `undo`, a refusal at any step puts back what was
/// there before (or nothing), so the storage is as it was found; without, a record taken before
/// a later step failed stays (the editor's newer text, which the next save writes again).
fn write(s: &web_sys::Storage, agenda: &Agenda, edited: f64, undo: bool) -> Result<u64, Refusal> {
    let key = format!("{AGENDA}{}", agenda.id);
    let edited_key = format!("{EDITED}{}", agenda.id);
    let before = undo.then(|| (record_text(s, &agenda.id), s.get_item(&edited_key).ok().flatten()));
    let put_back = |r: Refusal| {
        if let Some((record, stamp)) = &before {
            for (k, v) in [(&key, record), (&edited_key, stamp)] {
                let _ = match v {
                    Some(v) => s.set_item(k, v),
                    None => s.remove_item(k),
                };
            }
        }
        r
    };
    let text = format::record(agenda);
    // A refused set_item changes nothing: only what was taken needs putting back.
    s.set_item(&key, &text).map_err(|e| refusal(&e))?;
    match s.get_item(&key) {
        Ok(Some(back)) if back == text => {}
        _ => return Err(put_back(Refusal::NotKept)),
    }
    let next = save_count(&agenda.id) + 1;
    put(s, &edited_key, &edited.to_string()).map_err(put_back)?;
    put(s, &format!("{SAVE_COUNT}{}", agenda.id), &next.to_string()).map_err(put_back)?;
    Ok(next)
}

/// The record kept under an agenda's key, as it is.
fn record_text(s: &web_sys::Storage, id: &str) -> Option<String> {
    s.get_item(&format!("{AGENDA}{id}")).ok().flatten()
}

/// Saves the agenda open in the editor, stamped with the time now (or `edited`, when restoring
/// one), and returns its new save count. Refused, the editor keeps the edit on screen and says
/// so in [`Refusal::for_edit`]'s words.
pub fn save(agenda: &Agenda, edited: Option<f64>) -> Result<u64, String> {
    let s = store().map_err(|_| Refusal::Off.for_edit())?;
    write(&s, agenda, edited.unwrap_or_else(now), false).map_err(Refusal::for_edit)
}

/// Keeps an agenda arriving in the library (imported, made, copied, put back) under its id,
/// with the note of where it came from; refused, nothing of it is left behind.
pub fn keep(agenda: &Agenda, edited: Option<f64>, origin: &str) -> Result<u64, Refusal> {
    let s = store().map_err(|_| Refusal::Off)?;
    let count = write(&s, agenda, edited.unwrap_or_else(now), true)?;
    let key = format!("{ORIGIN}{}", agenda.id);
    // The note is small and only for the eye: an agenda kept without it is still kept.
    let _ = if origin.is_empty() { s.remove_item(&key) } else { s.set_item(&key, origin) };
    Ok(count)
}

/// Replaces the agenda kept under `agenda`'s id with `agenda`, and returns the one it replaced,
/// so the replacement can be undone. The new record is written over the old one in one step
/// and read back: until then the old one is there, and a refusal leaves it as it was.
pub fn replace(agenda: &Agenda, edited_at: Option<f64>, origin: &str) -> Result<Option<Removed>, Refusal> {
    let s = store().map_err(|_| Refusal::Off)?;
    let old = load(&agenda.id).ok().map(|a| Removed {
        edited: edited(&a.id),
        origin: origin_of(&s, &a.id),
        agenda: a,
    });
    keep(agenda, edited_at, origin)?;
    Ok(old)
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
    let origin = store().map(|s| origin_of(&s, id)).unwrap_or_default();
    for prefix in [AGENDA, EDITED, SAVE_COUNT, ORIGIN] {
        LocalStorage::delete(format!("{prefix}{id}"));
    }
    Some(Removed { agenda, edited, origin })
}

/// Puts a removed (or replaced) agenda back as it was.
pub fn restore(removed: &Removed) -> Result<u64, Refusal> {
    keep(&removed.agenda, Some(removed.edited), &removed.origin)
}

/// How much of this page's localStorage is taken, in characters (UTF-16 code units, which is
/// what browsers count against its room), every key and value included: the agendas, what is
/// kept beside them, quarantined records and anything else written under this origin.
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
    let n = LocalStorage::length();
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .map(|k| {
            let v = get.call1(&s, &k.as_str().into()).ok();
            let len = v.and_then(|v| v.dyn_into::<js_sys::JsString>().ok()).map_or(0, |v| v.length());
            (k.encode_utf16().count() as u32 + len) as f64
        })
        .sum()
}

/// The room browsers give a page's localStorage: 5 MiB of characters in Chromium, about the
/// same in Firefox and Safari. No browser says it; a write past it is refused.
pub const LOCAL_ROOM: f64 = 5_242_880.0;

/// What the browser says of this site's storage as a whole (`navigator.storage.estimate()`):
/// bytes used, and bytes it would allow.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub usage: f64,
    pub quota: f64,
}

/// `navigator.storage`, where the browser has it (not on pages opened from disk in some).
fn manager() -> Option<wasm_bindgen::JsValue> {
    let nav = leptos::prelude::window().navigator();
    js_sys::Reflect::get(&nav, &"storage".into()).ok().filter(|m| m.is_object())
}

/// Calls a method of `navigator.storage` that returns a promise, and waits for its value.
async fn ask(method: &str) -> Option<wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let m = manager()?;
    let f = js_sys::Reflect::get(&m, &method.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let promise = f.call0(&m).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

pub async fn estimate() -> Option<Estimate> {
    let v = ask("estimate").await?;
    let n = |k: &str| js_sys::Reflect::get(&v, &k.into()).ok().and_then(|x| x.as_f64());
    Some(Estimate { usage: n("usage")?, quota: n("quota")? })
}

/// Whether the browser has promised to keep this site's data (not to delete it to free space
/// or after days without a visit); `None` where it cannot say.
pub async fn persisted() -> Option<bool> {
    ask("persisted").await?.as_bool()
}

/// Asks the browser to keep this site's data; some ask the user, most decide by themselves
/// (an installed app, a bookmarked or often visited site). Says whether it was granted.
pub async fn persist() -> Option<bool> {
    ask("persist").await?.as_bool()
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
