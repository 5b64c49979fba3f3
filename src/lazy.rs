//! Which rows of the long tables (the items and Annex A, past `LONG` rows each) are built: only
//! those near the viewport. The others stay in the table as empty stand-ins, so `data-item`,
//! dragging and the keyed lists see the whole list; each run of stand-ins is laid out as one
//! box, its first, at the run's height, so the scroll bar sees the whole list too. Short tables
//! are built whole, their first rows with the editor's first frame and the rest in the task
//! after it.
//!
//! Why: every built row holds a few dozen reactive nodes (its fields' values and marks), and
//! every keystroke sends the reactive graph through all of them to find most unchanged. At 500
//! items and 1,000 documents that walk would be most of a keystroke's 100 ms; with only the rows in
//! reach of the screen built, it is a few dozen rows whatever the agenda's size.
//!
//! Which rows are near is worked out from the rows' positions when the page scrolls or resizes
//! (a binary search over the rows in document order), not by an IntersectionObserver: watching
//! 1,500 rows, Chrome recomputes every intersection in every frame, about 30 ms a keystroke.
//!
//! Why runs: 1,500 stand-ins of their own, empty as they are, would be most of what the browser
//! lays out, paints and hit-tests on every keystroke.
//!
//! A row is kept while it holds the focus or a field's "cannot read this" message, so scrolling
//! away never drops what is being typed; a finding's "go to" builds its row first (`reveal`).

use std::collections::HashMap;

use leptos::ev;
use leptos::html::Tr;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::classes;
use crate::first_paint::FirstPaint;
use crate::reactive_agenda::{Owner, ReactiveAgenda};

/// Past this many rows, a list lets the browser skip laying out and painting the rows out of
/// view (`.long` in the style sheet), and a table builds only the rows near the viewport: at 500
/// items that is most of the cost of a keystroke. Shorter lists are cheap either way, and are
/// laid out whole.
pub const LONG: usize = 100;

/// How far beyond the viewport rows are built, in pixels: a screen or two, so that scrolling
/// by wheel or keyboard, and Tab into the next row, find rows already there.
const MARGIN: f64 = 1200.0;

/// How many rows of a short table are built with the editor's first frame; the others follow
/// in the task after it, so the top of the agenda is on screen sooner. The header fills most
/// of the first screen: a dozen rows is more than shows below it.
const EARLY: usize = 12;

/// A row's build state: whether it is near the viewport (so built), its last height, its element.
#[derive(Clone, Copy)]
struct RowState {
    near: RwSignal<bool>,
    /// The row's height when it was last built, for its stand-in; none for a row never built,
    /// which stands in at the style sheet's `--stand-in` height.
    height: StoredValue<Option<f64>>,
    node: NodeRef<Tr>,
}

/// A run of consecutive stand-ins in one table body: the first is laid out at the height of
/// all (`--run` in the style sheet), the others are `data-run="in"` and not laid out at all.
type Run = Vec<(Owner, Option<f64>)>;

/// The summed height of a run's rows measured before, and how many were never built.
fn measured(run: &Run) -> (f64, usize) {
    run.iter().fold((0.0, 0), |(known, unknown), (_, h)| match h {
        Some(h) => (known + h, unknown),
        None => (known, unknown + 1),
    })
}

/// The rows the editor has made, by what they edit, and whether a look at their positions is
/// already asked for.
#[derive(Clone, Copy)]
pub struct LazyRows {
    live: ReactiveAgenda,
    states: StoredValue<HashMap<Owner, RowState>>,
    /// The runs of stand-ins as the page shows them, by their first row.
    runs: StoredValue<HashMap<Owner, Run>>,
    /// Each stand-in's part in its run as last written to the page: the run's height for its
    /// first row, none for the others.
    marked: StoredValue<HashMap<Owner, Option<String>>>,
    /// Set when rows came, went or moved: the runs are worked out again at the next look.
    refold: StoredValue<bool>,
    asked: StoredValue<bool>,
    /// A row built for a "go to" that has not yet scrolled near: kept until it has.
    revealed: StoredValue<Option<Owner>>,
    /// Rows registered so far: the first few of a short table are built at once.
    registered: StoredValue<usize>,
    /// The rest of a short table is built once the editor's first frame is painted.
    first_paint: FirstPaint,
    /// Whether the items table, and Annex A, are long (`LONG`): only long tables leave rows out.
    pub long_items: Memo<bool>,
    pub long_register: Memo<bool>,
}

/// One row's part: its element, and whether its cells are built.
#[derive(Clone, Copy)]
pub struct LazyRow {
    pub node: NodeRef<Tr>,
    pub built: Memo<bool>,
    key: Owner,
}

impl LazyRow {
    /// The `data-row` attribute the rows are found by.
    pub fn attribute(&self) -> String {
        match self.key {
            Owner::Item(i) => format!("i{}", i.0),
            Owner::Entry(e) => format!("e{}", e.0),
        }
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
        || row.query_selector(&format!(".{}", classes::FIELD_PROBLEM)).ok().flatten().is_some()
}

/// The rows (of both tables, in document order, so top to bottom) within `MARGIN` of the
/// viewport. A run of stand-ins is one box: its rows are placed within it by their heights.
fn rows_near(runs: &HashMap<Owner, Run>) -> Vec<Owner> {
    let Ok(rows) =
        document().query_selector_all(&format!(r#"tr[data-row]:not(.{}[data-run="in"])"#, classes::STAND_IN))
    else {
        return Vec::new();
    };
    let element = |i: u32| rows.item(i).and_then(|n| n.dyn_into::<Element>().ok());
    let view = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
    let (above, below) = (-MARGIN, view + MARGIN);
    // The first row whose bottom is below the top of the band.
    let (mut lo, mut hi) = (0, rows.length());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match element(mid) {
            Some(e) if e.get_bounding_client_rect().bottom() < above => lo = mid + 1,
            _ => hi = mid,
        }
    }
    let mut near = Vec::new();
    for i in lo..rows.length() {
        let Some(e) = element(i) else { continue };
        let r = e.get_bounding_client_rect();
        if r.top() > below {
            break;
        }
        // A row of a hidden table has no box: it is not near anything.
        if r.height() <= 0.0 {
            continue;
        }
        let Some(owner) = e.get_attribute("data-row").as_deref().and_then(owner_of) else { continue };
        match runs.get(&owner).filter(|_| e.class_list().contains(classes::STAND_IN)) {
            Some(run) => {
                // Rows never built share what the measured ones leave of the run's height.
                let (known, unknown) = measured(run);
                let each = if unknown > 0 { (r.height() - known).max(0.0) / unknown as f64 } else { 0.0 };
                let mut top = r.top();
                for (o, h) in run {
                    let bottom = top + h.unwrap_or(each);
                    if bottom >= above && top <= below {
                        near.push(*o);
                    }
                    top = bottom;
                }
            }
            None => near.push(owner),
        }
    }
    near
}

impl LazyRows {
    pub fn new(live: ReactiveAgenda, first_paint: FirstPaint) -> LazyRows {
        let lazy = LazyRows {
            live,
            states: StoredValue::new(HashMap::new()),
            runs: StoredValue::new(HashMap::new()),
            marked: StoredValue::new(HashMap::new()),
            refold: StoredValue::new(false),
            asked: StoredValue::new(false),
            revealed: StoredValue::new(None),
            registered: StoredValue::new(0),
            first_paint,
            long_items: Memo::new(move |_| live.rows.with(|r| r.len() > LONG)),
            long_register: Memo::new(move |_| live.entry_positions.with(|p| p.len() > LONG)),
        };
        // A table that grows long has rows to leave out from then on; rows that come, go or
        // move change the runs of stand-ins.
        Effect::new(move |_| {
            live.rows.track();
            live.shape.track();
            if lazy.long_items.get() || lazy.long_register.get() {
                lazy.refold.set_value(true);
                lazy.ask();
            }
        });
        let scroll = window_event_listener(ev::scroll, move |_| lazy.ask());
        let resize = window_event_listener(ev::resize, move |_| lazy.ask());
        on_cleanup(move || {
            scroll.remove();
            resize.remove();
        });
        lazy
    }

    /// Looks at the rows' positions in the next animation frame (once, however often asked).
    /// Only long tables have rows to leave out; with none, there is nothing to look at (and
    /// looking would force a layout of the whole page before its first paint).
    fn ask(self) {
        let long = self.long_items.try_get_untracked().unwrap_or(false)
            || self.long_register.try_get_untracked().unwrap_or(false);
        if !long || self.asked.try_get_value() != Some(false) {
            return;
        }
        self.asked.set_value(true);
        request_animation_frame(move || {
            if self.asked.try_set_value(false).is_none() {
                self.look();
            }
        });
    }

    /// Builds the rows near the viewport and lets the others stand in, all reads of the layout
    /// before any change to it.
    fn look(self) {
        let near = self.runs.with_value(rows_near);
        let active = document().active_element();
        let revealed = self.revealed.get_value();
        if revealed.is_some_and(|r| near.contains(&r)) {
            self.revealed.set_value(None);
        }
        let (build, drop) = self.states.with_value(|states| {
            let build: Vec<RowState> = near
                .iter()
                .filter_map(|o| states.get(o))
                .filter(|p| !p.near.get_untracked())
                .copied()
                .collect();
            let mut drop = Vec::new();
            for (o, p) in states {
                if !p.near.get_untracked() || near.contains(o) || revealed == Some(*o) {
                    continue;
                }
                let Some(row) = p.node.get_untracked() else { continue };
                if !holds_work(&row, active.as_ref()) {
                    drop.push((*p, row.get_bounding_client_rect().height()));
                }
            }
            (build, drop)
        });
        let changed = !build.is_empty() || !drop.is_empty();
        for (p, h) in drop {
            if h > 0.0 {
                p.height.set_value(Some(h));
            }
            p.near.set(false);
        }
        for p in build {
            p.near.set(true);
        }
        if changed || self.refold.get_value() {
            self.fold();
        }
        // Built rows are taller or shorter than their stand-ins: look again once they are laid
        // out, until nothing changes.
        if changed {
            self.ask();
        }
    }

    /// Works out the runs of stand-ins from the rows' order and which are built, and marks the
    /// rows whose part in a run changed. The order comes from the agenda, not the page, so no
    /// row's attributes are read back (in a run, most rows have no box to read).
    fn fold(self) {
        self.refold.set_value(false);
        let live = self.live;
        let mut bodies: Vec<Vec<Owner>> = Vec::new();
        if self.long_items.get_untracked() {
            live.rows.with_untracked(|rows| {
                for (k, r) in rows.iter().enumerate() {
                    if k == 0 || rows[k - 1].session != r.session {
                        bodies.push(Vec::new());
                    }
                    bodies.last_mut().expect("pushed above").push(Owner::Item(r.id));
                }
            });
        }
        if self.long_register.get_untracked() {
            bodies.push(live.shape.with_untracked(|s| s.entries.iter().map(|e| Owner::Entry(*e)).collect()));
        }
        let mut runs: HashMap<Owner, Run> = HashMap::new();
        self.states.with_value(|states| {
            for body in &bodies {
                let mut head: Option<Owner> = None;
                for o in body {
                    match states.get(o).filter(|p| !p.near.get_untracked()) {
                        Some(p) => {
                            let h = p.height.get_value();
                            match head {
                                Some(first) => runs.get_mut(&first).expect("run begun").push((*o, h)),
                                None => {
                                    head = Some(*o);
                                    runs.insert(*o, vec![(*o, h)]);
                                }
                            }
                        }
                        None => head = None,
                    }
                }
            }
        });
        let mut now: HashMap<Owner, Option<String>> = HashMap::new();
        for (first, run) in &runs {
            let (known, unknown) = measured(run);
            now.insert(*first, Some(format!("calc({known}px + {unknown} * var(--stand-in))")));
            now.extend(run.iter().skip(1).map(|(o, _)| (*o, None)));
        }
        let was = self.marked.try_update_value(std::mem::take).unwrap_or_default();
        self.states.with_value(|states| {
            let node = |o: &Owner| states.get(o).and_then(|p| p.node.get_untracked());
            for o in was.keys().filter(|o| !now.contains_key(o)) {
                if let Some(row) = node(o) {
                    let _ = row.remove_attribute("data-run");
                    let _ = web_sys::HtmlElement::style(&row).remove_property("--run");
                }
            }
            for (o, height) in &now {
                if was.get(o) == Some(height) {
                    continue;
                }
                let Some(row) = node(o) else { continue };
                match height {
                    Some(h) => {
                        let _ = row.set_attribute("data-run", "first");
                        let _ = web_sys::HtmlElement::style(&row).set_property("--run", h);
                    }
                    None => {
                        let _ = row.set_attribute("data-run", "in");
                        let _ = web_sys::HtmlElement::style(&row).remove_property("--run");
                    }
                }
            }
        });
        self.runs.set_value(runs);
        self.marked.set_value(now);
    }

    /// Registers a row as it is created; its cells are built while it is near the viewport, or
    /// always when its table is short (from the first frame on for the first few rows, from
    /// the task after it for the others).
    pub fn row(self, key: Owner) -> LazyRow {
        let state =
            RowState { near: RwSignal::new(false), height: StoredValue::new(None), node: NodeRef::new() };
        self.states.update_value(|p| {
            p.insert(key, state);
        });
        // A row made anew (moved to another session) has no part in a run yet, whatever its
        // owner had.
        self.marked.update_value(|m| {
            m.remove(&key);
        });
        let long = match key {
            Owner::Item(_) => self.long_items,
            Owner::Entry(_) => self.long_register,
        };
        let early = self.registered.try_update_value(|n| {
            *n += 1;
            *n <= EARLY
        });
        let early = early.unwrap_or(true);
        let first_paint = self.first_paint;
        let built = Memo::new(move |_| state.near.get() || (!long.get() && (early || first_paint.done())));
        state.node.on_load(move |_| self.ask());
        let states = self.states;
        on_cleanup(move || {
            // A row moved to another session is made anew before the old one goes: only forget
            // the state if it is still this row's.
            states.try_update_value(|p| {
                if p.get(&key).is_some_and(|q| q.near == state.near) {
                    p.remove(&key);
                }
            });
        });
        LazyRow { node: state.node, built, key }
    }

    /// Builds a row now, whether or not it is near the viewport: a finding's "go to" is about
    /// to focus one of its fields.
    pub fn reveal(self, key: Owner) {
        if let Some(state) = self.states.with_value(|p| p.get(&key).copied()) {
            self.revealed.set_value(Some(key));
            state.near.set(true);
            // Out of its run at once, so it is laid out where it belongs before it is scrolled to.
            self.fold();
        }
    }
}
