//! "Did you mean": the nearest word of a vocabulary (categories, actions) to a word it does not
//! know.

use std::collections::HashSet;

use rustc_hash::FxHashMap;

/// Edit distance, case-insensitive, for "did you mean" suggestions.
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The closest word of a vocabulary, if it is close enough to be a typo of it.
pub fn nearest<'v>(word: &str, vocabulary: &'v [String]) -> Option<&'v str> {
    let w = word.trim();
    let (best, d) = vocabulary.iter().map(|v| (v, distance(w, v))).min_by_key(|(_, d)| *d)?;
    (d <= (w.chars().count() / 4).max(2)).then_some(best.as_str())
}

/// Membership and "did you mean" for one vocabulary, with each distinct word's verdict worked
/// out once per pass: a register repeats a handful of categories (and typos) thousands of times.
pub(super) struct Suggestions<'v, 'a> {
    vocabulary: &'v [String],
    lower: HashSet<String>,
    verdicts: FxHashMap<&'a str, Option<Unknown<'v>>>,
    /// How many distinct unknown words there are so far.
    unknowns: usize,
}

/// A word a vocabulary does not know.
#[derive(Clone, Copy)]
pub(super) struct Unknown<'v> {
    /// Distinct unknown words are numbered from 0 in the order met, for texts about each word
    /// to be written once.
    pub(super) number: usize,
    /// The word of the vocabulary it may be a typo of.
    pub(super) near: Option<&'v str>,
}

impl<'v, 'a> Suggestions<'v, 'a> {
    pub(super) fn new(vocabulary: &'v [String]) -> Self {
        Suggestions {
            vocabulary,
            lower: vocabulary.iter().map(|v| v.to_lowercase()).collect(),
            verdicts: FxHashMap::default(),
            unknowns: 0,
        }
    }

    /// None for a word of the vocabulary; for any other, what is known about it.
    pub(super) fn unknown(&mut self, word: &'a str) -> Option<Unknown<'v>> {
        if self.vocabulary.iter().any(|v| v == word) {
            return None;
        }
        if let Some(v) = self.verdicts.get(word) {
            return *v;
        }
        let known = self.lower.contains(&word.to_lowercase());
        let v = (!known).then(|| Unknown { number: self.unknowns, near: nearest(word, self.vocabulary) });
        self.unknowns += usize::from(v.is_some());
        self.verdicts.insert(word, v);
        v
    }
}
