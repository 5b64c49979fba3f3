//! The editor's keyboard shortcuts that act on the whole agenda: undo (Ctrl+Z), redo
//! (Ctrl+Shift+Z, Ctrl+Y), print (Ctrl+P), and Ctrl+S, which says that saving is automatic.
//! The row commands' Alt+arrows belong to the rows (`items.rs`).

use leptos::ev;
use leptos::prelude::*;

use crate::reactive_agenda::ReactiveAgenda;

/// Listens for the shortcuts while the editor is open; `print` prints the agenda.
pub fn install(live: ReactiveAgenda, print: impl Fn() + Copy + 'static) {
    let keys = window_event_listener(ev::keydown, move |ev| {
        let ctrl = ev.ctrl_key() || ev.meta_key();
        if !ctrl || ev.alt_key() {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => {
                ev.prevent_default();
                live.redo();
            }
            "z" => {
                ev.prevent_default();
                live.undo();
            }
            "y" => {
                ev.prevent_default();
                live.redo();
            }
            "p" => {
                ev.prevent_default();
                print();
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
