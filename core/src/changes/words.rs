//! The words inserted and deleted between two versions of a text, as a revised TD marks them.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// A run of a text's words: kept, inserted or deleted. Runs keep their spaces and line breaks,
/// so joining the kept and inserted runs gives the new text back exactly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "words", content = "text", rename_all = "snake_case")]
pub enum Words {
    Kept(String),
    Inserted(String),
    Deleted(String),
}

/// The runs that turn `old` into `new`, neighbouring runs of one kind joined.
///
/// The difference is Myers' (through `similar`), which stays fast on the long, nearly equal
/// texts that revisions are, where a plain longest-common-subsequence table would be quadratic.
pub fn words(old: &str, new: &str) -> Vec<Words> {
    let diff = TextDiff::from_words(old, new);
    let mut out: Vec<Words> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match (out.last_mut(), change.tag()) {
            (Some(Words::Kept(s)), ChangeTag::Equal)
            | (Some(Words::Inserted(s)), ChangeTag::Insert)
            | (Some(Words::Deleted(s)), ChangeTag::Delete) => s.push_str(text),
            (_, ChangeTag::Equal) => out.push(Words::Kept(text.to_string())),
            (_, ChangeTag::Insert) => out.push(Words::Inserted(text.to_string())),
            (_, ChangeTag::Delete) => out.push(Words::Deleted(text.to_string())),
        }
    }
    out
}

/// The text on one side of the runs: the old one (kept and deleted) or the new one.
pub fn side(runs: &[Words], new: bool) -> String {
    runs.iter()
        .filter_map(|r| match r {
            Words::Kept(s) => Some(s.as_str()),
            Words::Inserted(s) if new => Some(s.as_str()),
            Words::Deleted(s) if !new => Some(s.as_str()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_changed_in_a_title() {
        let runs = words("Report of Industy Engagement Workshop", "Report of Industry Engagement Workshop");
        assert_eq!(
            runs,
            [
                Words::Kept("Report of ".into()),
                Words::Deleted("Industy".into()),
                Words::Inserted("Industry".into()),
                Words::Kept(" Engagement Workshop".into()),
            ]
        );
        assert_eq!(side(&runs, false), "Report of Industy Engagement Workshop");
        assert_eq!(side(&runs, true), "Report of Industry Engagement Workshop");
    }
}
