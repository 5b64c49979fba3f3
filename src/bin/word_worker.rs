//! The rare actions, in a worker of their own: Word files read and written, pasted agenda rows
//! read, share links made and opened. Their code (the Word export, the zip inflater and the
//! compressor, the XML reader, the reading of agenda tables) is fetched the first time someone
//! uses one, not by every visitor with the editor.
//!
//! It says `["ready"]` once it listens. Sent `["import", id, bytes]`, it answers `["ok", the
//! agenda file's text, what was read]`; sent `["export", the agenda file's text]`, `["ok",
//! bytes of the .docx]` (with a third element `true`, the .docx with the changes since the last
//! published revision as tracked changes); sent `["paste-items", the rows as JSON]`, `["ok", the items as JSON,
//! how many rows were not understood]`; sent `["link", the agenda file's text]`, `["ok", the
//! share link's fragment]`; sent `["open-link", a fragment]`, `["ok", the agenda file's text,
//! the format version it was migrated from or null]`; sent `["calendar", the agenda file's text,
//! whether items get events, the time in seconds since 1970]`, `["ok", the .ics text, how many
//! events, what was left out]`; sent `["report", the agenda file's text]`, `["ok", the report's
//! HTML]` (with a third element `"docx"`, `["ok", bytes of the report's .docx]`); or `["error",
//! the sentence to show]`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let _ = reply.post_message(&answer(&js_sys::Array::from(&e.data())));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&js_sys::Array::of1(&JsValue::from_str("ready")));
}

fn answer(request: &js_sys::Array) -> js_sys::Array {
    let failed = |why: String| js_sys::Array::of2(&"error".into(), &JsValue::from_str(&why));
    match request.get(0).as_string().as_deref() {
        Some("import") => {
            let id = request.get(1).as_string().unwrap_or_default();
            let bytes = js_sys::Uint8Array::new(&request.get(2)).to_vec();
            match agendum_core::import::docx::read(&bytes, &id) {
                Ok(got) => js_sys::Array::of3(
                    &"ok".into(),
                    &JsValue::from_str(&agendum_core::format::save(&got.agenda)),
                    &JsValue::from_str(&got.summary.to_string()),
                ),
                Err(e) => failed(e.to_string()),
            }
        }
        Some("export") => match agendum_core::format::load(&request.get(1).as_string().unwrap_or_default()) {
            Ok(loaded) if request.get(2).as_bool() == Some(true) => {
                match agendum_core::export::Marks::since_last(&loaded.agenda) {
                    Some(marks) => bytes(&agendum_core::export::docx_marked(&loaded.agenda, &marks)),
                    None => failed(
                        "The agenda has not been published yet, so there are no changes to mark: Publish revision first."
                            .into(),
                    ),
                }
            }
            Ok(loaded) => bytes(&agendum_core::export::docx(&loaded.agenda)),
            Err(e) => failed(format!("The agenda could not be written as Word. {e}")),
        },
        Some("paste-items") => {
            let rows: Vec<Vec<String>> =
                serde_json::from_str(&request.get(1).as_string().unwrap_or_default()).unwrap_or_default();
            let (items, not_understood) = agendum_core::import::table::pasted_items(&rows);
            js_sys::Array::of3(
                &"ok".into(),
                &JsValue::from_str(&serde_json::to_string(&items).unwrap_or_default()),
                &JsValue::from_f64(not_understood as f64),
            )
        }
        Some("link") => match agendum_core::format::load(&request.get(1).as_string().unwrap_or_default()) {
            Ok(loaded) => js_sys::Array::of2(
                &"ok".into(),
                &JsValue::from_str(&agendum_core::share::fragment(&loaded.agenda)),
            ),
            Err(e) => failed(format!("No link could be made of the agenda. {e}")),
        },
        Some("open-link") => match agendum_core::share::open(&request.get(1).as_string().unwrap_or_default())
        {
            Ok(loaded) => js_sys::Array::of3(
                &"ok".into(),
                &JsValue::from_str(&agendum_core::format::save(&loaded.agenda)),
                &loaded.migrated_from.map_or(JsValue::NULL, |v| JsValue::from_f64(f64::from(v))),
            ),
            Err(e) => failed(e.to_string()),
        },
        Some("report") => match agendum_core::format::load(&request.get(1).as_string().unwrap_or_default()) {
            Ok(loaded) if request.get(2).as_string().as_deref() == Some("docx") => {
                bytes(&agendum_core::export::report_docx(&loaded.agenda))
            }
            Ok(loaded) => js_sys::Array::of2(
                &"ok".into(),
                &JsValue::from_str(&agendum_core::export::report(&loaded.agenda)),
            ),
            Err(e) => failed(format!("The report could not be made. {e}")),
        },
        Some("calendar") => calendar(request).unwrap_or_else(failed),
        _ => failed("Agendum's worker was asked for something it does not do.".into()),
    }
}

/// An answer of a file's bytes.
fn bytes(file: &[u8]) -> js_sys::Array {
    js_sys::Array::of2(&"ok".into(), &js_sys::Uint8Array::from(file))
}

/// The calendar of an agenda, with the browser's time-zone rules. Its SEQUENCE is the agenda's
/// revision, as the command line's: a revised agenda updates the events of the one before.
fn calendar(request: &js_sys::Array) -> Result<js_sys::Array, String> {
    use agendum_core::export::IcsOptions;
    use agendum_core::zones::Instant;
    let loaded = agendum_core::format::load(&request.get(1).as_string().unwrap_or_default())
        .map_err(|e| format!("The calendar could not be made. {e}"))?;
    let agenda = loaded.agenda;
    let options = IcsOptions {
        items: request.get(2).as_bool().unwrap_or(false),
        sequence: agenda.revision.unwrap_or(0),
        stamp: Instant::from_unix_seconds(request.get(3).as_f64().unwrap_or(0.0) as i64),
    };
    let made = agendum_core::export::ics(&agenda, &agendum_app::time_zones::IntlRules, options)
        .map_err(|e| format!("The calendar could not be made: {e}."))?;
    let notices: js_sys::Array = made.notices.iter().map(|n| JsValue::from_str(&n.message)).collect();
    let answer = js_sys::Array::of3(
        &"ok".into(),
        &JsValue::from_str(&made.text),
        &JsValue::from_f64(made.events as f64),
    );
    answer.push(&notices);
    Ok(answer)
}
