//! Where agenda records live: IndexedDB, where browsers give a site room by the gigabyte instead
//! of localStorage's 5 MiB for everything. One database, one object store of record texts (the
//! file format's JSON, as the localStorage records were) keyed by agenda id. Opened once per
//! page; where the browser has no IndexedDB for the page (some private modes, some pages opened
//! from disk), [`available`] says so and the records stay in localStorage as before.
//!
//! Every write is read back before it counts, as the localStorage writes are.

use std::cell::RefCell;
use std::rc::Rc;

use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode, TransactionResult};
use wasm_bindgen::JsValue;

use super::Refusal;

/// The database and its store. These names are what users' browsers hold: they cannot change.
pub const DATABASE: &str = "agendum";
pub const RECORDS: &str = "agendas";

thread_local! {
    /// The open database, or why it could not be opened: asked once per page.
    static OPENED: RefCell<Option<Result<Rc<Database>, String>>> = const { RefCell::new(None) };
}

async fn open_database() -> Result<Database, String> {
    let factory = Factory::new().map_err(|e| format!("{e}"))?;
    let mut request = factory.open(DATABASE, Some(1)).map_err(|e| format!("{e}"))?;
    request.on_upgrade_needed(|event| {
        if let Ok(db) = event.database() {
            if !db.store_names().iter().any(|n| n == RECORDS) {
                let _ = db.create_object_store(RECORDS, ObjectStoreParams::new());
            }
        }
    });
    request.await.map_err(|e| format!("{e}"))
}

async fn database() -> Result<Rc<Database>, String> {
    if let Some(known) = OPENED.with(|o| o.borrow().clone()) {
        return known;
    }
    let opened = open_database().await.map(Rc::new);
    OPENED.with(|o| *o.borrow_mut() = Some(opened.clone()));
    opened
}

/// Whether this page can keep records in IndexedDB.
pub async fn available() -> bool {
    database().await.is_ok()
}

/// The name of the DOMException behind a failed request, where there is one.
fn refusal(e: &idb::Error) -> Refusal {
    let name = match e {
        idb::Error::DomException(d) => Some(d.name()),
        _ => None,
    };
    match name.as_deref() {
        Some("QuotaExceededError") => Refusal::Full,
        _ if e.to_string().contains("QuotaExceeded") => Refusal::Full,
        _ => Refusal::Refused,
    }
}

/// The record kept under `id`, if any.
pub async fn get(id: &str) -> Result<Option<JsValue>, String> {
    let db = database().await?;
    let tx = db.transaction(&[RECORDS], TransactionMode::ReadOnly).map_err(|e| e.to_string())?;
    let store = tx.object_store(RECORDS).map_err(|e| e.to_string())?;
    let got =
        store.get(JsValue::from_str(id)).map_err(|e| e.to_string())?.await.map_err(|e| e.to_string())?;
    Ok(got)
}

/// The record kept under `id` as text, if any.
pub async fn text(id: &str) -> Result<Option<String>, String> {
    Ok(get(id).await?.and_then(|v| v.as_string()))
}

/// Writes a record and reads it back; refused, what was kept under `id` is as it was (a
/// transaction that does not commit changes nothing).
pub async fn put(id: &str, text: &str) -> Result<(), Refusal> {
    match put_value(id, &JsValue::from_str(text)).await {
        // Browsers do not all say why a write was refused (Firefox aborts a transaction that
        // would overwrite a record without naming the quota): a write that would not fit in
        // what the browser says is left is called so.
        Err(Refusal::Refused) if no_room_for(text.len()).await => Err(Refusal::Full),
        other => other,
    }
}

async fn no_room_for(bytes: usize) -> bool {
    super::space::estimate()
        .await
        .is_some_and(|e| e.quota - e.usage < bytes as f64 || e.usage > 0.95 * e.quota)
}

/// Writes a value as [`get`] gave it (putting a record back as it was) and reads it back.
pub async fn put_value(id: &str, value: &JsValue) -> Result<(), Refusal> {
    let db = database().await.map_err(|_| Refusal::Refused)?;
    let key = JsValue::from_str(id);
    let tx = db.transaction(&[RECORDS], TransactionMode::ReadWrite).map_err(|e| refusal(&e))?;
    let store = tx.object_store(RECORDS).map_err(|e| refusal(&e))?;
    store.put(value, Some(&key)).map_err(|e| refusal(&e))?.await.map_err(|e| refusal(&e))?;
    match tx.await {
        Ok(TransactionResult::Committed) => {}
        Ok(TransactionResult::Aborted) => return Err(Refusal::Refused),
        Err(e) => return Err(refusal(&e)),
    }
    // Compared in JavaScript: a record may be megabytes, and bringing it over only to compare
    // would copy it twice.
    match get(id).await {
        Ok(Some(back)) if back == *value => Ok(()),
        _ => Err(Refusal::NotKept),
    }
}

/// Removes the record kept under `id`; removing one that is not there is no error.
pub async fn remove(id: &str) -> Result<(), String> {
    let db = database().await?;
    let tx = db.transaction(&[RECORDS], TransactionMode::ReadWrite).map_err(|e| e.to_string())?;
    let store = tx.object_store(RECORDS).map_err(|e| e.to_string())?;
    store.delete(JsValue::from_str(id)).map_err(|e| e.to_string())?.await.map_err(|e| e.to_string())?;
    match tx.await {
        Ok(TransactionResult::Committed) => Ok(()),
        Ok(TransactionResult::Aborted) => Err("the browser did not remove it".to_string()),
        Err(e) => Err(e.to_string()),
    }
}
