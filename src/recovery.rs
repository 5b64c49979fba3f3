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

/// Adds a stored record to the list as a download, named by the agenda it holds.
fn add_download(doc: &web_sys::Document, list: &web_sys::Element, key: &str, text: &str) {
    let name = agendum_core::format::load(text)
        .map(|l| l.agenda.display_name())
        .unwrap_or_else(|_| format!("Unreadable record {key}"));
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let url = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .ok()
        .and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok());
    let (Some(url), Some(li), Some(a)) = (url, el(doc, "li", ""), el(doc, "a", &format!("Download {name}")))
    else {
        return;
    };
    let _ = a.set_attribute("href", &url);
    let _ = a.set_attribute("download", &file_name(key));
    let _ = li.append_child(&a);
    let _ = list.append_child(&li);
}

/// Adds the records kept in the browser's database to the list once they are read, and says
/// so when there are none anywhere. Plain callbacks, not the app's futures: the app's executor
/// may be what broke.
fn add_database_records(list: web_sys::Element) {
    use wasm_bindgen::closure::Closure;
    let none_anywhere = {
        let list = list.clone();
        move || {
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
            if list.child_element_count() == 0 {
                if let Some(li) = el(&doc, "li", "No agendas are stored in this browser.") {
                    let _ = list.append_child(&li);
                }
            }
        }
    };
    let factory = web_sys::window().and_then(|w| w.indexed_db().ok().flatten());
    let Some(open) = factory.and_then(|f| f.open_with_u32(storage::DATABASE, 1).ok()) else {
        return none_anywhere();
    };
    // Opening makes the database where there is none yet: it is made as the app makes it.
    let upgrading = open.clone();
    let upgrade = Closure::once(move || {
        if let Some(db) = upgrading.result().ok().and_then(|r| r.dyn_into::<web_sys::IdbDatabase>().ok()) {
            if !db.object_store_names().contains(storage::RECORDS) {
                let _ = db.create_object_store(storage::RECORDS);
            }
        }
    });
    open.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    upgrade.forget();
    let opened = open.clone();
    let failed = none_anywhere.clone();
    let unopened = none_anywhere.clone();
    let on_open = Closure::once(move || {
        let store = opened
            .result()
            .ok()
            .and_then(|r| r.dyn_into::<web_sys::IdbDatabase>().ok())
            .and_then(|db| db.transaction_with_str(storage::RECORDS).ok())
            .and_then(|tx| tx.object_store(storage::RECORDS).ok());
        let Some(store) = store else { return failed() };
        let (Ok(keys), Ok(values)) = (store.get_all_keys(), store.get_all()) else { return failed() };
        // Requests of one transaction finish in order: the keys are there when the values are.
        let read = values.clone();
        let on_values = Closure::once(move || {
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
            let (Ok(keys), Ok(values)) = (keys.result(), read.result()) else { return none_anywhere() };
            let (keys, values) = (js_sys::Array::from(&keys), js_sys::Array::from(&values));
            for i in 0..keys.length().min(values.length()) {
                let (Some(key), Some(text)) = (keys.get(i).as_string(), values.get(i).as_string()) else {
                    continue;
                };
                add_download(&doc, &list, &format!("{}.{key}", storage::DATABASE), &text);
            }
            none_anywhere();
        });
        values.set_onsuccess(Some(on_values.as_ref().unchecked_ref()));
        on_values.forget();
    });
    open.set_onsuccess(Some(on_open.as_ref().unchecked_ref()));
    on_open.forget();
    let on_error = Closure::once(unopened);
    open.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
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
        for (key, text) in storage::raw_records() {
            add_download(&doc, &list, &key, &text);
        }
        let _ = screen.append_child(&list);
        add_database_records(list);
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
