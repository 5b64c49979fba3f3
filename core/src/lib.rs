//! Agendum's core: the agenda model, the edits that change it, the checks that read it, the
//! file format and the exports. Plain Rust with serde and no web crates, so the browser editor
//! and the `agendum` command line share one implementation, and it all tests natively.
//!
//! # Where to start
//!
//! - [`model`]: what an agenda is — a header, sessions of numbered items, Annex A (the
//!   register of documents), free-text annexes, future meetings. Start here.
//! - [`numbering`]: the one rule that numbers items (1, 2, 2.1 …); numbers are never stored.
//! - [`docref`]: document numbers as people write them (TD667R1, C103), the Docs cell, and the
//!   scanner that finds citations in free text.
//! - [`field`]: every field a user can edit, with the label users see.
//! - [`edit`]: every change is an [`Edit`] with an inverse, so undo is free; the commands the
//!   editor's buttons make live in [`edit::commands`].
//! - [`checks`]: the findings a reviewer would make, one module per area, their codes in
//!   [`checks::Code`]. [`check`] runs them all in one pass.
//! - [`format`]: the file format, its migration and schema; [`bundle`]: every agenda of a
//!   library in one file; [`export`]: the printable HTML.
//! - [`changes`]: what changed between two states of one agenda, for revisions and `agendum diff`.
//! - [`revisions`]: publishing the agenda (the original, R1, R2 …) and its bounded history.
//! - [`schedule`] and [`time`]: computed time slots, dates and times as agendas write them.
//! - [`share`]: the share link, an agenda carried in a link's fragment.
//! - [`templates`]: the agendas a user starts from, TD514 among them.
//! - [`zones`]: the meeting's time zone, its times as instants and in other zones; the rules come
//!   from the caller ([`zones::ZoneRules`]), natively `zones::Tzdb` with the `tzdb` feature;
//!   [`second_zone`]: every time of an agenda as another zone reads it (the viewer's, or UTC).
//!
//! The tests under `core/tests/` read as the user's stories: `checks.rs` plants each mistake in
//! TD514 and expects its finding; `edits.rs` undoes every edit; `format.rs` refuses bad files.

pub mod bundle;
pub mod changes;
pub mod checks;
pub mod docref;
pub mod edit;
pub mod export;
pub mod field;
pub mod format;
pub mod import;
pub mod model;
pub mod numbering;
pub mod revisions;
pub mod schedule;
pub mod second_zone;
pub mod share;
pub mod templates;
pub mod time;
pub mod zones;

pub use checks::{check, Code, FieldNames, Finding, Fix, Severity};
pub use docref::{DocId, DocNumber, DocRef};
pub use edit::{Edit, Field, History, Value};
pub use model::{Agenda, Item, ItemId, RegisterEntry, Session};
