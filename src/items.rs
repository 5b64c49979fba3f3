//! The items table, laid out like the printed agenda (Timing | # | Agenda item | Docs | Summary
//! and Proposal), one keyed row per item so rows stay put while numbers are derived live. Row
//! commands (add, sub-item, move, indent, outdent, delete, drag) are edits from
//! `agendum_core::edit::commands`, so undo covers them all; each row's command buttons are one
//! toolbar, one Tab stop. After a delete the focus goes to the row that takes the deleted one's
//! place, and after an add undone to the item it was added after.

use agendum_core::edit::{commands, Edit, Field, ItemField, SessionField, Value};
use agendum_core::import::table;
use agendum_core::model::{Agenda, ItemId, Row, SessionId};
use agendum_core::schedule::Slot;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::editor::{focus_later, neighbour};
use crate::fields::{dom_id, ActionsInput, DocsInput, FieldInput, Kind, TableHead};
use crate::lazy::LazyRows;
use crate::reactive_agenda::{Owner, ReactiveAgenda};
use crate::rows::RowData;
use crate::second_zone::SecondZoneView;
use crate::shortcuts::{is_delete, DELETE_KEYS};
use crate::{classes, paste, word};

/// The id of a session's "Add item" button, which takes the focus when the session has no items.
fn add_item_id(session: SessionId) -> String {
    format!("add-item-{}", session.0)
}

/// Moves the focus to the first session's items: its first item's title, or its "Add item"
/// button when it has none.
pub fn go_to_items(live: ReactiveAgenda) {
    let Some(session) = live.shape.with_untracked(|s| s.sessions.first().copied()) else { return };
    match live.rows.with_untracked(|rs| rs.iter().find(|r| r.session == session).map(|r| r.id)) {
        Some(first) => live.focus.set(Some(item_field(first, ItemField::Title))),
        None => focus_later(add_item_id(session)),
    }
}

/// The item whose row holds the focus, if one does.
pub fn focused_item() -> Option<ItemId> {
    let row = document().active_element()?.closest("tr[data-item]").ok()??;
    row.get_attribute("data-item")?.parse().ok().map(ItemId)
}

/// Moves the focus off an item's row that an undo or redo has just taken away (an add undone),
/// `rows` being the rows as they were. It goes to the item the gone one was added after (its
/// sibling above, else its parent), else to its session's "Add item" button. It moves at once,
/// while the row is still on the page: once the row is gone the focus would fall to the page's
/// body, and the next Tab would start again from the top.
pub fn focus_instead_of(live: ReactiveAgenda, rows: &[Row], gone: ItemId) {
    let Some(at) = rows.iter().position(|r| r.id == gone) else { return };
    let (depth, session) = (rows[at].depth, rows[at].session);
    let stays = |id: ItemId| live.rows.with_untracked(|rs| rs.iter().any(|r| r.id == id));
    let above = rows[..at]
        .iter()
        .rev()
        .take_while(|r| r.session == session)
        .find(|r| r.depth <= depth && stays(r.id));
    match above {
        Some(r) => focus_title_now(live, r.id),
        None => focus_add_item_now(session),
    }
}

/// Focuses an item's title at once, while the row the focus is leaving is still on the page;
/// a row far from the viewport, not built, is built first and focused after.
fn focus_title_now(live: ReactiveAgenda, id: ItemId) {
    let title = item_field(id, ItemField::Title);
    if !focus_now(&dom_id(title)) {
        live.focus.set(Some(title));
    }
}

/// Focuses a session's "Add item" button at once, or once it is on the page.
fn focus_add_item_now(session: SessionId) {
    if !focus_now(&add_item_id(session)) {
        focus_later(add_item_id(session));
    }
}

/// Focuses the element with this id if it is on the page.
fn focus_now(id: &str) -> bool {
    let el = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    el.is_some_and(|el| el.focus().is_ok())
}

fn item_field(item: ItemId, field: ItemField) -> Field {
    Field::Item { item, field }
}

/// Runs a row command and keeps focus on the moved item's title.
fn run(live: ReactiveAgenda, edit: Option<Edit>, focus: ItemId) {
    if let Some(e) = edit {
        if live.apply(e, false) {
            live.focus.set(Some(item_field(focus, ItemField::Title)));
        }
    }
}

pub fn add_after(live: ReactiveAgenda, id: ItemId) {
    if let Some((e, new)) = live.agenda.with_untracked(|a| commands::add_after(a, id)) {
        run(live, Some(e), new);
    }
}

fn add_child(live: ReactiveAgenda, id: ItemId) {
    if let Some((e, new)) = live.agenda.with_untracked(|a| commands::add_child(a, id)) {
        run(live, Some(e), new);
    }
}

fn delete(live: ReactiveAgenda, id: ItemId) {
    let n = live.number(id);
    // The row after the item and its sub-items, else the row above, in its session.
    let (session, next) = live.rows.with_untracked(|rs| {
        let Some(at) = rs.iter().position(|r| r.id == id) else { return (None, None) };
        let (depth, session) = (rs[at].depth, rs[at].session);
        let after = rs[at + 1..].iter().find(|r| r.depth <= depth);
        let before = at.checked_sub(1).map(|b| &rs[b]);
        let next = after.filter(|r| r.session == session).or(before.filter(|r| r.session == session));
        (Some(session), next.map(|r| r.id))
    });
    if live.apply(Edit::RemoveItem { id }, false) {
        live.notice.set(Some(format!("Item {n} deleted. Undo with Ctrl+Z.")));
        // At once: once the deleted row leaves the page, the focus would fall to its body.
        match (next, session) {
            (Some(next), _) => focus_title_now(live, next),
            (None, Some(session)) => focus_add_item_now(session),
            (None, None) => {}
        }
    }
}

/// Alt+arrows on a row move, indent and outdent its item; the delete key deletes it.
fn row_keys(live: ReactiveAgenda, id: ItemId, ev: &ev::KeyboardEvent) {
    if is_delete(ev) {
        ev.prevent_default();
        delete(live, id);
        return;
    }
    if !ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
        return;
    }
    let edit = live.agenda.with_untracked(|a| match ev.key().as_str() {
        "ArrowUp" => Some(commands::move_up(a, id)),
        "ArrowDown" => Some(commands::move_down(a, id)),
        "ArrowRight" => Some(commands::indent(a, id)),
        "ArrowLeft" => Some(commands::outdent(a, id)),
        _ => None,
    });
    if let Some(edit) = edit {
        ev.prevent_default();
        match edit {
            Some(e) => run(live, Some(e), id),
            None => live.notice.set(Some("The item cannot go further that way.".into())),
        }
    }
}

/// A row command that has a button in the row's toolbar, in the toolbar's order.
#[derive(Clone, Copy)]
enum Tool {
    AddAfter,
    AddChild,
    Up,
    Down,
    Indent,
    Outdent,
}

const TOOLS: [Tool; 6] = [Tool::AddAfter, Tool::AddChild, Tool::Up, Tool::Down, Tool::Indent, Tool::Outdent];

impl Tool {
    fn symbol(self) -> &'static str {
        match self {
            Tool::AddAfter => "+",
            Tool::AddChild => "↳",
            Tool::Up => "↑",
            Tool::Down => "↓",
            Tool::Indent => "→",
            Tool::Outdent => "←",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Tool::AddAfter => "Add an item after this one (Enter in the title)",
            Tool::AddChild => "Add a sub-item",
            Tool::Up => "Move up (Alt+↑)",
            Tool::Down => "Move down (Alt+↓)",
            Tool::Indent => "Indent: make it a sub-item of the item above (Alt+→)",
            Tool::Outdent => "Outdent (Alt+←)",
        }
    }

    fn label(self, number: &str) -> String {
        match self {
            Tool::AddAfter => format!("Add item after {number}"),
            Tool::AddChild => format!("Add sub-item to {number}"),
            Tool::Up => format!("Move item {number} up"),
            Tool::Down => format!("Move item {number} down"),
            Tool::Indent => format!("Indent item {number}"),
            Tool::Outdent => format!("Outdent item {number}"),
        }
    }

    fn run(self, live: ReactiveAgenda, id: ItemId) {
        let edit =
            |command: fn(&Agenda, ItemId) -> Option<Edit>| live.agenda.with_untracked(|a| command(a, id));
        match self {
            Tool::AddAfter => add_after(live, id),
            Tool::AddChild => add_child(live, id),
            Tool::Up => run(live, edit(commands::move_up), id),
            Tool::Down => run(live, edit(commands::move_down), id),
            Tool::Indent => run(live, edit(commands::indent), id),
            Tool::Outdent => run(live, edit(commands::outdent), id),
        }
    }
}

/// The row's command buttons as one toolbar: one Tab stop for the six of them (else crossing a
/// 20-item agenda by Tab takes 100 more presses), the arrows, Home and End moving between them. The stop is the button last focused (a roving tabindex), so Tab back into the row
/// returns to the command just used.
#[component]
fn RowTools(id: ItemId, number: Memo<String>) -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let current = RwSignal::new(0usize);
    let bar = NodeRef::<leptos::html::Div>::new();
    let on_keydown = move |ev: ev::KeyboardEvent| {
        // With Alt, the arrows belong to the row: they move, indent and outdent the item.
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
            return;
        }
        let (at, last) = (current.get_untracked(), TOOLS.len() - 1);
        let to = match ev.key().as_str() {
            "ArrowRight" => {
                if at >= last {
                    0
                } else {
                    at + 1
                }
            }
            "ArrowLeft" => {
                if at == 0 {
                    last
                } else {
                    at - 1
                }
            }
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        ev.prevent_default();
        let button = bar.get_untracked().and_then(|b| b.children().item(to as u32));
        if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = button.focus();
        }
    };
    view! {
        <div role="toolbar" aria-label=move || format!("Item {} tools", number.get())
            node_ref=bar on:keydown=on_keydown>
            {TOOLS.iter().enumerate().map(|(k, &tool)| view! {
                <button type="button" title=tool.title() aria-label=move || tool.label(&number.get())
                    tabindex=move || if current.get() == k { "0" } else { "-1" }
                    on:focus=move |_| current.set(k) on:click=move |_| tool.run(live, id)>{tool.symbol()}</button>
            }).collect_view()}
        </div>
    }
}

/// The item being dragged by its handle, and the row it would be dropped before.
#[derive(Clone, Copy)]
struct Dragging {
    dragging: RwSignal<Option<ItemId>>,
    drop_target: RwSignal<Option<ItemId>>,
}

#[component]
fn ItemRow(id: ItemId) -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let second = expect_context::<SecondZoneView>();
    let Dragging { dragging, drop_target } = expect_context::<Dragging>();
    let number = Memo::new(move |_| live.number(id));
    let depth = Memo::new(move |_| live.numbers.with(|n| n.get(&id).map_or(0, |(_, d)| *d)));
    let lazy = expect_context::<LazyRows>().row(Owner::Item(id));
    let l = move |what: &'static str| Signal::derive(move || format!("Item {} {what}", number.get()));
    // Dragging by the handle uses pointer events with pointer capture: it works for mouse, pen
    // and touch alike, and a drag never turns into a text selection across the fields.
    let drop_on = move |target: ItemId| {
        if target == id {
            return;
        }
        // Dropped on a row: the dragged item goes just before it, at its level.
        let edit = live.agenda.with_untracked(|a| commands::move_before(a, id, target));
        run(live, edit, id);
    };
    let row_under = |ev: &ev::PointerEvent| -> Option<ItemId> {
        let el = document().element_from_point(ev.client_x() as f32, ev.client_y() as f32)?;
        let row = el.closest("tr[data-item]").ok()??;
        row.get_attribute("data-item")?.parse().ok().map(ItemId)
    };
    let on_pointerdown = move |ev: ev::PointerEvent| {
        ev.prevent_default();
        if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = t.set_pointer_capture(ev.pointer_id());
        }
        dragging.set(Some(id));
    };
    let on_pointermove = move |ev: ev::PointerEvent| {
        if dragging.get_untracked() == Some(id) {
            drop_target.set(row_under(&ev));
        }
    };
    let on_pointerup = move |ev: ev::PointerEvent| {
        if dragging.get_untracked() == Some(id) {
            dragging.set(None);
            drop_target.set(None);
            if let Some(target) = row_under(&ev) {
                drop_on(target);
            }
        }
    };
    let on_pointercancel = move |_| {
        dragging.set(None);
        drop_target.set(None);
    };
    let row_class = move || {
        let target = if drop_target.get() == Some(id) && dragging.get().is_some_and(|d| d != id) {
            " drop-target"
        } else {
            ""
        };
        let mut class = format!("item depth-{}{target}", depth.get().min(3));
        if !lazy.built.get() {
            class.push(' ');
            class.push_str(classes::STAND_IN);
        }
        class
    };
    // The cells hold the row's reactive parts (its data, marks and schedule slot), so they exist
    // only while the row is built.
    let cells = move || {
        let row = RowData::new(live, Owner::Item(id));
        let timing_class = move || classes::timing(live.worst(Owner::Item(id)));
        view! {
            <td class=timing_class>
                <FieldInput field=item_field(id, ItemField::Start) row=row label=l("start time") hide_label=true
                    kind=Kind::Parsed placeholder="hh:mm" class="time" />
                <FieldInput field=item_field(id, ItemField::Duration) row=row label=l("planned minutes") hide_label=true
                    kind=Kind::Parsed placeholder="min" class="minutes" />
                <span class="slot">
                    {move || live.schedule.with(|s| s.slots.get(&id).map(Slot::label)).unwrap_or_default()}
                </span>
                {move || second.times.with(|z| z.as_ref().and_then(|z| z.start_label(id)))
                    .map(|t| view! { <span class="second-zone">{t}</span> })}
            </td>
            <td class="num">
                // Hidden from assistive technology: the move buttons and Alt+arrows do the same.
                <span class="drag" aria-hidden="true"
                    title="Drag to move this item before another (or use Alt+↑/↓)"
                    on:pointerdown=on_pointerdown on:pointermove=on_pointermove on:pointerup=on_pointerup
                    on:pointercancel=on_pointercancel>"⠿"</span>
                <span class="number">{move || number.get()}</span>
            </td>
            <td class="title">
                <FieldInput field=item_field(id, ItemField::Source) row=row label=l("source") hide_label=true
                    placeholder="Source, e.g. Rapporteur" class=optional("source") />
                <FieldInput field=item_field(id, ItemField::Title) row=row label=l("title") hide_label=true
                    kind=Kind::Lines placeholder="Title" class="item-title" title="Enter adds the next item; Shift+Enter starts a new line"
                    on_enter=Callback::new(move |()| add_after(live, id)) />
            </td>
            <td class="docs">
                <DocsInput field=item_field(id, ItemField::Docs) row=row label=l("documents") />
            </td>
            <td class="proposal">
                <FieldInput field=item_field(id, ItemField::Summary) row=row label=l("summary") hide_label=true
                    kind=Kind::Lines placeholder="Summary" class=optional("summary") />
                <ActionsInput field=item_field(id, ItemField::Actions) row=row label=l("actions") />
                <FieldInput field=item_field(id, ItemField::Notes) row=row label=l("notes") hide_label=true
                    kind=Kind::Lines placeholder="Notes (Presented at …, Reference: …)" class=optional("notes") />
                // The meeting's decision, typed live by the chair: one of the outcome words (the
                // list offers them as the first letters are typed), then a note if it needs one.
                <FieldInput field=item_field(id, ItemField::Outcome) row=row label=l("outcome") hide_label=true
                    placeholder="Outcome (Agreed, Noted …)" list="outcome-vocabulary" class=optional("outcome") />
                <FieldInput field=item_field(id, ItemField::OutcomeNote) row=row label=l("outcome note") hide_label=true
                    kind=Kind::Lines placeholder="Outcome note" class=optional("outcome-note") />
            </td>
            <td class=classes::TOOLS>
                <RowTools id=id number=number />
                // Out of the toolbar and of the Tab order, so that neither Tab nor the arrows then
                // Enter from the row ever delete it.
                <button type="button" class=classes::DANGER tabindex="-1" aria-keyshortcuts=DELETE_KEYS
                    title=format!("Delete ({DELETE_KEYS} in the row; undo with Ctrl+Z)")
                    aria-label=move || format!("Delete item {}", number.get())
                    on:click=move |_| delete(live, id)>"✕"</button>
            </td>
        }
        .into_any()
    };
    view! {
        <tr class=row_class data-item=id.0.to_string() data-row=lazy.attribute() node_ref=lazy.node
            on:keydown=move |ev| row_keys(live, id, &ev)>
            // A stand-in is an empty box: with content (even just its number), the 1,500 of a
            // 500-item agenda double the browser's paint bookkeeping on every keystroke.
            {move || lazy.built.get().then(cells)}
        </tr>
    }
}

/// The class of a field an item row shows only while it has text or the row is worked on.
fn optional(name: &str) -> String {
    format!("{name} {}", classes::OPTIONAL)
}

#[component]
fn SessionRows(session: SessionId) -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let second = expect_context::<SecondZoneView>();
    let position = Memo::new(move |_| {
        live.shape.with(|s| s.sessions.iter().position(|s| *s == session).map_or(0, |i| i + 1))
    });
    let plan = Memo::new(move |_| live.schedule.with(|s| s.sessions.get(&session).copied()));
    let sf = move |field| Field::Session { session, field };
    let l = move |what: &'static str| Signal::derive(move || format!("Session {} {what}", position.get()));
    let count = Memo::new(move |_| live.shape.with(|s| s.sessions.len()));
    // What an empty "day as printed" prints: the date's own label, shown greyed in the box.
    let printed_day = Signal::derive(move || {
        let date = live.field(sf(SessionField::Date));
        match date {
            Some(Value::Date(Some(d))) => d.day_label(),
            _ => "Printed from the date".to_string(),
        }
    });
    let delete = move || {
        if count.get_untracked() < 2 {
            return;
        }
        let next = live.shape.with_untracked(|s| neighbour(&s.sessions, session));
        let n = position.get_untracked();
        if live.apply(Edit::RemoveSession { id: session }, false) {
            live.notice.set(Some(format!("Session {n} and its items deleted. Undo with Ctrl+Z.")));
            if let Some(next) = next {
                live.focus.set(Some(Field::Session { session: next, field: SessionField::Date }));
            }
        }
    };
    let items = move || {
        live.rows.with(|rs| rs.iter().filter(|r| r.session == session).map(|r| r.id).collect::<Vec<_>>())
    };
    // Agenda rows pasted into a session (from Word, Excel or another agenda) become its items,
    // read as a Word file's agenda table is, in one undoable step.
    let paste = move |e: leptos::ev::ClipboardEvent| {
        let Some(rows) = paste::pasted_rows(&e) else { return };
        leptos::task::spawn_local(async move {
            let (items, not_understood) = match word::pasted_items(&rows).await {
                Ok(read) => read,
                Err(e) => {
                    live.notice.set(Some(e));
                    return;
                }
            };
            let pasted =
                live.agenda.with_untracked(|a| table::insert_items(a, session, items, not_understood));
            let applied = pasted.edit.is_some_and(|edit| live.apply(edit, false));
            let mut said = if applied {
                format!(
                    "Session {}: {} added from the pasted rows",
                    position.get_untracked(),
                    paste::counted(pasted.added, "item", "items")
                )
            } else {
                "The pasted rows hold no agenda items.".to_string()
            };
            if applied && pasted.not_understood > 0 {
                said.push_str(&format!(
                    "; {} not understood, kept in the notes",
                    paste::counted(pasted.not_understood, "row", "rows")
                ));
            }
            if applied {
                said.push('.');
            }
            live.notice.set(Some(said));
        });
    };
    view! {
        <tbody class="session" on:paste=paste>
            <tr class="session-row" on:keydown=move |ev| if is_delete(&ev) { ev.prevent_default(); delete(); }>
                <td colspan="3" class="when">
                    <FieldInput field=sf(SessionField::Date) label=l("date") kind=Kind::Date placeholder="day month year" />
                    <FieldInput field=sf(SessionField::DayLabel) label=l("day as printed") hint=printed_day
                        title="Left empty, the day is printed from the date; type here to print something else" class="day-label" />
                    <div class="window">
                        <FieldInput field=sf(SessionField::Start) label=l("start") kind=Kind::Parsed placeholder="hh:mm" class="time" />
                        <FieldInput field=sf(SessionField::End) label=l("end") kind=Kind::Parsed placeholder="hh:mm" class="time" />
                    </div>
                    {move || second.session_label(session).map(|t| view! { <p class="second-zone">{t}</p> })}
                </td>
                <td colspan="2" class="heading">
                    <FieldInput field=sf(SessionField::Title) label=l("title") placeholder="Session title, e.g. Opening plenary" />
                    <p class="plan">
                        {move || plan.get().map(|p| match p.window {
                            Some(w) => format!("Planned {} of {} min", p.planned, w),
                            None => format!("Planned {} min; set the start and end to see the window", p.planned),
                        })}
                    </p>
                </td>
                <td class=classes::TOOLS>
                    <button type="button" class=classes::DANGER tabindex="-1" aria-keyshortcuts=DELETE_KEYS
                        aria-label=move || format!("Delete session {}", position.get())
                        title=format!("Delete this session and its items ({DELETE_KEYS} in the session row; undo with Ctrl+Z)")
                        disabled=move || count.get() < 2 on:click=move |_| delete()>"✕"</button>
                </td>
            </tr>
            <For each=items key=|id| *id let:id>
                <ItemRow id=id />
            </For>
            <tr class="add-row">
                <td colspan="6">
                    <button type="button" id=add_item_id(session) on:click=move |_| {
                        if let Some((e, new)) = live.agenda.with_untracked(|a| commands::add_to_session(a, session)) {
                            run(live, Some(e), new);
                        }
                    }>{move || format!("Add item to session {}", position.get())}</button>
                </td>
            </tr>
        </tbody>
    }
}

#[component]
pub fn ItemsTable() -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    provide_context(Dragging { dragging: RwSignal::new(None), drop_target: RwSignal::new(None) });
    let sessions = Memo::new(move |_| live.shape.with(|s| s.sessions.clone()));
    let long = expect_context::<LazyRows>().long_items;
    let add_session = move |_| {
        let (edit, new) = live.agenda.with_untracked(commands::add_session);
        if live.apply(edit, false) {
            live.focus.set(Some(Field::Session { session: new, field: SessionField::Date }));
        }
    };
    view! {
        <section aria-labelledby="items-h" class="items-section">
            <h2 id="items-h">"Agenda"</h2>
            <table class="items" class:long=long>
                <TableHead columns=vec!["Timing", "#", "Agenda item", "Docs", "Summary and Proposal"] />
                <For each=move || sessions.get() key=|id| *id let:session>
                    <SessionRows session=session />
                </For>
            </table>
            <button type="button" on:click=add_session>"Add session"</button>
        </section>
    }
}
