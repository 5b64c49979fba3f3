//! The editor screen: the header form, the items table, Annex A, the other annexes, future
//! meetings, and the live checks panel beside them; the top bar with undo, redo, export and
//! print; the keyboard shortcuts; and autosave, debounced, with a visible saved state.

use std::collections::HashMap;
use std::time::Duration;

use agendum_core::checks::{Finding, Places, Severity};
use agendum_core::edit::{AgendaField, Field};
use agendum_core::{export, format, Agenda};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::doc::{dom_id, owner, Doc};
use crate::fields::{FieldInput, Kind};
use crate::items::ItemsTable;
use crate::lazy::LazyRows;
use crate::register::{Annexes, FutureMeetings, Register};
use crate::{files, storage};

#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved,
    Pending,
    Failed(String),
}

#[component]
fn Header() -> impl IntoView {
    let af = |field| Field::Agenda { field };
    let f = |field, label: &'static str| {
        view! { <FieldInput field=af(field) label=Signal::stored(label.to_string()) /> }
    };
    view! {
        <section aria-labelledby="header-h" class="header-form">
            <h2 id="header-h">"Header"</h2>
            <div class="grid">
                {f(AgendaField::Document, "Document number")}
                <FieldInput field=af(AgendaField::Revision) label=Signal::stored("Revision".to_string()) kind=Kind::Parsed placeholder="none" />
                {f(AgendaField::Status, "Status")}
                {f(AgendaField::Group, "Group")}
                {f(AgendaField::Meeting, "Meeting")}
                {f(AgendaField::Place, "Place")}
                <FieldInput field=af(AgendaField::StartDate) label=Signal::stored("First day".to_string()) kind=Kind::Date />
                <FieldInput field=af(AgendaField::EndDate) label=Signal::stored("Last day".to_string()) kind=Kind::Date />
                {f(AgendaField::TimeZone, "Time zone")}
                {f(AgendaField::TimeZoneLabel, "Time zone as printed")}
                {f(AgendaField::Source, "Source")}
                {f(AgendaField::Title, "Title")}
            </div>
            <FieldInput field=af(AgendaField::Abstract) label=Signal::stored("Abstract".to_string()) kind=Kind::Lines />
            <FieldInput field=af(AgendaField::ActionRequired) label=Signal::stored("Action required".to_string()) kind=Kind::Lines />
            <FieldInput field=af(AgendaField::Notes) label=Signal::stored("Note".to_string()) kind=Kind::Lines />
            <FieldInput field=af(AgendaField::LinkTemplate) label=Signal::stored("Document link template".to_string())
                placeholder="https://www.itu.int/md/T22-TSAG-{number}" />
        </section>
    }
}

/// A finding as the panel shows it. The list is keyed by what it shows, so a keystroke that
/// leaves a finding as it was leaves its entry in the page as it was; rebuilding the whole list
/// cost thousands of nodes a key on a big agenda.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Shown {
    severity: Severity,
    code: &'static str,
    place: Field,
    where_: String,
    message: String,
    fix: Option<String>,
    /// Which of several findings that read the same this is.
    nth: usize,
}

/// The findings as listed, their places named (only those listed: naming thousands would cost
/// more than the check pass that found them).
fn shown<'f>(findings: &'f [Finding], agenda: &Agenda) -> Vec<(Shown, &'f Finding)> {
    let places = Places::new(agenda);
    let mut seen: HashMap<Shown, usize> = HashMap::new();
    findings
        .iter()
        .map(|f| {
            let mut key = Shown {
                severity: f.severity,
                code: f.code,
                place: f.place,
                where_: places.name(f.place),
                message: f.message.clone(),
                fix: f.fix.as_ref().map(|x| x.label.to_string()),
                nth: 0,
            };
            let n = seen.entry(key.clone()).or_default();
            key.nth = *n;
            *n += 1;
            (key, f)
        })
        .collect()
}

#[component]
fn ChecksPanel() -> impl IntoView {
    let doc = expect_context::<Doc>();
    let count = move |s: Severity| doc.findings.with(|f| f.iter().filter(|x| x.severity == s).count());
    let all = RwSignal::new(false);
    let total = Memo::new(move |_| doc.findings.with(Vec::len));
    let list = Memo::new(move |_| {
        let listed = if all.get() { usize::MAX } else { LISTED };
        // The agenda is read for the names of places, which change with it ("Annex A, entry 5
        // (TD123)") even where the findings stay as they were.
        doc.agenda.with(|a| {
            doc.findings.with(|fs| {
                shown(&fs[..fs.len().min(listed)], a).into_iter().map(|(k, _)| k).collect::<Vec<_>>()
            })
        })
    });
    // The fix is looked up when clicked: an entry kept from an earlier keystroke would otherwise
    // apply the edit it was made with.
    let apply_fix = move |key: &Shown| {
        let fix = doc.agenda.with_untracked(|a| {
            doc.findings.with_untracked(|fs| {
                shown(fs, a).into_iter().find(|(k, _)| k == key).and_then(|(_, f)| f.fix.clone())
            })
        });
        if let Some(fx) = fix {
            if doc.apply(fx.edit, false) {
                doc.notice.set(Some(format!("Fixed: {}. Undo with Ctrl+Z.", fx.label)));
            }
        }
    };
    let entry = move |f: Shown| {
        let place = f.place;
        let sev = f.severity.name();
        let fix = f.fix.clone().map(|label| {
            let key = f.clone();
            view! {
                <button type="button" class="fix" on:click=move |_| apply_fix(&key)>{format!("Fix: {label}")}</button>
            }
        });
        view! {
            <li class=format!("finding sev-{sev}")>
                <button type="button" class="goto" on:click=move |_| doc.focus.set(Some(place)) title="Go to the field">
                    <span class="badge">{sev}</span>
                    <span class="where">{f.where_.clone()}</span>
                </button>
                <p class="message">{f.message.clone()}</p>
                <p class="code">{f.code}</p>
                {fix}
            </li>
        }
    };
    view! {
        <aside class="checks" aria-labelledby="checks-h">
            <h2 id="checks-h">"Checks"</h2>
            <p class="counts" role="status" aria-live="polite">
                <span class="sev-error">{move || format!("{} errors", count(Severity::Error))}</span>
                " · "
                <span class="sev-warning">{move || format!("{} warnings", count(Severity::Warning))}</span>
                " · "
                <span class="sev-note">{move || format!("{} notes", count(Severity::Note))}</span>
            </p>
            <Show when=move || doc.findings.with(|f| f.is_empty())>
                <p class="all-good">"No problems found."</p>
            </Show>
            <ul class="findings" class:long=move || list.with(|l| l.len() > LONG) aria-label="Findings">
                <For each=move || list.get() key=|k| k.clone() children=entry />
            </ul>
            <Show when=move || { total.get() > LISTED }>
                <button type="button" class="show-all" on:click=move |_| all.update(|a| *a = !*a)>
                    {move || if all.get() {
                        format!("List the first {LISTED} only")
                    } else {
                        format!("List all {} findings", total.get())
                    }}
                </button>
            </Show>
        </aside>
    }
}

/// How many findings the panel lists until asked for all. One fixes a long list from its top,
/// and every listed finding is compared with the new ones, and laid out, on each keystroke.
const LISTED: usize = 100;

/// Past this many rows, a list lets the browser skip laying out and painting the rows out of
/// view (`.long` in the style sheet): at 500 items that is most of the cost of a keystroke.
/// Shorter lists are cheap either way, and are laid out whole.
pub const LONG: usize = 100;

/// What autosave keeps between saves.
#[derive(Clone, Copy)]
struct Autosave {
    doc: Doc,
    state: RwSignal<SaveState>,
    pending: StoredValue<Option<TimeoutHandle>>,
    /// The stored revision this tab's agenda was loaded or last saved at.
    base: StoredValue<u64>,
    /// Set when the agenda changed because another tab saved it: that change is not saved back.
    from_elsewhere: StoredValue<bool>,
}

impl Autosave {
    fn save_now(self) {
        if let Some(h) = self.pending.get_value() {
            h.clear();
            self.pending.set_value(None);
        }
        let r = self.doc.agenda.with_untracked(|a| storage::save_over(a, self.base.get_value()));
        match r {
            Ok(rev) => {
                self.base.set_value(rev);
                self.state.set(SaveState::Saved);
            }
            Err(storage::SaveError::Refused(e)) => {
                self.state.set(SaveState::Failed(e));
                // Try again in a while: room may have been made (another agenda deleted).
                set_timeout(
                    move || {
                        if matches!(self.state.get_untracked(), SaveState::Failed(_)) {
                            self.save_now();
                        }
                    },
                    Duration::from_secs(3),
                );
            }
            Err(storage::SaveError::Conflict) => self.keep_both(),
        }
    }

    /// Another tab saved this agenda while this one had unsaved edits: this tab's version goes
    /// into the library as a copy, and this tab shows the other's.
    fn keep_both(self) {
        let mine = self.doc.agenda.get_untracked();
        let mut copy = mine.clone();
        copy.id = format!("{}-{}", mine.id, storage::now() as u64);
        copy.title = format!("{} (edited in another tab at the same time)", mine.title.trim());
        let kept = storage::save(&copy, None);
        match storage::load(&mine.id) {
            Ok(theirs) => {
                self.from_elsewhere.set_value(true);
                self.base.set_value(storage::revision(&mine.id));
                self.doc.replace(theirs);
                self.state.set(SaveState::Saved);
                self.doc.notice.set(Some(match kept {
                    Ok(_) => format!(
                        "Another tab saved this agenda while you were editing it here. Both versions are kept: this tab now shows the other tab's, and yours is in the library as \"{}\".",
                        copy.display_name()
                    ),
                    Err(e) => format!("Another tab saved this agenda while you were editing it here, and your version could not be kept as a copy: {e}"),
                }));
            }
            // The other tab deleted it: what is here is all there is, so save it back.
            Err(_) => {
                self.base.set_value(storage::revision(&mine.id));
                self.save_now();
            }
        }
    }

    /// Another tab saved an agenda; if it is this one and nothing here is waiting to be
    /// saved, show what it saved.
    fn saved_elsewhere(self, id: &str) {
        let here = self.doc.agenda.with_untracked(|a| a.id == id);
        if !here || storage::revision(id) == self.base.get_value() {
            return;
        }
        if self.state.get_untracked() == SaveState::Pending {
            return; // our save will find the conflict and keep both
        }
        if let Ok(theirs) = storage::load(id) {
            self.from_elsewhere.set_value(true);
            self.base.set_value(storage::revision(id));
            self.doc.replace(theirs);
        }
    }
}

/// Saves the agenda a moment after the last edit, and at once when the page is hidden; follows
/// saves of the same agenda made in other tabs.
fn autosave(doc: Doc, state: RwSignal<SaveState>) {
    let id = doc.agenda.with_untracked(|a| a.id.clone());
    let saver = Autosave {
        doc,
        state,
        pending: StoredValue::new(None),
        base: StoredValue::new(storage::revision(&id)),
        from_elsewhere: StoredValue::new(false),
    };
    Effect::new(move |first: Option<()>| {
        doc.agenda.track();
        if first.is_none() || saver.from_elsewhere.get_value() {
            saver.from_elsewhere.set_value(false);
            return;
        }
        state.set(SaveState::Pending);
        if let Some(h) = saver.pending.get_value() {
            h.clear();
        }
        let h = set_timeout_with_handle(move || saver.save_now(), Duration::from_millis(400)).ok();
        saver.pending.set_value(h);
    });
    let hide = window_event_listener(ev::pagehide, move |_| {
        if state.get_untracked() == SaveState::Pending {
            saver.save_now();
        }
    });
    let other_tab = window_event_listener(ev::storage, move |ev| {
        if let Some(id) = ev.key().as_deref().and_then(storage::saved_elsewhere) {
            saver.saved_elsewhere(id);
        }
    });
    on_cleanup(move || {
        hide.remove();
        other_tab.remove();
        if state.get_untracked() == SaveState::Pending {
            saver.save_now();
        }
    });
}

fn focus_field(field: Field) {
    let Some(el) = document().get_element_by_id(&dom_id(field)) else { return };
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
        el.scroll_into_view_with_bool(false);
    }
}

#[component]
pub fn Editor(agenda: Agenda, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let doc = Doc::new(agenda);
    provide_context(doc);
    let state = RwSignal::new(SaveState::Saved);
    autosave(doc, state);

    let lazy = LazyRows::new(doc);
    provide_context(lazy);

    // A focus request is served once the DOM has the field: its row, if far down a long table,
    // is built first.
    Effect::new(move |_| {
        if let Some(f) = doc.focus.get() {
            if let Some(of) = owner(&f) {
                lazy.reveal(of);
            }
            request_animation_frame(move || {
                focus_field(f);
                doc.focus.set(None);
            });
        }
    });

    let export_json = move || {
        let (name, text) =
            doc.agenda.with_untracked(|a| (export::file_name(a, "agenda.json"), format::save(a)));
        if let Err(e) = files::download(&name, "application/json", &text) {
            doc.notice.set(Some(e));
        }
    };
    let export_html = move || {
        let (name, text) = doc.agenda.with_untracked(|a| (export::file_name(a, "html"), export::html(a)));
        if let Err(e) = files::download(&name, "text/html", &text) {
            doc.notice.set(Some(e));
        }
    };
    let print = move || {
        if let Err(e) = files::print_html(&doc.agenda.with_untracked(export::html)) {
            doc.notice.set(Some(e));
        }
    };
    let keys = window_event_listener(ev::keydown, move |ev| {
        let ctrl = ev.ctrl_key() || ev.meta_key();
        if !ctrl || ev.alt_key() {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => {
                ev.prevent_default();
                doc.redo();
            }
            "z" => {
                ev.prevent_default();
                doc.undo();
            }
            "y" => {
                ev.prevent_default();
                doc.redo();
            }
            "p" => {
                ev.prevent_default();
                print();
            }
            "s" => {
                // Saving is automatic; say so instead of opening the browser's save dialog.
                ev.prevent_default();
                doc.notice
                    .set(Some("Agendum saves by itself as you type. Use Export to make a file.".into()));
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    // These follow the header or the register alone, so typing in an item does not rebuild
    // them: the register's list of numbers was 1,000 strings a keystroke at 1,000 documents.
    let name = Memo::new(move |_| doc.with_header(Agenda::display_name));
    let actions = Memo::new(move |_| doc.with_header(Agenda::action_vocabulary));
    let categories = Memo::new(move |_| doc.with_header(Agenda::category_vocabulary));
    let numbers = Memo::new(move |_| {
        doc.with_register(|a| {
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
                    <button type="button" on:click=move |_| doc.undo() disabled=move || !doc.can_undo.get()
                        title="Undo (Ctrl+Z)" aria-keyshortcuts="Control+Z">"Undo"</button>
                    <button type="button" on:click=move |_| doc.redo() disabled=move || !doc.can_redo.get()
                        title="Redo (Ctrl+Shift+Z)" aria-keyshortcuts="Control+Shift+Z">"Redo"</button>
                    <button type="button" on:click=move |_| export_json() title="Download the agenda as a file to share or re-open">"Export JSON"</button>
                    <button type="button" on:click=move |_| export_html() title="Download the printable agenda">"Export HTML"</button>
                    <button type="button" on:click=move |_| print() title="Print the agenda (Ctrl+P)" aria-keyshortcuts="Control+P">"Print"</button>
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
            {move || doc.notice.get().map(|n| view! {
                <div class="notice" role="status">
                    <span>{n}</span>
                    <button type="button" aria-label="Dismiss" on:click=move |_| doc.notice.set(None)>"×"</button>
                </div>
            })}
            <datalist id="action-vocabulary">
                {move || actions.get().into_iter().map(|v| view! { <option value=v></option> }).collect_view()}
            </datalist>
            <datalist id="category-vocabulary">
                {move || categories.get().into_iter().map(|v| view! { <option value=v></option> }).collect_view()}
            </datalist>
            <datalist id="register-numbers">
                {move || numbers.get().into_iter().map(|(n, t)| view! { <option value=n>{t}</option> }).collect_view()}
            </datalist>
            <div class="workspace">
                <main class="document">
                    <Header />
                    <ItemsTable />
                    <Register />
                    <Annexes />
                    <FutureMeetings />
                </main>
                <ChecksPanel />
            </div>
        </div>
    }
}
