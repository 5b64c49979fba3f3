//! Agendum's browser editor: a thin Leptos (CSR) shell over `agendum_core`. It holds one reactive
//! agenda, derives its rows, schedule and check findings, and keeps agendas in localStorage
//! through the `storage` module alone.

mod annexes;
mod app;
mod autosave;
mod checks_panel;
mod classes;
mod editor;
mod fields;
mod files;
mod future_meetings;
mod header;
mod items;
mod lazy;
pub mod reactive_agenda;
pub mod recovery;
mod register;
mod rows;
mod shortcuts;
pub mod storage;

pub use app::App;

/// Mounts the editor on the page's body.
pub fn mount() {
    recovery::install();
    leptos::mount::mount_to_body(App);
}
