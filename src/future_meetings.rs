//! The future meetings listed at the end of the agenda: a table of dates, times and subjects.

use agendum_core::edit::{Edit, Field, FutureMeetingField};
use agendum_core::model::{FutureMeeting, FutureMeetingId};
use leptos::prelude::*;

use crate::classes;
use crate::fields::{FieldInput, Kind, TableHead};
use crate::reactive_agenda::ReactiveAgenda;

#[component]
fn FutureRow(meeting: FutureMeetingId) -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let pos = Memo::new(move |_| {
        live.shape.with(|s| s.future_meetings.iter().position(|m| *m == meeting).map_or(0, |i| i + 1))
    });
    let mf = move |field| Field::FutureMeeting { meeting, field };
    let l = move |what: &'static str| Signal::derive(move || format!("Future meeting {} {what}", pos.get()));
    view! {
        <tr>
            <td><FieldInput field=mf(FutureMeetingField::Date) label=l("date") hide_label=true kind=Kind::Date /></td>
            <td><FieldInput field=mf(FutureMeetingField::Start) label=l("start") hide_label=true kind=Kind::Parsed class="time" placeholder="hh:mm" /></td>
            <td><FieldInput field=mf(FutureMeetingField::End) label=l("end") hide_label=true kind=Kind::Parsed class="time" placeholder="hh:mm" /></td>
            <td><FieldInput field=mf(FutureMeetingField::Timing) label=l("timing") hide_label=true placeholder="During WTSA-24, to be confirmed" /></td>
            <td><FieldInput field=mf(FutureMeetingField::Subject) label=l("subject") hide_label=true /></td>
            <td class=classes::TOOLS>
                <button type="button" class=classes::DANGER aria-label=move || format!("Delete future meeting {}", pos.get())
                    on:click=move |_| { live.apply(Edit::RemoveFutureMeeting { id: meeting }, false); }>"✕"</button>
            </td>
        </tr>
    }
}

#[component]
pub fn FutureMeetings() -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let meetings = move || live.shape.with(|s| s.future_meetings.clone());
    let add = move |_| {
        let edit = live.agenda.with_untracked(|a| Edit::InsertFutureMeeting {
            index: a.future_meetings.len(),
            meeting: FutureMeeting {
                id: a.next_future_meeting_id(),
                date: None,
                start: None,
                end: None,
                timing: String::new(),
                subject: String::new(),
            },
        });
        live.apply(edit, false);
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
            <button type="button" on:click=add>"Add future meeting"</button>
        </section>
    }
}
