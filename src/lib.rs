//! Agendum's browser editor: a thin Leptos (CSR) shell over `agendum_core`. It holds one reactive
//! agenda, derives its rows, schedule and check findings, and keeps agendas in localStorage
//! through the `storage` module alone.

mod app;
pub mod doc;
mod editor;
mod fields;
mod files;
mod items;
mod lazy;
pub mod recovery;
mod register;
pub mod storage;

pub use app::App;

/// Mounts the editor on the page's body.
pub fn mount() {
    recovery::install();
    leptos::mount::mount_to_body(App);
}
