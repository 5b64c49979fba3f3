//! The checks: everything a secretariat reviewer catches by eye in a draft agenda (times that do
//! not rise or fit the window, documents missing from Annex A, titles and sources that disagree
//! with the register, typos in categories …), as findings with a stable code, a severity, the
//! place they point to, a plain message and, where one exists, a fix that is itself an edit.
//! One pass, linear in the size of the agenda, so the editor can run it on every keystroke.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};

use serde::Serialize;

use crate::docref::{scan_as_written, Decimal, DocId, DocKey, DocNumber, DocRef, Mentioned, Series};
use crate::edit::*;
use crate::model::*;
use crate::schedule::window_minutes;
use crate::time::{Date, DayLabel, Time};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// A suggested fix: applying `edit` resolves the finding.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fix {
    /// Borrowed where it never changes ("Remove from Annex A"): a register of thousands of
    /// uncited entries would otherwise copy it thousands of times on each keystroke.
    pub label: Cow<'static, str>,
    #[serde(skip)]
    pub edit: Edit,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    /// Where it points; [`Places::name`] puts it in the user's words ("Item 2.2, Docs").
    pub place: Field,
    pub message: String,
    pub fix: Option<Fix>,
}

/// The stable codes, with what each one means; the README and the CLI list them from here.
pub const CODES: &[(&str, &str)] = &[
    ("time.order", "A start time is earlier than a start time above it"),
    ("time.outside-window", "A start time falls outside its session's window"),
    ("time.overrun", "A planned duration runs past the next timed item or the session end"),
    ("session.window", "A session ends at or before its start"),
    ("session.overbooked", "The planned durations add up to more than the session window"),
    ("session.weekday", "The weekday written for a session is not the weekday of its date"),
    ("session.day", "The day written for a session is not its date"),
    ("session.outside-meeting", "A session is dated outside the meeting dates"),
    ("meeting.dates", "The meeting ends before it starts"),
    ("future.before-meeting", "A future meeting is dated before this meeting"),
    ("future.window", "A future meeting ends at or before its start"),
    ("doc.unreadable", "A document number cannot be read; it is kept as written"),
    ("xref.unregistered", "A cited document is missing from the register (Annex A)"),
    ("xref.revision", "A document is cited at a revision the register does not list"),
    ("xref.title", "An item's title disagrees with the register's title for its document"),
    ("xref.source", "An item's source disagrees with the register's source for its document"),
    ("xref.item", "A reference to another item (\"see 2.2\") does not resolve"),
    ("register.duplicate", "The same document number appears twice in the register"),
    ("register.uncited", "Nothing in the agenda cites a register entry"),
    ("register.category", "A register category is not in the agenda's vocabulary"),
    ("register.unreadable", "A register number cannot be read as a TD or contribution"),
    ("annex.missing", "A reference to an annex that does not exist"),
    ("annex.unreferenced", "An annex that nothing refers to"),
    ("item.action", "An action is not in the agenda's vocabulary"),
    ("item.untitled", "An item has no title"),
    ("agenda.number", "The agenda has no readable document number"),
    ("agenda.own-register", "The agenda's own number is missing from its register"),
    ("agenda.own-adoption", "No item cites the agenda's own number for adoption"),
    ("agenda.link-template", "The document link template is not an http(s) link with {number}"),
];

/// Names the places findings point to, the way a user would: "Item 2.2, Docs", "Annex A,
/// entry 10 (TD667R1), Category". Made for the findings shown, not by the check pass: a big
/// agenda in the making has thousands of findings, a panel shows a hundred, and naming each
/// place took a sixth of a pass.
pub struct Places<'a> {
    agenda: &'a Agenda,
    outline: Outline<'a>,
    /// Register positions by id, where ids do not rise from entry to entry (where they rise, as
    /// entries added at the end get ever larger ids, a binary search finds them). Of two entries
    /// sharing an id (no file loads with one), the later.
    entry_position: Option<FastMap<EntryId, usize>>,
}

impl<'a> Places<'a> {
    pub fn new(agenda: &'a Agenda) -> Self {
        let rising = agenda.register.windows(2).all(|w| w[0].id < w[1].id);
        let entry_position =
            (!rising).then(|| agenda.register.iter().enumerate().map(|(i, e)| (e.id, i)).collect());
        Places { agenda, outline: Outline::new(agenda), entry_position }
    }

    pub fn name(&self, place: Field) -> String {
        let mut out = String::with_capacity(48);
        describe_into(
            self.agenda,
            |id, out| self.outline.write_number(id, out),
            |id| match &self.entry_position {
                Some(map) => map.get(&id).copied(),
                None => self.agenda.register.binary_search_by_key(&id, |e| e.id).ok(),
            },
            place,
            &mut out,
        );
        out
    }
}

/// Names `place` with lookups of item numbers and register positions, so that naming many
/// places neither writes out every item's number nor scans the register for each one.
fn describe_into(
    agenda: &Agenda,
    item_number: impl Fn(ItemId, &mut String),
    entry_position: impl Fn(EntryId) -> Option<usize>,
    place: Field,
    out: &mut String,
) {
    match place {
        Field::Agenda { field } => {
            out.push_str("Header, ");
            out.push_str(field.label());
        }
        Field::Session { session, field } => {
            let n = agenda.sessions.iter().position(|s| s.id == session).map_or(0, |i| i + 1);
            out.push_str("Session ");
            push_decimal(out, n);
            out.push_str(", ");
            out.push_str(field.label());
        }
        Field::Item { item, field } => {
            out.push_str("Item ");
            item_number(item, out);
            out.push_str(", ");
            out.push_str(field.label());
        }
        Field::Entry { entry, field } => describe_entry(agenda, entry_position(entry), field, out),
        Field::Annex { annex, field } => {
            out.push_str("Annex ");
            match agenda.annex_index(annex) {
                Some(i) => out.push_str(&annex_letter(i)),
                None => out.push('?'),
            }
            out.push_str(", ");
            out.push_str(field.label());
        }
        Field::FutureMeeting { meeting, field } => {
            let n = agenda.future_meetings.iter().position(|m| m.id == meeting).map_or(0, |i| i + 1);
            out.push_str("Future meeting ");
            push_decimal(out, n);
            out.push_str(", ");
            out.push_str(field.label());
        }
    }
}

/// Names a field of the register entry at `at` (None for an entry not in the register).
fn describe_entry(agenda: &Agenda, at: Option<usize>, field: EntryField, out: &mut String) {
    out.push_str("Annex A, entry ");
    push_decimal(out, at.map_or(0, |i| i + 1));
    out.push_str(" (");
    match at {
        Some(i) => agenda.register[i].number.write_to(out),
        None => out.push('?'),
    }
    out.push_str("), ");
    out.push_str(field.label());
}

/// Appends `n` in decimal without the formatting machinery, which costs more than the rest of
/// naming a place.
fn push_decimal(out: &mut String, n: usize) {
    out.push_str(Decimal::new(n as u64).as_str());
}

/// FxHash, the hasher of rustc: a pass hashes thousands of small ids and document numbers, and
/// SipHash's defence against keys crafted to collide guards nothing in one's own agenda.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let (words, rest) = bytes.as_chunks::<8>();
        for w in words {
            self.add(u64::from_le_bytes(*w));
        }
        if !rest.is_empty() {
            let mut last = [0; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

const TOP_LEVEL: u32 = u32::MAX;

/// Where an item sits in the outline.
#[derive(Clone, Copy)]
struct Place {
    /// The parent's index in the outline, or TOP_LEVEL.
    parent: u32,
    /// Its number among its siblings; top-level numbers run on across sessions.
    number: u32,
    /// The index just after its last descendant.
    end: u32,
}

/// The items in document order and where each sits, so that a finding names its item ("2.3")
/// without every item's number being written out on every pass.
struct Outline<'a> {
    items: Vec<&'a Item>,
    places: Vec<Place>,
    /// Where an id is in `items`, for items whose ids do not rise in document order (where they
    /// rise, a binary search finds them). Of two items sharing an id (no file loads with one),
    /// the later.
    index: Option<FastMap<ItemId, u32>>,
    /// Whether no two items share an id.
    unique: bool,
    top: Vec<&'a Item>,
    /// The items of each session, as a range of `items`.
    sessions: Vec<std::ops::Range<usize>>,
}

impl<'a> Outline<'a> {
    fn new(agenda: &'a Agenda) -> Self {
        fn walk<'a>(items: &'a [Item], parent: u32, first: u32, o: &mut Outline<'a>) {
            for (i, item) in items.iter().enumerate() {
                let k = o.items.len() as u32;
                o.items.push(item);
                o.places.push(Place { parent, number: first + i as u32 + 1, end: 0 });
                walk(&item.children, k, 0, o);
                o.places[k as usize].end = o.items.len() as u32;
            }
        }
        let mut o = Outline {
            items: Vec::new(),
            places: Vec::new(),
            index: None,
            unique: true,
            top: Vec::new(),
            sessions: Vec::with_capacity(agenda.sessions.len()),
        };
        let mut first = 0;
        for s in &agenda.sessions {
            let start = o.items.len();
            walk(&s.items, TOP_LEVEL, first, &mut o);
            o.sessions.push(start..o.items.len());
            o.top.extend(&s.items);
            first += s.items.len() as u32;
        }
        if !o.items.windows(2).all(|w| w[0].id < w[1].id) {
            let mut index = FastMap::default();
            index.reserve(o.items.len());
            for (k, item) in o.items.iter().enumerate() {
                o.unique &= index.insert(item.id, k as u32).is_none();
            }
            o.index = Some(index);
        }
        o
    }

    fn position(&self, id: ItemId) -> Option<u32> {
        match &self.index {
            Some(index) => index.get(&id).copied(),
            None => self.items.binary_search_by_key(&id, |i| i.id).ok().map(|k| k as u32),
        }
    }

    fn item(&self, id: ItemId) -> Option<&'a Item> {
        self.position(id).map(|k| self.items[k as usize])
    }

    fn write_number_at(&self, k: u32, out: &mut String) {
        let place = self.places[k as usize];
        if place.parent != TOP_LEVEL {
            self.write_number_at(place.parent, out);
            out.push('.');
        }
        push_decimal(out, place.number as usize);
    }

    /// Writes an item's number, "?" for an item not in the agenda.
    fn write_number(&self, id: ItemId, out: &mut String) {
        match self.position(id) {
            Some(k) => self.write_number_at(k, out),
            None => out.push('?'),
        }
    }

    fn number(&self, id: ItemId) -> Option<String> {
        let k = self.position(id)?;
        let mut out = String::new();
        self.write_number_at(k, &mut out);
        Some(out)
    }

    /// Whether an item is numbered `n` ("2.3"), read the way numbers are written: no leading
    /// zeros.
    fn has_number(&self, n: &str) -> bool {
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

/// One pass's state, with the indexes that keep it linear: findings and fixes look items and
/// register entries up here instead of searching the agenda.
struct Ctx<'a> {
    agenda: &'a Agenda,
    outline: Outline<'a>,
    /// The id a register entry added by a fix gets.
    next_entry: EntryId,
    /// Errors, warnings and notes, each in the order found: sorted by severity as they come.
    out: [Vec<Finding>; 3],
}

impl Ctx<'_> {
    /// A finding to file later, for a check that finds it before the checks ahead of it are done.
    fn finding(
        &self,
        code: &'static str,
        severity: Severity,
        place: Field,
        message: String,
        fix: Option<Fix>,
    ) -> Finding {
        Finding { code, severity, place, message, fix }
    }

    fn push(
        &mut self,
        code: &'static str,
        severity: Severity,
        place: Field,
        message: String,
        fix: Option<Fix>,
    ) {
        let f = self.finding(code, severity, place, message, fix);
        self.file(f);
    }

    fn file(&mut self, f: Finding) {
        self.out[group(f.severity)].push(f);
    }
}

/// The place of a severity in [`Ctx::out`].
fn group(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Note => 2,
    }
}

fn item_field(item: ItemId, field: ItemField) -> Field {
    Field::Item { item, field }
}

/// Runs every check. Findings come errors first, then warnings, then notes, each group in the
/// order of the document.
pub fn check(agenda: &Agenda) -> Vec<Finding> {
    let outline = Outline::new(agenda);
    // Until check_references has walked the register, no fix adds an entry.
    let mut cx = Ctx { agenda, outline, next_entry: EntryId(0), out: Default::default() };
    check_header(&mut cx);
    check_sessions(&mut cx);
    check_future_meetings(&mut cx);
    let categories = agenda.category_vocabulary();
    let words = check_references(&mut cx, &categories);
    check_vocabulary(&mut cx, words);
    // Most findings are warnings: without errors, they need not move.
    let [mut errors, mut warnings, mut notes] = cx.out;
    let mut out = if errors.is_empty() {
        warnings
    } else {
        errors.reserve_exact(warnings.len() + notes.len());
        errors.append(&mut warnings);
        errors
    };
    out.append(&mut notes);
    out
}

fn check_header(cx: &mut Ctx) {
    let a = cx.agenda;
    if let (Some(s), Some(e)) = (a.start_date, a.end_date) {
        if e < s {
            cx.push(
                "meeting.dates",
                Severity::Error,
                Field::Agenda { field: AgendaField::EndDate },
                format!("The meeting's last day ({}) is before its first day ({}).", e.long(), s.long()),
                None,
            );
        }
    }
    let t = a.link_template.trim();
    if !t.is_empty() && (!(t.starts_with("https://") || t.starts_with("http://")) || !t.contains("{number}"))
    {
        cx.push(
            "agenda.link-template",
            Severity::Warning,
            Field::Agenda { field: AgendaField::LinkTemplate },
            "The document link template must be an http:// or https:// address containing {number}, \
             e.g. https://www.itu.int/md/T22-TSAG-{number}; until then document numbers are not linked."
                .into(),
            None,
        );
    }
}

/// The date a session is on: its own, or read from its day label with the meeting's year.
fn session_date(a: &Agenda, s: &crate::model::Session) -> Option<Date> {
    s.date.or_else(|| {
        let l = DayLabel::parse(&s.day_label);
        let year = a.start_date.or(a.end_date)?.year;
        Date::new(year, l.month?, l.day?)
    })
}

fn check_sessions(cx: &mut Ctx) {
    let a = cx.agenda;
    for (si, s) in a.sessions.iter().enumerate() {
        let sf = |field| Field::Session { session: s.id, field };
        if let (Some(st), Some(en)) = (s.start, s.end) {
            if en <= st {
                cx.push(
                    "session.window",
                    Severity::Error,
                    sf(SessionField::End),
                    format!("The session ends at {en}, which is not after its start at {st}."),
                    None,
                );
            }
        }
        let date = session_date(a, s);
        let label = DayLabel::parse(&s.day_label);
        if let Some(d) = date {
            if let Some(w) = label.weekday.filter(|w| *w != d.weekday()) {
                let fix = Fix {
                    label: format!("Write \"{}\"", d.day_label()).into(),
                    edit: Edit::Set { field: sf(SessionField::DayLabel), value: Value::Text(d.day_label()) },
                };
                cx.push(
                    "session.weekday",
                    Severity::Error,
                    sf(SessionField::DayLabel),
                    format!(
                        "\"{}\" says {}, but {} is a {}.",
                        s.day_label.trim(),
                        w.name(),
                        d.long(),
                        d.weekday().name()
                    ),
                    Some(fix),
                );
            }
            if s.date.is_some()
                && (label.day.is_some_and(|x| x != d.day) || label.month.is_some_and(|m| m != d.month))
            {
                cx.push(
                    "session.day",
                    Severity::Error,
                    sf(SessionField::DayLabel),
                    format!("\"{}\" does not match the session date, {}.", s.day_label.trim(), d.long()),
                    Some(Fix {
                        label: format!("Write \"{}\"", d.day_label()).into(),
                        edit: Edit::Set {
                            field: sf(SessionField::DayLabel),
                            value: Value::Text(d.day_label()),
                        },
                    }),
                );
            }
            // When the meeting's own dates are out of order, meeting.dates reports that one
            // mistake; judged against them, every session would be "outside" too, pointing at
            // session dates that are right.
            let meeting_ok = !matches!((a.start_date, a.end_date), (Some(x), Some(y)) if y < x);
            let before = a.start_date.is_some_and(|m| d < m);
            let after = a.end_date.is_some_and(|m| d > m);
            if meeting_ok && (before || after) {
                let span = match (a.start_date, a.end_date) {
                    (Some(x), Some(y)) => format!("{} to {}", x.long(), y.long()),
                    (Some(x), None) => format!("from {}", x.long()),
                    (None, Some(y)) => format!("until {}", y.long()),
                    (None, None) => String::new(),
                };
                cx.push(
                    "session.outside-meeting",
                    Severity::Error,
                    sf(if s.date.is_some() { SessionField::Date } else { SessionField::DayLabel }),
                    format!("The session is on {}, outside the meeting ({span}).", d.long()),
                    None,
                );
            }
        }
        let rows = cx.outline.sessions[si].clone();
        check_session_times(cx, s, rows);
    }
}

fn check_session_times(cx: &mut Ctx, s: &crate::model::Session, rows: std::ops::Range<usize>) {
    // The session's items in document order; explicit starts must rise through them.
    let first = rows.start;
    let all: Vec<&Item> = cx.outline.items[rows].to_vec();
    // A session that ends at or before its start is reported once, as session.window; judged
    // against such a window, every item start (and every duration) would be reported too,
    // pointing at times that are right.
    let window_ok = !matches!((s.start, s.end), (Some(a), Some(b)) if b <= a);
    let mut latest: Option<(&Item, Time)> = None;
    for &item in &all {
        let Some(t) = item.start else { continue };
        if let Some((prev, pt)) = latest {
            if t < pt {
                let n = cx.outline.number(prev.id).unwrap_or_default();
                cx.push(
                    "time.order",
                    Severity::Error,
                    item_field(item.id, ItemField::Start),
                    format!("Starts at {t}, before item {n} above it ({pt})."),
                    None,
                );
            }
        }
        if latest.is_none_or(|(_, pt)| t >= pt) {
            latest = Some((item, t));
        }
        let early = window_ok && s.start.is_some_and(|w| t < w);
        let late = window_ok && s.end.is_some_and(|w| t > w);
        if early || late {
            let window = match (s.start, s.end) {
                (Some(a), Some(b)) => format!("{a}–{b}"),
                (Some(a), None) => format!("from {a}"),
                (None, Some(b)) => format!("until {b}"),
                _ => String::new(),
            };
            cx.push(
                "time.outside-window",
                Severity::Error,
                item_field(item.id, ItemField::Start),
                format!("Starts at {t}, outside the session window ({window})."),
                None,
            );
        }
    }
    // Durations: each must end by the next explicit start after the item's own rows, or the
    // session end. `all` is in document order; walk it backwards keeping the next start seen.
    let mut next_start_after: Vec<Option<Time>> = vec![s.end.filter(|_| window_ok); all.len() + 1];
    for i in (0..all.len()).rev() {
        next_start_after[i] = all[i].start.or(next_start_after[i + 1]);
    }
    // Where two items share an id (no file loads with one), an item's place and slot are those
    // of the last item with its id, as a lookup by id gives them.
    let mut starts: Vec<Option<Time>> = vec![None; all.len()];
    let by_id = if cx.outline.unique {
        crate::schedule::session_slots(s, |k, _, slot| starts[k] = Some(slot.start));
        None
    } else {
        let position: FastMap<ItemId, usize> = all.iter().enumerate().map(|(i, it)| (it.id, i)).collect();
        let mut slots = FastMap::default();
        crate::schedule::schedule_session(s, &mut slots);
        Some((position, slots))
    };
    // An item with no computed slot (an untimed item above it plans no duration) still starts
    // no earlier than the latest start written above it, since times rise (time.order): a
    // duration that runs past the bound even from there is an overrun all the same, and was
    // missed ("2.2: 40 min" inside item 2's 25 minutes, after an untimed 2.1).
    let mut floor = s.start.filter(|_| window_ok);
    let earliest: Vec<Option<Time>> = all
        .iter()
        .map(|it| {
            floor = floor.max(it.start);
            floor
        })
        .collect();
    for (k, item) in all.iter().enumerate() {
        let Some(d) = item.duration else { continue };
        let (at, computed) = match &by_id {
            None => (k, starts[k]),
            Some((position, slots)) => (position[&item.id], slots.get(&item.id).map(|slot| slot.start)),
        };
        let Some(start) = computed.or(earliest[at]) else { continue };
        let subtree = cx.outline.places[first + k].end as usize - (first + k);
        let after = at + subtree;
        let Some(bound) = next_start_after.get(after).copied().flatten() else { continue };
        let end = start.plus(d);
        if end > bound {
            let room = bound.minutes_since_midnight().saturating_sub(start.minutes_since_midnight());
            let fix = (room > 0).then(|| Fix {
                label: format!("Plan {room} min").into(),
                edit: Edit::Set {
                    field: item_field(item.id, ItemField::Duration),
                    value: Value::Count(Some(room)),
                },
            });
            cx.push(
                "time.overrun",
                Severity::Warning,
                item_field(item.id, ItemField::Duration),
                match computed {
                    Some(_) => format!("{d} min from {start} runs to {end}, past {bound}."),
                    None => format!("{d} min from {start} at the earliest runs to {end}, past {bound}."),
                },
                fix,
            );
        }
    }
    if let Some(w) = window_minutes(s) {
        // Saturating: a file may hold any duration, and a sum must not wrap or panic.
        let planned: u32 = s.items.iter().filter_map(|i| i.duration).fold(0, u32::saturating_add);
        if planned > w {
            cx.push(
                "session.overbooked",
                Severity::Warning,
                Field::Session { session: s.id, field: SessionField::End },
                format!("The items plan {planned} min in a {w} min session."),
                None,
            );
        }
    }
}

fn check_future_meetings(cx: &mut Ctx) {
    let a = cx.agenda;
    let meeting_start = a.start_date.or_else(|| a.sessions.iter().filter_map(|s| session_date(a, s)).min());
    for m in &a.future_meetings {
        let mf = |field| Field::FutureMeeting { meeting: m.id, field };
        if let (Some(d), Some(ms)) = (m.date, meeting_start) {
            if d < ms {
                cx.push(
                    "future.before-meeting",
                    Severity::Warning,
                    mf(FutureMeetingField::Date),
                    format!("{} is before this meeting ({}).", d.long(), ms.long()),
                    None,
                );
            }
        }
        if let (Some(s), Some(e)) = (m.start, m.end) {
            if e <= s {
                cx.push(
                    "future.window",
                    Severity::Warning,
                    mf(FutureMeetingField::End),
                    format!("Ends at {e}, which is not after its start at {s}."),
                    None,
                );
            }
        }
    }
}

/// Words of a title that carry its meaning: no "X: " prefix, no parenthetical, no filler.
/// Words of a title that carry its meaning (no "X: " prefix, no parenthetical, no filler), as
/// sorted hashes: titles are compared on every keystroke, and a set of `String`s per title
/// cost most of a check pass.
fn title_words(title: &str) -> Vec<u64> {
    const FILLER: &[&str] = &[
        "the", "of", "for", "a", "an", "and", "to", "in", "on", "by", "with", "from", "draft", "updated",
        "revised", "new", "s",
    ];
    let mut t = title.trim();
    if let Some((head, rest)) = t.split_once(':') {
        if head.split_whitespace().count() <= 6 && !rest.trim().is_empty() {
            t = rest;
        }
    }
    let mut words = Vec::new();
    let mut depth = 0;
    let mut word = String::new();
    let flush = |word: &mut String, words: &mut Vec<u64>| {
        let w = word.trim_matches(|c| c == '-' || c == '/');
        if !w.is_empty() && !FILLER.contains(&w) {
            words.push(fnv(FNV_START, w.as_bytes()));
        }
        word.clear();
    };
    for c in t.chars() {
        match c {
            '(' => {
                flush(&mut word, &mut words);
                depth += 1
            }
            ')' => depth -= 1,
            _ if depth > 0 => {}
            // Dashes separate words: "2025-2028", "2025–2028" (Word's en dash) and "2028 - 2031"
            // must read alike, or the same title typed two ways draws xref.title.
            c if c.is_ascii_alphanumeric() || c == '/' => word.push(c.to_ascii_lowercase()),
            c if c.is_alphanumeric() => word.extend(c.to_lowercase()),
            _ => flush(&mut word, &mut words),
        }
    }
    flush(&mut word, &mut words);
    words.sort_unstable();
    words.dedup();
    words
}

/// Whether every element of sorted `small` is in sorted `big`.
fn sorted_subset(small: &[u64], big: &[u64]) -> bool {
    let mut j = 0;
    for x in small {
        while j < big.len() && big[j] < *x {
            j += 1;
        }
        if j == big.len() || big[j] != *x {
            return false;
        }
        j += 1;
    }
    true
}

/// Titles agree when one says no more than the other, once prefixes and filler are set aside:
/// "TSB: Schedule of meetings …" and "RG-SOP: Schedule of meetings …" agree.
pub fn titles_agree(a: &str, b: &str) -> bool {
    // The usual case, an item titled as its register entry, needs no words compared.
    if a == b || trimmed(a) == trimmed(b) {
        return true;
    }
    let (x, y) = (title_words(a), title_words(b));
    x.is_empty() || y.is_empty() || sorted_subset(&x, &y) || sorted_subset(&y, &x)
}

/// FNV-1a over bytes: stable and allocation-free, plenty for telling words and names apart.
fn fnv(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3))
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// The parties named in a source ("Ericsson Canada; Canada"), each with its spacing and case
/// folded ("Rapporteur , RG-IEM" is "rapporteur, rg-iem"), as sorted hashes.
fn parties(source: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut lower = String::new();
    for party in source.split(';') {
        let mut h = FNV_START;
        let mut any = false;
        for (i, w) in party.split_whitespace().enumerate() {
            // A word that is only a comma joins the previous one: "RG-IEM ," reads "RG-IEM,".
            if i > 0 && !w.starts_with(',') {
                h = fnv(h, b" ");
            }
            let bytes = if w.is_ascii() {
                lower.clear();
                lower.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
                lower.as_bytes()
            } else {
                lower = w.to_lowercase();
                lower.as_bytes()
            };
            h = fnv(h, bytes);
            any = true;
        }
        if any {
            out.push(h);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Sources agree when one names no party the other does not ("ITU/SG/SPM" against
/// "TSB; ITU/SG/SPM").
pub fn sources_agree(a: &str, b: &str) -> bool {
    if a == b || trimmed(a) == trimmed(b) {
        return true;
    }
    let (x, y) = (parties(a), parties(b));
    x.is_empty() || y.is_empty() || sorted_subset(&x, &y) || sorted_subset(&y, &x)
}

/// What identifies a document across its revisions, as [`DocKey`] does, but borrowing the
/// prefix: a pass looks up every cited and registered number, and cloning each prefix to do so
/// cost more than the lookup.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key<'a> {
    prefix: Option<&'a str>,
    series: Series,
    number: u32,
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
    fn of(id: &'a DocId) -> Self {
        Key { prefix: id.prefix.as_deref(), series: id.series, number: id.digits.value() }
    }
}

const NO_ENTRY: u32 = u32::MAX;

/// The register by document: for each key its first and last entry, and from each entry the
/// next one with the same key, in register order (a document's revisions, and duplicates).
struct RegisterIndex<'a> {
    /// The first entry of each document with no group prefix, at `2 * number + series`.
    /// Meetings number their documents from one upwards, so a table a few times the size of
    /// the register holds nearly all of them, and finds each faster than a hash map would.
    plain: Vec<u32>,
    /// Numbers below this are in `plain` (or nowhere), never in `ends`.
    plain_bound: u32,
    /// The first entry of every other document.
    ends: FastMap<Key<'a>, u32>,
    /// The last entry of each document so far, at the place of its first.
    last: Vec<u32>,
    next: Vec<u32>,
    revision: Vec<Option<u32>>,
}

impl<'a> RegisterIndex<'a> {
    fn new(n: usize) -> Self {
        RegisterIndex {
            plain: Vec::new(),
            plain_bound: u32::try_from(4 * n + 1024).unwrap_or(u32::MAX),
            ends: FastMap::default(),
            last: vec![NO_ENTRY; n],
            next: vec![NO_ENTRY; n],
            revision: vec![None; n],
        }
    }

    /// Where `plain` keeps a key, if there.
    fn slot(&self, key: &Key) -> Option<usize> {
        let contribution = usize::from(key.series == Series::Contribution);
        (key.prefix.is_none() && key.number < self.plain_bound)
            .then(|| 2 * key.number as usize + contribution)
    }

    /// Positions of the entries sharing a key, from the first.
    fn chain(&self, first: u32) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(first), |i| Some(self.next[*i as usize]).filter(|n| *n != NO_ENTRY))
            .map(|i| i as usize)
    }

    fn first(&self, key: &Key) -> Option<u32> {
        match self.slot(key) {
            Some(k) => self.plain.get(k).copied().filter(|i| *i != NO_ENTRY),
            None => self.ends.get(key).copied(),
        }
    }

    /// Adds the entry at `i` under `key`; gives the first and last entries the key had before.
    fn add(&mut self, key: Key<'a>, i: u32) -> Option<(u32, u32)> {
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
fn blank(n: &DocNumber) -> bool {
    match n {
        DocNumber::Outside(s) | DocNumber::Unparsed(s) => s.trim().is_empty(),
        DocNumber::Document(_) | DocNumber::Annex(_) => false,
    }
}

/// The citations of a pass as it walks the agenda: which register entries are cited, and what
/// was found about the rest.
struct Citing<'i, 'a> {
    index: &'i RegisterIndex<'a>,
    cited: Vec<bool>,
    reported_missing: FastSet<(DocKey, Option<u32>, Field)>,
    found: Vec<Finding>,
    annex_refs: Vec<(&'a str, Field)>,
    item_refs: Vec<(&'a str, Field)>,
}

impl<'a> Citing<'_, 'a> {
    fn text(&mut self, cx: &Ctx, text: &'a str, place: Field) {
        if text.is_empty() {
            return;
        }
        scan_as_written(text, |m| match m {
            Mentioned::Document(d) => {
                // A document registered at the revision cited, as nearly every one is, is
                // marked cited without a copy of its number.
                let registered = d.prefix.is_none() && {
                    let key = Key { prefix: None, series: d.series, number: d.digits.value() };
                    self.index.first(&key).is_some_and(|first| self.cite(first, d.revision))
                };
                if !registered {
                    let id = d.to_id();
                    self.document(cx, &id, Key::of(&id), place, None);
                }
            }
            Mentioned::Annex(l) => self.annex_refs.push((l, place)),
            Mentioned::Item(n) => self.item_refs.push((n, place)),
        });
    }

    /// Marks cited every entry of the document listed first at `first` that is at `revision`;
    /// false if none is.
    fn cite(&mut self, first: u32, revision: Option<u32>) -> bool {
        // Every entry at this revision is cited, a duplicate too: it is reported as
        // register.duplicate, not also as "nothing cites it".
        let mut any = false;
        let mut i = first;
        while i != NO_ENTRY {
            if self.index.revision[i as usize] == revision {
                self.cited[i as usize] = true;
                any = true;
            }
            i = self.index.next[i as usize];
        }
        any
    }

    /// A cited document against the register; `item` is the item whose Docs column cites it.
    /// Gives the first register entry of the document, if it has one.
    fn document(
        &mut self,
        cx: &Ctx,
        id: &DocId,
        key: Key,
        place: Field,
        item: Option<ItemId>,
    ) -> Option<u32> {
        let a = cx.agenda;
        let index = self.index;
        let Some(first) = index.first(&key) else {
            if !self.reported_missing.insert((id.key(), id.revision, place)) {
                return None;
            }
            let fix = Fix {
                label: format!("Add {id} to Annex A").into(),
                edit: Edit::InsertEntry { index: a.register.len(), entry: prefilled_entry(cx, id, item) },
            };
            self.found.push(cx.finding(
                "xref.unregistered",
                Severity::Error,
                place,
                format!("{id} is cited but is not in the register (Annex A)."),
                Some(fix),
            ));
            return None;
        };
        if self.cite(first, id.revision) {
            return Some(first);
        }
        for i in index.chain(first) {
            self.cited[i] = true;
        }
        let rev = index.chain(first).map(|i| index.revision[i]).max().expect("a chain has entries");
        let registered = id.with_revision(rev);
        let fix = item.and_then(|item| {
            let it = cx.outline.item(item)?;
            let docs: Vec<DocRef> = it
                .docs
                .iter()
                .map(|d| match &d.number {
                    DocNumber::Document(x) if x == id => {
                        DocRef { number: DocNumber::Document(registered.clone()), ..d.clone() }
                    }
                    _ => d.clone(),
                })
                .collect();
            Some(Fix {
                label: format!("Cite {registered}").into(),
                edit: Edit::Set { field: item_field(item, ItemField::Docs), value: Value::Docs(docs) },
            })
        });
        self.found.push(cx.finding(
            "xref.revision",
            Severity::Warning,
            place,
            format!("{id} is cited, but the register lists {registered}."),
            fix,
        ));
        Some(first)
    }
}

/// The title and source of an item citing one document against the register's.
fn check_agreement(
    cx: &Ctx,
    index: &RegisterIndex,
    item: &Item,
    id: &DocId,
    first: u32,
    out: &mut Vec<Finding>,
) {
    let a = cx.agenda;
    let i = index.chain(first).find(|i| index.revision[*i] == id.revision).unwrap_or(first as usize);
    let e = &a.register[i];
    if !titles_agree(&item.title, &e.title) {
        out.push(cx.finding(
            "xref.title",
            Severity::Warning,
            item_field(item.id, ItemField::Title),
            format!("The title differs from the register's title for {}: \"{}\".", e.number, e.title.trim()),
            Some(Fix {
                label: "Use the register's title".into(),
                edit: Edit::Set {
                    field: item_field(item.id, ItemField::Title),
                    value: Value::Text(e.title.trim().to_string()),
                },
            }),
        ));
    }
    if !sources_agree(&item.source, &e.source) {
        out.push(cx.finding(
            "xref.source",
            Severity::Warning,
            item_field(item.id, ItemField::Source),
            format!(
                "The source differs from the register's source for {}: \"{}\".",
                e.number,
                e.source.trim()
            ),
            Some(Fix {
                label: "Use the register's source".into(),
                edit: Edit::Set {
                    field: item_field(item.id, ItemField::Source),
                    value: Value::Text(e.source.trim().to_string()),
                },
            }),
        ));
    }
}

/// What the walks over the register and the items found about words, for [`check_vocabulary`].
struct Words<'v> {
    /// The register entries with no category (None), or one not in the vocabulary (with the
    /// word it may be a typo of), in register order.
    categories: Vec<(usize, Option<Unknown<'v>>)>,
    /// What was found about the items' titles and actions.
    items: Vec<Finding>,
}

/// Documents, annexes and items cited against what the agenda has. The same walks over the
/// register and the items read categories, titles and actions against the vocabulary, for
/// [`check_vocabulary`]: the register is walked once, not once for each check.
fn check_references<'v>(cx: &mut Ctx, categories: &'v [String]) -> Words<'v> {
    let a = cx.agenda;
    let n = a.register.len();
    let mut category_hints = Suggestions::new(categories);
    let mut category_words = Vec::new();
    let mut index = RegisterIndex::new(n);
    // The revisions seen of documents registered more than once: the rest cannot be duplicates.
    let mut seen: FastSet<(Key, Option<u32>)> = FastSet::default();
    // Whether entry ids rise is seen in this walk: where they do, the last is the largest.
    let mut rising = true;
    let mut previous = None;
    for (i, e) in a.register.iter().enumerate() {
        rising &= previous < Some(e.id);
        previous = Some(e.id);
        match &e.number {
            DocNumber::Document(id) => {
                let key = Key::of(id);
                index.revision[i] = id.revision;
                let duplicate = match index.add(key, i as u32) {
                    None => false,
                    Some((first, last)) => {
                        if first == last {
                            seen.insert((key, index.revision[first as usize]));
                        }
                        !seen.insert((key, id.revision))
                    }
                };
                if duplicate {
                    cx.push(
                        "register.duplicate",
                        Severity::Error,
                        Field::Entry { entry: e.id, field: EntryField::Number },
                        format!("{id} is already in the register."),
                        Some(Fix { label: "Remove this entry".into(), edit: Edit::RemoveEntry { id: e.id } }),
                    );
                }
            }
            other => {
                let msg = if blank(other) {
                    "This entry has no document number.".to_string()
                } else {
                    format!("\"{other}\" is not a TD or contribution number (such as TD514, TD667R1, C103).")
                };
                let place = Field::Entry { entry: e.id, field: EntryField::Number };
                cx.push("register.unreadable", Severity::Warning, place, msg, None);
            }
        }
        let c = trimmed(&e.category);
        if c.is_empty() {
            if !blank(&e.number) {
                category_words.push((i, None));
            }
        } else if let Some(word) = category_hints.unknown(c) {
            category_words.push((i, Some(word)));
        }
    }
    cx.next_entry = match (rising, a.register.last()) {
        (true, Some(last)) => EntryId(last.id.0 + 1),
        _ => a.next_entry_id(),
    };

    // Citations from Docs columns and from every text against the register, and mentions of
    // annexes and items, in one walk over the items. What it finds about citations waits for
    // the doc.unreadable findings, and what it finds about titles and sources for
    // register.uncited, so that findings keep the order of the checks.
    let cxr: &Ctx = cx;
    let mut cites = Citing {
        index: &index,
        cited: vec![false; n],
        reported_missing: FastSet::default(),
        found: Vec::new(),
        annex_refs: Vec::new(),
        item_refs: Vec::new(),
    };
    let af = |field| Field::Agenda { field };
    cites.text(cxr, &a.abstract_text, af(AgendaField::Abstract));
    cites.text(cxr, &a.action_required, af(AgendaField::ActionRequired));
    cites.text(cxr, &a.notes, af(AgendaField::Notes));
    for s in &a.sessions {
        cites.text(cxr, &s.title, Field::Session { session: s.id, field: SessionField::Title });
    }
    let own = a.own_document();
    let own_key = own.as_ref().map(Key::of);
    let mut adopted = false;
    let mut unreadable: Vec<(ItemId, &str)> = Vec::new();
    let mut agreement: Vec<Finding> = Vec::new();
    let actions = a.action_vocabulary();
    let mut action_hints = Suggestions::new(&actions);
    let mut item_words = Vec::new();
    // The first item to adopt something, where the agenda's own number belongs if no item cites
    // it: found in this walk, while its actions are at hand, not in another.
    let mut adoption: Option<&Item> = None;
    a.for_each_item(|item| {
        check_item_words(cxr, &mut action_hints, item, &mut item_words);
        if adoption.is_none() && item.actions.iter().any(|x| x.eq_ignore_ascii_case("To adopt")) {
            adoption = Some(item);
        }
        let f = |field| item_field(item.id, field);
        let mut documents = 0;
        let mut only = None;
        for d in &item.docs {
            match &d.number {
                DocNumber::Document(id) => {
                    let key = Key::of(id);
                    let registered = cites.document(cxr, id, key, f(ItemField::Docs), Some(item.id));
                    adopted |= own_key == Some(key);
                    documents += 1;
                    only = registered.map(|first| (id, first));
                }
                DocNumber::Annex(l) => cites.annex_refs.push((l, f(ItemField::Docs))),
                DocNumber::Outside(_) => {}
                DocNumber::Unparsed(t) => unreadable.push((item.id, t)),
            }
            cites.text(cxr, &d.note, f(ItemField::Docs));
        }
        cites.text(cxr, &item.title, f(ItemField::Title));
        cites.text(cxr, &item.summary, f(ItemField::Summary));
        cites.text(cxr, &item.notes, f(ItemField::Notes));
        if let (1, Some((id, first))) = (documents, only) {
            check_agreement(cxr, &index, item, id, first, &mut agreement);
        }
    });
    for an in &a.annexes {
        cites.text(cxr, &an.body, Field::Annex { annex: an.id, field: AnnexField::Body });
    }
    for m in &a.future_meetings {
        let place = Field::FutureMeeting { meeting: m.id, field: FutureMeetingField::Subject };
        cites.text(cxr, &m.subject, place);
        cites.text(cxr, &m.timing, place);
    }
    let Citing { cited, found, annex_refs, item_refs, .. } = cites;

    for (item, text) in unreadable {
        let msg = if text.is_empty() {
            "An empty document reference.".to_string()
        } else {
            format!("\"{text}\" is not a document number this editor can read (such as TD514, TD667R1, C103, Annex B, C24/59 Rev.1); it is kept as written.")
        };
        cx.push("doc.unreadable", Severity::Warning, item_field(item, ItemField::Docs), msg, None);
    }
    for f in found {
        cx.file(f);
    }
    // A large register is mostly uncited in a draft: room for them all at once, not by doubling.
    cx.out[group(Severity::Warning)].reserve(cited.iter().filter(|c| !**c).count());
    for (i, e) in a.register.iter().enumerate() {
        if !cited[i] && matches!(e.number, DocNumber::Document(_)) {
            let mut message = String::with_capacity(40);
            message.push_str("Nothing in the agenda cites ");
            e.number.write_to(&mut message);
            message.push('.');
            cx.push(
                "register.uncited",
                Severity::Warning,
                Field::Entry { entry: e.id, field: EntryField::Number },
                message,
                Some(Fix { label: "Remove from Annex A".into(), edit: Edit::RemoveEntry { id: e.id } }),
            );
        }
    }
    for f in agreement {
        cx.file(f);
    }

    // Annexes: A is the register; B … are the free-text annexes.
    let mut referenced: HashSet<&str> = HashSet::new();
    for (letter, place) in &annex_refs {
        let exists = letter.starts_with(REGISTER_LETTER) && letter.len() == 1
            || (0..a.annexes.len()).any(|i| annex_letter(i) == *letter);
        if exists {
            referenced.insert(*letter);
        } else {
            let last = if a.annexes.is_empty() {
                "only Annex A, the register".to_string()
            } else {
                format!("annexes A to {}", annex_letter(a.annexes.len() - 1))
            };
            cx.push(
                "annex.missing",
                Severity::Error,
                *place,
                format!("Annex {letter} does not exist: this agenda has {last}."),
                None,
            );
        }
    }
    for (i, an) in a.annexes.iter().enumerate() {
        let letter = annex_letter(i);
        if !referenced.contains(letter.as_str()) {
            cx.push(
                "annex.unreferenced",
                Severity::Warning,
                Field::Annex { annex: an.id, field: AnnexField::Title },
                format!("Nothing in the agenda refers to Annex {letter}."),
                None,
            );
        }
    }

    // "see 2.2" must name an item that exists.
    if !item_refs.is_empty() {
        for (n, place) in &item_refs {
            if !cx.outline.has_number(n) {
                cx.push("xref.item", Severity::Error, *place, format!("There is no item {n}."), None);
            }
        }
    }

    // The agenda's own number: in the register, and cited by an item (its adoption).
    match &own {
        None => {
            let msg = if a.document.trim().is_empty() {
                "The agenda has no document number (such as TD514).".to_string()
            } else {
                format!("\"{}\" is not a TD or contribution number (such as TD514).", a.document.trim())
            };
            cx.push("agenda.number", Severity::Warning, af(AgendaField::Document), msg, None);
        }
        Some(own) => {
            if own_key.and_then(|k| index.first(&k)).is_none() {
                cx.push(
                    "agenda.own-register",
                    Severity::Warning,
                    af(AgendaField::Document),
                    format!("The agenda's own number, {own}, is not in its register (Annex A)."),
                    Some(Fix {
                        label: format!("Add {own} to Annex A").into(),
                        edit: Edit::InsertEntry {
                            index: a.register.len(),
                            entry: RegisterEntry {
                                id: cx.next_entry,
                                number: DocNumber::Document(own.clone()),
                                category: "Admin".into(),
                                source: a.source.trim().to_string(),
                                title: a.title.trim().to_string(),
                            },
                        },
                    }),
                );
            }
            if !adopted {
                let fix = adoption.map(|i| {
                    let mut docs = i.docs.clone();
                    docs.push(DocRef::new(&own.to_string()));
                    Fix {
                        label: format!(
                            "Cite {own} in item {}",
                            cx.outline.number(i.id).as_deref().unwrap_or("?")
                        )
                        .into(),
                        edit: Edit::Set {
                            field: item_field(i.id, ItemField::Docs),
                            value: Value::Docs(docs),
                        },
                    }
                });
                cx.push(
                    "agenda.own-adoption",
                    Severity::Warning,
                    af(AgendaField::Document),
                    format!("No item cites the agenda's own number, {own}, for adoption."),
                    fix,
                );
            }
        }
    }
    Words { categories: category_words, items: item_words }
}

/// A register entry for a cited document, prefilled from the item that cites it.
fn prefilled_entry(cx: &Ctx, id: &DocId, item: Option<ItemId>) -> RegisterEntry {
    let it = item.and_then(|i| cx.outline.item(i));
    RegisterEntry {
        id: cx.next_entry,
        number: DocNumber::Document(id.clone()),
        category: match id.series {
            Series::Contribution => "Contribution".into(),
            Series::Td => "Information".into(),
        },
        source: it.map(|i| i.source.trim().to_string()).unwrap_or_default(),
        title: it.map(|i| i.title.trim().to_string()).unwrap_or_default(),
    }
}

/// Edit distance, case-insensitive, for "did you mean" suggestions.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The closest word of a vocabulary, if it is close enough to be a typo of it.
pub fn nearest<'v>(word: &str, vocabulary: &'v [String]) -> Option<&'v str> {
    let w = word.trim();
    let (best, d) = vocabulary.iter().map(|v| (v, distance(w, v))).min_by_key(|(_, d)| *d)?;
    (d <= (w.chars().count() / 4).max(2)).then_some(best.as_str())
}

/// Membership and "did you mean" for one vocabulary, with each distinct word's verdict worked
/// out once per pass: a register repeats a handful of categories (and typos) thousands of times.
struct Suggestions<'v, 'a> {
    vocabulary: &'v [String],
    lower: HashSet<String>,
    verdicts: FastMap<&'a str, Option<Unknown<'v>>>,
    /// How many distinct unknown words there are so far.
    unknowns: usize,
}

/// A word a vocabulary does not know.
#[derive(Clone, Copy)]
struct Unknown<'v> {
    /// Distinct unknown words are numbered from 0 in the order met, for texts about each word
    /// to be written once.
    number: usize,
    /// The word of the vocabulary it may be a typo of.
    near: Option<&'v str>,
}

impl<'v, 'a> Suggestions<'v, 'a> {
    fn new(vocabulary: &'v [String]) -> Self {
        Suggestions {
            vocabulary,
            lower: vocabulary.iter().map(|v| v.to_lowercase()).collect(),
            verdicts: FastMap::default(),
            unknowns: 0,
        }
    }

    /// None for a word of the vocabulary; for any other, what is known about it.
    fn unknown(&mut self, word: &'a str) -> Option<Unknown<'v>> {
        if self.vocabulary.iter().any(|v| v == word) {
            return None;
        }
        if let Some(v) = self.verdicts.get(word) {
            return *v;
        }
        let known = self.lower.contains(&word.to_lowercase());
        let v = (!known).then(|| Unknown { number: self.unknowns, near: nearest(word, self.vocabulary) });
        self.unknowns += usize::from(v.is_some());
        self.verdicts.insert(word, v);
        v
    }
}

/// `s.trim()`, without reading characters when `s` plainly starts and ends with something other
/// than a space or a non-ASCII character, as nearly every text does.
fn trimmed(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(&first), Some(&last)) if (b'!'..0x80).contains(&first) && (b'!'..0x80).contains(&last) => s,
        _ => s.trim(),
    }
}

/// `s.trim_end_matches('.')`, a byte at a time: the pattern machinery cost more than the rest
/// of reading an action.
fn without_final_dots(s: &str) -> &str {
    let mut end = s.len();
    while end > 0 && s.as_bytes()[end - 1] == b'.' {
        end -= 1;
    }
    &s[..end]
}

/// Joins pieces into one string of the right size: a pass writes the texts of thousands of
/// findings, and `format!` costs several times this.
fn concat(pieces: &[&str]) -> String {
    let mut s = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for p in pieces {
        s.push_str(p);
    }
    s
}

/// What the walks found about register categories, then about the items' titles and actions.
fn check_vocabulary(cx: &mut Ctx, words: Words) {
    let a = cx.agenda;
    cx.out[group(Severity::Warning)].reserve(words.categories.len() + words.items.len());
    // The message and the fix about each distinct unknown category, written when first needed:
    // a register repeats a typo hundreds of times.
    let mut texts: Vec<Option<(String, Fix)>> = Vec::new();
    for (i, verdict) in words.categories {
        let e = &a.register[i];
        let place = Field::Entry { entry: e.id, field: EntryField::Category };
        let Some(word) = verdict else {
            cx.push(
                "register.category",
                Severity::Warning,
                place,
                format!("{} has no category.", e.number),
                None,
            );
            continue;
        };
        if texts.len() <= word.number {
            texts.resize(word.number + 1, None);
        }
        let (message, fix) = texts[word.number].get_or_insert_with(|| {
            let c = trimmed(&e.category);
            match word.near {
                Some(n) => (
                    concat(&["\"", c, "\" is not a known category. Did you mean \"", n, "\"?"]),
                    Fix {
                        label: concat(&["Change to \"", n, "\""]).into(),
                        edit: Edit::Set { field: place, value: Value::Text(n.to_string()) },
                    },
                ),
                None => (
                    concat(&["\"", c, "\" is not a known category."]),
                    vocabulary_addition(&a.categories, c, AgendaField::Categories, "categories"),
                ),
            }
        });
        let fix = match word.near {
            // A change of category is an edit of this entry; an addition, of the agenda.
            Some(n) => Fix {
                label: fix.label.clone(),
                edit: Edit::Set { field: place, value: Value::Text(n.to_string()) },
            },
            None => fix.clone(),
        };
        let message = message.clone();
        cx.push("register.category", Severity::Warning, place, message, Some(fix));
    }
    for f in words.items {
        cx.file(f);
    }
}

/// The fix for a word no vocabulary knows and none is near: add it to the agenda's own list
/// (`field`, named `list` in the label).
fn vocabulary_addition(own: &[String], word: &str, field: AgendaField, list: &str) -> Fix {
    let mut own = own.to_vec();
    own.push(word.to_string());
    Fix {
        label: format!("Add \"{word}\" to this agenda's {list}").into(),
        edit: Edit::Set { field: Field::Agenda { field }, value: Value::List(own) },
    }
}

/// An item's title and actions against the vocabulary.
fn check_item_words<'a>(
    cx: &Ctx<'a>,
    hints: &mut Suggestions<'_, 'a>,
    item: &'a Item,
    out: &mut Vec<Finding>,
) {
    let a = cx.agenda;
    let place = item_field(item.id, ItemField::Actions);
    if trimmed(&item.title).is_empty() {
        out.push(cx.finding(
            "item.untitled",
            Severity::Note,
            item_field(item.id, ItemField::Title),
            "This item has no title yet.".into(),
            None,
        ));
    }
    for (k, act) in item.actions.iter().enumerate() {
        let t = without_final_dots(trimmed(act));
        if t.is_empty() {
            continue;
        }
        let Some(Unknown { near: suggestion, .. }) = hints.unknown(t) else { continue };
        let fix = match suggestion {
            Some(n) => {
                let mut v = item.actions.clone();
                v[k] = n.to_string();
                Fix {
                    label: format!("Change to \"{n}\"").into(),
                    edit: Edit::Set { field: place, value: Value::List(v) },
                }
            }
            None => vocabulary_addition(&a.actions, t, AgendaField::Actions, "actions"),
        };
        out.push(cx.finding(
            "item.action",
            Severity::Warning,
            place,
            format!("\"{t}\" is not a known action."),
            Some(fix),
        ));
    }
}

/// Edits that add every cited document missing from the register, prefilled from what the
/// agenda says, as one step. None when nothing is missing.
pub fn add_missing_documents(agenda: &Agenda) -> Option<Edit> {
    let mut next = agenda.next_entry_id().0;
    let mut index = agenda.register.len();
    let mut added: HashSet<(DocKey, Option<u32>)> = HashSet::new();
    let mut edits = Vec::new();
    for f in check(agenda) {
        if f.code != "xref.unregistered" {
            continue;
        }
        if let Some(Fix { edit: Edit::InsertEntry { mut entry, .. }, .. }) = f.fix {
            let Some(id) = entry.number.as_document() else { continue };
            // Two citations of one document at different revisions need only one entry.
            if !added.insert((id.key(), None)) {
                continue;
            }
            entry.id = EntryId(next);
            next += 1;
            edits.push(Edit::InsertEntry { index, entry });
            index += 1;
        }
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}
