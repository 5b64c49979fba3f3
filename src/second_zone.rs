//! The second zone the editor shows every time in, beside the meeting's: the viewer's own by
//! default, when its clocks differ from the meeting's, or UTC, or any zone the user picks. The
//! printed and exported agenda carry the same second zone: what the user sees is what they print.

use agendum_core::model::SessionId;
use agendum_core::second_zone::{second_zone, SecondZone};
use agendum_core::time::{Date, Time};
use agendum_core::zones::{Instant, ZoneRules};
use leptos::prelude::*;

use crate::reactive_agenda::ReactiveAgenda;
use crate::storage;
use crate::time_zones::{viewer_zone, IntlRules};

/// The chosen zone and the agenda's times in it, for every part of the editor.
#[derive(Clone, Copy)]
pub struct SecondZoneView {
    /// The zone's IANA name, or "" for none.
    pub choice: RwSignal<String>,
    /// The agenda's times in the chosen zone; None when none is chosen or a zone is unknown
    /// (the time zone's finding says which).
    pub times: Memo<Option<SecondZone>>,
    /// The viewer's own zone, as the browser reports it.
    pub viewer: Option<&'static str>,
}

/// Where the sessions stand: what the second zone's times follow besides the schedule. Copied
/// out at each edit (a few numbers a session) so that typing a title changes nothing here.
type Windows = (String, Vec<(SessionId, Option<Date>, Option<Time>, Option<Time>)>);

impl SecondZoneView {
    pub fn new(live: ReactiveAgenda) -> SecondZoneView {
        // Leaked once per page: the zone the browser runs in does not change under it.
        let viewer: Option<&'static str> = viewer_zone().map(|z| &*Box::leak(z.into_boxed_str()));
        let meeting = live.agenda.with_untracked(|a| a.time_zone.clone());
        let first = storage::second_zone().unwrap_or_else(|| default_zone(viewer, &meeting));
        let choice = RwSignal::new(first);
        let windows = Memo::new(move |_| {
            live.agenda.with(|a| -> Windows {
                (a.time_zone.clone(), a.sessions.iter().map(|s| (s.id, s.date, s.start, s.end)).collect())
            })
        });
        let times = Memo::new(move |_| {
            let zone = choice.get();
            if zone.is_empty() {
                return None;
            }
            // Read, not only tracked: a memo that is only tracked is never brought up to date,
            // so a session's new date would not reach the times.
            windows.with(|_| ());
            live.rows.with(|_| ());
            live.schedule.with(|s| live.agenda.with_untracked(|a| second_zone(&IntlRules, a, s, &zone).ok()))
        });
        SecondZoneView { choice, times, viewer }
    }

    pub fn choose(&self, zone: String) {
        storage::set_second_zone(&zone);
        self.choice.set(zone);
    }

    /// "08:30–09:45 New York" under a session's window.
    pub fn session_label(&self, session: SessionId) -> Option<String> {
        self.times.with(|z| z.as_ref().and_then(|z| z.session_label(session)))
    }
}

/// Until the user chooses: the viewer's zone where its clocks read otherwise than the meeting's
/// now; a chair in Geneva sees no second column of the same times.
fn default_zone(viewer: Option<&str>, meeting: &str) -> String {
    let Some(viewer) = viewer else { return String::new() };
    let now = Instant::from_unix_seconds((js_sys::Date::now() / 1000.0) as i64);
    let differ = match (IntlRules.offset_minutes(viewer, now), IntlRules.offset_minutes(meeting, now)) {
        (Ok(a), Ok(b)) => a != b,
        // An agenda with no zone, or an unknown one, has no times to convert.
        _ => false,
    };
    if differ {
        viewer.to_string()
    } else {
        String::new()
    }
}

/// The agenda's times in the viewer's zone, where its clocks read otherwise than the meeting's:
/// what an agenda opened from a share link shows a remote participant.
pub fn for_the_viewer(agenda: &agendum_core::Agenda) -> Option<SecondZone> {
    let zone = default_zone(viewer_zone().as_deref(), &agenda.time_zone);
    if zone.is_empty() {
        return None;
    }
    second_zone(&IntlRules, agenda, &agendum_core::schedule::schedule(agenda), &zone).ok()
}

/// The picker beside the meeting's time zone in the header.
#[component]
pub fn SecondZonePicker() -> impl IntoView {
    let view = expect_context::<SecondZoneView>();
    let mine = view.viewer.unwrap_or_default();
    // Every name the browser knows, built once: the select's own type-ahead finds one.
    let others: Vec<String> = IntlRules.names().into_iter().filter(|n| n != "UTC" && n != mine).collect();
    let on_change = move |ev: leptos::ev::Event| view.choose(event_target_value(&ev));
    let selected = move |zone: &str| view.choice.with(|c| c == zone);
    let mine_option = (!mine.is_empty()).then(|| {
        let label = format!("My zone ({mine})");
        view! { <option value=mine selected=move || selected(mine)>{label}</option> }
    });
    // A zone remembered from before that this browser does not list (another browser's name for it).
    let kept = view.choice.with_untracked(|c| {
        (!c.is_empty() && c != "UTC" && c != mine && !others.contains(c)).then(|| c.clone())
    });
    view! {
        <label class="field second-zone-picker">
            <span class="field-label">"Also show times in"</span>
            <select on:change=on_change title="Every time of the agenda is shown in this zone too, on each session's date, and printed so">
                <option value="" selected=move || selected("")>"No second zone"</option>
                {mine_option}
                <option value="UTC" selected=move || selected("UTC")>"UTC"</option>
                {kept.map(|k| { let v = k.clone(); view! { <option value=k selected=true>{v}</option> } })}
                <optgroup label="Other zones">
                    {others.into_iter().map(|n| {
                        let value = n.clone();
                        let is = n.clone();
                        view! { <option value=value selected=move || selected(&is)>{n}</option> }
                    }).collect_view()}
                </optgroup>
            </select>
        </label>
    }
}
