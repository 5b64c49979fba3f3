//! A file nested too deeply is refused in the one short sentence that says so, wherever the
//! nesting is: in an agenda's field, outside the agenda, or in JSON that is not an agenda at all.

use agendum_core::format::{load, LoadError};

const SENTENCE: &str =
    "The file is nested too deeply to be an agenda: Agendum nests items at most 50 levels deep.";

fn arrays(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

fn objects(depth: usize) -> String {
    format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth))
}

fn refused_as_too_deep(text: &str) {
    let e = load(text).expect_err("a file nested 10,000 deep is refused");
    assert_eq!(e, LoadError::TooDeep, "{e}");
    assert_eq!(e.to_string(), SENTENCE);
}

#[test]
fn ten_thousand_arrays_in_any_agenda_field_are_too_deep() {
    for deep in [arrays(10_000), objects(10_000)] {
        for field in
            ["title", "notes", "sessions", "register", "annexes", "actions", "start_date", "revision"]
        {
            for version in [1, 2] {
                refused_as_too_deep(&format!(
                    "{{\"format\":\"agendum\",\"version\":{version},\"agenda\":{{\"id\":\"x\",\"{field}\":{deep}}}}}"
                ));
            }
        }
        let docs = format!(
            "{{\"format\":\"agendum\",\"version\":2,\"agenda\":{{\"id\":\"x\",\"sessions\":[{{\"id\":1,\"items\":[{{\"id\":1,\"docs\":{deep}}}]}}]}}}}"
        );
        refused_as_too_deep(&docs);
    }
}

#[test]
fn deeply_nested_json_that_is_not_an_agenda_is_too_deep() {
    for deep in [arrays(10_000), objects(10_000)] {
        refused_as_too_deep(&deep);
        refused_as_too_deep(&format!("{{\"a\":{deep}}}"));
        refused_as_too_deep(&format!("{{\"format\":{deep}}}"));
        refused_as_too_deep(&format!(
            "{{\"format\":\"agendum\",\"version\":2,\"extra\":{deep},\"agenda\":{{}}}}"
        ));
    }
}

#[test]
fn brackets_inside_strings_are_text_not_nesting() {
    let title = "[".repeat(10_000);
    let text = format!(
        "{{\"format\":\"agendum\",\"version\":2,\"agenda\":{{\"id\":\"x\",\"title\":\"{title}\\\"{{\"}}}}"
    );
    let loaded = load(&text).expect("brackets in a title are only text");
    assert_eq!(loaded.agenda.title, format!("{title}\"{{"));
}

#[test]
fn nesting_as_deep_as_the_reader_goes_is_not_refused_as_too_deep() {
    // 127 levels in all: the file's object, then 126 arrays where a title should be.
    let text = format!(
        "{{\"format\":\"agendum\",\"version\":2,\"agenda\":{{\"id\":\"x\",\"title\":{}}}}}",
        arrays(125)
    );
    let e = load(&text).expect_err("a title is text");
    assert!(matches!(e, LoadError::Invalid { .. }), "{e:?}");
}
