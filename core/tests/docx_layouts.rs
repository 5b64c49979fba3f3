//! Word agendas laid out otherwise than Agendum's own export, as rapporteurs write them: other
//! column names and orders, numbers typed in the title or made by Word's numbering, times typed
//! every way, breaks across the row, Annex A headed like an items table, text boxes, hidden text
//! and the prompts of empty content controls. What the user wrote is read where it belongs, and
//! what is not understood is kept, never dropped.

use agendum_core::format;
use agendum_core::import::docx::{read, Imported};
use agendum_core::model::{Item, MAX_ITEM_DEPTH};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn cell(inner: &str, span: usize) -> String {
    let span =
        if span > 1 { format!("<w:tcPr><w:gridSpan w:val=\"{span}\"/></w:tcPr>") } else { String::new() };
    format!("<w:tc>{span}{inner}</w:tc>")
}

/// A table of rows of plain cells; a cell written "text|n" spans n columns.
fn table(rows: &[&[&str]]) -> String {
    let rows: String = rows
        .iter()
        .map(|r| {
            let cells: String = r
                .iter()
                .map(|c| match c.rsplit_once('|') {
                    Some((t, n)) if n.parse::<usize>().is_ok() => cell(&p(t), n.parse().unwrap()),
                    _ => cell(&p(c), 1),
                })
                .collect();
            format!("<w:tr>{cells}</w:tr>")
        })
        .collect();
    format!("<w:tbl>{rows}</w:tbl>")
}

fn zipped(parts: &[(&str, String)]) -> Vec<u8> {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in parts {
        z.start_file(*name, options).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.finish().unwrap().into_inner()
}

fn document(body: &str) -> String {
    format!("<w:document xmlns:w=\"{W}\"><w:body>{}{body}</w:body></w:document>", p("TD514"))
}

fn import(body: &str) -> Imported {
    read(&zipped(&[("word/document.xml", document(body))]), "x").expect("the file reads")
}

fn items(got: &Imported) -> Vec<&Item> {
    fn walk<'a>(items: &'a [Item], out: &mut Vec<&'a Item>) {
        for i in items {
            out.push(i);
            walk(&i.children, out);
        }
    }
    let mut out = Vec::new();
    for s in &got.agenda.sessions {
        walk(&s.items, &mut out);
    }
    out
}

fn titles(got: &Imported) -> Vec<&str> {
    items(got).iter().map(|i| i.title.as_str()).collect()
}

#[test]
fn an_item_column_beside_a_subject_column_holds_the_numbers() {
    let got = import(&table(&[
        &["Item", "Subject", "Documents", "Action"],
        &["1", "Opening of the meeting", "", "To note."],
        &["2", "Approval of the agenda", "TD514", "To adopt."],
        &["2.1", "Review of the workshop report", "TD599", "To note."],
    ]));
    assert_eq!(
        titles(&got),
        ["Opening of the meeting", "Approval of the agenda", "Review of the workshop report"]
    );
    let a = &got.agenda.sessions[0].items;
    assert_eq!(a[1].docs[0].printed(), "TD514");
    assert_eq!(a[1].actions, ["To adopt"]);
    assert_eq!(a[1].children[0].title, "Review of the workshop report", "2.1 is a sub-item of 2");
    assert_eq!(got.summary.not_understood, 0);
}

#[test]
fn numbers_typed_in_the_title_or_left_out_still_make_items() {
    let typed = import(&table(&[
        &["Time", "Agenda item", "Docs"],
        &["14:30", "1. Opening", ""],
        &["14:35", "2. Approval of the agenda", "TD514"],
        &["14:40", "2.1 Workshop report", "TD599"],
    ]));
    assert_eq!(titles(&typed), ["Opening", "Approval of the agenda", "Workshop report"]);
    assert_eq!(typed.agenda.sessions[0].items[1].children.len(), 1);
    // A programme with no numbers at all: each titled row is an item.
    let programme = import(&table(&[
        &["Time", "Subject", "Documents"],
        &["09:30", "Welcome address", ""],
        &["09:45", "Keynote: the future of standards", "TD514"],
    ]));
    assert_eq!(titles(&programme), ["Welcome address", "Keynote: the future of standards"]);
    // But a year is no item number.
    let year = import(&table(&[&["#", "Agenda item", "Docs"], &["1", "2025 budget", "TD514"]]));
    assert_eq!(titles(&year), ["2025 budget"]);
}

#[test]
fn times_typed_every_way_are_read_and_a_range_gives_the_duration() {
    let got = import(&table(&[
        &["Timing", "#", "Agenda item"],
        &["09:30-10:00", "1", "Range"],
        &["09:30 – 10:15", "2", "Range with an en dash"],
        &["09h30", "3", "French"],
        &["2:30 pm", "4", "Afternoon"],
        &["14:30 CET", "5", "With a zone"],
        &["TBD", "6", "Not yet timed"],
    ]));
    let got = items(&got);
    let starts: Vec<String> =
        got.iter().map(|i| i.start.map(|t| t.to_string()).unwrap_or_default()).collect();
    assert_eq!(starts, ["09:30", "09:30", "09:30", "14:30", "14:30", ""]);
    assert_eq!((got[0].duration, got[1].duration, got[2].duration), (Some(30), Some(45), None));
    assert_eq!(got[5].notes, "Time: TBD", "a time not understood is kept");
}

#[test]
fn summary_and_proposal_columns_are_both_read() {
    let got = import(&table(&[
        &["Timing", "#", "Agenda item", "Docs", "Summary", "Proposal"],
        &["14:30", "1", "Opening", "TD514", "The agenda for the meeting.", "To adopt."],
    ]));
    let item = items(&got)[0];
    assert_eq!(item.summary, "The agenda for the meeting.");
    assert_eq!(item.actions, ["To adopt"]);
}

#[test]
fn a_break_across_the_row_is_an_item_and_a_cell_across_two_columns_is_read_once() {
    let got = import(&table(&[
        &["Timing", "#", "Agenda item", "Docs", "Summary and Proposal"],
        &["Thursday, 1 August 2024|2", "RG-SOP session|3"],
        &["14:30", "1", "Opening", "", "To note."],
        &["15:00", "", "Coffee break|3"],
        &["15:15", "2", "Any other business|2", "To note."],
    ]));
    assert_eq!(got.agenda.sessions.len(), 1, "the break starts no session");
    assert_eq!(titles(&got), ["Opening", "Coffee break", "Any other business"]);
    let all = items(&got);
    assert_eq!(all[1].start.unwrap().to_string(), "15:00");
    assert!(all[2].docs.is_empty(), "the title spanning Docs is no document: {:?}", all[2].docs);
    assert_eq!(all[2].actions, ["To note"]);
}

#[test]
fn annex_a_headed_document_source_title_is_the_register() {
    let got = import(&format!(
        "{}{}{}",
        table(&[&["#", "Agenda item", "Docs"], &["1", "Opening", "TD514"], &["2", "Strategy", "C103"]]),
        p("Annex A: Documents"),
        table(&[
            &["No.", "Document", "Source", "Title"],
            &["1", "TD514", "Rapporteur, RG-SOP", "Draft agenda"],
            &["2", "C103", "Ericsson Canada", "Elements to consider"],
        ]),
    ));
    assert_eq!(titles(&got), ["Opening", "Strategy"]);
    let numbers: Vec<String> = got.agenda.register.iter().map(|e| e.number.to_string()).collect();
    assert_eq!(numbers, ["TD514", "C103"]);
    assert_eq!(got.agenda.register[1].source, "Ericsson Canada");
}

#[test]
fn a_rev_column_adds_the_revision_a_number_leaves_out() {
    let got = import(&format!(
        "{}{}",
        table(&[&["#", "Agenda item", "Docs"], &["1", "Opening", "TD514R1"]]),
        table(&[
            &["TD", "Rev.", "Title"],
            &["TD514", "1", "Agenda"],
            &["TD515R2", "2", "Report"],
            &["TD516", "R1, R2", "Plan"],
        ]),
    ));
    let numbers: Vec<String> = got.agenda.register.iter().map(|e| e.number.to_string()).collect();
    assert_eq!(numbers, ["TD514R1", "TD515R2", "TD516R2"]);
}

#[test]
fn text_boxes_hidden_text_and_empty_prompts_are_left_out_and_the_rest_kept() {
    let text_box = "<w:r><w:drawing><wp:anchor xmlns:wp=\"x\"><w:txbxContent><w:p><w:r><w:t>DRAFT</w:t></w:r></w:p></w:txbxContent></wp:anchor></w:drawing></w:r>";
    let title = format!("<w:p>{text_box}<w:r><w:t>Approval of the agenda</w:t></w:r></w:p>");
    let hidden =
        "<w:p><w:r><w:t>TD514</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>, TD999</w:t></w:r></w:p>";
    let prompt = "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Click or tap here to enter text.</w:t></w:r></w:p></w:sdtContent></w:sdt>";
    let row =
        |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.iter().map(|c| cell(c, 1)).collect::<String>());
    let body = format!(
        "<w:tbl>{}{}</w:tbl>",
        row(&[p("#"), p("Agenda item"), p("Docs"), p("Summary and Proposal")]),
        row(&[p("1"), title, hidden.to_string(), prompt.to_string()]),
    );
    let got = import(&body);
    let item = items(&got)[0];
    assert_eq!(item.title, "Approval of the agenda");
    let docs: Vec<String> = item.docs.iter().map(|d| d.printed()).collect();
    assert_eq!(docs, ["TD514"]);
    assert_eq!(item.summary, "");
}

#[test]
fn numbering_deeper_than_an_agenda_may_nest_still_saves_as_a_file_that_opens() {
    let mut rows: Vec<Vec<String>> = vec![vec!["#".into(), "Agenda item".into(), "Docs".into()]];
    let mut number = String::new();
    for level in 0..MAX_ITEM_DEPTH + 20 {
        number = if level == 0 { "1".into() } else { format!("{number}.1") };
        rows.push(vec![number.clone(), format!("Level {}", level + 1), String::new()]);
    }
    let rows: Vec<Vec<&str>> = rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
    let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    let got = import(&table(&rows));
    assert_eq!(items(&got).len(), MAX_ITEM_DEPTH + 20, "every row is kept");
    let again = format::load(&format::save(&got.agenda)).expect("the imported agenda opens again");
    assert_eq!(again.agenda, got.agenda);
}

#[test]
fn a_package_naming_its_document_in_its_own_way_opens() {
    let rels = "<?xml version='1.0'?><pr:Relationships xmlns:pr='http://schemas.openxmlformats.org/package/2006/relationships'><pr:Relationship Target='./word/main.xml' Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument'/></pr:Relationships>";
    let doc = document(&table(&[&["#", "Agenda item", "Docs"], &["1", "Opening", "TD514"]]));
    let bytes = zipped(&[("_rels/.rels", rels.to_string()), ("word/main.xml", doc)]);
    let got = read(&bytes, "x").expect("single quotes, a prefix and ./ are read");
    assert_eq!(titles(&got), ["Opening"]);
}

#[test]
fn sessions_read_back_from_word_keep_their_dates() {
    let a = agendum_core::format::load(include_str!("fixtures/td514.agenda.json")).unwrap().agenda;
    let back = read(&agendum_core::export::docx(&a), "x").unwrap().agenda;
    let dates = |a: &agendum_core::Agenda| a.sessions.iter().map(|s| s.date).collect::<Vec<_>>();
    assert_eq!(dates(&back), dates(&a));
    assert!(dates(&a).iter().all(Option::is_some));
}

#[test]
fn numbers_as_people_type_them_give_the_outline() {
    let got = import(&table(&[
        &["#", "Agenda item", "Docs"],
        &["1)", "One", ""],
        &["2 bis", "Two bis", ""],
        &["Item 3", "Three", ""],
        &["3.1.", "Three one", ""],
        &["\u{200e}4", "Four, after an invisible mark", ""],
        &["A.1", "Under a letter", ""],
    ]));
    assert_eq!(got.summary.not_understood, 0);
    let depths: Vec<usize> = {
        fn walk(items: &[Item], depth: usize, out: &mut Vec<usize>) {
            for i in items {
                out.push(depth);
                walk(&i.children, depth + 1, out);
            }
        }
        let mut out = Vec::new();
        walk(&got.agenda.sessions[0].items, 0, &mut out);
        out
    };
    assert_eq!(depths, [0, 0, 0, 1, 0, 1]);
}

#[test]
fn sessions_on_one_line_or_as_headings_before_their_tables_are_read() {
    let one_line = import(&table(&[
        &["Timing", "#", "Agenda item", "Docs"],
        &["Monday, 22 January 2024, 09:30 – 12:30 hours Geneva time — Opening plenary|4"],
        &["09:30", "1", "Opening", ""],
        &["Tuesday 23 January 2024, 0930-1230 hrs|4"],
        &["09:30", "2", "Wrap-up", ""],
    ]));
    let s = &one_line.agenda.sessions;
    assert_eq!(s.len(), 2);
    assert_eq!(
        (s[0].day_label.as_str(), s[0].title.as_str()),
        ("Monday, 22 January 2024", "Opening plenary")
    );
    assert_eq!(
        (s[0].start.unwrap().to_string(), s[0].end.unwrap().to_string()),
        ("09:30".into(), "12:30".into())
    );
    assert_eq!(s[0].date.unwrap().to_string(), "2024-01-22");
    assert_eq!(one_line.agenda.time_zone_label, "Geneva time");
    assert_eq!(s[1].start.unwrap().to_string(), "09:30", "the year is no time");

    let columns: &[&str] = &["#", "Agenda item", "Docs"];
    let headed = import(&format!(
        "{}{}{}{}",
        p("Session 1 – Monday, 22 January 2024, 09:30-12:30"),
        table(&[columns, &["1", "Opening", ""], &["2", "Agenda", "TD514"]]),
        p("Session 2 – Tuesday, 23 January 2024, 14:30-17:30"),
        table(&[columns, &["3", "Closing", ""]]),
    ));
    let s = &headed.agenda.sessions;
    assert_eq!(s.iter().map(|s| s.items.len()).collect::<Vec<_>>(), [2, 1]);
    assert_eq!((s[1].title.as_str(), s[1].day_label.as_str()), ("Session 2", "Tuesday, 23 January 2024"));
    assert!(!headed.agenda.notes.contains("Session"), "the headings are no note: {}", headed.agenda.notes);
}

#[test]
fn annex_headings_written_every_way_start_their_annexes() {
    let got = import(&format!(
        "{}{}{}{}{}{}{}{}",
        table(&[&["#", "Agenda item", "Docs"], &["1", "Opening", "(Annex B)"]]),
        p("ANNEX B – Terms of reference"),
        p("RG-SOP studies strategy."),
        p("Annex C:"),
        p("Work plan"),
        p("Milestones."),
        p("Annex D contains the logistics, which a sentence only mentions."),
        p("Appendix I – Contacts"),
    ));
    let annexes: Vec<(&str, &str)> =
        got.agenda.annexes.iter().map(|a| (a.title.as_str(), a.body.as_str())).collect();
    assert_eq!(
        annexes,
        [
            ("Terms of reference", "RG-SOP studies strategy."),
            ("Work plan", "Milestones.\nAnnex D contains the logistics, which a sentence only mentions."),
            ("Contacts", ""),
        ]
    );
}

#[test]
fn a_title_row_above_the_header_and_french_column_names_are_read() {
    let got = import(&table(&[
        &["DRAFT AGENDA|4"],
        &["Heure", "N°", "Sujet", "Documents"],
        &["09:30", "1", "Ouverture", "TD514"],
        &["09:40", "2", "Stratégie", "C103, C104"],
    ]));
    assert_eq!(titles(&got), ["Ouverture", "Stratégie"]);
    assert_eq!(items(&got)[1].docs.len(), 2);
    assert!(got.agenda.notes.contains("DRAFT AGENDA"), "the title row is kept: {}", got.agenda.notes);
}

#[test]
fn a_session_row_written_into_the_cells_and_a_bold_title_with_a_colon_are_read() {
    let got = import(&table(&[
        &["Timing", "#", "Agenda item", "Docs"],
        &["09:30-12:30", "", "Monday 22 January 2024 – Session 1", ""],
        &["09:30", "1", "Opening", ""],
        &["10:00-10:30", "2", "Review of the 22 January workshop", ""],
    ]));
    let s = &got.agenda.sessions;
    assert_eq!(s.len(), 1);
    assert_eq!((s[0].title.as_str(), s[0].day_label.as_str()), ("Session 1", "Monday 22 January 2024"));
    assert_eq!(titles(&got), ["Opening", "Review of the 22 January workshop"]);

    let bold = |text: &str| format!("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{text}</w:t></w:r></w:p>");
    let row =
        |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.iter().map(|c| cell(c, 1)).collect::<String>());
    let got = import(&format!(
        "<w:tbl>{}{}</w:tbl>",
        row(&[p("#"), p("Agenda item"), p("Docs")]),
        row(&[p("1"), bold("Liaison statements: incoming"), p("TD610")]),
    ));
    let item = items(&got)[0];
    assert_eq!((item.source.as_str(), item.title.as_str()), ("", "Liaison statements: incoming"));
}

#[test]
fn an_agenda_drawn_inside_a_frame_of_one_cell_is_read_as_what_it_holds() {
    let inner = table(&[&["#", "Agenda item", "Docs"], &["1", "Opening", "TD514"], &["2", "Closing", ""]]);
    let got = import(&format!("<w:tbl><w:tr>{}</w:tr></w:tbl>", cell(&format!("{}{inner}", p("Agenda")), 1)));
    assert_eq!(titles(&got), ["Opening", "Closing"]);
}

#[test]
fn an_agenda_written_as_numbered_paragraphs_is_read() {
    let numbered = |level: u8, text: &str| {
        format!(
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
        )
    };
    let got = import(
        &[
            p("Source: Rapporteur, Q6/17"),
            p("Title: Draft agenda, Q6/17 meeting"),
            p("Tuesday 2 December 2025, 09:30-12:30"),
            numbered(0, "Opening of the meeting"),
            numbered(0, "Approval of the agenda (TD580)"),
            numbered(1, "Review of the previous report (TD581)"),
            p("The report is to be found on the web."),
            p("3. Contributions: C103, C104"),
            p("4. Closing (after lunch)"),
        ]
        .concat(),
    );
    let a = &got.agenda;
    assert_eq!((a.source.as_str(), a.title.as_str()), ("Rapporteur, Q6/17", "Draft agenda, Q6/17 meeting"));
    assert_eq!(a.sessions.len(), 1);
    assert_eq!(a.sessions[0].start.unwrap().to_string(), "09:30");
    assert_eq!(a.sessions[0].date.unwrap().to_string(), "2025-12-02");
    assert_eq!(
        titles(&got),
        [
            "Opening of the meeting",
            "Approval of the agenda",
            "Review of the previous report",
            "Contributions",
            "Closing (after lunch)"
        ]
    );
    let all = items(&got);
    let docs = |i: &Item| i.docs.iter().map(|d| d.printed()).collect::<Vec<_>>();
    assert_eq!(docs(all[1]), ["TD580"], "brackets in a sentence are no 'not introduced'");
    assert_eq!(docs(all[3]), ["C103", "C104"]);
    assert_eq!(all[2].notes, "The report is to be found on the web.");
    assert_eq!(a.sessions[0].items[1].children.len(), 1);
}

#[test]
fn a_document_with_neither_an_items_table_nor_numbered_items_says_so() {
    let body = [p("Minutes of the meeting"), p("1. Only one numbered line")].concat();
    let e = read(&zipped(&[("word/document.xml", document(&body))]), "x").unwrap_err();
    assert_eq!(e, agendum_core::import::docx::ImportError::NoAgendaTable);
}
