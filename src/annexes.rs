//! The free-text annexes after Annex A (B, C …): their titles and texts, adding and deleting.
//! After a delete the focus goes to the annex that takes the deleted one's place.

use agendum_core::edit::{AnnexField, Edit, Field};
use agendum_core::model::{annex_letter, Annex, AnnexId};
use leptos::prelude::*;

use crate::classes;
use crate::editor::{focus_later, neighbour};
use crate::fields::{FieldInput, Kind};
use crate::reactive_agenda::ReactiveAgenda;
use crate::shortcuts::{is_delete, DELETE_KEYS};

/// The "Add annex" button, which takes the focus when the last annex is deleted.
const ADD_ID: &str = "add-annex";

fn delete(live: ReactiveAgenda, annex: AnnexId, letter: String) {
    let next = live.shape.with_untracked(|s| neighbour(&s.annexes, annex));
    if live.apply(Edit::RemoveAnnex { id: annex }, false) {
        live.notice.set(Some(format!("Annex {letter} deleted. Undo with Ctrl+Z.")));
        match next {
            Some(next) => live.focus.set(Some(Field::Annex { annex: next, field: AnnexField::Title })),
            None => focus_later(ADD_ID.to_string()),
        }
    }
}

#[component]
fn AnnexBlock(annex: AnnexId) -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let letter = Memo::new(move |_| {
        live.shape.with(|s| s.annexes.iter().position(|x| *x == annex).map(annex_letter).unwrap_or_default())
    });
    let af = move |field| Field::Annex { annex, field };
    view! {
        <div class="annex" on:keydown=move |ev| if is_delete(&ev) { ev.prevent_default(); delete(live, annex, letter.get_untracked()); }>
            <h3>{move || format!("Annex {}", letter.get())}</h3>
            <FieldInput field=af(AnnexField::Title) label=Signal::derive(move || format!("Annex {} title", letter.get())) />
            <FieldInput field=af(AnnexField::Body) label=Signal::derive(move || format!("Annex {} text", letter.get()))
                kind=Kind::Lines placeholder="Paragraphs; start a line with - for a bullet" class="annex-body" />
            // Out of the Tab order, so that Tab then Enter never deletes the annex.
            <button type="button" class=classes::DANGER tabindex="-1" aria-keyshortcuts=DELETE_KEYS
                title=format!("{DELETE_KEYS} in the annex; undo with Ctrl+Z")
                on:click=move |_| delete(live, annex, letter.get_untracked())>
                {move || format!("Delete Annex {}", letter.get())}
            </button>
        </div>
    }
}

#[component]
pub fn Annexes() -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let annexes = move || live.shape.with(|s| s.annexes.clone());
    let add = move |_| {
        let (edit, id) = live.agenda.with_untracked(|a| {
            let id = a.next_annex_id();
            (
                Edit::InsertAnnex {
                    index: a.annexes.len(),
                    annex: Box::new(Annex { id, title: String::new(), body: String::new() }),
                },
                id,
            )
        });
        if live.apply(edit, false) {
            live.focus.set(Some(Field::Annex { annex: id, field: AnnexField::Title }));
        }
    };
    view! {
        <section aria-labelledby="annexes-h">
            <h2 id="annexes-h">"Other annexes"</h2>
            <For each=annexes key=|id| *id let:id>
                <AnnexBlock annex=id />
            </For>
            <button type="button" id=ADD_ID on:click=add>"Add annex"</button>
        </section>
    }
}
