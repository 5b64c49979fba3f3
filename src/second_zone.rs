//! The second zone the editor shows every time in, beside the meeting's: the viewer's own by
//! default, when its clocks differ from the meeting's, or UTC, or any zone the user picks. The
//! printed and exported agenda carry the same second zone: what the user sees is what they print.

use agendum_core::model::SessionId;
use agendum_core::second_zone::{second_zone, SecondZone};
use agendum_core::time::{Date, Time};
use agendum_core::zones::{Instant, ZoneRules};
use leptos::prelude::*;

use crate::first_paint::FirstPaint;
use crate::reactive_agenda::ReactiveAgenda;
use crate::storage;
use crate::time_zones::{viewer_zone, IntlRules};

/// The chosen zone and the agenda's times in it, for every part of the editor.
#[derive(Clone, Copy)]
pub struct SecondZoneView {
    /// The zone the user picked ("" for none), kept from before; None until they pick one.
    picked: RwSignal<Option<String>>,
    /// The zone shown, its IANA name, or "" for none: the one picked, or by default the
    /// viewer's where its clocks read otherwise than the meeting's.
    pub choice: Memo<String>,
    /// The agenda's times in the chosen zone; None when none is chosen or a zone is unknown
    /// (the time zone's finding says which).
    pub times: Memo<Option<SecondZone>>,
    /// The viewer's own zone, as the browser reports it.
    pub viewer: Memo<Option<&'static str>>,
}

/// Where the sessions stand: what the second zone's times follow besides the schedule. Copied
/// out at each edit (a few numbers a session) so that typing a title changes nothing here.
type Windows = (String, Vec<(SessionId, Option<Date>, Option<Time>, Option<Time>)>);

thread_local! {
    /// The viewer's zone, asked once per page: the zone the browser runs in does not change
    /// under it, and each editor opened asks again.
    static VIEWER: std::cell::OnceCell<Option<&'static str>> = const { std::cell::OnceCell::new() };
}

/// The viewer's zone, leaked once per page (see `VIEWER`).
fn viewer() -> Option<&'static str> {
    VIEWER.with(|v| *v.get_or_init(|| viewer_zone().map(|z| &*Box::leak(z.into_boxed_str()))))
}

impl SecondZoneView {
    /// The viewer's zone and the times in the second zone wait for the editor's first frame:
    /// the browser's first `Intl` clock costs more than a dozen milliseconds to make, and the
    /// first frame shows the agenda, its times in the meeting's zone and its checks without it.
    pub fn new(live: ReactiveAgenda, first_paint: FirstPaint) -> SecondZoneView {
        let viewer = Memo::new(move |_| if first_paint.done() { viewer() } else { None });
        let picked = RwSignal::new(storage::second_zone());
        let meeting = Memo::new(move |_| live.with_header(|a| a.time_zone.clone()));
        let choice = Memo::new(move |_| match picked.get() {
            Some(zone) => zone,
            None => meeting.with(|m| default_zone(viewer.get(), m)),
        });
        let windows = Memo::new(move |_| {
            live.agenda.with(|a| -> Windows {
                (a.time_zone.clone(), a.sessions.iter().map(|s| (s.id, s.date, s.start, s.end)).collect())
            })
        });
        let times = Memo::new(move |_| {
            let zone = choice.get();
            if zone.is_empty() || !first_paint.done() {
                return None;
            }
            // Read, not only tracked: a memo that is only tracked is never brought up to date,
            // so a session's new date would not reach the times.
            windows.with(|_| ());
            live.rows.with(|_| ());
            live.schedule.with(|s| live.agenda.with_untracked(|a| second_zone(&IntlRules, a, s, &zone).ok()))
        });
        SecondZoneView { picked, choice, times, viewer }
    }

    pub fn choose(&self, zone: String) {
        storage::set_second_zone(&zone);
        self.picked.set(Some(zone));
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
    let first_paint = expect_context::<FirstPaint>();
    // Every name the browser knows, asked for once the first frame is painted: some 400
    // options that only the open list shows. The select's own type-ahead finds one.
    let names = Memo::new(move |_| if first_paint.done() { IntlRules.names() } else { Vec::new() });
    let on_change = move |ev: leptos::ev::Event| view.choose(event_target_value(&ev));
    // Built again when the choice or the list changes, which is rare: each option is then plain,
    // not a reactive node of its own.
    let options = move || {
        let choice = view.choice.get();
        let mine = view.viewer.get().unwrap_or_default();
        names.with(|names| {
            let option = |value: &str, label: String| {
                let selected = choice == value;
                view! { <option value=value.to_string() selected=selected>{label}</option> }
            };
            let mut first = vec![option("", "No second zone".into())];
            if !mine.is_empty() {
                first.push(option(mine, format!("My zone ({mine})")));
            }
            first.push(option("UTC", "UTC".into()));
            // A zone chosen that the list lacks: remembered from another browser, which names it
            // otherwise, or the list not yet asked for.
            let listed = choice.is_empty() || choice == "UTC" || choice == mine || names.contains(&choice);
            if !listed {
                first.push(option(&choice, choice.clone()));
            }
            let others: Vec<_> =
                names.iter().filter(|n| *n != "UTC" && *n != mine).map(|n| option(n, n.clone())).collect();
            let others =
                (!others.is_empty()).then(|| view! { <optgroup label="Other zones">{others}</optgroup> });
            (first, others)
        })
    };
    view! {
        <label class="field second-zone-picker">
            <span class="field-label">"Also show times in"</span>
            <select on:change=on_change title="Every time of the agenda is shown in this zone too, on each session's date, and printed so">
                {options}
            </select>
        </label>
    }
}
