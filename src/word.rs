//! Word files in and out, through the worker (`worker`), so the Word code is fetched by those who
//! use it, not with the editor. A Word file read comes back as an agenda file's text, which the
//! library imports as it imports any agenda file; an agenda goes to the worker as its file's
//! text and comes back as a .docx, clean or with its changes since its last publication tracked.

use wasm_bindgen::prelude::*;

use crate::worker::ask;

const UNAVAILABLE: &str =
    "Word files cannot be read or written right now: their part of Agendum did not load. Check the connection and try again.";

/// The largest Word file read: its pictures make a file large, its text seldom.
pub const MAX_WORD_BYTES: f64 = 100.0 * 1024.0 * 1024.0;

/// Whether a picked or dropped file is a Word file rather than an agenda file.
pub fn is_word(file: &web_sys::File) -> bool {
    file.name().to_lowercase().ends_with(".docx") || file.type_() == DOCX_TYPE
}

/// Reads a Word file into an agenda file's text with the id `id`, and says what was read.
pub async fn read_word(file: web_sys::File, id: &str) -> Result<(String, String), String> {
    let name = file.name();
    let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("\"{name}\" could not be read."))?;
    let request =
        js_sys::Array::of3(&"import".into(), &JsValue::from_str(id), &js_sys::Uint8Array::new(&bytes));
    let answer = ask(request, UNAVAILABLE).await?;
    Ok((answer.get(1).as_string().unwrap_or_default(), answer.get(2).as_string().unwrap_or_default()))
}

/// The Word TD of the agenda whose file's text is `agenda`.
pub async fn write_word(agenda: String) -> Result<Vec<u8>, String> {
    let answer = ask(js_sys::Array::of2(&"export".into(), &JsValue::from_str(&agenda)), UNAVAILABLE).await?;
    Ok(js_sys::Uint8Array::new(&answer.get(1)).to_vec())
}

/// The Word TD of the agenda whose file's text is `agenda`, its changes since its last published
/// revision as Word's tracked changes.
pub async fn write_word_marked(agenda: String) -> Result<Vec<u8>, String> {
    let request = js_sys::Array::of3(&"export".into(), &JsValue::from_str(&agenda), &JsValue::TRUE);
    let answer = ask(request, UNAVAILABLE).await?;
    Ok(js_sys::Uint8Array::new(&answer.get(1)).to_vec())
}

/// The media type of a .docx, for its download.
pub const DOCX_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The items of pasted agenda rows, read as a Word file's agenda table is, and how many rows
/// were not understood.
pub async fn pasted_items(rows: &[Vec<String>]) -> Result<(Vec<agendum_core::Item>, usize), String> {
    let rows = serde_json::to_string(rows).map_err(|e| e.to_string())?;
    let answer =
        ask(js_sys::Array::of2(&"paste-items".into(), &JsValue::from_str(&rows)), UNAVAILABLE).await?;
    let items =
        serde_json::from_str(&answer.get(1).as_string().unwrap_or_default()).map_err(|e| e.to_string())?;
    Ok((items, answer.get(2).as_f64().unwrap_or(0.0) as usize))
}
