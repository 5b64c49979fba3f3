//! The editor screen, composed: the top bar (back, the agenda's name, the saved state, undo,
//! redo, export and print), the banners, the vocabularies the fields suggest from, and the
//! agenda's parts beside the checks panel, and the shortcut sheet. Each part is a module of its
//! own; this one only puts them together and serves focus requests.

use agendum_core::edit::{AgendaField, Field};
use agendum_core::{export, format, Agenda};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::annexes::Annexes;
use crate::autosave::{autosave, SaveState};
use crate::checks_panel::ChecksPanel;
use crate::fields::dom_id;
use crate::first_paint::{after_paint, FirstPaint};
use crate::future_meetings::FutureMeetings;
use crate::header::Header;
use crate::items::ItemsTable;
use crate::lazy::LazyRows;
use crate::reactive_agenda::{owner, ReactiveAgenda};
use crate::register::Register;
use crate::second_zone::SecondZoneView;
use crate::shortcut_sheet::ShortcutSheet;
use crate::shortcuts::Commands;
use crate::{calendar, files, items, publish, report, share, shortcut_sheet, shortcuts, word};

fn focus_element(id: &str) {
    let Some(el) = document().get_element_by_id(id) else { return };
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
        el.scroll_into_view_with_bool(false);
    }
}

/// Moves the focus to the element with this id (a button, not a field: fields go through
/// `ReactiveAgenda::focus`) once the page has caught up with the last edit.
pub fn focus_later(id: String) {
    request_animation_frame(move || focus_element(&id));
}

/// What takes the focus when `gone` is removed from `ids`: the one after it, else the one
/// before it.
pub fn neighbour<T: PartialEq + Copy>(ids: &[T], gone: T) -> Option<T> {
    let at = ids.iter().position(|x| *x == gone)?;
    ids.get(at + 1).or_else(|| at.checked_sub(1).and_then(|b| ids.get(b))).copied()
}

/// Puts text on the clipboard where the browser allows it. `navigator.clipboard` is missing
/// outside secure contexts and in some embedded views, so it is looked up, not assumed; the
/// write's refusal is not an error: the link stays on screen to copy by hand. Whether it was
/// copied.
async fn copy_to_clipboard(text: &str) -> bool {
    let navigator = window().navigator();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into()) else { return false };
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

#[component]
pub fn Editor(agenda: Agenda, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let first_paint = FirstPaint::new();
    provide_context(first_paint);
    let live = ReactiveAgenda::new(agenda, first_paint);
    provide_context(live);
    let state = RwSignal::new(SaveState::Saved);
    autosave(live, state);

    let lazy = LazyRows::new(live, first_paint);
    provide_context(lazy);
    let second = SecondZoneView::new(live, first_paint);
    provide_context(second);
    // The printed agenda gives the times in the zone the editor shows them in.
    let printed = move |a: &Agenda| second.times.with_untracked(|z| export::html_in(a, z.as_ref()));

    // A focus request is served once the DOM has the field: its row, if far down a long table,
    // is built first.
    Effect::new(move |_| {
        if let Some(f) = live.focus.get() {
            if let Some(of) = owner(&f) {
                lazy.reveal(of);
            }
            request_animation_frame(move || {
                focus_element(&dom_id(f));
                live.focus.set(None);
            });
        }
    });
    // An agenda just created or opened starts at its first field, not on the page's body
    // where the library's button was. Looked at and moved in one task: a focus request waits a
    // frame more, in which the user may have clicked into a field (WebKit showed it). Once the
    // first frame is painted: moving the focus lays the page out at once, which would hold that
    // frame back by tens of milliseconds.
    after_paint(move || {
        let idle = document().active_element().is_none_or(|e| document().body().is_some_and(|b| *b == e));
        if idle {
            focus_element(&dom_id(Field::Agenda { field: AgendaField::Document }));
        }
    });

    let export_json = move || {
        let (name, text) =
            live.agenda.with_untracked(|a| (export::file_name(a, "agenda.json"), format::save(a)));
        if let Err(e) = files::download(&name, "application/json", text.as_bytes()) {
            live.notice.set(Some(e));
        }
    };
    let export_html = move || {
        let (name, text) = live.agenda.with_untracked(|a| (export::file_name(a, "html"), printed(a)));
        if let Err(e) = files::download(&name, "text/html", text.as_bytes()) {
            live.notice.set(Some(e));
        }
    };
    let export_word = move || {
        let (name, text) = live.agenda.with_untracked(|a| (export::file_name(a, "docx"), format::save(a)));
        leptos::task::spawn_local(async move {
            let mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            let made = word::write_word(text).await.and_then(|bytes| files::download(&name, mime, &bytes));
            if let Err(e) = made {
                live.notice.set(Some(e));
            }
        });
    };
    // The share link made last, shown with its length so that it can be copied by hand where
    // the browser refuses the clipboard (a page opened from disk, a denied permission).
    let link = RwSignal::new(None::<Result<(String, bool), String>>);
    let calendar_open = RwSignal::new(false);
    let publish_open = RwSignal::new(false);
    let report_open = RwSignal::new(false);
    let share_link = move || {
        let text = live.agenda.with_untracked(format::save);
        leptos::task::spawn_local(async move {
            let made = match share::link(text).await {
                Ok(url) => {
                    let copied = copy_to_clipboard(&url).await;
                    Ok((url, copied))
                }
                Err(e) => Err(e),
            };
            link.set(Some(made));
        });
    };
    let select_all = |ev: leptos::ev::FocusEvent| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        input.select();
    };
    let print = move || {
        if let Err(e) = files::print_html(&live.agenda.with_untracked(printed)) {
            live.notice.set(Some(e));
        }
    };
    shortcuts::install(
        live,
        Commands { print: Callback::new(move |()| print()), export: Callback::new(move |()| export_json()) },
    );

    // These follow the header or the register alone, so typing in an item does not rebuild
    // them: the register's list of numbers would be 1,000 strings a keystroke at 1,000
    // documents.
    let name = Memo::new(move |_| live.with_header(Agenda::display_name));
    // What the fields suggest is seen only once a field is used, so it is built after the first
    // paint: every distinct piece of view the first frame builds is wasm the browser compiles
    // on the spot, on the way to the first paint.
    let suggested = move |vocabulary: fn(&Agenda) -> Vec<String>| {
        Memo::new(move |_| if first_paint.done() { live.with_header(vocabulary) } else { Vec::new() })
    };
    let actions = suggested(Agenda::action_vocabulary);
    let categories = suggested(Agenda::category_vocabulary);
    let outcomes = suggested(Agenda::outcome_vocabulary);
    let numbers = Memo::new(move |_| {
        if !first_paint.done() {
            return Vec::new();
        }
        live.with_register(|a| {
            a.register.iter().map(|e| (e.number.to_string(), e.title.clone())).collect::<Vec<_>>()
        })
    });
    let saved_text = move || match state.get() {
        SaveState::Saved => "Saved".to_string(),
        SaveState::Pending => "Saving…".to_string(),
        SaveState::Failed(_) => "Not saved".to_string(),
    };
    view! {
        <div class="editor">
            <header class="topbar">
                <button type="button" on:click=move |_| on_close.run(()) title="Back to all agendas">"← Agendas"</button>
                <h1 class="doc-name">{move || name.get()}</h1>
                <span class="save-state" role="status" aria-live="polite" class:failed=move || matches!(state.get(), SaveState::Failed(_))>
                    {saved_text}
                </span>
                <div class="actions">
                    <button type="button" on:click=move |_| live.undo() disabled=move || !live.can_undo.get()
                        title="Undo (Ctrl+Z)" aria-keyshortcuts="Control+Z">"Undo"</button>
                    <button type="button" on:click=move |_| live.redo() disabled=move || !live.can_redo.get()
                        title="Redo (Ctrl+Shift+Z)" aria-keyshortcuts="Control+Shift+Z">"Redo"</button>
                    <button type="button" on:click=move |_| publish_open.set(true) aria-expanded=move || publish_open.get().to_string()
                        title="Keep the agenda as it goes out now (the original, then R1, R2 …) and show what changes from it">"Publish revision"</button>
                    <button type="button" on:click=move |_| export_json() title="Download the agenda as a file to share or re-open (Ctrl+Shift+E)"
                        aria-keyshortcuts="Control+Shift+E">"Export JSON"</button>
                    <button type="button" on:click=move |_| export_html() title="Download the printable agenda">"Export HTML"</button>
                    <button type="button" on:click=move |_| export_word() title="Download the agenda as a Word TD (.docx)">"Export Word"</button>
                    <button type="button" on:click=move |_| calendar_open.set(true) aria-expanded=move || calendar_open.get().to_string()
                        title="Download the sessions as calendar events (.ics) for Outlook, Google Calendar or Apple Calendar">"Export calendar"</button>
                    <button type="button" on:click=move |_| report_open.update(|o| *o = !*o) aria-expanded=move || report_open.get().to_string()
                        title="Download the meeting report's skeleton, as HTML or Word: each item's documents, what became of them, and its outcome">"Export report"</button>
                    <button type="button" on:click=move |_| print() title="Print the agenda (Ctrl+P)" aria-keyshortcuts="Control+P">"Print"</button>
                    <button type="button" on:click=move |_| share_link()
                        title="Copy a link that holds the whole agenda; it is never sent to a server">"Copy share link"</button>
                    <button type="button" on:click=move |_| shortcut_sheet::show() title="Every keyboard shortcut (?)"
                        aria-keyshortcuts="?">"Shortcuts"</button>
                </div>
            </header>
            {move || match state.get() {
                SaveState::Failed(e) => Some(view! {
                    <div class="banner error" role="alert">
                        <p>{e}</p>
                        <button type="button" on:click=move |_| export_json()>"Export the agenda now"</button>
                    </div>
                }),
                _ => None,
            }}
            {move || link.get().map(|made| match made {
                // The whole link at once: a part of it is no link.
                Ok((url, copied)) => view! {
                    <div class="notice share-link" role="status">
                        <span>{format!(
                            "{} ({} characters). It holds the agenda as it is now; send it again after later edits.",
                            if copied { "Share link copied" } else { "Share link made: copy it from the box" },
                            share::group(url.len())
                        )}</span>
                        <input type="text" readonly=true value=url.clone() aria-label="Share link"
                            on:focus=select_all />
                        <button type="button" aria-label="Dismiss" on:click=move |_| link.set(None)>"×"</button>
                    </div>
                }
                .into_any(),
                Err(e) => view! {
                    <div class="banner error" role="alert">
                        <p>{e}</p>
                        <button type="button" on:click=move |_| link.set(None)>"Dismiss"</button>
                    </div>
                }
                .into_any(),
            })}
            {move || publish_open.get().then(|| view! { <publish::PublishOptions open=publish_open /> })}
            {move || calendar_open.get().then(|| view! { <calendar::CalendarOptions open=calendar_open /> })}
            {move || report_open.get().then(|| view! { <report::ReportOptions open=report_open /> })}
            {move || live.notice.get().map(|n| view! {
                <div class="notice" role="status">
                    <span>{n}</span>
                    <button type="button" aria-label="Dismiss" on:click=move |_| live.notice.set(None)>"×"</button>
                </div>
            })}
            <datalist id="action-vocabulary">
                {move || actions.get().into_iter().map(|v| view! { <option value=v></option> }).collect_view()}
            </datalist>
            <datalist id="category-vocabulary">
                {move || categories.get().into_iter().map(|v| view! { <option value=v></option> }).collect_view()}
            </datalist>
            <datalist id="outcome-vocabulary">
                {move || outcomes.get().into_iter().map(|v| view! { <option value=v></option> }).collect_view()}
            </datalist>
            <datalist id="register-numbers">
                {move || numbers.get().into_iter().map(|(n, t)| view! { <option value=n>{t}</option> }).collect_view()}
            </datalist>
            <div class="workspace">
                <main class="document">
                    // Past the header's many fields in one step; shown when it has the focus.
                    <button type="button" class="skip-link" on:click=move |_| items::go_to_items(live)
                        aria-keyshortcuts="Alt+Shift+I">"Skip to the agenda items (Alt+Shift+I)"</button>
                    <Header />
                    <ItemsTable />
                    <Register />
                    <Annexes />
                    <FutureMeetings />
                </main>
                <ChecksPanel />
            </div>
            <ShortcutSheet />
        </div>
    }
}
