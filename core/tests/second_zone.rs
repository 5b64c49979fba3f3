//! The agenda in a second zone, as the editor shows it to a remote participant and the printed
//! agenda gives it beside the meeting's times; and the offsets every source of time-zone rules
//! must agree on, which the browser's tests read too.

use agendum_core::export::{html, html_in};
use agendum_core::schedule::schedule;
use agendum_core::second_zone::{second_zone, zone_label};
use agendum_core::templates;
use agendum_core::zones::{Instant, Tzdb, ZoneError, ZoneRules};

fn td514() -> agendum_core::Agenda {
    templates::td514("t")
}

#[test]
fn a_viewer_in_new_york_reads_td514s_14_30_geneva_time_as_08_30() {
    let a = td514();
    let z = second_zone(&Tzdb, &a, &schedule(&a), "America/New_York").unwrap();
    let session = a.sessions[0].id;
    assert_eq!(z.session_label(session).as_deref(), Some("08:30–09:45 New York"));
    let first = a.sessions[0].items[0].id;
    assert_eq!(z.start_label(first).as_deref(), Some("08:30 New York"));
    // Every item with a slot has its time, the untimed closure included where the schedule
    // fixes it.
    let s = schedule(&a);
    assert_eq!(z.starts.len(), s.slots.len());
}

#[test]
fn a_session_across_a_clock_change_reads_each_time_on_its_own() {
    // A night session in Zurich on the morning the clocks go forward (02:00 → 03:00).
    let mut a = td514();
    let session = &mut a.sessions[0];
    session.date = Some("2024-03-31".parse().unwrap());
    session.start = Some("01:00".parse().unwrap());
    session.end = Some("04:00".parse().unwrap());
    session.items.truncate(2);
    session.items[0].start = Some("01:30".parse().unwrap());
    session.items[0].duration = None;
    session.items[1].start = Some("03:30".parse().unwrap());
    session.items[1].duration = None;
    let z = second_zone(&Tzdb, &a, &schedule(&a), "UTC").unwrap();
    let (first, second) = (a.sessions[0].items[0].id, a.sessions[0].items[1].id);
    assert_eq!(z.start_label(first).as_deref(), Some("00:30 UTC"), "winter time, UTC+1");
    assert_eq!(z.start_label(second).as_deref(), Some("01:30 UTC"), "summer time, UTC+2");
}

#[test]
fn the_viewers_clocks_changing_inside_a_session_are_taken_too() {
    // A meeting held in UTC, seen from New York on the morning New York goes forward (07:00 UTC).
    let mut a = td514();
    a.time_zone = "UTC".into();
    let session = &mut a.sessions[0];
    session.date = Some("2024-03-10".parse().unwrap());
    session.start = Some("06:00".parse().unwrap());
    session.end = Some("09:00".parse().unwrap());
    session.items.truncate(2);
    session.items[0].start = Some("06:30".parse().unwrap());
    session.items[1].start = Some("07:30".parse().unwrap());
    let z = second_zone(&Tzdb, &a, &schedule(&a), "America/New_York").unwrap();
    let (first, second) = (a.sessions[0].items[0].id, a.sessions[0].items[1].id);
    assert_eq!(z.start_label(first).as_deref(), Some("01:30 New York"));
    assert_eq!(z.start_label(second).as_deref(), Some("03:30 New York"));
    assert_eq!(z.session_label(a.sessions[0].id).as_deref(), Some("01:00–05:00 New York"));
}

#[test]
fn a_session_that_is_the_day_before_elsewhere_says_so() {
    let mut a = td514();
    let id = a.sessions[0].id;
    a.sessions[0].start = Some("07:00".parse().unwrap());
    a.sessions[0].end = Some("08:00".parse().unwrap());
    let z = second_zone(&Tzdb, &a, &schedule(&a), "America/Los_Angeles").unwrap();
    assert_eq!(z.session_label(id).as_deref(), Some("22:00–23:00 (\u{2212}1 day) Los Angeles"));
    a.sessions[0].end = Some("09:00".parse().unwrap());
    let z = second_zone(&Tzdb, &a, &schedule(&a), "America/Los_Angeles").unwrap();
    assert_eq!(z.session_label(id).as_deref(), Some("22:00 (\u{2212}1 day)–00:00 Los Angeles"));
}

#[test]
fn an_unknown_zone_on_either_side_is_an_error() {
    let a = td514();
    let s = schedule(&a);
    assert_eq!(
        second_zone(&Tzdb, &a, &s, "Mars/Olympus_Mons").unwrap_err(),
        ZoneError::Unknown("Mars/Olympus_Mons".into())
    );
    let mut b = a.clone();
    b.time_zone = "Europe/Geneva".into();
    assert!(matches!(second_zone(&Tzdb, &b, &s, "UTC"), Err(ZoneError::Unknown(_))));
    b.time_zone = String::new();
    assert_eq!(second_zone(&Tzdb, &b, &s, "UTC").unwrap_err(), ZoneError::Empty);
}

#[test]
fn zones_are_named_by_their_city() {
    assert_eq!(zone_label("America/New_York"), "New York");
    assert_eq!(zone_label("America/Argentina/Buenos_Aires"), "Buenos Aires");
    assert_eq!(zone_label("UTC"), "UTC");
}

#[test]
fn the_printed_agenda_gives_the_second_zone_under_the_meetings_times() {
    let a = td514();
    let z = second_zone(&Tzdb, &a, &schedule(&a), "America/New_York").unwrap();
    let printed = html_in(&a, Some(&z));
    assert!(
        printed.contains(
            "14:30 - 15:45 hours Geneva time<br><span class=\"second-zone\">08:30–09:45 New York</span>"
        ),
        "{printed}"
    );
    assert!(printed.contains("14:30 hours<br><span class=\"second-zone\">08:30 New York</span>"));
    assert!(printed.contains("Times in italics are New York time (America/New_York)"));
    assert_eq!(html_in(&a, None), html(&a), "without a second zone the export is as before");
}

/// "2024-03-31T00:59Z" as an instant.
fn instant(s: &str) -> Instant {
    let (d, t) = s.trim_end_matches('Z').split_once('T').expect("date T time");
    Instant::from_utc(d.parse().unwrap(), t.parse().unwrap())
}

#[test]
fn the_bundled_rules_give_the_offsets_the_browser_is_tested_against() {
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/zone-offsets.json")).expect("the fixture reads");
    let rows = fixture["offsets"].as_array().expect("offsets");
    assert!(rows.len() >= 20);
    for row in rows {
        let zone = row["zone"].as_str().unwrap();
        let at = row["at"].as_str().unwrap();
        let want = row["minutes"].as_i64().unwrap() as i32;
        assert_eq!(Tzdb.offset_minutes(zone, instant(at)).unwrap(), want, "{zone} at {at}");
    }
}
