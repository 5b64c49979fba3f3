//! What an import would change: the changes from the agenda kept here to the one a file holds,
//! listed before the user decides to replace it. Each change is one line; in a changed field the
//! words inserted are underlined and those deleted struck through, as revised TDs mark them.
//! The text of the agendas is only ever put into text nodes, never read as HTML.

use agendum_core::changes::{changes, Change, Words};
use agendum_core::Agenda;
use leptos::prelude::*;

/// The changes from `old` (the one here) to `new` (the one arriving), or a line saying the two
/// do not differ.
#[component]
pub fn Comparison(old: Agenda, new: Agenda) -> impl IntoView {
    let found = changes(&old, &new);
    if found.is_empty() {
        return view! {
            <p class="compare-same">"The file's agenda and the one here do not differ: replacing changes nothing."</p>
        }
        .into_any();
    }
    let count = match found.len() {
        1 => "1 change".to_string(),
        n => format!("{n} changes"),
    };
    view! {
        <div class="compare">
            <p>{format!("{count} from the one here to the file's:")}</p>
            <ul class="compare-changes" aria-label="Changes from the agenda here to the file's">
                {found.iter().map(|c| view! { <li>{line(c)}</li> }).collect_view()}
            </ul>
        </div>
    }
    .into_any()
}

/// One change as a line: a changed field with its words marked, anything else as its text.
fn line(change: &Change) -> AnyView {
    match change {
        Change::Changed { name, words, .. } => {
            let runs = words
                .iter()
                .map(|w| match w {
                    Words::Kept(s) => s.clone().into_any(),
                    Words::Inserted(s) => view! { <ins>{s.clone()}</ins> }.into_any(),
                    Words::Deleted(s) => view! { <del>{s.clone()}</del> }.into_any(),
                })
                .collect_view();
            view! { <span class="compare-name">{format!("{name}: ")}</span>{runs} }.into_any()
        }
        other => other.line().into_any(),
    }
}
