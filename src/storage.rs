//! The browser's localStorage, and the only module that touches it. Each agenda is kept as a
//! file in the documented format under its own key, with its last-edited time beside it, so a
//! bad record can never take the others down: it is moved to a quarantine key and reported.

use agendum_core::{format, Agenda};

const AGENDA: &str = "agendum.agenda.";
const EDITED: &str = "agendum.edited.";
const QUARANTINE: &str = "agendum.quarantine.";

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
}

/// What reading the library found: the agendas, and what could not be read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    pub agendas: Vec<Summary>,
    pub problems: Vec<String>,
}

fn store() -> Result<web_sys::Storage, String> {
    leptos::prelude::window().local_storage().ok().flatten().ok_or_else(|| {
        "This browser does not allow this page to keep data (localStorage is off).".to_string()
    })
}

pub fn now() -> f64 {
    js_sys::Date::now()
}

fn summary(agenda: &Agenda, edited: f64) -> Summary {
    let date = agenda.start_date.or_else(|| agenda.sessions.iter().find_map(|s| s.date));
    Summary {
        id: agenda.id.clone(),
        name: agenda.display_name(),
        document: agenda.document.trim().to_string(),
        title: agenda.title.trim().to_string(),
        meeting: date.map(|d| d.long()).unwrap_or_default(),
        edited,
    }
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
    let n = s.length().unwrap_or(0);
    let keys: Vec<String> = (0..n).filter_map(|i| s.key(i).ok().flatten()).collect();
    for key in keys {
        let Some(id) = key.strip_prefix(AGENDA) else { continue };
        let Ok(Some(text)) = s.get_item(&key) else { continue };
        match format::load(&text) {
            Ok(loaded) => {
                let edited = s
                    .get_item(&format!("{EDITED}{id}"))
                    .ok()
                    .flatten()
                    .and_then(|t| t.parse().ok())
                    .unwrap_or(0.0);
                out.agendas.push(summary(&loaded.agenda, edited));
            }
            Err(e) => {
                let q = format!("{QUARANTINE}{id}.{}", now() as u64);
                let kept = s.set_item(&q, &text).is_ok();
                if kept {
                    let _ = s.remove_item(&key);
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

pub fn load(id: &str) -> Result<Agenda, String> {
    let s = store()?;
    let text = s
        .get_item(&format!("{AGENDA}{id}"))
        .ok()
        .flatten()
        .ok_or_else(|| "This agenda is no longer in this browser.".to_string())?;
    format::load(&text).map(|l| l.agenda).map_err(|e| format!("This agenda could not be read: {e}"))
}

pub fn exists(id: &str) -> bool {
    store().ok().and_then(|s| s.get_item(&format!("{AGENDA}{id}")).ok().flatten()).is_some()
}

/// Saves an agenda, stamped with the time now (or `edited`, when restoring one).
pub fn save(agenda: &Agenda, edited: Option<f64>) -> Result<(), String> {
    let s = store()?;
    let text = format::save(agenda);
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
    Ok(())
}

/// Removes an agenda; returns what was removed, so the deletion can be undone.
pub fn delete(id: &str) -> Option<(Agenda, f64)> {
    let s = store().ok()?;
    let agenda = load(id).ok()?;
    let edited =
        s.get_item(&format!("{EDITED}{id}")).ok().flatten().and_then(|t| t.parse().ok()).unwrap_or(0.0);
    let _ = s.remove_item(&format!("{AGENDA}{id}"));
    let _ = s.remove_item(&format!("{EDITED}{id}"));
    Some((agenda, edited))
}
