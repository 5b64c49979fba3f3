//! Sessions: their window, and their day written against their date and the meeting's dates.
//! A weekday that disagrees with the date sends remote participants to the wrong day.

use super::{Code, Ctx, Fix};
use crate::edit::{Edit, Field, SessionField, Value};
use crate::model::{Agenda, Session};
use crate::time::{Date, DayLabel, Weekday};

/// The date a session is on: its own, or read from its day label with the meeting's year.
pub(super) fn session_date(a: &Agenda, s: &Session) -> Option<Date> {
    s.date.or_else(|| {
        let l = DayLabel::parse(&s.day_label);
        let year = a.start_date.or(a.end_date)?.year;
        Date::new(year, l.month?, l.day?)
    })
}

pub(super) fn check(cx: &mut Ctx, s: &Session) {
    let a = cx.agenda;
    let sf = |field| Field::Session { session: s.id, field };
    if let (Some(st), Some(en)) = (s.start, s.end) {
        if en <= st {
            cx.push(
                Code::SessionWindow,
                sf(SessionField::End),
                format!("The session ends at {en}, which is not after its start at {st}."),
                None,
            );
        }
    }
    let date = session_date(a, s);
    let label = DayLabel::parse(&s.day_label);
    if let Some(d) = date {
        if let Some(w) = label.weekday.filter(|w| *w != d.weekday()) {
            let right = with_weekday(&s.day_label, d);
            let fix = Fix {
                label: format!("Write \"{right}\"").into(),
                edit: Edit::Set { field: sf(SessionField::DayLabel), value: Value::Text(right) },
            };
            cx.push(
                Code::SessionWeekday,
                sf(SessionField::DayLabel),
                format!(
                    "\"{}\" says {}, but {} is a {}.",
                    s.day_label.trim(),
                    w.name(),
                    d.long(),
                    d.weekday().name()
                ),
                Some(fix),
            );
        }
        if s.date.is_some()
            && (label.day.is_some_and(|x| x != d.day) || label.month.is_some_and(|m| m != d.month))
        {
            cx.push(
                Code::SessionDay,
                sf(SessionField::DayLabel),
                format!("\"{}\" does not match the session date, {}.", s.day_label.trim(), d.long()),
                Some(Fix {
                    label: format!("Write \"{}\"", d.day_label()).into(),
                    edit: Edit::Set { field: sf(SessionField::DayLabel), value: Value::Text(d.day_label()) },
                }),
            );
        }
        // When the meeting's own dates are out of order, meeting.dates reports that one
        // mistake; judged against them, every session would be "outside" too, pointing at
        // session dates that are right.
        let meeting_ok = !matches!((a.start_date, a.end_date), (Some(x), Some(y)) if y < x);
        let before = a.start_date.is_some_and(|m| d < m);
        let after = a.end_date.is_some_and(|m| d > m);
        if meeting_ok && (before || after) {
            let span = match (a.start_date, a.end_date) {
                (Some(x), Some(y)) => format!("{} to {}", x.long(), y.long()),
                (Some(x), None) => format!("from {}", x.long()),
                (None, Some(y)) => format!("until {}", y.long()),
                (None, None) => String::new(),
            };
            cx.push(
                Code::SessionOutsideMeeting,
                sf(if s.date.is_some() { SessionField::Date } else { SessionField::DayLabel }),
                format!("The session is on {}, outside the meeting ({span}).", d.long()),
                None,
            );
        }
    }
}

/// The day label with its weekday word made the date's, the rest as the user typed it
/// ("Monday, 22 January 2018" keeps its year); the date's own label where no word is a weekday.
fn with_weekday(label: &str, d: Date) -> String {
    for word in label.split(|c: char| !c.is_alphabetic() && c != '.') {
        // Where the word starts in the label: the characters between words may be of any
        // length in bytes ("🕴thu").
        let at = word.as_ptr() as usize - label.as_ptr() as usize;
        if Weekday::parse(word).is_some() {
            // An abbreviation's dot goes with it: "Wed." becomes "Thursday".
            return format!("{}{}{}", &label[..at], d.weekday().name(), &label[at + word.len()..])
                .trim()
                .to_string();
        }
    }
    d.day_label()
}
