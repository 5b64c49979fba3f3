//! The editor's keyboard shortcuts: the list of every one of them (the shortcut sheet shows
//! it), and the ones that act on the whole agenda: undo and redo (which put the focus on what
//! they bring back, or off the row they take away), export, print, Ctrl+S (which says that saving is automatic), going to the
//! items, to the checks panel and from finding to finding, and `?` for the sheet. The row
//! commands' keys (Alt+arrows, the delete key) belong to the rows (`items.rs`, `register.rs` …),
//! which ask [`is_delete`] for theirs.

use std::collections::HashSet;

use agendum_core::edit::{AnnexField, EntryField, Field, FutureMeetingField, ItemField, SessionField};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::reactive_agenda::ReactiveAgenda;
use crate::{checks_panel, items, shortcut_sheet};

/// The key that deletes the row holding the focus (an item, a session, an Annex A entry, an
/// annex, a future meeting), as `aria-keyshortcuts` writes it. Delete buttons stay out of the
/// Tab order, so that Tab then Enter never deletes; this is their keyboard way. Alt with Shift,
/// because Ctrl+Delete and Alt+Backspace alone delete a word in text boxes.
pub const DELETE_KEYS: &str = "Alt+Shift+Backspace";

/// Whether a key press is the delete key of [`DELETE_KEYS`] (or Alt+Shift+Delete).
pub fn is_delete(ev: &ev::KeyboardEvent) -> bool {
    ev.alt_key()
        && ev.shift_key()
        && !ev.ctrl_key()
        && !ev.meta_key()
        && matches!(ev.code().as_str(), "Backspace" | "Delete")
}

/// Every shortcut of the editor, by where it works, as the shortcut sheet lists them.
pub const SHEET: &[(&str, &[(&str, &str)])] = &[
    (
        "Anywhere in the editor",
        &[
            (
                "Ctrl+Z",
                "Undo; after a delete the focus goes to what came back, after an add to the item above",
            ),
            ("Ctrl+Shift+Z or Ctrl+Y", "Redo"),
            ("Ctrl+Shift+E", "Export JSON: download the agenda as a file"),
            ("Ctrl+P", "Print the agenda"),
            ("Ctrl+S", "Nothing to do: the agenda saves itself"),
            ("Alt+Shift+I", "Go to the first session's items"),
            ("Alt+Shift+C", "Go to the checks panel"),
            ("F8", "Go to the field of the next finding"),
            ("Shift+F8", "Go to the field of the previous finding"),
            ("?", "This list of shortcuts (not while typing in a text box); Escape closes it"),
        ],
    ),
    (
        "In an item",
        &[
            ("Enter", "In the title: add the next item, with the focus in its title"),
            ("Shift+Enter", "In the title: a new line"),
            ("Alt+↑ / Alt+↓", "Move the item up or down"),
            ("Alt+→ / Alt+←", "Indent (make it a sub-item of the item above) or outdent"),
            (DELETE_KEYS, "Delete the item and its sub-items; Ctrl+Z brings them back"),
            ("← / → / Home / End", "In the row's tools (+ ↳ ↑ ↓ → ←): go from tool to tool; Tab leaves them"),
        ],
    ),
    (
        "In the Docs and actions boxes",
        &[
            ("Enter or ,", "Add what is typed (documents: TD514, C103 …)"),
            ("Backspace", "In an empty Docs box: remove the last document"),
        ],
    ),
    ("In a time, minutes or number box", &[("Enter", "Read what is typed")]),
    (
        "In a session, an Annex A entry, an annex or a future meeting",
        &[(DELETE_KEYS, "Delete it; Ctrl+Z brings it back")],
    ),
];

/// What the shortcuts do that the editor owns.
#[derive(Clone, Copy)]
pub struct Commands {
    pub print: Callback<()>,
    pub export: Callback<()>,
}

/// Whether the focus is in a box that takes text, where `?` is a character to type.
fn typing(ev: &ev::KeyboardEvent) -> bool {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return false };
    if el.is_content_editable() || el.tag_name().eq_ignore_ascii_case("textarea") {
        return true;
    }
    el.dyn_into::<web_sys::HtmlInputElement>().is_ok_and(|i| {
        matches!(i.type_().as_str(), "text" | "search" | "email" | "url" | "tel" | "password" | "number")
    })
}

/// The field to focus for each part of the agenda, in the order of the page.
fn parts(live: ReactiveAgenda) -> Vec<Field> {
    let mut parts = Vec::new();
    live.shape.with_untracked(|s| {
        parts.extend(s.sessions.iter().map(|&session| Field::Session { session, field: SessionField::Date }));
    });
    live.rows.with_untracked(|rs| {
        parts.extend(rs.iter().map(|r| Field::Item { item: r.id, field: ItemField::Title }));
    });
    live.shape.with_untracked(|s| {
        parts.extend(s.entries.iter().map(|&entry| Field::Entry { entry, field: EntryField::Category }));
        parts.extend(s.annexes.iter().map(|&annex| Field::Annex { annex, field: AnnexField::Title }));
        parts.extend(
            s.future_meetings
                .iter()
                .map(|&meeting| Field::FutureMeeting { meeting, field: FutureMeetingField::Date }),
        );
    });
    parts
}

/// Undoes or redoes, and puts the focus on the first part it brought back (the deleted item,
/// entry, annex …), so a delete undone leaves the user where they were; and when it takes away
/// the item whose row holds the focus (an add undone), on the item it was added after.
fn step(live: ReactiveAgenda, go: fn(&ReactiveAgenda)) {
    let before: HashSet<Field> = parts(live).into_iter().collect();
    let held = items::focused_item();
    let rows = live.rows.get_untracked();
    go(&live);
    if let Some(back) = parts(live).into_iter().find(|f| !before.contains(f)) {
        live.focus.set(Some(back));
    } else if let Some(gone) = held.filter(|id| live.rows.with_untracked(|rs| rs.iter().all(|r| r.id != *id)))
    {
        items::focus_instead_of(live, &rows, gone);
    }
}

/// Listens for the shortcuts while the editor is open.
pub fn install(live: ReactiveAgenda, commands: Commands) {
    let last_finding = StoredValue::new(None);
    let keys = window_event_listener(ev::keydown, move |ev| {
        let ctrl = ev.ctrl_key() || ev.meta_key();
        if ev.default_prevented() {
            return;
        }
        if !ctrl && !ev.alt_key() {
            match ev.key().as_str() {
                "?" if !typing(&ev) => {
                    ev.prevent_default();
                    shortcut_sheet::show();
                }
                "F8" => {
                    ev.prevent_default();
                    checks_panel::go_to_finding(live, last_finding, !ev.shift_key());
                }
                _ => {}
            }
            return;
        }
        if ev.alt_key() && ev.shift_key() && !ctrl {
            // By the key's place: with Alt, a Mac's keyboard types another character.
            match ev.code().as_str() {
                "KeyI" => {
                    ev.prevent_default();
                    items::go_to_items(live);
                }
                "KeyC" => {
                    ev.prevent_default();
                    checks_panel::go_to_checks();
                }
                _ => {}
            }
            return;
        }
        if !ctrl || ev.alt_key() {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => {
                ev.prevent_default();
                step(live, ReactiveAgenda::redo);
            }
            "z" => {
                ev.prevent_default();
                step(live, ReactiveAgenda::undo);
            }
            "y" => {
                ev.prevent_default();
                step(live, ReactiveAgenda::redo);
            }
            "e" if ev.shift_key() => {
                ev.prevent_default();
                commands.export.run(());
            }
            "p" => {
                ev.prevent_default();
                commands.print.run(());
            }
            "s" => {
                // Saving is automatic; say so instead of opening the browser's save dialog.
                ev.prevent_default();
                live.notice
                    .set(Some("Agendum saves by itself as you type. Use Export to make a file.".into()));
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
}
