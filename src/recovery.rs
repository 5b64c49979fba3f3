//! The recovery screen: when the app panics or a script error escapes, the page does not go
//! dead; it shows every stored agenda as a download, built with plain DOM calls because the
//! reactive app may be what broke.

use wasm_bindgen::{JsCast, JsValue};

use crate::storage;

fn el(doc: &web_sys::Document, tag: &str, text: &str) -> Option<web_sys::Element> {
    let e = doc.create_element(tag).ok()?;
    e.set_text_content(Some(text));
    Some(e)
}

/// A file name for a stored record: its key, made safe.
fn file_name(key: &str) -> String {
    let safe: String =
        key.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    format!("{safe}.agenda.json")
}

/// Replaces the page with the recovery screen (once; later calls do nothing).
pub fn show(reason: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if doc.get_element_by_id("recovery").is_some() {
        return;
    }
    let Some(body) = doc.body() else { return };
    let Some(screen) = doc.create_element("main").ok() else { return };
    screen.set_id("recovery");
    let _ = screen.set_attribute("role", "alertdialog");
    let _ = screen.set_attribute("aria-labelledby", "recovery-h");
    let _ = screen.set_attribute(
        "style",
        "position:fixed;inset:0;z-index:100;overflow:auto;background:#fff;color:#1d2330;\
         font:15px/1.5 system-ui,sans-serif;padding:2rem;",
    );
    let parts = [
        el(&doc, "h1", "Agendum stopped working").inspect(|h| h.set_id("recovery-h")),
        el(
            &doc,
            "p",
            "Something went wrong in this page, so the editor was closed to keep your agendas safe. \
             Nothing was deleted: download your agendas below, then reload the page.",
        ),
        el(&doc, "p", &format!("What went wrong: {reason}")),
    ];
    for p in parts.into_iter().flatten() {
        let _ = screen.append_child(&p);
    }
    if let Ok(list) = doc.create_element("ul") {
        let records = storage::raw_records();
        if records.is_empty() {
            if let Some(li) = el(&doc, "li", "No agendas are stored in this browser.") {
                let _ = list.append_child(&li);
            }
        }
        for (key, text) in records {
            let name = agendum_core::format::load(&text)
                .map(|l| l.agenda.display_name())
                .unwrap_or_else(|_| format!("Unreadable record {key}"));
            let parts = js_sys::Array::of1(&JsValue::from_str(&text));
            let opts = web_sys::BlobPropertyBag::new();
            opts.set_type("application/json");
            let url = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
                .ok()
                .and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok());
            let (Some(url), Some(li), Some(a)) =
                (url, el(&doc, "li", ""), el(&doc, "a", &format!("Download {name}")))
            else {
                continue;
            };
            let _ = a.set_attribute("href", &url);
            let _ = a.set_attribute("download", &file_name(&key));
            let _ = li.append_child(&a);
            let _ = list.append_child(&li);
        }
        let _ = screen.append_child(&list);
    }
    if let Some(b) = el(&doc, "button", "Reload the page") {
        let _ = b.set_attribute("type", "button");
        let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = b.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
        reload.forget();
        let _ = screen.append_child(&b);
    }
    // The broken app is hidden, not removed: nothing it holds is touched.
    let children = body.children();
    for i in 0..children.length() {
        if let Some(c) = children.item(i) {
            let _ = c.set_attribute("hidden", "");
        }
    }
    let _ = body.append_child(&screen);
}

/// Shows the recovery screen on a Rust panic or an uncaught script error.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
    let on_error = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
        let message = e.dyn_ref::<web_sys::ErrorEvent>().map(|e| e.message()).filter(|m| !m.is_empty());
        show(&message.unwrap_or_else(|| "a script on the page failed".into()));
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref());
    }
    on_error.forget();
}
