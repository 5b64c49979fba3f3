//! Document numbers as people write them (TD514, TD 025 Rev.1, C103, SG17-TD580), references to
//! annexes and outside texts (C24/59 Rev.1, TSAG-R4(2024-01)), and the scanner that finds them
//! in free text. Reading is forgiving; display is one canonical form; nothing typed is dropped:
//! what cannot be read is kept verbatim as [`DocNumber::Unparsed`] for the checks to report.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The two series of numbered meeting documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Series {
    /// Temporary document (TD).
    Td,
    /// Contribution (C).
    Contribution,
}

impl Series {
    pub fn letters(self) -> &'static str {
        match self {
            Series::Td => "TD",
            Series::Contribution => "C",
        }
    }
}

/// The digits of a document number as written, at most six (more is not read as a document
/// number), kept in place: a register of thousands of entries would otherwise hold a heap string
/// for each, and the checks, which read every one on each keystroke, would wait on each.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Digits {
    bytes: [u8; Digits::MAX],
    len: u8,
}

impl Digits {
    pub const MAX: usize = 6;

    /// None unless `text` is one to six ASCII digits.
    pub fn new(text: &str) -> Option<Digits> {
        let b = text.as_bytes();
        if b.is_empty() || b.len() > Digits::MAX || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let mut bytes = [0; Digits::MAX];
        bytes[..b.len()].copy_from_slice(b);
        Some(Digits { bytes, len: b.len() as u8 })
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).expect("ASCII digits")
    }

    /// The number they write: "025" is 25.
    pub fn value(&self) -> u32 {
        self.bytes[..usize::from(self.len)].iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'))
    }
}

impl fmt::Debug for Digits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// A meeting document: series, number, optional group prefix and revision.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DocId {
    /// A group prefix such as "SG17", upper-cased; None for the agenda's own group.
    pub prefix: Option<String>,
    pub series: Series,
    /// The digits as written: "025" stays "025" on display, but matches "25".
    pub digits: Digits,
    pub revision: Option<u32>,
}

/// What identifies a document across its revisions: TD667 and TD667R1 share a key.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocKey {
    pub prefix: Option<String>,
    pub series: Series,
    pub number: u32,
}

impl DocId {
    pub fn key(&self) -> DocKey {
        DocKey { prefix: self.prefix.clone(), series: self.series, number: self.digits.value() }
    }

    /// The same document at another revision (None = the original).
    pub fn with_revision(&self, revision: Option<u32>) -> DocId {
        DocId { revision, ..self.clone() }
    }

    /// The canonical form piece by piece, for Display and for [`DocId::write_to`].
    fn pieces(&self, mut put: impl FnMut(&str)) {
        if let Some(p) = &self.prefix {
            put(p);
            put("-");
        }
        put(self.series.letters());
        put(self.digits.as_str());
        if let Some(r) = self.revision {
            put("R");
            put(Decimal::new(u64::from(r)).as_str());
        }
    }

    /// Appends what Display writes, without the formatting machinery: the checks name
    /// documents in thousands of findings.
    pub fn write_to(&self, out: &mut String) {
        self.pieces(|s| out.push_str(s));
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_pieces(f, |put| self.pieces(put))
    }
}

/// A number in decimal on the stack, for texts built without the formatting machinery.
pub(crate) struct Decimal {
    digits: [u8; 20],
    start: usize,
}

impl Decimal {
    pub(crate) fn new(mut n: u64) -> Decimal {
        let mut d = Decimal { digits: [0; 20], start: 20 };
        loop {
            d.start -= 1;
            d.digits[d.start] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                return d;
            }
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits[self.start..]).expect("ASCII digits")
    }
}

/// Anything that may stand in an item's Docs column or in the register's number column.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DocNumber {
    /// A document of the meeting, expected in the register (Annex A).
    Document(DocId),
    /// An annex of this agenda, by letter: "Annex B".
    Annex(String),
    /// A text from outside the meeting (C24/59 Rev.1, TSAG-R4(2024-01), PP-22 Res. 71):
    /// cited, never registered.
    Outside(String),
    /// What could not be read, kept exactly as written.
    Unparsed(String),
}

impl DocNumber {
    /// Reads one number in any form people write; never fails.
    pub fn parse(text: &str) -> DocNumber {
        let t = collapse_spaces(text.trim());
        if t.is_empty() {
            return DocNumber::Unparsed(String::new());
        }
        if let Some(letter) = parse_annex(&t) {
            return DocNumber::Annex(letter);
        }
        let mut cur = Cursor::new(&t, 0);
        if let Some(id) = cur.document(true) {
            if cur.at_end() {
                return DocNumber::Document(id);
            }
        }
        if let Some(canon) = parse_outside(&t) {
            return DocNumber::Outside(canon);
        }
        DocNumber::Unparsed(t)
    }

    pub fn as_document(&self) -> Option<&DocId> {
        match self {
            DocNumber::Document(id) => Some(id),
            _ => None,
        }
    }

    /// The canonical form piece by piece, for Display and for [`DocNumber::write_to`].
    fn pieces(&self, mut put: impl FnMut(&str)) {
        match self {
            DocNumber::Document(id) => id.pieces(put),
            DocNumber::Annex(l) => {
                put("Annex ");
                put(l);
            }
            DocNumber::Outside(s) | DocNumber::Unparsed(s) => put(s),
        }
    }

    /// Appends what Display writes, without the formatting machinery.
    pub fn write_to(&self, out: &mut String) {
        self.pieces(|s| out.push_str(s));
    }
}

impl fmt::Display for DocNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_pieces(f, |put| self.pieces(put))
    }
}

/// Writes a text given piece by piece to a formatter, stopping at the first error.
fn write_pieces(f: &mut fmt::Formatter<'_>, pieces: impl FnOnce(&mut dyn FnMut(&str))) -> fmt::Result {
    let mut result = Ok(());
    pieces(&mut |s| {
        if result.is_ok() {
            result = f.write_str(s);
        }
    });
    result
}

impl Serialize for DocNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DocNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(DocNumber::parse(&String::deserialize(d)?))
    }
}

impl JsonSchema for DocNumber {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DocNumber".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A document number in canonical form (TD514, TD667R1, C103, SG17-TD580), an annex (Annex B), an outside reference (C24/59 Rev.1), or any other text kept as written.",
            "examples": ["TD667R1", "C103", "Annex B", "TSAG-R4(2024-01)"]
        })
    }
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse_annex(t: &str) -> Option<String> {
    let rest = t.get(..6).filter(|p| p.eq_ignore_ascii_case("annex "))?;
    let letter = t[rest.len()..].trim();
    (letter.len() == 1 && letter.as_bytes()[0].is_ascii_alphabetic()).then(|| letter.to_ascii_uppercase())
}

/// Recognised outside references, in canonical spacing.
fn parse_outside(t: &str) -> Option<String> {
    let b = t.as_bytes();
    let mut c = Cursor::new(t, 0);
    // Council documents: C24/59, C24/59 Rev.1
    if c.eat_ci("C") {
        let year = c.digits();
        if !year.is_empty() && c.eat("/") {
            let n = c.digits();
            if !n.is_empty() {
                let rev = c.revision();
                if c.at_end() {
                    let mut s = format!("C{year}/{n}");
                    if let Some(r) = rev {
                        s.push_str(&format!(" Rev.{r}"));
                    }
                    return Some(s);
                }
            }
        }
    }
    // Reports of a group: TSAG-R4, TSAG-R4(2024-01), SG17-R12
    let mut c = Cursor::new(t, 0);
    let group = c.word();
    if !group.is_empty() && c.eat("-") && c.eat_ci("R") {
        let n = c.digits();
        if !n.is_empty() {
            let mut s = format!("{}-R{n}", group.to_ascii_uppercase());
            let save = c.pos;
            c.skip_spaces();
            if c.eat("(") {
                let inner_start = c.pos;
                while c.pos < b.len() && b[c.pos] != b')' {
                    c.pos += 1;
                }
                let inner = &t[inner_start..c.pos];
                if c.eat(")") {
                    s.push_str(&format!("({inner})"));
                } else {
                    // An unclosed "(" is not part of the number: it was dropped, and "C0-R0(" then
                    // saved as "C0-R0", which reads back as the contribution C0R0.
                    c.pos = save;
                }
            } else {
                c.pos = save;
            }
            if c.at_end() {
                return Some(s);
            }
        }
    }
    // Resolutions: "Res. 71", "PP-22 Res. 71", "Resolution 1428"
    let lower = t.to_ascii_lowercase();
    for word in ["resolution ", "res. ", "res "] {
        // The last occurrence: with the first, "Res. Res. 1" (the canonical form of "Res.res 1")
        // read back as unparsed text, so a saved number did not load as the same number.
        if let Some(at) = lower.rfind(word) {
            let n = lower[at + word.len()..].trim();
            if !n.is_empty() && n.bytes().all(|x| x.is_ascii_digit()) {
                let by = t[..at].trim();
                return Some(if by.is_empty() { format!("Res. {n}") } else { format!("{by} Res. {n}") });
            }
        }
    }
    // Recommendations: "ITU-T X.509", "Rec. ITU-T Y.3172"
    let rec = t.strip_prefix("Rec. ").unwrap_or(t);
    if let Some(r) = rec.strip_prefix("ITU-T ") {
        let mut rb = r.bytes();
        if rb.next().is_some_and(|x| x.is_ascii_uppercase())
            && rb.next() == Some(b'.')
            && r.len() > 2
            && r[2..].bytes().all(|x| x.is_ascii_digit() || x == b'.')
        {
            return Some(format!("ITU-T {r}"));
        }
    }
    None
}

/// A small byte cursor for the hand-written parsers: the scanner runs on every keystroke over
/// every text of the agenda, so it avoids regexes and allocations on the common path.
struct Cursor<'a> {
    /// The text, to slice what is read from it without checking it again as UTF-8.
    s: &'a str,
    b: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str, pos: usize) -> Self {
        Cursor { s, b: s.as_bytes(), pos }
    }
    fn at_end(&self) -> bool {
        self.pos >= self.b.len()
    }
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }
    fn eat(&mut self, s: &str) -> bool {
        if self.b[self.pos..].starts_with(s.as_bytes()) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }
    fn eat_ci(&mut self, s: &str) -> bool {
        let n = s.len();
        if self.b.len() - self.pos >= n && self.b[self.pos..self.pos + n].eq_ignore_ascii_case(s.as_bytes()) {
            self.pos += n;
            true
        } else {
            false
        }
    }
    fn skip_spaces(&mut self) -> usize {
        let start = self.pos;
        while self.peek() == Some(b' ') {
            self.pos += 1;
        }
        self.pos - start
    }
    fn digits(&mut self) -> &'a str {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        &self.s[start..self.pos]
    }
    fn word(&mut self) -> &'a str {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
            self.pos += 1;
        }
        &self.s[start..self.pos]
    }

    /// A revision suffix: R1, -R1, r1, " R1", Rev.1, Rev. 1, Rev 1, "-Rev.1".
    fn revision(&mut self) -> Option<u32> {
        let save = self.pos;
        self.skip_spaces();
        self.eat("-");
        if self.eat_ci("rev") {
            self.eat(".");
            self.skip_spaces();
        } else if !self.eat_ci("r") {
            self.pos = save;
            return None;
        }
        let d = self.digits();
        // "R1a" is not a revision; "Rev.1" followed by a letter neither.
        if d.is_empty() || d.len() > 3 || self.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
            self.pos = save;
            return None;
        }
        d.parse().ok()
    }

    /// A meeting document at the cursor. `whole` allows a space between letters and digits for
    /// contributions ("C 005"), which free text only allows with 3+ digits (see [`scan`]).
    fn document(&mut self, whole: bool) -> Option<DocId> {
        self.document_as_written(whole).map(|d| d.to_id())
    }

    /// [`Cursor::document`], borrowing the text instead of copying it.
    fn document_as_written(&mut self, whole: bool) -> Option<Written<'a>> {
        let start = self.pos;
        let fail = |c: &mut Self| {
            c.pos = start;
            None
        };
        // Optional group prefix: "SG17-", "TSAG-".
        let mut prefix = None;
        let save = self.pos;
        let w = self.word();
        if !w.is_empty()
            && self.peek() == Some(b'-')
            && w.bytes().next().is_some_and(|c| c.is_ascii_alphabetic())
        {
            let after_dash = self.pos + 1;
            let mut probe = Cursor::new(self.s, after_dash);
            if probe.eat_ci("TD") || probe.eat_ci("C") {
                prefix = Some(w);
                self.pos = after_dash;
            } else {
                self.pos = save;
            }
        } else {
            self.pos = save;
        }
        let series = if self.eat_ci("TD") {
            Series::Td
        } else if self.eat_ci("C") {
            Series::Contribution
        } else {
            return fail(self);
        };
        let spaces = self.skip_spaces();
        let written = self.digits();
        let Some(digits) = Digits::new(written).filter(|_| spaces <= 1) else {
            return fail(self);
        };
        if series == Series::Contribution && spaces == 1 && !whole && written.len() < 3 {
            return fail(self);
        }
        // C24/59 is a Council document, not contribution 24.
        if self.peek() == Some(b'/') {
            return fail(self);
        }
        let revision = self.revision();
        if self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'/') {
            return fail(self);
        }
        Some(Written { prefix, series, digits, revision })
    }
}

/// A meeting document as a text writes it, borrowed from the text.
#[derive(Clone, Copy)]
pub(crate) struct Written<'t> {
    /// The group prefix as written, in any case.
    pub(crate) prefix: Option<&'t str>,
    pub(crate) series: Series,
    pub(crate) digits: Digits,
    pub(crate) revision: Option<u32>,
}

impl Written<'_> {
    pub(crate) fn to_id(self) -> DocId {
        DocId {
            prefix: self.prefix.map(str::to_ascii_uppercase),
            series: self.series,
            digits: self.digits,
            revision: self.revision,
        }
    }
}

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
}

fn yes() -> bool {
    true
}

impl DocRef {
    pub fn new(number: &str) -> DocRef {
        DocRef { number: DocNumber::parse(number), introduced: true, note: String::new() }
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
                }));
                continue;
            }
        }
        out.push(DocRef { number, introduced, note: String::new() });
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

/// Something free text refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mention {
    Document(DocId),
    Annex(String),
    /// "see 2.2", "item 3": a number of another agenda item.
    Item(String),
}

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

/// The first byte of a text that a mention [`scan`] finds can hold: a digit (document and item
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
/// a group prefix ("SG17-"), as [`Cursor::document`] reads them. Most words of a text are
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

/// Finds document numbers, annexes and item numbers mentioned in free text
/// ("Meeting report to be found in TD515", "see Annex B", "as agreed under item 2.2").
/// Outside references (C24/59, TSAG-R4(2024-01)) are not documents of the meeting and are skipped.
pub fn scan(text: &str, out: &mut Vec<Mention>) {
    scan_as_written(text, |m| {
        out.push(match m {
            Mentioned::Document(d) => Mention::Document(d.to_id()),
            Mentioned::Annex(l) => Mention::Annex(l.to_string()),
            Mentioned::Item(n) => Mention::Item(n.to_string()),
        })
    });
}

/// A [`Mention`] borrowed from the text that makes it: the checks scan every text on every
/// keystroke, and most mentions need no copy.
pub(crate) enum Mentioned<'t> {
    Document(Written<'t>),
    /// The letter, upper case.
    Annex(&'t str),
    Item(&'t str),
}

/// [`scan`], handing each mention to `found` as the text writes it.
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

    fn canon(s: &str) -> String {
        DocNumber::parse(s).to_string()
    }

    #[test]
    fn meeting_documents_in_every_written_form() {
        assert_eq!(canon("TD514"), "TD514");
        assert_eq!(canon("TD 514"), "TD514");
        assert_eq!(canon("TD667R1"), "TD667R1");
        assert_eq!(canon("TD624R2"), "TD624R2");
        assert_eq!(canon("TD 025 Rev.1"), "TD025R1");
        assert_eq!(canon("td 025 rev 1"), "TD025R1");
        assert_eq!(canon("TD667-R1"), "TD667R1");
        assert_eq!(canon("C103"), "C103");
        assert_eq!(canon("C 005 Rev.1"), "C005R1");
        assert_eq!(canon("SG17-TD580"), "SG17-TD580");
        assert_eq!(canon("sg17-td580r3"), "SG17-TD580R3");
        assert!(matches!(DocNumber::parse("TD514"), DocNumber::Document(_)));
    }

    #[test]
    fn revisions_share_a_key_and_leading_zeros_match() {
        let a = DocNumber::parse("TD667").as_document().unwrap().key();
        let b = DocNumber::parse("TD667R1").as_document().unwrap().key();
        assert_eq!(a, b);
        let z = DocNumber::parse("TD 025").as_document().unwrap().key();
        assert_eq!(z, DocNumber::parse("TD25").as_document().unwrap().key());
    }

    #[test]
    fn outside_references_and_annexes() {
        assert_eq!(DocNumber::parse("C24/59 Rev.1"), DocNumber::Outside("C24/59 Rev.1".into()));
        assert_eq!(DocNumber::parse("C24/59 rev 1"), DocNumber::Outside("C24/59 Rev.1".into()));
        assert_eq!(DocNumber::parse("TSAG-R4(2024-01)"), DocNumber::Outside("TSAG-R4(2024-01)".into()));
        assert_eq!(DocNumber::parse("PP-22 Res. 71"), DocNumber::Outside("PP-22 Res. 71".into()));
        assert_eq!(DocNumber::parse("Annex b"), DocNumber::Annex("B".into()));
    }

    #[test]
    fn what_cannot_be_read_is_kept_verbatim() {
        assert_eq!(DocNumber::parse("  TD five "), DocNumber::Unparsed("TD five".into()));
        assert_eq!(DocNumber::parse("TD514x"), DocNumber::Unparsed("TD514x".into()));
    }

    #[test]
    fn docs_cells_keep_parentheses_and_every_piece() {
        let docs = parse_docs_cell("TD514, (TD526); C103\n(TSAG-R4(2024-01)), TD5x");
        let printed: Vec<String> = docs.iter().map(DocRef::printed).collect();
        assert_eq!(printed, ["TD514", "(TD526)", "C103", "(TSAG-R4(2024-01))", "TD5x"]);
        assert_eq!(parse_docs_cell("TD514 TD526").len(), 2);
        assert_eq!(format_docs_cell(&docs), "TD514, (TD526), C103, (TSAG-R4(2024-01)), TD5x");
    }

    #[test]
    fn scanning_free_text_finds_what_it_cites() {
        let mut m = Vec::new();
        scan(
            "Meeting report to be found in TD515. See Annex B and see 2.2; Annex E of TSAG-R4; (C24/59 Rev.1), C24/139, \
             TSAG-R4(2024-01), tables 2-12, 2028-2031, PP-22 Res. 71, SG17-TD580R1, C 005.",
            &mut m,
        );
        let want = vec![
            Mention::Document(DocNumber::parse("TD515").as_document().unwrap().clone()),
            Mention::Annex("B".into()),
            Mention::Item("2.2".into()),
            Mention::Document(DocNumber::parse("SG17-TD580R1").as_document().unwrap().clone()),
            Mention::Document(DocNumber::parse("C005").as_document().unwrap().clone()),
        ];
        assert_eq!(m, want);
    }

    #[test]
    fn mentions_that_start_words_ahead_of_their_first_digit_are_found() {
        // The scanner starts two words ahead of a text's first digit (or annex's x).
        let found = |text: &str| {
            let mut m = Vec::new();
            scan(text, &mut m);
            m
        };
        let doc = |n: &str| Mention::Document(DocNumber::parse(n).as_document().unwrap().clone());
        assert_eq!(found("A long title, then see 2.2"), [Mention::Item("2.2".into())]);
        assert_eq!(
            found("As discussed, items 4 and TSAG-TD 025"),
            [Mention::Item("4".into()), doc("TSAG-TD025")]
        );
        assert_eq!(found("Words and words, TSAG-TD 025 Rev.1"), [doc("TSAG-TD025R1")]);
        assert_eq!(found("Terms of reference in Annex B"), [Mention::Annex("B".into())]);
        assert_eq!(found("Nothing to see here"), []);
    }
}
