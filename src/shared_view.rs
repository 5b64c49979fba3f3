//! An agenda opened from a share link: shown read-only, as it prints, with its check findings,
//! until the user saves it to the library (where Replace and Keep both apply as for a file).
//! Nothing stored is read or written here, so a bad link can never touch what the user has.

use agendum_core::checks::with_time_zone;
use agendum_core::{format, FieldNames, Severity};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::time_zones::IntlRules;
use crate::{second_zone, share};

/// What the link gave.
#[derive(Clone)]
enum Opened {
    Reading,
    Refused(String),
    Agenda { text: String, migrated_from: Option<u32> },
}

/// The shared agenda of `fragment`; `on_save` takes the agenda file's text into the library,
/// `on_leave` goes back to it.
#[component]
pub fn SharedAgenda(
    fragment: String,
    #[prop(into)] on_save: Callback<String>,
    #[prop(into)] on_leave: Callback<()>,
) -> impl IntoView {
    let opened = RwSignal::new(Opened::Reading);
    spawn_local(async move {
        opened.set(match share::open(fragment).await {
            Ok((text, migrated_from)) => Opened::Agenda { text, migrated_from },
            Err(e) => Opened::Refused(e),
        });
    });
    let leave = move |_| on_leave.run(());
    move || match opened.get() {
        Opened::Reading => view! {
            <main class="library shared"><p role="status">"Opening the shared agenda …"</p></main>
        }
        .into_any(),
        Opened::Refused(why) => view! {
            <main class="library shared">
                <h1>"A shared agenda"</h1>
                <div class="banner error" role="alert"><p>{why}</p></div>
                <p>"Nothing in this browser was changed."</p>
                <button type="button" on:click=leave>"Go to my agendas"</button>
            </main>
        }
        .into_any(),
        Opened::Agenda { text, migrated_from } => {
            let agenda = match format::load(&text) {
                Ok(l) => l.agenda,
                Err(e) => {
                    return view! { <main class="library shared"><p role="alert">{e.to_string()}</p></main> }
                        .into_any()
                }
            };
            let findings = with_time_zone(&agenda, &IntlRules);
            let names = FieldNames::new(&agenda);
            let count = |s| findings.iter().filter(|f| f.severity == s).count();
            let counts =
                [Severity::Error, Severity::Warning, Severity::Note].map(|s| s.counted(count(s))).join(" · ");
            let listed: Vec<(String, std::sync::Arc<str>, &'static str)> = findings
                .iter()
                .take(100)
                .map(|f| (names.name(f.field), f.message.clone(), f.severity.name()))
                .collect();
            let more = findings.len().saturating_sub(listed.len());
            let printed =
                agendum_core::export::html_in(&agenda, second_zone::for_the_viewer(&agenda).as_ref());
            let page = NodeRef::<leptos::html::Div>::new();
            // The printed agenda in a shadow root: its style sheet stays inside, and markup set
            // this way never runs a script (the export escapes every text besides).
            Effect::new(move |_| {
                let Some(div) = page.get() else { return };
                let el: &web_sys::Element = div.unchecked_ref();
                let root = el.shadow_root().or_else(|| {
                    el.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).ok()
                });
                if let Some(root) = root {
                    root.set_inner_html(&printed);
                }
            });
            let name = agenda.display_name();
            let text = StoredValue::new(text);
            let migrated = migrated_from
                .map(|v| format!(" It was made in file format version {v}; saving brings it up to date."));
            view! {
                <main class="library shared">
                    <h1>{format!("Shared agenda: {name}")}</h1>
                    <p>"Opened from a link, read-only. It is not in your library until you save it, and saving never replaces an agenda without asking."{migrated}</p>
                    <div class="toolbar">
                        <button type="button" on:click=move |_| on_save.run(text.get_value())>"Save to my library"</button>
                        <button type="button" on:click=leave>"Go to my agendas"</button>
                    </div>
                    <section class="shared-checks" aria-label="Checks">
                        <p class="counts" role="status">{counts}</p>
                        <ul>
                            {listed.into_iter().map(|(at, message, severity)| view! {
                                <li class=severity><strong>{at}</strong>": "{message}</li>
                            }).collect_view()}
                        </ul>
                        {(more > 0).then(|| view! { <p>{format!("and {more} more, listed once it is saved and opened")}</p> })}
                    </section>
                    <div class="shared-page" node_ref=page role="document" aria-label="The agenda as it prints"></div>
                </main>
            }
            .into_any()
        }
    }
}
