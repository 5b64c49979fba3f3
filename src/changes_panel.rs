//! The Changes panel: what changed since the last published revision, matched by the stable ids
//! of what is in the agenda, each change a button to its field as the checks panel's findings
//! are; the words of a text field inserted (underlined) and deleted (struck through); and the
//! agenda printed with them marked, as HTML, or as Word with Word's own tracked changes (made in
//! the worker, with the rest of the Word code).

use agendum_core::changes::{changes, Change, Words};
use agendum_core::export::{self, html_marked, Marks};
use agendum_core::format;
use agendum_core::revisions::number_at;
use leptos::prelude::*;

use crate::files;
use crate::reactive_agenda::ReactiveAgenda;
use crate::second_zone::SecondZoneView;
use crate::word;

/// The changes listed until asked for all: they are compared and laid out at every keystroke
/// while the panel is open.
const LISTED: usize = 200;

fn words_view(words: Vec<Words>) -> impl IntoView {
    words
        .into_iter()
        .map(|w| match w {
            Words::Kept(s) => view! { <span>{s}</span> }.into_any(),
            Words::Inserted(s) => view! { <ins>{s}</ins> }.into_any(),
            Words::Deleted(s) => view! { <del>{s}</del> }.into_any(),
        })
        .collect_view()
}

#[component]
pub fn ChangesPanel() -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    // Which revision the changes are shown from: follows publications (which reshape the agenda).
    let since = Memo::new(move |_| {
        live.with_header(|a| {
            a.revisions.last().map(|r| (number_at(a, r.revision), format!("{}, {}", r.date.long(), r.time)))
        })
    });
    let open = RwSignal::new(false);
    let second = expect_context::<SecondZoneView>();
    // The printed agenda with the changes marked, as revised TDs are; Export HTML stays clean.
    let export_marked = move |_| {
        let made = live.agenda.with_untracked(|a| {
            let marks = Marks::since_last(a)?;
            let html = second.times.with_untracked(|z| html_marked(a, z.as_ref(), &marks));
            Some((export::file_name(a, "marked.html"), html))
        });
        if let Some((name, html)) = made {
            if let Err(e) = files::download(&name, "text/html", html.as_bytes()) {
                live.notice.set(Some(e));
            }
        }
    };
    // Word with the changes as tracked changes, which Accept All turns into the clean copy.
    let export_marked_word = move |_| {
        let (name, text) =
            live.agenda.with_untracked(|a| (export::file_name(a, "marked.docx"), format::save(a)));
        leptos::task::spawn_local(async move {
            let made = word::write_word_marked(text)
                .await
                .and_then(|bytes| files::download(&name, word::DOCX_TYPE, &bytes));
            if let Err(e) = made {
                live.notice.set(Some(e));
            }
        });
    };
    // Worked out only while the panel is open: comparing the agenda with its published copy
    // costs more than a keystroke should on a plenary's agenda.
    let listed = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        live.agenda.with(|a| a.revisions.last().map(|r| changes(&r.agenda, a)))
    });
    let body = move || {
        let found = listed.get()?;
        if found.is_empty() {
            return Some(
                view! { <p class="all-good">"Nothing has changed since it was published."</p> }.into_any(),
            );
        }
        let total = found.len();
        let items = found
            .into_iter()
            .take(LISTED)
            .map(|c| {
                let at = c.at();
                let text = match c {
                    Change::Changed { name, words, .. } => {
                        view! { <span class="where">{name}": "</span>{words_view(words)} }.into_any()
                    }
                    other => view! { <span>{other.line()}</span> }.into_any(),
                };
                let go = move |_| {
                    if let Some(f) = at {
                        live.focus.set(Some(f));
                    }
                };
                view! {
                    <li class="change">
                        <button type="button" class="goto" disabled=at.is_none() on:click=go
                            title="Go to the field">{text}</button>
                    </li>
                }
            })
            .collect_view();
        let more = (total > LISTED).then(|| view! { <p>{format!("and {} more", total - LISTED)}</p> });
        Some(
            view! {
                <p class="counts" role="status">{format!("{total} {}", if total == 1 { "change" } else { "changes" })}</p>
                <ul class="changes-list" aria-label="Changes">{items}</ul>
                {more}
            }
            .into_any(),
        )
    };
    view! {
        <section class="changes" aria-label="Changes">
            {move || match since.get() {
                None => view! {
                    <p class="muted">"Not published yet. Publish revision keeps the agenda as it goes out; what changes after that is listed here."</p>
                }.into_any(),
                Some((number, when)) => view! {
                    <button type="button" class="changes-toggle" aria-expanded=move || open.get().to_string()
                        on:click=move |_| open.update(|o| *o = !*o)>
                        {format!("Changes since {number} ({when})")}
                    </button>
                    {body}
                    <button type="button" class="export-marked" on:click=export_marked
                        title="The printable agenda with inserted text underlined and deleted text struck through">
                        "Export HTML with changes marked"</button>
                    <button type="button" class="export-marked" on:click=export_marked_word
                        title="The agenda as Word, its changes as tracked changes: Accept All gives the clean copy">
                        "Export Word with changes marked"</button>
                }.into_any(),
            }}
        </section>
    }
}
