//! Word files in and out, through the Word worker (`src/bin/word_worker.rs`), started the first
//! time and kept: so the Word code is fetched by those who use it, not with the editor. A Word
//! file read comes back as an agenda file's text, which the library imports as it imports any
//! agenda file; an agenda goes to the worker as its file's text and comes back as a .docx.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The largest Word file read: its pictures make a file large, its text seldom.
pub const MAX_WORD_BYTES: f64 = 100.0 * 1024.0 * 1024.0;

/// Whether a picked or dropped file is a Word file rather than an agenda file.
pub fn is_word(file: &web_sys::File) -> bool {
    file.name().to_lowercase().ends_with(".docx")
        || file.type_() == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
}

thread_local! {
    /// The worker, once started: a promise of it, ready to be sent files.
    static WORKER: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    /// Settles when the file sent last has its answer: files go one at a time, so that each
    /// answer is the file's just sent.
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

/// Reads a Word file into an agenda file's text with the id `id`, and says what was read.
pub async fn read_word(file: web_sys::File, id: &str) -> Result<(String, String), String> {
    let name = file.name();
    let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("\"{name}\" could not be read."))?;
    let request =
        js_sys::Array::of3(&"import".into(), &JsValue::from_str(id), &js_sys::Uint8Array::new(&bytes));
    let answer = ask(request).await?;
    Ok((answer.get(1).as_string().unwrap_or_default(), answer.get(2).as_string().unwrap_or_default()))
}

/// The Word TD of the agenda whose file's text is `agenda`.
pub async fn write_word(agenda: String) -> Result<Vec<u8>, String> {
    let answer = ask(js_sys::Array::of2(&"export".into(), &JsValue::from_str(&agenda))).await?;
    Ok(js_sys::Uint8Array::new(&answer.get(1)).to_vec())
}

/// The items of pasted agenda rows, read as a Word file's agenda table is, and how many rows
/// were not understood.
pub async fn pasted_items(rows: &[Vec<String>]) -> Result<(Vec<agendum_core::Item>, usize), String> {
    let rows = serde_json::to_string(rows).map_err(|e| e.to_string())?;
    let answer = ask(js_sys::Array::of2(&"paste-items".into(), &JsValue::from_str(&rows))).await?;
    let items =
        serde_json::from_str(&answer.get(1).as_string().unwrap_or_default()).map_err(|e| e.to_string())?;
    Ok((items, answer.get(2).as_f64().unwrap_or(0.0) as usize))
}

/// Sends the worker a request and waits for its answer, `["ok", …]`; an `["error", sentence]`
/// gives the sentence.
async fn ask(request: js_sys::Array) -> Result<js_sys::Array, String> {
    let mut done = None;
    let this = js_sys::Promise::new(&mut |resolve, _| done = Some(resolve));
    if let Some(previous) = LAST.with(|l| l.borrow_mut().replace(this)) {
        let _ = wasm_bindgen_futures::JsFuture::from(previous).await;
    }
    let result = send(&request).await;
    if let Some(done) = done {
        let _ = done.call0(&JsValue::NULL);
    }
    result
}

async fn send(request: &js_sys::Array) -> Result<js_sys::Array, String> {
    let started = wasm_bindgen_futures::JsFuture::from(worker()).await;
    let worker: web_sys::Worker = match started {
        Ok(w) => w.unchecked_into(),
        Err(_) => {
            // Started again next time: the failure may be the network's, not the worker's.
            WORKER.with(|w| *w.borrow_mut() = None);
            return Err("Word files cannot be read or written right now: their part of Agendum did not load. Check the connection and try again.".into());
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
        _ => Err("The Word worker gave no answer.".into()),
    }
}
