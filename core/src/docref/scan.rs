//! The scanner that finds what free text cites: documents, annexes and other items ("see
//! TD515", "Annex B", "as agreed under item 2.2"). The checks run it over every text of the
//! agenda on every keystroke, so it reads bytes, borrows what it finds and skips most words
//! unread.

use super::number::{Cursor, Written};

/// Letters, digits and the bytes of non-ASCII characters, as a table: the scanner asks this of
/// nearly every byte of a text.
const WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = (c as u8).is_ascii_alphanumeric() || c >= 0x80;
        c += 1;
    }
    table
};

#[inline]
fn is_word_byte(c: u8) -> bool {
    WORD_BYTES[usize::from(c)]
}

/// A byte that carries a word on as the scanner reads it ("SG17-TD580", "C24/59"): no mention
/// starts right after one, nor ends right before one.
#[inline]
fn joins_word(c: u8) -> bool {
    is_word_byte(c) || c == b'-' || c == b'/'
}

/// The first byte of a text that a mention [`scan_as_written`] finds can hold: a digit (document and item
/// numbers have them), or the x of the word "annex". Most texts (titles, notes) have neither,
/// and a look at eight bytes at a time spares them the scanner.
fn first_hit(b: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let hit = |i: usize| {
        b[i].is_ascii_digit() || (b[i] | 0x20) == b'x' && i >= 4 && b[i - 4..i].eq_ignore_ascii_case(b"anne")
    };
    let (words, tail) = b.as_chunks::<8>();
    for (k, w) in words.iter().enumerate() {
        let w = u64::from_le_bytes(*w);
        // Bytes 0x30–0x3F (the digits, and a few signs), and x or X (of "annex"), are worth a
        // look: each becomes a zero byte in one of these two words.
        let digits = (w & 0xF0F0_F0F0_F0F0_F0F0) ^ 0x3030_3030_3030_3030;
        let x = (w | 0x2020_2020_2020_2020) ^ 0x7878_7878_7878_7878;
        let zero_byte = (digits.wrapping_sub(ONES) & !digits | x.wrapping_sub(ONES) & !x) & HIGH_BITS;
        if zero_byte != 0 {
            if let Some(i) = (8 * k..8 * k + 8).find(|&i| hit(i)) {
                return Some(i);
            }
        }
    }
    // The last few bytes one by one: copying them into a word of their own cost a call to
    // memcpy for every text.
    (b.len() - tail.len()..b.len()).find(|&i| hit(i))
}

/// Where the scan of a text can start, given its first hit (see [`first_hit`]): every mention
/// holds a hit, and none starts more than two words before the word of its first hit ("see
/// item 2.2", "TSAG-TD 025"), so none starts before the second word ahead of the first hit. A
/// word here runs on through dashes and slashes, as the scanner reads it; from the start of one
/// the scanner reads on exactly as it would have from the start of the text, having found
/// nothing before it. Spares the scanner the words ahead of a text's first number.
fn scan_start(b: &[u8], hit: usize) -> usize {
    let mut i = hit;
    for word in 0..3 {
        if word > 0 {
            while i > 0 && !joins_word(b[i - 1]) {
                i -= 1;
            }
        }
        while i > 0 && joins_word(b[i - 1]) {
            i -= 1;
        }
    }
    i
}

/// Whether a meeting document can start at `i`: "TD" or "C", at most one space and a digit, or
/// a group prefix ("SG17-"), as the number reader reads them. Most words of a text are
/// neither, and are passed over without being read as a number.
fn may_start_document(b: &[u8], i: usize) -> bool {
    let series = if b.len() - i >= 2 && b[i..i + 2].eq_ignore_ascii_case(b"TD") {
        Some(i + 2)
    } else if (b[i] | 0x20) == b'c' {
        Some(i + 1)
    } else {
        None
    };
    if let Some(mut j) = series {
        if b.get(j) == Some(&b' ') {
            j += 1;
        }
        if b.get(j).is_some_and(u8::is_ascii_digit) {
            return true;
        }
    }
    let mut end = i;
    while end < b.len() && b[end].is_ascii_alphanumeric() {
        end += 1;
    }
    b.get(end) == Some(&b'-')
}

/// Something free text cites, borrowed from the text that cites it: the checks scan every text
/// on every keystroke, and most mentions need no copy.
pub(crate) enum Mentioned<'t> {
    Document(Written<'t>),
    /// The letter, upper case.
    Annex(&'t str),
    Item(&'t str),
}

/// Finds the document numbers, annexes and item numbers free text cites ("Meeting report to be
/// found in TD515", "see Annex B", "as agreed under item 2.2") and hands each to `found` as the
/// text writes it. Outside references (C24/59, TSAG-R4(2024-01)) are not documents of the
/// meeting and are skipped.
pub(crate) fn scan_as_written<'t>(text: &'t str, mut found: impl FnMut(Mentioned<'t>)) {
    let b = text.as_bytes();
    let Some(hit) = first_hit(b) else {
        return;
    };
    let mut i = scan_start(b, hit);
    while i < b.len() {
        let c = b[i];
        if !c.is_ascii_alphabetic() || i > 0 && joins_word(b[i - 1]) {
            i += 1;
            continue;
        }
        let upper = c.to_ascii_uppercase();
        // Lower-case "td5" in prose is too often something else.
        if c.is_ascii_uppercase()
            && (upper == b'T' || upper == b'C' || upper == b'S')
            && may_start_document(b, i)
        {
            let mut cur = Cursor::new(text, i);
            if let Some(d) = cur.document_as_written(false) {
                found(Mentioned::Document(d));
                i = cur.pos;
                continue;
            }
        }
        if upper == b'A' {
            let mut cur = Cursor::new(text, i);
            if cur.eat_ci("annex ") && cur.peek().is_some_and(|l| l.is_ascii_uppercase()) {
                let next = b.get(cur.pos + 1).copied();
                // "Annex E of (TSAG-R4(2024-01))" is an annex of another text, not ours.
                let tail = &b[(cur.pos + 1).min(b.len())..];
                let of_another = tail.len() >= 4
                    && (tail[..4].eq_ignore_ascii_case(b" of ") || tail[..4].eq_ignore_ascii_case(b" to "));
                if !next.is_some_and(is_word_byte) && !of_another {
                    found(Mentioned::Annex(&text[cur.pos..cur.pos + 1]));
                    i = cur.pos + 1;
                    continue;
                }
            }
        }
        // "see …" and "item …" only: most words starting with S or I are neither.
        let second = b.get(i + 1).map(|c| c | 0x20);
        if upper == b'S' && second == Some(b'e') || upper == b'I' && second == Some(b't') {
            let mut cur = Cursor::new(text, i);
            let keyword =
                cur.eat_ci("see item ") || cur.eat_ci("see ") || cur.eat_ci("items ") || cur.eat_ci("item ");
            if keyword {
                let start = cur.pos;
                let mut end = start;
                loop {
                    let d = cur.digits();
                    if d.is_empty() || d.len() > 3 {
                        break;
                    }
                    end = cur.pos;
                    if !(cur.peek() == Some(b'.') && b.get(cur.pos + 1).is_some_and(|c| c.is_ascii_digit())) {
                        break;
                    }
                    cur.pos += 1;
                }
                let next = b.get(end).copied();
                if end > start && !next.is_some_and(joins_word) {
                    found(Mentioned::Item(&text[start..end]));
                    i = end;
                    continue;
                }
            }
        }
        // Skip the rest of this word.
        while i < b.len() && is_word_byte(b[i]) {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the scanner finds in `text`, each as a user would write it: "TD515", "Annex B",
    /// "item 2.2".
    fn found(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        scan_as_written(text, |m| {
            out.push(match m {
                Mentioned::Document(d) => d.to_id().to_string(),
                Mentioned::Annex(l) => format!("Annex {l}"),
                Mentioned::Item(n) => format!("item {n}"),
            })
        });
        out
    }

    #[test]
    fn scanning_free_text_finds_what_it_cites() {
        assert_eq!(
            found(
                "Meeting report to be found in TD515. See Annex B and see 2.2; Annex E of TSAG-R4; (C24/59 Rev.1), \
                 C24/139, TSAG-R4(2024-01), tables 2-12, 2028-2031, PP-22 Res. 71, SG17-TD580R1, C 005."
            ),
            ["TD515", "Annex B", "item 2.2", "SG17-TD580R1", "C005"]
        );
    }

    #[test]
    fn study_group_tds_are_found_with_their_part() {
        assert_eq!(
            found(
                "Approved in SG9-TD163/GEN; see TD 200/WP1, TD170R1/PLEN and TD 171/GEN Rev.2, not C24/59."
            ),
            ["SG9-TD163/GEN", "TD200/WP1", "TD170R1/PLEN", "TD171R2/GEN"]
        );
        assert_eq!(found("TD163/GN and TD163/GENERAL"), Vec::<String>::new());
    }

    #[test]
    fn mentions_that_start_words_ahead_of_their_first_digit_are_found() {
        // The scanner starts two words ahead of a text's first digit (or annex's x).
        assert_eq!(found("A long title, then see 2.2"), ["item 2.2"]);
        assert_eq!(found("As discussed, items 4 and TSAG-TD 025"), ["item 4", "TSAG-TD025"]);
        assert_eq!(found("Words and words, TSAG-TD 025 Rev.1"), ["TSAG-TD025R1"]);
        assert_eq!(found("Terms of reference in Annex B"), ["Annex B"]);
        assert_eq!(found("Nothing to see here"), Vec::<String>::new());
    }
}
