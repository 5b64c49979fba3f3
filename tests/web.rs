//! Browser tests (wasm-bindgen-test in headless Chromium): what only a real browser can show —
//! the browser's database and localStorage keeping agendas, quarantining bad records and moving
//! old ones into the database, and the mounted app reacting to clicks with its live checks.
#![cfg(target_arch = "wasm32")]

use agendum_app::storage;
use agendum_core::templates;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

fn button(root: &web_sys::Element, text: &str) -> web_sys::HtmlElement {
    let all = root.query_selector_all("button").unwrap();
    (0..all.length())
        .filter_map(|i| all.item(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no button \"{text}\""))
}

async fn settle() {
    for _ in 0..4 {
        tick().await;
    }
}

/// The browser's database, as the app makes it.
async fn database() -> idb::Database {
    let mut open = idb::Factory::new().unwrap().open(storage::DATABASE, Some(1)).unwrap();
    open.on_upgrade_needed(|event| {
        use idb::DatabaseEvent;
        let db = event.database().unwrap();
        if !db.store_names().iter().any(|n| n == storage::RECORDS) {
            db.create_object_store(storage::RECORDS, idb::ObjectStoreParams::new()).unwrap();
        }
    });
    open.await.unwrap()
}

/// An empty browser: nothing in localStorage, no record in the database.
async fn clear() {
    local().clear().unwrap();
    let db = database().await;
    let tx = db.transaction(&[storage::RECORDS], idb::TransactionMode::ReadWrite).unwrap();
    tx.object_store(storage::RECORDS).unwrap().clear().unwrap().await.unwrap();
    tx.await.unwrap();
    db.close();
}

/// The record the database holds for an agenda, as it is.
async fn in_database(id: &str) -> Option<String> {
    let db = database().await;
    let tx = db.transaction(&[storage::RECORDS], idb::TransactionMode::ReadOnly).unwrap();
    let got =
        tx.object_store(storage::RECORDS).unwrap().get(wasm_bindgen::JsValue::from_str(id)).unwrap().await;
    db.close();
    got.unwrap().and_then(|v| v.as_string())
}

#[wasm_bindgen_test]
async fn saved_agendas_come_back_newest_first() {
    clear().await;
    let mut a = templates::td514("one");
    storage::keep(&a, Some(1000.0), "").await.unwrap();
    a.id = "two".into();
    a.title = "Second".into();
    storage::keep(&a, Some(2000.0), "").await.unwrap();
    let listing = storage::list();
    assert!(listing.problems.is_empty(), "{:?}", listing.problems);
    let names: Vec<&str> = listing.agendas.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["TD514 Second", "TD514 Agenda, RG-SOP"]);
    assert_eq!(storage::load("two").await.unwrap(), a);
    // The library's Meeting column shows the meeting, not its dates.
    assert_eq!(listing.agendas[1].meeting, "TSAG meeting");
}

#[wasm_bindgen_test]
async fn a_corrupt_record_is_quarantined_and_the_others_still_open() {
    clear().await;
    storage::keep(&templates::td514("good"), None, "").await.unwrap();
    local().set_item("agendum.agenda.bad", "{\"format\":\"agendum\",\"version\":2,\"agen").unwrap();
    let listing = storage::list();
    assert_eq!(listing.agendas.len(), 1);
    assert_eq!(listing.problems.len(), 1);
    assert!(listing.problems[0].contains("could not be read"), "{}", listing.problems[0]);
    // The bad bytes are kept, unchanged, under a quarantine key named in the message.
    let n = local().length().unwrap();
    let quarantined: Vec<String> = (0..n)
        .filter_map(|i| local().key(i).unwrap())
        .filter(|k| k.starts_with("agendum.quarantine.bad"))
        .collect();
    assert_eq!(quarantined.len(), 1);
    assert!(listing.problems[0].contains(&quarantined[0]));
    assert_eq!(
        local().get_item(&quarantined[0]).unwrap().as_deref(),
        Some("{\"format\":\"agendum\",\"version\":2,\"agen")
    );
    assert!(local().get_item("agendum.agenda.bad").unwrap().is_none());
    // Listing again finds nothing new to complain about, and moving finds nothing to move.
    assert!(storage::list().problems.is_empty());
    assert!(storage::move_to_database().await.is_empty());
    assert_eq!(storage::load("good").await.unwrap().document, "TD514");
}

#[wasm_bindgen_test]
async fn the_example_shows_its_one_finding_and_a_fix_clears_it() {
    clear().await;
    let _ = window().location().set_hash("");
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let _app = leptos::mount::mount_to(root.clone().unchecked_into(), agendum_app::App);
    settle().await;
    button(&root, "Open the TD514 example").click();
    // The example is kept in the browser's database, then read back to open.
    for _ in 0..200 {
        if root.query_selector(".counts").unwrap().is_some() {
            break;
        }
        frame().await;
    }
    let counts = root.query_selector(".counts").unwrap().expect("the checks panel is shown");
    assert_eq!(counts.text_content().unwrap(), "0 errors · 1 warning · 0 notes");
    button(&root, "Fix: Change to \"Information\"").click();
    settle().await;
    assert_eq!(counts.text_content().unwrap(), "0 errors · 0 warnings · 0 notes");
    // Undo brings the typo back.
    button(&root, "Undo").click();
    settle().await;
    assert_eq!(counts.text_content().unwrap(), "0 errors · 1 warning · 0 notes");
    root.remove();
    let _ = window().location().set_hash("");
}

#[wasm_bindgen_test]
async fn a_record_of_an_older_format_is_migrated_and_moved_into_the_database() {
    clear().await;
    let v1 = include_str!("../core/tests/fixtures/td514.v1.agenda.json");
    local().set_item("agendum.agenda.old", v1).unwrap();
    local().set_item("agendum.edited.old", "1733100000000").unwrap();
    local().set_item("agendum.revision.old", "3").unwrap();
    let listing = storage::list();
    assert!(listing.problems.is_empty(), "{:?}", listing.problems);
    assert_eq!(listing.agendas.len(), 1);
    let stored = local().get_item("agendum.agenda.old").unwrap().unwrap();
    let reread = agendum_core::format::load(&stored).unwrap();
    assert_eq!(reread.migrated_from, None, "the record is saved in the current version");
    let n = local().length().unwrap();
    let backups =
        (0..n).filter_map(|i| local().key(i).unwrap()).filter(|k| k.starts_with("agendum.premigration."));
    assert_eq!(backups.count(), 0, "the old copy is dropped once the new one is saved");
    // Moved: the database holds it, localStorage no longer does, and nothing else changed.
    let count = storage::save_count("old");
    assert!(storage::to_move());
    assert!(storage::move_to_database().await.is_empty());
    assert!(!storage::to_move());
    assert_eq!(local().get_item("agendum.agenda.old").unwrap(), None);
    assert_eq!(in_database("old").await, Some(stored));
    assert_eq!(storage::list().agendas, listing.agendas, "listed as before, now without its record");
    assert_eq!(storage::save_count("old"), count, "a tab editing it does not take the move for a save");
    let agenda = storage::load("old").await.unwrap();
    assert_eq!(
        agenda.sessions[0].items[1].children[1].actions,
        ["To consider", "To be approved by WP2 Plenary"]
    );
}

#[wasm_bindgen_test]
async fn a_save_over_another_tabs_newer_save_is_refused() {
    clear().await;
    let mut a = templates::td514("shared");
    let base = storage::keep(&a, None, "").await.unwrap();
    // Another tab saves…
    a.title = "Saved by the other tab".into();
    storage::keep(&a, None, "").await.unwrap();
    // …so this tab, still at `base`, must not overwrite it.
    a.title = "Saved by this tab".into();
    assert_eq!(storage::save_over(&a, base).await, Err(storage::SaveError::Conflict));
    assert_eq!(storage::load("shared").await.unwrap().title, "Saved by the other tab");
    // Once it has the other tab's save, its own goes through.
    let saved = storage::save_over(&a, storage::save_count("shared")).await;
    assert_eq!(saved, Ok(storage::save_count("shared")));
    assert!(saved.unwrap() > base + 1, "a new count for the other tabs to see");
    assert_eq!(storage::load("shared").await.unwrap().title, "Saved by this tab");
}

#[wasm_bindgen_test]
async fn what_is_saved_as_the_page_is_left_opens_next_time_and_goes_to_the_database() {
    clear().await;
    let mut a = templates::td514("left");
    let base = storage::keep(&a, None, "").await.unwrap();
    a.title = "Typed just before the tab was closed".into();
    // Written at once to localStorage: the database's write may not finish.
    let count = storage::save_on_leaving(&a).unwrap();
    assert_eq!(count, base + 1);
    assert_eq!(storage::load("left").await.unwrap().title, "Typed just before the tab was closed");
    assert_eq!(storage::list().agendas[0].title, "Typed just before the tab was closed");
    // At the next start it is moved.
    storage::move_to_database().await;
    assert_eq!(local().get_item("agendum.agenda.left").unwrap(), None);
    assert_eq!(storage::load("left").await.unwrap().title, "Typed just before the tab was closed");
    assert_eq!(storage::list().agendas[0].title, "Typed just before the tab was closed");
}

#[wasm_bindgen_test]
async fn the_recovery_screen_offers_every_stored_agenda_as_a_download() {
    clear().await;
    storage::keep(&templates::td514("one"), None, "").await.unwrap();
    local().set_item("agendum.quarantine.two.1", "not json").unwrap();
    agendum_app::recovery::show("test failure");
    let screen = document().get_element_by_id("recovery").expect("the recovery screen is shown");
    let text = screen.text_content().unwrap();
    assert!(text.contains("Agendum stopped working"));
    assert!(text.contains("What went wrong: test failure"));
    // The database's records are added once read: wait for them, a frame at a time.
    let links = || screen.query_selector_all("a[download]").unwrap();
    for _ in 0..200 {
        if links().length() >= 2 {
            break;
        }
        frame().await;
    }
    let links = links();
    assert_eq!(links.length(), 2);
    let labels: Vec<String> =
        (0..links.length()).map(|i| links.item(i).unwrap().text_content().unwrap()).collect();
    assert!(labels.contains(&"Download TD514 Agenda, RG-SOP".to_string()), "{labels:?}");
    assert!(
        labels.iter().any(|l| l.starts_with("Download Unreadable record agendum.quarantine.two")),
        "{labels:?}"
    );
    // Showing it twice does not stack screens.
    agendum_app::recovery::show("again");
    assert_eq!(document().query_selector_all("#recovery").unwrap().length(), 1);
    screen.remove();
    let children = document().body().unwrap().children();
    for i in 0..children.length() {
        children.item(i).unwrap().remove_attribute("hidden").unwrap();
    }
}

/// The next animation frame.
async fn frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn a_saved_agenda_is_kept_as_the_file_format_s_own_text_with_its_counters_beside_it() {
    clear().await;
    let a = templates::td514("kept");
    storage::keep(&a, Some(1733100000000.0), "").await.unwrap();
    storage::keep(&a, Some(1733100000000.0), "").await.unwrap();
    // Users' browsers hold these bytes: a record is the file, not a JSON string of it.
    assert_eq!(in_database("kept").await, Some(agendum_core::format::record(&a)));
    assert_eq!(local().get_item("agendum.agenda.kept").unwrap(), None, "the record is not in localStorage");
    assert_eq!(local().get_item("agendum.revision.kept").unwrap().as_deref(), Some("2"));
    assert_eq!(local().get_item("agendum.edited.kept").unwrap().as_deref(), Some("1733100000000"));
    assert_eq!(storage::save_count("kept"), 2);
    assert!(storage::delete("kept").await.unwrap().is_some(), "what was deleted is returned, for Undo");
    assert_eq!(local().length().unwrap(), 0, "deleting removes the record and its counters");
    assert_eq!(in_database("kept").await, None);
}

#[wasm_bindgen_test]
async fn an_unreadable_record_does_not_open_says_why_and_is_deleted_with_its_bytes_kept_aside() {
    clear().await;
    storage::keep(&templates::td514("ghost"), None, "").await.unwrap();
    let db = database().await;
    let tx = db.transaction(&[storage::RECORDS], idb::TransactionMode::ReadWrite).unwrap();
    let store = tx.object_store(storage::RECORDS).unwrap();
    let key = wasm_bindgen::JsValue::from_str("ghost");
    store.put(&"{\"format\":\"agen".into(), Some(&key)).unwrap().await.unwrap();
    tx.await.unwrap();
    db.close();
    let e = storage::load("ghost").await.unwrap_err();
    assert!(e.starts_with("This agenda could not be read"), "{e}");
    assert_eq!(storage::delete("ghost").await, Ok(None), "nothing readable to put back");
    assert!(storage::list().agendas.is_empty(), "the line goes all the same");
    let db = database().await;
    let tx = db.transaction(&[storage::RECORDS], idb::TransactionMode::ReadOnly).unwrap();
    let keys = tx.object_store(storage::RECORDS).unwrap().get_all_keys(None, None).unwrap().await.unwrap();
    db.close();
    let keys: Vec<String> = keys.iter().filter_map(|k| k.as_string()).collect();
    assert_eq!(keys.len(), 1, "{keys:?}");
    assert!(keys[0].starts_with("quarantine.ghost."), "{keys:?}");
    assert_eq!(in_database(&keys[0]).await.as_deref(), Some("{\"format\":\"agen"));
}

/// Fills localStorage to the last character, as a full browser is.
fn fill_storage() {
    let mut chunk = 1usize << 20;
    let mut i = 0;
    while chunk > 0 {
        if local().set_item(&format!("filler.{i}"), &"x".repeat(chunk)).is_err() {
            chunk /= 2;
        }
        i += 1;
    }
}

#[wasm_bindgen_test]
async fn an_agenda_that_does_not_fit_is_refused_and_leaves_nothing_behind() {
    clear().await;
    let small = templates::td514("here");
    storage::keep(&small, Some(1000.0), "from here.json").await.unwrap();
    fill_storage();
    let mut big = templates::td514("new");
    big.notes = "n".repeat(200_000);
    assert_eq!(storage::keep(&big, None, "from big.json").await, Err(storage::Refusal::Full));
    assert!(!storage::exists("new"), "no record of the refused agenda");
    assert_eq!(in_database("new").await, None);
    assert_eq!(local().get_item("agendum.revision.new").unwrap(), None);
    // Replace with what does not fit: the one here is kept whole, its counters and note too.
    big.id = "here".into();
    assert_eq!(storage::replace(&big, None, "from big.json").await, Err(storage::Refusal::Full));
    assert_eq!(storage::load("here").await.unwrap(), small);
    assert_eq!(storage::save_count("here"), 1);
    let listing = storage::list();
    assert_eq!(listing.agendas.len(), 1);
    assert_eq!(listing.agendas[0].origin, "from here.json");
    assert_eq!(listing.agendas[0].edited, 1000.0);
    let (_, local_used) = storage::used(&listing);
    assert!(local_used > storage::LOCAL_ROOM * 0.9, "{local_used}");
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn replace_keeps_what_it_replaced_for_undo() {
    clear().await;
    let old = templates::td514("same");
    storage::keep(&old, Some(1000.0), "from old.json").await.unwrap();
    let mut new = old.clone();
    new.title = "Newer".into();
    let replaced =
        storage::replace(&new, None, "from new.json").await.unwrap().expect("the old one is returned");
    assert_eq!(replaced.agenda, old);
    assert_eq!((replaced.edited, replaced.origin.as_str()), (1000.0, "from old.json"));
    assert_eq!(storage::load("same").await.unwrap().title, "Newer");
    storage::restore(&replaced).await.unwrap();
    assert_eq!(storage::load("same").await.unwrap(), old);
    assert_eq!(storage::list().agendas[0].origin, "from old.json");
}
