//! A fuzz target over the import parser, as proptests over arbitrary input (cargo-fuzz needs a
//! nightly compiler). Three generators feed `format::load`:
//!
//! - (a) arbitrary bytes, read as lossy UTF-8, alone or after the start of a real file;
//! - (b) mutations of the real TD514 file (and its version 1 form): byte flips, truncations,
//!   insertions of JSON punctuation, deletions and splices, renamed, removed and repeated fields,
//!   huge numbers, strange strings, and deep nesting;
//! - (c) structurally valid JSON of random shape, mostly shaped like an agenda file with fields
//!   of the right and the wrong kind, repeated keys and odd numbers.
//!
//! Whatever the input: loading never panics; a refusal's message says what went wrong, and for
//! an invalid field names a JSON path that is in the file; whatever loads also checks, exports
//! (HTML, file name) and saves without panicking, and loads back from its save as the same
//! agenda.
//!
//! `AGENDUM_FUZZ_CASES` sets how many inputs run in all (default 2,000, split across the three
//! generators); `AGENDUM_FUZZ_SEED` replays a run. `scripts/fuzz.sh` runs 1,000,000 in release.

use std::fmt;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use agendum_core::format::{self, LoadError, FORMAT_VERSION, MAX_FILE_BYTES, MAX_ID};
use agendum_core::{check, export};

mod common;
use common::fuzz;

const TD514: &str = include_str!("fixtures/td514.agenda.json");
const TD514_V1: &str = include_str!("fixtures/td514.v1.agenda.json");

// ---------------------------------------------------------------------------------------------
// What every input must satisfy

/// What happened to one input.
enum Outcome {
    Loaded,
    Refused,
}

/// Loads `text` and checks everything that must hold of the result. A panic anywhere is caught
/// by the caller and counted as one.
fn exercise(text: &str) -> Result<Outcome, String> {
    match format::load(text) {
        Ok(loaded) => {
            let a = loaded.agenda;
            let places = agendum_core::FieldNames::new(&a);
            for f in check(&a) {
                if places.name(f.field).trim().is_empty() || f.message.trim().is_empty() {
                    return Err(format!("a finding without a place or message: {f:?}"));
                }
            }
            let html = export::html(&a);
            if html.to_ascii_lowercase().contains("<script") {
                return Err("the HTML export holds a <script".into());
            }
            let _ = export::file_name(&a, "agenda.json");
            let saved = format::save(&a);
            let again = format::load(&saved).map_err(|e| format!("its own save does not load: {e}"))?;
            if again.migrated_from.is_some() {
                return Err("its own save was migrated".into());
            }
            if again.agenda != a {
                return Err(format!(
                    "save then load gives another agenda:\nsaved: {saved}\nloaded: {:?}\nwas: {a:?}",
                    again.agenda
                ));
            }
            if format::save(&again.agenda) != saved {
                return Err("saving the loaded save writes other bytes".into());
            }
            Ok(Outcome::Loaded)
        }
        Err(e) => refusal_is_clear(text, &e).map(|()| Outcome::Refused),
    }
}

/// A refusal says what went wrong, in words that fit the file.
fn refusal_is_clear(text: &str, e: &LoadError) -> Result<(), String> {
    let msg = e.to_string();
    let fail = |why: &str| Err(format!("{why}: {e:?} → {msg:?}"));
    if msg.trim().is_empty() || !msg.starts_with("The file") || !msg.ends_with('.') {
        return fail("a refusal without a sentence");
    }
    // What the file really is, for the cross-checks: JSON with its keys in order, repeats kept.
    let parsed: Result<J, _> = serde_json::from_str(text);
    let top = |key: &str| -> Vec<J> {
        match &parsed {
            Ok(J::Obj(fields)) => fields.iter().filter(|(k, _)| k == key).map(|(_, v)| v.clone()).collect(),
            _ => vec![],
        }
    };
    match e {
        LoadError::TooLarge { bytes } => {
            if *bytes <= MAX_FILE_BYTES || !msg.contains("too large") {
                return fail("too large but not over the limit");
            }
        }
        LoadError::NotJson { line, reason, .. } => {
            // serde_json counts columns from 1, and says column 0 for the start of a line.
            if reason.trim().is_empty() || *line == 0 || !msg.contains("not valid JSON") {
                return fail("not JSON without a reason or place");
            }
            if *line > text.lines().count() + 1 {
                return fail("not JSON at a line past the end");
            }
            if parsed.is_ok() {
                return fail("refused as not JSON, but it is JSON");
            }
        }
        LoadError::TooDeep => {
            if nesting(text) < 100 {
                return fail("refused as nested too deeply, but it is not");
            }
        }
        LoadError::NotAnAgenda => {
            if top("format").contains(&J::Str(format::FORMAT_NAME.into())) {
                return fail("refused as not an agenda, but it has \"format\": \"agendum\" at the top");
            }
        }
        LoadError::TooNew { version } => {
            if *version <= u64::from(FORMAT_VERSION) || !msg.contains(&format!("format version {version}")) {
                return fail("too new but not newer");
            }
        }
        LoadError::BadVersion => {
            if let [J::Num(n)] = &top("version")[..] {
                if n.parse::<u64>().is_ok_and(|n| n >= 1) {
                    return fail("a bad version, but the version is a whole number, 1 or more");
                }
            }
        }
        LoadError::Invalid { path, line, reason } => {
            if reason.trim().is_empty() {
                return fail("an invalid field without a reason");
            }
            if path.is_empty() || !msg.contains(path.as_str()) {
                return fail("an invalid field without a path");
            }
            if let Some(l) = line {
                if *l == 0 || *l > text.lines().count() + 1 {
                    return fail("an invalid field at a line past the end");
                }
            }
            // The path is a place in the file: the top, or a node there (the field refused, or the
            // object that lacks a field).
            if path != "the top" {
                match &parsed {
                    Ok(v) => {
                        if !path_in(v, path) && !field_of_array(v, path) {
                            return fail("an invalid field at a path that is not in the file");
                        }
                    }
                    // Too deep for serde_json's Value, or a number out of its range: the path must
                    // at least start with a key of the file.
                    Err(_) => {
                        let starts_with_a_key = path.starts_with('[')
                            || path
                                .char_indices()
                                .filter(|&(_, c)| c == '.' || c == '[')
                                .map(|(i, _)| i)
                                .chain([path.len()])
                                .any(|i| text.contains(&serde_json::to_string(&path[..i]).unwrap()));
                        if !starts_with_a_key {
                            return fail("an invalid field at a path that is not in the file");
                        }
                    }
                }
            }
        }
        LoadError::DuplicateId { what, id } => {
            if !msg.contains(&format!("{what} id {id} twice")) {
                return fail("a repeated id not named");
            }
        }
    }
    Ok(())
}

/// Whether a path, written the way the loader writes them (`agenda.sessions[0].title`), leads
/// to a node of `j`. Keys may hold dots and brackets themselves, so every key that fits is tried.
fn path_in(j: &J, path: &str) -> bool {
    path_to(j, path, &|_| true)
}

/// Whether a path leads to a node of `j` that `at` accepts.
fn path_to(j: &J, path: &str, at: &dyn Fn(&J) -> bool) -> bool {
    match path.strip_prefix('[') {
        None if path.is_empty() => at(j),
        None => key_path_to(j, path, at),
        // In an object, a leading bracket is part of a key ("[9R" at the top, found by the fuzzer).
        Some(_) if matches!(j, J::Obj(_)) => key_path_to(j, path, at),
        Some(rest) => {
            let Some((index, rest)) = rest.split_once(']') else { return false };
            let J::Arr(v) = j else { return false };
            let Some(x) = index.parse::<usize>().ok().and_then(|i| v.get(i)) else { return false };
            match rest.strip_prefix('.') {
                Some(rest) => key_path_to(x, rest, at),
                None => path_to(x, rest, at),
            }
        }
    }
}

/// The same, for a path that starts with a key.
fn key_path_to(j: &J, path: &str, at: &dyn Fn(&J) -> bool) -> bool {
    let J::Obj(fields) = j else { return false };
    fields.iter().any(|(k, v)| match path.strip_prefix(k.as_str()) {
        Some("") => at(v),
        Some(rest) if rest.starts_with('[') => path_to(v, rest, at),
        Some(rest) => rest.strip_prefix('.').is_some_and(|rest| key_path_to(v, rest, at)),
        None => false,
    })
}

/// Whether a path names a field of a struct written as an array (`[2147483648, ""]` for a
/// register entry): serde reads a struct from a sequence of its fields in order, and the loader
/// then names the field ("agenda.register[3].id"), which the file does not spell out.
fn field_of_array(j: &J, path: &str) -> bool {
    path.char_indices()
        .filter(|&(_, c)| c == '.')
        .any(|(i, _)| path_to(j, &path[..i], &|n| matches!(n, J::Arr(_))))
}

// ---------------------------------------------------------------------------------------------
// The runner (core/tests/common/fuzz.rs), given this target's share of the cases

/// Runs one generator for its third of the cases, the remainder to the first generators.
fn fuzz<S>(name: &str, generator: u64, strategy: S)
where
    S: Strategy,
    S::Value: Into<String> + Clone,
{
    let total = fuzz::total_cases();
    let cases = total / 3 + u32::from(generator as u32 <= total % 3);
    let texts = strategy.prop_map(Into::<String>::into);
    fuzz::run(name, generator, cases, "json", texts, |text| {
        exercise(text).map(|o| matches!(o, Outcome::Loaded))
    });
}

// ---------------------------------------------------------------------------------------------
// (a) Arbitrary bytes

/// Bytes from anywhere, and bytes made of what JSON is made of.
fn arbitrary_bytes() -> impl Strategy<Value = Vec<u8>> {
    const JSONISH: &[u8] = b"{}[]:,\"\\ \n\t0123456789-+.eEtruefalsn/u";
    prop_oneof![
        3 => vec(any::<u8>(), 0..256),
        3 => vec(select(JSONISH), 0..128),
        1 => vec(any::<u8>(), 0..4096),
    ]
}

/// The start of a real file, so the bytes reach past the envelope.
const PREFIXES: &[&str] = &[
    "",
    "{\"format\":\"agendum\",\"version\":2,",
    "{\"format\":\"agendum\",\"version\":2,\"agenda\":",
    "{\"format\":\"agendum\",\"version\":2,\"agenda\":{\"id\":\"x\",",
    "{\"format\":\"agendum\",\"version\":1,\"agenda\":{\"id\":\"x\",\"sessions\":[{\"id\":1,\"items\":[{\"id\":1,\"docs\":",
    "{\"format\":\"agendum\",\"version\":2,\"agenda\":{\"id\":\"x\",\"sessions\":[{\"id\":1,\"items\":[{\"id\":1,\"title\":",
    "[\"agendum\",",
    "\u{feff}",
];

#[derive(Clone, Debug)]
struct Text(String);

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.0
    }
}

fn generator_a() -> impl Strategy<Value = Text> {
    (select(PREFIXES), arbitrary_bytes()).prop_map(|(prefix, bytes)| {
        let mut t = prefix.to_string();
        t.push_str(&String::from_utf8_lossy(&bytes));
        Text(t)
    })
}

// ---------------------------------------------------------------------------------------------
// JSON with repeated keys, keys in file order and numbers as written

/// JSON as text can be: objects keep their order and may repeat a key, numbers keep their
/// spelling (1e999, 18446744073709551616, -0).
#[derive(Clone, Debug, PartialEq)]
enum J {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl<'de> Deserialize<'de> for J {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<J, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = J;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("JSON")
            }
            fn visit_unit<E>(self) -> Result<J, E> {
                Ok(J::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<J, E> {
                Ok(J::Bool(b))
            }
            fn visit_u64<E>(self, n: u64) -> Result<J, E> {
                Ok(J::Num(n.to_string()))
            }
            fn visit_i64<E>(self, n: i64) -> Result<J, E> {
                Ok(J::Num(n.to_string()))
            }
            fn visit_f64<E>(self, n: f64) -> Result<J, E> {
                Ok(J::Num(serde_json::to_string(&n).unwrap()))
            }
            fn visit_str<E>(self, s: &str) -> Result<J, E> {
                Ok(J::Str(s.into()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<J, A::Error> {
                let mut v = Vec::new();
                while let Some(x) = a.next_element()? {
                    v.push(x);
                }
                Ok(J::Arr(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<J, A::Error> {
                let mut v = Vec::new();
                while let Some(kv) = a.next_entry()? {
                    v.push(kv);
                }
                Ok(J::Obj(v))
            }
        }
        d.deserialize_any(V)
    }
}

impl J {
    fn render(&self, pretty: bool) -> String {
        let mut out = String::new();
        self.write(&mut out, pretty, 0);
        out
    }

    fn write(&self, out: &mut String, pretty: bool, depth: usize) {
        let newline = |out: &mut String, depth: usize| {
            if pretty {
                out.push('\n');
                out.extend(std::iter::repeat_n(' ', 2 * depth));
            }
        };
        match self {
            J::Null => out.push_str("null"),
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            J::Num(n) => out.push_str(n),
            J::Str(s) => out.push_str(&serde_json::to_string(s).unwrap()),
            J::Arr(v) if v.is_empty() => out.push_str("[]"),
            J::Obj(v) if v.is_empty() => out.push_str("{}"),
            J::Arr(v) => {
                out.push('[');
                for (i, x) in v.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    x.write(out, pretty, depth + 1);
                }
                newline(out, depth);
                out.push(']');
            }
            J::Obj(v) => {
                out.push('{');
                for (i, (k, x)) in v.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    out.push_str(&serde_json::to_string(k).unwrap());
                    out.push_str(if pretty { ": " } else { ":" });
                    x.write(out, pretty, depth + 1);
                }
                newline(out, depth);
                out.push('}');
            }
        }
    }

    /// How many nodes: this one and all below it.
    fn count(&self) -> usize {
        1 + match self {
            J::Arr(v) => v.iter().map(J::count).sum(),
            J::Obj(v) => v.iter().map(|(_, x)| x.count()).sum(),
            _ => 0,
        }
    }

    /// The node `n` in document order, the root being 0.
    fn nth_mut(&mut self, n: usize) -> Option<&mut J> {
        fn go<'a>(j: &'a mut J, n: &mut usize) -> Option<&'a mut J> {
            if *n == 0 {
                return Some(j);
            }
            *n -= 1;
            match j {
                J::Arr(v) => v.iter_mut().find_map(|x| go(x, n)),
                J::Obj(v) => v.iter_mut().find_map(|(_, x)| go(x, n)),
                _ => None,
            }
        }
        let mut k = n;
        go(self, &mut k)
    }

    /// The numbers of the nodes that `want` picks, in document order.
    fn find(&self, want: &dyn Fn(&J) -> bool) -> Vec<usize> {
        fn go(j: &J, want: &dyn Fn(&J) -> bool, next: &mut usize, out: &mut Vec<usize>) {
            if want(j) {
                out.push(*next);
            }
            *next += 1;
            match j {
                J::Arr(v) => v.iter().for_each(|x| go(x, want, next, out)),
                J::Obj(v) => v.iter().for_each(|(_, x)| go(x, want, next, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        go(self, want, &mut 0, &mut out);
        out
    }

    /// The first node at or after node `n` that `want` picks, else the first one before it.
    fn pick(&mut self, n: usize, want: &dyn Fn(&J) -> bool) -> Option<&mut J> {
        let found = self.find(want);
        let k = found.iter().find(|&&i| i >= n).or(found.first()).copied()?;
        self.nth_mut(k)
    }
}

/// Every field name of the format, so random objects often hit real fields.
const FIELDS: &[&str] = &[
    "format",
    "version",
    "agenda",
    "id",
    "document",
    "revision",
    "title",
    "source",
    "group",
    "meeting",
    "place",
    "start_date",
    "end_date",
    "time_zone",
    "time_zone_label",
    "abstract",
    "action_required",
    "notes",
    "status",
    "link_template",
    "actions",
    "categories",
    "sessions",
    "register",
    "annexes",
    "future_meetings",
    "date",
    "day_label",
    "start",
    "end",
    "items",
    "docs",
    "summary",
    "duration",
    "children",
    "number",
    "introduced",
    "note",
    "category",
    "body",
    "timing",
    "subject",
    "proposal",
];

/// Numbers as files might spell them, in and out of every range.
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "-1",
    "-0",
    "0.0",
    "1.0",
    "2.0",
    "1.5",
    "1e2",
    "1E+2",
    "255",
    "65535",
    "65536",
    "4294967295",
    "4294967296",
    "-2147483649",
    "9007199254740993",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775809",
    "123456789012345678901234567890",
    "1e308",
    "1e999",
    "-1e999",
    "1e-999",
    "0.000000000000000000000000000001",
];

/// Strings that mean something somewhere in the format, or should not.
const STRINGS: &[&str] = &[
    "",
    " ",
    "agendum",
    "14:30",
    "9:05",
    "1430",
    "14.30",
    "23:59",
    "24:00",
    "25:99",
    "noon",
    "14:30 hours",
    "2024-08-01",
    "2024-02-29",
    "2023-02-29",
    "2024-02-30",
    "0000-01-01",
    "9999-12-31",
    "+999-01-01",
    "-001-01-01",
    "2024-8-1",
    "TD514",
    "TD 025 Rev.1",
    "TD667R1",
    "td5",
    "C103",
    "C 005",
    "SG17-TD580R3",
    "TD1234567",
    "TD999999R999",
    "TD1R1000",
    "Annex B",
    "annex z",
    "Annex",
    "C24/59 Rev.1",
    "TSAG-R4(2024-01)",
    "TSAG-R4(",
    "PP-22 Res. 71",
    "Res. Res. 1",
    "ITU-T X.509",
    "To note",
    "To adopt",
    "infomration",
    "https://www.itu.int/md/T22-TSAG-{number}",
    "javascript:alert(1)//{number}",
    "https://x/{number}\" onmouseover=\"alert(1)",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "\u{202e}gnp.exe",
    "a\u{200b}b\u{feff}c",
    "\u{0}\u{1}\u{7f}",
    "\u{d7ff}\u{e000}\u{10ffff}",
    "line\nline\r\nline\rline",
    "- one\n- two\n\n· three",
    "see 2.2 and item 9.9 and Annex Q",
    "é\u{301}",
    "𝔸𝕘𝕖𝕟𝕕𝕒",
];

fn any_string() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(STRINGS).prop_map(String::from),
        2 => "(?s).{0,24}",
        1 => "[ -~]{0,12}",
        1 => (select(STRINGS), select(STRINGS)).prop_map(|(a, b)| format!("{a}{b}")),
    ]
}

fn any_number() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(NUMBERS).prop_map(String::from),
        2 => (0u32..40).prop_map(|n| n.to_string()),
        1 => any::<u32>().prop_map(|n| n.to_string()),
        1 => any::<i64>().prop_map(|n| n.to_string()),
        1 => any::<f64>().prop_filter_map("finite", |f| f.is_finite().then(|| serde_json::to_string(&f).unwrap())),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => select(FIELDS).prop_map(String::from),
        1 => any_string(),
        1 => select(FIELDS).prop_map(|f| f.to_uppercase()),
    ]
}

fn leaf() -> impl Strategy<Value = J> {
    prop_oneof![
        1 => Just(J::Null),
        1 => any::<bool>().prop_map(J::Bool),
        2 => any_number().prop_map(J::Num),
        3 => any_string().prop_map(J::Str),
    ]
}

/// JSON of any shape, a few levels deep.
fn junk() -> BoxedStrategy<J> {
    leaf()
        .prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                vec(inner.clone(), 0..6).prop_map(J::Arr),
                vec((key(), inner), 0..6).prop_map(J::Obj),
            ]
        })
        .boxed()
}

// ---------------------------------------------------------------------------------------------
// (b) Mutations of the real file

/// A change to the parsed file: its structure, names and values.
#[derive(Clone, Debug)]
enum Shape {
    RenameKey(Index, Index, String),
    RemoveKey(Index, Index),
    RepeatKey(Index, Index, Option<J>),
    Replace(Index, J),
    Number(Index, String),
    LongString(Index, usize),
    CopyNode(Index, Index),
    /// Wraps a node in this many arrays or objects.
    Nest(Index, usize, bool),
    /// Replaces an item's children with a chain of sub-items this deep.
    DeepItems(Index, usize),
    Version(J),
}

/// A change to the file's bytes.
#[derive(Clone, Debug)]
enum Bytes {
    FlipBit(Index, u8),
    SetByte(Index, u8),
    Truncate(Index),
    Insert(Index, &'static str),
    Delete(Index, usize),
    Splice(Index, Index, usize),
    /// Opens this many arrays or objects at a place and closes them there: nesting far deeper
    /// than the tree of values the harness builds could hold.
    Nest(Index, usize, bool),
}

const PUNCTUATION: &[&str] = &[
    "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\\u0000", "null", "true", "-", "0", "1e999",
    "\n", "\u{0}", "\u{feff}", "/*", "//", "}}", "]]", ",,", "\"\":", "NaN", "Infinity", "\u{202e}",
];

fn shape() -> impl Strategy<Value = Shape> {
    prop_oneof![
        3 => (any::<Index>(), any::<Index>(), prop_oneof![key(), "[a-z_]{0,12}"]).prop_map(|(n, k, s)| Shape::RenameKey(n, k, s)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(n, k)| Shape::RemoveKey(n, k)),
        1 => (any::<Index>(), any::<Index>(), proptest::option::of(leaf())).prop_map(|(n, k, v)| Shape::RepeatKey(n, k, v)),
        3 => (any::<Index>(), junk()).prop_map(|(n, j)| Shape::Replace(n, j)),
        3 => (any::<Index>(), leaf()).prop_map(|(n, j)| Shape::Replace(n, j)),
        3 => (any::<Index>(), any_number()).prop_map(|(n, s)| Shape::Number(n, s)),
        1 => (any::<Index>(), prop_oneof![0usize..100, Just(70_000), Just(300_000)]).prop_map(|(n, l)| Shape::LongString(n, l)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Shape::CopyNode(a, b)),
        1 => (any::<Index>(), prop_oneof![1usize..8, 120usize..140, Just(1000)], any::<bool>())
            .prop_map(|(n, d, o)| Shape::Nest(n, d, o)),
        2 => (any::<Index>(), prop_oneof![1usize..10, 55usize..70, Just(100)]).prop_map(|(n, d)| Shape::DeepItems(n, d)),
        1 => prop_oneof![
            3 => select(&["0", "1", "2", "3", "-1", "1.0", "2.0", "1e999", "4294967297", "18446744073709551616"][..])
                .prop_map(|s| J::Num(s.into())),
            1 => leaf(),
        ].prop_map(Shape::Version),
    ]
}

fn bytes_mutation() -> impl Strategy<Value = Bytes> {
    prop_oneof![
        3 => (any::<Index>(), 0u8..8).prop_map(|(i, b)| Bytes::FlipBit(i, b)),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Bytes::SetByte(i, b)),
        2 => any::<Index>().prop_map(Bytes::Truncate),
        3 => (any::<Index>(), select(PUNCTUATION)).prop_map(|(i, s)| Bytes::Insert(i, s)),
        2 => (any::<Index>(), 1usize..64).prop_map(|(i, n)| Bytes::Delete(i, n)),
        1 => (any::<Index>(), any::<Index>(), 1usize..512).prop_map(|(a, b, n)| Bytes::Splice(a, b, n)),
        1 => (any::<Index>(), prop_oneof![Just(129), Just(10_000), Just(200_000)], any::<bool>())
            .prop_map(|(i, d, o)| Bytes::Nest(i, d, o)),
    ]
}

/// The fixture, parsed once.
fn fixture_j(v1: bool) -> J {
    static PARSED: std::sync::OnceLock<(J, J)> = std::sync::OnceLock::new();
    let (v2, v1_file) = PARSED.get_or_init(|| {
        let parse = |t| serde_json::from_str(t).expect("the fixtures are JSON");
        (parse(TD514), parse(TD514_V1))
    });
    if v1 {
        v1_file.clone()
    } else {
        v2.clone()
    }
}

fn is_object(j: &J) -> bool {
    matches!(j, J::Obj(f) if !f.is_empty())
}

fn is_scalar(j: &J) -> bool {
    !matches!(j, J::Arr(_) | J::Obj(_))
}

fn has_children(j: &J) -> bool {
    matches!(j, J::Obj(f) if f.iter().any(|(k, _)| k == "children"))
}

/// A chain of sub-items `depth` deep, each with its own id.
fn deep_items(depth: usize) -> J {
    let mut chain = J::Arr(vec![]);
    for k in 0..depth {
        chain = J::Arr(vec![J::Obj(vec![
            ("id".into(), J::Num((100_000 + k).to_string())),
            ("title".into(), J::Str(format!("level {k}, see TD{k}"))),
            ("duration".into(), J::Num("5".into())),
            ("children".into(), chain),
        ])]);
    }
    chain
}

impl Shape {
    fn apply(&self, root: &mut J) {
        let n = root.count();
        match self {
            Shape::RenameKey(at, k, name) => {
                if let Some(J::Obj(fields)) = root.pick(at.index(n), &is_object) {
                    let k = k.index(fields.len());
                    fields[k].0 = name.clone();
                }
            }
            Shape::RemoveKey(at, k) => {
                if let Some(J::Obj(fields)) = root.pick(at.index(n), &is_object) {
                    fields.remove(k.index(fields.len()));
                }
            }
            Shape::RepeatKey(at, k, value) => {
                if let Some(J::Obj(fields)) = root.pick(at.index(n), &is_object) {
                    let (name, v) = fields[k.index(fields.len())].clone();
                    fields.push((name, value.clone().unwrap_or(v)));
                }
            }
            Shape::Replace(at, j) => {
                if let Some(node) = root.nth_mut(at.index(n)) {
                    *node = j.clone();
                }
            }
            Shape::Number(at, s) => {
                if let Some(node) = root.pick(at.index(n), &is_scalar) {
                    *node = J::Num(s.clone());
                }
            }
            Shape::LongString(at, len) => {
                if let Some(node) = root.pick(at.index(n), &is_scalar) {
                    *node = J::Str("<b>x</b> TD514 ".chars().cycle().take(*len).collect());
                }
            }
            Shape::CopyNode(from, to) => {
                let node = root.nth_mut(from.index(n)).cloned();
                if let (Some(node), Some(place)) = (node, root.nth_mut(to.index(n))) {
                    *place = node;
                }
            }
            Shape::Nest(at, depth, objects) => {
                if let Some(node) = root.nth_mut(at.index(n)) {
                    let mut j = std::mem::replace(node, J::Null);
                    for _ in 0..*depth {
                        j = if *objects { J::Obj(vec![("children".into(), j)]) } else { J::Arr(vec![j]) };
                    }
                    *node = j;
                }
            }
            Shape::DeepItems(at, depth) => {
                if let Some(J::Obj(fields)) = root.pick(at.index(n), &has_children) {
                    if let Some(f) = fields.iter_mut().find(|(k, _)| k == "children") {
                        f.1 = deep_items(*depth);
                    }
                }
            }
            Shape::Version(v) => {
                if let J::Obj(fields) = root {
                    if let Some(f) = fields.iter_mut().find(|(k, _)| k == "version") {
                        f.1 = v.clone();
                    }
                }
            }
        }
    }
}

impl Bytes {
    fn apply(&self, b: &mut Vec<u8>) {
        let len = b.len();
        let at = |i: &Index| if len == 0 { 0 } else { i.index(len + 1) };
        match self {
            Bytes::FlipBit(i, bit) if len > 0 => {
                let k = i.index(len);
                b[k] ^= 1 << bit;
            }
            Bytes::SetByte(i, v) if len > 0 => {
                let k = i.index(len);
                b[k] = *v;
            }
            Bytes::Truncate(i) => b.truncate(at(i)),
            Bytes::Insert(i, s) => {
                let k = at(i);
                b.splice(k..k, s.bytes());
            }
            Bytes::Delete(i, n) => {
                let k = at(i).min(len);
                b.drain(k..(k + n).min(len));
            }
            Bytes::Splice(from, to, n) if len > 0 => {
                let f = from.index(len);
                let chunk = b[f..(f + n).min(len)].to_vec();
                let t = at(to);
                b.splice(t..t, chunk);
            }
            Bytes::Nest(i, depth, objects) => {
                let k = at(i);
                let (open, close): (&[u8], &[u8]) = if *objects { (b"{\"a\":", b"}") } else { (b"[", b"]") };
                let mut nest = open.repeat(*depth);
                nest.extend_from_slice(b"0");
                nest.extend(close.repeat(*depth));
                b.splice(k..k, nest);
            }
            _ => {}
        }
    }
}

#[derive(Clone, Debug)]
struct Mutated {
    v1: bool,
    pretty: bool,
    shapes: Vec<Shape>,
    bytes: Vec<Bytes>,
}

impl From<Mutated> for String {
    fn from(m: Mutated) -> String {
        let mut text = if m.shapes.is_empty() {
            (if m.v1 { TD514_V1 } else { TD514 }).to_string()
        } else {
            let mut j = fixture_j(m.v1);
            for s in &m.shapes {
                s.apply(&mut j);
            }
            j.render(m.pretty)
        }
        .into_bytes();
        for b in &m.bytes {
            b.apply(&mut text);
        }
        String::from_utf8_lossy(&text).into_owned()
    }
}

fn generator_b() -> impl Strategy<Value = Mutated> {
    (
        prop_oneof![4 => Just(false), 1 => Just(true)],
        any::<bool>(),
        prop_oneof![1 => Just(vec![]), 3 => vec(shape(), 1..4)],
        prop_oneof![2 => Just(vec![]), 3 => vec(bytes_mutation(), 1..4)],
    )
        .prop_map(|(v1, pretty, shapes, bytes)| Mutated { v1, pretty, shapes, bytes })
}

// ---------------------------------------------------------------------------------------------
// (c) Valid JSON of random shape, mostly like an agenda

/// How far the random JSON strays from a good file: `Clean` files have every field of the right
/// kind (most load, and then check, export and save); `Dirty` ones put anything anywhere, repeat
/// keys and ids, add unknown fields and mix in version 1 forms.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    Clean,
    Dirty,
}

/// A value of the kind a field wants; when dirty, now and then anything.
fn or_junk(mode: Mode, good: BoxedStrategy<J>) -> BoxedStrategy<J> {
    match mode {
        Mode::Clean => good,
        Mode::Dirty => prop_oneof![10 => good, 1 => leaf(), 1 => junk()].boxed(),
    }
}

fn string() -> BoxedStrategy<J> {
    any_string().prop_map(J::Str).boxed()
}

fn id(mode: Mode) -> BoxedStrategy<J> {
    match mode {
        // Ids are only unique by chance: wide enough that a repeat is rare.
        Mode::Clean => (0..=MAX_ID).prop_map(|n| J::Num(n.to_string())).boxed(),
        Mode::Dirty => {
            prop_oneof![6 => (0u32..12).prop_map(|n| J::Num(n.to_string())), 1 => any_number().prop_map(J::Num)]
                .boxed()
        }
    }
}

fn opt(s: BoxedStrategy<J>) -> BoxedStrategy<J> {
    prop_oneof![1 => Just(J::Null), 3 => s].boxed()
}

fn time_value(mode: Mode) -> BoxedStrategy<J> {
    let good = (0u8..24, 0u8..60).prop_map(|(h, m)| J::Str(format!("{h:02}:{m:02}")));
    match mode {
        Mode::Clean => good.boxed(),
        Mode::Dirty => prop_oneof![3 => good, 1 => string()].boxed(),
    }
}

fn date_value(mode: Mode) -> BoxedStrategy<J> {
    let good = prop_oneof![
        3 => (1990i32..2100, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| J::Str(format!("{y:04}-{m:02}-{d:02}"))),
        1 => (0i32..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| J::Str(format!("{y:04}-{m:02}-{d:02}"))),
    ];
    match mode {
        Mode::Clean => good.boxed(),
        Mode::Dirty => prop_oneof![
            3 => good,
            1 => (0i32..=9999, 1u8..=12, 29u8..=31).prop_map(|(y, m, d)| J::Str(format!("{y:04}-{m:02}-{d:02}"))),
            1 => string(),
        ]
        .boxed(),
    }
}

fn list(s: BoxedStrategy<J>, max: usize) -> BoxedStrategy<J> {
    vec(s, 0..max).prop_map(J::Arr).boxed()
}

/// An object with these fields, each there or not, in this order or another; when dirty, now
/// and then with an unknown or a repeated field.
fn object(mode: Mode, fields: Vec<(&'static str, BoxedStrategy<J>)>) -> BoxedStrategy<J> {
    // A clean object always has the fields a file must have.
    let must = |k: &str| mode == Mode::Clean && (k == "id" || k == "number");
    let parts: Vec<BoxedStrategy<Option<(String, J)>>> = fields
        .into_iter()
        .map(|(k, s)| {
            let field = s.prop_map(move |v| (k.to_string(), v));
            if must(k) {
                field.prop_map(Some).boxed()
            } else {
                proptest::option::weighted(0.8, field).boxed()
            }
        })
        .collect();
    let (extra, repeat) = match mode {
        Mode::Clean => (Just(vec![]).boxed(), Just(false).boxed()),
        Mode::Dirty => (
            prop_oneof![12 => Just(vec![]), 1 => vec((key(), leaf()), 1..3)].boxed(),
            prop_oneof![20 => Just(false), 1 => Just(true)].boxed(),
        ),
    };
    (parts, extra, any::<bool>(), any::<Index>(), repeat)
        .prop_flat_map(|(parts, extra, shuffle, dup, repeat)| {
            let mut fields: Vec<(String, J)> = parts.into_iter().flatten().collect();
            fields.extend(extra);
            if repeat && !fields.is_empty() {
                let f = fields[dup.index(fields.len())].clone();
                fields.push(f);
            }
            if shuffle {
                Just(fields).prop_shuffle().prop_map(J::Obj).boxed()
            } else {
                Just(J::Obj(fields)).boxed()
            }
        })
        .boxed()
}

fn doc_ref_value(mode: Mode) -> BoxedStrategy<J> {
    or_junk(
        mode,
        object(
            mode,
            vec![
                ("number", or_junk(mode, string())),
                ("introduced", or_junk(mode, any::<bool>().prop_map(J::Bool).boxed())),
                ("note", or_junk(mode, string())),
            ],
        ),
    )
}

fn item_value(mode: Mode, levels: u32) -> BoxedStrategy<J> {
    let children =
        if levels == 0 { Just(J::Arr(vec![])).boxed() } else { list(item_value(mode, levels - 1), 3) };
    let duration = prop_oneof![
        4 => (0u32..240).prop_map(|n| J::Num(n.to_string())),
        1 => any::<u32>().prop_map(|n| J::Num(n.to_string())),
    ];
    let mut fields = vec![
        ("id", id(mode)),
        ("title", or_junk(mode, string())),
        ("source", or_junk(mode, string())),
        ("docs", or_junk(mode, list(doc_ref_value(mode), 3))),
        ("summary", or_junk(mode, string())),
        ("actions", or_junk(mode, list(string(), 3))),
        ("notes", or_junk(mode, string())),
        ("start", or_junk(mode, opt(time_value(mode)))),
        ("duration", or_junk(mode, opt(duration.boxed()))),
        ("children", or_junk(mode, children)),
    ];
    if mode == Mode::Dirty {
        // Version 1 wrote the Docs column as text, and the Summary and Proposal column whole.
        fields.push(("docs", string()));
        fields.push(("proposal", string()));
    }
    or_junk(mode, object(mode, fields))
}

fn agenda_value(mode: Mode) -> BoxedStrategy<J> {
    let session = object(
        mode,
        vec![
            ("id", id(mode)),
            ("date", or_junk(mode, opt(date_value(mode)))),
            ("day_label", or_junk(mode, string())),
            ("start", or_junk(mode, opt(time_value(mode)))),
            ("end", or_junk(mode, opt(time_value(mode)))),
            ("title", or_junk(mode, string())),
            ("items", or_junk(mode, list(item_value(mode, 2), 4))),
        ],
    );
    let entry = object(
        mode,
        vec![
            ("id", id(mode)),
            ("number", or_junk(mode, string())),
            ("category", or_junk(mode, string())),
            ("source", or_junk(mode, string())),
            ("title", or_junk(mode, string())),
        ],
    );
    let annex = object(
        mode,
        vec![("id", id(mode)), ("title", or_junk(mode, string())), ("body", or_junk(mode, string()))],
    );
    let future = object(
        mode,
        vec![
            ("id", id(mode)),
            ("date", or_junk(mode, opt(date_value(mode)))),
            ("start", or_junk(mode, opt(time_value(mode)))),
            ("end", or_junk(mode, opt(time_value(mode)))),
            ("timing", or_junk(mode, string())),
            ("subject", or_junk(mode, string())),
        ],
    );
    // "id" is the one field an agenda must have.
    let mut fields: Vec<(&'static str, BoxedStrategy<J>)> = Vec::new();
    for k in [
        "document",
        "title",
        "source",
        "group",
        "meeting",
        "place",
        "time_zone",
        "time_zone_label",
        "abstract",
        "action_required",
        "notes",
        "status",
        "link_template",
    ] {
        fields.push((k, or_junk(mode, string())));
    }
    let revision = prop_oneof![4 => (0u32..20).prop_map(|n| J::Num(n.to_string())), 1 => any::<u32>().prop_map(|n| J::Num(n.to_string()))];
    fields.extend([
        ("revision", or_junk(mode, opt(revision.boxed()))),
        ("start_date", or_junk(mode, opt(date_value(mode)))),
        ("end_date", or_junk(mode, opt(date_value(mode)))),
        ("actions", or_junk(mode, list(string(), 3))),
        ("categories", or_junk(mode, list(string(), 3))),
        ("sessions", or_junk(mode, list(session, 3))),
        ("register", or_junk(mode, list(entry, 6))),
        ("annexes", or_junk(mode, list(annex, 3))),
        ("future_meetings", or_junk(mode, list(future, 3))),
    ]);
    let id = match mode {
        Mode::Clean => string().prop_map(Some).boxed(),
        Mode::Dirty => proptest::option::weighted(0.9, or_junk(mode, string())).boxed(),
    };
    (id, object(mode, fields))
        .prop_map(|(id, agenda)| match (id, agenda) {
            (Some(id), J::Obj(mut f)) => {
                f.insert(0, ("id".into(), id));
                J::Obj(f)
            }
            (_, agenda) => agenda,
        })
        .boxed()
}

#[derive(Clone, Debug)]
struct Shaped(J, bool);

impl From<Shaped> for String {
    fn from(s: Shaped) -> String {
        s.0.render(s.1)
    }
}

fn generator_c() -> impl Strategy<Value = Shaped> {
    let clean =
        J::Obj(vec![("format".into(), J::Str("agendum".into())), ("version".into(), J::Num("2".into()))]);
    let version = prop_oneof![
        6 => Just(J::Num("2".into())),
        3 => Just(J::Num("1".into())),
        1 => leaf(),
    ];
    let format_name = prop_oneof![8 => Just(J::Str("agendum".into())), 1 => leaf()];
    let file = prop_oneof![
        // A good file with random contents.
        8 => agenda_value(Mode::Clean).prop_map(move |a| match clean.clone() {
            J::Obj(mut f) => {
                f.push(("agenda".into(), a));
                J::Obj(f)
            }
            j => j,
        }),
        // A file with fields of every kind, in any order, some missing, some repeated.
        8 => object(Mode::Dirty, vec![
            ("format", format_name.clone().boxed()),
            ("version", version.clone().boxed()),
            ("agenda", agenda_value(Mode::Dirty)),
        ]),
        // The same as a JSON array, whole or cut short: serde reads structs from sequences too.
        1 => (format_name, version, agenda_value(Mode::Dirty), 0usize..=4)
            .prop_map(|(f, v, a, n)| J::Arr(vec![f, v, a, J::Null].into_iter().take(n).collect())),
        // Anything at all.
        2 => junk(),
    ];
    (file, any::<bool>()).prop_map(|(j, pretty)| Shaped(j, pretty))
}

// ---------------------------------------------------------------------------------------------
// The three generators

#[test]
fn fuzz_arbitrary_bytes() {
    fuzz("arbitrary bytes", 1, generator_a());
}

#[test]
fn fuzz_mutations_of_the_td514_file() {
    fuzz("mutated TD514", 2, generator_b());
}

#[test]
fn fuzz_json_of_random_shape() {
    fuzz("random-shape JSON", 3, generator_c());
}

// ---------------------------------------------------------------------------------------------
// Regression cases the fuzzer found

/// Loads and exercises one input as the fuzzer does, failing on a panic or a broken rule.
fn regression(text: &str) {
    match fuzz::quietly(|| exercise(text)) {
        Ok(Ok(_)) => {}
        Ok(Err(why)) => panic!("{why}\ninput: {}", fuzz::shown(text.as_bytes())),
        Err(p) => panic!("panicked: {p}\ninput: {}", fuzz::shown(text.as_bytes())),
    }
}

#[test]
fn the_fixtures_pass_the_fuzz_rules() {
    regression(TD514);
    regression(TD514_V1);
    // Every structural mutation applies to the fixture without upsetting the harness itself.
    let mut j = fixture_j(false);
    assert_eq!(j.render(true) + "\n", TD514, "J renders the fixture as save writes it");
    if let Some(J::Obj(fields)) = j.pick(0, &has_children) {
        fields.iter_mut().find(|(k, _)| k == "children").unwrap().1 = deep_items(3);
    }
    regression(&j.render(false));
}

/// Nesting far past serde_json's limit of 128, where a value may be anything: skipped unread by
/// the envelope, then refused, never a panic or a stack overflow.
#[test]
fn deep_nesting_is_refused() {
    for version in ["1", "2"] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let deep = format!("{}0{}", open.repeat(100_000), close.repeat(100_000));
            let text = format!("{{\"format\":\"agendum\",\"version\":{version},\"agenda\":{deep}}}");
            regression(&text);
            let text = format!("{{\"format\":\"agendum\",\"version\":{version},\"agenda\":{{\"id\":\"x\",\"notes\":{deep}}}}}");
            regression(&text);
        }
    }
}

/// Found by the fuzzer: a version 1 file with a value nested past 128 levels (or a number out of
/// range such as 1e999) passed the envelope, then panicked in `load` ("parsed above").
#[test]
fn a_version_1_file_too_deep_or_out_of_range_is_refused_with_its_reason() {
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let text = format!("{{\"format\":\"agendum\",\"version\":1,\n\"agenda\":{deep}}}");
    regression(&text);
    assert_eq!(format::load(&text).unwrap_err(), LoadError::TooDeep);

    let text = TD514_V1.replacen("\"id\": 1,", "\"id\": 1e999,", 1);
    regression(&text);
    let e = format::load(&text).unwrap_err();
    assert!(e.to_string().contains("agenda.sessions[0].id"), "{e}");
    assert!(e.to_string().contains("number out of range"), "{e}");
}

/// Items as deep as a file can nest them (63 levels) load, check, export and save.
#[test]
fn the_deepest_items_a_file_can_hold() {
    let mut deepest = 0;
    for depth in [10, 40, 60, 61, 62, 63, 64, 70] {
        let mut j = fixture_j(false);
        if let Some(J::Obj(fields)) = j.pick(0, &has_children) {
            fields.iter_mut().find(|(k, _)| k == "children").unwrap().1 = deep_items(depth);
        }
        let text = j.render(true);
        regression(&text);
        if format::load(&text).is_ok() {
            deepest = depth;
        }
    }
    assert!(deepest >= 60, "items {deepest} deep");
}

/// Found by the fuzzer: serde reads a struct from a JSON array too, so `["agendum", 2, {}]` was
/// refused as "not valid JSON: trailing characters", and, looking into it, `["agendum", 1]`
/// passed the envelope and panicked in the migration (`value["version"]` on an array). Only an
/// object is a file; an array is refused as not an agenda, and a broken one as not JSON.
#[test]
fn an_array_at_the_top_is_not_an_agenda() {
    for text in [
        "[\"agendum\",1]",
        "[\"agendum\",2]",
        "[\"agendum\",1,{\"id\":\"x\"}]",
        "[\"agendum\",2,{}]",
        "[\"agendum\",2,{\"id\":\"x\"}]",
        " \n[\"agendum\",1]",
        "[\"agendum\",1,{\"id\":\"x\",\"sessions\":[{\"id\":1,\"items\":[{\"id\":1,\"docs\":\"TD514\"}]}]}]",
    ] {
        regression(text);
        assert_eq!(format::load(text).unwrap_err(), LoadError::NotAnAgenda, "{text}");
    }
    let e = format::load("[\"agendum\",2,{}").unwrap_err();
    assert!(matches!(e, LoadError::NotJson { line: 1, .. }), "{e:?}");
    regression("[\"agendum\",2,{}");
}

/// Found by the fuzzer: a repeated "format" or "version" at the top was refused as having no
/// `"format": "agendum"` at the top, which it has.
#[test]
fn a_repeated_format_or_version_is_named() {
    for text in [
        "{\"format\":\"agendum\",\"format\":\"agendum\",\"version\":2,\"agenda\":{\"id\":\"x\"}}",
        "{\"format\":\"agendum\",\"version\":2,\"version\":2,\"agenda\":{\"id\":\"x\"}}",
    ] {
        regression(text);
        let e = format::load(text).unwrap_err();
        let LoadError::Invalid { path, line: Some(1), reason } = &e else { panic!("{e:?}") };
        assert_eq!(path, "the top");
        assert!(reason.starts_with("duplicate field"), "{reason}");
        assert!(e.to_string().contains("at the top (line 1): duplicate field `"), "{e}");
    }
}

/// Found by the fuzzer: a key that cannot be read (a broken `\u` escape) was placed at "agenda.?".
#[test]
fn a_key_that_cannot_be_read_is_placed_at_its_object() {
    for (version, line) in [(2, "4"), (1, "4")] {
        let text = format!(
            "{{\n\"format\": \"agendum\",\n\"version\": {version},\n\"agenda\": {{\"id\": \"x\", \"\\ud800status\": \"Draft\"}}}}"
        );
        regression(&text);
        let msg = format::load(&text).unwrap_err().to_string();
        assert!(msg.contains(&format!("at agenda (line {line}): ")), "{msg}");
        assert!(!msg.contains('?'), "{msg}");
    }
}

#[test]
fn the_harness_reads_paths_as_the_loader_writes_them() {
    let j: J = serde_json::from_str(r#"{"a": {"b.c": [1, {"": {"[x": 2}}]}, "d": [[3]]}"#).unwrap();
    for p in ["a", "a.b.c", "a.b.c[0]", "a.b.c[1]", "a.b.c[1].", "a.b.c[1]..[x", "d[0][0]"] {
        assert!(path_in(&j, p), "{p}");
    }
    let top: J = serde_json::from_str(r#"{"[9R;?e'5l": null}"#).unwrap();
    assert!(path_in(&top, "[9R;?e'5l") && !path_in(&top, "[9R"));
    for p in ["b", "a.b", "a.b.c[2]", "a.b.c[1].x", "d[0][1]", "d.0", "a.b.c[1]..[y"] {
        assert!(!path_in(&j, p), "{p}");
    }
    assert!(field_of_array(&j, "d[0].id") && field_of_array(&j, "a.b.c.id"));
    assert!(!field_of_array(&j, "a.id") && !field_of_array(&j, "d[0][0].id"));
}

/// Found by the fuzzer (with overflow checks on): a register entry with id 4294967295 made
/// `check` panic on `next_entry_id` (the largest id plus one); in a release build it wrapped to
/// id 0. Ids above `MAX_ID` are refused, with their path.
#[test]
fn an_id_too_large_for_a_next_one_is_refused() {
    for (from, to, path) in [
        (
            "\"id\": 12,\n        \"number\"",
            "\"id\": 4294967295,\n        \"number\"",
            "agenda.register[11].id",
        ),
        (
            "\"id\": 8,\n                \"title\"",
            "\"id\": 2147483648,\n                \"title\"",
            "agenda.sessions[0].items[1].children[1].id",
        ),
        (
            "\"id\": 1,\n        \"date\": \"2024-08-01\"",
            "\"id\": 4294967295,\n        \"date\": \"2024-08-01\"",
            "agenda.sessions[0].id",
        ),
    ] {
        assert_eq!(TD514.matches(from).count(), 1, "{from}");
        let text = TD514.replacen(from, to, 1);
        regression(&text);
        let e = format::load(&text).unwrap_err();
        let LoadError::Invalid { path: p, reason, .. } = &e else { panic!("{e:?}") };
        assert_eq!(p, path);
        assert!(reason.contains("too large for an id; ids go up to 2147483647"), "{reason}");
    }
    // The largest id allowed loads, checks and saves.
    let text =
        TD514.replacen("\"id\": 12,\n        \"number\"", "\"id\": 2147483647,\n        \"number\"", 1);
    regression(&text);
    assert!(format::load(&text).is_ok());
}

/// Found by the fuzzer: serde reads any struct from an array of its fields in order, so a
/// register entry written `[4, "TD497"]` loads, and `[2147483648, ""]` is refused at
/// "agenda.register[3].id", a field the file does not spell out. Both follow the fuzz rules;
/// whether arrays should be refused where the schema says object is for the format to decide.
#[test]
fn a_struct_written_as_an_array() {
    let entry = "{\n        \"id\": 4,\n        \"number\": \"TD497\",\n        \"category\": \"Information\",\n        \"source\": \"TSB\",\n        \"title\": \"Four-year rolling Operational Plan for the Union for 2025-2028\"\n      }";
    assert_eq!(TD514.matches(entry).count(), 1);
    regression(&TD514.replacen(entry, "[4, \"TD497\"]", 1));
    let text = TD514.replacen(entry, "[2147483648, \"\"]", 1);
    regression(&text);
    let e = format::load(&text).unwrap_err();
    assert!(matches!(&e, LoadError::Invalid { path, .. } if path == "agenda.register[3].id"), "{e:?}");
    // One element more than it has fields is refused at the entry.
    for extra in ["0", "{}", "[]"] {
        let text = TD514.replacen(entry, &format!("[4, \"TD497\", \"\", \"\", \"\", {extra}]"), 1);
        regression(&text);
        let e = format::load(&text).unwrap_err();
        assert!(matches!(&e, LoadError::Invalid { path, .. } if path == "agenda.register[3]"), "{e:?}");
    }
}

/// Found by the fuzzer: an unknown key at the top of a file that starts with a bracket is
/// refused at that key, which the harness first read as an array index.
#[test]
fn an_unknown_key_with_a_bracket_at_the_top() {
    for fixture in [TD514, TD514_V1] {
        let text = fixture.replacen('{', "{\"[9R;?e'5l\": null,", 1);
        regression(&text);
        let e = format::load(&text).unwrap_err();
        assert!(e.to_string().contains("unknown field `[9R;?e'5l`"), "{e}");
    }
}

/// How deeply objects and arrays nest in a text, outside its strings.
fn nesting(text: &str) -> usize {
    let (mut depth, mut most, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for c in text.chars() {
        match (in_string, c) {
            (true, _) if escaped => escaped = false,
            (true, '\\') => escaped = true,
            (true, '"') => in_string = false,
            (true, _) => {}
            (false, '"') => in_string = true,
            (false, '[' | '{') => {
                depth += 1;
                most = most.max(depth);
            }
            (false, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    most
}
