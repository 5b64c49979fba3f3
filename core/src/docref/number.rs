//! Document numbers as people write them (TD514, TD 025 Rev.1, C103, SG17-TD580,
//! SG9-TD163/GEN) and the
//! references that stand beside them in a Docs cell or the register (Annex B, C24/59 Rev.1,
//! TSAG-R4(2024-01)). Reading is forgiving, display is one canonical form, and nothing typed is
//! dropped: what cannot be read is kept verbatim as [`DocNumber::Unparsed`] for the checks to
//! report.

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

/// The part of a study group's meeting a TD is written for, after its number: "/GEN" (the
/// whole meeting), "/PLEN" (its plenary) or "/WP1" (working party 1). A study group numbers its
/// TDs in one series whatever their part, so the part says where a TD is filed, not which TD
/// it is: SG9-TD163/GEN and SG9-TD163 are the same document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    General,
    Plenary,
    /// A working party, by its number (1 to 99).
    WorkingParty(u8),
}

impl Part {
    /// The part as a TD's number writes it, after the slash: "GEN", "PLEN", "WP1".
    fn pieces(self, mut put: impl FnMut(&str)) {
        match self {
            Part::General => put("GEN"),
            Part::Plenary => put("PLEN"),
            Part::WorkingParty(n) => {
                put("WP");
                put(Decimal::new(u64::from(n)).as_str());
            }
        }
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_pieces(f, |put| self.pieces(put))
    }
}

/// A meeting document: series, number, optional group prefix, revision and part.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DocId {
    /// A group prefix such as "SG17", upper-cased; None for the agenda's own group.
    pub prefix: Option<String>,
    pub series: Series,
    /// The digits as written: "025" stays "025" on display, but matches "25".
    pub digits: Digits,
    pub revision: Option<u32>,
    /// "/GEN", "/PLEN", "/WP1" where the number carries one.
    pub part: Option<Part>,
}

/// What identifies a document across its revisions and parts: TD667 and TD667R1 share a key,
/// and so do TD163/GEN and TD163.
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

    /// The same document for another part of the meeting (None = no part written).
    pub fn with_part(&self, part: Option<Part>) -> DocId {
        DocId { part, ..self.clone() }
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
        // The revision before the part, as ITU-T headers write it: SG9-TD163R1/GEN.
        if let Some(part) = self.part {
            put("/");
            part.pieces(&mut put);
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

    /// What follows the slash of a text that reads as a meeting document up to it, where that
    /// is no part of a meeting: the "GN" of "TD163/GN". The one mistake of its kind worth
    /// naming to whoever typed it.
    pub fn unknown_part(text: &str) -> Option<&str> {
        let (head, tail) = text.rsplit_once('/')?;
        if !matches!(DocNumber::parse(head), DocNumber::Document(_)) {
            return None;
        }
        let word = &tail[..tail.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(tail.len())];
        word.bytes().next().is_some_and(|c| c.is_ascii_alphabetic()).then_some(word)
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
            "description": "A document number in canonical form (TD514, TD667R1, C103, SG17-TD580, SG9-TD163/GEN, SG9-TD163R1/WP1), an annex (Annex B), an outside reference (C24/59 Rev.1), or any other text kept as written.",
            "examples": ["TD667R1", "C103", "SG9-TD163/GEN", "Annex B", "TSAG-R4(2024-01)"]
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
                    // An unclosed "(" is not part of the number; dropping it would save "C0-R0(" as
                    // "C0-R0", which reads back as the contribution C0R0.
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
        // The last occurrence, so that "Res. Res. 1" (the canonical form of "Res.res 1") reads
        // back as the same number once saved; with the first it would be unparsed text.
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
pub(super) struct Cursor<'a> {
    /// The text, to slice what is read from it without checking it again as UTF-8.
    s: &'a str,
    b: &'a [u8],
    pub(super) pos: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(s: &'a str, pos: usize) -> Self {
        Cursor { s, b: s.as_bytes(), pos }
    }
    fn at_end(&self) -> bool {
        self.pos >= self.b.len()
    }
    pub(super) fn peek(&self) -> Option<u8> {
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
    pub(super) fn eat_ci(&mut self, s: &str) -> bool {
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
    pub(super) fn digits(&mut self) -> &'a str {
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
    /// contributions ("C 005"), which free text only allows with 3+ digits (see
    /// [`super::scan_as_written`]).
    fn document(&mut self, whole: bool) -> Option<DocId> {
        self.document_as_written(whole).map(|d| d.to_id())
    }

    /// [`Cursor::document`], borrowing the text instead of copying it.
    pub(super) fn document_as_written(&mut self, whole: bool) -> Option<Written<'a>> {
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
        // The revision and the part in either order: TD163R1/GEN, TD 163/GEN Rev.1.
        let mut revision = self.revision();
        let part = self.part();
        if part.is_some() && revision.is_none() {
            revision = self.revision();
        }
        // C24/59 is a Council document, not contribution 24; TD163/GN has no part to read.
        if self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'/') {
            return fail(self);
        }
        Some(Written { prefix, series, digits, revision, part })
    }

    /// A part after a slash: "/GEN", "/PLEN", "/WP1", in any case.
    fn part(&mut self) -> Option<Part> {
        let save = self.pos;
        if !self.eat("/") {
            return None;
        }
        let part = if self.eat_ci("GEN") {
            Some(Part::General)
        } else if self.eat_ci("PLEN") {
            Some(Part::Plenary)
        } else if self.eat_ci("WP") {
            let d = self.digits();
            d.parse::<u8>().ok().filter(|n| d.len() <= 2 && *n > 0).map(Part::WorkingParty)
        } else {
            None
        };
        // "/GENERAL" is not a part.
        if part.is_none() || self.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
            self.pos = save;
            return None;
        }
        part
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
    pub(crate) part: Option<Part>,
}

impl Written<'_> {
    pub(crate) fn to_id(self) -> DocId {
        DocId {
            prefix: self.prefix.map(str::to_ascii_uppercase),
            series: self.series,
            digits: self.digits,
            revision: self.revision,
            part: self.part,
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
    fn study_group_tds_keep_their_part_of_the_meeting() {
        assert_eq!(canon("SG9-TD163/GEN"), "SG9-TD163/GEN");
        assert_eq!(canon("TD 163/GEN"), "TD163/GEN");
        assert_eq!(canon("sg9-td163/gen"), "SG9-TD163/GEN");
        assert_eq!(canon("SG13-TD45/PLEN"), "SG13-TD45/PLEN");
        assert_eq!(canon("SG15-TD210/WP3"), "SG15-TD210/WP3");
        assert_eq!(canon("TD12/wp12"), "TD12/WP12");
        // The revision before the part, however it was typed.
        assert_eq!(canon("SG9-TD163R1/GEN"), "SG9-TD163R1/GEN");
        assert_eq!(canon("TD 163/GEN Rev.1"), "TD163R1/GEN");
        assert_eq!(canon("TD 163 Rev.1/WP1"), "TD163R1/WP1");
        assert_eq!(canon("TD 120 Rev.1"), "TD120R1");
        assert_eq!(DocNumber::parse("TD 120 Rev.1"), DocNumber::parse("TD120R1"));
        let id = DocNumber::parse("SG9-TD163/GEN").as_document().cloned().unwrap();
        assert_eq!((id.prefix.as_deref(), id.part), (Some("SG9"), Some(Part::General)));
        // The part says where a TD is filed, not which TD it is.
        assert_eq!(id.key(), DocNumber::parse("SG9-TD163").as_document().unwrap().key());
    }

    #[test]
    fn what_is_no_part_of_a_meeting_is_not_read_as_one() {
        for typed in
            ["TD163/GN", "TD163/GENERAL", "TD163/WP", "TD163/WP0", "TD163/WP100", "TD163/", "TD163/GEN/9"]
        {
            assert_eq!(DocNumber::parse(typed), DocNumber::Unparsed(typed.into()), "{typed}");
        }
        assert_eq!(DocNumber::unknown_part("TD163/GN"), Some("GN"));
        assert_eq!(DocNumber::unknown_part("SG9-TD163/Plenary"), Some("Plenary"));
        assert_eq!(DocNumber::unknown_part("C24/59"), None, "a Council document");
        assert_eq!(DocNumber::unknown_part("TD five/GEN"), None);
        // Council documents stay outside references.
        assert_eq!(DocNumber::parse("C24/59"), DocNumber::Outside("C24/59".into()));
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
}
