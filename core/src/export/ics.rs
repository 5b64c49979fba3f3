//! The calendar export: RFC 5545 text (.ics) with one event per session and, if asked, one per
//! item that has a start time, every time in UTC, worked out through the time-zone rules on each
//! session's own date. What cannot be put in the calendar (a session without a date) is left out
//! and said so in [`Calendar::notices`], for the command line to print and the editor to show.

use std::fmt::{self, Write};

use super::printed::{document_label, session_times};
use crate::model::{Agenda, Item, Session};
use crate::numbering::Outline;
use crate::time::{Date, Time};
use crate::zones::{place, Instant, Placed, Reading, ZoneError, ZoneRules};

/// What the caller decides about a calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IcsOptions {
    /// One event per item that has a start time, besides one per session.
    pub items: bool,
    /// The events' SEQUENCE. A calendar program that already holds an event of the same UID
    /// replaces it only with a higher sequence, so a revised agenda must be exported with a
    /// higher one than the calendar people imported before for its events to be updated rather
    /// than ignored; the command line gives the agenda's revision (TD514R1: 1).
    pub sequence: u32,
    /// The DTSTAMP of every event: when the calendar was made. Given by the caller, so that the
    /// core reads no clock and the same agenda always gives the same text.
    pub stamp: Instant,
}

/// The calendar, with what it says about what it could not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    /// RFC 5545 text: CRLF line ends, lines folded at 75 octets.
    pub text: String,
    /// How many events it holds.
    pub events: usize,
    /// Sessions and items left out, and times read across a daylight-saving change.
    pub notices: Vec<Notice>,
}

/// Something the user should hear about a calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Whether the session or item is missing from the calendar (else it is there, its time
    /// read as the message says).
    pub left_out: bool,
    /// "Session 2 is left out: it has no date."
    pub message: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The agenda as a calendar. Fails only when the agenda's time zone is empty or unknown to the
/// rules: then no time could be placed.
pub fn ics(agenda: &Agenda, rules: &dyn ZoneRules, options: IcsOptions) -> Result<Calendar, ZoneError> {
    let zone = agenda.time_zone.trim();
    if zone.is_empty() {
        return Err(ZoneError::Empty);
    }
    if !rules.is_known(zone) {
        return Err(ZoneError::Unknown(zone.to_string()));
    }
    let mut w = Writer { out: String::new(), events: 0, notices: Vec::new(), agenda, options };
    w.line("BEGIN:VCALENDAR");
    w.line("VERSION:2.0");
    w.line("PRODID:-//Agendum//Agendum agenda//EN");
    w.line("CALSCALE:GREGORIAN");
    w.line("METHOD:PUBLISH");
    let name = about(agenda);
    if !name.is_empty() {
        w.property("X-WR-CALNAME", &text(&name));
    }
    let outline = Outline::new(agenda);
    for (index, session) in agenda.sessions.iter().enumerate() {
        let named = session_name(index, session);
        let (Some(date), Some(start), Some(end)) = (session.date, session.start, session.end) else {
            let lacks = match (session.date, session.start, session.end) {
                (None, _, _) => "date",
                (_, None, _) => "start time",
                _ => "end time",
            };
            w.notices
                .push(Notice { left_out: true, message: format!("{named} is left out: it has no {lacks}.") });
            continue;
        };
        let from = place(rules, zone, date, start)?;
        let to = place(rules, zone, date, end)?;
        w.read_as(&named, date, start, &from);
        w.read_as(&named, date, end, &to);
        if to.at <= from.at {
            w.notices.push(Notice {
                left_out: true,
                message: format!("{named} is left out: it ends before it starts."),
            });
            continue;
        }
        let summary = [session.title.trim(), agenda.title.trim(), agenda.group.trim()]
            .into_iter()
            .find(|s| !s.is_empty())
            .map_or_else(|| format!("Session {}", index + 1), str::to_string);
        let mut description = vec![about(agenda)];
        if let Some(times) = session_times(agenda, session) {
            description.push(format!("{times} ({zone})"));
        }
        w.event(&format!("session-{}", session.id.0), from.at, to.at, &summary, &description.join("\n"));

        if options.items {
            items(&mut w, rules, &outline, index, (date, end))?;
        }
    }
    w.line("END:VCALENDAR");
    Ok(Calendar { text: w.out, events: w.events, notices: w.notices })
}

/// The events of a session's timed items: each from its start to the next timed item's start or
/// the session's end, the untimed items after it (its sub-items, mostly) in its slot.
fn items(
    w: &mut Writer,
    rules: &dyn ZoneRules,
    outline: &Outline,
    index: usize,
    (date, end): (Date, Time),
) -> Result<(), ZoneError> {
    let zone = w.agenda.time_zone.trim();
    let agenda = w.agenda;
    let timed: Vec<(usize, &Item, Time)> = outline
        .session(index)
        .filter_map(|k| {
            let item = outline.items()[k];
            item.start.map(|s| (k, item, s))
        })
        .collect();
    for (n, (k, item, start)) in timed.iter().enumerate() {
        let number = outline.number_at(*k);
        let title = item.title.trim();
        let named =
            if title.is_empty() { format!("Item {number}") } else { format!("Item {number} ({title})") };
        let next = timed.get(n + 1).map(|(_, _, s)| *s);
        let mut finish = next.unwrap_or(end);
        if finish <= *start {
            // The last timed item at the session's end (a closure at 15:45) lasts what it
            // plans, if it plans anything.
            match item.duration.filter(|d| *d > 0 && next.is_none()) {
                Some(d) => finish = start.plus(d),
                None => {
                    let why = if next.is_some() {
                        "the next timed item starts no later than it, so it has no length"
                    } else {
                        "it starts at or after the session's end and plans no duration, so it has no length"
                    };
                    w.notices
                        .push(Notice { left_out: true, message: format!("{named} is left out: {why}.") });
                    continue;
                }
            }
        }
        let from = place(rules, zone, date, *start)?;
        let to = place(rules, zone, date, finish)?;
        w.read_as(&named, date, *start, &from);
        if to.at <= from.at {
            w.notices.push(Notice {
                left_out: true,
                message: format!("{named} is left out: it ends before it starts."),
            });
            continue;
        }
        let summary = if title.is_empty() { named.clone() } else { format!("{number} {title}") };
        let mut description = vec![format!("Item {number} of {}", about(agenda))];
        if !item.source.trim().is_empty() {
            description.push(format!("Source: {}", item.source.trim()));
        }
        // The untimed items after it (its sub-items, mostly) are taken in its slot.
        let until = timed.get(n + 1).map_or(outline.session(index).end, |(k2, _, _)| *k2);
        let docs: Vec<String> = (*k..until).flat_map(|j| outline.items()[j].docs.iter()).map(doc).collect();
        if !docs.is_empty() {
            description.push(format!("Documents: {}", docs.join(", ")));
        }
        for j in *k + 1..until {
            let inner = outline.items()[j];
            let mut line = format!("{} {}", outline.number_at(j), inner.title.trim());
            if !inner.docs.is_empty() {
                let docs: Vec<String> = inner.docs.iter().map(doc).collect();
                let _ = write!(line, ": {}", docs.join(", "));
            }
            description.push(line);
        }
        if !item.actions.is_empty() {
            description.push(item.actions.join("; "));
        }
        w.event(&format!("item-{}", item.id.0), from.at, to.at, &summary, &description.join("\n"));
    }
    Ok(())
}

/// A document as the Docs cell prints it: in parentheses when it is not to be introduced.
fn doc(d: &crate::docref::DocRef) -> String {
    if d.introduced {
        d.number.to_string()
    } else {
        format!("({})", d.number)
    }
}

/// "Session 1 (Thursday, 1 August)", as a notice names it.
fn session_name(index: usize, s: &Session) -> String {
    match s.date {
        Some(d) => format!("Session {} ({})", index + 1, d.day_label()),
        None => format!("Session {}", index + 1),
    }
}

/// "TD514, Agenda, RG-SOP": the agenda's document and title, as each event's description opens.
fn about(a: &Agenda) -> String {
    [document_label(a), a.title.trim().to_string()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

struct Writer<'a> {
    out: String,
    events: usize,
    notices: Vec<Notice>,
    agenda: &'a Agenda,
    options: IcsOptions,
}

impl Writer<'_> {
    /// One content line, folded: no line longer than 75 octets, continued on lines that open
    /// with a space, never inside a character.
    fn line(&mut self, content: &str) {
        let mut width = 0;
        for c in content.chars() {
            if width + c.len_utf8() > 75 {
                self.out.push_str("\r\n ");
                width = 1;
            }
            self.out.push(c);
            width += c.len_utf8();
        }
        self.out.push_str("\r\n");
    }

    fn property(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{value}"));
    }

    fn event(&mut self, uid: &str, start: Instant, end: Instant, summary: &str, description: &str) {
        self.line("BEGIN:VEVENT");
        let id = self.agenda.id.trim();
        let id = if id.is_empty() { "agenda" } else { id };
        self.property("UID", &text(&format!("{uid}@{id}.agendum")));
        self.property("DTSTAMP", &utc(self.options.stamp));
        self.property("SEQUENCE", &self.options.sequence.to_string());
        self.property("DTSTART", &utc(start));
        self.property("DTEND", &utc(end));
        self.property("SUMMARY", &text(summary));
        if !self.agenda.place.trim().is_empty() {
            self.property("LOCATION", &text(self.agenda.place.trim()));
        }
        if !description.is_empty() {
            self.property("DESCRIPTION", &text(description));
        }
        self.line("END:VEVENT");
        self.events += 1;
    }

    /// Says how a time across a daylight-saving change was read.
    fn read_as(&mut self, named: &str, date: Date, time: Time, placed: &Placed) {
        let zone = self.agenda.time_zone.trim();
        let message = match placed.reading {
            Reading::Exact => return,
            Reading::Gap { minutes } => format!(
                "{named}: {time} does not exist in {zone} on {}, when the clocks go forward; it is put \
                 {minutes} minutes later, at {}.",
                date.long(),
                time.plus(minutes as u32)
            ),
            Reading::Fold { .. } => format!(
                "{named}: {time} happens twice in {zone} on {}, when the clocks go back; the first is taken.",
                date.long()
            ),
        };
        self.notices.push(Notice { left_out: false, message });
    }
}

/// An instant in RFC 5545's UTC form: "20240801T123000Z".
fn utc(at: Instant) -> String {
    let (d, t) = at.utc();
    format!("{:04}{:02}{:02}T{:02}{:02}00Z", d.year, d.month, d.day, t.hours(), t.mins())
}

/// A TEXT value: backslash, semicolon and comma escaped, line breaks as "\n", other control
/// characters (which TEXT cannot hold) dropped.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
