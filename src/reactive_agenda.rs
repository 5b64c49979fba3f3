//! The one reactive agenda the editor works on, and everything derived from it: the rows with
//! their numbers, the computed schedule, the check findings (a `Memo`, recomputed after every edit)
//! and, per field, the worst severity pointing at it. All changes go through
//! [`ReactiveAgenda::apply`], so each one lands in the undo history.
//!
//! Why the per-part triggers are written here rather than taken from Leptos's `reactive_stores`:
//! `#[derive(Store)]` has to sit on the agenda's own types (`Agenda`, `Session`, `Item` …), and
//! those belong to `agendum_core`, which takes no web crate; a store would need a second copy of
//! the model in this crate, kept in step with every edit and undo the core applies to the first.
//! The triggers give the same thing, one notification per part, without that copy: typing at
//! 500 items touches no row but the one typed in. A keyed store of the parts alone (no copy of
//! the model) was measured side by side with them: it also left every other row untouched, but
//! typed slower (p95 12.7 ms against 12.0 ms at 500 items) and still needed its own list of the
//! parts, kept in step with every reshaping; so the faster triggers stay.

use std::collections::HashMap;

use crate::first_paint::{after_paint, FirstPaint};
use crate::time_zones::IntlRules;
use agendum_core::checks::{check_on, merge, time_zone_named, unreadable, Finding, Severity};
use agendum_core::edit::{get, Edit, EditError, Field, History, Value};
use agendum_core::model::{Agenda, AnnexId, EntryId, FutureMeetingId, Item, ItemId, Row, SessionId};
use agendum_core::revisions::{publish, PublishError, Published};
use agendum_core::schedule::{schedule, Schedule};
use agendum_core::time::{Date, Time};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct ReactiveAgenda {
    pub agenda: RwSignal<Agenda>,
    history: StoredValue<History>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// Fires when an edit may have added, removed or moved something; see [`ReactiveAgenda::new`].
    structure: Trigger,
    /// Fires when a time the schedule is laid out from is set (an item's start or duration, a
    /// session's start or end).
    timing: Trigger,
    pub rows: Memo<Vec<Row>>,
    /// Position of each register entry (1-based), for rows that stay mounted while entries move.
    pub entry_positions: Memo<HashMap<EntryId, usize>>,
    /// Number and depth of each item, for rows that stay mounted while numbers change.
    pub numbers: Memo<HashMap<ItemId, (String, usize)>>,
    pub schedule: Memo<Schedule>,
    /// The findings of the checks, after those of `unreadable`.
    pub findings: Memo<Vec<Finding>>,
    /// Fired when the checks are to look at the agenda again: at once after every edit but a
    /// key typed, and once the frame showing a typed key is painted (see `check_after_paint`).
    checks_due: Trigger,
    /// Whether a typed key awaits the checks, its frame asked for.
    typed: StoredValue<bool>,
    /// Whether the meeting's decisions are being recorded (see `recording`).
    pub recording: Memo<bool>,
    /// The boxes whose text cannot be read as their value, each with why. Kept beside the
    /// agenda, which never holds such text, so that they count as the errors they are.
    unreadable: RwSignal<Vec<(Field, String)>>,
    /// The worst severity of the findings pointing at each field, by part of the agenda.
    marks: Memo<Marks>,
    /// One trigger per part of the agenda, fired when the marks of that part's fields change.
    /// Fields read their marks through it: reading `marks` itself, every field of the editor
    /// (two effects each, a thousand or more on a big agenda) would be visited by the reactive
    /// graph on every keystroke that changed a finding, to find its marks unchanged.
    mark_triggers: Triggers,
    /// The order of the sessions, register entries, annexes and future meetings.
    pub shape: Memo<Shape>,
    /// Where each item is (session, then child indices), for a row to find its item at once.
    pub(crate) paths: Memo<HashMap<ItemId, Vec<usize>>>,
    /// One trigger per part of the agenda whose fields the editor shows (the header, a
    /// session, an item …). Fields read their part through it, not the whole agenda: typing in
    /// one field fires its part's trigger alone, so the fields of every other part are left
    /// alone rather than re-run to find themselves unchanged.
    parts: Triggers,
    /// A field the editor should move focus to once it is on screen.
    pub focus: RwSignal<Option<Field>>,
    /// A message about the last command, for the status line ("Nothing to undo").
    pub notice: RwSignal<Option<String>>,
}

impl ReactiveAgenda {
    pub fn new(agenda: Agenda, first_paint: FirstPaint) -> ReactiveAgenda {
        let agenda = RwSignal::new(agenda);
        // Rows (numbers, depths) and register positions come from the agenda's shape alone, which
        // typing in a field never changes. Derived from every change, each keystroke would send
        // the reactive graph through every row's number and label (thousands of nodes at 500
        // items) only to find them unchanged. They follow `structure` instead: every edit but setting a
        // field fires it (`ReactiveAgenda::apply`), and so do undo, redo and replace.
        let structure = Trigger::new();
        let rows = Memo::new(move |_| {
            structure.track();
            agenda.with_untracked(Agenda::rows)
        });
        let numbers = Memo::new(move |_| {
            rows.with(|rs| rs.iter().map(|r| (r.id, (r.number.clone(), r.depth))).collect())
        });
        let unreadable_boxes = RwSignal::new(Vec::<(Field, String)>::new());
        // A box's text turning readable or not reruns the pass, which is rare and cheap, rather
        // than copying every finding on every keystroke to put these in front.
        // The time zone's finding asks the browser's rules, which is slow next to a keystroke: it
        // follows the zone's name alone. It waits for the first paint too: the page's first
        // question to those rules loads the browser's time-zone data (about 17 ms), which would
        // hold back opening the agenda; a misspelt zone's finding then follows a frame later.
        let zone_name = Memo::new(move |_| agenda.with(|a| a.time_zone.trim().to_string()));
        let zone_findings = Memo::new(move |_| {
            if !first_paint.done() {
                return Vec::new();
            }
            zone_name.with(|n| time_zone_named(n, &IntlRules))
        });
        let today = today();
        let recording = Memo::new(move |_| agenda.with(recording));
        let checks_due = Trigger::new();
        let findings = Memo::new(move |_| {
            let running = recording.get();
            checks_due.track();
            let mut found = agenda.with_untracked(|a| check_on(a, today.filter(|_| running)));
            zone_findings.with(|z| {
                if !z.is_empty() {
                    found = merge(std::mem::take(&mut found), z.clone());
                }
            });
            unreadable_boxes.with(|boxes| {
                if !boxes.is_empty() {
                    found.splice(0..0, boxes.iter().map(|(f, why)| unreadable(*f, why)));
                }
            });
            found
        });
        let marks = Memo::new(move |_| findings.with(|fs| marks_of(fs)));
        let mark_triggers = Triggers::default();
        // The one point where marks pass from the findings to the fields: only the parts whose marks
        // changed are told.
        Effect::new(move |before: Option<Marks>| {
            let now = marks.get();
            if let Some(before) = before {
                mark_triggers.notify_where(|part| before.get(part) != now.get(part));
            }
            now
        });
        let shape = Memo::new(move |_| {
            structure.track();
            agenda.with_untracked(|a| Shape {
                sessions: a.sessions.iter().map(|s| s.id).collect(),
                entries: a.register.iter().map(|e| e.id).collect(),
                annexes: a.annexes.iter().map(|x| x.id).collect(),
                future_meetings: a.future_meetings.iter().map(|m| m.id).collect(),
            })
        });
        let entry_positions = Memo::new(move |_| {
            shape.with(|s| s.entries.iter().enumerate().map(|(i, e)| (*e, i + 1)).collect())
        });
        let paths = Memo::new(move |_| {
            structure.track();
            agenda.with_untracked(item_paths)
        });
        // The slots follow the times and the shape, not every keystroke: derived from the whole
        // agenda, each key typed in a title would lay out every session again and send the
        // reactive graph through every built row's slot to find it unchanged (at 2,000 items,
        // a millisecond and more a key).
        let timing = Trigger::new();
        let slots = Memo::new(move |_| {
            structure.track();
            timing.track();
            agenda.with_untracked(schedule)
        });
        ReactiveAgenda {
            agenda,
            history: StoredValue::new(History::default()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            structure,
            timing,
            rows,
            entry_positions,
            numbers,
            schedule: slots,
            findings,
            checks_due,
            typed: StoredValue::new(false),
            recording,
            unreadable: unreadable_boxes,
            marks,
            mark_triggers,
            shape,
            paths,
            parts: Triggers::default(),
            focus: RwSignal::new(None),
            notice: RwSignal::new(None),
        }
    }

    fn sync_flags(&self) {
        let (u, r) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo.set(u);
        self.can_redo.set(r);
    }

    /// Applies an edit and records it for undo. `typing` lets consecutive keystrokes in one
    /// field fold into one undo step.
    pub fn apply(&self, edit: Edit, typing: bool) -> bool {
        let (part, timed) = match &edit {
            Edit::Set { field, .. } => (Some(Part::of(field)), lays_out_schedule(field)),
            _ => (None, false),
        };
        let mut result = Ok(());
        self.agenda.update(|a| self.history.update_value(|h| result = h.apply(a, edit, typing)));
        match part {
            Some(p) => self.touched(p),
            None => self.structure.notify(),
        }
        if timed {
            self.timing.notify();
        }
        if typing {
            self.check_after_paint();
        } else {
            self.check_now();
        }
        self.sync_flags();
        match result {
            Ok(()) => true,
            Err(e) => {
                self.notice.set(Some(format!("That change could not be made: {e}.")));
                false
            }
        }
    }

    /// Runs the checks on the agenda as it is, in this task.
    fn check_now(&self) {
        self.typed.set_value(false);
        self.checks_due.notify();
    }

    /// Runs the checks once the frame showing the key just typed is painted. A full pass is
    /// milliseconds at a plenary's 2,000 items, and the comparison of its findings with the last
    /// more: run in the key's own task, they would hold back the letter appearing, which is
    /// what a typist feels. The counts follow a frame later. Keys typed before that frame share
    /// its one pass.
    fn check_after_paint(&self) {
        if self.typed.get_value() {
            return;
        }
        self.typed.set_value(true);
        let (typed, due) = (self.typed, self.checks_due);
        after_paint(move || {
            if typed.try_get_value() == Some(true) {
                typed.set_value(false);
                due.notify();
            }
        });
    }

    /// Records what a box holds: `Some(why)` while its text cannot be read, None once it can
    /// or once the box is gone.
    pub fn set_unreadable(&self, field: Field, why: Option<String>) {
        let now =
            self.unreadable.with_untracked(|u| u.iter().find(|(f, _)| *f == field).map(|(_, w)| w.clone()));
        if now == why {
            return;
        }
        self.unreadable.update(|u| {
            u.retain(|(f, _)| *f != field);
            if let Some(why) = why {
                u.push((field, why));
            }
        });
    }

    /// Why a box's text cannot be read, while it cannot.
    pub fn unreadable(&self, field: Field) -> Option<String> {
        self.unreadable.with(|u| u.iter().find(|(f, _)| *f == field).map(|(_, w)| w.clone()))
    }

    pub fn undo(&self) {
        self.step(History::undo, "undo");
    }

    pub fn redo(&self) {
        self.step(History::redo, "redo");
    }

    fn step(&self, go: fn(&mut History, &mut Agenda) -> Result<bool, EditError>, what: &str) {
        let mut r = Ok(false);
        self.agenda.update(|a| self.history.update_value(|h| r = go(h, a)));
        self.structure.notify();
        self.check_now();
        self.sync_flags();
        match r {
            Ok(true) => self.notice.set(None),
            Ok(false) => self.notice.set(Some(format!("Nothing to {what}."))),
            Err(e) => self.notice.set(Some(format!("Could not {what}: {e}."))),
        }
    }

    /// Shows an agenda saved by another tab in place of this one. The undo history is cleared:
    /// its steps were made against the agenda being replaced.
    pub fn replace(&self, agenda: Agenda) {
        self.history.set_value(History::default());
        self.agenda.set(agenda);
        self.structure.notify();
        self.check_now();
        self.sync_flags();
    }

    /// Publishes the agenda as it is now (its next revision, with the status line of `date` and
    /// `time`). Not an undo step: a publication is a record of what went out, and the edits
    /// before it stay undoable field by field.
    pub fn publish(&self, date: Date, time: Time) -> Result<Published, PublishError> {
        let mut result = Err(PublishError::TooLarge);
        self.agenda.update(|a| result = publish(a, date, time));
        self.structure.notify();
        self.check_now();
        result
    }

    /// Ends the current typing step (the field lost focus).
    pub fn seal(&self) {
        self.history.update_value(History::seal);
        // A field is left as the editor closes, too, when its values are gone.
        if self.typed.try_get_value() == Some(true) {
            self.check_now();
        }
    }

    /// Subscribes the running memo to one part of the agenda: to its fields' edits, and to
    /// every edit that reshapes the agenda, undo, redo and replace (`structure`).
    pub(crate) fn track_part(&self, part: Part) {
        self.structure.track();
        self.parts.track(part);
    }

    fn touched(&self, part: Part) {
        self.parts.notify(part);
        if let Part::Entry(_) = part {
            self.parts.notify(Part::Register);
        }
    }

    /// Reads the agenda's header fields (title, number, vocabularies …), re-read only when the
    /// header changes or the agenda is reshaped.
    pub fn with_header<T>(&self, read: impl FnOnce(&Agenda) -> T) -> T {
        self.track_part(Part::Header);
        self.agenda.with_untracked(read)
    }

    /// Reads the register (Annex A), re-read only when one of its entries changes or the
    /// agenda is reshaped: not on every keystroke in an item.
    pub fn with_register<T>(&self, read: impl FnOnce(&Agenda) -> T) -> T {
        self.track_part(Part::Register);
        self.agenda.with_untracked(read)
    }

    /// The value of a field, re-read when its part of the agenda changes.
    pub fn field(&self, field: Field) -> Option<Value> {
        self.track_part(Part::of(&field));
        self.agenda.with_untracked(|a| get(a, field))
    }

    pub fn number(&self, id: ItemId) -> String {
        self.numbers.with(|n| n.get(&id).map(|(s, _)| s.clone()).unwrap_or_default())
    }

    /// The worst severity of the findings on a field, re-read when its part's marks change.
    pub fn mark(&self, field: Field) -> Option<Severity> {
        self.part_marks(Part::of(&field), |m| m.iter().find(|(f, _)| *f == field).map(|(_, s)| *s))
    }

    /// The worst severity on any field of an item or register entry (its row).
    pub fn worst(&self, of: Owner) -> Option<Severity> {
        let part = match of {
            Owner::Item(i) => Part::Item(i),
            Owner::Entry(e) => Part::Entry(e),
        };
        self.part_marks(part, |m| m.iter().map(|(_, s)| *s).min())
    }

    fn part_marks<T>(&self, part: Part, read: impl Fn(&[(Field, Severity)]) -> Option<T>) -> Option<T> {
        self.mark_triggers.track(part);
        self.marks.with_untracked(|m| m.get(&part).and_then(|v| read(v)))
    }
}

/// One trigger per part of the agenda, made when something first reads that part.
#[derive(Clone, Copy, Default)]
struct Triggers(StoredValue<HashMap<Part, ArcTrigger>>);

impl Triggers {
    /// Subscribes the running memo or effect to the part's trigger.
    fn track(self, part: Part) {
        if let Some(t) = self.0.try_update_value(|p| p.entry(part).or_insert_with(ArcTrigger::new).clone()) {
            t.track();
        }
    }

    /// Fires the part's trigger; a part nothing has read has none to fire.
    fn notify(self, part: Part) {
        if let Some(Some(t)) = self.0.try_with_value(|p| p.get(&part).cloned()) {
            t.notify();
        }
    }

    /// Fires the triggers of the parts that match.
    fn notify_where(self, matches: impl Fn(&Part) -> bool) {
        self.0.with_value(|triggers| {
            for (part, t) in triggers {
                if matches(part) {
                    t.notify();
                }
            }
        });
    }
}

/// The order of the agenda's lists other than items. Like rows, it follows the agenda's shape
/// (`ReactiveAgenda::apply`), not every keystroke: the lists and numbers built from it are left alone while
/// the user types.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shape {
    pub sessions: Vec<SessionId>,
    pub entries: Vec<EntryId>,
    pub annexes: Vec<AnnexId>,
    pub future_meetings: Vec<FutureMeetingId>,
}

/// A part of the agenda whose fields change together: the header, or one session, item,
/// register entry, annex or future meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Part {
    Header,
    /// Any register entry: for what lists the whole register.
    Register,
    Session(SessionId),
    Item(ItemId),
    Entry(EntryId),
    Annex(AnnexId),
    FutureMeeting(FutureMeetingId),
}

impl Part {
    fn of(f: &Field) -> Part {
        match *f {
            Field::Agenda { .. } => Part::Header,
            Field::Session { session, .. } => Part::Session(session),
            Field::Item { item, .. } => Part::Item(item),
            Field::Entry { entry, .. } => Part::Entry(entry),
            Field::Annex { annex, .. } => Part::Annex(annex),
            Field::FutureMeeting { meeting, .. } => Part::FutureMeeting(meeting),
        }
    }
}

/// Whether the schedule is laid out from this field's value.
fn lays_out_schedule(f: &Field) -> bool {
    use agendum_core::edit::{ItemField, SessionField};
    matches!(
        f,
        Field::Item { field: ItemField::Start | ItemField::Duration, .. }
            | Field::Session { field: SessionField::Start | SessionField::End, .. }
    )
}

/// What a table row edits: an item, or a register entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Owner {
    Item(ItemId),
    Entry(EntryId),
}

pub fn owner(f: &Field) -> Option<Owner> {
    match f {
        Field::Item { item, .. } => Some(Owner::Item(*item)),
        Field::Entry { entry, .. } => Some(Owner::Entry(*entry)),
        _ => None,
    }
}

/// The worst severity on each field that has a finding, grouped by part of the agenda.
type Marks = HashMap<Part, Vec<(Field, Severity)>>;

fn marks_of(findings: &[Finding]) -> Marks {
    let mut marks: Marks = HashMap::new();
    for f in findings {
        let fields = marks.entry(Part::of(&f.field)).or_default();
        match fields.iter_mut().find(|(field, _)| *field == f.field) {
            Some((_, s)) => *s = (*s).min(f.severity),
            None => fields.push((f.field, f.severity)),
        }
    }
    marks
}

fn item_paths(a: &Agenda) -> HashMap<ItemId, Vec<usize>> {
    fn walk(items: &[Item], path: &mut Vec<usize>, out: &mut HashMap<ItemId, Vec<usize>>) {
        for (k, i) in items.iter().enumerate() {
            path.push(k);
            out.insert(i.id, path.clone());
            walk(&i.children, path, out);
            path.pop();
        }
    }
    let mut out = HashMap::new();
    for (k, s) in a.sessions.iter().enumerate() {
        walk(&s.items, &mut vec![k], &mut out);
    }
    out
}

/// The browser's date today, for the checks that ask whether a session has passed.
fn today() -> Option<agendum_core::time::Date> {
    let now = js_sys::Date::new_0();
    agendum_core::time::Date::new(now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8)
}

/// Whether the meeting's decisions are being recorded: the agenda is marked held, or an outcome
/// is entered. Only then are the items of sessions already past asked for their outcomes (an
/// old agenda opened to start the next meeting from, as every rapporteur does, is not covered in
/// findings about a meeting long over), and do the document chips offer their statuses.
fn recording(a: &Agenda) -> bool {
    let mut any = a.held;
    a.for_each_item(|i| any |= !i.outcome.trim().is_empty());
    any
}
