//! A table pasted into Annex A or the items table: the clipboard's rows, when what was pasted is
//! a table (HTML with a table, or text with tabs; lines of text too, where no text box has the
//! focus). Anything else is left to the field it is pasted into, so that paragraphs pasted into
//! a note, or a title copied with a line break, stay text.

use agendum_core::import::table;

/// The pasted rows, having taken the paste over from the browser; None to let it be.
pub fn pasted_rows(e: &leptos::ev::ClipboardEvent) -> Option<Vec<Vec<String>>> {
    let data = e.clipboard_data()?;
    let html = data.get_data("text/html").unwrap_or_default();
    let text = data.get_data("text/plain").unwrap_or_default();
    let in_text_box = e.target().is_some_and(|t| {
        use wasm_bindgen::JsCast;
        t.is_instance_of::<web_sys::HtmlInputElement>() || t.is_instance_of::<web_sys::HtmlTextAreaElement>()
    });
    let rows = if html.to_ascii_lowercase().contains("<table") {
        table::rows_from_html(&html)
    } else if text.contains('\t') || !in_text_box && text.trim().lines().count() > 1 {
        table::rows_from_tsv(&text)
    } else {
        return None;
    };
    if rows.len() < 2 && rows.first().is_none_or(|r| r.len() < 2) {
        return None;
    }
    e.prevent_default();
    Some(rows)
}

/// "1 entry", "3 items": a count with its noun in agreement.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
