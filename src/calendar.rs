//! "Export calendar": the agenda's sessions, and if asked its timed items, as calendar events
//! (.ics), made by the worker so that the calendar's code is fetched only by those who use it.
//! The events' UIDs come from the agenda's and the sessions' ids, so a calendar that imports a
//! revised agenda (a higher revision) updates its events instead of adding them again.

use agendum_core::{export, format};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::files;
use crate::reactive_agenda::ReactiveAgenda;
use crate::worker::ask;

const UNAVAILABLE: &str =
    "The calendar cannot be made right now: its part of Agendum did not load. Check the connection and try again.";

/// The calendar's text, how many events it holds, and what it says it left out.
async fn make(agenda: String, items: bool) -> Result<(String, u32, Vec<String>), String> {
    let stamp = (js_sys::Date::now() / 1000.0).floor();
    let request = js_sys::Array::of4(
        &"calendar".into(),
        &JsValue::from_str(&agenda),
        &JsValue::from_bool(items),
        &JsValue::from_f64(stamp),
    );
    let answer = ask(request, UNAVAILABLE).await?;
    let notices = js_sys::Array::from(&answer.get(3)).iter().filter_map(|v| v.as_string()).collect();
    Ok((answer.get(1).as_string().unwrap_or_default(), answer.get(2).as_f64().unwrap_or(0.0) as u32, notices))
}

/// The choices of a calendar, under the top bar while open.
#[component]
pub fn CalendarOptions(open: RwSignal<bool>) -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let items = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let download = move |_| {
        let (name, text) = live.agenda.with_untracked(|a| (export::file_name(a, "ics"), format::save(a)));
        busy.set(true);
        leptos::task::spawn_local(async move {
            let said = match make(text, items.get_untracked()).await {
                Ok((ics, events, notices)) => match files::download(&name, "text/calendar", ics.as_bytes()) {
                    Ok(()) => {
                        open.set(false);
                        let mut said = format!(
                            "Calendar downloaded: {} {}.",
                            events,
                            if events == 1 { "event" } else { "events" }
                        );
                        for n in notices {
                            said.push(' ');
                            said.push_str(&n);
                        }
                        said
                    }
                    Err(e) => e,
                },
                Err(e) => e,
            };
            busy.set(false);
            live.notice.set(Some(said));
        });
    };
    view! {
        <div class="notice calendar-options" role="group" aria-label="Export calendar">
            <span>"A calendar event for each session, in UTC, for any calendar program; importing it again after a new revision updates the events."</span>
            <label class="check">
                <input type="checkbox" prop:checked=move || items.get()
                    on:change=move |ev| items.set(event_target_checked(&ev)) />
                " And one for each item with a start time"
            </label>
            <button type="button" on:click=download disabled=move || busy.get()>"Download .ics"</button>
            <button type="button" aria-label="Close" on:click=move |_| open.set(false)>"×"</button>
        </div>
    }
}
