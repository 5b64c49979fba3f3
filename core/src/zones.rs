//! The meeting's time zone: an agenda's times are wall-clock times in one IANA zone (its
//! `time_zone`, "Europe/Zurich"), and this module turns them into instants (UTC) and into the
//! wall-clock times of any other zone, with daylight saving time taken on each session's own date.
//!
//! The rules themselves come from outside, through [`ZoneRules`]: the browser asks its own
//! time-zone data (`Intl`), so the wasm build carries no copy of the database; native builds
//! (the command line, the tests) use `Tzdb`, the IANA database bundled into the binary, behind
//! the `tzdb` feature. Both answer the one question the rules are asked, a zone's offset at an
//! instant, and everything else (the gap, the fold, the calendar arithmetic) is worked out here
//! once, so the command line and the browser cannot disagree on how a local time is read.

use std::fmt;

use crate::time::{Date, Time};

/// An instant, to the minute: minutes since 1970-01-01 00:00 UTC. Agendas are written to the
/// minute, and every zone in use today is offset from UTC by whole minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(pub i64);

const MINUTES_PER_DAY: i64 = 24 * 60;

impl Instant {
    /// The instant at which the clocks of UTC read `date` `time`.
    pub fn from_utc(date: Date, time: Time) -> Instant {
        Instant(date.days_since_epoch() * MINUTES_PER_DAY + i64::from(time.minutes_since_midnight()))
    }

    /// From a Unix timestamp in seconds (a clock's "now"), to the minute below.
    pub fn from_unix_seconds(seconds: i64) -> Instant {
        Instant(seconds.div_euclid(60))
    }

    pub fn unix_seconds(self) -> i64 {
        self.0 * 60
    }

    /// What the clocks of UTC read at this instant.
    pub fn utc(self) -> (Date, Time) {
        let days = self.0.div_euclid(MINUTES_PER_DAY);
        let minutes = self.0.rem_euclid(MINUTES_PER_DAY) as u32;
        let time = Time::from_hm((minutes / 60) as u8, (minutes % 60) as u8).expect("under 24 hours");
        (date_from_days(days), time)
    }

    pub fn plus_minutes(self, minutes: i64) -> Instant {
        Instant(self.0 + minutes)
    }
}

/// The civil date `days` after 1970-01-01 (Howard Hinnant's civil_from_days, the inverse of
/// [`Date::days_since_epoch`]).
fn date_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(year as i32, month, day).expect("a civil date from a day count")
}

/// Why a zone's time could not be worked out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZoneError {
    /// The agenda names no zone.
    Empty,
    /// A name the rules do not know ("Mars/Olympus_Mons").
    Unknown(String),
    /// A moment outside the years the rules cover (a date typed as 9999-12-31).
    OutOfRange,
}

impl fmt::Display for ZoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ZoneError::Empty => {
                f.write_str("the agenda has no time zone: set one in the header, e.g. Europe/Zurich")
            }
            ZoneError::Unknown(name) => {
                write!(f, "\"{name}\" is not a time zone the time-zone database knows (an IANA name, e.g. Europe/Zurich)")
            }
            ZoneError::OutOfRange => {
                f.write_str("a date of the agenda is outside the years the time-zone rules cover: check the sessions' dates")
            }
        }
    }
}

impl std::error::Error for ZoneError {}

/// The time-zone rules the core computes with. One question answers all of them, a zone's
/// offset at an instant, which every source of rules can answer (the browser's `Intl` formats an
/// instant in a zone; a database looks up its transitions).
pub trait ZoneRules {
    /// The offset of `zone`'s clocks from UTC at `at`, in minutes, positive east of Greenwich
    /// (Europe/Zurich in summer: 120).
    fn offset_minutes(&self, zone: &str, at: Instant) -> Result<i32, ZoneError>;

    /// Whether `zone` is a name the rules know.
    fn is_known(&self, zone: &str) -> bool;

    /// Every zone name the rules know, for "did you mean" and for a picker.
    fn names(&self) -> Vec<String>;
}

/// How a wall-clock time was read in its zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// The time happens once: the usual case.
    Exact,
    /// The time never happens: the clocks jump over it (02:30 on the morning clocks go forward).
    /// It is read with the offset from before the jump, so it lands as far past the jump as it
    /// was written past its start (02:30 in Zurich on 2024-03-31 is 03:30 summer time).
    Gap {
        /// How long the jump is, in minutes (60).
        minutes: i32,
    },
    /// The time happens twice: the clocks go back over it (02:30 on the morning they fall back).
    /// The first of the two is taken.
    Fold {
        /// How long the repeated stretch is, in minutes (60).
        minutes: i32,
    },
}

/// A wall-clock time placed on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed {
    pub at: Instant,
    /// The offset from UTC it was read with, in minutes.
    pub offset: i32,
    pub reading: Reading,
}

/// Places `time` on `date` in `zone` on the timeline.
///
/// A time in the gap or in the fold is read as RFC 5545 (§3.3.5) tells calendar programs to read
/// a local time, and as JavaScript's `Temporal` and most libraries do by default: in the gap,
/// with the offset from before the jump (so the time moves forward by the jump); in the fold, the
/// first of its two occurrences (the one before the clocks go back). An agenda's calendar then
/// agrees with what a calendar program would make of the same local time, and the result says
/// which case it was ([`Reading`]), for a caller to point it out.
pub fn place(rules: &dyn ZoneRules, zone: &str, date: Date, time: Time) -> Result<Placed, ZoneError> {
    let zone = zone.trim();
    if zone.is_empty() {
        return Err(ZoneError::Empty);
    }
    // The wall-clock time as if it were UTC; the true instant is that minus the offset in force.
    let local = Instant::from_utc(date, time);
    // No zone changes its offset twice within two days, so the offsets a day either side are the
    // only candidates: the one before any change near this time, and the one after.
    let before = rules.offset_minutes(zone, local.plus_minutes(-MINUTES_PER_DAY))?;
    let after = rules.offset_minutes(zone, local.plus_minutes(MINUTES_PER_DAY))?;
    let fits = |offset: i32| -> Result<bool, ZoneError> {
        let at = local.plus_minutes(-i64::from(offset));
        Ok(rules.offset_minutes(zone, at)? == offset)
    };
    let placed =
        |offset: i32, reading| Placed { at: local.plus_minutes(-i64::from(offset)), offset, reading };
    if before == after {
        return Ok(placed(before, Reading::Exact));
    }
    Ok(match (fits(before)?, fits(after)?) {
        (true, true) => placed(before, Reading::Fold { minutes: (before - after).abs() }),
        (true, false) => placed(before, Reading::Exact),
        (false, true) => placed(after, Reading::Exact),
        (false, false) => placed(before, Reading::Gap { minutes: (after - before).abs() }),
    })
}

/// The wall-clock date and time of `zone` at an instant.
pub fn local(rules: &dyn ZoneRules, zone: &str, at: Instant) -> Result<(Date, Time), ZoneError> {
    let zone = zone.trim();
    if zone.is_empty() {
        return Err(ZoneError::Empty);
    }
    let offset = rules.offset_minutes(zone, at)?;
    Ok(at.plus_minutes(i64::from(offset)).utc())
}

/// A time as another zone's clocks read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Converted {
    pub date: Date,
    pub time: Time,
    /// Days from the date it was written on (-1, 0, +1): "08:30" or "02:00 (+1 day)".
    pub day_shift: i64,
    /// How the original time was read in its own zone.
    pub reading: Reading,
}

impl Converted {
    /// As a viewer's column shows it: "08:30", "01:00 (+1 day)", "23:00 (−1 day)".
    pub fn label(&self) -> String {
        match self.day_shift {
            0 => self.time.to_string(),
            1 => format!("{} (+1 day)", self.time),
            -1 => format!("{} (\u{2212}1 day)", self.time),
            n if n > 0 => format!("{} (+{n} days)", self.time),
            n => format!("{} (\u{2212}{} days)", self.time, -n),
        }
    }
}

/// What `from`'s clocks reading `time` on `date` read in zone `to`: TD514's 14:30 Geneva time on
/// 2024-08-01 is 08:30 in America/New_York. `to` may be "UTC".
pub fn convert(
    rules: &dyn ZoneRules,
    from: &str,
    date: Date,
    time: Time,
    to: &str,
) -> Result<Converted, ZoneError> {
    let placed = place(rules, from, date, time)?;
    let (d, t) = local(rules, to, placed.at)?;
    Ok(Converted {
        date: d,
        time: t,
        day_shift: d.days_since_epoch() - date.days_since_epoch(),
        reading: placed.reading,
    })
}

/// Where a session stands on the timeline: its start and end, each read on the session's own
/// date. None when the session lacks a date, a start or an end.
pub fn session_window(
    rules: &dyn ZoneRules,
    zone: &str,
    session: &crate::model::Session,
) -> Result<Option<(Placed, Placed)>, ZoneError> {
    let (Some(date), Some(start), Some(end)) = (session.date, session.start, session.end) else {
        return Ok(None);
    };
    Ok(Some((place(rules, zone, date, start)?, place(rules, zone, date, end)?)))
}

/// A session's start and end as zone `to` reads them (the viewer's zone, or "UTC"), each read on
/// the session's own date in the agenda's zone. None when the session lacks a date, a start or an
/// end.
pub fn session_in(
    rules: &dyn ZoneRules,
    agenda: &crate::model::Agenda,
    session: &crate::model::Session,
    to: &str,
) -> Result<Option<(Converted, Converted)>, ZoneError> {
    let (Some(date), Some(start), Some(end)) = (session.date, session.start, session.end) else {
        return Ok(None);
    };
    let from = agenda.time_zone.as_str();
    Ok(Some((convert(rules, from, date, start, to)?, convert(rules, from, date, end, to)?)))
}

/// Names people write for Geneva, where most ITU-T meetings are held, which is in the zone of
/// Zurich: no IANA name has Geneva in it.
const CITY_ALIASES: &[(&str, &str)] = &[
    ("geneva", "Europe/Zurich"),
    ("geneve", "Europe/Zurich"),
    ("genève", "Europe/Zurich"),
    ("genf", "Europe/Zurich"),
];

/// The zone a name stands for when it names a city by another name ("Europe/Geneve", "Geneva").
pub fn alias(name: &str) -> Option<&'static str> {
    let last = name.trim().rsplit('/').next()?.to_lowercase();
    CITY_ALIASES.iter().find(|(city, _)| *city == last).map(|(_, zone)| *zone)
}

/// The known names nearest to an unknown one, nearest first (at most `n`), by edit distance
/// ignoring case, of the whole name or of its city alone, spaces read as IANA's underscores:
/// "Europe/Zurch" and "Zurich" both give "Europe/Zurich" first, "New York" "America/New_York".
pub fn nearest_names(name: &str, known: &[String], n: usize) -> Vec<(String, usize)> {
    let name = name.trim().replace(' ', "_");
    let city = |s: &str| s.rsplit('/').next().unwrap_or(s).to_string();
    let typed_city = city(&name);
    let mut scored: Vec<(String, usize)> = known
        .iter()
        .map(|k| {
            let whole = crate::checks::edit_distance(&name, k);
            (k.clone(), whole.min(crate::checks::edit_distance(&typed_city, &city(k))))
        })
        .collect();
    scored.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    scored.truncate(n);
    scored
}

/// The IANA time-zone database bundled into the binary (the `tzdb` feature): the rules of the
/// command line and of the tests.
#[cfg(feature = "tzdb")]
#[derive(Clone, Copy, Debug, Default)]
pub struct Tzdb;

#[cfg(feature = "tzdb")]
impl ZoneRules for Tzdb {
    fn offset_minutes(&self, zone: &str, at: Instant) -> Result<i32, ZoneError> {
        let tz = jiff::tz::db().get(zone.trim()).map_err(|_| ZoneError::Unknown(zone.trim().to_string()))?;
        let ts = jiff::Timestamp::from_second(at.unix_seconds()).map_err(|_| ZoneError::OutOfRange)?;
        Ok(tz.to_offset(ts).seconds().div_euclid(60))
    }

    fn is_known(&self, zone: &str) -> bool {
        !zone.trim().is_empty() && jiff::tz::db().get(zone.trim()).is_ok()
    }

    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = jiff::tz::db().available().map(|n| n.as_str().to_string()).collect();
        names.sort();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_counts_go_back_to_their_dates() {
        for d in ["1970-01-01", "2000-02-29", "2024-03-31", "2024-12-31", "1969-12-31", "2100-03-01"] {
            let date: Date = d.parse().unwrap();
            assert_eq!(date_from_days(date.days_since_epoch()), date, "{d}");
        }
    }

    #[test]
    fn instants_read_back_as_utc() {
        let d: Date = "2024-08-01".parse().unwrap();
        let t: Time = "12:30".parse().unwrap();
        assert_eq!(Instant::from_utc(d, t).utc(), (d, t));
        assert_eq!(Instant::from_utc(d, t).unix_seconds(), 1_722_515_400);
    }
}
