//! Annex A, the register of documents: one row per entry (built lazily on a long register),
//! adding entries, adding every cited document that is missing, and sorting. After a delete
//! the focus goes to the entry that takes the deleted one's place.

use agendum_core::checks::Code;
use agendum_core::edit::commands::{self, add_missing_documents, RegisterOrder};
use agendum_core::edit::{Edit, EntryField, Field};
use agendum_core::import::table;
use agendum_core::model::EntryId;
use leptos::prelude::*;

use crate::editor::{focus_later, neighbour};
use crate::fields::{FieldInput, Kind, TableHead};
use crate::first_paint::FirstPaint;
use crate::lazy::LazyRows;
use crate::reactive_agenda::{Owner, ReactiveAgenda};
use crate::rows::RowData;
use crate::shortcuts::{is_delete, DELETE_KEYS};
use crate::{classes, paste};

/// The "Add document" button, which takes the focus when the last entry is deleted.
const ADD_ID: &str = "add-entry";

fn delete(live: ReactiveAgenda, entry: EntryId, pos: usize) {
    let next = live.shape.with_untracked(|s| neighbour(&s.entries, entry));
    if live.apply(Edit::RemoveEntry { id: entry }, false) {
        live.notice.set(Some(format!("Annex A entry {pos} deleted. Undo with Ctrl+Z.")));
        match next {
            Some(next) => live.focus.set(Some(Field::Entry { entry: next, field: EntryField::Category })),
            None => focus_later(ADD_ID.to_string()),
        }
    }
}

#[component]
fn EntryRow(entry: EntryId) -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let pos = Memo::new(move |_| live.entry_positions.with(|p| p.get(&entry).copied().unwrap_or(0)));
    let ef = move |field| Field::Entry { entry, field };
    let l = move |what: &'static str| Signal::derive(move || format!("Annex A entry {} {what}", pos.get()));
    let lazy = expect_context::<LazyRows>().row(Owner::Entry(entry));
    // The cells hold the row's reactive parts, so they exist only while the row is built.
    let cells = move || {
        let row = RowData::new(live, Owner::Entry(entry));
        view! {
            <td>{move || format!("{}.", pos.get())}</td>
            <td><FieldInput field=ef(EntryField::Category) row=row label=l("category") hide_label=true list="category-vocabulary" /></td>
            <td><FieldInput field=ef(EntryField::Number) row=row label=l("number") hide_label=true kind=Kind::Parsed placeholder="TD…" /></td>
            <td><FieldInput field=ef(EntryField::Source) row=row label=l("source") hide_label=true /></td>
            <td><FieldInput field=ef(EntryField::Title) row=row label=l("title") hide_label=true /></td>
            <td class=classes::TOOLS>
                // Out of the Tab order, so that Tab then Enter from the title never deletes it.
                <button type="button" class=classes::DANGER tabindex="-1" aria-keyshortcuts=DELETE_KEYS
                    aria-label=move || format!("Delete Annex A entry {}", pos.get())
                    title=format!("Delete ({DELETE_KEYS} in the row; undo with Ctrl+Z)")
                    on:click=move |_| delete(live, entry, pos.get_untracked())>"✕"</button>
            </td>
        }
        .into_any()
    };
    view! {
        <tr data-row=lazy.attribute() node_ref=lazy.node class=(classes::STAND_IN, move || !lazy.built.get())
            on:keydown=move |ev| if is_delete(&ev) { ev.prevent_default(); delete(live, entry, pos.get_untracked()); }>
            {move || lazy.built.get().then(cells)}
        </tr>
    }
}

#[component]
pub fn Register() -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let long = expect_context::<LazyRows>().long_register;
    let first_paint = expect_context::<FirstPaint>();
    // A memo, so a keystroke that leaves the list as it was does not make the list compare it.
    // A long register, below all the items, is not on the first screen: its rows (stand-ins
    // each, thousands at a plenary's size) are made once the editor's first frame is painted.
    let entries = Memo::new(move |_| {
        if long.get() && !first_paint.done() {
            return Vec::new();
        }
        live.shape.with(|s| s.entries.clone())
    });
    let missing = Memo::new(move |_| {
        live.findings.with(|f| f.iter().filter(|f| f.code == Code::XrefUnregistered).count())
    });
    let add = move |_| {
        let (edit, id) = live.agenda.with_untracked(commands::add_entry);
        if live.apply(edit, false) {
            live.focus.set(Some(Field::Entry { entry: id, field: EntryField::Category }));
        }
    };
    let add_missing = move |_| {
        if let Some(edit) = live.agenda.with_untracked(add_missing_documents) {
            live.apply(edit, false);
        }
    };
    // Sorting rewrites the register's order as one undoable step (none when nothing moves).
    let sort = move |by: RegisterOrder| {
        if let Some(edit) = live.agenda.with_untracked(|a| commands::sort_register(a, by)) {
            live.apply(edit, false);
        }
    };
    // A table pasted anywhere in Annex A (Word's, Excel's, a web page's) adds its rows as
    // entries in one undoable step; text of one line stays in the field it is pasted into.
    let paste = move |e: leptos::ev::ClipboardEvent| {
        let Some(rows) = paste::pasted_rows(&e) else { return };
        let pasted = live.agenda.with_untracked(|a| table::paste_register(a, &rows));
        let applied = pasted.edit.is_some_and(|edit| live.apply(edit, false));
        let said = if applied {
            format!(
                "Annex A: {} added, {} filled in from the pasted table.",
                paste::counted(pasted.added, "entry", "entries"),
                paste::counted(pasted.updated, "entry", "entries")
            )
        } else {
            "The pasted table has no document numbers (such as TD514) to add to Annex A.".to_string()
        };
        live.notice.set(Some(said));
    };
    view! {
        <section aria-labelledby="register-h" on:paste=paste>
            <h2 id="register-h">"Annex A: Documentation"</h2>
            <div class="toolbar">
                <button type="button" id=ADD_ID on:click=add>"Add document"</button>
                <button type="button" on:click=add_missing disabled=move || missing.get() == 0
                    title="Adds every document the agenda cites but Annex A lacks, with source and title from the agenda">
                    {move || format!("Add every cited document that is missing ({})", missing.get())}
                </button>
                <span class="sort">"Sort by: "
                    <button type="button" on:click=move |_| sort(RegisterOrder::Number)>"number"</button>
                    <button type="button" on:click=move |_| sort(RegisterOrder::Category)>"category"</button>
                    <button type="button" on:click=move |_| sort(RegisterOrder::Source)>"source"</button>
                </span>
            </div>
            <table class="register" class:long=long>
                <TableHead columns={
                    use EntryField as F;
                    let mut columns = vec!["#"];
                    columns.extend([F::Category, F::Number, F::Source, F::Title].map(F::label));
                    columns
                } />
                <tbody>
                    <For each=move || entries.get() key=|id| *id let:id>
                        <EntryRow entry=id />
                    </For>
                </tbody>
            </table>
        </section>
    }
}
