//! The agenda file format: round trips, every refusal with the message the user reads, the
//! migration from version 1, and the committed JSON Schema.

use agendum_core::format::{self, load, save, split_proposal, LoadError, MAX_FILE_BYTES};
use agendum_core::model::Item;
use agendum_core::Agenda;

const TD514: &str = include_str!("fixtures/td514.agenda.json");
const TD514_V1: &str = include_str!("fixtures/td514.v1.agenda.json");
const TD514_V2: &str = include_str!("fixtures/td514.v2.agenda.json");
const TD514_V3: &str = include_str!("fixtures/td514.v3.agenda.json");

/// TD514 as read from its file: these tests are about the file, so they go through `load`,
/// not the shared template.
fn td514() -> Agenda {
    load(TD514).expect("the TD514 fixture loads").agenda
}

/// The error a text is refused with, and its message as the user reads it.
fn refusal(text: &str) -> (LoadError, String) {
    match load(text) {
        Ok(_) => panic!("expected the file to be refused:\n{}", &text[..text.len().min(400)]),
        Err(e) => {
            let msg = e.to_string();
            (e, msg)
        }
    }
}

/// The fixture with `pattern` (which must occur exactly once) replaced.
fn fixture_with(pattern: &str, replacement: &str) -> String {
    assert_eq!(TD514.matches(pattern).count(), 1, "{pattern:?} must occur once in the fixture");
    TD514.replacen(pattern, replacement, 1)
}

/// 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).expect("needle present");
    text[..at].matches('\n').count() + 1
}

// ---------------------------------------------------------------------------------------------
// Round trips

#[test]
fn saving_the_loaded_fixture_gives_back_the_same_bytes() {
    let loaded = load(TD514).unwrap();
    assert_eq!(loaded.migrated_from, None);
    let saved = save(&loaded.agenda);
    if saved != TD514 {
        let first = saved.lines().zip(TD514.lines()).position(|(a, b)| a != b);
        panic!("save(load(fixture)) differs from the fixture, first at line {:?}", first.map(|l| l + 1));
    }
}

#[test]
fn loading_a_saved_agenda_gives_back_the_same_agenda() {
    let a = td514();
    let again = load(&save(&a)).unwrap();
    assert_eq!(again.migrated_from, None);
    assert_eq!(again.agenda, a);

    // Also with every optional field in use.
    let mut b = a.clone();
    b.revision = Some(2);
    b.link_template = "https://www.itu.int/md/T22-TSAG-{number}".into();
    b.actions = vec!["To endorse".into()];
    b.categories = vec!["Liaison (incoming)".into()];
    b.sessions[0].items[0].duration = Some(5);
    b.sessions[0].items[0].children[0].docs[0].note = "Line one\n\"quoted\" <b>".into();
    assert_eq!(load(&save(&b)).unwrap().agenda, b);
}

#[test]
fn a_saved_file_starts_with_its_format_and_version() {
    let saved = save(&td514());
    assert!(
        saved.starts_with("{\n  \"format\": \"agendum\",\n  \"version\": 4,\n  \"agenda\": {"),
        "{saved:.80}"
    );
    assert!(saved.ends_with("}\n"));
}

// ---------------------------------------------------------------------------------------------
// Refusals: each says what is wrong and where

#[test]
fn text_that_is_not_json_is_refused_with_line_and_column() {
    let text = "{\n  \"format\": \"agendum\",\n  \"version\": 2,\n  oops\n}";
    let (e, msg) = refusal(text);
    assert!(matches!(e, LoadError::NotJson { line: 4, .. }), "{e:?}");
    assert!(msg.contains("not valid JSON"), "{msg}");
    assert!(msg.contains("line 4, column 3"), "{msg}");

    let (e, msg) = refusal("");
    assert!(matches!(e, LoadError::NotJson { .. }), "{e:?}");
    assert!(msg.contains("line 1"), "{msg}");

    // A file cut short while saving.
    let cut = &TD514[..TD514.len() / 2];
    let (e, msg) = refusal(cut);
    let LoadError::NotJson { line, .. } = e else { panic!("{e:?}") };
    assert_eq!(line, cut.lines().count());
    assert!(msg.contains(&format!("line {line}, column")), "{msg}");
}

#[test]
fn json_that_is_not_an_agenda_is_refused() {
    for text in [
        "[]",
        "{}",
        "{\"format\":\"other\"}",
        "{\"format\":\"other\",\"version\":2}",
        "\"agendum\"",
        "42",
        "null",
        "{\"format\":2}",
        "{\"version\":2,\"agenda\":{}}",
    ] {
        let (e, msg) = refusal(text);
        assert_eq!(e, LoadError::NotAnAgenda, "{text}");
        assert!(msg.contains("not an Agendum agenda"), "{text}: {msg}");
        assert!(msg.contains("\"format\": \"agendum\""), "{text}: {msg}");
    }
}

#[test]
fn a_newer_version_is_refused_and_named() {
    let text = fixture_with("\"version\": 4,", "\"version\": 99,");
    let (e, msg) = refusal(&text);
    assert_eq!(e, LoadError::TooNew { version: 99 });
    assert!(msg.contains("newer Agendum"), "{msg}");
    assert!(msg.contains("format version 99"), "{msg}");
    assert!(msg.contains(&format!("up to {}", format::FORMAT_VERSION)), "{msg}");
    // Refused on the envelope alone: the rest may be anything a later version writes.
    let (e, _) = refusal("{\"format\":\"agendum\",\"version\":5,\"agenda\":{\"whatever\":[1,2,3]}}");
    assert_eq!(e, LoadError::TooNew { version: 5 });
}

#[test]
fn version_zero_or_not_a_whole_number_is_refused() {
    for v in ["0", "2.5", "\"2\"", "-1", "null", "true", "1e400"] {
        let text = fixture_with("\"version\": 4,", &format!("\"version\": {v},"));
        let (e, msg) = match load(&text) {
            Ok(_) => panic!("version {v} accepted"),
            Err(e) => (e.clone(), e.to_string()),
        };
        if v == "1e400" {
            // Out of range for JSON numbers in serde_json: refused as not JSON, at its line.
            assert!(matches!(e, LoadError::NotJson { line: 3, .. }), "{v}: {e:?}");
            continue;
        }
        assert_eq!(e, LoadError::BadVersion, "{v}");
        assert!(msg.contains("\"version\""), "{v}: {msg}");
        assert!(msg.contains("whole number, 1 or more"), "{v}: {msg}");
    }
    let (e, _) = refusal("{\"format\":\"agendum\",\"agenda\":{}}");
    assert_eq!(e, LoadError::BadVersion, "a missing version");
}

#[test]
fn an_unknown_field_is_refused_with_its_path_and_line() {
    let text = fixture_with(
        "\"id\": 2,\n                \"title\": \"Draft agenda\",",
        "\"id\": 2,\n                \"colour\": \"red\",\n                \"title\": \"Draft agenda\",",
    );
    let (e, msg) = refusal(&text);
    let line = line_of(&text, "\"colour\"");
    let LoadError::Invalid { path, line: Some(l), reason } = &e else { panic!("{e:?}") };
    assert_eq!(path, "agenda.sessions[0].items[0].children[0].colour");
    assert_eq!(*l, line);
    assert!(reason.contains("unknown field `colour`"), "{reason}");
    assert!(msg.contains("agenda.sessions[0].items[0].children[0].colour"), "{msg}");
    assert!(msg.contains(&format!("(line {line})")), "{msg}");

    // The brief's example: the second top-level item.
    let text = fixture_with(
        "\"id\": 6,\n            \"title\"",
        "\"id\": 6,\n            \"colour\": \"red\",\n            \"title\"",
    );
    let (_, msg) = refusal(&text);
    assert!(msg.contains("agenda.sessions[0].items[1].colour"), "{msg}");
    assert!(msg.contains(&format!("(line {})", line_of(&text, "\"colour\""))), "{msg}");

    // At the top and in the agenda header too.
    let text = TD514.replacen("\"format\": \"agendum\",", "\"format\": \"agendum\",\n  \"extra\": 1,", 1);
    let (_, msg) = refusal(&text);
    assert!(msg.contains("at extra (line 3)"), "{msg}");
}

#[test]
fn a_wrong_type_is_refused_with_the_path_of_that_field() {
    for bad in ["25:99", "noon"] {
        let text = fixture_with("\"start\": \"14:35\"", &format!("\"start\": \"{bad}\""));
        let (e, msg) = refusal(&text);
        let LoadError::Invalid { path, line, .. } = &e else { panic!("{e:?}") };
        assert_eq!(path, "agenda.sessions[0].items[1].start", "{bad}");
        assert_eq!(*line, Some(line_of(&text, bad)));
        assert!(msg.contains("agenda.sessions[0].items[1].start"), "{msg}");
        assert!(msg.contains(&format!("\"{bad}\" is not a time")), "{msg}");
        assert!(msg.contains("HH:MM"), "{msg}");
    }
    let text = fixture_with("\"start_date\": \"2024-07-29\"", "\"start_date\": \"2024-02-30\"");
    let (_, msg) = refusal(&text);
    assert!(msg.contains("agenda.start_date"), "{msg}");
    assert!(msg.contains("not a day of the calendar"), "{msg}");

    let text = fixture_with("\"revision\": null", "\"revision\": \"one\"");
    let (_, msg) = refusal(&text);
    assert!(msg.contains("agenda.revision (line 7)"), "{msg}");
    assert!(msg.contains("invalid type"), "{msg}");

    let (e, msg) = refusal("{\"format\":\"agendum\",\"version\":2}");
    assert!(matches!(e, LoadError::Invalid { .. }), "{e:?}");
    assert!(msg.contains("missing field `agenda`"), "{msg}");
}

#[test]
fn a_missing_or_repeated_field_is_refused_at_its_object() {
    let text = fixture_with(
        "\"id\": 3,\n                \"title\": \"Documentation\",",
        "\"title\": \"Documentation\",",
    );
    let (e, msg) = refusal(&text);
    let LoadError::Invalid { path, line: Some(_), reason } = &e else { panic!("{e:?}") };
    assert_eq!(path, "agenda.sessions[0].items[0].children[1]");
    assert!(reason.contains("missing field `id`"), "{reason}");
    assert!(msg.contains("at agenda.sessions[0].items[0].children[1] (line"), "{msg}");

    let text = fixture_with(
        "\"title\": \"Documentation\",",
        "\"title\": \"Documentation\",\n                \"title\": \"Docs\",",
    );
    let (e, _) = refusal(&text);
    let LoadError::Invalid { path, line, reason } = &e else { panic!("{e:?}") };
    assert_eq!(path, "agenda.sessions[0].items[0].children[1]");
    assert_eq!(*line, Some(line_of(&text, "\"Docs\"")));
    assert!(reason.contains("duplicate field `title`"), "{reason}");
}

#[test]
fn a_wrong_value_in_a_list_is_refused_at_its_place_in_the_list() {
    let text = fixture_with("\"To adopt\"", "\"To adopt\", {\"action\": \"To note\"}");
    let (e, _) = refusal(&text);
    let LoadError::Invalid { path, line, reason } = &e else { panic!("{e:?}") };
    assert_eq!(path, "agenda.sessions[0].items[0].children[0].actions[1]");
    assert_eq!(*line, Some(line_of(&text, "\"action\"")));
    assert!(reason.contains("invalid type: map, expected a string"), "{reason}");

    let text = fixture_with("\"categories\": []", "\"categories\": [\"Report\", [\"Admin\"]]");
    let (_, msg) = refusal(&text);
    let at =
        format!("at agenda.categories[1] (line {}): invalid type: sequence", line_of(&text, "[\"Admin\"]"));
    assert!(msg.contains(&at), "{msg}");
}

#[test]
fn a_paragraph_where_a_time_belongs_is_quoted_by_its_start_on_one_line() {
    // A file whose texts slipped a field (a summary pasted into the start time), as a share link
    // changed by hand was found to hold: the refusal is one line, not the paragraph.
    let paragraph =
        format!("ew.\\n- Analyze market needs and technological developments.\\n{}", "x".repeat(100_000));
    let text = fixture_with("\"start\": \"14:35\"", &format!("\"start\": \"{paragraph}\""));
    let (_, msg) = refusal(&text);
    assert!(msg.contains("agenda.sessions[0].items[1].start"), "{msg}");
    assert!(msg.contains("\"ew. - Analyze market needs and technological developments. xxx"), "{msg}");
    assert!(msg.contains("xxx…\" is not a time"), "{msg}");
    assert!(!msg.contains('\n') && msg.len() < 400, "{msg}");
    // A value of the wrong type is quoted whole by serde_json: the reason is cut short.
    let text = fixture_with("\"categories\": []", &format!("\"categories\": \"{paragraph}\""));
    let (_, msg) = refusal(&text);
    assert!(!msg.contains('\n') && msg.chars().count() < 500 && msg.ends_with("…."), "{msg}");
}

#[test]
fn a_time_or_date_is_refused_at_its_field_and_line_wherever_it_is_in_its_object() {
    // The last field of its object, with the closing brace on the next line.
    let text = "{\n  \"format\": \"agendum\",\n  \"version\": 2,\n  \"agenda\": {\n    \"id\": \"x\",\n    \"sessions\": [\n      {\n        \"id\": 1,\n        \"start\": \"noon\"\n      }\n    ],\n    \"end_date\": \"2024-02-30\"\n  }\n}\n";
    let (e, msg) = refusal(text);
    let LoadError::Invalid { path, line, .. } = &e else { panic!("{e:?}") };
    assert_eq!((path.as_str(), *line), ("agenda.sessions[0].start", Some(9)));
    assert!(msg.contains("\"noon\" is not a time"), "{msg}");

    let text = text.replace("\"noon\"", "\"12:00\"");
    let (e, msg) = refusal(&text);
    let LoadError::Invalid { path, line, .. } = &e else { panic!("{e:?}") };
    assert_eq!((path.as_str(), *line), ("agenda.end_date", Some(12)));
    assert!(msg.contains("not a day of the calendar"), "{msg}");
}

#[test]
fn a_problem_has_the_same_path_whatever_the_layout_of_the_file() {
    // As local storage keeps it: on one line.
    let record = format::record(&td514());
    let item = "{\"id\":2,\"title\":\"Draft agenda\",";
    assert_eq!(record.matches(item).count(), 1);
    let (_, msg) =
        refusal(&record.replacen(item, "{\"id\":2,\"colour\":\"red\",\"title\":\"Draft agenda\",", 1));
    assert!(msg.contains("at agenda.sessions[0].items[0].children[0].colour (line 1)"), "{msg}");

    // With Windows line ends, and with the key written with an escape.
    let text = fixture_with(
        "\"id\": 2,\n                \"title\": \"Draft agenda\",",
        "\"id\": 2,\n                \"co\\u006cour\": \"red\",\n                \"title\": \"Draft agenda\",",
    );
    let line = line_of(&text, "\"co\\u006cour\"");
    let (_, msg) = refusal(&text.replace('\n', "\r\n"));
    assert!(
        msg.contains(&format!("at agenda.sessions[0].items[0].children[0].colour (line {line})")),
        "{msg}"
    );
    assert!(msg.contains("unknown field `colour`"), "{msg}");
}

#[test]
fn a_number_out_of_range_is_refused_at_its_field() {
    let text = fixture_with("\"revision\": null", "\"revision\": 1e999");
    let (_, msg) = refusal(&text);
    assert!(msg.contains("at agenda.revision (line 7): number out of range"), "{msg}");
}

#[test]
fn items_nested_too_deep_are_refused_in_one_short_sentence() {
    let mut items = String::from("[]");
    for id in (1..=70).rev() {
        items = format!("[{{\"id\": {id}, \"children\": {items}}}]");
    }
    let text = format!(
        "{{\"format\": \"agendum\", \"version\": 2, \"agenda\": {{\"id\": \"x\", \"sessions\": [{{\"id\": 1, \"items\": {items}}}]}}}}"
    );
    let (e, msg) = refusal(&text);
    assert_eq!(e, LoadError::TooDeep);
    assert_eq!(
        msg,
        "The file is nested too deeply to be an agenda: Agendum nests items at most 50 levels deep."
    );
    // As deep in a file of version 1, read whole before it is migrated.
    let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
    let text = format!(
        "{{\"format\": \"agendum\", \"version\": 1, \"agenda\": {{\"id\": \"x\", \"title\": {deep}}}}}"
    );
    assert_eq!(refusal(&text).0, LoadError::TooDeep);
}

#[test]
fn a_file_saved_with_a_byte_order_mark_is_read() {
    let text = format!("\u{FEFF}{TD514}");
    let loaded = load(&text).expect("a UTF-8 byte-order mark is no part of the JSON");
    assert_eq!(loaded.agenda, td514());
}

#[test]
fn a_repeated_id_is_refused() {
    let text = fixture_with("\"id\": 7,\n                \"title\"", "\"id\": 3,\n                \"title\"");
    let (e, msg) = refusal(&text);
    assert_eq!(e, LoadError::DuplicateId { what: "item", id: 3 });
    assert!(msg.contains("item id 3 twice"), "{msg}");

    let text = fixture_with("\"id\": 12,\n        \"number\"", "\"id\": 1,\n        \"number\"");
    let (e, msg) = refusal(&text);
    assert_eq!(e, LoadError::DuplicateId { what: "register entry", id: 1 });
    assert!(msg.contains("register entry id 1 twice"), "{msg}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let mut text = String::with_capacity(MAX_FILE_BYTES + 1);
    text.push_str(TD514);
    text.extend(std::iter::repeat_n(' ', MAX_FILE_BYTES + 1 - TD514.len()));
    let (e, msg) = refusal(&text);
    assert_eq!(e, LoadError::TooLarge { bytes: MAX_FILE_BYTES + 1 });
    assert!(msg.contains("too large (16.0 MiB)"), "{msg}");
    assert!(msg.contains("at most 16 MiB"), "{msg}");
    // Exactly at the limit is read.
    text.pop();
    assert!(load(&text).is_ok());
}

// ---------------------------------------------------------------------------------------------
// Migration from version 1

#[test]
fn split_proposal_splits_actions_from_what_surrounds_them() {
    let (summary, actions, notes) = split_proposal("To note. Presented at TSAG Plenary.");
    assert_eq!(summary, "");
    assert_eq!(actions, ["To note"]);
    assert_eq!(notes, "Presented at TSAG Plenary.");

    let (summary, actions, notes) = split_proposal(
        "This document regroups the proposed actions.\nto consider. To be approved by WP2 Plenary.",
    );
    assert_eq!(summary, "This document regroups the proposed actions.");
    assert_eq!(actions, ["To consider", "To be approved by WP2 Plenary"]);
    assert_eq!(notes, "");

    // A summary on the same line as the actions stays the summary.
    let (summary, actions, notes) = split_proposal("TSAG to review. To note. Presented at TSAG Plenary.");
    assert_eq!((summary.as_str(), notes.as_str()), ("TSAG to review.", "Presented at TSAG Plenary."));
    assert_eq!(actions, ["To note"]);

    // Full stops inside a reference are not sentence ends.
    let (summary, actions, notes) = split_proposal("To note. See C24/59 Rev.1 and ITU-T X.509.");
    assert_eq!(summary, "");
    assert_eq!(actions, ["To note"]);
    assert_eq!(notes, "See C24/59 Rev.1 and ITU-T X.509.");

    // No actions: everything is the summary.
    let text = "TSAG to review and to provide guidance as deemed appropriate. Presented at RG-SOP interim meeting on 18 June.";
    assert_eq!(split_proposal(text), (text.to_string(), vec![], String::new()));
    assert_eq!(split_proposal(""), (String::new(), vec![], String::new()));
}

#[test]
fn version_1_is_migrated_to_the_same_agenda_less_the_document_notes() {
    let loaded = load(TD514_V1).expect("the version 1 fixture loads");
    assert_eq!(loaded.migrated_from, Some(1));
    let got = loaded.agenda;

    // Version 1 had no per-document note ("Output of RG-IEM meeting" is lost), nor the header
    // fields of version 3.
    let mut want = td514();
    want.original_language.clear();
    fn drop_doc_notes(items: &mut [Item]) {
        for i in items {
            for d in &mut i.docs {
                d.note.clear();
            }
            drop_doc_notes(&mut i.children);
        }
    }
    for s in &mut want.sessions {
        drop_doc_notes(&mut s.items);
    }

    let (mut g, mut w) = (Vec::new(), Vec::new());
    got.for_each_item(|i| g.push(i));
    want.for_each_item(|i| w.push(i));
    assert_eq!(g.len(), w.len());
    for (g, w) in g.iter().zip(&w) {
        assert_eq!(g.docs, w.docs, "docs of item {}", w.id.0);
        assert_eq!(g.summary, w.summary, "summary of item {}", w.id.0);
        assert_eq!(g.actions, w.actions, "actions of item {}", w.id.0);
        assert_eq!(g.notes, w.notes, "notes of item {}", w.id.0);
    }
    assert_eq!(got, want);

    // Saved again, it is a file of the current version.
    let saved = save(&got);
    assert!(saved.contains(&format!("\"version\": {},", format::FORMAT_VERSION)));
    assert_eq!(load(&saved).unwrap().migrated_from, None);
}

#[test]
fn version_2_is_migrated_with_the_header_fields_empty() {
    let loaded = load(TD514_V2).expect("the version 2 fixture loads");
    assert_eq!(loaded.migrated_from, Some(2));
    let got = loaded.agenda;
    let mut want = td514();
    // The version 3 fixture is TD514 with its "Original: English"; nothing else is new.
    want.original_language.clear();
    assert_eq!(got, want);
    for field in [&got.study_period, &got.questions, &got.purpose, &got.keywords, &got.original_language] {
        assert!(field.is_empty());
    }
    assert!(got.contact.is_empty());
    // Saved again, it is a file of the current version, with every new field written.
    let saved = save(&got);
    assert!(saved.contains("\"version\": 4,") && saved.contains("\"study_period\": \"\""));
    assert_eq!(load(&saved).unwrap().migrated_from, None);
}

#[test]
fn version_3_is_read_as_version_4_with_nothing_decided_and_nothing_lost() {
    let loaded = load(TD514_V3).expect("the version 3 fixture loads");
    assert_eq!(loaded.migrated_from, Some(3));
    let got = loaded.agenda;
    assert_eq!(got, td514(), "the version 4 fixture is TD514 with nothing decided yet");
    assert!(got.report.is_empty() && !got.held && got.outcomes.is_empty() && got.revisions.is_empty());
    got.for_each_item(|i| {
        assert!(i.outcome.is_empty() && i.outcome_note.is_empty(), "item {}", i.id.0);
        assert!(i.docs.iter().all(|d| d.status.is_none()), "item {}", i.id.0);
    });
    // Every value of the version 3 file is in the version 4 file saved from it, at its place.
    let saved = save(&got);
    assert!(saved.contains("\"version\": 4,"));
    let (old, new): (serde_json::Value, serde_json::Value) =
        (serde_json::from_str(TD514_V3).unwrap(), serde_json::from_str(&saved).unwrap());
    fn within(old: &serde_json::Value, new: &serde_json::Value, path: &str) {
        use serde_json::Value::{Array, Object};
        match (old, new) {
            (Object(o), Object(n)) => {
                for (k, v) in o {
                    let Some(w) = n.get(k) else { panic!("{path}.{k} is lost") };
                    if path.is_empty() && k == "version" {
                        continue;
                    }
                    within(v, w, &format!("{path}.{k}"));
                }
            }
            (Array(o), Array(n)) => {
                assert_eq!(o.len(), n.len(), "{path} has another length");
                for (k, (v, w)) in o.iter().zip(n).enumerate() {
                    within(v, w, &format!("{path}[{k}]"));
                }
            }
            _ => assert_eq!(old, new, "{path} changed"),
        }
    }
    within(&old, &new, "");
    assert_eq!(load(&saved).unwrap().migrated_from, None);
}

#[test]
fn outcomes_statuses_and_the_report_number_round_trip() {
    use agendum_core::docref::{DocNumber, DocStatus};
    let mut a = td514();
    a.report = "TD515".into();
    a.held = true;
    a.outcomes = vec!["Endorsed".into()];
    let item = &mut a.sessions[0].items[1].children[1];
    item.outcome = "Approved with modifications".into();
    item.outcome_note = "See TD667R2.".into();
    item.docs[0].status = Some(DocStatus::RevisedAs(DocNumber::parse("TD 667 Rev.2")));
    a.sessions[0].items[0].children[0].docs[0].status = Some(DocStatus::Introduced);
    let text = save(&a);
    assert!(text.contains("\"status\": {\n") && text.contains("\"revised_as\": \"TD667R2\""), "{text}");
    assert!(text.contains("\"status\": \"introduced\""));
    assert!(text.contains("\"report\": \"TD515\",\n    \"held\": true,"));
    assert_eq!(load(&text).unwrap().agenda, a);
    // A status this version does not know is refused at its path.
    let bad = text.replacen("\"status\": \"introduced\"", "\"status\": \"presented\"", 1);
    let (_, msg) = refusal(&bad);
    assert!(msg.contains("agenda.sessions[0].items[0].children[0].docs[0].status"), "{msg}");
}

#[test]
fn published_revisions_out_of_order_or_nested_are_refused() {
    use agendum_core::revisions::publish;
    let mut a = td514();
    let (day, at) = ("2024-08-01".parse().unwrap(), "09:00".parse().unwrap());
    publish(&mut a, day, at).unwrap();
    publish(&mut a, day, at).unwrap();
    let mut swapped = a.clone();
    swapped.revisions.swap(0, 1);
    let (_, msg) = refusal(&save(&swapped));
    assert!(msg.contains("agenda.revisions[1].revision") && msg.contains("oldest first"), "{msg}");
    let mut nested = a.clone();
    let inner = nested.revisions[0].clone();
    nested.revisions[1].agenda.revisions.push(inner);
    let (_, msg) = refusal(&save(&nested));
    assert!(msg.contains("agenda.revisions[1].agenda.revisions"), "{msg}");
    let mut twice = a.clone();
    let copy = twice.revisions[0].agenda.sessions[0].items[0].clone();
    twice.revisions[0].agenda.sessions[0].items.push(copy);
    let (_, msg) = refusal(&save(&twice));
    assert!(msg.contains("agenda.revisions[0].agenda") && msg.contains("item id 1 twice"), "{msg}");
}

#[test]
fn the_header_fields_of_a_td_round_trip() {
    let text = fixture_with("\"study_period\": \"\"", "\"study_period\": \"2017-2020\"")
        .replacen("\"questions\": \"\"", "\"questions\": \"All/9\"", 1)
        .replacen("\"purpose\": \"\"", "\"purpose\": \"Admin\"", 1)
        .replacen("\"email\": \"\"", "\"email\": \"tsbsg9@itu.int\"", 1)
        .replacen("\"keywords\": \"\"", "\"keywords\": \"agenda; plenary\"", 1);
    let a = load(&text).unwrap().agenda;
    assert_eq!(
        (a.study_period.as_str(), a.questions.as_str(), a.purpose.as_str(), a.keywords.as_str()),
        ("2017-2020", "All/9", "Admin", "agenda; plenary")
    );
    assert_eq!(a.contact.email, "tsbsg9@itu.int");
    assert_eq!(save(&a), text);
    // A contact with a field this version does not know is refused at its path, like any other.
    let (_, msg) = refusal(&text.replacen("\"email\": ", "\"phone\": \"+41\", \"email\": ", 1));
    assert!(msg.contains("agenda.contact.phone"), "{msg}");
}

#[test]
fn version_1_problems_are_refused_with_their_path() {
    let text = TD514_V1.replacen("\"docs\": \"TD514\"", "\"docs\": [\"TD514\"]", 1);
    assert_ne!(text, TD514_V1);
    let (e, msg) = refusal(&text);
    let LoadError::Invalid { path, line: None, .. } = &e else { panic!("{e:?}") };
    assert_eq!(path, "agenda.sessions[0].items[0].children[0].docs");
    assert!(msg.contains("version 1 wrote the Docs column as text"), "{msg}");

    let text = TD514_V1.replacen("\"start\": \"14:35\"", "\"start\": \"noon\"", 1);
    let (_, msg) = refusal(&text);
    assert!(msg.contains("agenda.sessions[0].items[1].start"), "{msg}");
    assert!(msg.contains("\"noon\" is not a time"), "{msg}");

    // Found after migration: no line, as the migrated text is not the file.
    let text = TD514_V1.replacen("\"id\": 3,\n", "", 1);
    let (e, msg) = refusal(&text);
    let LoadError::Invalid { path, line: None, .. } = &e else { panic!("{e:?}") };
    assert_eq!(path, "agenda.sessions[0].items[0].children[1]");
    assert!(msg.contains("missing field `id`"), "{msg}");
}

// ---------------------------------------------------------------------------------------------
// The committed schema

#[test]
fn the_committed_schema_is_the_generated_one() {
    let committed = include_str!("../../docs/agenda.schema.json");
    assert!(
        format::schema() == committed,
        "docs/agenda.schema.json is out of date with the types in core/src. Regenerate it with\n\n    \
         cargo run -q -p agendum-cli -- schema > docs/agenda.schema.json\n\nand commit the result."
    );
}

#[test]
fn a_stored_record_is_the_file_on_one_line_and_loads_as_the_same_agenda() {
    let a = td514();
    let record = agendum_core::format::record(&a);
    assert!(!record.contains('\n'));
    assert!(record.len() * 3 < save(&a).len() * 2, "a third smaller");
    assert_eq!(load(&record).unwrap().agenda, a);
}

#[test]
fn signs_in_dates_and_times_are_refused_not_read_as_numbers() {
    for (pattern, by) in [
        ("\"start_date\": \"2024-07-29\"", "\"start_date\": \"+202-07-29\""),
        ("\"start_date\": \"2024-07-29\"", "\"start_date\": \"2024-+7-29\""),
        ("\"start\": \"14:30\",\n        \"end\"", "\"start\": \"+9:+5\",\n        \"end\""),
    ] {
        let (_, msg) = refusal(&fixture_with(pattern, by));
        assert!(msg.contains("is not a"), "{msg}");
    }
}

#[test]
fn half_a_character_escaped_is_named_as_such() {
    for half in ["\\ud800", "\\udc00x", "\\ud800\\u0041"] {
        let (_, msg) =
            refusal(&fixture_with("\"place\": \"Geneva\"", &format!("\"place\": \"Geneva{half}\"")));
        assert!(msg.contains("half a character"), "{msg}");
        assert!(msg.contains("line "), "where it is: {msg}");
    }
}
