//! The checks: everything a secretariat reviewer catches by eye in a draft agenda (times that do
//! not rise or fit the window, documents missing from Annex A, titles and sources that disagree
//! with the register, typos in categories …), as findings with a stable [`Code`], a severity,
//! the field they point to, a plain message and, where one exists, a fix that is itself an edit.
//!
//! One pass, linear in the size of the agenda, so the editor can run it on every keystroke:
//! [`check`] walks the agenda once, calling each area's rules (one module per area) where the
//! walk reaches what they read, and sorts the findings once at the end.

mod annexes;
mod citations;
mod code;
mod field_names;
mod finding;
mod future_meetings;
mod header;
mod index;
mod items;
mod outcome_contrary;
mod outcome_missing;
mod own_number;
mod register;
mod sessions;
mod status_missing;
mod status_unregistered;
mod suggestions;
mod text;
mod time_zone;
mod times;
mod vocabulary;

pub use code::Code;
pub use field_names::FieldNames;
pub use finding::{Finding, Fix, Severity};
pub(crate) use suggestions::distance as edit_distance;
pub use suggestions::nearest;
pub use text::{sources_agree, titles_agree};
pub use time_zone::{time_zone, time_zone_named};

use std::sync::Arc;

use code::Stage;

use crate::edit::Field;
use crate::model::{Agenda, EntryId, Item};
use crate::numbering::Outline;
use crate::time::Date;
use crate::zones::ZoneRules;

/// Every code, with its severity and meaning; the README's table and `agendum codes` are made
/// from it.
pub const CODES: &[Code] = Code::ALL;

/// One pass's state: the outline that numbers and finds items, and the findings so far.
struct Ctx<'a> {
    agenda: &'a Agenda,
    outline: Outline<'a>,
    /// The id a register entry added by a fix gets.
    next_entry: EntryId,
    /// Errors, warnings and notes, each in the order found and beside each finding its stage:
    /// a rule reports when the walk reaches what it reads, and the pass sorts once at the end.
    found: [Found; 3],
}

/// The findings of one severity, with the stage of each.
#[derive(Default)]
struct Found {
    findings: Vec<Finding>,
    stages: Vec<Stage>,
}

impl Found {
    /// The findings in the order of their stages and, within a stage, as found. The stages
    /// follow the walk, so that little moves: a stable counting sort, applied in place by
    /// following its cycles, since findings are large and a sorted copy would be one more large
    /// allocation on every keystroke.
    fn sorted(self) -> Vec<Finding> {
        let Found { mut findings, stages } = self;
        if stages.is_sorted() {
            return findings;
        }
        let mut next = [0u32; Stage::COUNT];
        for s in &stages {
            next[*s as usize] += 1;
        }
        let mut at = 0;
        for n in &mut next {
            (*n, at) = (at, at + *n);
        }
        let mut to: Vec<u32> = stages
            .iter()
            .map(|s| {
                let n = &mut next[*s as usize];
                *n += 1;
                *n - 1
            })
            .collect();
        for i in 0..findings.len() {
            while to[i] as usize != i {
                let j = to[i] as usize;
                findings.swap(i, j);
                to.swap(i, j);
            }
        }
        findings
    }
}

impl<'a> Ctx<'a> {
    fn new(agenda: &'a Agenda) -> Self {
        Ctx {
            agenda,
            outline: Outline::new(agenda),
            // Until the register has been walked, no fix adds an entry.
            next_entry: EntryId(0),
            found: Default::default(),
        }
    }

    fn push(&mut self, code: Code, field: Field, message: impl Into<Arc<str>>, fix: Option<Fix>) {
        let severity = code.severity();
        let found = &mut self.found[severity as usize];
        found.stages.push(code.stage());
        found.findings.push(Finding { code, severity, field, message: message.into(), fix });
    }

    /// Room at once for as many more findings of each code as given: a large draft register is
    /// mostly uncited, and growing by doubling would copy its findings several times. The
    /// severity that will have the most findings gets room for the others' too, since
    /// [`Ctx::into_findings`] puts them all in its list.
    fn reserve(&mut self, room: &[(Code, usize)]) {
        let mut more = [0; 3];
        for (code, n) in room {
            more[code.severity() as usize] += n;
        }
        let total = |s: usize| self.found[s].findings.len() + more[s];
        // On a tie the first, as `into_findings` chooses.
        let most = (0..3).rev().max_by_key(|s| total(*s)).unwrap_or(0);
        more[most] = (0..3).map(total).sum::<usize>() - self.found[most].findings.len();
        for (found, n) in self.found.iter_mut().zip(more) {
            found.findings.reserve(n);
            found.stages.reserve(n);
        }
    }

    /// The findings: errors first, then warnings, then notes.
    fn into_findings(self) -> Vec<Finding> {
        let [errors, warnings, notes] = self.found.map(Found::sorted);
        // The others join the longest list, which has room for them (see `reserve`): a few
        // errors put before many warnings move the warnings within their own room, where
        // appending the warnings to the errors would copy them all into a new allocation.
        let room = errors.len() + warnings.len() + notes.len();
        let longest = [errors.len(), warnings.len(), notes.len()];
        let mut out;
        if longest[0] >= longest[1] && longest[0] >= longest[2] {
            out = errors;
            out.reserve_exact(room - out.len());
            out.extend(warnings);
            out.extend(notes);
        } else if longest[1] >= longest[2] {
            out = warnings;
            out.reserve_exact(room - out.len());
            out.splice(0..0, errors);
            out.extend(notes);
        } else {
            out = notes;
            out.reserve_exact(room - out.len());
            out.splice(0..0, errors.into_iter().chain(warnings));
        }
        out
    }
}

/// What the editor reports for a box whose text cannot be read as its value ("25:99" in a time
/// box): the agenda never holds such text, so no pass over it can find it, yet it is as much an
/// error as a time out of order, and counts with them.
pub fn unreadable(field: Field, reason: &str) -> Finding {
    Finding {
        code: Code::Unreadable,
        severity: Code::Unreadable.severity(),
        field,
        message: format!("{reason}. Until it is corrected, the agenda keeps the value the box had.").into(),
        fix: None,
    }
}

/// Runs every check. Findings come errors first, then warnings, then notes; within each, the
/// header's come first, then the sessions' in order, and so on down the agenda. With no date
/// for today, a session is taken as passed only once the agenda is marked held.
pub fn check(agenda: &Agenda) -> Vec<Finding> {
    check_on(agenda, None)
}

/// Every check, on the day `today` (the core reads no clock): an item of a session dated before
/// it needs an outcome, as every item does once the agenda is marked held.
pub fn check_on(agenda: &Agenda, today: Option<Date>) -> Vec<Finding> {
    let mut cx = Ctx::new(agenda);
    header::check(&mut cx);
    for (index, session) in agenda.sessions.iter().enumerate() {
        sessions::check(&mut cx, session);
        times::check(&mut cx, index, session);
    }
    future_meetings::check(&mut cx);

    let categories = agenda.category_vocabulary();
    let mut category_words = vocabulary::Categories::new(&categories);
    // Within the agenda SG9-TD163/GEN, SG9-TD164 is the agenda's own TD164.
    let own_group = agenda.own_document().and_then(|own| own.prefix);
    let mut entries = register::Entries::new(agenda.register.len(), own_group);
    for (i, entry) in agenda.register.iter().enumerate() {
        entries.entry(&mut cx, i, entry);
        category_words.entry(entry);
    }
    cx.next_entry = entries.next_entry(agenda);
    let index = entries.into_index();

    let actions = agenda.action_vocabulary();
    let mut action_words = vocabulary::Actions::new(&actions);
    let mut cites = citations::Citing::new(&index, agenda.register.len());
    let mut own = own_number::Adoption::new(agenda);
    cites.header_and_sessions(&mut cx);
    // One walk for every rule that reads an item: a plenary's agenda outgrows the cache, so a
    // second walk would cost nearly as much again as the rules it calls.
    for_each_item(agenda, today, |item, passed| {
        items::check(&mut cx, item);
        action_words.item(&mut cx, item);
        own.item(item);
        cites.item(&mut cx, item);
        meeting_outcome(&mut cx, &index, item, passed);
    });
    cites.annexes_and_future_meetings(&mut cx);

    cites.annexes.check(&mut cx);
    own.check(&mut cx, &index);
    // The register's rows come last, and the categories after what the items say: a typo
    // repeated down Annex A reads better there. A draft register is mostly uncited, so these
    // are nearly all of a large pass's findings, and room for them is made at once.
    let uncited = cites.cited.iter().filter(|c| !**c).count();
    cx.reserve(&[(Code::RegisterUncited, uncited), (Code::RegisterCategory, category_words.len())]);
    register::uncited(&mut cx, &cites.cited);
    category_words.report(&mut cx);
    cx.into_findings()
}

/// Every item in document order, with whether what the meeting made of it is due: its session
/// has passed (dated before `today`) or the agenda is marked held.
fn for_each_item<'a>(agenda: &'a Agenda, today: Option<Date>, mut f: impl FnMut(&'a Item, bool)) {
    fn walk<'a>(items: &'a [Item], passed: bool, f: &mut impl FnMut(&'a Item, bool)) {
        for item in items {
            f(item, passed);
            walk(&item.children, passed, f);
        }
    }
    for s in &agenda.sessions {
        let passed = agenda.held || matches!((today, s.date), (Some(t), Some(d)) if d < t);
        walk(&s.items, passed, &mut f);
    }
}

/// What the meeting made of an item: its outcome and its documents' statuses.
fn meeting_outcome(cx: &mut Ctx, index: &index::RegisterIndex, item: &Item, passed: bool) {
    outcome_missing::item(cx, item, passed);
    outcome_contrary::item(cx, item);
    status_missing::item(cx, item);
    status_unregistered::item(cx, index, item);
}

/// Adds findings made apart from the pass (the time zone's) to the pass's, keeping its order:
/// errors first, then warnings, then notes, and within each the header's first, where they go.
pub fn merge(mut findings: Vec<Finding>, extra: Vec<Finding>) -> Vec<Finding> {
    for f in extra.into_iter().rev() {
        let at = findings.partition_point(|g| g.severity < f.severity);
        findings.insert(at, f);
    }
    findings
}

/// Every check, the time zone's with the rules given among them: what the command line reports,
/// and what the editor reports with the browser's rules.
pub fn with_time_zone(agenda: &Agenda, rules: &dyn ZoneRules) -> Vec<Finding> {
    with_time_zone_on(agenda, rules, None)
}

/// [`with_time_zone`] on the day `today`, as [`check_on`].
pub fn with_time_zone_on(agenda: &Agenda, rules: &dyn ZoneRules, today: Option<Date>) -> Vec<Finding> {
    merge(check_on(agenda, today), time_zone(agenda, rules))
}
