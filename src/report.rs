//! "Export report": the meeting report's skeleton (its number, the header, each item with its
//! documents, what became of them, and its outcome; then every document with its status), made
//! by the worker, since only a chair after the meeting needs its code.

use agendum_core::{export, format};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::files;
use crate::reactive_agenda::ReactiveAgenda;
use crate::worker::ask;

const UNAVAILABLE: &str =
    "The report cannot be made right now: its part of Agendum did not load. Check the connection and try again.";

/// Downloads the report of the open agenda, or says why not.
pub fn download(live: ReactiveAgenda) {
    let (name, text, numbered) = live.agenda.with_untracked(|a| {
        (export::file_name(a, "report.html"), format::save(a), !a.report.trim().is_empty())
    });
    leptos::task::spawn_local(async move {
        let made = ask(js_sys::Array::of2(&"report".into(), &JsValue::from_str(&text)), UNAVAILABLE).await;
        let said = match made.and_then(|answer| {
            let html = answer.get(1).as_string().unwrap_or_default();
            files::download(&name, "text/html", html.as_bytes())
        }) {
            Ok(()) if numbered => "Report downloaded.".to_string(),
            Ok(()) => "Report downloaded, without a number of its own: set the report number in the header (TD515 for TD514).".to_string(),
            Err(e) => e,
        };
        live.notice.set(Some(said));
    });
}
