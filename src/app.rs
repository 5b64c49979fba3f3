//! The app: the library of agendas kept in this browser, and which agenda is open (in the URL
//! hash, so a reload comes back to it). Importing files, by picker or by dropping them anywhere,
//! lives here too: an import always adds to the library and never silently replaces.

use agendum_core::{format, templates, Agenda};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::editor::Editor;
use crate::storage::{self, Listing};
use crate::{classes, files, word};

/// A new id for an agenda in this browser.
fn new_id() -> String {
    let r = (js_sys::Math::random() * 1e12) as u64;
    format!("a{:x}{:x}", storage::now() as u64, r)
}

/// The open agenda's id, from the URL hash. Ids come from files and may hold any character,
/// so they travel percent-encoded.
fn hash_id() -> Option<String> {
    let h = window().location().hash().ok()?;
    let encoded = h.strip_prefix("#/agenda/").filter(|s| !s.is_empty())?;
    js_sys::decode_uri_component(encoded).ok().map(String::from)
}

fn set_hash(id: Option<&str>) {
    let loc = window().location();
    let _ = match id {
        Some(id) => loc.set_hash(&format!("/agenda/{}", String::from(js_sys::encode_uri_component(id)))),
        None => loc.set_hash(""),
    };
}

/// What the library says after an action; the undo of a deletion lasts until the next action.
#[derive(Clone, Debug, PartialEq)]
enum Message {
    Info(String),
    Problem(String),
    Deleted {
        name: String,
        agenda: Agenda,
        edited: f64,
    },
    /// An imported agenda has the id of one already here: keep both, or replace.
    Clash {
        agenda: Agenda,
    },
    Replaced {
        name: String,
        old: Agenda,
        edited: f64,
    },
}

#[derive(Clone, Copy)]
struct Library {
    listing: RwSignal<Listing>,
    message: RwSignal<Option<Message>>,
    open: RwSignal<Option<String>>,
}

impl Library {
    fn refresh(&self) {
        self.listing.set(storage::list());
    }

    fn add(&self, agenda: Agenda, open: bool) {
        let id = agenda.id.clone();
        match storage::save(&agenda, None) {
            Ok(_) => {
                self.refresh();
                if open {
                    self.open(&id);
                }
            }
            Err(e) => self.message.set(Some(Message::Problem(e))),
        }
    }

    /// A message with an Undo that puts a removed or replaced agenda back as it was.
    fn undoable(self, text: String, agenda: Agenda, edited: f64) -> impl IntoView {
        let agenda = StoredValue::new(agenda);
        view! {
            <div class="notice" role="status">
                <span>{text}</span>
                <button type="button" on:click=move |_| {
                    if let Err(e) = storage::save(&agenda.get_value(), Some(edited)) {
                        self.message.set(Some(Message::Problem(e)));
                        return;
                    }
                    self.message.set(None);
                    self.refresh();
                }>"Undo"</button>
            </div>
        }
    }

    fn open(&self, id: &str) {
        set_hash(Some(id));
        self.open.set(Some(id.to_string()));
    }

    /// Takes a file's text: a new agenda in the library, or a question when its id is taken.
    /// `read` says what a Word file gave, for the message.
    fn import(&self, name: &str, text: &str, read: Option<&str>) {
        match format::load(text) {
            Err(e) => self.message.set(Some(Message::Problem(format!("\"{name}\" was not imported. {e}")))),
            Ok(loaded) => {
                let mut agenda = loaded.agenda;
                // An agenda needs an id to be kept and opened; a file may have an empty one.
                if agenda.id.trim().is_empty() {
                    agenda.id = new_id();
                }
                if storage::exists(&agenda.id) {
                    self.message.set(Some(Message::Clash { agenda }));
                    return;
                }
                let shown = agenda.display_name();
                self.add(agenda, false);
                let note = match (read, loaded.migrated_from) {
                    (Some(read), _) => format!(" from Word: {read}"),
                    (None, Some(v)) => {
                        format!(" (it was in format version {v} and has been brought up to date).")
                    }
                    (None, None) => ".".to_string(),
                };
                self.message.set(Some(Message::Info(format!("Imported \"{shown}\"{note}"))));
            }
        }
    }

    fn import_files(self, list: Option<web_sys::FileList>) {
        let Some(list) = list else { return };
        for i in 0..list.length() {
            let Some(file) = list.item(i) else { continue };
            if word::is_word(&file) {
                self.import_word(file);
                continue;
            }
            if file.size() > format::MAX_FILE_BYTES as f64 {
                self.message.set(Some(Message::Problem(format!(
                    "\"{}\" was not imported. The file is too large ({:.1} MiB); agenda files are at most {} MiB.",
                    file.name(),
                    file.size() / 1048576.0,
                    format::MAX_FILE_BYTES / 1048576
                ))));
                continue;
            }
            spawn_local(async move {
                let name = file.name();
                match files::read_text(file).await {
                    Ok(text) => self.import(&name, &text, None),
                    Err(e) => {
                        self.message.set(Some(Message::Problem(format!("\"{name}\" was not imported. {e}"))))
                    }
                }
            });
        }
    }
}

impl Library {
    /// A Word file: read by the Word reader into a new agenda.
    fn import_word(self, file: web_sys::File) {
        let name = file.name();
        if file.size() > word::MAX_WORD_BYTES {
            self.message.set(Some(Message::Problem(format!(
                "\"{name}\" was not imported. The file is too large ({:.1} MiB); Word files are read up to {} MiB.",
                file.size() / 1048576.0,
                word::MAX_WORD_BYTES / 1048576.0
            ))));
            return;
        }
        self.message.set(Some(Message::Info(format!("Reading \"{name}\" …"))));
        spawn_local(async move {
            match word::read_word(file, &new_id()).await {
                Ok((text, read)) => self.import(&name, &text, Some(&read)),
                Err(e) => {
                    self.message.set(Some(Message::Problem(format!("\"{name}\" was not imported. {e}"))))
                }
            }
        });
    }
}

fn edited_label(ms: f64) -> String {
    if ms <= 0.0 {
        return String::new();
    }
    let d = js_sys::Date::new(&ms.into());
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

#[component]
fn LibraryRow(summary: storage::Summary) -> impl IntoView {
    let lib = expect_context::<Library>();
    let id = StoredValue::new(summary.id.clone());
    let renaming = RwSignal::new(false);
    let name = summary.name.clone();
    let title = summary.title.clone();
    let open = move |_| lib.open(&id.get_value());
    let duplicate = move |_| {
        lib.message.set(None);
        match storage::load(&id.get_value()) {
            Ok(mut a) => {
                a.id = new_id();
                a.title = format!("{} (copy)", a.title.trim());
                lib.add(a, false);
            }
            Err(e) => lib.message.set(Some(Message::Problem(e))),
        }
    };
    let delete = {
        let name = name.clone();
        move |_| {
            if let Some((agenda, edited)) = storage::delete(&id.get_value()) {
                lib.refresh();
                lib.message.set(Some(Message::Deleted { name: name.clone(), agenda, edited }));
            }
        }
    };
    let rename_to = move |new_title: String| {
        renaming.set(false);
        match storage::load(&id.get_value()) {
            Ok(mut a) if a.title != new_title => {
                a.title = new_title;
                lib.add(a, false);
            }
            Ok(_) => {}
            Err(e) => lib.message.set(Some(Message::Problem(e))),
        }
    };
    let input_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if renaming.get() {
            if let Some(i) = input_ref.get() {
                let _ = i.focus();
                i.select();
            }
        }
    });
    view! {
        <tr>
            <td>{summary.document.clone()}</td>
            <td>
                <Show when=move || renaming.get() fallback={
                    let title = title.clone();
                    move || view! { <span>{if title.is_empty() { "Untitled agenda".to_string() } else { title.clone() }}</span> }
                }>
                    <input type="text" node_ref=input_ref aria-label=format!("New title for {}", summary.name)
                        value=summary.title.clone()
                        on:keydown=move |ev: ev::KeyboardEvent| {
                            if ev.key() == "Enter" { rename_to(event_target_value(&ev)); }
                            if ev.key() == "Escape" { renaming.set(false); }
                        }
                        on:blur=move |ev| if renaming.get_untracked() { rename_to(event_target_value(&ev)) } />
                </Show>
            </td>
            <td>{summary.meeting.clone()}</td>
            <td>{edited_label(summary.edited)}</td>
            <td class=classes::TOOLS>
                <button type="button" on:click=open aria-label=format!("Open {name}")>"Open"</button>
                <button type="button" on:click=duplicate aria-label=format!("Duplicate {name}")>"Duplicate"</button>
                <button type="button" on:click=move |_| { lib.message.set(None); renaming.set(true); }
                    aria-label=format!("Rename {name}")>"Rename"</button>
                <button type="button" class=classes::DANGER on:click=delete aria-label=format!("Delete {name}")>"Delete"</button>
            </td>
        </tr>
    }
}

#[component]
fn LibraryScreen() -> impl IntoView {
    let lib = expect_context::<Library>();
    let create = move |a: Agenda| {
        lib.message.set(None);
        lib.add(a, true);
    };
    let file_ref = NodeRef::<leptos::html::Input>::new();
    let message = move || {
        lib.message.get().map(|m| match m {
            Message::Info(t) => view! { <div class="notice" role="status"><span>{t}</span></div> }.into_any(),
            Message::Problem(t) => view! { <div class="banner error" role="alert"><p>{t}</p></div> }.into_any(),
            Message::Deleted { name, agenda, edited } => {
                lib.undoable(format!("Deleted \"{name}\"."), agenda, edited).into_any()
            }
            Message::Clash { agenda } => {
                let agenda = StoredValue::new(agenda);
                let name = agenda.with_value(Agenda::display_name);
                view! {
                    <div class="banner" role="alertdialog" aria-label="Agenda already here">
                        <p>{format!("\"{name}\" is already in this browser (the file is the same agenda). Keep both, or replace the one here?")}</p>
                        <button type="button" on:click=move |_| {
                            let mut a = agenda.get_value();
                            a.id = new_id();
                            lib.add(a, false);
                            lib.message.set(Some(Message::Info(format!("Imported \"{name}\" as a second copy."))));
                        }>"Keep both"</button>
                        <button type="button" on:click=move |_| {
                            let a = agenda.get_value();
                            let name = a.display_name();
                            let old = storage::delete(&a.id);
                            lib.add(a, false);
                            if let Some((old, edited)) = old {
                                lib.message.set(Some(Message::Replaced { name, old, edited }));
                            }
                        }>"Replace"</button>
                        <button type="button" on:click=move |_| lib.message.set(None)>"Cancel"</button>
                    </div>
                }
                .into_any()
            }
            Message::Replaced { name, old, edited } => {
                lib.undoable(format!("Replaced \"{name}\" with the imported file."), old, edited).into_any()
            }
        })
    };
    view! {
        <main class="library">
            <header class="library-head">
                <h1>"Agendum"</h1>
                <p>"Agendas for standards-body meetings, checked as you write them. Everything stays in this browser until you export it."</p>
            </header>
            <div class="toolbar">
                <button type="button" on:click=move |_| create(templates::blank(&new_id()))>"New blank agenda"</button>
                <button type="button" on:click=move |_| create(templates::itu_td(&new_id()))>"New from ITU-T TD template"</button>
                <button type="button" on:click=move |_| create(templates::td514(&new_id()))>"Open the TD514 example"</button>
                <button type="button" on:click=move |_| { if let Some(i) = file_ref.get() { i.click(); } }>"Import file…"</button>
                <input type="file" accept=".json,application/json,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" node_ref=file_ref class="visually-hidden" tabindex="-1"
                    aria-label="Agenda file to import" multiple
                    on:change=move |ev: ev::Event| {
                        lib.message.set(None);
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        lib.import_files(input.files());
                        input.set_value("");
                    } />
            </div>
            {message}
            {move || lib.listing.with(|l| l.problems.clone()).into_iter().map(|p| view! {
                <div class="banner error" role="alert"><p>{p}</p></div>
            }).collect_view()}
            <Show when=move || !lib.listing.with(|l| l.agendas.is_empty())
                fallback=|| view! { <p class="empty">"No agendas yet. Start one above, or drop an agenda file anywhere on this page."</p> }>
                <table class="library-list">
                    <caption class="visually-hidden">"Agendas in this browser, newest first"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Document"</th>
                            <th scope="col">"Title"</th>
                            <th scope="col">"Meeting"</th>
                            <th scope="col">"Last edited"</th>
                            <th scope="col"><span class="visually-hidden">"Commands"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || lib.listing.get().agendas key=|s| (s.id.clone(), s.edited.to_bits(), s.title.clone()) let:s>
                            <LibraryRow summary=s />
                        </For>
                    </tbody>
                </table>
            </Show>
        </main>
    }
}

#[component]
pub fn App() -> impl IntoView {
    // Listing reads every stored agenda (and quarantines or migrates old ones): opening one
    // agenda straight from its address need not wait for that, so the list is read when the
    // library is shown.
    let open = hash_id();
    let lib = Library {
        listing: RwSignal::new(if open.is_none() { storage::list() } else { Listing::default() }),
        message: RwSignal::new(None),
        open: RwSignal::new(open),
    };
    provide_context(lib);
    let hash = window_event_listener(ev::hashchange, move |_| {
        let open = hash_id();
        if open.is_none() && lib.open.get_untracked().is_some() {
            lib.refresh();
        }
        lib.open.set(open);
    });
    // Another tab created, renamed or deleted an agenda: the list follows.
    let other_tab = window_event_listener(ev::storage, move |ev| {
        if lib.open.get_untracked().is_none() && storage::changes_library(ev.key().as_deref()) {
            lib.refresh();
        }
    });
    on_cleanup(move || {
        hash.remove();
        other_tab.remove();
    });
    // Dropping a file anywhere imports it and shows the library, where the result is listed.
    let drop = window_event_listener(ev::drop, move |ev: ev::DragEvent| {
        let files = ev.data_transfer().and_then(|d| d.files()).filter(|f| f.length() > 0);
        if files.is_some() {
            ev.prevent_default();
            lib.message.set(None);
            set_hash(None);
            lib.open.set(None);
            lib.import_files(files);
        }
    });
    let over = window_event_listener(ev::dragover, move |ev: ev::DragEvent| {
        let has_files = ev.data_transfer().is_some_and(|d| d.types().includes(&"Files".into(), 0));
        if has_files {
            ev.prevent_default();
        }
    });
    on_cleanup(move || {
        drop.remove();
        over.remove();
    });
    let close = Callback::new(move |()| {
        set_hash(None);
        lib.open.set(None);
        lib.refresh();
    });
    move || match lib.open.get() {
        None => view! { <LibraryScreen /> }.into_any(),
        Some(id) => match storage::load(&id) {
            Ok(agenda) => view! { <Editor agenda=agenda on_close=close /> }.into_any(),
            Err(e) => view! {
                <main class="library">
                    <div class="banner error" role="alert"><p>{e}</p></div>
                    <button type="button" on:click=move |_| close.run(())>"Back to all agendas"</button>
                </main>
            }
            .into_any(),
        },
    }
}
