//! Agendum's browser editor: a thin Leptos (CSR) shell over `agendum_core`. It holds one reactive
//! agenda, derives its rows, schedule and check findings, and keeps agendas in the browser's
//! storage through the `storage` module alone.
//!
//! Where to start: `app` (the library of agendas and which one is open) mounts `editor`, which
//! puts the screen together from its parts: `header`, `items` (the items table), `register`
//! (Annex A), `annexes`, `future_meetings` and `checks_panel`, with `autosave` and `shortcuts`
//! beside them (`shortcut_sheet` lists every shortcut). Every part reads the one `reactive_agenda` and edits it through
//! `ReactiveAgenda::apply`; a table row reads its own data from `rows`, and `lazy` decides which
//! rows of a long table are built; `first_paint` marks the editor's first frame painted, which
//! what no one sees in it waits for. `fields` holds the form controls, `classes` the class names
//! shared with the style sheet, `storage` localStorage, `files` downloads and printing, `paste` tables
//! pasted into Annex A and the items table, `word`
//! Word files in and out and `share` share links, both through `worker`, which runs the rare
//! actions in a worker of their own (`src/bin/word_worker.rs`); `shared_view` shows an agenda
//! opened from a share link; `compare` what an import would change in an agenda already here; and
//! `recovery` the screen shown if the page breaks. `time_zones` holds the browser's time-zone
//! rules (`Intl`), and `second_zone` the zone the editor shows every time in beside the meeting's.

mod annexes;
mod app;
mod autosave;
mod calendar;
mod changes_panel;
mod checks_panel;
mod classes;
mod compare;
mod editor;
mod fields;
mod files;
mod first_paint;
mod future_meetings;
mod header;
mod items;
mod lazy;
mod paste;
mod publish;
pub mod reactive_agenda;
pub mod recovery;
mod register;
mod report;
mod rows;
mod second_zone;
mod share;
mod shared_view;
mod shortcut_sheet;
mod shortcuts;
pub mod storage;
pub mod time_zones;
mod word;
mod worker;

pub use app::App;

/// Mounts the editor on the page's body.
pub fn mount() {
    recovery::install();
    leptos::mount::mount_to_body(App);
}
