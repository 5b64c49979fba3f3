//! What a check reports: a finding, with its severity and the fix it offers.

use std::sync::Arc;

use serde::Serialize;

use super::Code;
use crate::edit::{Edit, Field};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }

    /// A count of findings of this severity with its noun in agreement: "1 warning", "0 errors".
    /// The three nouns are plural with "s", so no pluralising crate is needed.
    pub fn counted(self, n: usize) -> String {
        match n {
            1 => format!("1 {}", self.name()),
            n => format!("{n} {}s", self.name()),
        }
    }
}

/// A suggested fix: applying `edit` resolves the finding.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fix {
    /// Shared: a register of thousands of uncited entries offers "Remove from Annex A" for
    /// each, and one typo repeated down Annex A the same change of category, on each keystroke.
    pub label: Arc<str>,
    #[serde(skip)]
    pub edit: Edit,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    /// The field it points to; [`super::FieldNames::name`] puts it in the user's words ("Item
    /// 2.2, Docs").
    pub field: Field,
    /// Shared, as the label is: one typo repeated down Annex A is said the same for each entry.
    pub message: Arc<str>,
    /// Held in place, not boxed: an edit is small (what it inserts is boxed), and a large draft
    /// register's thousands of uncited entries each offer a fix, which would be as many
    /// allocations on each keystroke.
    pub fix: Option<Fix>,
}
