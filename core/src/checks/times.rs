//! Times within a session: starts that rise and fall inside the window, durations that end by
//! the next start, and a plan that fits the session. These are the mistakes a chair finds out
//! in the room, when an item overruns into the next.

use rustc_hash::FxHashMap;

use super::{Code, Ctx, Fix};
use crate::edit::{Edit, Field, ItemField, SessionField, Value};
use crate::model::{Item, ItemId, Session};
use crate::schedule::window_minutes;
use crate::time::Time;

pub(super) fn check(cx: &mut Ctx, index: usize, s: &Session) {
    let rows = cx.outline.session(index);
    // The session's items in document order; explicit starts must rise through them.
    let first = rows.start;
    let all: Vec<&Item> = cx.outline.items()[rows].to_vec();
    // A session that ends at or before its start is reported once, as session.window; judged
    // against such a window, every item start (and every duration) would be reported too,
    // pointing at times that are right.
    let window_ok = !matches!((s.start, s.end), (Some(a), Some(b)) if b <= a);
    let mut latest: Option<(&Item, Time)> = None;
    for &item in &all {
        let Some(t) = item.start else { continue };
        if let Some((prev, pt)) = latest {
            if t < pt {
                let n = cx.outline.number(prev.id).unwrap_or_default();
                cx.push(
                    Code::TimeOrder,
                    Field::item(item.id, ItemField::Start),
                    format!("Starts at {t}, before item {n} above it ({pt})."),
                    None,
                );
            }
        }
        if latest.is_none_or(|(_, pt)| t >= pt) {
            latest = Some((item, t));
        }
        let early = window_ok && s.start.is_some_and(|w| t < w);
        let late = window_ok && s.end.is_some_and(|w| t > w);
        if early || late {
            let window = match (s.start, s.end) {
                (Some(a), Some(b)) => format!("{a}–{b}"),
                (Some(a), None) => format!("from {a}"),
                (None, Some(b)) => format!("until {b}"),
                _ => String::new(),
            };
            cx.push(
                Code::TimeOutsideWindow,
                Field::item(item.id, ItemField::Start),
                format!("Starts at {t}, outside the session window ({window})."),
                None,
            );
        }
    }
    // Durations: each must end by the next explicit start after the item's own rows, or the
    // session end. `all` is in document order; walk it backwards keeping the next start seen.
    let mut next_start_after: Vec<Option<Time>> = vec![s.end.filter(|_| window_ok); all.len() + 1];
    for i in (0..all.len()).rev() {
        next_start_after[i] = all[i].start.or(next_start_after[i + 1]);
    }
    // Where two items share an id (no file loads with one), an item's position and slot are those
    // of the last item with its id, as a lookup by id gives them.
    let mut starts: Vec<Option<Time>> = vec![None; all.len()];
    let by_id = if cx.outline.unique() {
        crate::schedule::session_slots(s, |k, _, slot| starts[k] = Some(slot.start));
        None
    } else {
        let position: FxHashMap<ItemId, usize> = all.iter().enumerate().map(|(i, it)| (it.id, i)).collect();
        let mut slots = FxHashMap::default();
        crate::schedule::schedule_session(s, &mut slots);
        Some((position, slots))
    };
    // An item with no computed slot (an untimed item above it plans no duration) still starts
    // no earlier than the latest start written above it, since times rise (time.order): a
    // duration that runs past the bound even from there is an overrun all the same, and was
    // missed ("2.2: 40 min" inside item 2's 25 minutes, after an untimed 2.1).
    let mut floor = s.start.filter(|_| window_ok);
    let earliest: Vec<Option<Time>> = all
        .iter()
        .map(|it| {
            floor = floor.max(it.start);
            floor
        })
        .collect();
    for (k, item) in all.iter().enumerate() {
        let Some(d) = item.duration else { continue };
        let (at, computed) = match &by_id {
            None => (k, starts[k]),
            Some((position, slots)) => (position[&item.id], slots.get(&item.id).map(|slot| slot.start)),
        };
        let Some(start) = computed.or(earliest[at]) else { continue };
        let subtree = cx.outline.end(first + k) - (first + k);
        let after = at + subtree;
        let Some(bound) = next_start_after.get(after).copied().flatten() else { continue };
        let end = start.plus(d);
        if end > bound {
            let room = bound.minutes_since_midnight().saturating_sub(start.minutes_since_midnight());
            let fix = (room > 0).then(|| Fix {
                label: format!("Plan {room} min").into(),
                edit: Edit::Set {
                    field: Field::item(item.id, ItemField::Duration),
                    value: Value::Count(Some(room)),
                },
            });
            cx.push(
                Code::TimeOverrun,
                Field::item(item.id, ItemField::Duration),
                match computed {
                    Some(_) => format!("{d} min from {start} runs to {end}, past {bound}."),
                    None => format!("{d} min from {start} at the earliest runs to {end}, past {bound}."),
                },
                fix,
            );
        }
    }
    if let Some(w) = window_minutes(s) {
        // Saturating: a file may hold any duration, and a sum must not wrap or panic.
        let planned: u32 = s.items.iter().filter_map(|i| i.duration).fold(0, u32::saturating_add);
        if planned > w {
            cx.push(
                Code::SessionOverbooked,
                Field::Session { session: s.id, field: SessionField::End },
                format!("The items plan {planned} min in a {w} min session."),
                None,
            );
        }
    }
}
