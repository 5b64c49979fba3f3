//! The register indexed by document, so that a pass looks each cited number up once instead of
//! searching Annex A for it.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHashMap;

use crate::docref::{DocId, DocNumber, Part, Series};

/// What identifies a document across its revisions, as [`DocKey`] does, but borrowing the
/// prefix: a pass looks up every cited and registered number, and cloning each prefix to do so
/// cost more than the lookup.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Key<'a> {
    pub(super) prefix: Option<&'a str>,
    pub(super) series: Series,
    pub(super) number: u32,
}

impl Hash for Key<'_> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        // Series and number as one word: most keys have no prefix, and are hashed in one step.
        let contribution = u64::from(self.series == Series::Contribution);
        h.write_u64(u64::from(self.number) << 2 | contribution << 1 | u64::from(self.prefix.is_some()));
        if let Some(p) = self.prefix {
            h.write(p.as_bytes());
        }
    }
}

impl<'a> Key<'a> {
    /// The key of `id` in an agenda of the group `own` (the prefix of the agenda's own number):
    /// in the agenda SG9-TD163/GEN, SG9-TD164 is its own TD164, as a prefix names another group.
    pub(super) fn of(id: &'a DocId, own: Option<&str>) -> Self {
        let prefix = id.prefix.as_deref().filter(|p| Some(*p) != own);
        Key { prefix, series: id.series, number: id.digits.value() }
    }
}

/// Whether a document cited for `cited` may be the one registered for `listed`: a part left
/// out on either side ("see TD163" for SG9-TD163/GEN) is no disagreement.
pub(super) fn parts_agree(cited: Option<Part>, listed: Option<Part>) -> bool {
    cited.is_none() || listed.is_none() || cited == listed
}

pub(super) const NO_ENTRY: u32 = u32::MAX;

/// The register by document: for each key its first and last entry, and from each entry the
/// next one with the same key, in register order (a document's revisions, and duplicates).
pub(super) struct RegisterIndex<'a> {
    /// The first entry of each document with no group prefix, at `2 * number + series`.
    /// Meetings number their documents from one upwards, so a table a few times the size of
    /// the register holds nearly all of them, and finds each faster than a hash map would.
    pub(super) plain: Vec<u32>,
    /// Numbers below this are in `plain` (or nowhere), never in `ends`.
    pub(super) plain_bound: u32,
    /// The first entry of every other document.
    pub(super) ends: FxHashMap<Key<'a>, u32>,
    /// The last entry of each document so far, at the place of its first.
    pub(super) last: Vec<u32>,
    pub(super) next: Vec<u32>,
    pub(super) revision: Vec<Option<u32>>,
    pub(super) part: Vec<Option<Part>>,
    /// The group prefix of the agenda's own number, upper case: what [`Key::of`] sets aside.
    pub(super) own_group: Option<String>,
}

impl<'a> RegisterIndex<'a> {
    pub(super) fn new(n: usize, own_group: Option<String>) -> Self {
        RegisterIndex {
            plain: Vec::new(),
            plain_bound: u32::try_from(4 * n + 1024).unwrap_or(u32::MAX),
            ends: FxHashMap::default(),
            last: vec![NO_ENTRY; n],
            next: vec![NO_ENTRY; n],
            revision: vec![None; n],
            part: vec![None; n],
            own_group,
        }
    }

    /// The key of a document in this agenda (see [`Key::of`]).
    pub(super) fn key<'i>(&self, id: &'i DocId) -> Key<'i> {
        Key::of(id, self.own_group.as_deref())
    }

    /// Where `plain` keeps a key, if there.
    pub(super) fn slot(&self, key: &Key) -> Option<usize> {
        let contribution = usize::from(key.series == Series::Contribution);
        (key.prefix.is_none() && key.number < self.plain_bound)
            .then(|| 2 * key.number as usize + contribution)
    }

    /// Positions of the entries sharing a key, from the first.
    pub(super) fn chain(&self, first: u32) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(first), |i| Some(self.next[*i as usize]).filter(|n| *n != NO_ENTRY))
            .map(|i| i as usize)
    }

    pub(super) fn first(&self, key: &Key) -> Option<u32> {
        match self.slot(key) {
            Some(k) => self.plain.get(k).copied().filter(|i| *i != NO_ENTRY),
            None => self.ends.get(key).copied(),
        }
    }

    /// Adds the entry at `i` under `key`; gives the first and last entries the key had before.
    pub(super) fn add(&mut self, key: Key<'a>, i: u32) -> Option<(u32, u32)> {
        let first = match self.slot(&key) {
            Some(k) => {
                if k >= self.plain.len() {
                    self.plain.resize(k + 1, NO_ENTRY);
                }
                if self.plain[k] == NO_ENTRY {
                    self.plain[k] = i;
                }
                self.plain[k]
            }
            None => *self.ends.entry(key).or_insert(i),
        };
        if first == i {
            self.last[i as usize] = i;
            return None;
        }
        let last = std::mem::replace(&mut self.last[first as usize], i);
        self.next[last as usize] = i;
        Some((first, last))
    }
}

/// Whether a number reads as nothing at all once written out, without writing it out.
pub(super) fn blank(n: &DocNumber) -> bool {
    match n {
        DocNumber::Outside(s) | DocNumber::Unparsed(s) => s.trim().is_empty(),
        DocNumber::Document(_) | DocNumber::Annex(_) => false,
    }
}
