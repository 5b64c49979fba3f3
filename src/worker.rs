//! The worker that does the rare actions (Word files in and out, the marked Word export and the
//! report included, share links made and opened, the calendar; `src/bin/word_worker.rs`), started the first time one is asked for and kept: its code is
//! fetched by those who use it, not by every visitor with the editor. Requests go one at a time.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The worker, once started: a promise of it, ready for requests.
    static WORKER: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    /// Settles when the request sent last has its answer: requests go one at a time, so that
    /// each answer is the one just sent's.
    static LAST: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Where the worker's script is: the single-file edition carries it in the page; the hosted
/// one has it beside the page.
fn worker_url() -> Result<String, JsValue> {
    let document = leptos::prelude::document();
    if let Some(source) = document.get_element_by_id("word-worker-source").and_then(|e| e.text_content()) {
        let parts = js_sys::Array::of1(&JsValue::from_str(&source));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type("text/javascript");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
        return web_sys::Url::create_object_url_with_blob(&blob);
    }
    Ok("./word-worker_loader.js".to_string())
}

/// The worker, started on first use; resolves once it listens.
fn worker() -> js_sys::Promise {
    if let Some(p) = WORKER.with(|w| w.borrow().clone()) {
        return p;
    }
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let started = worker_url().and_then(|url| web_sys::Worker::new(&url));
        let worker = match started {
            Ok(w) => w,
            Err(e) => {
                let _ = reject.call1(&JsValue::NULL, &e);
                return;
            }
        };
        let w = worker.clone();
        let on_ready = Closure::once_into_js(move |_e: web_sys::MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &w);
        });
        worker.set_onmessage(Some(on_ready.unchecked_ref()));
        let on_error = Closure::once_into_js(move |e: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        worker.set_onerror(Some(on_error.unchecked_ref()));
    });
    WORKER.with(|w| *w.borrow_mut() = Some(promise.clone()));
    promise
}

/// Sends the worker a request and waits for its answer, `["ok", …]`; an `["error", sentence]`
/// gives the sentence; `unavailable` is the sentence when the worker cannot start.
pub async fn ask(request: js_sys::Array, unavailable: &str) -> Result<js_sys::Array, String> {
    let mut done = None;
    let this = js_sys::Promise::new(&mut |resolve, _| done = Some(resolve));
    if let Some(previous) = LAST.with(|l| l.borrow_mut().replace(this)) {
        let _ = wasm_bindgen_futures::JsFuture::from(previous).await;
    }
    let result = send(&request, unavailable).await;
    if let Some(done) = done {
        let _ = done.call0(&JsValue::NULL);
    }
    result
}

async fn send(request: &js_sys::Array, unavailable: &str) -> Result<js_sys::Array, String> {
    let started = wasm_bindgen_futures::JsFuture::from(worker()).await;
    let worker: web_sys::Worker = match started {
        Ok(w) => w.unchecked_into(),
        Err(_) => {
            // Started again next time: the failure may be the network's, not the worker's.
            WORKER.with(|w| *w.borrow_mut() = None);
            return Err(unavailable.to_string());
        }
    };
    // One request at a time (see LAST): the answer is this request's.
    let answer = js_sys::Promise::new(&mut |resolve, _reject| {
        let on_answer = Closure::once_into_js(move |e: web_sys::MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &e.data());
        });
        worker.set_onmessage(Some(on_answer.unchecked_ref()));
        let _ = worker.post_message(request);
    });
    let answer =
        js_sys::Array::from(&wasm_bindgen_futures::JsFuture::from(answer).await.unwrap_or(JsValue::NULL));
    match answer.get(0).as_string().as_deref() {
        Some("ok") => Ok(answer),
        Some("error") => Err(answer.get(1).as_string().unwrap_or_default()),
        _ => Err("Agendum's worker gave no answer.".into()),
    }
}
