//! Which rows of the long tables (the items and Annex A, past `LONG` rows each) are built: only
//! those near the viewport. The others stay in the table as empty rows of their last height,
//! so the scroll bar, numbering and dragging see the whole list.
//!
//! Why: every built row holds a few dozen reactive nodes (its fields' values and marks), and
//! every keystroke sends the reactive graph through all of them to find most unchanged. At 500
//! items and 1,000 documents that walk was most of a keystroke's 100 ms; with only the rows in
//! reach of the screen built, it is a few dozen rows whatever the agenda's size.
//!
//! A row is kept while it holds the focus or a field's "cannot read this" message, so scrolling
//! away never drops what is being typed; a finding's "go to" builds its row first (`reveal`).

use std::collections::HashMap;

use leptos::html::Tr;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

use crate::doc::{Doc, Owner};
use crate::editor::LONG;

/// How far beyond the viewport rows are built: a screen or two, so that scrolling by wheel or
/// keyboard, and Tab into the next row, find rows already there.
const MARGIN: &str = "1200px 0px";

#[derive(Clone, Copy)]
struct Place {
    near: RwSignal<bool>,
    /// The row's height when it was last built, for its empty stand-in.
    height: RwSignal<Option<f64>>,
}

type Observer = (IntersectionObserver, Closure<dyn Fn(js_sys::Array)>);

/// The editor's register of rows and the one observer that tells which are near the viewport.
#[derive(Clone, Copy)]
pub struct LazyRows {
    places: StoredValue<HashMap<Owner, Place>>,
    observer: StoredValue<Option<Observer>, LocalStorage>,
    long_items: Memo<bool>,
    long_register: Memo<bool>,
}

/// One row's part: the element to observe, and whether its cells are built.
#[derive(Clone, Copy)]
pub struct LazyRow {
    pub node: NodeRef<Tr>,
    pub built: Memo<bool>,
    place: Place,
    key: Owner,
}

impl LazyRow {
    /// The `data-row` attribute the observer knows the row by.
    pub fn attribute(&self) -> String {
        match self.key {
            Owner::Item(i) => format!("i{}", i.0),
            Owner::Entry(e) => format!("e{}", e.0),
        }
    }

    /// The stand-in's height while the row is not built.
    pub fn height(&self) -> Option<String> {
        let place = self.place;
        (!self.built.get()).then(|| place.height.get().map(|h| format!("{h}px"))).flatten()
    }
}

fn owner_of(attribute: &str) -> Option<Owner> {
    let (kind, n) = attribute.split_at_checked(1)?;
    let n = n.parse().ok()?;
    match kind {
        "i" => Some(Owner::Item(agendum_core::model::ItemId(n))),
        "e" => Some(Owner::Entry(agendum_core::model::EntryId(n))),
        _ => None,
    }
}

/// Whether a row holds something only its DOM has: the focus, or text that could not be read
/// (kept in the field with its message, not in the agenda).
fn holds_work(row: &Element, active: Option<&Element>) -> bool {
    active.is_some_and(|a| row.contains(Some(a)))
        || row.query_selector(".field-problem").ok().flatten().is_some()
}

impl LazyRows {
    pub fn new(doc: Doc) -> LazyRows {
        let places: StoredValue<HashMap<Owner, Place>> = StoredValue::new(HashMap::new());
        let seen = move |entries: js_sys::Array| {
            let active = document().active_element();
            for entry in entries.iter() {
                let entry: IntersectionObserverEntry = entry.unchecked_into();
                let row = entry.target();
                let Some(of) = row.get_attribute("data-row").as_deref().and_then(owner_of) else { continue };
                let Some(place) = places.with_value(|p| p.get(&of).copied()) else { continue };
                if entry.is_intersecting() {
                    if !place.near.get_untracked() {
                        place.near.set(true);
                    }
                } else if place.near.get_untracked() && !holds_work(&row, active.as_ref()) {
                    let h = entry.bounding_client_rect().height();
                    if h > 0.0 {
                        place.height.set(Some(h));
                    }
                    place.near.set(false);
                }
            }
        };
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(seen);
        let options = IntersectionObserverInit::new();
        options.set_root_margin(MARGIN);
        let observer = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
            .ok()
            .map(|o| (o, callback));
        let observer = StoredValue::new_local(observer);
        on_cleanup(move || {
            observer.try_with_value(|o| o.as_ref().map(|(o, _)| o.disconnect()));
        });
        LazyRows {
            places,
            observer,
            long_items: Memo::new(move |_| doc.rows.with(|r| r.len() > LONG)),
            long_register: Memo::new(move |_| doc.entry_positions.with(|p| p.len() > LONG)),
        }
    }

    /// Registers a row as it is created; its cells are built while it is near the viewport, or
    /// always when its table is short (or the browser has no IntersectionObserver).
    pub fn row(self, key: Owner) -> LazyRow {
        let place = Place { near: RwSignal::new(false), height: RwSignal::new(None) };
        self.places.update_value(|p| {
            p.insert(key, place);
        });
        let long = match key {
            Owner::Item(_) => self.long_items,
            Owner::Entry(_) => self.long_register,
        };
        let observing = self.observer.with_value(Option::is_some);
        let built = Memo::new(move |_| !observing || !long.get() || place.near.get());
        let node = NodeRef::<Tr>::new();
        let observer = self.observer;
        node.on_load(move |el| {
            observer.with_value(|o| {
                if let Some((o, _)) = o {
                    o.observe(&el);
                }
            })
        });
        let places = self.places;
        on_cleanup(move || {
            // A row moved to another session is made anew before the old one goes: only forget
            // the place if it is still this row's.
            places.try_update_value(|p| {
                if p.get(&key).is_some_and(|q| q.near == place.near) {
                    p.remove(&key);
                }
            });
            if let Some(el) = node.try_get_untracked().flatten() {
                observer.try_with_value(|o| o.as_ref().map(|(o, _)| o.unobserve(&el)));
            }
        });
        LazyRow { node, built, place, key }
    }

    /// Builds a row now, whether or not it is near the viewport: a finding's "go to" is about
    /// to focus one of its fields.
    pub fn reveal(self, key: Owner) {
        if let Some(place) = self.places.with_value(|p| p.get(&key).copied()) {
            place.near.set(true);
        }
    }
}
