//! Computed time slots: when each item starts and ends, derived from the start times written on
//! some rows, the planned durations, and the session window. Nothing here is stored.

use std::collections::HashMap;
use std::hash::BuildHasher;

use crate::model::{Agenda, Item, ItemId, Session, SessionId};
use crate::time::Time;

/// An item's slot. `end` is None where nothing fixes it (an untimed item followed by another
/// untimed item).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub start: Time,
    pub end: Option<Time>,
}

impl Slot {
    pub fn minutes(&self) -> Option<u32> {
        self.end.map(|e| e.minutes_since_midnight().saturating_sub(self.start.minutes_since_midnight()))
    }

    /// "14:35–15:00 (25 min)", or "14:35" when the end is open.
    pub fn label(&self) -> String {
        match (self.end, self.minutes()) {
            (Some(e), Some(m)) => format!("{}–{} ({m} min)", self.start, e),
            _ => self.start.to_string(),
        }
    }
}

/// The planned time of a session against its window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionPlan {
    /// Sum of the planned durations of its top-level items.
    pub planned: u32,
    /// Length of the window, when both ends are set and the end is after the start.
    pub window: Option<u32>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Schedule {
    pub slots: HashMap<ItemId, Slot>,
    pub sessions: HashMap<SessionId, SessionPlan>,
}

pub fn window_minutes(s: &Session) -> Option<u32> {
    match (s.start, s.end) {
        (Some(a), Some(b)) if b > a => Some(b.minutes_since_midnight() - a.minutes_since_midnight()),
        _ => None,
    }
}

/// Lays out one list of siblings inside the interval [from, to], handing each item with a start
/// its slot, with the item's position among the session's items in document order (`next` is the
/// place of the first of `items`).
fn lay_out<'a>(
    items: &'a [Item],
    from: Option<Time>,
    to: Option<Time>,
    next: &mut usize,
    out: &mut impl FnMut(usize, &'a Item, Slot),
) {
    let mut prev_end = from;
    for (i, item) in items.iter().enumerate() {
        let start = item.start.or(prev_end);
        let end = match (start, item.duration) {
            (Some(s), Some(d)) => Some(s.plus(d)),
            (Some(s), None) => {
                // An item with no planned duration ends at the start written on the next row,
                // or, the last of its siblings, at the end of its parent's interval.
                let bound = match items.get(i + 1) {
                    None => to,
                    Some(n) => n.start,
                };
                bound.filter(|e| *e >= s)
            }
            (None, _) => None,
        };
        let position = *next;
        *next += 1;
        if let Some(s) = start {
            out(position, item, Slot { start: s, end });
        }
        lay_out(&item.children, start, end, next, out);
        prev_end = end;
    }
}

/// Slots of one session's items.
pub fn schedule_session<S: BuildHasher>(s: &Session, slots: &mut HashMap<ItemId, Slot, S>) {
    session_slots(s, |_, item, slot| {
        slots.insert(item.id, slot);
    });
}

/// Slots of one session's items, each with the item's position among them in document order.
pub(crate) fn session_slots<'a>(s: &'a Session, mut out: impl FnMut(usize, &'a Item, Slot)) {
    lay_out(&s.items, s.start, s.end, &mut 0, &mut out);
}

pub fn schedule(agenda: &Agenda) -> Schedule {
    let mut slots = HashMap::new();
    let mut sessions = HashMap::new();
    for s in &agenda.sessions {
        schedule_session(s, &mut slots);
        // Saturating: a file may hold any duration, and a sum must not wrap or panic.
        let planned = s.items.iter().filter_map(|i| i.duration).fold(0, u32::saturating_add);
        sessions.insert(s.id, SessionPlan { planned, window: window_minutes(s) });
    }
    Schedule { slots, sessions }
}
