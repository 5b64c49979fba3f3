//! The words inserted and deleted between two versions of a text, as a revised TD marks them.
//!
//! The runs always read back: the kept and deleted runs give the old text, the kept and
//! inserted runs the new one, whatever the texts. How finely they are marked has a bound on its
//! work, counted in steps rather than time so that every machine (the browser's wasm, where
//! there is no clock to ask, included) marks a pair of texts alike: an edit of a few words is
//! marked word by word, as a word diff marks it, and a text rewritten wholesale at length may be
//! marked more coarsely, down to all of what changed deleted and then all of it inserted.

use rustc_hash::FxHashMap;
use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffTag};

/// A run of a text's words: kept, inserted or deleted. Runs keep their spaces and line breaks,
/// so joining the kept and inserted runs gives the new text back exactly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "words", content = "text", rename_all = "snake_case")]
pub enum Words {
    Kept(String),
    Inserted(String),
    Deleted(String),
}

/// The steps one difference of two texts may take: `similar`'s Myers is charged its worst case,
/// (n + m)² for n old and m new words and spaces, [`few_edits`] the steps it took. About 30 ms
/// natively; a paragraph of some 700 words rewritten whole fits.
const BUDGET: u64 = 10_000_000;

/// How many times a stretch too long for Myers is split again at the words it has once on each
/// side, before what is left is marked deleted and inserted whole.
const DEPTH: u32 = 12;

/// The most words and spaces, of both sides together, [`Marks::split`] numbers: some 100,000
/// words, a long report rewritten at length, in about 20 ms.
const SPLIT_MAX: usize = 200_000;

/// The runs that turn `old` into `new`, neighbouring runs of one kind joined.
///
/// The words and spaces the texts begin and end with alike are kept; what lies between is
/// Myers' difference (through `similar`, as it always was) when its worst case fits in
/// [`BUDGET`], or else when it takes at most [`MAX_EDITS`] edits ([`few_edits`]: a long text
/// edited in a few places far apart). When neither does, the lines found exactly once on each
/// side, in the same order, or else the words, are kept and the stretches between them are
/// marked the same way in turn (the patience difference); a stretch with no such word, or still too long after
/// [`DEPTH`] splits or once the budget is spent, or a text longer than [`SPLIT_MAX`], is
/// deleted and inserted whole.
pub fn words<'s>(old: &'s str, new: &'s str) -> Vec<Words> {
    let (a, b) = (tokens(old), tokens(new));
    let mut marks = Marks { out: Vec::new(), budget: BUDGET, seen: Vec::new() };
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let s = a[p..].iter().rev().zip(b[p..].iter().rev()).take_while(|(x, y)| x == y).count();
    marks.push(Kind::Kept, &a[..p]);
    let (a_mid, b_mid) = (&a[p..a.len() - s], &b[p..b.len() - s]);
    let exact = marks.exact(a_mid, b_mid, a_mid, b_mid);
    if !exact && a_mid.len() + b_mid.len() > SPLIT_MAX {
        marks.push(Kind::Deleted, a_mid);
        marks.push(Kind::Inserted, b_mid);
    } else if !exact {
        // The words as numbers, alike for alike, to count them by number rather than by
        // string; the hashing this takes is only worth it here.
        let mut number: FxHashMap<&'s str, u32> = FxHashMap::default();
        number.reserve(a_mid.len().max(b_mid.len()));
        let mut numbered = |ts: &[&'s str]| -> Vec<u32> {
            ts.iter()
                .map(|&t| {
                    let next = number.len() as u32;
                    *number.entry(t).or_insert(next)
                })
                .collect()
        };
        let (x, y) = (numbered(a_mid), numbered(b_mid));
        marks.seen = vec![Seen::default(); number.len()];
        marks.split(&x, &y, a_mid, b_mid, 0);
    }
    marks.push(Kind::Kept, &a[a.len() - s..]);
    marks.out
}

/// How often a word is in the stretch of `a` and of `b` being split, and where in `b`.
#[derive(Clone, Copy, Default)]
struct Seen {
    in_a: u32,
    in_b: u32,
    at_b: u32,
}

/// The text cut into runs of spaces and runs of other characters, as `similar` cuts words.
fn tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut space = None;
    for (i, c) in s.char_indices() {
        let w = c.is_whitespace();
        if space.is_some_and(|was| was != w) {
            out.push(&s[start..i]);
            start = i;
        }
        space = Some(w);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Kept,
    Inserted,
    Deleted,
}

/// The runs so far and the steps left for Myers.
struct Marks {
    out: Vec<Words>,
    budget: u64,
    /// By word number; all zero between splits.
    seen: Vec<Seen>,
}

impl Marks {
    /// Appends `tokens` as a run of `kind`. Between two kept runs, what was deleted goes before
    /// what was inserted, whichever order the difference found them in.
    fn push(&mut self, kind: Kind, tokens: &[&str]) {
        if tokens.is_empty() {
            return;
        }
        if let (Kind::Deleted, Some(Words::Inserted(_))) = (kind, self.out.last()) {
            let inserted = self.out.pop();
            self.push(kind, tokens);
            self.out.extend(inserted);
            return;
        }
        let last = match (self.out.last_mut(), kind) {
            (Some(Words::Kept(s)), Kind::Kept)
            | (Some(Words::Inserted(s)), Kind::Inserted)
            | (Some(Words::Deleted(s)), Kind::Deleted) => s,
            _ => {
                let run = String::with_capacity(tokens.iter().map(|t| t.len()).sum());
                self.out.push(match kind {
                    Kind::Kept => Words::Kept(run),
                    Kind::Inserted => Words::Inserted(run),
                    Kind::Deleted => Words::Deleted(run),
                });
                match self.out.last_mut() {
                    Some(Words::Kept(s) | Words::Inserted(s) | Words::Deleted(s)) => s,
                    None => unreachable!("a run was just pushed"),
                }
            }
        };
        for t in tokens {
            last.push_str(t);
        }
    }

    /// `x` to `y`, the words of `a` and `b` by number: what they begin and end with alike
    /// kept, the middle marked.
    fn diff(&mut self, x: &[u32], y: &[u32], a: &[&str], b: &[&str], depth: u32) {
        let p = x.iter().zip(y).take_while(|(i, j)| i == j).count();
        self.push(Kind::Kept, &a[..p]);
        let (x, y, a, b) = (&x[p..], &y[p..], &a[p..], &b[p..]);
        let s = x.iter().rev().zip(y.iter().rev()).take_while(|(i, j)| i == j).count();
        let (n, m) = (x.len() - s, y.len() - s);
        if !self.exact(&x[..n], &y[..m], &a[..n], &b[..m]) {
            self.split(&x[..n], &y[..m], &a[..n], &b[..m], depth);
        }
        self.push(Kind::Kept, &a[n..]);
    }

    /// Marks `a` to `b`, compared as `x` and `y`, by Myers' difference if it fits in what is
    /// left of the budget, then by [`few_edits`]; false, with nothing marked, if neither does.
    fn exact<T: Ord + std::hash::Hash>(&mut self, x: &[T], y: &[T], a: &[&str], b: &[&str]) -> bool {
        if x.is_empty() || y.is_empty() {
            self.push(Kind::Deleted, a);
            self.push(Kind::Inserted, b);
            return true;
        }
        let n = (x.len() + y.len()) as u64;
        let ops = if n.saturating_mul(n) <= self.budget {
            self.budget -= n * n;
            None
        } else {
            match few_edits(x, y, &mut self.budget) {
                None => return false,
                // Myers' own takes at most some (n + m)·d steps for d edits: as it always marked.
                Some((d, _)) if n.saturating_mul(2 * d + 2) <= self.budget => {
                    self.budget -= n * (2 * d + 2);
                    None
                }
                Some((_, ops)) => Some(ops),
            }
        };
        let Some(ops) = ops else {
            for op in capture_diff_slices(Algorithm::Myers, x, y) {
                let (tag, old, new) = op.as_tag_tuple();
                let (old, new) = (&a[old], &b[new]);
                match tag {
                    DiffTag::Equal => self.push(Kind::Kept, old),
                    DiffTag::Delete => self.push(Kind::Deleted, old),
                    DiffTag::Insert => self.push(Kind::Inserted, new),
                    DiffTag::Replace => {
                        self.push(Kind::Deleted, old);
                        self.push(Kind::Inserted, new);
                    }
                }
            }
            return true;
        };
        for (kind, i, j, len) in ops {
            match kind {
                Kind::Deleted => self.push(kind, &a[i..i + len]),
                _ => self.push(kind, &b[j..j + len]),
            }
        }
        true
    }

    /// Marks `a` to `b`, numbered `x` and `y`, that differ at both ends and are too far apart
    /// for [`Marks::exact`]: kept at the lines each has once, in the same order (the paragraphs
    /// not edited), or if there are none at the words each has once, and the stretches between
    /// marked in turn; deleted and inserted whole if there are neither.
    fn split(&mut self, x: &[u32], y: &[u32], a: &[&str], b: &[&str], depth: u32) {
        let anchors = if depth >= DEPTH {
            Vec::new()
        } else {
            let lines = unique_lines(x, y, a, b);
            if lines.is_empty() {
                self.unique_in_order(x, y)
            } else {
                lines
            }
        };
        if anchors.is_empty() {
            self.push(Kind::Deleted, a);
            self.push(Kind::Inserted, b);
            return;
        }
        let (mut i, mut j) = (0, 0);
        for (k, l, len) in anchors {
            self.diff(&x[i..k], &y[j..l], &a[i..k], &b[j..l], depth + 1);
            self.push(Kind::Kept, &a[k..k + len]);
            (i, j) = (k + len, l + len);
        }
        self.diff(&x[i..], &y[j..], &a[i..], &b[j..], depth + 1);
    }

    /// The words found once in `a` and once in `b`, as (index in `a`, index in `b`, 1): the
    /// longest run of them in the same order on both sides.
    fn unique_in_order(&mut self, a: &[u32], b: &[u32]) -> Vec<(usize, usize, usize)> {
        let seen = &mut self.seen;
        for &w in a {
            seen[w as usize].in_a += 1;
        }
        for (j, &w) in b.iter().enumerate() {
            let e = &mut seen[w as usize];
            e.in_b += 1;
            e.at_b = j as u32;
        }
        let pairs: Vec<(usize, usize, usize)> = a
            .iter()
            .enumerate()
            .filter_map(|(i, &w)| match seen[w as usize] {
                Seen { in_a: 1, in_b: 1, at_b } => Some((i, at_b as usize, 1)),
                _ => None,
            })
            .collect();
        for &w in a.iter().chain(b) {
            seen[w as usize] = Seen::default();
        }
        longest_increasing(&pairs)
    }
}

/// A run of [`few_edits`]: its kind, where it starts in `a` and in `b`, and its length.
type Run = (Kind, usize, usize, usize);

/// The most edits [`few_edits`] looks for.
const MAX_EDITS: usize = 1000;

/// Myers' greedy difference of `a` and `b` if it takes at most [`MAX_EDITS`] words deleted or
/// inserted and `budget` steps (each diagonal tried, each word compared); the steps taken come
/// off `budget` either way. The number of edits, and the runs: cheap on long texts that differ
/// in a few places far apart, where the (n + m)² of the whole is not.
fn few_edits<T: PartialEq>(a: &[T], b: &[T], budget: &mut u64) -> Option<(u64, Vec<Run>)> {
    if a.len().max(b.len()) >= i32::MAX as usize {
        return None;
    }
    let (n, m) = (a.len() as isize, b.len() as isize);
    let end = n - m;
    // `xs` holds, for each d, the furthest x reached on each diagonal k = x - y of -d, -d + 2,
    // .., d (row d starts at d(d + 1) / 2), or -1 where no d-path reaches that diagonal.
    let mut xs: Vec<i32> = Vec::new();
    let at = |d: isize, k: isize| (d * (d + 1) / 2 + (k + d) / 2) as usize;
    // Where a d-path on diagonal k starts: from diagonal k + 1 by a word inserted (down) or
    // from k - 1 by one deleted (right), whichever reaches further and stays on the grid.
    let start = |xs: &[i32], d: isize, k: isize| -> Option<(isize, isize)> {
        let down = if k < d - 1 { xs[at(d - 1, k + 1)] as isize } else { -1 };
        let down = (down >= 0 && down - k <= m).then_some(down);
        let right = if k > -d + 1 { xs[at(d - 1, k - 1)] as isize } else { -1 };
        let right = (right >= 0 && right < n).then_some(right + 1);
        match (down, right) {
            (Some(x), Some(r)) if x >= r => Some((k + 1, x)),
            (_, Some(r)) => Some((k - 1, r)),
            (Some(x), None) => Some((k + 1, x)),
            (None, None) => None,
        }
    };
    let mut steps: u64 = 0;
    let mut found = None;
    'd: for d in 0..=MAX_EDITS as isize {
        for k in (-d..=d).step_by(2) {
            let from = if d == 0 { Some((0, 0)) } else { start(&xs, d, k) };
            let x = match from {
                Some((_, mut x)) => {
                    let mut y = x - k;
                    steps += 1;
                    while x < n && y < m && a[x as usize] == b[y as usize] {
                        x += 1;
                        y += 1;
                        steps += 1;
                    }
                    x
                }
                None => -1,
            };
            xs.push(x as i32);
            if k == end && x >= n {
                found = Some(d);
                break 'd;
            }
            if steps > *budget {
                break 'd;
            }
        }
    }
    *budget = budget.saturating_sub(steps);
    let mut d = found?;
    let edits = d as u64;
    // Back from the end: each d-path is a (d - 1)-path, one edit, then a run kept.
    let mut ops = Vec::new();
    let mut k = end;
    let mut x = n;
    while d > 0 {
        let (from, x0) = start(&xs, d, k).expect("a path reached here");
        let y0 = x0 - k;
        ops.push((Kind::Kept, x0 as usize, y0 as usize, (x - x0) as usize));
        if from == k + 1 {
            ops.push((Kind::Inserted, x0 as usize, (y0 - 1) as usize, 1));
        } else {
            ops.push((Kind::Deleted, (x0 - 1) as usize, y0 as usize, 1));
        }
        x = xs[at(d - 1, from)] as isize;
        k = from;
        d -= 1;
    }
    ops.push((Kind::Kept, 0, 0, x as usize));
    ops.reverse();
    Some((edits, ops))
}

/// The lines (up to and with the space that ends them) found once in `x` and once in `y`, the
/// words of `a` and `b` by number, as (start in `a`, start in `b`, length): the longest run of
/// them in the same order on both sides. Unchanged paragraphs, between the changed ones.
fn unique_lines(x: &[u32], y: &[u32], a: &[&str], b: &[&str]) -> Vec<(usize, usize, usize)> {
    fn lines<'w>(x: &'w [u32], a: &[&str]) -> Vec<(usize, &'w [u32])> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, t) in a.iter().enumerate() {
            if t.contains('\n') {
                out.push((start, &x[start..=i]));
                start = i + 1;
            }
        }
        out.push((start, &x[start..]));
        out
    }
    let (la, lb) = (lines(x, a), lines(y, b));
    if la.len() < 2 && lb.len() < 2 {
        return Vec::new();
    }
    // For each line of `a`: how often in `a`, how often in `b`, and where in each.
    let mut seen: FxHashMap<&[u32], (u32, u32, usize, usize)> = FxHashMap::default();
    for &(i, line) in &la {
        let e = seen.entry(line).or_insert((0, 0, i, 0));
        e.0 += 1;
    }
    for &(j, line) in &lb {
        if let Some(e) = seen.get_mut(line) {
            e.1 += 1;
            e.3 = j;
        }
    }
    let pairs: Vec<(usize, usize, usize)> = la
        .iter()
        .filter(|(_, line)| !line.is_empty())
        .filter_map(|&(_, line)| match seen[line] {
            (1, 1, i, j) => Some((i, j, line.len())),
            _ => None,
        })
        .collect();
    longest_increasing(&pairs)
}

/// Of `pairs`, in increasing order of their first, the longest run increasing in their second,
/// by patience sorting.
fn longest_increasing(pairs: &[(usize, usize, usize)]) -> Vec<(usize, usize, usize)> {
    // `tops[k]` is the pair ending the best run of length k + 1 so far, `back` each pair's
    // predecessor in its run.
    let mut tops: Vec<usize> = Vec::new();
    let mut back: Vec<Option<usize>> = vec![None; pairs.len()];
    for (p, &(_, j, _)) in pairs.iter().enumerate() {
        let k = tops.partition_point(|&q| pairs[q].1 < j);
        back[p] = k.checked_sub(1).map(|k| tops[k]);
        if k == tops.len() {
            tops.push(p);
        } else {
            tops[k] = p;
        }
    }
    let mut run = Vec::with_capacity(tops.len());
    let mut at = tops.last().copied();
    while let Some(p) = at {
        run.push(pairs[p]);
        at = back[p];
    }
    run.reverse();
    run
}

/// The text on one side of the runs: the old one (kept and deleted) or the new one.
pub fn side(runs: &[Words], new: bool) -> String {
    runs.iter()
        .filter_map(|r| match r {
            Words::Kept(s) => Some(s.as_str()),
            Words::Inserted(s) if new => Some(s.as_str()),
            Words::Deleted(s) if !new => Some(s.as_str()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_changed_in_a_title() {
        let runs = words("Report of Industy Engagement Workshop", "Report of Industry Engagement Workshop");
        assert_eq!(
            runs,
            [
                Words::Kept("Report of ".into()),
                Words::Deleted("Industy".into()),
                Words::Inserted("Industry".into()),
                Words::Kept(" Engagement Workshop".into()),
            ]
        );
        assert_eq!(side(&runs, false), "Report of Industy Engagement Workshop");
        assert_eq!(side(&runs, true), "Report of Industry Engagement Workshop");
    }
}
