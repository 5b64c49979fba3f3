//! The editor's form controls. Each edits one field of the agenda through an edit, shows a
//! plain message beside itself when what was typed cannot be read (keeping the text, never
//! the model, out of step), and is marked when a check finding points at it.

use agendum_core::checks::Severity;
use agendum_core::docref::{DocNumber, DocRef, DocStatus};
use agendum_core::edit::{commands, get, Edit, Field, Value};
use leptos::ev;
use leptos::prelude::*;

use crate::classes;
use crate::reactive_agenda::ReactiveAgenda;
use crate::rows::RowData;

/// How a field is typed into.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    /// One line of text, applied as it is typed.
    #[default]
    Line,
    /// Several lines of text, applied as they are typed.
    Lines,
    /// A date, typed ("1 August 2024", "2024-08-01"): one stop for Tab, where a date picker
    /// takes one per part of the date, and read as the box shows it, not as the browser's
    /// locale orders the parts.
    Date,
    /// A value read when the field is left (time, minutes, document number …).
    Parsed,
}

/// The DOM id of the control editing a field, so a finding can move focus to it.
pub fn dom_id(field: Field) -> String {
    use agendum_core::edit::Field as F;
    match field {
        F::Agenda { field } => format!("f-agenda-{field:?}"),
        F::Session { session, field } => format!("f-session-{}-{field:?}", session.0),
        F::Item { item, field } => format!("f-item-{}-{field:?}", item.0),
        F::Entry { entry, field } => format!("f-entry-{}-{field:?}", entry.0),
        F::Annex { annex, field } => format!("f-annex-{}-{field:?}", annex.0),
        F::FutureMeeting { meeting, field } => format!("f-future-{}-{field:?}", meeting.0),
    }
    .to_lowercase()
}

/// A field's value: from its row when it has one, else from the agenda.
fn read(live: ReactiveAgenda, row: Option<RowData>, field: Field) -> Option<Value> {
    match row {
        Some(r) => r.value(field),
        None => live.field(field),
    }
}

/// One field with its label. `label` is the accessible name; `hide_label` keeps it for screen
/// readers only (in table cells whose column header already says it).
#[component]
pub fn FieldInput(
    field: Field,
    #[prop(into)] label: Signal<String>,
    #[prop(optional)] kind: Kind,
    #[prop(optional)] hide_label: bool,
    #[prop(optional, into)] placeholder: String,
    /// A placeholder that follows the agenda, used instead of `placeholder`.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    #[prop(optional, into)] class: String,
    #[prop(optional, into)] list: Option<String>,
    #[prop(optional, into)] title: Option<String>,
    /// Called on Enter (single-line fields), e.g. to add the next item.
    #[prop(optional, into)]
    on_enter: Option<Callback<()>>,
    /// For a table row's field: the row's data, read instead of the whole agenda.
    #[prop(optional)]
    row: Option<RowData>,
) -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let value = Memo::new(move |_| read(live, row, field).map(|v| v.display()).unwrap_or_default());
    // Kept by the agenda, not here, so that the checks panel counts it with the other errors.
    let problem = Memo::new(move |_| live.unreadable(field));
    on_cleanup(move || live.set_unreadable(field, None));
    let id = dom_id(field);
    let msg_id = format!("{id}-msg");
    let mark = move || live.mark(field);
    // `typing`: the text is still being typed. It is checked at once, and applied only when
    // it is already as the box would show it ("14:30", not "1430"): applying "1430" would put
    // "14:30" in the box under the cursor. The rest is applied when the box is left.
    let commit = move |typed: String, typing: bool| {
        let Some(current) = live.agenda.with_untracked(|a| get(a, field)) else { return };
        match current.parse_as(&typed) {
            Ok(v) => {
                live.set_unreadable(field, None);
                let shown_as_typed = v.display() == typed.trim();
                if v != current && (!typing || shown_as_typed || matches!(kind, Kind::Line | Kind::Lines)) {
                    let edit = live.agenda.with_untracked(|a| commands::set(a, field, v));
                    live.apply(edit, typing);
                }
            }
            Err(m) => live.set_unreadable(field, Some(m)),
        }
    };
    let on_input = move |ev: ev::Event| commit(event_target_value(&ev), true);
    let on_change = move |ev: ev::Event| {
        if matches!(kind, Kind::Date | Kind::Parsed) {
            commit(event_target_value(&ev), false);
        }
    };
    let on_keydown = move |ev: ev::KeyboardEvent| {
        if ev.key() != "Enter" || ev.alt_key() || ev.ctrl_key() || ev.shift_key() {
            return;
        }
        if matches!(kind, Kind::Date | Kind::Parsed) {
            commit(event_target_value(&ev), false);
        }
        if let Some(cb) = on_enter {
            ev.prevent_default();
            live.seal();
            cb.run(());
        }
    };
    let described = {
        let msg_id = msg_id.clone();
        move || problem.with(|p| p.is_some()).then(|| msg_id.clone())
    };
    let invalid = move || {
        if problem.with(|p| p.is_some()) || mark() == Some(Severity::Error) {
            "true"
        } else {
            "false"
        }
    };
    let placeholder = move || hint.map_or_else(|| placeholder.clone(), |h| h.get());
    let cls = move || {
        let blank = if value.with(String::is_empty) { classes::BLANK } else { "" };
        format!("field {} {} {blank}", class, classes::mark(mark()))
    };
    let control = match kind {
        Kind::Lines => view! {
            <textarea id=id.clone() aria-label=move || label.get() aria-invalid=invalid aria-describedby=described
                placeholder=placeholder.clone() title=title.clone() prop:value=move || value.get()
                on:input=on_input on:keydown=on_keydown on:blur=move |_| live.seal() rows="1"></textarea>
        }
        .into_any(),
        _ => view! {
            <input id=id.clone() type="text" aria-label=move || label.get()
                aria-invalid=invalid aria-describedby=described placeholder=placeholder.clone() list=list.clone()
                title=title.clone() prop:value=move || value.get() on:input=on_input on:change=on_change
                on:keydown=on_keydown on:blur=move |_| live.seal() autocomplete="off" />
        }
        .into_any(),
    };
    view! {
        <label class=cls>
            <span class="field-label" class:visually-hidden=hide_label>{move || label.get()}</span>
            {control}
            {move || problem.get().map(|m| view! { <span class=classes::FIELD_PROBLEM id=msg_id.clone() role="alert">{m}</span> })}
        </label>
    }
}

/// A list of short values shown as chips with an input to add more: the Docs column (each
/// number can be toggled "not expected to be introduced") and the proposal's actions.
#[component]
pub fn DocsInput(
    field: Field,
    #[prop(into)] label: Signal<String>,
    #[prop(optional)] row: Option<RowData>,
) -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let docs = Memo::new(move |_| match read(live, row, field) {
        Some(Value::Docs(d)) => d,
        _ => Vec::new(),
    });
    let id = dom_id(field);
    let mark = move || live.mark(field);
    let set = move |d: Vec<DocRef>| {
        live.apply(Edit::Set { field, value: Value::Docs(d) }, false);
    };
    let add = move |text: String| {
        let new = agendum_core::docref::parse_docs_cell(&text);
        if new.is_empty() {
            return;
        }
        let mut d = docs.get_untracked();
        d.extend(new);
        set(d);
    };
    let on_keydown = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Enter" || ev.key() == "," {
            ev.prevent_default();
            let input: web_sys::HtmlInputElement = event_target(&ev);
            add(input.value());
            input.set_value("");
        } else if ev.key() == "Backspace" {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            if input.value().is_empty() {
                let mut d = docs.get_untracked();
                if d.pop().is_some() {
                    set(d);
                }
            }
        }
    };
    let on_change = move |ev: ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        add(input.value());
        input.set_value("");
    };
    // Every document chip offers its status once the meeting's decisions are being recorded;
    // before the meeting they would be Tab stops for nothing.
    let recording = live.recording;
    let set_status = move |i: usize, status: Option<DocStatus>| {
        let mut all = docs.get_untracked();
        match all.get_mut(i) {
            Some(x) if x.status != status => x.status = status,
            _ => return,
        }
        set(all);
    };
    view! {
        <div class=move || format!("chips {}", classes::mark(mark()))>
            <For each=move || docs.get().into_iter().enumerate() key=|(i, d)| (*i, d.printed(), d.note.clone()) let:((i, d))>
                {
                    let printed = d.printed();
                    let number = d.number.to_string();
                    let unread = matches!(d.number, DocNumber::Unparsed(_));
                    let toggle_label = if d.introduced {
                        format!("{number}: to be introduced (press to mark not expected to be introduced)")
                    } else {
                        format!("{number}: not expected to be introduced (press to mark to be introduced)")
                    };
                    view! {
                        <span class="chip" class:chip-unread=unread>
                            <button type="button" class="chip-main" aria-pressed=if d.introduced { "false" } else { "true" }
                                aria-label=toggle_label.clone() title="Parentheses: not expected to be introduced"
                                on:click=move |_| {
                                    let mut all = docs.get_untracked();
                                    if let Some(x) = all.get_mut(i) { x.introduced = !x.introduced; }
                                    set(all);
                                }>{printed}</button>
                            <button type="button" class="chip-x" aria-label=format!("Remove {number}")
                                on:click=move |_| {
                                    let mut all = docs.get_untracked();
                                    if i < all.len() { all.remove(i); }
                                    set(all);
                                }>"×"</button>
                            <DocStatusPicker number=number.clone() recording=recording
                                status=Signal::derive(move || docs.with(|d| d.get(i).and_then(|x| x.status.clone())))
                                on_set=Callback::new(move |s| set_status(i, s)) />
                            {(!d.note.is_empty()).then(|| view! { <span class="chip-note">{format!("({})", d.note)}</span> })}
                        </span>
                    }
                }
            </For>
            <input id=id type="text" class="chip-input" list="register-numbers" aria-label=move || label.get()
                placeholder="TD…, C…, Annex B" on:keydown=on_keydown on:change=on_change on:blur=move |_| live.seal()
                autocomplete="off" />
        </div>
    }
}

/// What became of one cited document, picked on its chip: a small select (letters and arrows
/// pick from the keyboard), and for "revised as" a box for the new number, read when Enter is
/// pressed or the box is left. A number that cannot be read is said beside the box, which keeps
/// the text; the status is unchanged until one can.
#[component]
fn DocStatusPicker(
    number: String,
    recording: Memo<bool>,
    #[prop(into)] status: Signal<Option<DocStatus>>,
    on_set: Callback<Option<DocStatus>>,
) -> impl IntoView {
    const NONE: &str = "";
    const REVISED: &str = "revised as";
    let revising = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let revised_ref = NodeRef::<leptos::html::Input>::new();
    let select_ref = NodeRef::<leptos::html::Select>::new();
    let shown = move || recording.get() || status.with(Option::is_some) || revising.get();
    // Re-read when the box closes, so that a "revised as" given up shows the status there was.
    let is = move |value: &str| {
        revising.track();
        status.with(|s| match s {
            None => value == NONE,
            Some(DocStatus::RevisedAs(_)) => value == REVISED,
            Some(s) => s.words() == value,
        }) || (value == REVISED && revising.get())
    };
    let on_change = move |ev: ev::Event| {
        let value = event_target_value(&ev);
        if value == REVISED {
            problem.set(None);
            revising.set(true);
            request_animation_frame(move || {
                if let Some(i) = revised_ref.get_untracked() {
                    let _ = i.focus();
                }
            });
        } else {
            revising.set(false);
            on_set.run(DocStatus::read(&value));
        }
    };
    let close = move || {
        revising.set(false);
        problem.set(None);
        if let Some(s) = select_ref.get_untracked() {
            let _ = s.focus();
        }
    };
    let commit = move |typed: String| {
        if typed.trim().is_empty() {
            return close();
        }
        match DocStatus::read(&format!("{REVISED} {typed}")) {
            Some(s) => {
                on_set.run(Some(s));
                close();
            }
            None => problem.set(Some(format!(
                "\"{}\" is not a document number: type the revision's, such as TD667R2.",
                typed.trim()
            ))),
        }
    };
    let status_label = format!("Status of {number}");
    let revised_label = format!("{number} revised as (document number)");
    // One number may be cited by many items: the message's id is the picker's own.
    static PICKERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let msg_id = format!("doc-status-{}-msg", PICKERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
    let described = {
        let msg_id = msg_id.clone();
        move || problem.with(Option::is_some).then(|| msg_id.clone())
    };
    view! {
        <Show when=shown>
            <select class="chip-status" node_ref=select_ref aria-label=status_label.clone()
                class:chip-status-none=move || status.with(Option::is_none) on:change=on_change>
                <option value=NONE prop:selected=move || is(NONE)>"status…"</option>
                {DocStatus::PLAIN.iter().map(|p| {
                    let words = p.words();
                    let (value, selected) = (words.clone(), words.clone());
                    view! { <option value=value prop:selected=move || is(&selected)>{words}</option> }
                }).collect_view()}
                <option value=REVISED prop:selected=move || is(REVISED)>
                    {move || match status.get() {
                        Some(s @ DocStatus::RevisedAs(_)) => s.words(),
                        _ => "revised as…".to_string(),
                    }}
                </option>
            </select>
        </Show>
        <Show when=move || revising.get()>
            <input type="text" class="chip-revised" node_ref=revised_ref aria-label=revised_label.clone()
                placeholder="TD…" autocomplete="off" aria-invalid=move || problem.with(Option::is_some).to_string()
                aria-describedby=described.clone()
                on:keydown=move |ev: ev::KeyboardEvent| {
                    if ev.key() == "Enter" { ev.prevent_default(); commit(event_target_value(&ev)); }
                    if ev.key() == "Escape" { ev.prevent_default(); ev.stop_propagation(); close(); }
                }
                on:change=move |ev| commit(event_target_value(&ev))
                on:blur=move |ev| if event_target_value(&ev).trim().is_empty() { revising.set(false); problem.set(None); } />
        </Show>
        {
            let msg_id = msg_id.clone();
            move || problem.get().map(|m| view! { <span class=classes::FIELD_PROBLEM id=msg_id.clone() role="alert">{m}</span> })
        }
    }
}

/// The proposal's actions as chips, with suggestions from the agenda's vocabulary.
#[component]
pub fn ActionsInput(
    field: Field,
    #[prop(into)] label: Signal<String>,
    #[prop(optional)] row: Option<RowData>,
) -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let actions = Memo::new(move |_| match read(live, row, field) {
        Some(Value::List(l)) => l,
        _ => Vec::new(),
    });
    let id = dom_id(field);
    let mark = move || live.mark(field);
    let set = move |l: Vec<String>| {
        live.apply(Edit::Set { field, value: Value::List(l) }, false);
    };
    let add = move |input: web_sys::HtmlInputElement| {
        let t = input.value().trim().trim_end_matches('.').to_string();
        input.set_value("");
        if !t.is_empty() {
            let mut l = actions.get_untracked();
            l.push(t);
            set(l);
        }
    };
    view! {
        <div class=move || format!("chips actions {}", classes::mark(mark()))>
            <For each=move || actions.get().into_iter().enumerate() key=|(i, a)| (*i, a.clone()) let:((i, a))>
                <span class="chip">
                    <span class="chip-main">{format!("{a}.")}</span>
                    <button type="button" class="chip-x" aria-label=format!("Remove action {a}")
                        on:click=move |_| {
                            let mut l = actions.get_untracked();
                            if i < l.len() { l.remove(i); }
                            set(l);
                        }>"×"</button>
                </span>
            </For>
            <input id=id type="text" class="chip-input" list="action-vocabulary" aria-label=move || label.get()
                placeholder="To note, To adopt …" autocomplete="off"
                on:keydown=move |ev: ev::KeyboardEvent| {
                    if ev.key() == "Enter" { ev.prevent_default(); add(event_target(&ev)); }
                }
                on:change=move |ev: ev::Event| add(event_target(&ev)) on:blur=move |_| live.seal() />
        </div>
    }
}

/// The header row of an editing table: its columns, then the row commands' column, named for
/// screen readers only.
#[component]
pub fn TableHead(columns: Vec<&'static str>) -> impl IntoView {
    view! {
        <thead>
            <tr>
                {columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}
                <th scope="col"><span class="visually-hidden">"Commands"</span></th>
            </tr>
        </thead>
    }
}
