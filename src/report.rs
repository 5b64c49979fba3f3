//! "Export report": the meeting report's skeleton (its number, the header, each item with its
//! documents, what became of them, and its outcome; then every document with its status), as
//! HTML or as Word, made by the worker, since only a chair after the meeting needs its code.

use agendum_core::{export, format};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::files;
use crate::reactive_agenda::ReactiveAgenda;
use crate::word::DOCX_TYPE;
use crate::worker::ask;

const UNAVAILABLE: &str =
    "The report cannot be made right now: its part of Agendum did not load. Check the connection and try again.";

/// Downloads the report of the open agenda, as Word when `word`, or says why not.
fn download(live: ReactiveAgenda, word: bool, done: impl FnOnce() + 'static) {
    let extension = if word { "report.docx" } else { "report.html" };
    let (name, text, numbered) = live
        .agenda
        .with_untracked(|a| (export::file_name(a, extension), format::save(a), !a.report.trim().is_empty()));
    leptos::task::spawn_local(async move {
        let request = js_sys::Array::of2(&"report".into(), &JsValue::from_str(&text));
        if word {
            request.push(&"docx".into());
        }
        let made = ask(request, UNAVAILABLE).await.and_then(|answer| {
            if word {
                files::download(&name, DOCX_TYPE, &js_sys::Uint8Array::new(&answer.get(1)).to_vec())
            } else {
                let html = answer.get(1).as_string().unwrap_or_default();
                files::download(&name, "text/html", html.as_bytes())
            }
        });
        let kind = if word { "Word" } else { "HTML" };
        let said = match made {
            Ok(()) if numbered => format!("Report downloaded as {kind}."),
            Ok(()) => format!("Report downloaded as {kind}, without a number of its own: set the report number in the header (TD515 for TD514)."),
            Err(e) => e,
        };
        done();
        live.notice.set(Some(said));
    });
}

/// The report's two forms to choose from, under the top bar while open.
#[component]
pub fn ReportOptions(open: RwSignal<bool>) -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let busy = RwSignal::new(false);
    let get = move |word: bool| {
        busy.set(true);
        download(live, word, move || {
            busy.set(false);
            open.set(false);
        });
    };
    view! {
        <div class="notice report-options" role="group" aria-label="Export report">
            <span>"The meeting report's skeleton: each item's documents, what became of them, and its outcome; then every document with its status."</span>
            <button type="button" on:click=move |_| get(false) disabled=move || busy.get()
                title="A standalone page to print or open in a browser">"Report as HTML"</button>
            <button type="button" on:click=move |_| get(true) disabled=move || busy.get()
                title="A Word document (.docx) to write the report in">"Report as Word"</button>
            <button type="button" aria-label="Close" on:click=move |_| open.set(false)>"×"</button>
        </div>
    }
}
