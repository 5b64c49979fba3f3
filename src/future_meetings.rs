//! The future meetings listed at the end of the agenda: a table of dates, times and subjects.
//! A new meeting takes the focus, and after a delete the meeting that takes its place does.

use agendum_core::edit::{Edit, Field, FutureMeetingField};
use agendum_core::model::{FutureMeeting, FutureMeetingId};
use leptos::prelude::*;

use crate::classes;
use crate::editor::{focus_later, neighbour};
use crate::fields::{FieldInput, Kind, TableHead};
use crate::reactive_agenda::ReactiveAgenda;
use crate::shortcuts::{is_delete, DELETE_KEYS};

/// The "Add future meeting" button, which takes the focus when the last meeting is deleted.
const ADD_ID: &str = "add-future-meeting";

fn date(meeting: FutureMeetingId) -> Field {
    Field::FutureMeeting { meeting, field: FutureMeetingField::Date }
}

fn delete(live: ReactiveAgenda, meeting: FutureMeetingId, pos: usize) {
    let next = live.shape.with_untracked(|s| neighbour(&s.future_meetings, meeting));
    if live.apply(Edit::RemoveFutureMeeting { id: meeting }, false) {
        live.notice.set(Some(format!("Future meeting {pos} deleted. Undo with Ctrl+Z.")));
        match next {
            Some(next) => live.focus.set(Some(date(next))),
            None => focus_later(ADD_ID.to_string()),
        }
    }
}

#[component]
fn FutureRow(meeting: FutureMeetingId) -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let pos = Memo::new(move |_| {
        live.shape.with(|s| s.future_meetings.iter().position(|m| *m == meeting).map_or(0, |i| i + 1))
    });
    let mf = move |field| Field::FutureMeeting { meeting, field };
    let l = move |what: &'static str| Signal::derive(move || format!("Future meeting {} {what}", pos.get()));
    view! {
        <tr on:keydown=move |ev| if is_delete(&ev) { ev.prevent_default(); delete(live, meeting, pos.get_untracked()); }>
            <td><FieldInput field=mf(FutureMeetingField::Date) label=l("date") hide_label=true kind=Kind::Date /></td>
            <td><FieldInput field=mf(FutureMeetingField::Start) label=l("start") hide_label=true kind=Kind::Parsed class="time" placeholder="hh:mm" /></td>
            <td><FieldInput field=mf(FutureMeetingField::End) label=l("end") hide_label=true kind=Kind::Parsed class="time" placeholder="hh:mm" /></td>
            <td><FieldInput field=mf(FutureMeetingField::Timing) label=l("timing") hide_label=true placeholder="During WTSA-24, to be confirmed" /></td>
            <td><FieldInput field=mf(FutureMeetingField::Subject) label=l("subject") hide_label=true /></td>
            <td class=classes::TOOLS>
                // Out of the Tab order, so that Tab then Enter never deletes the meeting.
                <button type="button" class=classes::DANGER tabindex="-1" aria-keyshortcuts=DELETE_KEYS
                    aria-label=move || format!("Delete future meeting {}", pos.get())
                    title=format!("Delete ({DELETE_KEYS} in the row; undo with Ctrl+Z)")
                    on:click=move |_| delete(live, meeting, pos.get_untracked())>"✕"</button>
            </td>
        </tr>
    }
}

#[component]
pub fn FutureMeetings() -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let meetings = move || live.shape.with(|s| s.future_meetings.clone());
    let add = move |_| {
        let (edit, id) = live.agenda.with_untracked(|a| {
            let id = a.next_future_meeting_id();
            let meeting = FutureMeeting {
                id,
                date: None,
                start: None,
                end: None,
                timing: String::new(),
                subject: String::new(),
            };
            (Edit::InsertFutureMeeting { index: a.future_meetings.len(), meeting: Box::new(meeting) }, id)
        });
        if live.apply(edit, false) {
            live.focus.set(Some(date(id)));
        }
    };
    view! {
        <section aria-labelledby="future-h">
            <h2 id="future-h">"Future meetings"</h2>
            <table class="future">
                <TableHead columns={
                    use FutureMeetingField as F;
                    [F::Date, F::Start, F::End, F::Timing, F::Subject].map(F::label).to_vec()
                } />
                <tbody>
                    <For each=meetings key=|id| *id let:id>
                        <FutureRow meeting=id />
                    </For>
                </tbody>
            </table>
            <button type="button" id=ADD_ID on:click=add>"Add future meeting"</button>
        </section>
    }
}
