//! The Docs cell of an item: what a user types there ("TD514, (TD526); C103"), read into
//! [`DocRef`]s, and written back the same way.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::number::DocNumber;

/// One entry of an item's Docs column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocRef {
    pub number: DocNumber,
    /// False for documents "not expected to be introduced", printed in parentheses.
    #[serde(default = "yes")]
    pub introduced: bool,
    /// A remark printed under the number, such as "Output of RG-IEM meeting".
    #[serde(default)]
    pub note: String,
    /// What became of the document at the meeting; none until the meeting says.
    #[serde(default)]
    pub status: Option<DocStatus>,
}

/// What became of a cited document at the meeting, as the report lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocStatus {
    Introduced,
    NotIntroduced,
    Noted,
    Approved,
    /// Replaced by another document: "revised as TD667R2".
    RevisedAs(DocNumber),
}

impl DocStatus {
    /// Every status without a number, in the order the editor offers them; "revised as" follows.
    pub const PLAIN: &'static [DocStatus] =
        &[DocStatus::Introduced, DocStatus::NotIntroduced, DocStatus::Noted, DocStatus::Approved];

    /// As the report prints it: "introduced", "revised as TD667R2".
    pub fn words(&self) -> String {
        match self {
            DocStatus::Introduced => "introduced".into(),
            DocStatus::NotIntroduced => "not introduced".into(),
            DocStatus::Noted => "noted".into(),
            DocStatus::Approved => "approved".into(),
            DocStatus::RevisedAs(n) => format!("revised as {n}"),
        }
    }

    /// Reads a status as typed ("Noted", "revised as TD 667 Rev.2", "Rev. as TD667R2"); None for
    /// anything else, which the caller reports.
    pub fn read(typed: &str) -> Option<DocStatus> {
        let t = typed.trim();
        if let Some(plain) = DocStatus::PLAIN.iter().find(|s| s.words().eq_ignore_ascii_case(t)) {
            return Some(plain.clone());
        }
        let lower = t.to_ascii_lowercase();
        let rest = ["revised as", "revised:", "revised", "rev. as", "rev as"]
            .iter()
            .find_map(|p| lower.strip_prefix(p).map(|_| t[p.len()..].trim()))?;
        match DocNumber::parse(rest) {
            n @ DocNumber::Document(_) => Some(DocStatus::RevisedAs(n)),
            _ => None,
        }
    }
}

fn yes() -> bool {
    true
}

impl DocRef {
    pub fn new(number: &str) -> DocRef {
        DocRef { number: DocNumber::parse(number), introduced: true, note: String::new(), status: None }
    }

    /// As printed in the Docs column: "TD526" or "(TD526)".
    pub fn printed(&self) -> String {
        if self.introduced {
            self.number.to_string()
        } else {
            format!("({})", self.number)
        }
    }
}

/// Reads a Docs cell as typed: "TD514, (TD526); C103" or "TD514 TD526". Every piece becomes a
/// reference; a piece in parentheses is not expected to be introduced.
pub fn parse_docs_cell(text: &str) -> Vec<DocRef> {
    let mut out = Vec::new();
    for piece in split_top_level(text) {
        let p = piece.trim();
        if p.is_empty() {
            continue;
        }
        let (inner, introduced) = match p.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
            Some(inner) if balanced(inner) => (inner.trim(), false),
            _ => (p, true),
        };
        let number = DocNumber::parse(inner);
        if let DocNumber::Unparsed(_) = number {
            // "TD514 TD526": several numbers separated by spaces only.
            let parts: Vec<DocNumber> = inner.split_whitespace().map(DocNumber::parse).collect();
            if parts.len() > 1 && parts.iter().all(|n| matches!(n, DocNumber::Document(_))) {
                out.extend(parts.into_iter().map(|number| DocRef {
                    number,
                    introduced,
                    note: String::new(),
                    status: None,
                }));
                continue;
            }
        }
        out.push(DocRef { number, introduced, note: String::new(), status: None });
    }
    out
}

/// The Docs cell as it would be typed back: the inverse of [`parse_docs_cell`] for anything it
/// produced (notes are edited separately).
pub fn format_docs_cell(docs: &[DocRef]) -> String {
    docs.iter().map(DocRef::printed).collect::<Vec<_>>().join(", ")
}

fn balanced(s: &str) -> bool {
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// Splits on commas, semicolons and newlines that are not inside parentheses.
fn split_top_level(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' | ';' | '\n' if depth <= 0 => {
                out.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_read_as_typed_and_print_in_words() {
        for s in DocStatus::PLAIN {
            assert_eq!(DocStatus::read(&s.words().to_uppercase()), Some(s.clone()));
        }
        let revised = Some(DocStatus::RevisedAs(DocNumber::parse("TD667R2")));
        for typed in ["revised as TD667R2", "Revised as TD 667 Rev.2", "rev. as td667r2", "Revised: TD667-R2"]
        {
            assert_eq!(DocStatus::read(typed), revised, "{typed}");
        }
        assert_eq!(revised.map(|s| s.words()).as_deref(), Some("revised as TD667R2"));
        for nonsense in ["", "presented", "revised as", "revised as Annex B", "revised as TD five"] {
            assert_eq!(DocStatus::read(nonsense), None, "{nonsense:?}");
        }
    }

    #[test]
    fn docs_cells_keep_parentheses_and_every_piece() {
        let docs = parse_docs_cell("TD514, (TD526); C103\n(TSAG-R4(2024-01)), TD5x");
        let printed: Vec<String> = docs.iter().map(DocRef::printed).collect();
        assert_eq!(printed, ["TD514", "(TD526)", "C103", "(TSAG-R4(2024-01))", "TD5x"]);
        assert_eq!(parse_docs_cell("TD514 TD526").len(), 2);
        assert_eq!(format_docs_cell(&docs), "TD514, (TD526), C103, (TSAG-R4(2024-01)), TD5x");
    }
}
