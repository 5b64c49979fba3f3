//! Class names that the views, the lazy building of rows and the style sheet (`style/main.css`)
//! share: each spelt once here, so that a view writing one and `lazy.rs` looking for it cannot
//! drift apart.

use agendum_core::checks::Severity;

/// A row left unbuilt because it is far from the viewport (`lazy.rs`).
pub const STAND_IN: &str = "stand-in";
/// A field holding text that could not be read, with its message.
pub const FIELD_PROBLEM: &str = "field-problem";
/// A button that removes something (an item, an entry, an agenda).
pub const DANGER: &str = "danger";
/// A field with nothing in it; an optional one (`OPTIONAL`) takes no room in a row that is not
/// being worked on.
pub const BLANK: &str = "blank";
/// A field a row can do without until it is worked on: an item's source, summary and notes.
pub const OPTIONAL: &str = "optional";
/// The cell of a row's command buttons.
pub const TOOLS: &str = "tools";

/// The class a finding, or the count of its severity, is coloured by.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Note => "sev-note",
    }
}

/// The class of a field that a finding points at, by the worst severity pointing there.
pub fn mark(s: Option<Severity>) -> &'static str {
    match s {
        Some(Severity::Error) => "mark-error",
        Some(Severity::Warning) => "mark-warning",
        Some(Severity::Note) => "mark-note",
        None => "",
    }
}

/// The class of an item's timing cell, by the worst severity on the item's fields.
pub fn timing(s: Option<Severity>) -> &'static str {
    match s {
        Some(Severity::Error) => "timing row-error",
        Some(Severity::Warning) => "timing row-warning",
        _ => "timing",
    }
}
