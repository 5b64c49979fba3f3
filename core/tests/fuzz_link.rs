//! A fuzz target over the share-link reader, as proptests over arbitrary input. Two generators
//! feed `share::open`:
//!
//! - (f) TD514's link with its characters changed, cut, doubled, spliced and wrapped, as mail
//!   and chat tools and hand edits leave links;
//! - (g) links that unpack cleanly to mutated agenda files, so that what a link holds reaches
//!   the file reader: bytes flipped and cut, JSON punctuation put in.
//!
//! Whatever the input: opening never panics; a refusal is one sentence or two, each ending with
//! a full stop; whatever opens also checks, and goes through its own link and back unchanged.
//! `AGENDUM_FUZZ_CASES` sets the run's size (this target runs a tenth of it, at least 100);
//! `AGENDUM_FUZZ_SEED` replays a run. `scripts/fuzz.sh` runs it.

mod common;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use proptest::collection::vec;
use proptest::prelude::*;

use agendum_core::check;
use agendum_core::share::{fragment, open};
use common::{fuzz, td514};

fn cases() -> u32 {
    (fuzz::total_cases() / 10).max(100)
}

fn exercise(link: &str) -> Result<bool, String> {
    match open(link) {
        Ok(loaded) => {
            let _ = check(&loaded.agenda);
            let again =
                open(&fragment(&loaded.agenda)).map_err(|e| format!("its own link does not open: {e}"))?;
            if again.agenda != loaded.agenda {
                return Err("what opened is not the same through its own link".into());
            }
            Ok(true)
        }
        Err(e) => {
            let msg = e.to_string();
            if !msg.starts_with("This ") || !msg.ends_with('.') || msg.contains('\n') || msg.len() > 600 {
                return Err(format!("a refusal that is not a clear sentence: {msg:?}"));
            }
            Ok(false)
        }
    }
}

/// One change to a text: at a place picked by the index, what to do there.
#[derive(Clone, Debug)]
enum Change {
    Flip(prop::sample::Index, char),
    Cut(prop::sample::Index),
    Delete(prop::sample::Index, usize),
    Insert(prop::sample::Index, String),
    Double(prop::sample::Index, usize),
}

fn change() -> impl Strategy<Value = Change> {
    let any_char = prop_oneof![
        proptest::char::range('A', 'Z'),
        proptest::char::range('a', 'z'),
        Just('-'),
        Just('_'),
        Just('='),
        Just('.'),
        Just('%'),
        Just('\n'),
        Just(' '),
        any::<char>(),
    ];
    prop_oneof![
        (any::<prop::sample::Index>(), any_char).prop_map(|(i, c)| Change::Flip(i, c)),
        any::<prop::sample::Index>().prop_map(Change::Cut),
        (any::<prop::sample::Index>(), 1usize..64).prop_map(|(i, n)| Change::Delete(i, n)),
        (any::<prop::sample::Index>(), "[\\[\\]{}\":,0-9A-Za-z\\-_ ]{1,12}")
            .prop_map(|(i, s)| Change::Insert(i, s)),
        (any::<prop::sample::Index>(), 1usize..200).prop_map(|(i, n)| Change::Double(i, n)),
    ]
}

/// Applies the changes to bytes (not chars: a change may split a character, as a cut does).
fn apply(mut b: Vec<u8>, changes: &[Change]) -> Vec<u8> {
    for c in changes {
        if b.is_empty() {
            break;
        }
        match c {
            Change::Flip(i, ch) => {
                let at = i.index(b.len());
                let mut buf = [0u8; 4];
                b.splice(at..at + 1, ch.encode_utf8(&mut buf).bytes());
            }
            Change::Cut(i) => b.truncate(i.index(b.len())),
            Change::Delete(i, n) => {
                let at = i.index(b.len());
                b.drain(at..(at + n).min(b.len()));
            }
            Change::Insert(i, s) => {
                let at = i.index(b.len() + 1);
                b.splice(at..at, s.bytes());
            }
            Change::Double(i, n) => {
                let at = i.index(b.len());
                let piece = b[at..(at + n).min(b.len())].to_vec();
                b.splice(at..at, piece);
            }
        }
    }
    b
}

/// A link's text: what the reader is handed, as the browser gives it (always text).
#[derive(Clone, Debug)]
struct Link(String);

impl AsRef<[u8]> for Link {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

#[test]
fn fuzz_changed_links() {
    let link = format!("#{}", fragment(&td514()));
    let strategy = vec(change(), 1..5).prop_map(move |cs| {
        Link(String::from_utf8_lossy(&apply(link.clone().into_bytes(), &cs)).into_owned())
    });
    fuzz::run("changed share links", 6, cases(), "txt", strategy, |l| exercise(&l.0));
}

#[test]
fn fuzz_links_to_changed_files() {
    let file = agendum_core::format::record(&td514()).into_bytes();
    let strategy = vec(change(), 1..5).prop_map(move |cs| {
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&apply(file.clone(), &cs), 1);
        Link(format!("#/shared/1.{}", URL_SAFE_NO_PAD.encode(packed)))
    });
    fuzz::run("share links to changed files", 7, cases(), "txt", strategy, |l| exercise(&l.0));
}
