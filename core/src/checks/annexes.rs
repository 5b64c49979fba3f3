//! Annexes: every reference names an annex that exists, and every free-text annex is referred
//! to. Annex A is the register; B … are the free-text annexes. A reference to a missing annex
//! sends the reader looking for a page that is not there.

use std::collections::HashSet;

use super::{Code, Ctx};
use crate::edit::{AnnexField, Field};
use crate::model::{annex_letter, REGISTER_LETTER};

/// The annexes referred to so far in a pass.
#[derive(Default)]
pub(super) struct Referenced<'a> {
    letters: HashSet<&'a str>,
}

impl<'a> Referenced<'a> {
    /// A reference to Annex `letter` from `field`.
    pub(super) fn mention(&mut self, cx: &mut Ctx, letter: &'a str, field: Field) {
        let a = cx.agenda;
        let exists = letter.starts_with(REGISTER_LETTER) && letter.len() == 1
            || (0..a.annexes.len()).any(|i| annex_letter(i) == letter);
        if exists {
            self.letters.insert(letter);
            return;
        }
        let last = if a.annexes.is_empty() {
            "only Annex A, the register".to_string()
        } else {
            format!("annexes A to {}", annex_letter(a.annexes.len() - 1))
        };
        cx.push(
            Code::AnnexMissing,
            field,
            format!("Annex {letter} does not exist: this agenda has {last}."),
            None,
        );
    }

    /// Once the walk is done: the annexes nothing referred to.
    pub(super) fn check(&self, cx: &mut Ctx) {
        for (i, an) in cx.agenda.annexes.iter().enumerate() {
            let letter = annex_letter(i);
            if !self.letters.contains(letter.as_str()) {
                cx.push(
                    Code::AnnexUnreferenced,
                    Field::Annex { annex: an.id, field: AnnexField::Title },
                    format!("Nothing in the agenda refers to Annex {letter}."),
                    None,
                );
            }
        }
    }
}
