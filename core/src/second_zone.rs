//! The agenda's times as a second zone's clocks read them: the viewer's own zone in the editor,
//! or the zone (or UTC) chosen for the printed agenda. Each session is read on its own date, so a
//! meeting in late March or late October shows the shift that holds on that day.

use std::collections::HashMap;

use crate::model::{Agenda, ItemId, Session, SessionId};
use crate::schedule::Schedule;
use crate::time::{Date, Time};
use crate::zones::{convert, place, Converted, Instant, Reading, ZoneError, ZoneRules};

/// Every time of an agenda in a second zone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SecondZone {
    /// The zone's IANA name ("America/New_York", "UTC").
    pub zone: String,
    /// How a reader knows it: "New York", "UTC".
    pub label: String,
    /// Each dated session's start and end.
    pub sessions: HashMap<SessionId, (Converted, Converted)>,
    /// Each item's start, written or worked out by the schedule, in a dated session.
    pub starts: HashMap<ItemId, Converted>,
}

impl SecondZone {
    /// "08:30–11:30 New York", with a day shift where the second zone's clocks read another date.
    pub fn session_label(&self, session: SessionId) -> Option<String> {
        let (start, end) = self.sessions.get(&session)?;
        let mut out = format!("{}–{}", start.label(), end.label());
        if start.day_shift == end.day_shift && start.day_shift != 0 {
            // One shift for both ends reads better said once: "23:00–02:00 (−1 day)".
            out = format!("{}–{} ({})", start.time, end.time, day_words(start.day_shift));
        }
        out.push(' ');
        out.push_str(&self.label);
        Some(out)
    }

    /// "08:30 New York".
    pub fn start_label(&self, item: ItemId) -> Option<String> {
        self.starts.get(&item).map(|c| format!("{} {}", c.label(), self.label))
    }
}

fn day_words(shift: i64) -> String {
    match shift {
        1 => "+1 day".into(),
        -1 => "\u{2212}1 day".into(),
        n if n > 0 => format!("+{n} days"),
        n => format!("\u{2212}{} days", -n),
    }
}

/// How a zone is named to its readers: the city of an IANA name, its underscores as spaces
/// ("America/Argentina/Buenos_Aires": "Buenos Aires"); "UTC" and names without a city as they are.
pub fn zone_label(zone: &str) -> String {
    let zone = zone.trim();
    match zone.rsplit_once('/') {
        Some((_, city)) if !city.is_empty() => city.replace('_', " "),
        _ => zone.to_string(),
    }
}

/// The agenda's times in zone `to`. Fails when either zone is empty or unknown to the rules.
pub fn second_zone(
    rules: &dyn ZoneRules,
    agenda: &Agenda,
    schedule: &Schedule,
    to: &str,
) -> Result<SecondZone, ZoneError> {
    let from = agenda.time_zone.trim();
    let to = to.trim();
    // Asked once up front, so that an unknown zone fails the same way with no dated session.
    for zone in [from, to] {
        if zone.is_empty() {
            return Err(ZoneError::Empty);
        }
        if !rules.is_known(zone) {
            return Err(ZoneError::Unknown(zone.to_string()));
        }
    }
    let mut out = SecondZone { zone: to.to_string(), label: zone_label(to), ..SecondZone::default() };
    for session in &agenda.sessions {
        let Some(date) = session.date else { continue };
        let steady = steady_shift(rules, from, to, date, session)?;
        let read = |time: Time| -> Result<Converted, ZoneError> {
            match steady {
                Some(shift) if within(session, time) => Ok(shifted(date, time, shift)),
                _ => convert(rules, from, date, time, to),
            }
        };
        if let (Some(start), Some(end)) = (session.start, session.end) {
            out.sessions.insert(session.id, (read(start)?, read(end)?));
        }
        let mut items = Vec::new();
        collect(&session.items, &mut items);
        for id in items {
            if let Some(slot) = schedule.slots.get(&id) {
                out.starts.insert(id, read(slot.start)?);
            }
        }
    }
    Ok(out)
}

fn collect(items: &[crate::model::Item], out: &mut Vec<ItemId>) {
    for item in items {
        out.push(item.id);
        collect(&item.children, out);
    }
}

fn within(session: &Session, time: Time) -> bool {
    matches!((session.start, session.end), (Some(s), Some(e)) if s <= time && time <= e)
}

/// The minutes to add to every time inside the session's window to read it in `to`, when neither
/// zone changes its clocks inside the window (the case of every day but two a year): then the
/// hundreds of items of a plenary's session cost two conversions, not one each. None when the
/// window is not set, or a change falls inside it, so that each time is converted on its own.
fn steady_shift(
    rules: &dyn ZoneRules,
    from: &str,
    to: &str,
    date: Date,
    session: &Session,
) -> Result<Option<i64>, ZoneError> {
    let (Some(start), Some(end)) = (session.start, session.end) else { return Ok(None) };
    if end < start {
        return Ok(None);
    }
    let (a, b) = (place(rules, from, date, start)?, place(rules, from, date, end)?);
    if a.reading != Reading::Exact || b.reading != Reading::Exact || a.offset != b.offset {
        return Ok(None);
    }
    // No zone changes its offset twice within two days, so the same offset at both ends of a
    // window of hours means none in between.
    let (to_a, to_b) = (rules.offset_minutes(to, a.at)?, rules.offset_minutes(to, b.at)?);
    if to_a != to_b {
        return Ok(None);
    }
    Ok(Some(i64::from(to_a - a.offset)))
}

fn shifted(date: Date, time: Time, shift: i64) -> Converted {
    let (d, t) = Instant::from_utc(date, time).plus_minutes(shift).utc();
    Converted {
        date: d,
        time: t,
        day_shift: d.days_since_epoch() - date.days_since_epoch(),
        reading: Reading::Exact,
    }
}
