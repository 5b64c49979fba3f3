//! The checks panel beside the agenda: the counts of findings by severity, the first findings
//! listed (each a "go to" and, where one exists, a one-click fix), and "List all N findings";
//! and the keyboard's ways there: to the panel, and from one finding's field to the next.

use std::collections::HashMap;
use std::sync::Arc;

use agendum_core::checks::{Code, FieldNames, Finding};
use agendum_core::edit::Field;
use agendum_core::{Agenda, Severity};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::changes_panel::ChangesPanel;
use crate::classes;
use crate::fields::dom_id;
use crate::lazy::LONG;
use crate::reactive_agenda::ReactiveAgenda;

const HEADING_ID: &str = "checks-h";

/// Focuses the `nth` finding's "go to" button, the last if there are fewer, or the panel's
/// heading when there are none.
fn focus_entry(nth: usize) {
    let doc = document();
    let entries = doc.query_selector_all(".checks .finding .goto").ok();
    let count = entries.as_ref().map_or(0, |l| l.length());
    let entry = entries.filter(|_| count > 0).and_then(|l| l.item((nth as u32).min(count - 1)));
    let target = entry.or_else(|| doc.get_element_by_id(HEADING_ID).map(Into::into));
    if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Moves the focus to the checks panel: its first finding, or its heading when all is well.
pub fn go_to_checks() {
    focus_entry(0);
}

/// Moves the focus to the field of the next finding (or the previous), in the panel's order,
/// from the finding whose field has the focus; from elsewhere, to the first (or the last). The
/// status line says which finding it is.
/// `last` holds the finding gone to last, which tells apart several findings on one field.
pub fn go_to_finding(live: ReactiveAgenda, last: StoredValue<Option<usize>>, forward: bool) {
    let focused = document().active_element().map(|e| e.id()).unwrap_or_default();
    let step = live.agenda.with_untracked(|a| {
        live.findings.with_untracked(|fs| {
            let n = fs.len();
            if n == 0 {
                return None;
            }
            let last = last.get_value().filter(|&k| fs.get(k).is_some_and(|f| dom_id(f.field) == focused));
            let here = last.or_else(|| fs.iter().position(|f| dom_id(f.field) == focused));
            let k = match (here, forward) {
                (Some(h), true) => (h + 1) % n,
                (Some(h), false) => (h + n - 1) % n,
                (None, true) => 0,
                (None, false) => n - 1,
            };
            let f = &fs[k];
            let said =
                format!("Finding {} of {n}: {}. {}", k + 1, FieldNames::new(a).name(f.field), f.message);
            Some((k, f.field, said))
        })
    });
    match step {
        Some((k, field, said)) => {
            last.set_value(Some(k));
            live.focus.set(Some(field));
            live.notice.set(Some(said));
        }
        None => live.notice.set(Some("No findings to go to.".into())),
    }
}

/// A finding as the panel shows it. The list is keyed by what it shows, so a keystroke that
/// leaves a finding as it was leaves its entry in the page as it was; rebuilding the whole list
/// would cost thousands of nodes a key on a big agenda.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Shown {
    severity: Severity,
    code: Code,
    /// The field the finding points to, and its name as the panel shows it.
    field: Field,
    where_: String,
    message: Arc<str>,
    fix: Option<Arc<str>>,
    /// Which of several findings that read the same this is.
    nth: usize,
}

/// The findings as listed, the fields they point to named (only those listed: naming thousands
/// would cost more than the check pass that found them).
fn shown<'f>(findings: &'f [Finding], agenda: &Agenda) -> Vec<(Shown, &'f Finding)> {
    let names = FieldNames::new(agenda);
    let mut seen: HashMap<Shown, usize> = HashMap::new();
    findings
        .iter()
        .map(|f| {
            let mut key = Shown {
                severity: f.severity,
                code: f.code,
                field: f.field,
                where_: names.name(f.field),
                message: f.message.clone(),
                fix: f.fix.as_ref().map(|x| x.label.clone()),
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
pub fn ChecksPanel() -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let count = move |s: Severity| live.findings.with(|f| f.iter().filter(|x| x.severity == s).count());
    let all = RwSignal::new(false);
    let total = Memo::new(move |_| live.findings.with(Vec::len));
    let list = Memo::new(move |_| {
        let listed = if all.get() { usize::MAX } else { LISTED };
        // The agenda is read for the names of the fields, which change with its shape (an item's
        // number) and the register ("Annex A, entry 5 (TD123)") even where the findings stay as
        // they were; not with every keystroke in an item, which changes no name.
        live.with_register(|a| {
            live.findings.with(|fs| {
                shown(&fs[..fs.len().min(listed)], a).into_iter().map(|(k, _)| k).collect::<Vec<_>>()
            })
        })
    });
    // The fix is looked up when clicked: an entry kept from an earlier keystroke would otherwise
    // apply the edit it was made with.
    let apply_fix = move |key: &Shown| {
        let fix = live.agenda.with_untracked(|a| {
            live.findings.with_untracked(|fs| {
                shown(fs, a).into_iter().find(|(k, _)| k == key).and_then(|(_, f)| f.fix.clone())
            })
        });
        let at = list.with_untracked(|l| l.iter().position(|k| k == key)).unwrap_or(0);
        if let Some(fx) = fix {
            if live.apply(fx.edit, false) {
                live.notice.set(Some(format!("Fixed: {}. Undo with Ctrl+Z.", fx.label)));
                // The entry that now stands where the fixed one was, once the list has it.
                request_animation_frame(move || focus_entry(at));
            }
        }
    };
    let entry = move |f: Shown| {
        let field = f.field;
        let sev = f.severity.name();
        let fix = f.fix.clone().map(|label| {
            let key = f.clone();
            view! {
                <button type="button" class="fix" on:click=move |_| apply_fix(&key)>{format!("Fix: {label}")}</button>
            }
        });
        view! {
            <li class=format!("finding {}", classes::severity(f.severity))>
                <button type="button" class="goto" on:click=move |_| live.focus.set(Some(field)) title="Go to the field">
                    <span class="badge">{sev}</span>
                    <span class="where">{f.where_.clone()}</span>
                </button>
                <p class="message">{f.message.clone()}</p>
                <p class="code">{f.code.as_str()}</p>
                {fix}
            </li>
        }
    };
    view! {
        <aside class="checks" aria-labelledby="checks-h">
            <ChangesPanel />
            <h2 id=HEADING_ID tabindex="-1">"Checks"</h2>
            <p class="counts" role="status" aria-live="polite">
                <span class=classes::severity(Severity::Error)>{move || Severity::Error.counted(count(Severity::Error))}</span>
                " · "
                <span class=classes::severity(Severity::Warning)>{move || Severity::Warning.counted(count(Severity::Warning))}</span>
                " · "
                <span class=classes::severity(Severity::Note)>{move || Severity::Note.counted(count(Severity::Note))}</span>
            </p>
            <Show when=move || live.findings.with(|f| f.is_empty())>
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
