//! The text helpers of the checks: whether an item's title and source agree with the register's,
//! and trimming made cheap for texts read on every keystroke.

/// Words of a title that carry its meaning (no "X: " prefix, no parenthetical, no filler), as
/// sorted hashes: titles are compared on every keystroke, and a set of `String`s per title
/// cost most of a check pass.
pub(super) fn title_words(title: &str) -> Vec<u64> {
    let mut t = title.trim();
    if let Some((head, rest)) = t.split_once(':') {
        if head.split_whitespace().count() <= 6 && !rest.trim().is_empty() {
            t = rest;
        }
    }
    let mut words = Vec::with_capacity(t.len() / 4 + 1);
    let mut depth = 0;
    let mut word = Word::EMPTY;
    for c in t.chars() {
        match c {
            '(' => {
                words.extend(word.take());
                depth += 1
            }
            ')' => depth -= 1,
            _ if depth > 0 => {}
            // Dashes separate words: "2025-2028", "2025–2028" (Word's en dash) and "2028 - 2031"
            // must read alike, or the same title typed two ways draws xref.title.
            c if c.is_ascii_alphanumeric() || c == '/' => word.push(c.to_ascii_lowercase() as u8),
            c if c.is_alphanumeric() => {
                for l in c.to_lowercase() {
                    l.encode_utf8(&mut [0; 4]).bytes().for_each(|b| word.push(b));
                }
            }
            _ => words.extend(word.take()),
        }
    }
    words.extend(word.take());
    words.sort_unstable();
    words.dedup();
    words
}

/// A title's word as it is read, a byte at a time and lower case, without a copy: its hash, its
/// length and its first bytes (enough to tell the filler words), the slashes at either end left
/// out ("/" joins "ITU-T/TSB" but is no word of its own). Titles are read on every keystroke,
/// and a `String` per word cost most of reading them.
struct Word {
    hash: u64,
    len: usize,
    head: [u8; 8],
    /// Slashes read after the last other byte: part of the word only if more follows.
    slashes: usize,
}

impl Word {
    const EMPTY: Word = Word { hash: FNV_START, len: 0, head: [0; 8], slashes: 0 };

    fn push(&mut self, b: u8) {
        if b == b'/' {
            // Leading slashes are never part of the word.
            self.slashes += usize::from(self.len > 0);
            return;
        }
        for _ in 0..std::mem::take(&mut self.slashes) {
            self.byte(b'/');
        }
        self.byte(b);
    }

    fn byte(&mut self, b: u8) {
        if let Some(h) = self.head.get_mut(self.len) {
            *h = b;
        }
        self.len += 1;
        self.hash = fnv(self.hash, &[b]);
    }

    /// The word's hash, unless it is empty or filler; starts the next word.
    fn take(&mut self) -> Option<u64> {
        const FILLER: &[&str] = &[
            "the", "of", "for", "a", "an", "and", "to", "in", "on", "by", "with", "from", "draft", "updated",
            "revised", "new", "s",
        ];
        let w = std::mem::replace(self, Word::EMPTY);
        let filler = || w.len <= w.head.len() && FILLER.iter().any(|f| f.as_bytes() == &w.head[..w.len]);
        (w.len > 0 && !filler()).then_some(w.hash)
    }
}

/// Whether every element of sorted `small` is in sorted `big`.
pub(super) fn sorted_subset(small: &[u64], big: &[u64]) -> bool {
    let mut j = 0;
    for x in small {
        while j < big.len() && big[j] < *x {
            j += 1;
        }
        if j == big.len() || big[j] != *x {
            return false;
        }
        j += 1;
    }
    true
}

/// Titles agree when one says no more than the other, once prefixes and filler are set aside:
/// "TSB: Schedule of meetings …" and "RG-SOP: Schedule of meetings …" agree.
pub fn titles_agree(a: &str, b: &str) -> bool {
    // The usual case, an item titled as its register entry, needs no words compared.
    if a == b || trimmed(a) == trimmed(b) {
        return true;
    }
    let (x, y) = (title_words(a), title_words(b));
    x.is_empty() || y.is_empty() || sorted_subset(&x, &y) || sorted_subset(&y, &x)
}

/// How much of an item's title is in the register's title, in the words that carry meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Overlap {
    /// The item title's words.
    pub(super) words: usize,
    /// Those of them the register's title has too.
    pub(super) shared: usize,
}

/// The words of `item_title` that `register_title` shares.
pub(super) fn overlap(item_title: &str, register_title: &str) -> Overlap {
    let (x, y) = (title_words(item_title), title_words(register_title));
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    Overlap { words: x.len(), shared }
}

/// FNV-1a over bytes: stable and allocation-free, plenty for telling words and names apart.
pub(super) fn fnv(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3))
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// The parties named in a source ("Ericsson Canada; Canada"), each with its spacing and case
/// folded ("Rapporteur , RG-IEM" is "rapporteur, rg-iem"), as sorted hashes.
pub(super) fn parties(source: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut lower = String::new();
    for party in source.split(';') {
        let mut h = FNV_START;
        let mut any = false;
        for (i, w) in party.split_whitespace().enumerate() {
            // A word that is only a comma joins the previous one: "RG-IEM ," reads "RG-IEM,".
            if i > 0 && !w.starts_with(',') {
                h = fnv(h, b" ");
            }
            let bytes = if w.is_ascii() {
                lower.clear();
                lower.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
                lower.as_bytes()
            } else {
                lower = w.to_lowercase();
                lower.as_bytes()
            };
            h = fnv(h, bytes);
            any = true;
        }
        if any {
            out.push(h);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Sources agree when one names no party the other does not ("ITU/SG/SPM" against
/// "TSB; ITU/SG/SPM").
pub fn sources_agree(a: &str, b: &str) -> bool {
    if a == b || trimmed(a) == trimmed(b) {
        return true;
    }
    let (x, y) = (parties(a), parties(b));
    x.is_empty() || y.is_empty() || sorted_subset(&x, &y) || sorted_subset(&y, &x)
}

/// `s.trim()`, without reading characters when `s` plainly starts and ends with something other
/// than a space or a non-ASCII character, as nearly every text does.
pub(super) fn trimmed(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(&first), Some(&last)) if (b'!'..0x80).contains(&first) && (b'!'..0x80).contains(&last) => s,
        _ => s.trim(),
    }
}

/// `s.trim_end_matches('.')`, a byte at a time: the pattern machinery cost more than the rest
/// of reading an action.
pub(super) fn without_final_dots(s: &str) -> &str {
    let mut end = s.len();
    while end > 0 && s.as_bytes()[end - 1] == b'.' {
        end -= 1;
    }
    &s[..end]
}

/// Joins pieces into one string of the right size: a pass writes the texts of thousands of
/// findings, and `format!` costs several times this.
pub(super) fn concat(pieces: &[&str]) -> String {
    let mut s = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for p in pieces {
        s.push_str(p);
    }
    s
}
