//! Calendar dates, clock times and weekdays as agendas write them ("Thursday, 1 August",
//! "14:30 hours"). Kept small and exact on purpose: an agenda needs civil dates and wall-clock
//! minutes in one named time zone, never instants, so no date library is pulled into the core.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A civil date, written `YYYY-MM-DD` in files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// A wall-clock time in the agenda's time zone, to the minute, written `HH:MM` in files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    minutes: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

impl Weekday {
    pub fn name(self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }

    /// Accepts full names and the usual three-letter abbreviations, any case.
    pub fn parse(word: &str) -> Option<Weekday> {
        let w = word.trim().trim_end_matches('.').to_ascii_lowercase();
        if w.len() < 3 {
            return None;
        }
        WEEKDAYS.into_iter().find(|d| d.name().to_ascii_lowercase().starts_with(&w))
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Month from its English name or a 3+ letter prefix ("Aug", "august").
pub fn parse_month(word: &str) -> Option<u8> {
    let w = word.trim().trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS.iter().position(|m| m.to_ascii_lowercase().starts_with(&w)).map(|i| i as u8 + 1)
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil), for weekdays and differences.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        WEEKDAYS[(self.days_since_epoch() + 3).rem_euclid(7) as usize]
    }

    pub fn month_name(self) -> &'static str {
        MONTHS[usize::from(self.month - 1)]
    }

    /// "Thursday, 1 August": the way the seed agenda writes a session day.
    pub fn day_label(self) -> String {
        format!("{}, {} {}", self.weekday().name(), self.day, self.month_name())
    }

    /// "1 August 2024".
    pub fn long(self) -> String {
        format!("{} {} {}", self.day, self.month_name(), self.year)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError(pub String);

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParseError {}

/// What a message quotes of a text that is not a date or a time: on one line, and its start only
/// when long, since a file can hold a paragraph, or a megabyte, where a time belongs. What a
/// box holds is quoted as typed.
fn quoted(s: &str) -> String {
    const MAX: usize = 80;
    let line: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    match line.char_indices().nth(MAX) {
        Some((cut, _)) => format!("\"{}…\"", &line[..cut]),
        None => format!("\"{line}\""),
    }
}

impl FromStr for Date {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Date, ParseError> {
        let bad =
            || ParseError(format!("{} is not a date: write it as YYYY-MM-DD, e.g. 2024-08-01", quoted(s)));
        let mut parts = s.trim().splitn(3, '-');
        let (y, m, d) = (parts.next(), parts.next(), parts.next());
        let (Some(y), Some(m), Some(d)) = (y, m, d) else {
            return Err(bad());
        };
        // Digits only: the number parser would read "+202" as a year.
        let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if y.len() != 4 || m.len() != 2 || d.len() != 2 || ![y, m, d].into_iter().all(digits) {
            return Err(bad());
        }
        let y: i32 = y.parse().map_err(|_| bad())?;
        let m: u8 = m.parse().map_err(|_| bad())?;
        let d: u8 = d.parse().map_err(|_| bad())?;
        Date::new(y, m, d).ok_or_else(|| ParseError(format!("{s} is not a day of the calendar")))
    }
}

impl Date {
    /// A date as people type it into a date box: "2024-08-01", "1 August 2024", "Thursday,
    /// 1 Aug 2024". Day first, as ITU prints dates; "1/8/2024" is refused rather than guessed,
    /// since half the world reads it as 8 January. A weekday that is not the date's is refused.
    pub fn read_typed(s: &str) -> Result<Date, ParseError> {
        let t = s.trim();
        if t.starts_with(|c: char| c.is_ascii_digit()) && t.contains('-') {
            return t.parse();
        }
        let bad =
            || ParseError(format!("{} is not a date: write it as 1 August 2024 or 2024-08-01", quoted(t)));
        let said = DayLabel::parse(t);
        let year = t
            .split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .find_map(|w| w.parse::<i32>().ok())
            .ok_or_else(bad)?;
        let (Some(day), Some(month)) = (said.day, said.month) else { return Err(bad()) };
        if t.contains('/') {
            return Err(bad());
        }
        let d = Date::new(year, month, day)
            .ok_or_else(|| ParseError(format!("{} is not a day of the calendar", quoted(t))))?;
        match said.weekday {
            Some(w) if w != d.weekday() => {
                Err(ParseError(format!("{} is a {}, not a {}", d.long(), d.weekday().name(), w.name())))
            }
            _ => Ok(d),
        }
    }
}

impl Time {
    pub fn from_hm(hours: u8, minutes: u8) -> Option<Time> {
        (hours < 24 && minutes < 60).then(|| Time { minutes: u16::from(hours) * 60 + u16::from(minutes) })
    }

    pub fn minutes_since_midnight(self) -> u32 {
        u32::from(self.minutes)
    }

    /// Adds minutes, saturating at 23:59 (an agenda never crosses midnight).
    pub fn plus(self, minutes: u32) -> Time {
        Time { minutes: u32::from(self.minutes).saturating_add(minutes).min(23 * 60 + 59) as u16 }
    }

    pub fn hours(self) -> u8 {
        (self.minutes / 60) as u8
    }

    pub fn mins(self) -> u8 {
        (self.minutes % 60) as u8
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hours(), self.mins())
    }
}

impl FromStr for Time {
    type Err = ParseError;
    /// Accepts "14:30", "14.30", "1430", "9:05", and a trailing "hours"/"h", as people type them.
    fn from_str(s: &str) -> Result<Time, ParseError> {
        let bad = || ParseError(format!("{} is not a time: write it as HH:MM, e.g. 14:30", quoted(s)));
        let t = s.trim();
        let t = t.strip_suffix("hours").or_else(|| t.strip_suffix('h')).unwrap_or(t).trim();
        let (h, m) = if let Some((h, m)) = t.split_once([':', '.']) {
            (h, m)
        } else if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
            t.split_at(2)
        } else {
            return Err(bad());
        };
        if h.is_empty()
            || h.len() > 2
            || m.len() != 2
            || !(h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()))
        {
            return Err(bad());
        }
        let h: u8 = h.parse().map_err(|_| bad())?;
        let m: u8 = m.parse().map_err(|_| bad())?;
        Time::from_hm(h, m).ok_or_else(bad)
    }
}

/// What a day label such as "Thursday, 1 August" says, as far as it can be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct DayLabel {
    pub weekday: Option<Weekday>,
    pub day: Option<u8>,
    pub month: Option<u8>,
}

impl DayLabel {
    /// Whether the label names this date: its day and month, and its weekday if it has one. A
    /// label that leaves out the day or the month names no date.
    pub fn names(self, d: Date) -> bool {
        self.day == Some(d.day)
            && self.month == Some(d.month)
            && self.weekday.is_none_or(|w| w == d.weekday())
    }

    pub fn parse(label: &str) -> DayLabel {
        let mut out = DayLabel::default();
        for word in label.split(|c: char| !c.is_alphanumeric()) {
            if word.is_empty() {
                continue;
            }
            if let Ok(n) = word.parse::<u8>() {
                if out.day.is_none() && (1..=31).contains(&n) {
                    out.day = Some(n);
                }
            } else if out.weekday.is_none() && Weekday::parse(word).is_some() {
                out.weekday = Weekday::parse(word);
            } else if out.month.is_none() {
                out.month = parse_month(word);
            }
        }
        out
    }
}

macro_rules! string_serde {
    ($t:ty, $example:expr) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        // Refused while the reader is at the text, not after: the loader finds the path of a
        // problem from where serde_json stopped, which would be past the end of the object for
        // its last field.
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Text;
                impl serde::de::Visitor<'_> for Text {
                    type Value = $t;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("a string")
                    }
                    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<$t, E> {
                        s.parse().map_err(E::custom)
                    }
                }
                d.deserialize_str(Text)
            }
        }
        impl JsonSchema for $t {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($t).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "examples": [$example] })
            }
        }
    };
}

string_serde!(Date, "2024-08-01");
string_serde!(Time, "14:30");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_of_august_2024_is_a_thursday() {
        assert_eq!(Date::new(2024, 8, 1).unwrap().weekday(), Weekday::Thursday);
        assert_eq!(Date::new(2024, 8, 1).unwrap().day_label(), "Thursday, 1 August");
        assert_eq!(Date::new(2000, 2, 29).unwrap().weekday(), Weekday::Tuesday);
    }

    #[test]
    fn times_parse_the_way_people_type_them() {
        for s in ["14:30", "14.30", "1430", "14:30 hours", " 14:30h "] {
            assert_eq!(s.parse::<Time>().unwrap().to_string(), "14:30", "{s}");
        }
        assert_eq!("9:05".parse::<Time>().unwrap().to_string(), "09:05");
        for s in ["", "14:3", "25:00", "14:60", "noon", "14:30:00"] {
            assert!(s.parse::<Time>().is_err(), "{s}");
        }
    }

    #[test]
    fn dates_refuse_impossible_days() {
        assert!("2024-02-30".parse::<Date>().is_err());
        assert!("2024-8-1".parse::<Date>().is_err());
        assert_eq!("2024-08-01".parse::<Date>().unwrap(), Date::new(2024, 8, 1).unwrap());
    }

    #[test]
    fn day_labels_are_read_in_any_order() {
        let l = DayLabel::parse("Thursday, 1 August");
        assert_eq!(l.weekday, Some(Weekday::Thursday));
        assert_eq!((l.day, l.month), (Some(1), Some(8)));
        let l = DayLabel::parse("Wed 4 Sept.");
        assert_eq!((l.weekday, l.day, l.month), (Some(Weekday::Wednesday), Some(4), Some(9)));
    }
}
