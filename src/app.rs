//! The app: the library of agendas kept in this browser, and which agenda is open (in the URL
//! hash, so a reload comes back to it), or whether a share link is open. Importing files, by
//! picker or by dropping them anywhere, and saving a shared agenda live here too: an import
//! always adds to the library and never silently replaces.

use agendum_core::{bundle, format, templates, Agenda};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::compare::Comparison;
use crate::editor::Editor;
use crate::shared_view::SharedAgenda;
use crate::storage::{self, Listing};
use crate::{classes, files, word};

/// A name or title as the library shows it: whole up to 300 characters, then cut with "…". A
/// file may hold a title of millions of characters, and every button of its row is named by it.
fn short(s: &str) -> String {
    const MOST: usize = 300;
    match s.char_indices().nth(MOST) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

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
    Done(String),
    Deleted { name: String, removed: Box<storage::Removed> },
}

/// What a bundle holds beside one of its agendas: when it was last edited, and where it came
/// from; `None` for an agenda from a file of its own.
type Kept = Option<(Option<f64>, String)>;

/// What became of one file of an import. Each file has its own, listed in the order the files
/// were given, so that several files at once never replace each other's question or notice.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Reading,
    Imported(String),
    Refused(String),
    /// The file's agenda is one already here: the user decides, file by file. An agenda from a
    /// bundle brings when it was last edited and where it came from, kept if it replaces.
    Clash {
        agenda: Agenda,
        kept: Kept,
    },
    Replaced {
        name: String,
        old: storage::Removed,
    },
    Skipped(String),
    /// A bundle was read: its agendas each have a line of their own, those starting `parts`.
    Bundle {
        text: String,
        parts: String,
    },
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
            Outcome::Bundle { .. } => 6,
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

    /// Moves the records kept in localStorage into the browser's database, once a page: those
    /// of earlier versions, and the last save of a page that was closed. Done at start, whatever
    /// is shown: until then they take room in localStorage that the list needs. The library,
    /// if shown, is listed again with what could not be moved.
    fn move_records(self) {
        if !storage::to_move() {
            return;
        }
        spawn_local(async move {
            let problems = storage::move_to_database().await;
            if self.open.get_untracked().is_none() && self.shared.get_untracked().is_none() {
                let mut listing = storage::list();
                listing.problems.extend(problems);
                let _ = self.listing.try_set(listing);
            }
        });
    }

    /// Says what an action other than an import did; the notices of finished imports go, the
    /// questions still open stay.
    fn say(&self, m: Option<Message>) {
        self.message.set(m);
        self.imports.update(|l| l.retain(FileImport::pending));
    }

    /// Keeps an agenda in the library, with the note of where it came from; refused, nothing
    /// of it is kept and the library is as it was.
    async fn add(
        self,
        agenda: Agenda,
        edited: Option<f64>,
        origin: &str,
        open: bool,
    ) -> Result<(), storage::Refusal> {
        let id = agenda.id.clone();
        storage::keep(&agenda, edited, origin).await?;
        self.refresh();
        if open {
            self.open(&id);
        }
        Ok(())
    }

    /// Writes every agenda of the library into one bundle file, for a backup or another browser.
    async fn export_all(self) {
        self.say(None);
        let mut listing = storage::list();
        let mut agendas: Vec<(Agenda, f64, String)> = Vec::with_capacity(listing.agendas.len());
        for s in &listing.agendas {
            match storage::load(&s.id).await {
                Ok(a) => agendas.push((a, s.edited, s.origin.clone())),
                Err(e) => listing.problems.push(format!("\"{}\": {e}", s.name)),
            }
        }
        let entries: Vec<bundle::Entry> = agendas
            .iter()
            .map(|(a, t, o)| bundle::Entry { agenda: a, edited: Some(*t).filter(|t| *t > 0.0), origin: o })
            .collect();
        let text = bundle::write(&entries);
        let d = js_sys::Date::new_0();
        let name = format!(
            "agendas-{:04}-{:02}-{:02}.agendum-bundle.json",
            d.get_full_year(),
            d.get_month() + 1,
            d.get_date()
        );
        let n = entries.len();
        let left_out = if listing.problems.is_empty() {
            String::new()
        } else {
            " Records that could not be read are not in it: they are named below, kept as they were."
                .to_string()
        };
        self.listing.set(listing);
        self.message.set(Some(match files::download(&name, "application/json", text.as_bytes()) {
            Ok(()) => Message::Done(format!(
                "Exported {} to \"{name}\". Import it (here or in another browser) to bring them back.{left_out}",
                if n == 1 { "1 agenda".to_string() } else { format!("{n} agendas") }
            )),
            Err(e) => Message::Problem(e),
        }));
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
                    let removed = removed.get_value();
                    spawn_local(async move {
                        if let Err(r) = storage::restore(&removed).await {
                            let what = format!("\"{}\" could not be put back: it", removed.agenda.display_name());
                            self.say(Some(Message::Problem(r.arrival(&what))));
                            return;
                        }
                        done();
                        self.refresh();
                    });
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

    /// Takes a file's text: a new agenda in the library, or a question when its agenda is here;
    /// a bundle, each of its agendas so. `read` says what a Word file gave, for the notice.
    async fn import(self, key: u64, name: &str, text: &str, read: Option<&str>) {
        if bundle::is_bundle(text) {
            return self.import_bundle(key, name, text).await;
        }
        let outcome = match format::load(text) {
            Err(e) => Outcome::Refused(format!("\"{name}\" was not imported. {e}")),
            Ok(loaded) => self.arrive(name, loaded.agenda, loaded.migrated_from, read, None).await,
        };
        self.settle(key, outcome);
    }

    /// Takes a bundle: each agenda in it gets its own line, as if it were a file of its own,
    /// and is kept with when it was last edited and where it came from.
    async fn import_bundle(self, key: u64, name: &str, text: &str) {
        let agendas = match bundle::load(text) {
            Err(e) => return self.settle(key, Outcome::Refused(format!("\"{name}\" was not imported. {e}"))),
            Ok(a) => a,
        };
        let n = agendas.len();
        let text = match n {
            0 => format!("\"{name}\" is a bundle of no agendas: nothing to import."),
            1 => format!("\"{name}\" is a bundle of 1 agenda:"),
            n => format!("\"{name}\" is a bundle of {n} agendas, each below:"),
        };
        self.settle(key, Outcome::Bundle { text, parts: format!("{name}, agenda ") });
        for (i, got) in agendas.into_iter().enumerate() {
            let part = format!("{name}, agenda {} of {n}", i + 1);
            let outcome = match got {
                Err(e) => Outcome::Refused(format!("\"{name}\": {e}")),
                Ok(b) => {
                    // What was set aside beside the agenda (a last-edited time that is no time) is
                    // said with it.
                    let notes = b.notes.join(" ");
                    match self
                        .arrive(&part, b.agenda, b.migrated_from, None, Some((b.edited, b.origin)))
                        .await
                    {
                        Outcome::Imported(said) if !notes.is_empty() => {
                            Outcome::Imported(format!("{said} {notes}"))
                        }
                        outcome => outcome,
                    }
                }
            };
            let key = self.next_import.get_value();
            self.next_import.set_value(key + 1);
            self.imports.update(|l| l.push(FileImport { key, file: part, outcome }));
        }
    }

    /// An agenda read from `name`: kept as a new one, or a question when its id is here.
    /// `kept` is what a bundle holds beside it (last edited, where it came from).
    async fn arrive(
        self,
        name: &str,
        mut agenda: Agenda,
        migrated_from: Option<u32>,
        read: Option<&str>,
        kept: Kept,
    ) -> Outcome {
        // An agenda needs an id to be kept and opened; a file may have an empty one.
        if agenda.id.trim().is_empty() {
            agenda.id = new_id();
        }
        if storage::exists(&agenda.id) {
            Outcome::Clash { agenda, kept }
        } else {
            let shown = short(&agenda.display_name());
            let (edited, origin) = kept.unwrap_or_else(|| {
                (None, self.listing.with_untracked(|l| origin_note(l, &agenda.display_name(), Some(name))))
            });
            match self.add(agenda, edited, &origin, false).await {
                Err(r) => Outcome::Refused(not_stored(name, r)),
                Ok(()) => {
                    let note = match (read, migrated_from) {
                        (Some(read), _) => format!(" from Word: {read}"),
                        (None, Some(v)) => {
                            format!(" (it was in format version {v} and has been brought up to date).")
                        }
                        (None, None) => ".".to_string(),
                    };
                    Outcome::Imported(format!("Imported \"{shown}\"{note}"))
                }
            }
        }
    }

    /// The user's answer to a file whose agenda is already here.
    async fn decide(self, key: u64, file: &str, agenda: Agenda, kept: Kept, choice: Choice) {
        let name = short(&agenda.display_name());
        let outcome = match choice {
            Choice::Skip => Outcome::Skipped(format!("Skipped \"{file}\"; \"{name}\" here is unchanged.")),
            Choice::KeepBoth => {
                let origin =
                    self.listing.with_untracked(|l| origin_note(l, &agenda.display_name(), Some(file)));
                let mut a = agenda;
                a.id = new_id();
                match self.add(a, None, &origin, false).await {
                    Ok(()) => Outcome::Imported(format!(
                        "Kept both: \"{file}\" is listed as \"{name}\" ({origin})."
                    )),
                    Err(r) => Outcome::Refused(not_stored(file, r)),
                }
            }
            Choice::Replace => {
                // Written over the one here in one step and read back: refused, the one here is
                // untouched.
                let (edited, origin) = kept.unwrap_or_else(|| (None, format!("from {file}")));
                let replaced = storage::replace(&agenda, edited, &origin).await;
                self.refresh();
                match replaced {
                    Ok(Some(old)) => Outcome::Replaced { name, old },
                    Ok(None) => Outcome::Imported(format!("Imported \"{name}\".")),
                    Err(r) => Outcome::Refused(not_stored(file, r)),
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

    /// Answers every question still open about the agendas of one bundle alike.
    async fn decide_all(self, parts: &str, choice: Choice) {
        let open: Vec<(u64, String, Agenda, Kept)> = self.imports.with_untracked(|l| {
            l.iter()
                .filter(|i| i.file.starts_with(parts))
                .filter_map(|i| match &i.outcome {
                    Outcome::Clash { agenda, kept } => {
                        Some((i.key, i.file.clone(), agenda.clone(), kept.clone()))
                    }
                    _ => None,
                })
                .collect()
        });
        for (key, file, agenda, kept) in open {
            self.decide(key, &file, agenda, kept, choice).await;
        }
    }

    /// Takes an agenda opened from a share link into the library, as a file is taken: with a
    /// question if it is already here.
    fn import_shared(self, text: String) {
        self.say(None);
        let key = self.next_import.get_value();
        self.next_import.set_value(key + 1);
        let file = "the shared link".to_string();
        self.imports.update(|l| l.push(FileImport { key, file: file.clone(), outcome: Outcome::Reading }));
        spawn_local(async move { self.import(key, &file, &text, None).await });
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
            // A bundle may be larger than an agenda file; which it is is known once it is read,
            // and an agenda file over its own limit is refused then.
            if file.size() > bundle::MAX_BUNDLE_BYTES as f64 {
                self.settle(
                    key,
                    too_large(
                        &name,
                        file.size(),
                        "bundles of agendas are at most",
                        bundle::MAX_BUNDLE_BYTES as f64,
                    ),
                );
                continue;
            }
            spawn_local(async move {
                match files::read_text(file).await {
                    Ok(text) => self.import(key, &name, &text, None).await,
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
                Ok((text, read)) => self.import(key, &name, &text, Some(&read)).await,
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
        Outcome::Bundle { text, parts } => {
            let parts = StoredValue::new(parts);
            // Fifty agendas already here need not be fifty answers.
            let asking = move || {
                let p = parts.get_value();
                lib.imports.with(|l| {
                    l.iter()
                        .filter(|i| i.file.starts_with(&p) && matches!(i.outcome, Outcome::Clash { .. }))
                        .count()
                })
            };
            view! {
                <div class="notice" role="status">
                    <span>{text}</span>
                    <Show when=move || { asking() > 1 }>
                        <button type="button" on:click=move |_| spawn_local(async move { lib.decide_all(&parts.get_value(), Choice::Replace).await })>
                            {move || format!("Replace all {} already here", asking())}
                        </button>
                        <button type="button" on:click=move |_| spawn_local(async move { lib.decide_all(&parts.get_value(), Choice::Skip).await })>
                            {move || format!("Skip all {}", asking())}
                        </button>
                    </Show>
                </div>
            }
            .into_any()
        }
        Outcome::Replaced { name, old } => {
            let text = format!("Replaced \"{name}\" with \"{file}\".");
            let undone = StoredValue::new(format!("Undone: \"{name}\" is as it was before the import."));
            lib.undoable(text, old, move || lib.settle(key, Outcome::Skipped(undone.get_value()))).into_any()
        }
        Outcome::Clash { agenda, kept } => {
            let name = short(&agenda.display_name());
            let agenda = StoredValue::new(agenda);
            let kept = StoredValue::new(kept);
            let file = StoredValue::new(file);
            let choose = move |choice| {
                spawn_local(async move {
                    lib.decide(key, &file.get_value(), agenda.get_value(), kept.get_value(), choice).await
                })
            };
            let comparing = RwSignal::new(false);
            // Read when asked, not when the file arrives: a bundle may bring fifty agendas here.
            let here = RwSignal::new(None::<Result<Agenda, String>>);
            let compare = move |_| {
                comparing.update(|c| *c = !*c);
                if comparing.get_untracked() && here.with_untracked(Option::is_none) {
                    let id = agenda.with_value(|a| a.id.clone());
                    spawn_local(async move {
                        let got = storage::load(&id).await;
                        let _ = here.try_set(Some(got));
                    });
                }
            };
            let comparison = move || {
                if !comparing.get() {
                    return None;
                }
                here.get().map(|got| match got {
                    Ok(old) => view! { <Comparison old=old new=agenda.get_value() /> }.into_any(),
                    Err(e) => view! { <p role="alert">{format!("The agenda here could not be read to compare: {e}")}</p> }
                        .into_any(),
                })
            };
            view! {
                <div class="banner import-clash" role="group" aria-label=format!("\"{}\" is already here", file.get_value())>
                    <p>{format!("\"{}\" holds \"{name}\", which is already in this browser. Compare them, replace the one here, keep both, or skip this file?", file.get_value())}</p>
                    {comparison}
                    <button type="button" on:click=move |_| choose(Choice::Replace)>"Replace"</button>
                    <button type="button" on:click=move |_| choose(Choice::KeepBoth)>"Keep both"</button>
                    <button type="button" on:click=move |_| choose(Choice::Skip)>"Skip"</button>
                    <button type="button" aria-expanded=move || comparing.get().to_string()
                        on:click=compare>
                        {move || if comparing.get() { "Hide the changes" } else { "Compare" }}
                    </button>
                </div>
            }
            .into_any()
        }
    }
}

/// The refusal of a file whose agenda the browser did not keep: in those words, and what to do.
fn not_stored(file: &str, r: storage::Refusal) -> String {
    r.arrival(&format!("\"{file}\" was not imported: the agenda it holds"))
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
        short(&summary.name)
    } else {
        format!("{} ({})", short(&summary.name), short(&summary.origin))
    };
    let title = short(&summary.title);
    let open = move |_| lib.open(&id.get_value());
    let duplicate = move |_| {
        lib.say(None);
        spawn_local(async move {
            let made = match storage::load(&id.get_value()).await {
                Ok(mut a) => {
                    a.id = new_id();
                    a.title = format!("{} (copy)", a.title.trim());
                    let origin = lib.listing.with_untracked(|l| origin_note(l, &a.display_name(), None));
                    lib.add(a, None, &origin, false).await.map_err(|r| r.arrival("The copy"))
                }
                Err(e) => Err(e),
            };
            if let Err(e) = made {
                lib.say(Some(Message::Problem(e)));
            }
        });
    };
    let delete = {
        let name = StoredValue::new(name.clone());
        move |_| {
            spawn_local(async move {
                match storage::delete(&id.get_value()).await {
                    Ok(Some(removed)) => {
                        lib.refresh();
                        lib.say(Some(Message::Deleted {
                            name: name.get_value(),
                            removed: Box::new(removed),
                        }));
                    }
                    Ok(None) => {
                        lib.refresh();
                        lib.say(Some(Message::Done(format!(
                            "Removed \"{}\" from the list. Its record could not be read, so it cannot be put back; what there was of it is kept aside in this browser, as it was.",
                            name.get_value()
                        ))));
                    }
                    Err(e) => lib.say(Some(Message::Problem(e))),
                }
            });
        }
    };
    let origin = StoredValue::new(summary.origin.clone());
    let rename_to = move |new_title: String| {
        renaming.set(false);
        spawn_local(async move {
            let renamed = match storage::load(&id.get_value()).await {
                Ok(a) if a.title == new_title => Ok(()),
                Ok(mut a) => {
                    a.title = new_title;
                    storage::keep(&a, None, &origin.get_value())
                        .await
                        .map(|_| lib.refresh())
                        .map_err(|r| r.arrival("The new title"))
                }
                Err(e) => Err(e),
            };
            if let Err(e) = renamed {
                lib.say(Some(Message::Problem(e)));
            }
        });
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
            <td>{short(&summary.document)}</td>
            <td>
                <Show when=move || renaming.get() fallback={
                    let title = title.clone();
                    let origin = summary.origin.clone();
                    move || view! {
                        <span class="title-text">{if title.is_empty() { "Untitled agenda".to_string() } else { title.clone() }}</span>
                        {(!origin.is_empty()).then(|| view! { <span class="origin">{short(&origin)}</span> })}
                    }
                }>
                    <input type="text" node_ref=input_ref aria-label=format!("New title for {}", short(&summary.name))
                        value=summary.title.clone()
                        on:keydown=move |ev: ev::KeyboardEvent| {
                            if ev.key() == "Enter" { rename_to(event_target_value(&ev)); }
                            if ev.key() == "Escape" { renaming.set(false); }
                        }
                        on:blur=move |ev| if renaming.get_untracked() { rename_to(event_target_value(&ev)) } />
                </Show>
            </td>
            <td>{short(&summary.meeting)}</td>
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

/// A size in characters or bytes, as people read it: "340 KiB", "1.2 MiB", "10.0 GiB".
fn size(n: f64) -> String {
    const KIB: f64 = 1024.0;
    // An empty library's sum is -0 (Rust sums floats from -0): shown as 0, not "-0 KiB".
    let n = n + 0.0;
    if n < KIB * KIB {
        format!("{:.0} KiB", (n / KIB).ceil())
    } else if n < KIB * KIB * KIB {
        format!("{:.1} MiB", n / (KIB * KIB))
    } else {
        format!("{:.1} GiB", n / (KIB * KIB * KIB))
    }
}

/// How much room the agendas take and the browser gives, and whether the browser has promised
/// to keep them; where it has not, the way out (install the app, keep a backup).
#[component]
fn Room() -> impl IntoView {
    let lib = expect_context::<Library>();
    let used = Memo::new(move |_| lib.listing.with(storage::used));
    let in_database = RwSignal::new(None::<bool>);
    spawn_local(async move {
        let _ = in_database.try_set(Some(storage::in_database().await));
    });
    let estimate = RwSignal::new(None::<storage::Estimate>);
    let kept = RwSignal::new(None::<bool>);
    Effect::new(move |_| {
        lib.listing.track();
        spawn_local(async move {
            let e = storage::estimate().await;
            let _ = estimate.try_set(e);
        });
    });
    // Only looked up here; asked for by the user's press below. Firefox and WebKit ask the user
    // whether to allow it, and a question no one asked for, raised while the library opens,
    // took the keyboard from the page in WebKit until it was answered.
    Effect::new(move |_| {
        lib.listing.track();
        spawn_local(async move {
            let granted = storage::persisted().await;
            let _ = kept.try_set(granted);
        });
    });
    let ask_to_keep = move |_| {
        spawn_local(async move {
            let granted = storage::persist().await;
            let _ = kept.try_set(granted);
        });
    };
    let share = move || used.get().1 / storage::LOCAL_ROOM;
    view! {
        <section class="room" aria-label="Room in this browser">
            <p class:full=move || { share() > 0.9 }>
                {move || {
                    let (records, local) = used.get();
                    let percent = (share() * 100.0).min(100.0) + 0.0;
                    if in_database.get() == Some(true) {
                        format!(
                            "Agendas take {} in this browser's database. The list of them and the settings take {} of the about {} of its local storage: {percent:.0}% used.",
                            size(records), size(local), size(storage::LOCAL_ROOM)
                        )
                    } else {
                        format!(
                            "Agendas take {} of the about {} this browser gives them (its local storage for this page): {percent:.0}% used.",
                            size(local), size(storage::LOCAL_ROOM)
                        )
                    }
                }}
                " "
                <meter min="0" max="1" high="0.9" value=move || share().min(1.0) aria-label="Share of the room used"></meter>
            </p>
            {move || estimate.get().map(|e| view! {
                <p class="estimate">{format!(
                    "The browser counts {} used by this site in all, and would allow it {}.",
                    size(e.usage), size(e.quota)
                )}</p>
            })}
            <Show when=move || kept.get() != Some(true)>
                <p class="eviction" role="note">
                    "This browser has not promised to keep these agendas: it may delete them when it runs short of space, and Safari deletes them after 7 days without a visit. "
                    "To keep them safe, install Agendum as an app (the install icon in the address bar, or Add to Dock / Add to Home Screen in Safari), and keep a backup: Export all writes every agenda into one file."
                </p>
                <button type="button" on:click=ask_to_keep
                    title="Some browsers ask you first; others decide from how often the site is used">"Ask this browser to keep them"</button>
            </Show>
        </section>
    }
}

#[component]
fn LibraryScreen() -> impl IntoView {
    let lib = expect_context::<Library>();
    let create = move |a: Agenda| {
        lib.say(None);
        spawn_local(async move {
            if let Err(r) = lib.add(a, None, "", true).await {
                lib.say(Some(Message::Problem(r.arrival("The new agenda"))));
            }
        });
    };
    let file_ref = NodeRef::<leptos::html::Input>::new();
    let message = move || {
        lib.message.get().map(|m| match m {
            Message::Problem(t) => {
                view! { <div class="banner error" role="alert"><p>{t}</p></div> }.into_any()
            }
            Message::Done(t) => view! { <div class="notice" role="status"><span>{t}</span></div> }.into_any(),
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
                <button type="button" on:click=move |_| spawn_local(lib.export_all())
                    disabled=move || lib.listing.with(|l| l.agendas.is_empty())>"Export all"</button>
                <input type="file" accept=".json,application/json,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" node_ref=file_ref class="visually-hidden" tabindex="-1"
                    aria-label="Agenda file to import" multiple
                    on:change=move |ev: ev::Event| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        lib.import_files(input.files());
                        input.set_value("");
                    } />
            </div>
            <Room />
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
    // Listing quarantines unreadable records and migrates old ones: opening one agenda
    // straight from its address need not wait for that, so the list is read when the library
    // is shown.
    let open = hash_id();
    let shared = shared_fragment();
    let listed_now = open.is_none() && shared.is_none();
    let lib = Library {
        listing: RwSignal::new(Listing::default()),
        message: RwSignal::new(None),
        imports: RwSignal::new(Vec::new()),
        next_import: StoredValue::new(0),
        open: RwSignal::new(open),
        shared: RwSignal::new(shared),
    };
    provide_context(lib);
    if listed_now {
        lib.refresh();
    }
    lib.move_records();
    let hash = window_event_listener(ev::hashchange, move |_| {
        let open = hash_id();
        let shared = shared_fragment();
        if open.is_none()
            && shared.is_none()
            && (lib.open.get_untracked().is_some() || lib.shared.get_untracked().is_some())
        {
            lib.refresh();
        }
        // Set only when they change: opening from the library sets the address and these at
        // once, and setting them again would build the editor a second time.
        if lib.shared.get_untracked() != shared {
            lib.shared.set(shared);
        }
        if lib.open.get_untracked() != open {
            lib.open.set(open);
        }
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
        (None, Some(id)) => view! { <Opening id=id on_close=close /> }.into_any(),
    }
}

/// An agenda opened from the library or from its address: read from the browser's storage,
/// then edited, or the reason it cannot be.
#[component]
fn Opening(id: String, on_close: Callback<()>) -> impl IntoView {
    let got = RwSignal::new(None::<Result<Agenda, String>>);
    spawn_local(async move {
        let read = storage::load(&id).await;
        let _ = got.try_set(Some(read));
    });
    move || match got.get() {
        None => {
            view! { <main class="library" aria-busy="true"><p>"Opening the agenda …"</p></main> }.into_any()
        }
        Some(Ok(agenda)) => view! { <Editor agenda=agenda on_close=on_close /> }.into_any(),
        Some(Err(e)) => view! {
            <main class="library">
                <div class="banner error" role="alert"><p>{e}</p></div>
                <button type="button" on:click=move |_| on_close.run(())>"Back to all agendas"</button>
            </main>
        }
        .into_any(),
    }
}
