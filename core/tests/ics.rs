//! The calendar export, read back by a real iCalendar parser: the events a participant's
//! calendar program shows, at the right instants on either side of a daylight-saving change,
//! with UIDs that stay put when the agenda is revised, and text that survives any title.

use agendum_core::export::{ics, Calendar, IcsOptions};
use agendum_core::model::{Session, SessionId};
use agendum_core::time::{Date, Time};
use agendum_core::zones::{Instant, Tzdb, ZoneError};
use agendum_core::{Agenda, Item, ItemId};
use icalendar::{Component, EventLike};

mod common;
use common::td514;

fn date(s: &str) -> Date {
    s.parse().expect("a date")
}

fn time(s: &str) -> Time {
    s.parse().expect("a time")
}

/// 2026-12-03 13:00 UTC: when the tests say the calendar was made.
fn stamp() -> Instant {
    Instant::from_utc(date("2026-12-03"), time("13:00"))
}

fn options(items: bool, sequence: u32) -> IcsOptions {
    IcsOptions { items, sequence, stamp: stamp() }
}

fn export(a: &Agenda, items: bool) -> Calendar {
    ics(a, &Tzdb, options(items, 0)).expect("the agenda's zone is known")
}

/// One event as a calendar program reads it.
#[derive(Debug, Clone, PartialEq)]
struct Event {
    uid: String,
    start: String,
    end: String,
    summary: String,
    location: Option<String>,
    description: String,
    sequence: Option<u32>,
    stamp: String,
}

/// The events of a calendar's text, read by the `icalendar` crate's parser, after checking what
/// it does not: CRLF line ends and no line over 75 octets.
fn parse(text: &str) -> Vec<Event> {
    assert!(text.ends_with("END:VCALENDAR\r\n"), "{text}");
    for line in text.split("\r\n") {
        assert!(!line.contains('\n') && !line.contains('\r'), "a bare line break in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    let unfolded = icalendar::parser::unfold(text);
    let parsed = icalendar::parser::read_calendar(&unfolded).expect("the parser reads the calendar");
    let calendar: icalendar::Calendar = parsed.into();
    calendar
        .events()
        .map(|e| Event {
            uid: e.get_uid().expect("a UID").to_string(),
            start: format!("{:?}", e.get_start().expect("a DTSTART")),
            end: format!("{:?}", e.get_end().expect("a DTEND")),
            summary: e.get_summary().expect("a SUMMARY").to_string(),
            location: e.get_location().map(str::to_string),
            description: e.get_description().unwrap_or_default().to_string(),
            sequence: e.get_sequence(),
            stamp: e.get_timestamp().expect("a DTSTAMP").to_rfc3339(),
        })
        .collect()
}

/// How the parser shows an instant in UTC, for comparing: "2024-08-01T12:30:00Z".
fn utc(s: &str) -> String {
    format!("DateTime(Utc({s}))")
}

#[test]
fn td514s_session_is_one_event_from_12_30_to_13_45_utc() {
    let a = td514();
    let cal = export(&a, false);
    assert!(cal.notices.is_empty(), "{:?}", cal.notices);
    let events = parse(&cal.text);
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(e.uid, format!("session-1@{}.agendum", a.id));
    assert_eq!(e.start, utc("2024-08-01T12:30:00Z"));
    assert_eq!(e.end, utc("2024-08-01T13:45:00Z"));
    assert_eq!(e.summary, "TSAG Rapporteur Group on Strategic and Operational Planning (RG-SOP)");
    assert_eq!(e.location.as_deref(), Some("Geneva"));
    assert!(e.description.starts_with("TD514, Agenda, RG-SOP\n"), "{}", e.description);
    assert!(e.description.contains("14:30 - 15:45 hours Geneva time (Europe/Zurich)"), "{}", e.description);
    assert_eq!(e.sequence, Some(0));
    assert_eq!(e.stamp, "2026-12-03T13:00:00+00:00");
}

#[test]
fn td514s_timed_items_are_events_until_the_next_timed_item() {
    let a = td514();
    let cal = export(&a, true);
    let events = parse(&cal.text);
    let got: Vec<(&str, &str, &str)> =
        events.iter().map(|e| (e.summary.as_str(), e.start.as_str(), e.end.as_str())).collect();
    let s = |t: &str| utc(&format!("2024-08-01T{t}:00Z"));
    let want = [
        ("1 Opening and welcome", s("12:30"), s("12:35")),
        ("2 Review of the report of Industry Engagement Workshop", s("12:35"), s("13:00")),
        ("3 TSAG inputs to CWG-SFP", s("13:00"), s("13:30")),
        ("4 Operational plan for 2025-2028", s("13:30"), s("13:40")),
        // Item 5 runs to the session's end, past the untimed AOB (6).
        ("5 Future meetings", s("13:40"), s("13:45")),
    ];
    assert_eq!(got.len(), 1 + want.len(), "{got:#?}");
    for ((summary, start, end), (want_summary, want_start, want_end)) in got[1..].iter().zip(&want) {
        assert!(summary.starts_with(want_summary), "{summary}");
        assert_eq!((*start, *end), (want_start.as_str(), want_end.as_str()), "{summary}");
    }
    // Item 2's event lists what is presented in its slot: its sub-items and their documents.
    let item2 = &events[2];
    assert_eq!(item2.uid, format!("item-6@{}.agendum", a.id));
    assert!(item2.description.starts_with("Item 2 of TD514, Agenda, RG-SOP\n"), "{}", item2.description);
    assert!(item2.description.contains("Documents: (TD599), TD667R1, (TD624R2)"), "{}", item2.description);
    assert!(item2
        .description
        .contains("\n2.2 Industry Engagement Proposed Actions sorted by target entities: TD667R1"));
    // The closure at 15:45 sharp has no length: it is left out, and said so.
    assert_eq!(cal.notices.len(), 1, "{:?}", cal.notices);
    assert!(cal.notices[0].left_out);
    assert!(
        cal.notices[0].message.starts_with("Item 7 (Closure of the meeting) is left out"),
        "{}",
        cal.notices[0]
    );
    assert_eq!(cal.events, events.len());
}

/// TD514 with sessions on the Friday before Geneva's clocks go back (25 October 2024) and on the
/// Monday after (28 October), both 14:30–16:00 Geneva time.
fn across_the_october_change() -> Agenda {
    let mut a = td514();
    let first = a.sessions[0].clone();
    let mut second = first.clone();
    second.id = SessionId(2);
    second.items = vec![Item::new(ItemId(100), "Continuation")];
    second.items[0].start = Some(time("14:30"));
    for (s, d) in [(&mut a.sessions[0], "2024-10-25"), (&mut second, "2024-10-28")] {
        s.date = Some(date(d));
        s.day_label = String::new();
        s.start = Some(time("14:30"));
        s.end = Some(time("16:00"));
    }
    a.sessions.push(second);
    a
}

#[test]
fn sessions_either_side_of_the_clocks_going_back_are_an_hour_apart_in_utc() {
    let a = across_the_october_change();
    let events = parse(&export(&a, false).text);
    let times: Vec<(&str, &str)> = events.iter().map(|e| (e.start.as_str(), e.end.as_str())).collect();
    let (friday, monday) = (
        (utc("2024-10-25T12:30:00Z"), utc("2024-10-25T14:00:00Z")),
        (utc("2024-10-28T13:30:00Z"), utc("2024-10-28T15:00:00Z")),
    );
    assert_eq!(times, [(friday.0.as_str(), friday.1.as_str()), (monday.0.as_str(), monday.1.as_str())]);
    // The items follow their own session's date.
    let with_items = parse(&export(&a, true).text);
    let continuation = with_items.iter().find(|e| e.uid.starts_with("item-100@")).expect("the Monday item");
    assert_eq!(
        (continuation.start.as_str(), continuation.end.as_str()),
        (monday.0.as_str(), monday.1.as_str())
    );
}

#[test]
fn a_session_in_the_spring_gap_is_moved_forward_and_said_so() {
    let mut a = td514();
    let s = &mut a.sessions[0];
    s.date = Some(date("2024-03-31"));
    s.day_label = String::new();
    s.items.clear();
    s.start = Some(time("02:30"));
    s.end = Some(time("04:00"));
    let cal = export(&a, false);
    let events = parse(&cal.text);
    assert_eq!(events[0].start, utc("2024-03-31T01:30:00Z"), "02:30 is read as 03:30 summer time");
    assert_eq!(events[0].end, utc("2024-03-31T02:00:00Z"));
    assert_eq!(cal.notices.len(), 1, "{:?}", cal.notices);
    assert!(!cal.notices[0].left_out);
    assert!(
        cal.notices[0].message.contains("02:30 does not exist in Europe/Zurich on 31 March 2024"),
        "{}",
        cal.notices[0]
    );
}

#[test]
fn a_revised_agenda_keeps_its_uids_and_raises_its_sequence() {
    let a = across_the_october_change();
    let before = parse(&ics(&a, &Tzdb, options(true, 0)).unwrap().text);

    // The revision: a title reworded, item 3 moved to the end of the session, an item added,
    // the session's start delayed.
    let mut b = a.clone();
    b.revision = Some(1);
    b.sessions[0].title = "RG-SOP, revised".into();
    let moved = b.sessions[0].items.remove(2);
    b.sessions[0].items.push(moved);
    b.sessions[1].items.push(Item::new(ItemId(101), "New business"));
    b.sessions[1].items[1].start = Some(time("15:30"));
    let after = parse(&ics(&b, &Tzdb, options(true, 1)).unwrap().text);

    let uid_of = |events: &[Event], summary: &str| {
        events.iter().find(|e| e.summary.contains(summary)).map(|e| e.uid.clone()).expect(summary)
    };
    assert_eq!(uid_of(&before, "TSAG Rapporteur Group"), uid_of(&after, "RG-SOP, revised"));
    assert_eq!(uid_of(&before, "TSAG inputs to CWG-SFP"), uid_of(&after, "TSAG inputs to CWG-SFP"));
    assert_eq!(uid_of(&before, "Continuation"), uid_of(&after, "Continuation"));
    assert!(!before.iter().any(|e| e.uid == uid_of(&after, "New business")), "a new item is a new event");
    assert!(before.iter().all(|e| e.sequence == Some(0)));
    assert!(after.iter().all(|e| e.sequence == Some(1)));
    // No two events share a UID.
    let mut uids: Vec<&str> = after.iter().map(|e| e.uid.as_str()).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), after.len());
}

#[test]
fn the_same_agenda_gives_the_same_calendar() {
    let a = across_the_october_change();
    assert_eq!(export(&a, true).text, export(&a, true).text);
}

#[test]
fn a_hostile_title_is_escaped_folded_and_read_back_whole() {
    let mut a = td514();
    // 200 characters of two, three and four octets each: folding must not cut one in half.
    let long: String = "èü«»—会议中文🗓".chars().cycle().take(200).collect();
    assert!(long.chars().all(|c| !c.is_ascii()));
    let title = format!("Review, approve; and \\ close\nsecond line\r\nthird, {long}");
    a.sessions[0].title = title.clone();
    a.place = "Room C; Tower, Geneva".into();
    let cal = export(&a, false);
    // Escaped as RFC 5545 says: \, \; \\ and \n.
    assert!(
        cal.text.contains("SUMMARY:Review\\, approve\\; and \\\\ close\\nsecond line\\nthird\\, "),
        "{}",
        cal.text
    );
    let events = parse(&cal.text);
    assert_eq!(events[0].summary, title.replace("\r\n", "\n"));
    assert_eq!(events[0].location.as_deref(), Some("Room C; Tower, Geneva"));
    // Folding never splits a character: every line is whole UTF-8 (the text is a String) and
    // the long title takes several lines.
    let summary: Vec<&str> = cal
        .text
        .split("\r\n")
        .skip_while(|l| !l.starts_with("SUMMARY:"))
        .take_while(|l| !l.starts_with("LOCATION:"))
        .collect();
    let octets: usize = summary.iter().map(|l| l.len()).sum();
    assert!(octets > 500, "{octets} octets");
    assert!(summary.len() > octets / 75, "{summary:#?}");
    assert!(summary[1..].iter().all(|l| l.starts_with(' ')), "{summary:#?}");
}

#[test]
fn a_session_without_a_date_or_times_is_left_out_and_said_so() {
    let mut a = across_the_october_change();
    a.sessions[1].date = None;
    a.sessions.push(Session { id: SessionId(3), ..a.sessions[0].clone() });
    a.sessions[2].end = None;
    let cal = export(&a, true);
    let messages: Vec<String> = cal.notices.iter().map(|n| n.message.clone()).collect();
    assert!(messages.contains(&"Session 2 is left out: it has no date.".to_string()), "{messages:?}");
    assert!(
        messages.contains(&"Session 3 (Friday, 25 October) is left out: it has no end time.".to_string()),
        "{messages:?}"
    );
    let events = parse(&cal.text);
    assert!(events.iter().all(|e| !e.uid.starts_with("session-2@") && !e.uid.starts_with("session-3@")));
    assert!(!events.iter().any(|e| e.uid.starts_with("item-100@")), "the undated session's items go with it");
}

#[test]
fn an_unknown_or_missing_zone_makes_no_calendar() {
    let mut a = td514();
    a.time_zone = "Mars/Olympus_Mons".into();
    assert_eq!(
        ics(&a, &Tzdb, options(false, 0)).unwrap_err(),
        ZoneError::Unknown("Mars/Olympus_Mons".into())
    );
    a.time_zone = String::new();
    assert_eq!(ics(&a, &Tzdb, options(false, 0)).unwrap_err(), ZoneError::Empty);
}

#[test]
fn a_date_beyond_the_rules_years_is_said_to_be_so_not_the_zone() {
    let mut a = td514();
    a.sessions[0].date = Some(date("9999-12-31"));
    let e = ics(&a, &Tzdb, options(false, 0)).unwrap_err();
    assert_eq!(e, ZoneError::OutOfRange);
    assert!(e.to_string().contains("sessions' dates"), "{e}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, failure_persistence: None, ..Default::default() })]

    /// Whatever a title holds, the calendar stays well formed and the parser reads the title back
    /// (line breaks as one "\n", tabs as spaces, other control characters dropped: TEXT cannot
    /// hold them).
    #[test]
    fn any_title_reads_back(title in "(\\PC|[,;\\\\\n\r\t\u{0}-\u{1f}]){0,120}") {
        let mut a = td514();
        a.sessions[0].title = title.clone();
        let events = parse(&export(&a, false).text);
        // The title is taken trimmed, as every export takes it.
        let want: String = title
            .trim()
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter_map(|c| match c {
                '\t' => Some(' '),
                '\n' => Some('\n'),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        // An empty or blank title gives way to the agenda's.
        if !want.trim().is_empty() {
            proptest::prop_assert_eq!(&events[0].summary, &want);
        }
    }
}
