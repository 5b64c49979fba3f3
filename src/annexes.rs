//! The free-text annexes after Annex A (B, C …): their titles and texts, adding and deleting.

use agendum_core::edit::{AnnexField, Edit, Field};
use agendum_core::model::{annex_letter, Annex, AnnexId};
use leptos::prelude::*;

use crate::classes;
use crate::fields::{FieldInput, Kind};
use crate::reactive_agenda::ReactiveAgenda;

#[component]
fn AnnexBlock(annex: AnnexId) -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let letter = Memo::new(move |_| {
        live.shape.with(|s| s.annexes.iter().position(|x| *x == annex).map(annex_letter).unwrap_or_default())
    });
    let af = move |field| Field::Annex { annex, field };
    view! {
        <div class="annex">
            <h3>{move || format!("Annex {}", letter.get())}</h3>
            <FieldInput field=af(AnnexField::Title) label=Signal::derive(move || format!("Annex {} title", letter.get())) />
            <FieldInput field=af(AnnexField::Body) label=Signal::derive(move || format!("Annex {} text", letter.get()))
                kind=Kind::Lines placeholder="Paragraphs; start a line with - for a bullet" class="annex-body" />
            <button type="button" class=classes::DANGER on:click=move |_| { live.apply(Edit::RemoveAnnex { id: annex }, false); }>
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
                    annex: Annex { id, title: String::new(), body: String::new() },
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
            <button type="button" on:click=add>"Add annex"</button>
        </section>
    }
}
