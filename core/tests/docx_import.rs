//! Word files read back into agendas: the Word export of an agenda gives the agenda back, as
//! printed; Word's own quirks are read through; bad files get one sentence.

mod common;

use agendum_core::export::{docx, html};
use agendum_core::import::docx::{read, ImportError};
use common::{big, td514};

/// The printed agenda, line by line, for a readable difference.
fn printed(a: &agendum_core::Agenda) -> Vec<String> {
    html(a)
        .replace("<tr", "\n<tr")
        .replace("<p", "\n<p")
        .replace("<h", "\n<h")
        .lines()
        .map(str::to_string)
        .collect()
}

fn assert_same_print(a: &agendum_core::Agenda, b: &agendum_core::Agenda) {
    let (x, y) = (printed(a), printed(b));
    for (i, (l, r)) in x.iter().zip(&y).enumerate() {
        assert_eq!(l, r, "line {i} of the printed agenda differs");
    }
    assert_eq!(x.len(), y.len());
}

#[test]
fn td514_exported_to_word_and_read_back_prints_the_same() {
    let a = td514();
    let back = read(&docx(&a), "back").expect("the export reads back");
    assert_same_print(&a, &back.agenda);
}

#[test]
fn a_plenary_sized_agenda_reads_back() {
    let a = big(500);
    let back = read(&docx(&a), "back").expect("the export reads back");
    assert_same_print(&a, &back.agenda);
    assert_eq!(back.summary.items, a.rows().len());
}

#[test]
fn a_file_that_is_not_word_gets_one_sentence() {
    for (bytes, want) in [
        (b"not a zip at all".to_vec(), ImportError::NotDocx),
        (b"PK\x03\x04 broken".to_vec(), ImportError::NotDocx),
        (vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], ImportError::Encrypted),
    ] {
        let e = read(&bytes, "x").unwrap_err();
        assert_eq!(e, want);
        let msg = e.to_string();
        assert!(msg.starts_with("The ") && msg.ends_with('.') && !msg.contains('\n'), "{msg}");
    }
}

/// A .docx of a folder of parts under `tests/fixtures/word/`, deflated as Word writes them.
fn package(folder: &str) -> Vec<u8> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/word").join(folder);
    let parts: Vec<(&str, Vec<u8>)> = ["[Content_Types].xml", "_rels/.rels", "word/document.xml"]
        .into_iter()
        .map(|name| (name, std::fs::read(root.join(name)).unwrap()))
        .collect();
    zipped(&parts)
}

/// A zip archive of `parts`, deflated.
fn zipped(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        z.start_file(*name, options).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap().into_inner()
}

#[test]
fn a_zip_bomb_is_refused_before_it_inflates_past_the_limit() {
    let huge = vec![b' '; agendum_core::import::docx::MAX_PART_BYTES as usize + 1];
    let bytes = zipped(&[("word/document.xml", huge)]);
    assert!(bytes.len() < 1 << 20, "it is small as a file: {} bytes", bytes.len());
    let e = read(&bytes, "x").unwrap_err();
    assert_eq!(e, ImportError::TooLarge);
    assert!(e.to_string().contains("too large"), "{e}");
}

#[test]
fn paths_that_point_outside_the_archive_are_never_followed() {
    let doc =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/word/quirks/word/document.xml"))
            .unwrap();
    let bytes = zipped(&[
        ("../../evil.xml", b"<x/>".to_vec()),
        ("/etc/passwd", b"root".to_vec()),
        ("word/document.xml", doc),
    ]);
    let got = read(&bytes, "x").expect("the document part is read by its own name");
    assert_eq!(got.agenda.document, "TD163");
}

#[test]
fn malformed_xml_gets_one_sentence() {
    let bytes = zipped(&[("word/document.xml", b"<w:document><w:body><w:p></w:body>".to_vec())]);
    let e = read(&bytes, "x").unwrap_err();
    assert!(matches!(e, ImportError::BadXml(_)), "{e:?}");
    let msg = e.to_string();
    assert!(
        msg.starts_with("The Word document is damaged") && msg.ends_with('.') && !msg.contains('\n'),
        "{msg}"
    );
}

#[test]
fn word_quirks_are_read_through() {
    let got = read(&package("quirks"), "q").expect("the quirks file reads");
    let a = &got.agenda;
    assert_eq!((a.document.as_str(), a.group.as_str()), ("TD163", "STUDY GROUP 9"));
    assert_eq!(a.source, "Chairman, Study Group 9");
    assert_eq!(a.title, "Draft agenda of SG9 Plenary meetings", "split runs and proofing marks");
    assert_eq!(a.place, "Geneva");
    assert_eq!(
        (a.start_date.unwrap().to_string(), a.end_date.unwrap().to_string()),
        ("2018-01-22".into(), "2018-01-26".into())
    );
    assert_eq!(
        a.action_required, "SG9 is invited to adopt the agenda.",
        "insertions kept, deletions dropped"
    );
    // The TD header's own fields, entities as written.
    assert_eq!(
        (a.study_period.as_str(), a.questions.as_str(), a.purpose.as_str(), a.original_language.as_str()),
        ("2017-2020", "All/9", "Admin &boom;", "English")
    );
    assert!(!a.notes.contains("STUDY PERIOD") && !a.notes.contains("Question"), "{}", a.notes);

    assert_eq!(a.sessions.len(), 2);
    let s = &a.sessions[0];
    assert_eq!((s.day_label.as_str(), s.title.as_str()), ("Monday, 22 January 2018", "Opening plenary"));
    assert_eq!((s.start.unwrap().to_string(), s.end.unwrap().to_string()), ("09:30".into(), "12:30".into()));
    let items = &s.items;
    assert_eq!(items[0].title, "Opening of the meeting", "runs split in a word, bookmarks, comments");
    assert_eq!(items[0].start.unwrap().to_string(), "09:30");
    assert_eq!(items[0].actions, ["To note"]);
    assert_eq!((items[1].source.as_str(), items[1].title.as_str()), ("Chairman", "Approval of the agenda"));
    let docs: Vec<String> = items[1].docs.iter().map(|d| d.printed()).collect();
    assert_eq!(docs, ["TD163", "(TD164)", "TD165", "C103"], "smart tags, content controls and fields");
    let sub = &items[1].children[0];
    assert_eq!(
        sub.title, "Report of the “Industry”\nWorkshop’s outcome",
        "soft breaks, no-break spaces, curly quotes"
    );
    assert_eq!(sub.docs[0].note, "Output of the workshop");
    assert_eq!(sub.actions, ["To note"], "a nested table's text is read in its cell");
    assert!(sub.summary.contains("Presented on Monday"), "{}", sub.summary);
    // The row not understood is kept in the item above, and counted.
    assert!(sub.notes.contains("see the list below"), "{:?}", sub.notes);
    assert_eq!(got.summary.not_understood, 1);
    // Word's automatic numbering gives the tree.
    let wp1 = &a.sessions[1].items;
    assert_eq!(
        wp1.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(),
        ["Welcome", "Closing"],
        "alternate content read once"
    );
    assert_eq!(wp1[0].children[0].title, "Roll call");
    // Annex A with a revision column, and a free-text annex with its bullets.
    let numbers: Vec<String> = a.register.iter().map(|e| e.number.to_string()).collect();
    assert_eq!(numbers, ["TD163R1", "C103"]);
    assert_eq!(a.annexes[0].title, "Terms of reference");
    assert_eq!(a.annexes[0].body, "The group studies:\n- operations\n- planning");
    assert_eq!(
        got.summary.to_string(),
        "6 items, 2 documents and 1 annex read; 1 row not understood, kept as text."
    );
}

#[test]
fn a_word_file_with_no_agenda_table_says_so() {
    let e = read(&package("no-table"), "x").unwrap_err();
    assert_eq!(e, ImportError::NoAgendaTable);
    assert!(e.to_string().contains("no agenda table"), "{e}");
}

mod generated {
    //! Export → import over generated agendas of the kind people write: what Export Word
    //! prints, the Word reader reads back, as printed.

    use agendum_core::docref::{DocNumber, DocRef};
    use agendum_core::export::{docx, html};
    use agendum_core::import::docx::read;
    use agendum_core::model::{Agenda, EntryId, Item, ItemId, RegisterEntry, Session, SessionId, ACTIONS};
    use agendum_core::time::Time;
    use proptest::collection::vec;
    use proptest::prelude::*;
    use proptest::sample::select;

    const WORDS: &[&str] = &[
        "work",
        "plan",
        "report",
        "of",
        "the",
        "group",
        "liaison",
        "draft",
        "Recommendation",
        "Y.3000",
        "2025–2028",
        "(revised)",
        "“quoted”",
        "TSB’s",
        "&",
        "<x>",
    ];

    fn words(n: std::ops::Range<usize>) -> impl Strategy<Value = String> {
        vec(select(WORDS), n).prop_map(|w| w.join(" "))
    }

    #[derive(Clone, Debug)]
    struct Row {
        depth: usize,
        title: String,
        source: Option<String>,
        doc: Option<(u32, bool)>,
        summary: String,
        action: Option<&'static str>,
        start: Option<(u8, u8)>,
    }

    fn row() -> impl Strategy<Value = Row> {
        (
            0..3usize,
            words(1..6),
            proptest::option::of(
                select(&["Chair", "TSB", "Rapporteur, RG-SOP", "Ericsson; Nokia"][..]).prop_map(String::from),
            ),
            proptest::option::of((1..900u32, any::<bool>())),
            prop_oneof![Just(String::new()), words(1..8)],
            proptest::option::of(select(ACTIONS)),
            proptest::option::of((8..18u8, 0..60u8)),
        )
            .prop_map(|(depth, title, source, doc, summary, action, start)| Row {
                depth,
                title,
                source,
                doc,
                summary,
                action,
                start,
            })
    }

    fn agenda() -> impl Strategy<Value = Agenda> {
        let header = (words(1..4), words(0..3), words(0..3), words(0..3), words(0..3));
        (vec((words(1..5), vec(row(), 1..8)), 1..4), words(1..4), header).prop_map(
            |(sessions, title, header)| {
                let mut a = agendum_core::templates::blank("g");
                a.title = title;
                let (questions, purpose, keywords, name, organisation) = header;
                (a.study_period, a.questions, a.purpose, a.keywords) =
                    ("2025-2028".into(), questions, purpose, keywords);
                a.contact.name = name;
                a.contact.organisation = organisation;
                a.contact.email = "chair@example.org".into();
                a.original_language = "English".into();
                a.document = "TD100".into();
                let mut id = 1;
                for (si, (stitle, rows)) in sessions.into_iter().enumerate() {
                    let mut s = Session::new(SessionId(si as u32 + 1));
                    s.title = stitle;
                    s.day_label = "Monday, 2 March".into();
                    s.start = Time::from_hm(9, 0);
                    s.end = Time::from_hm(17, 0);
                    let mut last_depth = 0;
                    for r in rows {
                        let mut item = Item::new(ItemId(id), &r.title);
                        id += 1;
                        item.source = r.source.unwrap_or_default();
                        if let Some((n, introduced)) = r.doc {
                            let number = format!("TD{n}");
                            item.docs = vec![DocRef { introduced, ..DocRef::new(&number) }];
                            if !a.register.iter().any(|e| e.number == DocNumber::parse(&number)) {
                                let eid = EntryId(a.register.len() as u32 + 1);
                                a.register.push(RegisterEntry {
                                    id: eid,
                                    number: DocNumber::parse(&number),
                                    category: "Contribution".into(),
                                    source: "TSB".into(),
                                    title: item.title.clone(),
                                });
                            }
                        }
                        item.summary = r.summary;
                        item.actions = r.action.map(|x| vec![x.to_string()]).unwrap_or_default();
                        item.start = r.start.and_then(|(h, m)| Time::from_hm(h, m));
                        // A sub-item needs an item above it, one level up at most.
                        let depth = if s.items.is_empty() { 0 } else { r.depth.min(last_depth + 1) };
                        last_depth = depth;
                        let mut list = &mut s.items;
                        for _ in 0..depth {
                            list = &mut list.last_mut().expect("an item above").children;
                        }
                        list.push(item);
                    }
                    a.sessions.push(s);
                }
                a
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn an_agenda_exported_to_word_reads_back_as_printed(a in agenda()) {
            let back = read(&docx(&a), "back").expect("the export reads back");
            prop_assert_eq!(html(&back.agenda), html(&a));
        }
    }
}
