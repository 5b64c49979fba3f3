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

fn agendum_at(args: &[&str], epoch: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_agendum"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .expect("agendum runs")
}

#[test]
fn export_ics_writes_td514s_session_in_utc() {
    let path = fixture("td514.agenda.json");
    let out = agendum_at(&["export", "--ics", path.to_str().unwrap()], "1733230800");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "{text}");
    assert!(text.contains("\r\nDTSTART:20240801T123000Z\r\nDTEND:20240801T134500Z\r\n"), "{text}");
    assert!(text.contains("\r\nDTSTAMP:20241203T130000Z\r\n"), "the stamp is SOURCE_DATE_EPOCH: {text}");
    assert!(text.contains("\r\nSEQUENCE:0\r\n"), "TD514 is not revised: {text}");
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    // The same file and stamp give the same bytes.
    let again = agendum_at(&["export", path.to_str().unwrap(), "--ics"], "1733230800");
    assert_eq!(String::from_utf8(again.stdout).unwrap(), text);
}

#[test]
fn export_ics_items_says_what_it_left_out_and_takes_a_sequence() {
    let path = fixture("td514.agenda.json");
    let out = agendum_at(&["export", "--ics", path.to_str().unwrap(), "--items", "--sequence", "3"], "0");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 6, "the session and items 1 to 5");
    assert_eq!(text.matches("\r\nSEQUENCE:3\r\n").count(), 6);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("Item 7 (Closure of the meeting) is left out"), "{err}");

    // A revised agenda's events carry its revision as their SEQUENCE.
    let revised =
        std::fs::read_to_string(&path).unwrap().replacen("\"revision\": null", "\"revision\": 2", 1);
    let revised = temp_file("revised-ics.agenda.json", &revised);
    let out = agendum_at(&["export", "--ics", revised.to_str().unwrap()], "0");
    assert!(String::from_utf8(out.stdout).unwrap().contains("\r\nSEQUENCE:2\r\n"));

    assert_eq!(
        agendum(&["export", "--ics", path.to_str().unwrap(), "--sequence", "x"]).status.code(),
        Some(2)
    );
    assert_eq!(agendum(&["export", "--ics", path.to_str().unwrap(), "--all"]).status.code(), Some(2));
}

#[test]
fn a_time_zone_that_does_not_exist_is_a_finding_and_no_calendar() {
    let text = std::fs::read_to_string(fixture("td514.agenda.json")).unwrap();
    let planted = text.replacen("\"Europe/Zurich\"", "\"Europe/Geneve\"", 1);
    assert_ne!(planted, text);
    let path = temp_file("geneve.agenda.json", &planted);

    let out = agendum(&["check", path.to_str().unwrap()]);
    let report = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "a warning: {report}");
    assert!(report.contains("Header, Time zone: warning [agenda.time-zone]"), "{report}");
    assert!(report.contains("(fix: Change to \"Europe/Zurich\")"), "{report}");
    assert!(report.ends_with(": 0 errors, 2 warnings, 0 notes\n"), "{report}");

    let out = agendum(&["export", "--ics", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("\"Europe/Geneve\" is not a time zone"), "{err}");
}

#[test]
fn an_agenda_without_a_time_zone_makes_no_calendar_and_says_why() {
    let text = std::fs::read_to_string(fixture("td514.agenda.json")).unwrap();
    let planted = text.replacen("\"Europe/Zurich\"", "\"\"", 1);
    let path = temp_file("no-zone.agenda.json", &planted);
    let out = agendum(&["export", "--ics", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("the agenda has no time zone"), "{err}");
    // Checking it is not an error: an agenda need not be placed in time to be checked.
    assert_eq!(agendum(&["check", path.to_str().unwrap()]).status.code(), Some(0));
}

#[test]
fn export_html_also_in_a_zone_gives_each_time_in_it_too() {
    let path = fixture("td514.agenda.json");
    let out = agendum(&["export", "--html", path.to_str().unwrap(), "--also-in", "America/New_York"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("<span class=\"second-zone\">08:30–09:45 New York</span>"), "{html}");
    let utc = agendum(&["export", "--also-in", "UTC", "--html", path.to_str().unwrap()]);
    assert!(String::from_utf8(utc.stdout).unwrap().contains("12:30–13:45 UTC"));

    let unknown = agendum(&["export", "--html", path.to_str().unwrap(), "--also-in", "Mars/Olympus_Mons"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("Mars/Olympus_Mons"));
    assert_eq!(agendum(&["export", "--html", path.to_str().unwrap(), "--also-in"]).status.code(), Some(2));
}

/// TD514 after its meeting: the report number TD515, the agenda adopted, TD667R1 revised as
/// TD667R2 (registered) and its item approved with modifications, and the meeting held.
fn td514_after_the_meeting() -> String {
    use agendum_core::docref::{DocNumber, DocStatus};
    let text = std::fs::read_to_string(fixture("td514.agenda.json")).unwrap();
    let mut a = agendum_core::format::load(&text).unwrap().agenda;
    a.report = "TD515".into();
    let adoption = &mut a.sessions[0].items[0].children[0];
    adoption.outcome = "Agreed".into();
    adoption.docs[0].status = Some(DocStatus::Introduced);
    let iem = &mut a.sessions[0].items[1].children[1];
    iem.outcome = "Approved with modifications".into();
    iem.outcome_note = "The meeting asked for the target dates to be added.".into();
    iem.docs[0].status = Some(DocStatus::RevisedAs(DocNumber::parse("TD667R2")));
    let mut r2 = a.register.iter().find(|e| e.number.to_string() == "TD667R1").unwrap().clone();
    (r2.id, r2.number) = (a.next_entry_id(), DocNumber::parse("TD667R2"));
    a.register.push(r2);
    agendum_core::format::save(&a)
}

#[test]
fn export_report_writes_the_report_skeleton_with_outcomes_and_statuses() {
    let path = temp_file("held.agenda.json", &td514_after_the_meeting());
    let out = agendum(&["export", "--report", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    let agenda = agendum_core::format::load(&std::fs::read_to_string(&path).unwrap()).unwrap().agenda;
    assert_eq!(html, agendum_core::export::report(&agenda), "the CLI prints the core's report");
    assert!(html.contains("<td class=\"docno\">TD515</td>"), "the report's own number");
    assert!(html.contains("TD667R1 <span class=\"status\">revised as TD667R2</span>"), "{html}");
    assert!(html.contains("<strong>Approved with modifications.</strong>"), "{html}");
    // Either order of the words: an export after the path, as for the other exports.
    let again = agendum(&["export", path.to_str().unwrap(), "--report"]);
    assert_eq!(String::from_utf8(again.stdout).unwrap(), html);
}

#[test]
fn export_report_without_a_report_number_says_so() {
    let out = agendum(&["export", "--report", fixture("td514.agenda.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("names no report number"), "{err}");
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("<!DOCTYPE html>"));
}

#[test]
fn check_today_asks_for_the_outcomes_of_sessions_that_have_passed() {
    let path = fixture("td514.agenda.json");
    // The day of the session: nothing is due yet.
    let out = agendum(&["check", "--today", "2024-08-01", path.to_str().unwrap()]);
    assert!(String::from_utf8(out.stdout).unwrap().ends_with(": 0 errors, 1 warning, 0 notes\n"));
    // The day after: every item that asks the meeting for something needs its outcome.
    let out = agendum(&["check", path.to_str().unwrap(), "--today", "2 August 2024"]);
    assert_eq!(out.status.code(), Some(0), "warnings only");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Item 1.1, Outcome: warning [outcome.missing] Its session has passed"), "{text}");
    assert!(text.ends_with(": 0 errors, 14 warnings, 0 notes\n"), "{text}");
    // After the meeting of the fixture above, the outcomes entered are not asked for again.
    let held = temp_file("held-check.agenda.json", &td514_after_the_meeting());
    let out = agendum(&["check", "--json", "--today", "2024-08-02", held.to_str().unwrap()]);
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.iter().filter(|l| l["code"] == "outcome.missing").count(), 11);

    let bad = agendum(&["check", "--today", "someday", path.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8(bad.stderr).unwrap().contains("--today: "));
    assert_eq!(agendum(&["check", "--today"]).status.code(), Some(2));
}

#[test]
fn bundle_and_unbundle_carry_agendas_there_and_back() {
    let files = [fixture("td514.agenda.json"), fixture("sg9-td163.agenda.json")];
    let args: Vec<&str> =
        std::iter::once("bundle").chain(files.iter().map(|f| f.to_str().unwrap())).collect();
    let out = agendum(&args);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let bundle = String::from_utf8(out.stdout).unwrap();
    assert!(bundle.starts_with("{\"format\":\"agendum-bundle\",\"version\":1,\"agendas\":["));
    let path = temp_file("library.agendum-bundle.json", &bundle);
    let dir = std::env::temp_dir().join(format!("agendum-cli-unbundle-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = agendum(&["unbundle", path.to_str().unwrap(), dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let written: Vec<String> = String::from_utf8(out.stdout).unwrap().lines().map(String::from).collect();
    assert_eq!(written.len(), 2);
    assert!(written[0].ends_with("TD514-agenda-rg-sop.agenda.json"), "{written:?}");
    // Each file written is the file the editor's Export JSON writes: the fixture, byte for byte.
    for (w, f) in written.iter().zip(&files) {
        let exported = agendum(&["export", "--json", f.to_str().unwrap()]).stdout;
        assert_eq!(std::fs::read(w).unwrap(), exported);
    }
    // Again into the same folder: nothing is written over, the new files get their own names.
    let out = agendum(&["unbundle", path.to_str().unwrap(), dir.to_str().unwrap()]);
    let again = String::from_utf8(out.stdout).unwrap();
    assert!(again.lines().next().unwrap().ends_with("TD514-agenda-rg-sop-2.agenda.json"), "{again}");
}

#[test]
fn unbundle_refuses_what_is_not_a_bundle_and_names_an_unreadable_agenda() {
    let dir = std::env::temp_dir().join(format!("agendum-cli-unbundle-bad-{}", std::process::id()));
    let out = agendum(&["unbundle", fixture("td514.agenda.json").to_str().unwrap(), dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("td514.agenda.json is one agenda, not a bundle of agendas"), "{err}");
    let text = temp_file("notes.txt", "{\"minutes\": []}");
    let out = agendum(&["unbundle", text.to_str().unwrap(), dir.to_str().unwrap()]);
    assert!(String::from_utf8(out.stderr).unwrap().contains("is not a bundle of agendas"));
    let bad = temp_file(
        "bad.agendum-bundle.json",
        "{\"format\":\"agendum-bundle\",\"version\":1,\"agendas\":[{\"file\":{\"format\":\"agendum\",\"version\":3,\"agenda\":{\"id\":\"x\",\"colour\":1}}}]}",
    );
    let out = agendum(&["unbundle", bad.to_str().unwrap(), dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("Agenda 1 of the bundle could not be read. It has a problem at agenda.colour"),
        "{err}"
    );
}

#[test]
fn export_html_marked_marks_what_changed_since_the_last_published_revision() {
    let text = std::fs::read_to_string(fixture("td514.agenda.json")).unwrap();
    let mut a = agendum_core::format::load(&text).unwrap().agenda;
    let none = temp_file("unpublished.agenda.json", &agendum_core::format::save(&a));
    let out = agendum(&["export", "--html", none.to_str().unwrap(), "--marked"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no published revision"));

    agendum_core::revisions::publish(&mut a, "2024-07-20".parse().unwrap(), "09:00".parse().unwrap())
        .unwrap();
    a.title = "Agenda, RG-SOP (revised)".into();
    let path = temp_file("published.agenda.json", &agendum_core::format::save(&a));
    let out = agendum(&["export", "--marked", "--html", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("Changes since TD514 are marked"), "{html}");
    let clean = agendum(&["export", "--html", path.to_str().unwrap()]);
    assert!(!String::from_utf8(clean.stdout).unwrap().contains("Changes since"));
}

/// Whether `bytes` hold `text`: a .docx is a stored zip, its parts' XML legible in it.
fn holds(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

#[test]
fn export_report_docx_writes_the_report_as_word() {
    let path = temp_file("held-word.agenda.json", &td514_after_the_meeting());
    let out = agendum(&["export", "--report", path.to_str().unwrap(), "--docx"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let agenda = agendum_core::format::load(&std::fs::read_to_string(&path).unwrap()).unwrap().agenda;
    assert!(out.stdout == agendum_core::export::report_docx(&agenda), "the CLI writes the core's report");
    assert_eq!(&out.stdout[..4], b"PK\x03\x04", "a .docx is a zip archive");
    assert!(holds(&out.stdout, ">TD515<") && holds(&out.stdout, ">Approved with modifications.<"));
    // Any order of the words.
    let again = agendum(&["export", "--docx", "--report", path.to_str().unwrap()]);
    assert!(again.stdout == out.stdout);
    let marked = agendum(&["export", "--report", "--docx", "--marked", path.to_str().unwrap()]);
    assert_eq!(marked.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&marked.stderr).contains("the report has none of its own"));
}

#[test]
fn export_docx_marked_writes_the_changes_as_tracked_changes() {
    let text = std::fs::read_to_string(fixture("td514.agenda.json")).unwrap();
    let mut a = agendum_core::format::load(&text).unwrap().agenda;
    let none = temp_file("unpublished-word.agenda.json", &agendum_core::format::save(&a));
    let out = agendum(&["export", "--docx", none.to_str().unwrap(), "--marked"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no published revision"));
    assert!(out.stdout.is_empty());

    agendum_core::revisions::publish(&mut a, "2024-07-20".parse().unwrap(), "09:00".parse().unwrap())
        .unwrap();
    a.sessions[0].items[0].title = "Opening of the meeting".into();
    let path = temp_file("published-word.agenda.json", &agendum_core::format::save(&a));
    let out = agendum(&["export", "--marked", "--docx", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let marks = agendum_core::export::Marks::since_last(&a).unwrap();
    assert!(out.stdout == agendum_core::export::docx_marked(&a, &marks), "the CLI writes the core's");
    assert!(holds(&out.stdout, "w:author=\"Agendum\" w:date=\"2024-07-20T09:00:00\""));
    // "Opening [-and-]{+of the+} [-welcome-]{+meeting+}".
    assert!(holds(&out.stdout, "<w:delText xml:space=\"preserve\">and</w:delText></w:r></w:del>"));
    assert!(holds(&out.stdout, "<w:t xml:space=\"preserve\">meeting</w:t></w:r></w:ins>"));
    let clean = agendum(&["export", "--docx", path.to_str().unwrap()]).stdout;
    assert!(!holds(&clean, "<w:ins ") && !holds(&clean, "<w:del "), "the plain export stays clean");
}

fn td514() -> agendum_core::Agenda {
    agendum_core::format::load(&std::fs::read_to_string(fixture("td514.agenda.json")).unwrap())
        .unwrap()
        .agenda
}

/// A bundle of the agendas, as Export all writes it, in a file of its own.
fn bundle_file(name: &str, agendas: &[agendum_core::Agenda]) -> PathBuf {
    use agendum_core::bundle::{write, Entry};
    let entries: Vec<Entry> = agendas.iter().map(|a| Entry { agenda: a, edited: None, origin: "" }).collect();
    temp_file(name, &write(&entries))
}

fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("agendum-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn unbundle_gives_every_agenda_a_name_any_file_system_takes() {
    let titled = |document: &str, title: &str| {
        let mut a = td514();
        (a.document, a.title) = (document.into(), title.into());
        a
    };
    // One word of 86 Chinese characters is 258 bytes; most file systems take 255 at most.
    let zh = "国际电信联盟电信标准化部门第九研究组关于有线电视网络和综合宽带电缆网络上的视频音频和数据传输的全体会议议程草案以及相关文件的登记和后续会议安排说明和会议期间各工作组的时间表";
    let agendas = [
        titled("SG9-TD163/GEN", zh),
        titled("", &"x".repeat(300)),
        titled(&format!("TD{}", "1".repeat(300)), ""),
        titled("", "Con"),
        titled("", "lpt1"),
        titled("", "nul"),
        titled("TD514", "Agenda, RG-SOP"),
    ];
    let path = bundle_file("names.agendum-bundle.json", &agendas);
    let dir = fresh_dir("names");
    let out = agendum(&["unbundle", path.to_str().unwrap(), dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let written: Vec<PathBuf> = String::from_utf8(out.stdout).unwrap().lines().map(PathBuf::from).collect();
    assert_eq!(written.len(), agendas.len(), "{written:?}");
    let names: Vec<String> =
        written.iter().map(|w| w.file_name().unwrap().to_str().unwrap().to_string()).collect();
    assert!(names[0].starts_with("SG9TD163GEN-国际电信联盟"), "{names:?}");
    assert_eq!(names[1], format!("{}.agenda.json", "x".repeat(100)));
    assert_eq!(names[2], format!("TD{}.agenda.json", "1".repeat(98)));
    // Windows has no file named CON, with any extension: the agenda gets another name there.
    assert_eq!(&names[3..6], ["con-agenda.agenda.json", "lpt1-agenda.agenda.json", "nul-agenda.agenda.json"]);
    assert_eq!(names[6], "TD514-agenda-rg-sop.agenda.json", "an ordinary name is as it was");
    for (name, (w, a)) in names.iter().zip(written.iter().zip(&agendas)) {
        assert!(name.len() <= 112, "{name} is {} bytes", name.len());
        assert_eq!(std::fs::read_to_string(w).unwrap(), agendum_core::format::save(a), "{name}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
#[cfg(target_os = "linux")]
fn unbundle_writes_the_others_when_one_cannot_be_written() {
    // A folder so deep that a long name makes a path over the 4096 bytes Linux opens: the
    // second agenda cannot be written there, the first and third can.
    let root = fresh_dir("deep");
    let mut dir = root.clone();
    while dir.as_os_str().len() < 4040 {
        dir.push("d".repeat(200.min(4040 - dir.as_os_str().len()).max(1)));
    }
    let mut long = td514();
    (long.document, long.title) = (String::new(), "x".repeat(300));
    let mut short = td514();
    (short.document, short.title) = (String::new(), "short".into());
    let path = bundle_file("deep.agendum-bundle.json", &[short.clone(), long, short]);
    let out = agendum(&["unbundle", path.to_str().unwrap(), dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let written = String::from_utf8(out.stdout).unwrap();
    assert_eq!(written.lines().count(), 2, "{written}");
    assert!(written.lines().nth(1).unwrap().ends_with("short-2.agenda.json"), "{written}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("Agenda 2 of the bundle (\"xxxxxxxx"), "{err}");
    assert!(err.contains("could not be written. "), "{err}");
    assert!(err.contains("2 of its 3 agendas written into"), "{err}");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn unbundling_an_empty_bundle_says_it_holds_no_agenda() {
    let path = bundle_file("empty.agendum-bundle.json", &[]);
    let dir = fresh_dir("empty");
    let out = agendum(&["unbundle", path.to_str().unwrap(), dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("the bundle holds no agenda; nothing was written"), "{err}");
    assert!(!dir.exists(), "no folder is made for nothing");
}

#[test]
fn an_unreadable_edited_time_sets_aside_that_time_only() {
    let good = agendum_core::format::record(&td514());
    let text = format!(
        "{{\"format\":\"agendum-bundle\",\"version\":1,\"agendas\":[\n{{\"edited\":\"yesterday\",\"file\":{good}}},\n{{\"edited\":1733100000000,\"origin\":7,\"file\":{good}}}\n]}}"
    );
    let path = temp_file("edited.agendum-bundle.json", &text);
    let dir = fresh_dir("edited");
    let out = agendum(&["unbundle", path.to_str().unwrap(), dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("Agenda 1 of the bundle: its \"edited\" is not a time (milliseconds since 1970)"),
        "{err}"
    );
    assert!(err.contains("Agenda 2 of the bundle: its \"origin\" is not a text"), "{err}");
    assert!(!err.contains("Agenda 2 of the bundle: its \"edited\""), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bundle_given_for_an_agenda_says_to_unbundle_it() {
    let sg9 = agendum_core::format::load(&std::fs::read_to_string(fixture("sg9-td163.agenda.json")).unwrap())
        .unwrap()
        .agenda;
    let path = bundle_file("two.agendum-bundle.json", &[td514(), sg9]);
    let p = path.to_str().unwrap();
    for args in [vec!["check", p], vec!["export", "--html", p], vec!["bundle", p]] {
        let out = agendum(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains(&format!(
                "{p} is a bundle of 2 agendas (Export all), not one agenda: use `agendum unbundle {p} DIR`"
            )),
            "{err}"
        );
    }
}

/// TD514 with a title and a time zone that would clear the screen, retitle the window and turn
/// the text red, and a C1 control (CSI, U+009B) a terminal may obey as well.
fn hostile() -> agendum_core::Agenda {
    let mut a = td514();
    a.title = "Agenda\u{1b}[2J\u{1b}]0;PWNED\u{7}\u{1b}[31m RED\u{9b}1m\r".into();
    a.time_zone = "\u{1b}[31mRED".into();
    a
}

fn holds_control(text: &str) -> bool {
    text.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
}

#[test]
fn texts_from_a_file_reach_the_terminal_without_their_control_characters() {
    let a = hostile();
    let path = temp_file("hostile.agenda.json", &agendum_core::format::save(&a));
    let p = path.to_str().unwrap();

    let out = agendum(&["check", p]);
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(!holds_control(&report), "{report:?}");
    assert!(report.contains("\"\u{FFFD}[31mRED\" is not a time zone"), "{report}");

    // Data for a program stays exactly what the file holds.
    let out = agendum(&["check", "--json", p]);
    let line: serde_json::Value =
        serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert!(line["message"].as_str().unwrap().contains("\u{1b}[31mRED"), "{line}");
    assert_eq!(agendum(&["export", "--json", p]).stdout, std::fs::read(&path).unwrap());

    let link = String::from_utf8(agendum(&["export", "--link", p]).stdout).unwrap();
    let out = agendum(&["import", link.trim()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, std::fs::read(&path).unwrap());
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(!holds_control(&said), "{said:?}");
    assert!(said.contains("TD514 Agenda\u{FFFD}[2J\u{FFFD}]0;PWNED"), "{said}");

    let old = fixture("td514.agenda.json");
    let out = agendum(&["diff", old.to_str().unwrap(), p]);
    let changes = String::from_utf8(out.stdout).unwrap();
    assert!(changes.contains("[31m"), "{changes}");
    assert!(!holds_control(&changes), "{changes:?}");

    // What a file says of itself in a refusal is shown so too.
    let out = agendum(&["export", "--ics", p]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("\"\u{FFFD}[31mRED\" is not a time zone"), "{err}");
    assert!(!holds_control(&err), "{err:?}");
}

#[test]
fn a_share_link_pasted_from_a_mail_imports() {
    let file = fixture("td514.agenda.json");
    let link = String::from_utf8(agendum(&["export", "--link", file.to_str().unwrap()]).stdout).unwrap();
    let link = link.trim();
    let expected = agendum(&["export", "--json", file.to_str().unwrap()]).stdout;
    let address = format!("https://agendum.example/{link}");
    let encoded = |s: &str| {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect::<String>()
    };
    let (head, tail) = link.split_at(60);
    let pasted = [
        address.replacen('#', "%23", 1),
        encoded(&address),
        format!(
            "https://eur01.safelinks.protection.outlook.com/?url={}&data=05%7C02%7Cr%40itu.int%7C0&sdata=x%3D&reserved=0",
            encoded(&address)
        ),
        format!("<{address}>"),
        format!("‹{address}›"),
        format!("{address}."),
        format!("(see {address})."),
        format!("> {head}\n> {tail}"),
        format!("{head}\u{200B}{tail}"),
    ];
    for p in &pasted {
        let out = agendum(&["import", p]);
        assert_eq!(out.status.code(), Some(0), "{p}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout == expected, "{p}");
    }
    // Damaged stays damaged, and a file that is not there is still a file that is not there.
    let damaged = agendum(&["import", &address.replacen("eN", "e+", 1)]);
    assert!(String::from_utf8(damaged.stderr).unwrap().contains("This link is damaged"));
    let missing = agendum(&["import", "/no/such/shared/agenda.docx"]);
    assert!(String::from_utf8(missing.stderr).unwrap().contains("cannot read the file"));
}

#[test]
fn a_file_saved_as_utf16_is_read() {
    let text = std::fs::read_to_string(fixture("td514.agenda.json")).unwrap();
    let expected = agendum(&["export", "--json", fixture("td514.agenda.json").to_str().unwrap()]).stdout;
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let saved = [
        ("le-bom", [vec![0xFF, 0xFE], le.clone()].concat()),
        ("be-bom", [vec![0xFE, 0xFF], be.clone()].concat()),
        ("le", le.clone()),
        ("be", be),
    ];
    for (name, bytes) in saved {
        let path = temp_file(&format!("utf16-{name}.agenda.json"), "");
        std::fs::write(&path, bytes).unwrap();
        let out = agendum(&["export", "--json", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout == expected, "{name}");
        let out = agendum(&["check", path.to_str().unwrap()]);
        assert!(String::from_utf8(out.stdout).unwrap().ends_with(": 0 errors, 1 warning, 0 notes\n"));
    }
    let cut = temp_file("utf16-cut.agenda.json", "");
    std::fs::write(&cut, &le[..le.len() - 1]).unwrap();
    let out = agendum(&["check", cut.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("is UTF-16 text, but not whole: save it as UTF-8"), "{err}");

    // A bundle so saved unbundles too.
    let bundle = std::fs::read_to_string(bundle_file("utf16.agendum-bundle.json", &[td514()])).unwrap();
    let path = temp_file("utf16.agendum-bundle.json", "");
    std::fs::write(
        &path,
        [vec![0xFF, 0xFE], bundle.encode_utf16().flat_map(u16::to_le_bytes).collect()].concat(),
    )
    .unwrap();
    let dir = fresh_dir("utf16");
    let out = agendum(&["unbundle", path.to_str().unwrap(), dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}
