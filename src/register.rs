//! Annex A, the register of documents, and the free-text parts after it: the other annexes and
//! the future meetings. Tables of fields; every change is an edit.

use agendum_core::checks::add_missing_documents;
use agendum_core::docref::DocNumber;
use agendum_core::edit::{AnnexField, Edit, EntryField, Field, FutureMeetingField};
use agendum_core::model::{
    annex_letter, Annex, AnnexId, EntryId, FutureMeeting, FutureMeetingId, RegisterEntry,
};
use leptos::prelude::*;

use crate::doc::{Doc, Owner, RowData};
use crate::fields::{FieldInput, Kind, TableHead};
use crate::lazy::LazyRows;

#[derive(Clone, Copy, PartialEq, Eq)]
enum SortBy {
    Number,
    Category,
    Source,
}

#[component]
fn EntryRow(entry: EntryId) -> impl IntoView {
    let doc = expect_context::<Doc>();
    let pos = Memo::new(move |_| doc.entry_positions.with(|p| p.get(&entry).copied().unwrap_or(0)));
    let ef = move |field| Field::Entry { entry, field };
    let l = move |what: &'static str| Signal::derive(move || format!("Annex A entry {} {what}", pos.get()));
    let lazy = expect_context::<LazyRows>().row(Owner::Entry(entry));
    // The cells hold the row's reactive parts, so they exist only while the row is built.
    let cells = move || {
        let row = RowData::new(doc, Owner::Entry(entry));
        view! {
            <td>{move || format!("{}.", pos.get())}</td>
            <td><FieldInput field=ef(EntryField::Category) row=row label=l("category") hide_label=true list="category-vocabulary" /></td>
            <td><FieldInput field=ef(EntryField::Number) row=row label=l("number") hide_label=true kind=Kind::Parsed placeholder="TD514" /></td>
            <td><FieldInput field=ef(EntryField::Source) row=row label=l("source") hide_label=true /></td>
            <td><FieldInput field=ef(EntryField::Title) row=row label=l("title") hide_label=true /></td>
            <td class="tools">
                <button type="button" class="danger" aria-label=move || format!("Delete Annex A entry {}", pos.get())
                    title="Delete (undo with Ctrl+Z)"
                    on:click=move |_| { doc.apply(Edit::RemoveEntry { id: entry }, false); }>"✕"</button>
            </td>
        }
        .into_any()
    };
    view! {
        <tr data-row=lazy.attribute() node_ref=lazy.node class:stand-in=move || !lazy.built.get()>
            {move || lazy.built.get().then(cells)}
        </tr>
    }
}

#[component]
pub fn Register() -> impl IntoView {
    let doc = expect_context::<Doc>();
    // A memo, so a keystroke that leaves the list as it was does not make the list compare it.
    let entries = Memo::new(move |_| doc.shape.with(|s| s.entries.clone()));
    let long = expect_context::<LazyRows>().long_register;
    let missing =
        Memo::new(move |_| doc.findings.with(|f| f.iter().filter(|f| f.code == "xref.unregistered").count()));
    let add = move |_| {
        let (edit, id) = doc.agenda.with_untracked(|a| {
            let id = a.next_entry_id();
            let entry = RegisterEntry {
                id,
                number: DocNumber::parse(""),
                category: String::new(),
                source: String::new(),
                title: String::new(),
            };
            (Edit::InsertEntry { index: a.register.len(), entry }, id)
        });
        if doc.apply(edit, false) {
            doc.focus.set(Some(Field::Entry { entry: id, field: EntryField::Category }));
        }
    };
    let add_missing = move |_| {
        if let Some(edit) = doc.agenda.with_untracked(add_missing_documents) {
            doc.apply(edit, false);
        }
    };
    // Sorting rewrites the register's order as one undoable step.
    let sort = move |by: SortBy| {
        let edit = doc.agenda.with_untracked(|a| {
            let mut sorted = a.register.clone();
            match by {
                SortBy::Number => sorted.sort_by_key(|e| match &e.number {
                    DocNumber::Document(d) => (0, d.key(), d.revision),
                    _ => (1, DocNumber::parse("TD0").as_document().expect("TD0 parses").key(), None),
                }),
                SortBy::Category => sorted.sort_by_key(|e| e.category.trim().to_lowercase()),
                SortBy::Source => sorted.sort_by_key(|e| e.source.trim().to_lowercase()),
            }
            let mut edits: Vec<Edit> =
                a.register.iter().rev().map(|e| Edit::RemoveEntry { id: e.id }).collect();
            edits.extend(
                sorted.into_iter().enumerate().map(|(index, entry)| Edit::InsertEntry { index, entry }),
            );
            Edit::Batch(edits)
        });
        doc.apply(edit, false);
    };
    view! {
        <section aria-labelledby="register-h">
            <h2 id="register-h">"Annex A: Documentation"</h2>
            <div class="toolbar">
                <button type="button" on:click=add>"Add document"</button>
                <button type="button" on:click=add_missing disabled=move || missing.get() == 0
                    title="Adds every document the agenda cites but Annex A lacks, with source and title from the agenda">
                    {move || format!("Add every cited document that is missing ({})", missing.get())}
                </button>
                <span class="sort">"Sort by: "
                    <button type="button" on:click=move |_| sort(SortBy::Number)>"number"</button>
                    <button type="button" on:click=move |_| sort(SortBy::Category)>"category"</button>
                    <button type="button" on:click=move |_| sort(SortBy::Source)>"source"</button>
                </span>
            </div>
            <table class="register" class:long=long>
                <TableHead columns=&["#", "Category", "TD/C #", "Source", "Title"] />
                <tbody>
                    <For each=move || entries.get() key=|id| *id let:id>
                        <EntryRow entry=id />
                    </For>
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn AnnexBlock(annex: AnnexId) -> impl IntoView {
    let doc = expect_context::<Doc>();
    let letter = Memo::new(move |_| {
        doc.shape.with(|s| s.annexes.iter().position(|x| *x == annex).map(annex_letter).unwrap_or_default())
    });
    let af = move |field| Field::Annex { annex, field };
    view! {
        <div class="annex">
            <h3>{move || format!("Annex {}", letter.get())}</h3>
            <FieldInput field=af(AnnexField::Title) label=Signal::derive(move || format!("Annex {} title", letter.get())) />
            <FieldInput field=af(AnnexField::Body) label=Signal::derive(move || format!("Annex {} text", letter.get()))
                kind=Kind::Lines placeholder="Paragraphs; start a line with - for a bullet" class="annex-body" />
            <button type="button" class="danger" on:click=move |_| { doc.apply(Edit::RemoveAnnex { id: annex }, false); }>
                {move || format!("Delete Annex {}", letter.get())}
            </button>
        </div>
    }
}

#[component]
pub fn Annexes() -> impl IntoView {
    let doc = expect_context::<Doc>();
    let annexes = move || doc.shape.with(|s| s.annexes.clone());
    let add = move |_| {
        let (edit, id) = doc.agenda.with_untracked(|a| {
            let id = a.next_annex_id();
            (
                Edit::InsertAnnex {
                    index: a.annexes.len(),
                    annex: Annex { id, title: String::new(), body: String::new() },
                },
                id,
            )
        });
        if doc.apply(edit, false) {
            doc.focus.set(Some(Field::Annex { annex: id, field: AnnexField::Title }));
        }
    };
    view! {
        <section aria-labelledby="annexes-h">
            <h2 id="annexes-h">"Other annexes"</h2>
            <For each=annexes key=|id| *id let:id>
                <AnnexBlock annex=id />
            </For>
            <button type="button" on:click=add>"Add annex"</button>
        </section>
    }
}

#[component]
fn FutureRow(meeting: FutureMeetingId) -> impl IntoView {
    let doc = expect_context::<Doc>();
    let pos = Memo::new(move |_| {
        doc.shape.with(|s| s.future_meetings.iter().position(|m| *m == meeting).map_or(0, |i| i + 1))
    });
    let mf = move |field| Field::FutureMeeting { meeting, field };
    let l = move |what: &'static str| Signal::derive(move || format!("Future meeting {} {what}", pos.get()));
    view! {
        <tr>
            <td><FieldInput field=mf(FutureMeetingField::Date) label=l("date") hide_label=true kind=Kind::Date /></td>
            <td><FieldInput field=mf(FutureMeetingField::Start) label=l("start") hide_label=true kind=Kind::Parsed class="time" placeholder="14:00" /></td>
            <td><FieldInput field=mf(FutureMeetingField::End) label=l("end") hide_label=true kind=Kind::Parsed class="time" placeholder="15:30" /></td>
            <td><FieldInput field=mf(FutureMeetingField::Timing) label=l("timing") hide_label=true placeholder="During WTSA-24, to be confirmed" /></td>
            <td><FieldInput field=mf(FutureMeetingField::Subject) label=l("subject") hide_label=true /></td>
            <td class="tools">
                <button type="button" class="danger" aria-label=move || format!("Delete future meeting {}", pos.get())
                    on:click=move |_| { doc.apply(Edit::RemoveFutureMeeting { id: meeting }, false); }>"✕"</button>
            </td>
        </tr>
    }
}

#[component]
pub fn FutureMeetings() -> impl IntoView {
    let doc = expect_context::<Doc>();
    let meetings = move || doc.shape.with(|s| s.future_meetings.clone());
    let add = move |_| {
        let edit = doc.agenda.with_untracked(|a| Edit::InsertFutureMeeting {
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
        doc.apply(edit, false);
    };
    view! {
        <section aria-labelledby="future-h">
            <h2 id="future-h">"Future meetings"</h2>
            <table class="future">
                <TableHead columns=&["Date", "Start", "End", "Timing", "Subject"] />
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
