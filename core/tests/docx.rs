//! The Word export as Word and LibreOffice read it: a complete package (content types,
//! relationships, unique ids), well-formed parts whatever the agenda holds, the TD's layout
//! (a header row on every page, rows that never split), and every text the HTML export prints.

mod common;

use agendum_core::docref::DocNumber;
use agendum_core::export::{docx, printed};
use agendum_core::model::annex_letter;
use agendum_core::Agenda;
use common::docx::{attributes, opens_without_repair, paragraphs, parts, well_formed};
use common::{big, td514};

/// The body's paragraphs, one string each.
fn texts(a: &Agenda) -> Vec<String> {
    paragraphs(&parts(&docx(a))["word/document.xml"])
}

/// Whether some paragraph of the body reads exactly `text`.
fn has_paragraph(texts: &[String], text: &str) -> bool {
    texts.iter().any(|t| t == text)
}

#[test]
fn td514_exports_a_package_word_opens_without_repair() {
    opens_without_repair(&docx(&td514()));
}

#[test]
fn the_header_row_repeats_on_every_page_and_no_row_splits() {
    let doc = &parts(&docx(&td514()))["word/document.xml"];
    let rows = doc.matches("<w:tr>").count();
    assert_eq!(doc.matches("<w:cantSplit/>").count(), rows, "a row may split across pages");
    // The items table's and Annex A's heads.
    assert_eq!(doc.matches("<w:tblHeader/>").count(), 2);
    let texts = paragraphs(doc);
    let head = ["Timing", "#", "Agenda Item", "Docs", "Summary and Proposal"];
    let at = texts.iter().position(|t| t == "Timing").expect("the items table has its head");
    assert_eq!(&texts[at..at + 5], head);
}

#[test]
fn every_text_of_the_html_export_is_in_the_word_export() {
    let a = td514();
    let texts = texts(&a);
    let all = texts.join("\n");
    for (label, value) in [
        ("Meeting:", a.meeting.trim().to_string()),
        ("Place and dates:", printed::place_and_dates(&a)),
        ("Source:", a.source.trim().to_string()),
        ("Title:", a.title.trim().to_string()),
        ("Status:", a.status.trim().to_string()),
    ] {
        let at = texts.iter().position(|t| t == label).unwrap_or_else(|| panic!("no {label} in the header"));
        assert_eq!(texts[at + 1], value, "{label}");
    }
    assert!(has_paragraph(&texts, "TD514"), "the document number");
    assert!(has_paragraph(&texts, "Original: English"));
    assert!(all.contains("Action required: RG-SOP is invited to adopt this agenda"), "{all}");
    for s in &a.sessions {
        assert!(has_paragraph(&texts, s.title.trim()), "session {}", s.title);
        let times = printed::session_times(&a, s).expect("TD514's sessions have times");
        assert!(all.contains(&times), "{times}");
    }
    for row in a.rows() {
        let item = a.item(row.id).unwrap();
        assert!(has_paragraph(&texts, &row.number), "item number {}", row.number);
        let title = match item.source.trim() {
            "" => item.title.trim().to_string(),
            s => format!("{s}: {}", item.title.trim()),
        };
        assert!(has_paragraph(&texts, &title), "item {}: {title}", row.number);
        if let Some(t) = item.start {
            assert!(has_paragraph(&texts, &format!("{t} hours")), "item {} at {t}", row.number);
        }
        for d in &item.docs {
            let n = if d.introduced { d.number.to_string() } else { format!("({})", d.number) };
            assert!(has_paragraph(&texts, &n), "item {} cites {n}", row.number);
            if !d.note.trim().is_empty() {
                assert!(has_paragraph(&texts, &format!("({})", d.note.trim())), "the note {}", d.note);
            }
        }
        for act in &item.actions {
            assert!(all.contains(&printed::action(act)), "item {}: {act}", row.number);
        }
    }
    for (i, e) in a.register.iter().enumerate() {
        assert!(has_paragraph(&texts, &format!("{}.", i + 1)));
        assert!(has_paragraph(&texts, &e.number.to_string()), "Annex A: {}", e.number);
        assert!(has_paragraph(&texts, e.title.trim()), "Annex A: {}", e.title);
    }
    for (i, an) in a.annexes.iter().enumerate() {
        assert!(has_paragraph(&texts, &format!("Annex {}: {}", annex_letter(i), an.title.trim())));
    }
    for m in &a.future_meetings {
        assert!(has_paragraph(&texts, &printed::future_meeting(m)));
    }
}

#[test]
fn bullets_are_word_list_paragraphs() {
    let mut a = td514();
    a.annexes[0].body = "Intro line\n- first\n- second\n\nAfter".into();
    let doc = &parts(&docx(&a))["word/document.xml"];
    let bullets = doc.matches("<w:pStyle w:val=\"ListBullet\"/><w:numPr>").count();
    assert!(bullets >= 2, "{bullets}");
    let texts = paragraphs(doc);
    let at = texts.iter().position(|t| t == "first").expect("the first bullet is a paragraph of its own");
    assert_eq!(texts[at + 1], "second");
    assert_eq!(texts[at + 2], "After");
}

#[test]
fn linked_numbers_are_hyperlinks_to_the_template() {
    let mut a = td514();
    a.link_template = "https://www.itu.int/md/T22-TSAG-{number}?a=1&b=2".into();
    let p = parts(&docx(&a));
    let targets = attributes(&p["word/_rels/document.xml.rels"], b"Relationship", b"Target");
    assert!(targets.iter().any(|t| t == "https://www.itu.int/md/T22-TSAG-TD514?a=1&b=2"), "{targets:?}");
}

#[test]
fn the_same_agenda_gives_the_same_bytes() {
    assert!(docx(&td514()) == docx(&td514()));
}

#[test]
fn any_text_a_file_may_hold_stays_well_formed_and_readable() {
    let mut a = td514();
    let hostile = "A]]><w:p>&amp;\u{1}\u{b}\"'<script>\u{FFFF}\u{1F600} end";
    a.title = hostile.into();
    a.sessions[0].items[0].title = hostile.into();
    a.register[0].source = hostile.into();
    a.annexes[0].body = format!("- {hostile}");
    a.link_template = "https://example.org/{number}\"><x".into();
    let p = parts(&docx(&a));
    for (name, xml) in &p {
        well_formed(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let texts = paragraphs(&p["word/document.xml"]);
    let kept = "A]]><w:p>&amp;\"'<script>\u{1F600} end";
    assert!(texts.iter().any(|t| t == kept), "the text is kept, without what XML cannot hold");
}

#[test]
fn an_empty_agenda_exports_too() {
    let a = agendum_core::templates::blank("e");
    for (name, xml) in &parts(&docx(&a)) {
        well_formed(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn a_plenary_sized_agenda_holds_every_item() {
    let a = big(2000);
    let texts = texts(&a);
    for row in a.rows() {
        assert!(has_paragraph(&texts, &row.number), "item {}", row.number);
    }
    assert!(a.register.iter().all(|e| matches!(e.number, DocNumber::Document(_))));
}

#[test]
fn the_td_header_fills_the_word_header_table() {
    let mut a = td514();
    a.study_period = "2017-2020".into();
    a.questions = "All/9".into();
    a.purpose = "Admin".into();
    a.contact.name = "Ms Jane Doe".into();
    a.contact.email = "jane.doe@example.org".into();
    a.keywords = "agenda; plenary".into();
    let texts = texts(&a);
    assert!(has_paragraph(&texts, "STUDY PERIOD 2017-2020"));
    for (label, value) in [
        ("Question(s):", "All/9"),
        ("Purpose:", "Admin"),
        ("Contact:", "Ms Jane Doe"),
        ("Keywords:", "agenda; plenary"),
    ] {
        let at = texts.iter().position(|t| t == label).unwrap_or_else(|| panic!("no {label} in the header"));
        assert_eq!(texts[at + 1], value, "{label}");
    }
    // The contact's lines are paragraphs of their own, as Word's TD template has them.
    assert!(has_paragraph(&texts, "E-mail: jane.doe@example.org"));
    // Read back, the header is the same.
    let back = agendum_core::import::docx::read(&docx(&a), "back").expect("reads back").agenda;
    assert_eq!(
        (back.study_period, back.questions, back.purpose, back.keywords, back.original_language),
        ("2017-2020".into(), "All/9".into(), "Admin".into(), "agenda; plenary".into(), "English".into())
    );
    assert_eq!(back.contact, a.contact);
}
