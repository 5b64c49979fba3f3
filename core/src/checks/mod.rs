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
mod own_number;
mod register;
mod sessions;
mod suggestions;
mod text;
mod times;
mod vocabulary;

pub use code::Code;
pub use field_names::FieldNames;
pub use finding::{Finding, Fix, Severity};
pub use suggestions::nearest;
pub use text::{sources_agree, titles_agree};

use code::Stage;

use crate::edit::Field;
use crate::model::{Agenda, EntryId};
use crate::numbering::Outline;

/// Every code, with its severity and meaning; the README's table and `agendum codes` are made
/// from it.
pub const CODES: &[Code] = Code::ALL;

/// One pass's state: the outline that numbers and finds items, and the findings so far.
struct Ctx<'a> {
    agenda: &'a Agenda,
    outline: Outline<'a>,
    /// The id a register entry added by a fix gets.
    next_entry: EntryId,
    /// The findings by severity and stage, each in the order found: the pass sorts them once at
    /// the end by putting these together, so that a rule may report when the walk reaches what
    /// it reads, ahead of rules whose findings come before its own.
    out: Vec<Vec<Finding>>,
}

impl<'a> Ctx<'a> {
    fn new(agenda: &'a Agenda) -> Self {
        Ctx {
            agenda,
            outline: Outline::new(agenda),
            // Until the register has been walked, no fix adds an entry.
            next_entry: EntryId(0),
            out: (0..3 * Stage::COUNT).map(|_| Vec::new()).collect(),
        }
    }

    fn bucket(code: Code) -> usize {
        code.severity() as usize * Stage::COUNT + code.stage() as usize
    }

    fn push(&mut self, code: Code, field: Field, message: String, fix: Option<Fix>) {
        self.out[Self::bucket(code)].push(Finding { code, severity: code.severity(), field, message, fix });
    }

    /// Room for `n` more findings of `code` at once: a large draft register is mostly uncited,
    /// and growing by doubling would copy its findings several times.
    fn reserve(&mut self, code: Code, n: usize) {
        self.out[Self::bucket(code)].reserve(n);
    }

    /// The findings, errors first, then warnings, then notes, each in the order of the stages.
    fn into_findings(self) -> Vec<Finding> {
        let mut out = Vec::with_capacity(self.out.iter().map(Vec::len).sum());
        for mut bucket in self.out {
            out.append(&mut bucket);
        }
        out
    }
}

/// Runs every check. Findings come errors first, then warnings, then notes; within each, the
/// header's come first, then the sessions' in order, and so on down the agenda.
pub fn check(agenda: &Agenda) -> Vec<Finding> {
    let mut cx = Ctx::new(agenda);
    header::check(&mut cx);
    for (index, session) in agenda.sessions.iter().enumerate() {
        sessions::check(&mut cx, session);
        times::check(&mut cx, index, session);
    }
    future_meetings::check(&mut cx);

    let categories = agenda.category_vocabulary();
    let mut category_words = vocabulary::Categories::new(&categories);
    let mut entries = register::Entries::new(agenda.register.len());
    for (i, entry) in agenda.register.iter().enumerate() {
        entries.entry(&mut cx, i, entry);
        category_words.entry(&mut cx, entry);
    }
    cx.next_entry = entries.next_entry(agenda);
    let index = entries.into_index();

    let actions = agenda.action_vocabulary();
    let mut action_words = vocabulary::Actions::new(&actions);
    let mut cites = citations::Citing::new(&index, agenda.register.len());
    let mut own = own_number::Adoption::new(agenda);
    cites.header_and_sessions(&mut cx);
    agenda.for_each_item(|item| {
        items::check(&mut cx, item);
        action_words.item(&mut cx, item);
        own.item(item);
        cites.item(&mut cx, item);
    });
    cites.annexes_and_future_meetings(&mut cx);

    register::uncited(&mut cx, &cites.cited);
    cites.annexes.check(&mut cx);
    own.check(&mut cx, &index);
    cx.into_findings()
}
