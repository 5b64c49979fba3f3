//! "Publish revision": records the agenda as it goes out (the original, then R1, R2 …) with the
//! status line of the moment in the meeting's zone. Asked first, since a publication is kept
//! for the meeting's record and is not an undo step.

use agendum_core::revisions::{next_revision, number_at, status_line};
use agendum_core::time::{Date, Time};
use agendum_core::zones::{local, Instant};
use leptos::prelude::*;

use crate::reactive_agenda::ReactiveAgenda;
use crate::time_zones::IntlRules;

/// Now, as the meeting's clocks read it; as this browser's where the agenda's zone is unknown.
fn meeting_now(zone: &str) -> (Date, Time) {
    let now = Instant::from_unix_seconds((js_sys::Date::now() / 1000.0) as i64);
    if let Ok(read) = local(&IntlRules, zone, now) {
        return read;
    }
    let d = js_sys::Date::new_0();
    let date = Date::new(d.get_full_year() as i32, d.get_month() as u8 + 1, d.get_date() as u8);
    let time = Time::from_hm(d.get_hours() as u8, d.get_minutes() as u8);
    match (date, time) {
        (Some(date), Some(time)) => (date, time),
        // A clock that cannot be read: the epoch, which the status line then shows plainly.
        _ => Instant(0).utc(),
    }
}

/// The question under the top bar while it is open.
#[component]
pub fn PublishOptions(open: RwSignal<bool>) -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let (zone, number) =
        live.agenda.with_untracked(|a| (a.time_zone.clone(), number_at(a, next_revision(a))));
    let (date, time) = meeting_now(&zone);
    let status = status_line(date, time);
    let publish = move |_| {
        open.set(false);
        let said = match live.publish(date, time) {
            Ok(p) => {
                let mut said = format!(
                    "Published {} (status: {}). The Changes panel now shows what changes from it.",
                    p.number, p.status
                );
                if !p.dropped.is_empty() {
                    let numbers: Vec<String> = live
                        .agenda
                        .with_untracked(|a| p.dropped.iter().map(|r| number_at(a, r.revision)).collect());
                    said.push_str(&format!(
                        " To keep the history within its limit, the oldest published {} no longer kept: {}. Export the agenda as a file first if you need them.",
                        if numbers.len() == 1 { "copy is" } else { "copies are" },
                        numbers.join(", ")
                    ));
                }
                said
            }
            Err(e) => e.to_string(),
        };
        live.notice.set(Some(said));
    };
    view! {
        <div class="notice publish-options" role="group" aria-label="Publish revision">
            <span>{format!("Publish {number} now, with the status line \"{status}\"? The agenda as it is now is kept as {number}, and what changes from here is shown against it.")}</span>
            <button type="button" on:click=publish>{format!("Publish {number}")}</button>
            <button type="button" aria-label="Close" on:click=move |_| open.set(false)>"×"</button>
        </div>
    }
}
