//! The checks panel beside the agenda: the counts of findings by severity, the first findings
//! listed (each a "go to" and, where one exists, a one-click fix), and "List all N findings".

use std::collections::HashMap;

use agendum_core::checks::{Code, FieldNames, Finding};
use agendum_core::edit::Field;
use agendum_core::{Agenda, Severity};
use leptos::prelude::*;

use crate::classes;
use crate::lazy::LONG;
use crate::reactive_agenda::ReactiveAgenda;

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
    message: String,
    fix: Option<String>,
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
pub fn ChecksPanel() -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let count = move |s: Severity| live.findings.with(|f| f.iter().filter(|x| x.severity == s).count());
    let all = RwSignal::new(false);
    let total = Memo::new(move |_| live.findings.with(Vec::len));
    let list = Memo::new(move |_| {
        let listed = if all.get() { usize::MAX } else { LISTED };
        // The agenda is read for the names of the fields, which change with it ("Annex A, entry 5
        // (TD123)") even where the findings stay as they were.
        live.agenda.with(|a| {
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
        if let Some(fx) = fix {
            if live.apply(fx.edit, false) {
                live.notice.set(Some(format!("Fixed: {}. Undo with Ctrl+Z.", fx.label)));
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
            <h2 id="checks-h">"Checks"</h2>
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
