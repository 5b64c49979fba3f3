//! Agendum's browser editor: a thin Leptos (CSR) shell over `agendum_core`. It holds one reactive
//! agenda, derives its rows, schedule and check findings, and keeps agendas in localStorage
//! through the `storage` module alone.

mod app;
pub mod doc;
mod editor;
mod fields;
mod files;
mod items;
mod register;
pub mod storage;

pub use app::App;

/// Mounts the editor on the page's body.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
