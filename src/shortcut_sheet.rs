//! The shortcut sheet: a dialog listing every keyboard shortcut of the editor
//! (`shortcuts::SHEET`), opened by `?` or the top bar's "Shortcuts" button and closed by Escape
//! or its Close button. It is the browser's modal dialog, which keeps the focus inside while
//! open and gives it back to where it was on closing.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::first_paint::FirstPaint;
use crate::shortcuts::SHEET;

const ID: &str = "shortcut-sheet";

/// Opens the sheet (nothing happens if it is open already).
pub fn show() {
    let Some(dialog) = document().get_element_by_id(ID) else { return };
    if let Ok(dialog) = dialog.dyn_into::<web_sys::HtmlDialogElement>() {
        if !dialog.open() {
            let _ = dialog.show_modal();
        }
    }
}

#[component]
pub fn ShortcutSheet() -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // Its tables are built once the editor's first frame is painted, which never shows them.
    let first_paint = expect_context::<FirstPaint>();
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    view! {
        <dialog id=ID node_ref=dialog class="shortcut-sheet" aria-labelledby="shortcut-sheet-h">
            <div class="sheet-head">
                <h2 id="shortcut-sheet-h">"Keyboard shortcuts"</h2>
                <button type="button" on:click=close title="Close (Escape)" aria-keyshortcuts="Escape">"Close"</button>
            </div>
            {move || first_paint.done().then(|| SHEET.iter().map(|(place, keys)| view! {
                <table class="shortcuts">
                    <caption>{*place}</caption>
                    <tbody>
                        {keys.iter().map(|(key, does)| view! {
                            <tr><th scope="row"><kbd>{*key}</kbd></th><td>{*does}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }).collect_view())}
        </dialog>
    }
}
