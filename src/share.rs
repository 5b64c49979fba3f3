//! Share links from the browser: the link of the open agenda, made by the worker, and the agenda
//! a link holds, read by it. The link's code (compression, the reader of damaged links) comes
//! with the worker, so the editor's own download does not carry it.

use agendum_core::share::MAX_LINK_CHARS;
use wasm_bindgen::prelude::*;

use crate::worker::ask;

const UNAVAILABLE: &str =
    "Share links cannot be made or opened right now: their part of Agendum did not load. Check the connection and try again.";

/// The whole address of the share link of the agenda whose file's text is `agenda`; or why
/// there is none.
pub async fn link(agenda: String) -> Result<String, String> {
    let answer = ask(js_sys::Array::of2(&"link".into(), &JsValue::from_str(&agenda)), UNAVAILABLE).await?;
    let fragment = answer.get(1).as_string().unwrap_or_default();
    if fragment.len() > MAX_LINK_CHARS {
        return Err(format!(
            "This agenda is too large for a link ({} characters; a link holds at most {}, as mail and chat tools cut longer ones). Export it as a file and send the file instead.",
            group(fragment.len()),
            group(MAX_LINK_CHARS)
        ));
    }
    let location = leptos::prelude::window().location();
    let here = location.href().unwrap_or_default();
    let page = here.split('#').next().unwrap_or_default();
    Ok(format!("{page}#{fragment}"))
}

/// The agenda file's text a link's fragment holds, and the format version it was migrated from.
pub async fn open(fragment: String) -> Result<(String, Option<u32>), String> {
    let answer =
        ask(js_sys::Array::of2(&"open-link".into(), &JsValue::from_str(&fragment)), UNAVAILABLE).await?;
    Ok((answer.get(1).as_string().unwrap_or_default(), answer.get(2).as_f64().map(|v| v as u32)))
}

/// 16000 as "16,000".
pub fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
