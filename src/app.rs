//! The app: the library of agendas kept in this browser, and which agenda is open (in the URL
//! hash, so a reload comes back to it), or whether a share link is open. Importing files, by
//! picker or by dropping them anywhere, and saving a shared agenda live here too: an import
//! always adds to the library and never silently replaces.

use agendum_core::{format, templates, Agenda};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::editor::Editor;
use crate::shared_view::SharedAgenda;
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

/// A share link's fragment, when the address is one.
fn shared_fragment() -> Option<String> {
    let h = window().location().hash().ok()?;
    agendum_core::share::is_share_link(&h).then_some(h)
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
    Problem(String),
    Deleted { name: String, removed: Box<storage::Removed> },
}

/// What became of one file of an import. Each file has its own, listed in the order the files
/// were given, so that several files at once never replace each other's question or notice.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Reading,
    Imported(String),
    Refused(String),
    /// The file's agenda is one already here: the user decides, file by file.
    Clash {
        agenda: Agenda,
    },
    Replaced {
        name: String,
        old: storage::Removed,
    },
    Skipped(String),
}

#[derive(Clone, Debug, PartialEq)]
struct FileImport {
    /// Which import this is, for the list's keys and for settling it when its file is read.
    key: u64,
    file: String,
    outcome: Outcome,
}

impl Outcome {
    /// Which state it is in, for the list to rebuild a line only when its state changes.
    fn state(&self) -> u8 {
        match self {
            Outcome::Reading => 0,
            Outcome::Imported(_) => 1,
            Outcome::Refused(_) => 2,
            Outcome::Clash { .. } => 3,
            Outcome::Replaced { .. } => 4,
            Outcome::Skipped(_) => 5,
        }
    }
}

impl FileImport {
    fn pending(&self) -> bool {
        matches!(self.outcome, Outcome::Reading | Outcome::Clash { .. })
    }
}

#[derive(Clone, Copy)]
struct Library {
    listing: RwSignal<Listing>,
    message: RwSignal<Option<Message>>,
    imports: RwSignal<Vec<FileImport>>,
    next_import: StoredValue<u64>,
    open: RwSignal<Option<String>>,
    /// The fragment of the share link the address holds, if it does.
    shared: RwSignal<Option<String>>,
}

/// The note that tells an arriving agenda from those already here with the same name:
/// "copy N" when there are such (N counts them, the one here first, or follows the highest
/// copy already noted), and the file it came from. It is written once, on arrival: renaming
/// the agenda later does not change where it came from.
fn origin_note(listing: &Listing, name: &str, file: Option<&str>) -> String {
    let same: Vec<&storage::Summary> = listing.agendas.iter().filter(|s| s.name == name).collect();
    let highest = same
        .iter()
        .filter_map(|s| {
            s.origin.strip_prefix("copy ")?.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
        })
        .max()
        .unwrap_or(0usize);
    let copy = (!same.is_empty()).then(|| format!("copy {}", same.len().max(highest) + 1));
    let file = file.map(|f| format!("from {f}"));
    [copy, file].into_iter().flatten().collect::<Vec<_>>().join(", ")
}

impl Library {
    fn refresh(&self) {
        self.listing.set(storage::list());
    }

    /// Says what an action other than an import did; the notices of finished imports go, the
    /// questions still open stay.
    fn say(&self, m: Option<Message>) {
        self.message.set(m);
        self.imports.update(|l| l.retain(FileImport::pending));
    }

    /// Keeps an agenda in the library, with the note of where it came from.
    fn add(&self, agenda: Agenda, origin: &str, open: bool) -> Result<(), String> {
        let id = agenda.id.clone();
        storage::save(&agenda, None)?;
        storage::set_origin(&id, origin);
        self.refresh();
        if open {
            self.open(&id);
        }
        Ok(())
    }

    /// A notice with an Undo that puts a removed or replaced agenda back as it was.
    fn undoable(
        self,
        text: String,
        removed: storage::Removed,
        done: impl Fn() + Copy + 'static,
    ) -> impl IntoView {
        let removed = StoredValue::new(removed);
        view! {
            <div class="notice" role="status">
                <span>{text}</span>
                <button type="button" on:click=move |_| {
                    if let Err(e) = storage::restore(&removed.get_value()) {
                        self.say(Some(Message::Problem(e)));
                        return;
                    }
                    done();
                    self.refresh();
                }>"Undo"</button>
            </div>
        }
    }

    fn open(&self, id: &str) {
        set_hash(Some(id));
        self.open.set(Some(id.to_string()));
    }

    fn settle(&self, key: u64, outcome: Outcome) {
        self.imports.update(|l| {
            if let Some(i) = l.iter_mut().find(|i| i.key == key) {
                i.outcome = outcome;
            }
        });
    }

    /// Takes a file's text: a new agenda in the library, or a question when its agenda is here.
    /// `read` says what a Word file gave, for the notice.
    fn import(&self, key: u64, name: &str, text: &str, read: Option<&str>) {
        let outcome = match format::load(text) {
            Err(e) => Outcome::Refused(format!("\"{name}\" was not imported. {e}")),
            Ok(loaded) => {
                let mut agenda = loaded.agenda;
                // An agenda needs an id to be kept and opened; a file may have an empty one.
                if agenda.id.trim().is_empty() {
                    agenda.id = new_id();
                }
                if storage::exists(&agenda.id) {
                    Outcome::Clash { agenda }
                } else {
                    let shown = agenda.display_name();
                    let origin = self.listing.with_untracked(|l| origin_note(l, &shown, Some(name)));
                    match self.add(agenda, &origin, false) {
                        Err(e) => Outcome::Refused(format!("\"{name}\" was not imported. {e}")),
                        Ok(()) => {
                            let note = match (read, loaded.migrated_from) {
                                (Some(read), _) => format!(" from Word: {read}"),
                                (None, Some(v)) => {
                                    format!(
                                        " (it was in format version {v} and has been brought up to date)."
                                    )
                                }
                                (None, None) => ".".to_string(),
                            };
                            Outcome::Imported(format!("Imported \"{shown}\"{note}"))
                        }
                    }
                }
            }
        };
        self.settle(key, outcome);
    }

    /// The user's answer to a file whose agenda is already here.
    fn decide(self, key: u64, file: &str, agenda: Agenda, choice: Choice) {
        let name = agenda.display_name();
        let outcome = match choice {
            Choice::Skip => Outcome::Skipped(format!("Skipped \"{file}\"; \"{name}\" here is unchanged.")),
            Choice::KeepBoth => {
                let mut a = agenda;
                a.id = new_id();
                let origin = self.listing.with_untracked(|l| origin_note(l, &name, Some(file)));
                match self.add(a, &origin, false) {
                    Ok(()) => Outcome::Imported(format!(
                        "Kept both: \"{file}\" is listed as \"{name}\" ({origin})."
                    )),
                    Err(e) => Outcome::Refused(format!("\"{file}\" was not imported. {e}")),
                }
            }
            Choice::Replace => {
                let old = storage::delete(&agenda.id);
                match (self.add(agenda, &format!("from {file}"), false), old) {
                    (Ok(()), Some(old)) => Outcome::Replaced { name, old },
                    (Ok(()), None) => Outcome::Imported(format!("Imported \"{name}\".")),
                    (Err(e), old) => {
                        // Nothing the user had is lost: the one here goes back.
                        if let Some(old) = old {
                            let _ = storage::restore(&old);
                            self.refresh();
                        }
                        Outcome::Refused(format!("\"{file}\" was not imported. {e}"))
                    }
                }
            }
        };
        self.settle(key, outcome);
        // The next question, if any, takes the focus the answered one had.
        request_animation_frame(|| {
            if let Ok(Some(next)) = document().query_selector(".import-clash button") {
                if let Ok(next) = next.dyn_into::<web_sys::HtmlElement>() {
                    let _ = next.focus();
                }
            }
        });
    }

    /// Takes an agenda opened from a share link into the library, as a file is taken: with a
    /// question if it is already here.
    fn import_shared(self, text: String) {
        self.say(None);
        let key = self.next_import.get_value();
        self.next_import.set_value(key + 1);
        let file = "the shared link".to_string();
        self.imports.update(|l| l.push(FileImport { key, file: file.clone(), outcome: Outcome::Reading }));
        self.import(key, &file, &text, None);
    }

    /// Starts importing picked or dropped files, each with its own line in the list.
    fn import_files(self, list: Option<web_sys::FileList>) {
        let Some(list) = list else { return };
        self.say(None);
        for i in 0..list.length() {
            let Some(file) = list.item(i) else { continue };
            let key = self.next_import.get_value();
            self.next_import.set_value(key + 1);
            let name = file.name();
            self.imports
                .update(|l| l.push(FileImport { key, file: name.clone(), outcome: Outcome::Reading }));
            if word::is_word(&file) {
                self.import_word(key, file);
                continue;
            }
            if file.size() > format::MAX_FILE_BYTES as f64 {
                self.settle(
                    key,
                    too_large(&name, file.size(), "agenda files are at most", format::MAX_FILE_BYTES as f64),
                );
                continue;
            }
            spawn_local(async move {
                match files::read_text(file).await {
                    Ok(text) => self.import(key, &name, &text, None),
                    Err(e) => self.settle(key, Outcome::Refused(format!("\"{name}\" was not imported. {e}"))),
                }
            });
        }
    }

    /// A Word file: read by the Word reader into a new agenda. The reader takes one file at a
    /// time, in the order given.
    fn import_word(self, key: u64, file: web_sys::File) {
        let name = file.name();
        if file.size() > word::MAX_WORD_BYTES {
            self.settle(
                key,
                too_large(&name, file.size(), "Word files are read up to", word::MAX_WORD_BYTES),
            );
            return;
        }
        spawn_local(async move {
            match word::read_word(file, &new_id()).await {
                Ok((text, read)) => self.import(key, &name, &text, Some(&read)),
                Err(e) => self.settle(key, Outcome::Refused(format!("\"{name}\" was not imported. {e}"))),
            }
        });
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Choice {
    Replace,
    KeepBoth,
    Skip,
}

/// One file's line in the list of an import.
#[component]
fn ImportLine(import: FileImport) -> impl IntoView {
    let lib = expect_context::<Library>();
    let FileImport { key, file, outcome } = import;
    match outcome {
        Outcome::Reading => {
            view! { <div class="notice" role="status"><span>{format!("Reading \"{file}\" …")}</span></div> }
                .into_any()
        }
        Outcome::Imported(t) | Outcome::Skipped(t) => {
            view! { <div class="notice" role="status"><span>{t}</span></div> }.into_any()
        }
        Outcome::Refused(t) => view! { <div class="banner error" role="alert"><p>{t}</p></div> }.into_any(),
        Outcome::Replaced { name, old } => {
            let text = format!("Replaced \"{name}\" with \"{file}\".");
            let undone = StoredValue::new(format!("Undone: \"{name}\" is as it was before the import."));
            lib.undoable(text, old, move || lib.settle(key, Outcome::Skipped(undone.get_value()))).into_any()
        }
        Outcome::Clash { agenda } => {
            let name = agenda.display_name();
            let agenda = StoredValue::new(agenda);
            let file = StoredValue::new(file);
            let choose = move |choice| lib.decide(key, &file.get_value(), agenda.get_value(), choice);
            view! {
                <div class="banner import-clash" role="group" aria-label=format!("\"{}\" is already here", file.get_value())>
                    <p>{format!("\"{}\" holds \"{name}\", which is already in this browser. Replace the one here, keep both, or skip this file?", file.get_value())}</p>
                    <button type="button" on:click=move |_| choose(Choice::Replace)>"Replace"</button>
                    <button type="button" on:click=move |_| choose(Choice::KeepBoth)>"Keep both"</button>
                    <button type="button" on:click=move |_| choose(Choice::Skip)>"Skip"</button>
                </div>
            }
            .into_any()
        }
    }
}

/// The refusal of a file over its kind's limit, both sizes in MiB: "… agenda files are at most
/// 16 MiB."
fn too_large(name: &str, bytes: f64, limit_says: &str, limit: f64) -> Outcome {
    const MIB: f64 = 1048576.0;
    Outcome::Refused(format!(
        "\"{name}\" was not imported. The file is too large ({:.1} MiB); {limit_says} {} MiB.",
        bytes / MIB,
        limit / MIB
    ))
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
    // Copies of one agenda have the same name: the note of where each came from tells them
    // apart, for the eye and for the buttons' names.
    let name = if summary.origin.is_empty() {
        summary.name.clone()
    } else {
        format!("{} ({})", summary.name, summary.origin)
    };
    let title = summary.title.clone();
    let open = move |_| lib.open(&id.get_value());
    let duplicate = move |_| {
        lib.say(None);
        let made = storage::load(&id.get_value()).and_then(|mut a| {
            a.id = new_id();
            a.title = format!("{} (copy)", a.title.trim());
            let origin = lib.listing.with_untracked(|l| origin_note(l, &a.display_name(), None));
            lib.add(a, &origin, false)
        });
        if let Err(e) = made {
            lib.say(Some(Message::Problem(e)));
        }
    };
    let delete = {
        let name = name.clone();
        move |_| {
            if let Some(removed) = storage::delete(&id.get_value()) {
                lib.refresh();
                lib.say(Some(Message::Deleted { name: name.clone(), removed: Box::new(removed) }));
            }
        }
    };
    let rename_to = move |new_title: String| {
        renaming.set(false);
        let renamed = storage::load(&id.get_value()).and_then(|mut a| {
            if a.title == new_title {
                return Ok(());
            }
            a.title = new_title;
            storage::save(&a, None).map(|_| lib.refresh())
        });
        if let Err(e) = renamed {
            lib.say(Some(Message::Problem(e)));
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
                    let origin = summary.origin.clone();
                    move || view! {
                        <span>{if title.is_empty() { "Untitled agenda".to_string() } else { title.clone() }}</span>
                        {(!origin.is_empty()).then(|| view! { <span class="origin">{origin.clone()}</span> })}
                    }
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
                <button type="button" on:click=move |_| { lib.say(None); renaming.set(true); }
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
        lib.say(None);
        if let Err(e) = lib.add(a, "", true) {
            lib.say(Some(Message::Problem(e)));
        }
    };
    let file_ref = NodeRef::<leptos::html::Input>::new();
    let message = move || {
        lib.message.get().map(|m| match m {
            Message::Problem(t) => {
                view! { <div class="banner error" role="alert"><p>{t}</p></div> }.into_any()
            }
            Message::Deleted { name, removed } => {
                lib.undoable(format!("Deleted \"{name}\"."), *removed, move || lib.say(None)).into_any()
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
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        lib.import_files(input.files());
                        input.set_value("");
                    } />
            </div>
            {message}
            <For each=move || lib.imports.get() key=|i| (i.key, i.outcome.state()) let:i>
                <ImportLine import=i />
            </For>
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
                        <For each=move || lib.listing.get().agendas key=|s| (s.id.clone(), s.edited.to_bits(), s.title.clone(), s.origin.clone()) let:s>
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
    let shared = shared_fragment();
    let lib = Library {
        listing: RwSignal::new(if open.is_none() && shared.is_none() {
            storage::list()
        } else {
            Listing::default()
        }),
        message: RwSignal::new(None),
        imports: RwSignal::new(Vec::new()),
        next_import: StoredValue::new(0),
        open: RwSignal::new(open),
        shared: RwSignal::new(shared),
    };
    provide_context(lib);
    let hash = window_event_listener(ev::hashchange, move |_| {
        let open = hash_id();
        let shared = shared_fragment();
        if open.is_none()
            && shared.is_none()
            && (lib.open.get_untracked().is_some() || lib.shared.get_untracked().is_some())
        {
            lib.refresh();
        }
        lib.shared.set(shared);
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
            set_hash(None);
            lib.open.set(None);
            lib.shared.set(None);
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
    let to_library = move || {
        set_hash(None);
        lib.shared.set(None);
        lib.open.set(None);
        lib.refresh();
    };
    move || match (lib.shared.get(), lib.open.get()) {
        (Some(fragment), _) => view! {
            <SharedAgenda fragment=fragment
                on_save=move |text: String| { to_library(); lib.import_shared(text); }
                on_leave=move |()| to_library() />
        }
        .into_any(),
        (None, None) => view! { <LibraryScreen /> }.into_any(),
        (None, Some(id)) => match storage::load(&id) {
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
