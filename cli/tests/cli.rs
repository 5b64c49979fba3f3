//! The `agendum` command as a user runs it: what it prints and how it exits.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures").join(name)
}

fn agendum(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_agendum")).args(args).output().expect("agendum runs")
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("agendum-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn check_td514_reports_the_category_typo_and_exits_0() {
    let out = agendum(&["check", fixture("td514.agenda.json").to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("Annex A, entry 10 (TD667R1), Category: warning [register.category]"), "{text}");
    assert!(text.contains("Did you mean \"Information\"?"), "{text}");
    assert!(text.ends_with(": 0 errors, 1 warning, 0 notes\n"), "{text}");
}

#[test]
fn check_json_prints_one_object_per_finding() {
    let out = agendum(&["check", "--json", fixture("td514.agenda.json").to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["code"], "register.category");
    assert_eq!(lines[0]["severity"], "warning");
    assert_eq!(lines[0]["fix"], "Change to \"Information\"");
    assert_eq!(lines[0]["field"]["in"], "entry");
}

#[test]
fn an_error_level_finding_exits_1() {
    let text = std::fs::read_to_string(fixture("td514.agenda.json")).unwrap();
    let planted = text.replacen("\"start\": \"15:00\"", "\"start\": \"14:32\"", 1);
    assert_ne!(planted, text);
    let out = agendum(&["check", temp_file("order.agenda.json", &planted).to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[time.order]"), "{text}");
    assert!(text.ends_with(": 1 error, 1 warning, 0 notes\n"), "{text}");
}

#[test]
fn codes_lists_every_check_code_with_its_severity_and_meaning() {
    let out = agendum(&["codes"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), agendum_core::checks::CODES.len(), "{text}");
    let order = text.lines().find(|l| l.starts_with("time.order ")).expect("time.order is listed");
    let words: Vec<&str> = order.split_whitespace().collect();
    assert_eq!(words[1], "error", "{order}");
    assert!(order.ends_with("A start time is earlier than a start time above it"), "{order}");
}

#[test]
fn a_file_that_cannot_be_read_exits_2_with_the_reason() {
    let out = agendum(&["check", "/no/such/file.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("cannot read the file"));
    let bad = temp_file("bad.agenda.json", "{\"format\":\"agendum\",\"version\":7}");
    let out = agendum(&["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("newer Agendum (format version 7)"));
    assert_eq!(agendum(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn export_html_is_the_core_export_and_export_json_round_trips() {
    let path = fixture("td514.agenda.json");
    let out = agendum(&["export", "--html", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let snapshot = std::fs::read(fixture("td514.html")).unwrap();
    assert!(out.stdout == snapshot, "agendum export --html differs from the reviewed snapshot");
    let out = agendum(&["export", "--json", path.to_str().unwrap()]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), std::fs::read_to_string(&path).unwrap());
}

#[test]
fn export_docx_writes_the_cores_word_file() {
    let path = fixture("td514.agenda.json");
    let out = agendum(&["export", "--docx", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(&path).unwrap();
    let agenda = agendum_core::format::load(&text).unwrap().agenda;
    assert!(
        out.stdout == agendum_core::export::docx(&agenda),
        "agendum export --docx differs from the editor's export"
    );
    assert_eq!(&out.stdout[..4], b"PK\x03\x04", "a .docx is a zip archive");
}

#[test]
fn import_reads_the_word_export_back() {
    let path = fixture("td514.agenda.json");
    let word = agendum(&["export", "--docx", path.to_str().unwrap()]).stdout;
    let file = temp_file("td514.docx", "");
    std::fs::write(&file, word).unwrap();
    let out = agendum(&["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json = String::from_utf8(out.stdout).unwrap();
    let back = agendum_core::format::load(&json).expect("the output is an agenda file").agenda;
    let original = agendum_core::format::load(&std::fs::read_to_string(&path).unwrap()).unwrap().agenda;
    assert_eq!(agendum_core::export::html(&back), agendum_core::export::html(&original));
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.ends_with("20 items, 12 documents and 1 annex read.\n"), "{said}");

    let not_word = temp_file("notes.docx", "just text");
    let out = agendum(&["import", not_word.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("is not a Word document (.docx)."));
}

#[test]
fn diff_prints_one_change_a_line_and_exits_1_when_the_files_differ() {
    let old = fixture("td514.agenda.json");
    let text = std::fs::read_to_string(&old).unwrap();
    let revised = text.replacen(
        "\"title\": \"Report of Industry Engagement Workshop\"",
        "\"title\": \"Report of the Industry Engagement Workshop\"",
        1,
    );
    assert_ne!(revised, text);
    let new = temp_file("revised.agenda.json", &revised);
    let out = agendum(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Item 2.1, Title: Report of {+the +}Industry Engagement Workshop\n"
    );
    let out = agendum(&["diff", "--json", old.to_str().unwrap(), new.to_str().unwrap()]);
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["change"], "changed");
    assert_eq!(line["field"]["field"], "title");
    assert_eq!(line["words"][1], serde_json::json!({"words": "inserted", "text": "the "}));
    let same = agendum(&["diff", old.to_str().unwrap(), old.to_str().unwrap()]);
    assert_eq!((same.status.code(), same.stdout.len()), (Some(0), 0));
}

#[test]
fn diff_refuses_two_different_agendas() {
    let old = fixture("td514.agenda.json");
    let out = agendum(&["diff", old.to_str().unwrap(), fixture("sg9-td163.agenda.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("are two different agendas (\"td514-example\" and \"sg9-td163\")"), "{err}");
}

#[test]
fn a_share_link_made_by_export_imports_back_as_the_same_file() {
    let file = fixture("td514.agenda.json");
    let out = agendum(&["export", "--link", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let link = String::from_utf8(out.stdout).unwrap();
    assert!(link.starts_with("#/shared/1.") && link.ends_with('\n'), "{link}");
    let address = format!("https://example.org/agendum/{}", link.trim());
    let back = agendum(&["import", &address]);
    assert_eq!(back.status.code(), Some(0), "{}", String::from_utf8_lossy(&back.stderr));
    let expected = agendum(&["export", "--json", file.to_str().unwrap()]).stdout;
    assert_eq!(back.stdout, expected);
    let cut = agendum(&["import", &address[..address.len() - 10]]);
    assert_eq!(cut.status.code(), Some(2));
    assert!(String::from_utf8(cut.stderr).unwrap().contains("This link is incomplete"));
}
