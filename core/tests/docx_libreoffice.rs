//! The Word export opened by a real word processor: LibreOffice (headless) converts it to PDF,
//! and the PDF's text holds every document number, item number, time and title; so do the
//! meeting report in Word (its outcomes and statuses) and the agenda with its changes tracked
//! (the words inserted and deleted both shown, as Word's Review shows them). It needs
//! LibreOffice and pdftotext, which `scripts/tools.sh` installs; `scripts/test.sh` runs it
//! with `--ignored`.

mod common;

use std::path::Path;
use std::process::Command;

use agendum_core::export::{docx, docx_marked, report_docx, Marks};
use agendum_core::Agenda;
use common::{big, td514, td514_reported, td514_revised};

/// The text LibreOffice prints for an agenda's Word export, without any whitespace: a title
/// wraps inside its cell wherever the column ends.
fn printed(a: &Agenda, name: &str) -> String {
    printed_file(&docx(a), name)
}

/// The text LibreOffice prints for a .docx, without any whitespace.
fn printed_file(bytes: &[u8], name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("agendum-docx-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}.docx"));
    std::fs::write(&file, bytes).unwrap();
    let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
    let out = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&file)
        .output()
        .expect("soffice runs (apt-get install libreoffice-writer-nogui)");
    let pdf = dir.join(format!("{name}.pdf"));
    assert!(Path::new(&pdf).exists(), "LibreOffice made no PDF: {}", String::from_utf8_lossy(&out.stderr));
    // -raw keeps the order the text was laid out in: cell by cell, row by row.
    let text = Command::new("pdftotext").arg("-raw").arg(&pdf).arg("-").output().expect("pdftotext runs");
    assert!(text.status.success());
    std::fs::remove_dir_all(&dir).ok();
    String::from_utf8_lossy(&text.stdout).split_whitespace().collect()
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect()
}

fn assert_printed(a: &Agenda, name: &str) {
    let text = printed(a, name);
    let missing = |what: &str| !text.contains(&squeeze(what));
    for e in &a.register {
        assert!(!missing(&e.number.to_string()), "{name}: Annex A's {} is not printed", e.number);
    }
    for row in a.rows() {
        let item = a.item(row.id).unwrap();
        // The # cell, then the item's source and title.
        let source =
            if item.source.trim().is_empty() { String::new() } else { format!("{}:", item.source.trim()) };
        let numbered = format!("{}{source}{}", row.number, item.title.trim());
        assert!(!missing(&numbered), "{name}: item {} is not printed as {numbered:?}", row.number);
        if let Some(t) = item.start {
            assert!(!missing(&format!("{t} hours")), "{name}: item {}'s time is not printed", row.number);
        }
        for d in &item.docs {
            assert!(!missing(&d.number.to_string()), "{name}: item {} cites {}", row.number, d.number);
        }
    }
    for s in &a.sessions {
        assert!(!missing(s.title.trim()), "{name}: the session {} is not printed", s.title);
    }
}

#[test]
#[ignore = "needs LibreOffice and pdftotext: scripts/test.sh runs it"]
fn libreoffice_prints_every_number_time_and_title_of_td514() {
    assert_printed(&td514(), "td514");
}

#[test]
#[ignore = "needs LibreOffice and pdftotext: scripts/test.sh runs it"]
fn libreoffice_prints_every_number_time_and_title_of_500_items() {
    assert_printed(&big(500), "big");
}

#[test]
#[ignore = "needs LibreOffice and pdftotext: scripts/test.sh runs it"]
fn libreoffice_prints_the_report_with_its_outcomes_and_statuses() {
    let a = td514_reported();
    let text = printed_file(&report_docx(&a), "report");
    for what in [
        "TD515",
        "Report of the TSAG RG-SOP meeting",
        "TD667R1 revised as TD667R2",
        "Approved with modifications.",
        "Target dates <to be> added & agreed.",
        "C103 not introduced",
        "Deferred.",
        "[outcome]",
    ] {
        assert!(text.contains(&squeeze(what)), "the report does not print {what:?}: {text}");
    }
    for row in a.rows() {
        assert!(text.contains(&squeeze(a.item(row.id).unwrap().title.trim())), "item {}", row.number);
    }
    for e in &a.register {
        assert!(text.contains(&e.number.to_string()), "the list of documents: {}", e.number);
    }
}

#[test]
#[ignore = "needs LibreOffice and pdftotext: scripts/test.sh runs it"]
fn libreoffice_prints_the_tracked_changes_inserted_and_deleted() {
    let a = td514_revised();
    let text = printed_file(&docx_marked(&a, &Marks::since_last(&a).unwrap()), "marked");
    // The review shows both sides: the words inserted, and those deleted, struck through.
    for what in ["Welcome of new members", "<June>", "Information", "infomration", "Removed since TD514:"] {
        assert!(text.contains(&squeeze(what)), "the marked agenda does not print {what:?}: {text}");
    }
}
