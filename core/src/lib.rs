//! Agendum's core: the agenda model, the edits that change it, the checks that read it, the
//! file format and the exports. Plain Rust with serde and no web crates, so the browser editor
//! and the `agendum` command line share one implementation, and it all tests natively.

pub mod checks;
pub mod docref;
pub mod edit;
pub mod export;
pub mod field;
pub mod format;
pub mod model;
pub mod numbering;
pub mod schedule;
pub mod templates;
pub mod time;

pub use checks::{check, Code, FieldNames, Finding, Fix, Severity};
pub use docref::{DocId, DocNumber, DocRef};
pub use edit::{Edit, Field, History, Value};
pub use model::{Agenda, Item, ItemId, RegisterEntry, Session};
