//! The numbering of items: 1, 2, 2.1 … derived from where each item sits, never stored. The one
//! rule (top-level numbers run on across sessions; children count from 1 under their parent) is
//! written here, and the items table, the exports and the checks all read numbers from here.

use rustc_hash::FxHashMap;

use crate::docref::Decimal;
use crate::model::{Agenda, Item, ItemId};

const TOP_LEVEL: u32 = u32::MAX;

/// Where an item sits in the outline.
#[derive(Clone, Copy)]
struct Node {
    /// The parent's index in the outline, or TOP_LEVEL.
    parent: u32,
    /// Its number among its siblings; top-level numbers run on across sessions.
    number: u32,
    /// The index just after its last descendant.
    end: u32,
    depth: u32,
}

/// The items in document order and where each sits, so that an item's number ("2.3") is written
/// only when asked for: a check pass names a few items, and writing every number on every
/// keystroke would cost more than the pass.
pub struct Outline<'a> {
    items: Vec<&'a Item>,
    nodes: Vec<Node>,
    /// Where an id is in `items`, for items whose ids do not rise in document order (where they
    /// rise, a binary search finds them). Of two items sharing an id (no file loads with one),
    /// the later.
    index: Option<FxHashMap<ItemId, u32>>,
    unique: bool,
    top: Vec<&'a Item>,
    sessions: Vec<std::ops::Range<usize>>,
}

impl<'a> Outline<'a> {
    pub fn new(agenda: &'a Agenda) -> Self {
        fn walk<'a>(items: &'a [Item], parent: u32, first: u32, depth: u32, o: &mut Outline<'a>) {
            for (i, item) in items.iter().enumerate() {
                let k = o.items.len() as u32;
                o.items.push(item);
                o.nodes.push(Node { parent, number: first + i as u32 + 1, end: 0, depth });
                walk(&item.children, k, 0, depth + 1, o);
                o.nodes[k as usize].end = o.items.len() as u32;
            }
        }
        let mut o = Outline {
            items: Vec::new(),
            nodes: Vec::new(),
            index: None,
            unique: true,
            top: Vec::new(),
            sessions: Vec::with_capacity(agenda.sessions.len()),
        };
        let mut first = 0;
        for s in &agenda.sessions {
            let start = o.items.len();
            walk(&s.items, TOP_LEVEL, first, 0, &mut o);
            o.sessions.push(start..o.items.len());
            o.top.extend(&s.items);
            first += s.items.len() as u32;
        }
        if !o.items.windows(2).all(|w| w[0].id < w[1].id) {
            let mut index = FxHashMap::default();
            index.reserve(o.items.len());
            for (k, item) in o.items.iter().enumerate() {
                o.unique &= index.insert(item.id, k as u32).is_none();
            }
            o.index = Some(index);
        }
        o
    }

    /// Every item, in document order.
    pub fn items(&self) -> &[&'a Item] {
        &self.items
    }

    /// The items of the session at `index`, as a range of [`Outline::items`].
    pub fn session(&self, index: usize) -> std::ops::Range<usize> {
        self.sessions[index].clone()
    }

    /// Whether no two items share an id.
    pub fn unique(&self) -> bool {
        self.unique
    }

    /// The index just after the last descendant of the item at `k`.
    pub fn end(&self, k: usize) -> usize {
        self.nodes[k].end as usize
    }

    /// How deep the item at `k` is: 0 for a top-level item.
    pub fn depth(&self, k: usize) -> usize {
        self.nodes[k].depth as usize
    }

    pub fn position(&self, id: ItemId) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(&id).map(|k| *k as usize),
            None => self.items.binary_search_by_key(&id, |i| i.id).ok(),
        }
    }

    pub fn item(&self, id: ItemId) -> Option<&'a Item> {
        self.position(id).map(|k| self.items[k])
    }

    /// Writes the number of the item at `k`.
    pub fn write_number_at(&self, k: usize, out: &mut String) {
        let node = self.nodes[k];
        if node.parent != TOP_LEVEL {
            self.write_number_at(node.parent as usize, out);
            out.push('.');
        }
        // Without the formatting machinery, which costs more than the rest of naming an item.
        out.push_str(Decimal::new(u64::from(node.number)).as_str());
    }

    pub fn number_at(&self, k: usize) -> String {
        let mut out = String::new();
        self.write_number_at(k, &mut out);
        out
    }

    /// Writes an item's number, "?" for an item not in the agenda.
    pub fn write_number(&self, id: ItemId, out: &mut String) {
        match self.position(id) {
            Some(k) => self.write_number_at(k, out),
            None => out.push('?'),
        }
    }

    pub fn number(&self, id: ItemId) -> Option<String> {
        self.position(id).map(|k| self.number_at(k))
    }

    /// Whether an item is numbered `n` ("2.3"), read the way numbers are written: no leading
    /// zeros.
    pub fn has_number(&self, n: &str) -> bool {
        fn ordinal(s: &str) -> Option<usize> {
            let canonical = !s.is_empty() && !s.starts_with('0') && s.bytes().all(|c| c.is_ascii_digit());
            canonical.then(|| s.parse().ok()).flatten()
        }
        let mut parts = n.split('.');
        let Some(mut item) = parts.next().and_then(ordinal).and_then(|k| self.top.get(k - 1).copied()) else {
            return false;
        };
        for p in parts {
            match ordinal(p).and_then(|k| item.children.get(k - 1)) {
                Some(child) => item = child,
                None => return false,
            }
        }
        true
    }
}
