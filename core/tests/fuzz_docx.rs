//! A fuzz target over the Word reader, as proptests over arbitrary input. Two generators feed
//! `import::docx::read`:
//!
//! - (d) mutations of real document parts (TD514's Word export, the LibreOffice-written TD514
//!   and the quirks fixture): byte flips, truncations, deletions, and WordML pieces spliced in
//!   anywhere (tables and cells opened and closed out of turn, huge spans and list levels,
//!   tracked changes, entities declared and used, character references XML forbids, deep
//!   nesting);
//! - (e) mutations of whole .docx files: the zip container's bytes flipped and cut.
//!
//! Whatever the input: reading never panics; a refusal is one sentence; whatever reads also
//! checks, exports (HTML and Word) and saves, and loads back from its save as the same agenda.
//!
//! `AGENDUM_FUZZ_CASES` sets the run's size: this target runs a tenth of it (Word inputs cost
//! more each), at least 100; `AGENDUM_FUZZ_SEED` replays a run. `scripts/fuzz.sh` runs it.

mod common;

use std::io::Write;

use proptest::collection::vec;
use proptest::prelude::*;

use agendum_core::import::docx::read;
use agendum_core::{check, export, format};
use common::docx::parts;
use common::fuzz;
use common::td514;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/word/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The document parts the mutations start from.
fn documents() -> Vec<String> {
    vec![
        parts(&export::docx(&td514()))["word/document.xml"].clone(),
        parts(&fixture("td514-libreoffice.docx"))["word/document.xml"].clone(),
        String::from_utf8(fixture("quirks/word/document.xml")).unwrap(),
    ]
}

/// The whole files the container mutations start from.
fn files() -> Vec<Vec<u8>> {
    vec![export::docx(&td514()), fixture("td514-libreoffice.docx")]
}

fn stored(document: &[u8]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("word/document.xml", options).unwrap();
    z.write_all(document).unwrap();
    z.finish().unwrap().into_inner()
}

const PIECES: &[&str] = &[
    "<w:tbl>",
    "</w:tbl>",
    "<w:tr>",
    "</w:tr>",
    "<w:tc>",
    "</w:tc>",
    "<w:p>",
    "</w:p>",
    "<w:r><w:t>1.2.3.4.5.6.7.8.9</w:t></w:r>",
    "<w:tcPr><w:gridSpan w:val=\"4294967295\"/></w:tcPr>",
    "<w:tcPr><w:vMerge/></w:tcPr>",
    "<w:pPr><w:numPr><w:ilvl w:val=\"250\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr>",
    "<w:del><w:r><w:t>gone</w:t></w:r></w:del>",
    "<w:ins><w:r><w:t>Annex Q: x</w:t></w:r></w:ins>",
    "&#0;",
    "&#xD800;",
    "&#1114112;",
    "&undeclared;",
    "<!ENTITY x \"y\">",
    "<w:t>TD",
    "<w:r><w:rPr><w:b/></w:rPr><w:t>Source:</w:t></w:r>",
    "<w:t>14:30 - 99:99 hours</w:t>",
    "<w:br/>",
    "<![CDATA[<w:p>]]>",
    "<?pi x?>",
    "<!-- -->",
    "<mc:Fallback>",
    "</mc:Fallback>",
    "\u{0}",
    "\u{FEFF}",
    "&",
    "<",
    "\"",
];

#[derive(Clone, Debug)]
enum Edit {
    Flip { at: prop::sample::Index, byte: u8 },
    Cut { at: prop::sample::Index },
    Delete { at: prop::sample::Index, len: usize },
    Splice { at: prop::sample::Index, piece: usize, times: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        1 => (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(at, byte)| Edit::Flip { at, byte }),
        1 => any::<prop::sample::Index>().prop_map(|at| Edit::Cut { at }),
        1 => (any::<prop::sample::Index>(), 1..400usize).prop_map(|(at, len)| Edit::Delete { at, len }),
        3 => (any::<prop::sample::Index>(), 0..PIECES.len(), prop_oneof![8 => Just(1usize), 1 => 2..200usize])
            .prop_map(|(at, piece, times)| Edit::Splice { at, piece, times }),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        if bytes.is_empty() {
            break;
        }
        match e {
            Edit::Flip { at, byte } => {
                let i = at.index(bytes.len());
                bytes[i] = *byte;
            }
            Edit::Cut { at } => bytes.truncate(at.index(bytes.len())),
            Edit::Delete { at, len } => {
                let i = at.index(bytes.len());
                let end = (i + len).min(bytes.len());
                bytes.drain(i..end);
            }
            Edit::Splice { at, piece, times } => {
                let i = at.index(bytes.len() + 1);
                let piece = PIECES[*piece].repeat(*times);
                bytes.splice(i..i, piece.into_bytes());
            }
        }
    }
    bytes
}

/// Reads one file and checks what must hold of the result: Ok(true) if it read.
fn exercise(bytes: &[u8]) -> Result<bool, String> {
    match read(bytes, "fuzz") {
        Ok(got) => {
            let a = got.agenda;
            let _ = check(&a);
            let _ = export::html(&a);
            let _ = export::docx(&a);
            let saved = format::save(&a);
            let back = format::load(&saved)
                .map_err(|e| format!("what was read does not load back from its save: {e}"))?;
            if back.agenda != a {
                return Err("what was read is not the same once saved and loaded".into());
            }
            Ok(true)
        }
        Err(e) => {
            let msg = e.to_string();
            if !msg.starts_with("The ") || !msg.ends_with('.') || msg.contains('\n') || msg.len() > 400 {
                return Err(format!("a refusal that is not one sentence: {msg:?}"));
            }
            Ok(false)
        }
    }
}

fn run(name: &str, stream: u64, strategy: impl Strategy<Value = Vec<u8>>) {
    fuzz::run(name, stream, cases(), "docx", strategy, |bytes| exercise(bytes));
}

/// Word inputs cost more each: a tenth of the run's size, at least 100.
fn cases() -> u32 {
    (fuzz::total_cases() / 10).max(100)
}

#[test]
fn fuzz_mutated_word_documents() {
    let docs = documents();
    let strategy = (0..docs.len(), vec(edit(), 1..6))
        .prop_map(move |(k, edits)| stored(&apply(docs[k].clone().into_bytes(), &edits)));
    run("mutated Word documents", 4, strategy);
}

#[test]
fn fuzz_mutated_word_files() {
    let files = files();
    let strategy =
        (0..files.len(), vec(edit(), 1..4)).prop_map(move |(k, edits)| apply(files[k].clone(), &edits));
    run("mutated Word files", 5, strategy);
}
