//! A whole library in one file, as someone backing up and restoring it meets it: every agenda
//! comes back as it was, with when it was last edited and where it came from; one agenda that
//! cannot be read is named and the others still come back; a file that is not a bundle says so.

use agendum_core::bundle::{self, BundleError, Entry};
use agendum_core::format::{self, LoadError};
use agendum_core::Agenda;

mod common;
use common::{big, td514};

fn library(n: usize) -> Vec<(Agenda, f64, String)> {
    (0..n)
        .map(|k| {
            // Sizes vary as a year of meetings does: small, TD514 as it is, and large ones.
            let mut a = match k % 3 {
                0 => td514(),
                1 => big(k * 10),
                _ => agendum_core::templates::blank("b"),
            };
            a.id = format!("agenda-{k}");
            a.title = format!("{} — meeting {k}", a.title);
            let origin = if k % 2 == 0 { format!("copy {k}, from \"file {k}\".json") } else { String::new() };
            (a, 1_733_100_000_000.0 + k as f64 * 60_000.0, origin)
        })
        .collect()
}

fn entries(lib: &[(Agenda, f64, String)]) -> Vec<Entry<'_>> {
    lib.iter().map(|(a, t, o)| Entry { agenda: a, edited: Some(*t), origin: o }).collect()
}

#[test]
fn fifty_agendas_go_into_a_bundle_and_come_back_the_same() {
    let lib = library(50);
    let text = bundle::write(&entries(&lib));
    assert!(bundle::is_bundle(&text));
    let back = bundle::load(&text).expect("the bundle reads");
    assert_eq!(back.len(), 50);
    for ((a, t, o), b) in lib.iter().zip(back) {
        let b = b.expect("each agenda reads");
        assert_eq!(&b.agenda, a);
        assert_eq!(b.edited, Some(*t));
        assert_eq!(&b.origin, o);
        assert_eq!(b.migrated_from, None);
    }
    // Written again, the same bytes: a backup of a backup is the backup.
    let again = bundle::load(&text).unwrap().into_iter().map(Result::unwrap).collect::<Vec<_>>();
    let again: Vec<Entry> =
        again.iter().map(|b| Entry { agenda: &b.agenda, edited: b.edited, origin: &b.origin }).collect();
    assert_eq!(bundle::write(&again), text);
}

#[test]
fn each_agenda_is_a_line_of_its_own_holding_its_agenda_file() {
    let lib = library(3);
    let text = bundle::write(&entries(&lib));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "the envelope, three agendas, the end");
    assert_eq!(lines[0], "{\"format\":\"agendum-bundle\",\"version\":1,\"agendas\":[");
    assert_eq!(lines[4], "]}");
    let second: serde_json::Value = serde_json::from_str(lines[2].trim_end_matches(',')).unwrap();
    assert_eq!(second["edited"], 1_733_100_060_000u64);
    assert!(second.get("origin").is_none(), "an empty origin is left out");
    assert_eq!(format::load(&second["file"].to_string()).unwrap().agenda, lib[1].0);
}

#[test]
fn an_empty_library_makes_a_bundle_of_nothing() {
    let text = bundle::write(&[]);
    assert!(bundle::load(&text).unwrap().is_empty());
}

#[test]
fn an_agenda_that_cannot_be_read_is_named_and_the_others_come_back() {
    let good = format::record(&td514());
    let text = format!(
        "{{\"format\":\"agendum-bundle\",\"version\":1,\"agendas\":[{{\"file\":{good}}},{{\"file\":{{\"format\":\"agendum\",\"version\":3,\"agenda\":{{\"id\":\"x\",\"sessions\":[{{\"id\":1,\"start\":\"noon\"}}]}}}}}},{{\"file\":{good}}}]}}"
    );
    let back = bundle::load(&text).unwrap();
    assert_eq!(back.len(), 3);
    assert!(back[0].is_ok() && back[2].is_ok());
    let bad = back[1].as_ref().unwrap_err();
    assert_eq!(bad.place, 2);
    let said = bad.to_string();
    assert!(
        said.starts_with(
            "Agenda 2 of the bundle could not be read. It has a problem at agenda.sessions[0].start"
        ),
        "{said}"
    );
    assert!(!said.contains("line"), "{said}");
}

#[test]
fn agendas_of_an_older_format_version_are_migrated() {
    let mut old: serde_json::Value = serde_json::from_str(&format::record(&td514())).unwrap();
    old["version"] = 2.into();
    for k in ["study_period", "questions", "purpose", "contact", "keywords", "original_language"] {
        old["agenda"].as_object_mut().unwrap().remove(k);
    }
    let text = format!("{{\"format\":\"agendum-bundle\",\"version\":1,\"agendas\":[{{\"file\":{old}}}]}}");
    let back = bundle::load(&text).unwrap().remove(0).unwrap();
    assert_eq!(back.migrated_from, Some(2));
    assert_eq!(back.agenda.title, td514().title);
}

#[test]
fn what_is_not_a_bundle_says_so() {
    let file = format::save(&td514());
    assert!(!bundle::is_bundle(&file), "an agenda file is not a bundle");
    assert_eq!(bundle::load(&file).unwrap_err(), BundleError::NotABundle);
    assert!(!bundle::is_bundle("not json"));
    assert!(!bundle::is_bundle("[]"));
    // A bundle written by hand, its fields in another order, is one.
    let by_hand = "{ \"version\": 1, \"agendas\": [], \"format\": \"agendum-bundle\" }";
    assert!(bundle::is_bundle(by_hand));
    assert!(bundle::load(by_hand).unwrap().is_empty());
    assert!(bundle::is_bundle("{\"format\": \"agendum-bundle\", \"version\": 1, \"agendas\": []}"));

    let newer = "{\"format\":\"agendum-bundle\",\"version\":7,\"agendas\":[]}";
    assert_eq!(bundle::load(newer).unwrap_err(), BundleError::TooNew { version: 7 });
    assert!(bundle::load(newer).unwrap_err().to_string().contains("newer Agendum (bundle version 7)"));
    let odd = "{\"format\":\"agendum-bundle\",\"version\":1,\"agendas\":[],\"colour\":\"red\"}";
    assert!(matches!(bundle::load(odd), Err(BundleError::Invalid { .. })), "unknown fields are refused");
    let cut = "{\"format\":\"agendum-bundle\",\"version\":1,\"agendas\":[{\"file\":";
    let e = bundle::load(cut).unwrap_err();
    assert!(matches!(e, BundleError::NotJson { .. }), "{e:?}");
    assert!(e.to_string().starts_with("The bundle is not valid JSON"), "{e}");
    // Nested too deeply: the agenda is refused on its own, in the file's one sentence.
    let deep = format!(
        "{{\"format\":\"agendum-bundle\",\"version\":1,\"agendas\":[{{\"file\":{}{}}}]}}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let back = bundle::load(&deep).unwrap();
    assert!(matches!(back[0], Err(bundle::Unreadable { error: LoadError::TooDeep, .. })));
    let deep_edited = deep.replace("\"file\":", "\"edited\":");
    assert!(matches!(bundle::load(&deep_edited), Err(BundleError::Invalid { .. })));
}

#[test]
fn an_agenda_over_the_file_limit_inside_a_bundle_is_refused_as_a_file_would_be() {
    let huge = "x".repeat(format::MAX_FILE_BYTES);
    let text =
        format!("{{\"format\":\"agendum-bundle\",\"version\":1,\"agendas\":[{{\"file\":\"{huge}\"}}]}}");
    let back = bundle::load(&text).unwrap();
    assert!(matches!(back[0], Err(bundle::Unreadable { place: 1, error: LoadError::TooLarge { .. } })));
}

#[test]
fn a_last_edited_time_no_calendar_prints_is_taken_as_not_known() {
    let lib = library(2);
    let written = bundle::write(&entries(&lib));
    let text = written.replacen("\"edited\":1733100000000", "\"edited\":1e300", 1);
    assert_ne!(text, written);
    let back = bundle::load(&text).expect("the bundle reads");
    let first = back.into_iter().next().unwrap().expect("its agenda reads");
    assert_eq!(first.edited, None, "1e300 ms is past the year 9999");
    assert_eq!(first.agenda, lib[0].0, "the agenda itself comes back whole");
    assert!(first.notes.iter().any(|n| n.contains("\"edited\"")), "{:?}", first.notes);
}
