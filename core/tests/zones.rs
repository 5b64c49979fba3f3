//! The meeting's times on the timeline, with the bundled IANA rules: what a participant joining
//! from elsewhere reads, on the days the clocks change, and in the hour that never happens or
//! happens twice.

use agendum_core::templates;
use agendum_core::time::{Date, Time};
use agendum_core::zones::{
    convert, local, place, session_in, session_window, Instant, Reading, Tzdb, ZoneError, ZoneRules,
};

fn date(s: &str) -> Date {
    s.parse().expect("a date")
}

fn time(s: &str) -> Time {
    s.parse().expect("a time")
}

/// "2024-08-01 12:30": what UTC's clocks read at the instant.
fn utc(at: Instant) -> String {
    let (d, t) = at.utc();
    format!("{d} {t}")
}

/// Where `zone`'s `t` on `d` falls, as UTC's clocks read it.
fn in_utc(zone: &str, d: &str, t: &str) -> String {
    utc(place(&Tzdb, zone, date(d), time(t)).expect("a known zone").at)
}

#[test]
fn td514s_14_30_geneva_time_is_12_30_utc_and_08_30_in_new_york() {
    let td514 = templates::td514("t");
    assert_eq!(td514.time_zone, "Europe/Zurich");
    let session = &td514.sessions[0];
    let (start, end) = session_window(&Tzdb, &td514.time_zone, session).unwrap().expect("a dated session");
    assert_eq!((utc(start.at), utc(end.at)), ("2024-08-01 12:30".into(), "2024-08-01 13:45".into()));
    assert_eq!(start.offset, 120, "Geneva keeps summer time in August");

    let ny = convert(&Tzdb, "Europe/Zurich", date("2024-08-01"), time("14:30"), "America/New_York").unwrap();
    assert_eq!((ny.date, ny.time, ny.day_shift), (date("2024-08-01"), time("08:30"), 0));
    let utc = convert(&Tzdb, "Europe/Zurich", date("2024-08-01"), time("14:30"), "UTC").unwrap();
    assert_eq!(utc.time, time("12:30"));
}

#[test]
fn daylight_saving_is_taken_on_each_sessions_own_date() {
    // Zurich: winter time (UTC+1) until 2024-03-31 02:00, summer time (UTC+2) until 2024-10-27 03:00.
    assert_eq!(in_utc("Europe/Zurich", "2024-03-30", "14:30"), "2024-03-30 13:30");
    assert_eq!(in_utc("Europe/Zurich", "2024-03-31", "14:30"), "2024-03-31 12:30");
    assert_eq!(in_utc("Europe/Zurich", "2024-10-26", "14:30"), "2024-10-26 12:30");
    assert_eq!(in_utc("Europe/Zurich", "2024-10-27", "14:30"), "2024-10-27 13:30");
    // The week New York is already back on winter time and Geneva is not yet: 6 hours, not 5.
    let ny =
        |d: &str| convert(&Tzdb, "Europe/Zurich", date(d), time("14:30"), "America/New_York").unwrap().time;
    assert_eq!(ny("2024-03-25"), time("09:30"), "New York went forward on 10 March, Geneva not yet");
    assert_eq!(ny("2024-04-02"), time("08:30"));
    assert_eq!(ny("2024-10-28"), time("09:30"), "Geneva went back on 27 October, New York not yet");
    assert_eq!(ny("2024-11-04"), time("08:30"));
}

#[test]
fn a_time_the_clocks_jump_over_moves_forward_by_the_jump() {
    // 2024-03-31 in Zurich: 02:00 becomes 03:00; 02:30 never happens.
    let p = place(&Tzdb, "Europe/Zurich", date("2024-03-31"), time("02:30")).unwrap();
    assert_eq!(p.reading, Reading::Gap { minutes: 60 });
    assert_eq!(utc(p.at), "2024-03-31 01:30");
    assert_eq!(local(&Tzdb, "Europe/Zurich", p.at).unwrap(), (date("2024-03-31"), time("03:30")));
    // Either side of the gap, times are exact.
    assert_eq!(
        place(&Tzdb, "Europe/Zurich", date("2024-03-31"), time("01:59")).unwrap().reading,
        Reading::Exact
    );
    assert_eq!(in_utc("Europe/Zurich", "2024-03-31", "03:00"), "2024-03-31 01:00");
}

#[test]
fn a_time_the_clocks_pass_twice_is_the_first_of_the_two() {
    // 2024-10-27 in Zurich: 03:00 becomes 02:00 again; 02:30 happens at 00:30 and at 01:30 UTC.
    let p = place(&Tzdb, "Europe/Zurich", date("2024-10-27"), time("02:30")).unwrap();
    assert_eq!(p.reading, Reading::Fold { minutes: 60 });
    assert_eq!(utc(p.at), "2024-10-27 00:30");
    assert_eq!(p.offset, 120, "still summer time");
    assert_eq!(
        place(&Tzdb, "Europe/Zurich", date("2024-10-27"), time("03:00")).unwrap().reading,
        Reading::Exact
    );
    assert_eq!(in_utc("Europe/Zurich", "2024-10-27", "03:00"), "2024-10-27 02:00");
}

#[test]
fn other_zones_gaps_and_half_hours() {
    // New York's spring gap, 2024-03-10 02:00 → 03:00, and its fold on 2024-11-03.
    let gap = place(&Tzdb, "America/New_York", date("2024-03-10"), time("02:15")).unwrap();
    assert_eq!((gap.reading, utc(gap.at)), (Reading::Gap { minutes: 60 }, "2024-03-10 07:15".into()));
    let fold = place(&Tzdb, "America/New_York", date("2024-11-03"), time("01:15")).unwrap();
    assert_eq!((fold.reading, utc(fold.at)), (Reading::Fold { minutes: 60 }, "2024-11-03 05:15".into()));
    // India keeps UTC+5:30 all year; Lord Howe Island changes by half an hour.
    let delhi = convert(&Tzdb, "Europe/Zurich", date("2024-08-01"), time("14:30"), "Asia/Kolkata").unwrap();
    assert_eq!(delhi.time, time("18:00"));
    let lh = place(&Tzdb, "Australia/Lord_Howe", date("2024-10-06"), time("02:10")).unwrap();
    assert_eq!(lh.reading, Reading::Gap { minutes: 30 });
}

#[test]
fn a_session_in_geneva_can_be_the_next_day_elsewhere() {
    let tokyo = convert(&Tzdb, "Europe/Zurich", date("2024-08-01"), time("18:00"), "Asia/Tokyo").unwrap();
    assert_eq!((tokyo.date, tokyo.time, tokyo.day_shift), (date("2024-08-02"), time("01:00"), 1));
    let la =
        convert(&Tzdb, "Europe/Zurich", date("2024-08-01"), time("08:00"), "America/Los_Angeles").unwrap();
    assert_eq!((la.date, la.time, la.day_shift), (date("2024-07-31"), time("23:00"), -1));
}

#[test]
fn an_unknown_or_empty_zone_is_an_error_that_says_so() {
    let e = place(&Tzdb, "Mars/Olympus_Mons", date("2024-08-01"), time("14:30")).unwrap_err();
    assert_eq!(e, ZoneError::Unknown("Mars/Olympus_Mons".into()));
    assert!(e.to_string().contains("\"Mars/Olympus_Mons\" is not a time zone"), "{e}");
    assert_eq!(place(&Tzdb, " ", date("2024-08-01"), time("14:30")).unwrap_err(), ZoneError::Empty);
}

#[test]
fn the_bundled_rules_know_the_iana_names() {
    let names = Tzdb.names();
    for n in ["Europe/Zurich", "America/New_York", "Asia/Kolkata", "UTC"] {
        assert!(names.iter().any(|k| k == n), "{n}");
        assert!(Tzdb.is_known(n), "{n}");
    }
    assert!(!Tzdb.is_known("Europe/Geneva"));
    assert!(!Tzdb.is_known(""));
    assert!(names.len() > 300, "{} names", names.len());
}

#[test]
fn a_viewer_reads_td514s_session_in_their_own_zone() {
    let td514 = templates::td514("t");
    let session = &td514.sessions[0];
    let (start, end) =
        session_in(&Tzdb, &td514, session, "America/New_York").unwrap().expect("a dated session");
    assert_eq!((start.label(), end.label()), ("08:30".to_string(), "09:45".to_string()));
    let (start, _) = session_in(&Tzdb, &td514, session, "Pacific/Auckland").unwrap().unwrap();
    assert_eq!(start.label(), "00:30 (+1 day)");
    let (start, _) = session_in(&Tzdb, &td514, session, "Pacific/Honolulu").unwrap().unwrap();
    assert_eq!(start.label(), "02:30");
    let (start, _) = session_in(&Tzdb, &td514, session, "America/Los_Angeles").unwrap().unwrap();
    assert_eq!(start.label(), "05:30");
    let mut undated = session.clone();
    undated.date = None;
    assert_eq!(session_in(&Tzdb, &td514, &undated, "UTC").unwrap(), None);
}

#[test]
fn a_time_the_day_before_is_labelled_so() {
    let la =
        convert(&Tzdb, "Europe/Zurich", date("2024-08-01"), time("08:00"), "America/Los_Angeles").unwrap();
    assert_eq!(la.label(), "23:00 (\u{2212}1 day)");
}

/// Zurich's rules since 1996 written out by hand, as the browser's own data gives them: summer
/// time (UTC+2) from the last Sunday of March to the last Sunday of October, changing at 01:00
/// UTC. Any source of rules answers the one question the core asks; what the core makes of the
/// answers must not depend on which source it is.
struct HandWritten;

impl HandWritten {
    fn last_sunday(year: i32, month: u8) -> Date {
        let mut d = Date::new(year, month, 31).unwrap();
        while d.weekday() != agendum_core::time::Weekday::Sunday {
            d = Date::new(year, month, d.day - 1).unwrap();
        }
        d
    }
}

impl ZoneRules for HandWritten {
    fn offset_minutes(&self, zone: &str, at: Instant) -> Result<i32, ZoneError> {
        if zone != "Europe/Zurich" {
            return Err(ZoneError::Unknown(zone.into()));
        }
        let year = at.utc().0.year;
        let one = time("01:00");
        let summer = Instant::from_utc(Self::last_sunday(year, 3), one)
            ..Instant::from_utc(Self::last_sunday(year, 10), one);
        Ok(if summer.contains(&at) { 120 } else { 60 })
    }

    fn is_known(&self, zone: &str) -> bool {
        zone == "Europe/Zurich"
    }

    fn names(&self) -> Vec<String> {
        vec!["Europe/Zurich".into()]
    }
}

#[test]
fn other_rules_with_the_same_offsets_place_every_time_alike() {
    // Every quarter hour of the days around both 2024 changes, gap and fold included.
    for d in ["2024-03-30", "2024-03-31", "2024-04-01", "2024-10-26", "2024-10-27", "2024-10-28"] {
        for q in 0..96u8 {
            let t = Time::from_hm(q / 4, q % 4 * 15).unwrap();
            let by_hand = place(&HandWritten, "Europe/Zurich", date(d), t).unwrap();
            let bundled = place(&Tzdb, "Europe/Zurich", date(d), t).unwrap();
            assert_eq!(by_hand, bundled, "{d} {t}");
        }
    }
}
