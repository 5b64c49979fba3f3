//! Edits on the TD514 agenda: every kind undoes exactly, the history folds typing, the item
//! commands renumber rows the way the user expects, and refused edits change nothing.

use agendum_core::docref::{DocNumber, DocRef};
use agendum_core::edit::{
    commands, AgendaField, AnnexField, EntryField, FutureMeetingField, ItemField, SessionField,
};
use agendum_core::model::{Annex, FutureMeeting, Location};
use agendum_core::model::{AnnexId, EntryId, FutureMeetingId, SessionId};
use agendum_core::time::{Date, Time};
use agendum_core::{Agenda, Edit, Field, History, Item, ItemId, RegisterEntry, Session, Value};

mod common;
use common::td514;

const S1: SessionId = SessionId(1);

fn at(parent: Option<u32>, index: usize) -> Location {
    Location { session: S1, parent: parent.map(ItemId), index }
}

fn item_title(id: u32) -> Field {
    Field::Item { item: ItemId(id), field: ItemField::Title }
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

/// The items table as the user sees it: number and the first words of the title.
fn outline(a: &Agenda) -> Vec<String> {
    a.rows()
        .iter()
        .map(|r| {
            let title = &a.item(r.id).unwrap().title;
            let short: Vec<&str> = title.split_whitespace().take(3).collect();
            format!("{} {}", r.number, short.join(" "))
        })
        .collect()
}

const TD514_OUTLINE: &[&str] = &[
    "1 Opening and welcome",
    "1.1 Draft agenda",
    "1.2 Documentation",
    "1.3 ToR of TSAG",
    "1.4 Progress report from",
    "2 Review of the",
    "2.1 Report of Industry",
    "2.2 Industry Engagement Proposed",
    "2.3 Draft updated ITU-T",
    "3 TSAG inputs to",
    "3.1 ITU’s Strategic Plans",
    "3.2 Elements to consider",
    "3.3 Schedule of meetings",
    "4 Operational plan for",
    "4.1 Four-year rolling Operational",
    "4.2 ITU-T draft operational",
    "4.3 Contribution of the",
    "5 Future meetings",
    "6 AOB",
    "7 Closure of the",
];

/// The TD514 outline with rows `from..to` replaced by `with`.
fn outline_with(from: usize, to: usize, with: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = TD514_OUTLINE.iter().map(|s| s.to_string()).collect();
    v.splice(from..to, with.iter().map(|s| s.to_string()));
    v
}

/// Applies an edit, then its inverse, then the inverse of that: the agenda must change, come
/// back exactly, and change the same way again (redo).
fn round_trip(name: &str, edit: Edit) {
    let original = td514();
    let mut a = original.clone();
    let inverse = edit.apply(&mut a).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_ne!(a, original, "{name}: the edit changed nothing");
    let edited = a.clone();
    let redo = inverse.apply(&mut a).unwrap_or_else(|e| panic!("{name}, undo: {e}"));
    assert_eq!(a, original, "{name}: undo did not restore the agenda");
    redo.apply(&mut a).unwrap_or_else(|e| panic!("{name}, redo: {e}"));
    assert_eq!(a, edited, "{name}: redo did not give the edited agenda");
}

fn session(id: u32, title: &str) -> Session {
    Session {
        id: SessionId(id),
        date: Date::new(2024, 8, 2),
        day_label: String::new(),
        start: Time::from_hm(9, 30),
        end: Time::from_hm(12, 30),
        title: title.into(),
        items: vec![Item::new(ItemId(100), "Opening of the second session")],
    }
}

// ---------------------------------------------------------------------------------------------
// Every kind of edit undoes exactly

#[test]
fn every_set_undoes() {
    let d = |y, m, day| Date::new(y, m, day);
    let t = |h, m| Time::from_hm(h, m);
    let sets: Vec<(&str, Field, Value)> = vec![
        ("agenda title", Field::Agenda { field: AgendaField::Title }, text("Agenda, RG-SOP (revised)")),
        ("agenda revision", Field::Agenda { field: AgendaField::Revision }, Value::Count(Some(1))),
        ("agenda start date", Field::Agenda { field: AgendaField::StartDate }, Value::Date(d(2024, 7, 30))),
        ("agenda end date cleared", Field::Agenda { field: AgendaField::EndDate }, Value::Date(None)),
        (
            "agenda actions",
            Field::Agenda { field: AgendaField::Actions },
            Value::List(vec!["To endorse".into()]),
        ),
        (
            "agenda categories",
            Field::Agenda { field: AgendaField::Categories },
            Value::List(vec!["Liaison".into()]),
        ),
        (
            "agenda link",
            Field::Agenda { field: AgendaField::LinkTemplate },
            text("https://www.itu.int/md/T22-TSAG-{number}"),
        ),
        (
            "session date",
            Field::Session { session: S1, field: SessionField::Date },
            Value::Date(d(2024, 8, 2)),
        ),
        (
            "session day",
            Field::Session { session: S1, field: SessionField::DayLabel },
            text("Friday, 2 August"),
        ),
        ("session start", Field::Session { session: S1, field: SessionField::Start }, Value::Time(t(14, 0))),
        ("session end cleared", Field::Session { session: S1, field: SessionField::End }, Value::Time(None)),
        ("session title", Field::Session { session: S1, field: SessionField::Title }, text("RG-SOP")),
        ("item title", item_title(8), text("Proposed actions")),
        ("item source", Field::Item { item: ItemId(8), field: ItemField::Source }, text("TSB")),
        (
            "item docs",
            Field::Item { item: ItemId(8), field: ItemField::Docs },
            Value::Docs(vec![DocRef::new("TD667R2"), DocRef { introduced: false, ..DocRef::new("C103") }]),
        ),
        ("item summary", Field::Item { item: ItemId(8), field: ItemField::Summary }, text("")),
        ("item actions", Field::Item { item: ItemId(8), field: ItemField::Actions }, Value::List(vec![])),
        (
            "item notes",
            Field::Item { item: ItemId(8), field: ItemField::Notes },
            text("Presented at TSAG Plenary."),
        ),
        ("item start", Field::Item { item: ItemId(8), field: ItemField::Start }, Value::Time(t(14, 40))),
        (
            "item duration",
            Field::Item { item: ItemId(8), field: ItemField::Duration },
            Value::Count(Some(10)),
        ),
        (
            "entry number",
            Field::Entry { entry: EntryId(10), field: EntryField::Number },
            Value::Number(DocNumber::parse("TD667R2")),
        ),
        (
            "entry category",
            Field::Entry { entry: EntryId(10), field: EntryField::Category },
            text("Information"),
        ),
        ("entry source", Field::Entry { entry: EntryId(10), field: EntryField::Source }, text("TSB")),
        ("entry title", Field::Entry { entry: EntryId(10), field: EntryField::Title }, text("Actions")),
        ("annex title", Field::Annex { annex: AnnexId(1), field: AnnexField::Title }, text("ToR")),
        ("annex body", Field::Annex { annex: AnnexId(1), field: AnnexField::Body }, text("- One\n- Two")),
        (
            "future date",
            Field::FutureMeeting { meeting: FutureMeetingId(2), field: FutureMeetingField::Date },
            Value::Date(d(2024, 10, 15)),
        ),
        (
            "future start",
            Field::FutureMeeting { meeting: FutureMeetingId(1), field: FutureMeetingField::Start },
            Value::Time(t(13, 0)),
        ),
        (
            "future end",
            Field::FutureMeeting { meeting: FutureMeetingId(1), field: FutureMeetingField::End },
            Value::Time(None),
        ),
        (
            "future timing",
            Field::FutureMeeting { meeting: FutureMeetingId(1), field: FutureMeetingField::Timing },
            text("To be confirmed"),
        ),
        (
            "future subject",
            Field::FutureMeeting { meeting: FutureMeetingId(2), field: FutureMeetingField::Subject },
            text("WTSA-24 coordination"),
        ),
    ];
    for (name, field, value) in sets {
        round_trip(name, Edit::Set { field, value });
    }
}

#[test]
fn every_structural_edit_undoes() {
    let a = td514();
    let mut with_children = Item::new(ItemId(50), "New topic");
    with_children.children = vec![Item::new(ItemId(51), "First part"), Item::new(ItemId(52), "Second part")];
    let edits: Vec<(&str, Edit)> = vec![
        ("insert an item first", Edit::InsertItem { at: at(None, 0), item: Box::new(with_children.clone()) }),
        (
            "insert an item last",
            Edit::InsertItem { at: at(None, 7), item: Box::new(Item::new(ItemId(50), "Last")) },
        ),
        (
            "insert a sub-item",
            Edit::InsertItem { at: at(Some(6), 1), item: Box::new(Item::new(ItemId(50), "Sub")) },
        ),
        (
            "insert under a leaf",
            Edit::InsertItem { at: at(Some(19), 0), item: Box::new(Item::new(ItemId(50), "AOB 1")) },
        ),
        ("remove a sub-item", Edit::RemoveItem { id: ItemId(8) }),
        ("remove an item with sub-items", Edit::RemoveItem { id: ItemId(6) }),
        ("remove the last item", Edit::RemoveItem { id: ItemId(20) }),
        ("move down among siblings", Edit::MoveItem { id: ItemId(7), to: at(Some(6), 2) }),
        ("move up among siblings", Edit::MoveItem { id: ItemId(20), to: at(None, 0) }),
        ("move to another parent", Edit::MoveItem { id: ItemId(12), to: at(Some(1), 4) }),
        ("move a sub-item to the top level", Edit::MoveItem { id: ItemId(5), to: at(None, 7) }),
        ("move an item with sub-items under another", Edit::MoveItem { id: ItemId(14), to: at(Some(10), 0) }),
        (
            "insert a session",
            Edit::InsertSession { index: 1, session: Box::new(session(2, "Second session")) },
        ),
        ("insert a session first", Edit::InsertSession { index: 0, session: Box::new(session(2, "Before")) }),
        ("remove the session", Edit::RemoveSession { id: S1 }),
        (
            "insert a register entry",
            Edit::InsertEntry {
                index: 3,
                entry: Box::new(RegisterEntry {
                    id: a.next_entry_id(),
                    number: DocNumber::parse("TD 700 Rev.1"),
                    category: "Information".into(),
                    source: "TSB".into(),
                    title: "Something new".into(),
                }),
            },
        ),
        ("remove a register entry", Edit::RemoveEntry { id: EntryId(5) }),
        (
            "insert an annex",
            Edit::InsertAnnex {
                index: 0,
                annex: Box::new(Annex { id: AnnexId(2), title: "Before B".into(), body: "x".into() }),
            },
        ),
        ("remove an annex", Edit::RemoveAnnex { id: AnnexId(1) }),
        (
            "insert a future meeting",
            Edit::InsertFutureMeeting {
                index: 2,
                meeting: Box::new(FutureMeeting {
                    id: FutureMeetingId(3),
                    date: Date::new(2024, 11, 5),
                    start: Time::from_hm(14, 0),
                    end: Time::from_hm(16, 0),
                    timing: String::new(),
                    subject: "Second input to CWG-SFP".into(),
                }),
            },
        ),
        ("remove a future meeting", Edit::RemoveFutureMeeting { id: FutureMeetingId(1) }),
        (
            "a batch",
            Edit::Batch(vec![
                Edit::Set { field: item_title(20), value: text("Close") },
                Edit::RemoveItem { id: ItemId(19) },
                Edit::MoveItem { id: ItemId(18), to: at(None, 0) },
                Edit::InsertSession { index: 1, session: Box::new(session(2, "Second session")) },
                Edit::MoveItem {
                    id: ItemId(20),
                    to: Location { session: SessionId(2), parent: None, index: 1 },
                },
                Edit::RemoveEntry { id: EntryId(1) },
            ]),
        ),
        (
            "a nested batch",
            Edit::Batch(vec![
                Edit::Batch(vec![Edit::RemoveItem { id: ItemId(2) }, Edit::RemoveItem { id: ItemId(3) }]),
                Edit::Batch(vec![]),
                Edit::Set { field: item_title(4), value: text("ToR") },
            ]),
        ),
    ];
    for (name, edit) in edits {
        round_trip(name, edit);
    }
}

#[test]
fn moving_into_another_session_and_back() {
    let original = td514();
    let mut a = original.clone();
    let undo_session = Edit::InsertSession { index: 1, session: Box::new(session(2, "Second session")) }
        .apply(&mut a)
        .unwrap();
    let with_session = a.clone();
    let to = Location { session: SessionId(2), parent: Some(ItemId(100)), index: 0 };
    let undo_move = Edit::MoveItem { id: ItemId(10), to }.apply(&mut a).unwrap();
    // Numbers run on across sessions: 3 moved away, the second session's item is 7 and has 7.1.
    let o = outline(&a);
    assert_eq!(o[9], "3 Operational plan for");
    assert_eq!(
        o[o.len() - 6..],
        [
            "6 Closure of the",
            "7 Opening of the",
            "7.1 TSAG inputs to",
            "7.1.1 ITU’s Strategic Plans",
            "7.1.2 Elements to consider",
            "7.1.3 Schedule of meetings",
        ]
    );
    undo_move.apply(&mut a).unwrap();
    assert_eq!(a, with_session);
    undo_session.apply(&mut a).unwrap();
    assert_eq!(a, original);
}

// ---------------------------------------------------------------------------------------------
// Refused edits change nothing

#[test]
fn moving_an_item_into_itself_is_refused_and_changes_nothing() {
    let original = td514();
    for to in [at(Some(6), 0), at(Some(7), 0), at(Some(9), 0)] {
        let mut a = original.clone();
        let err = Edit::MoveItem { id: ItemId(6), to }.apply(&mut a).unwrap_err();
        assert!(err.to_string().contains("cannot move inside itself"), "{err}");
        assert_eq!(a, original);
    }
    // Nor can an indent make an item its own sub-item through the History.
    let mut a = original.clone();
    let mut h = History::default();
    assert!(h.apply(&mut a, Edit::MoveItem { id: ItemId(1), to: at(Some(3), 0) }, false).is_err());
    assert_eq!(a, original);
    assert!(!h.can_undo());
}

#[test]
fn refused_edits_change_nothing() {
    let original = td514();
    let refused: Vec<(&str, Edit)> = vec![
        ("a value of the wrong kind", Edit::Set { field: item_title(8), value: Value::Count(Some(3)) }),
        ("an item that does not exist", Edit::Set { field: item_title(99), value: text("x") }),
        (
            "a session that does not exist",
            Edit::Set {
                field: Field::Session { session: SessionId(9), field: SessionField::Title },
                value: text("x"),
            },
        ),
        (
            "an id already in use",
            Edit::InsertItem { at: at(None, 0), item: Box::new(Item::new(ItemId(8), "Copy")) },
        ),
        ("past the end", Edit::InsertItem { at: at(None, 8), item: Box::new(Item::new(ItemId(50), "Far")) }),
        (
            "under a missing parent",
            Edit::InsertItem { at: at(Some(99), 0), item: Box::new(Item::new(ItemId(50), "x")) },
        ),
        ("removing a missing item", Edit::RemoveItem { id: ItemId(99) }),
        ("moving past the end", Edit::MoveItem { id: ItemId(7), to: at(Some(6), 3) }),
        ("moving under a missing parent", Edit::MoveItem { id: ItemId(7), to: at(Some(99), 0) }),
        (
            "moving into a missing session",
            Edit::MoveItem { id: ItemId(7), to: Location { session: SessionId(9), parent: None, index: 0 } },
        ),
        ("moving a missing item", Edit::MoveItem { id: ItemId(99), to: at(None, 0) }),
        ("a session past the end", Edit::InsertSession { index: 2, session: Box::new(session(2, "x")) }),
        ("removing a missing entry", Edit::RemoveEntry { id: EntryId(99) }),
        ("removing a missing annex", Edit::RemoveAnnex { id: AnnexId(9) }),
        ("removing a missing future meeting", Edit::RemoveFutureMeeting { id: FutureMeetingId(9) }),
    ];
    for (name, edit) in refused {
        let mut a = original.clone();
        assert!(edit.apply(&mut a).is_err(), "{name} was not refused");
        assert_eq!(a, original, "{name} changed the agenda");
    }
}

#[test]
fn a_failing_batch_changes_nothing() {
    let original = td514();
    let mut a = original.clone();
    let batch = Edit::Batch(vec![
        Edit::Set { field: item_title(20), value: text("Close") },
        Edit::RemoveItem { id: ItemId(7) },
        Edit::MoveItem { id: ItemId(14), to: at(None, 0) },
        Edit::InsertEntry {
            index: 0,
            entry: Box::new(RegisterEntry {
                id: EntryId(40),
                number: DocNumber::parse("TD700"),
                category: String::new(),
                source: String::new(),
                title: String::new(),
            }),
        },
        Edit::Batch(vec![Edit::RemoveItem { id: ItemId(2) }]),
        // Item 7 is gone by now: the whole batch fails.
        Edit::Set { field: item_title(7), value: text("x") },
    ]);
    let err = batch.apply(&mut a).unwrap_err();
    assert!(err.to_string().contains("no longer exists"), "{err}");
    assert_eq!(a, original);

    // Through the history: nothing recorded either.
    let mut h = History::default();
    let bad = Edit::Batch(vec![Edit::RemoveItem { id: ItemId(20) }, Edit::RemoveItem { id: ItemId(20) }]);
    assert!(h.apply(&mut a, bad, false).is_err());
    assert_eq!(a, original);
    assert!(!h.can_undo() && !h.can_redo());
}

// ---------------------------------------------------------------------------------------------
// History

#[test]
fn undo_and_redo_across_a_delete_and_a_move() {
    let original = td514();
    let mut a = original.clone();
    let mut h = History::default();
    assert!(!h.can_undo() && !h.can_redo());
    assert!(!h.undo(&mut a).unwrap());

    h.apply(&mut a, Edit::RemoveItem { id: ItemId(7) }, false).unwrap();
    let after_delete = a.clone();
    assert_eq!(outline(&a)[6], "2.1 Industry Engagement Proposed");

    let up = commands::move_up(&a, ItemId(14)).unwrap();
    h.apply(&mut a, up, false).unwrap();
    let after_move = a.clone();
    assert_eq!(outline(&a)[8], "3 Operational plan for");
    assert_eq!(outline(&a)[12], "4 TSAG inputs to");

    assert!(h.undo(&mut a).unwrap());
    assert_eq!(a, after_delete);
    assert!(h.undo(&mut a).unwrap());
    assert_eq!(a, original);
    assert!(!h.can_undo() && h.can_redo());
    assert!(!h.undo(&mut a).unwrap());

    assert!(h.redo(&mut a).unwrap());
    assert_eq!(a, after_delete);
    assert!(h.redo(&mut a).unwrap());
    assert_eq!(a, after_move);
    assert!(!h.can_redo());
    assert!(!h.redo(&mut a).unwrap());

    // Undo once, then a new edit: the redo stack is dropped.
    h.undo(&mut a).unwrap();
    h.apply(&mut a, Edit::Set { field: item_title(20), value: text("Closure") }, false).unwrap();
    assert!(!h.can_redo());
    h.undo(&mut a).unwrap();
    assert_eq!(a, after_delete);
    h.undo(&mut a).unwrap();
    assert_eq!(a, original);
}

/// Typing "Closure of the meeting" + suffix, one keystroke at a time, as the editor does.
fn type_into(h: &mut History, a: &mut Agenda, field: Field, start: &str, suffix: &str) {
    let mut s = start.to_string();
    for c in suffix.chars() {
        s.push(c);
        h.apply(a, Edit::Set { field, value: text(&s) }, true).unwrap();
    }
}

#[test]
fn typing_folds_into_one_undo_step() {
    let original = td514();
    let mut a = original.clone();
    let mut h = History::default();
    type_into(&mut h, &mut a, item_title(20), "Closure of the meeting", " and thanks");
    assert_eq!(a.item(ItemId(20)).unwrap().title, "Closure of the meeting and thanks");
    assert!(h.undo(&mut a).unwrap());
    assert_eq!(a, original, "one undo takes back the whole run of typing");
    assert!(!h.can_undo());
    assert!(h.redo(&mut a).unwrap());
    assert_eq!(a.item(ItemId(20)).unwrap().title, "Closure of the meeting and thanks");
}

#[test]
fn another_edit_or_seal_starts_a_new_typing_step() {
    let summary = Field::Item { item: ItemId(20), field: ItemField::Summary };
    let original = td514();

    // An edit of another kind in between.
    let mut a = original.clone();
    let mut h = History::default();
    type_into(&mut h, &mut a, item_title(20), "Closure of the meeting", " and");
    let after_first = a.clone();
    h.apply(&mut a, Edit::RemoveItem { id: ItemId(19) }, false).unwrap();
    let after_remove = a.clone();
    type_into(&mut h, &mut a, item_title(20), "Closure of the meeting and", " thanks");
    h.undo(&mut a).unwrap();
    assert_eq!(a, after_remove);
    h.undo(&mut a).unwrap();
    assert_eq!(a, after_first);
    h.undo(&mut a).unwrap();
    assert_eq!(a, original);
    assert!(!h.can_undo());

    // Typing in another field in between.
    let mut a = original.clone();
    let mut h = History::default();
    type_into(&mut h, &mut a, item_title(20), "Closure of the meeting", " and");
    let after_title = a.clone();
    type_into(&mut h, &mut a, summary, "Meeting report to be found in TD515.", " Thanks.");
    let after_summary = a.clone();
    type_into(&mut h, &mut a, item_title(20), "Closure of the meeting and", " thanks");
    h.undo(&mut a).unwrap();
    assert_eq!(a, after_summary);
    h.undo(&mut a).unwrap();
    assert_eq!(a, after_title);
    h.undo(&mut a).unwrap();
    assert_eq!(a, original);

    // The field lost focus (seal) and got it back.
    let mut a = original.clone();
    let mut h = History::default();
    type_into(&mut h, &mut a, item_title(20), "Closure of the meeting", " and");
    let before_seal = a.clone();
    h.seal();
    type_into(&mut h, &mut a, item_title(20), "Closure of the meeting and", " thanks");
    h.undo(&mut a).unwrap();
    assert_eq!(a, before_seal);
    h.undo(&mut a).unwrap();
    assert_eq!(a, original);

    // After an undo, typing starts afresh too.
    let mut a = original.clone();
    let mut h = History::default();
    type_into(&mut h, &mut a, item_title(20), "Closure of the meeting", " and");
    h.undo(&mut a).unwrap();
    type_into(&mut h, &mut a, item_title(20), "Closure of the meeting", "!");
    h.undo(&mut a).unwrap();
    assert_eq!(a, original);
    assert!(!h.can_undo());
}

// ---------------------------------------------------------------------------------------------
// Item commands

/// Applies a command's edit, checks the outline, and checks that undo restores TD514.
fn command(edit: Option<Edit>, want: Vec<String>) -> Agenda {
    let original = td514();
    let mut a = original.clone();
    let inverse = edit.expect("the command applies").apply(&mut a).unwrap();
    assert_eq!(outline(&a), want);
    let after = a.clone();
    inverse.apply(&mut a).unwrap();
    assert_eq!(a, original);
    after
}

#[test]
fn the_fixture_outline() {
    assert_eq!(outline(&td514()), TD514_OUTLINE);
    let rows = td514().rows();
    assert_eq!(rows.iter().map(|r| r.depth).max(), Some(1));
    assert_eq!(rows[1].id, ItemId(2));
}

#[test]
fn move_up_and_down_swap_with_the_neighbour() {
    let a = td514();
    command(
        commands::move_down(&a, ItemId(8)),
        outline_with(7, 9, &["2.2 Draft updated ITU-T", "2.3 Industry Engagement Proposed"]),
    );
    command(
        commands::move_up(&a, ItemId(8)),
        outline_with(6, 8, &["2.1 Industry Engagement Proposed", "2.2 Report of Industry"]),
    );
    // A top-level item moves with its sub-items and both renumber.
    command(
        commands::move_up(&a, ItemId(14)),
        outline_with(
            9,
            17,
            &[
                "3 Operational plan for",
                "3.1 Four-year rolling Operational",
                "3.2 ITU-T draft operational",
                "3.3 Contribution of the",
                "4 TSAG inputs to",
                "4.1 ITU’s Strategic Plans",
                "4.2 Elements to consider",
                "4.3 Schedule of meetings",
            ],
        ),
    );
    command(commands::move_down(&a, ItemId(19)), outline_with(18, 20, &["6 Closure of the", "7 AOB"]));
    // Nothing to swap with: the first and last of a list, at either level.
    assert_eq!(commands::move_up(&a, ItemId(1)), None);
    assert_eq!(commands::move_up(&a, ItemId(2)), None);
    assert_eq!(commands::move_down(&a, ItemId(20)), None);
    assert_eq!(commands::move_down(&a, ItemId(9)), None);
    assert_eq!(commands::move_up(&a, ItemId(99)), None);
}

#[test]
fn indent_makes_the_last_sub_item_of_the_item_above() {
    let a = td514();
    command(commands::indent(&a, ItemId(19)), outline_with(18, 20, &["5.1 AOB", "6 Closure of the"]));
    command(
        commands::indent(&a, ItemId(18)),
        outline_with(17, 20, &["4.4 Future meetings", "5 AOB", "6 Closure of the"]),
    );
    // A sub-item goes under its previous sibling, one level deeper.
    let b = command(
        commands::indent(&a, ItemId(8)),
        outline_with(7, 9, &["2.1.1 Industry Engagement Proposed", "2.2 Draft updated ITU-T"]),
    );
    assert_eq!(b.rows()[7].depth, 2);
    // An item with sub-items takes them along.
    command(
        commands::indent(&a, ItemId(6)),
        outline_with(
            5,
            20,
            &[
                "1.5 Review of the",
                "1.5.1 Report of Industry",
                "1.5.2 Industry Engagement Proposed",
                "1.5.3 Draft updated ITU-T",
                "2 TSAG inputs to",
                "2.1 ITU’s Strategic Plans",
                "2.2 Elements to consider",
                "2.3 Schedule of meetings",
                "3 Operational plan for",
                "3.1 Four-year rolling Operational",
                "3.2 ITU-T draft operational",
                "3.3 Contribution of the",
                "4 Future meetings",
                "5 AOB",
                "6 Closure of the",
            ],
        ),
    );
    // The first of a list has no item above it at its level.
    assert_eq!(commands::indent(&a, ItemId(1)), None);
    assert_eq!(commands::indent(&a, ItemId(2)), None);
}

#[test]
fn outdent_makes_the_item_right_after_its_parent() {
    /// Rows from `from` on, with their top-level number one higher.
    fn shifted(mut rows: Vec<String>, from: usize) -> Vec<String> {
        for row in rows.iter_mut().skip(from) {
            let (num, title) = row.split_once(' ').unwrap();
            let (top, rest) = num.split_once('.').map_or((num, ""), |(t, r)| (t, r));
            let top = top.parse::<u32>().unwrap() + 1;
            *row = if rest.is_empty() { format!("{top} {title}") } else { format!("{top}.{rest} {title}") };
        }
        rows
    }
    let a = td514();
    // The last sub-item becomes 2; everything after it renumbers.
    let want = shifted(outline_with(4, 5, &["2 Progress report from"]), 5);
    assert_eq!(want[5..7], ["3 Review of the", "3.1 Report of Industry"]);
    assert_eq!(want[19], "8 Closure of the");
    command(commands::outdent(&a, ItemId(5)), want);

    // A middle sub-item: its later siblings stay with the parent and move up a number.
    let want =
        shifted(outline_with(2, 5, &["1.2 ToR of TSAG", "1.3 Progress report from", "2 Documentation"]), 5);
    assert_eq!(want[5], "3 Review of the");
    let b = command(commands::outdent(&a, ItemId(3)), want);
    assert_eq!(b.locate(ItemId(3)).unwrap(), at(None, 1));

    // Indent then outdent puts an item back where it was.
    let mut c = a.clone();
    commands::indent(&c, ItemId(19)).unwrap().apply(&mut c).unwrap();
    commands::outdent(&c, ItemId(19)).unwrap().apply(&mut c).unwrap();
    assert_eq!(c, a);

    // A top-level item cannot be outdented.
    assert_eq!(commands::outdent(&a, ItemId(1)), None);
    assert_eq!(commands::outdent(&a, ItemId(20)), None);
}

#[test]
fn add_commands_put_a_new_empty_item_where_expected() {
    let a = td514();
    let (edit, id) = commands::add_after(&a, ItemId(8)).unwrap();
    assert_eq!(id, ItemId(21));
    let b = command(Some(edit), outline_with(8, 9, &["2.3 ", "2.4 Draft updated ITU-T"]));
    assert_eq!(b.item(id).unwrap(), &Item::new(ItemId(21), ""));

    let (edit, id) = commands::add_child(&a, ItemId(19)).unwrap();
    let b = command(Some(edit), outline_with(19, 19, &["6.1 "]));
    assert_eq!(b.locate(id).unwrap(), at(Some(19), 0));

    let (edit, _) = commands::add_to_session(&a, S1).unwrap();
    command(Some(edit), outline_with(20, 20, &["8 "]));

    assert!(commands::add_after(&a, ItemId(99)).is_none());
    assert!(commands::add_to_session(&a, SessionId(9)).is_none());
}

// ---------------------------------------------------------------------------------------------
// Commands of the session and register buttons, and of dropping a dragged row

/// Applies a command's edit and checks that its inverse restores the agenda; returns the agenda
/// as the command left it.
fn applied(original: &Agenda, edit: Edit) -> Agenda {
    let mut a = original.clone();
    let inverse = edit.apply(&mut a).unwrap();
    assert_ne!(&a, original, "the command changed nothing");
    let after = a.clone();
    inverse.apply(&mut a).unwrap();
    assert_eq!(&a, original, "undo did not restore the agenda");
    after
}

#[test]
fn dropping_a_row_puts_the_item_just_before_it() {
    let a = td514();
    // Up in the same list: 2.3 dropped on 2.1.
    command(
        commands::move_before(&a, ItemId(9), ItemId(7)),
        outline_with(
            6,
            9,
            &["2.1 Draft updated ITU-T", "2.2 Report of Industry", "2.3 Industry Engagement Proposed"],
        ),
    );
    // Down in the same list: 2.1 dropped on 2.3 lands between 2.2 and 2.3.
    command(
        commands::move_before(&a, ItemId(7), ItemId(9)),
        outline_with(6, 8, &["2.1 Industry Engagement Proposed", "2.2 Report of Industry"]),
    );
    // Into another list: 2.1 dropped on 1.1 becomes 1.1, at the sub-item level.
    let moved = commands::move_before(&a, ItemId(7), ItemId(2)).expect("applies");
    let after = applied(&a, moved);
    let rows = outline(&after);
    assert_eq!(rows[1], "1.1 Report of Industry");
    assert_eq!(rows[7], "2.1 Industry Engagement Proposed");
    // A top-level item dropped on a sub-item becomes a sub-item, its own sub-items with it.
    let after = applied(&a, commands::move_before(&a, ItemId(18), ItemId(2)).expect("applies"));
    assert_eq!(outline(&after)[1], "1.1 Future meetings");
}

#[test]
fn dropping_on_the_last_item_moves_to_the_end_but_one() {
    let a = td514();
    command(
        commands::move_before(&a, ItemId(1), ItemId(20)),
        [
            "1 Review of the",
            "1.1 Report of Industry",
            "1.2 Industry Engagement Proposed",
            "1.3 Draft updated ITU-T",
            "2 TSAG inputs to",
            "2.1 ITU’s Strategic Plans",
            "2.2 Elements to consider",
            "2.3 Schedule of meetings",
            "3 Operational plan for",
            "3.1 Four-year rolling Operational",
            "3.2 ITU-T draft operational",
            "3.3 Contribution of the",
            "4 Future meetings",
            "5 AOB",
            "6 Opening and welcome",
            "6.1 Draft agenda",
            "6.2 Documentation",
            "6.3 ToR of TSAG",
            "6.4 Progress report from",
            "7 Closure of the",
        ]
        .map(String::from)
        .to_vec(),
    );
}

#[test]
fn dropping_where_it_cannot_go_does_nothing() {
    let a = td514();
    assert_eq!(commands::move_before(&a, ItemId(6), ItemId(6)), None, "on itself");
    assert_eq!(commands::move_before(&a, ItemId(6), ItemId(8)), None, "into its own sub-items");
    assert_eq!(commands::move_before(&a, ItemId(99), ItemId(8)), None, "an unknown item");
    assert_eq!(commands::move_before(&a, ItemId(8), ItemId(99)), None, "on an unknown item");
    assert_eq!(commands::move_before(&Agenda::default(), ItemId(1), ItemId(2)), None, "an empty agenda");
}

#[test]
fn a_new_session_comes_last_and_empty_and_takes_dropped_items() {
    let a = td514();
    let (edit, id) = commands::add_session(&a);
    let after = applied(&a, edit);
    assert_eq!(after.sessions.len(), 2);
    let new = after.sessions.last().unwrap();
    assert_eq!(new.id, id);
    assert_eq!(new.title, "", "not a copy of the session above");
    assert!(new.items.is_empty() && new.date.is_none() && new.start.is_none());
    // An item moved into the new session keeps its place in the numbering, after the first
    // session's items.
    let (add, item) = commands::add_to_session(&after, id).unwrap();
    let mut b = after.clone();
    add.apply(&mut b).unwrap();
    let moved = applied(&b, commands::move_before(&b, ItemId(6), item).expect("applies"));
    assert_eq!(moved.sessions[1].items.iter().map(|i| i.id).collect::<Vec<_>>(), [ItemId(6), item]);
    assert_eq!(outline(&moved).iter().filter(|r| r.contains("Review of the")).count(), 1);

    let empty = Agenda::default();
    let (edit, _) = commands::add_session(&empty);
    let after = applied(&empty, edit);
    assert_eq!(after.sessions.len(), 1);
    assert_eq!(after.sessions[0].title, "");
}

#[test]
fn a_new_register_entry_is_empty_and_last() {
    let a = td514();
    let (edit, id) = commands::add_entry(&a);
    let after = applied(&a, edit);
    assert_eq!(after.register.len(), a.register.len() + 1);
    let e = after.register.last().unwrap();
    assert_eq!(e.id, id);
    assert!(a.register.iter().all(|old| old.id != id), "a fresh id");
    assert_eq!(e.number.to_string(), "");
    assert!(e.category.is_empty() && e.source.is_empty() && e.title.is_empty());
    let (edit, _) = commands::add_entry(&Agenda::default());
    assert_eq!(applied(&Agenda::default(), edit).register.len(), 1);
}

fn numbers(a: &Agenda) -> Vec<String> {
    a.register.iter().map(|e| e.number.to_string()).collect()
}

#[test]
fn sorting_the_register_is_one_undoable_step() {
    use commands::RegisterOrder;
    let a = td514();
    let by_number =
        applied(&a, commands::sort_register(&a, RegisterOrder::Number).expect("changes the order"));
    assert_eq!(
        numbers(&by_number),
        [
            "TD497", "TD514", "TD515", "TD526", "TD552", "TD599", "TD624R2", "TD625", "TD665", "TD667R1",
            "TD672", "C103"
        ]
    );
    // Sorted already: no step at all.
    assert_eq!(commands::sort_register(&by_number, RegisterOrder::Number), None);
    // By source, ignoring case; equal sources keep their order.
    let by_source = applied(&a, commands::sort_register(&a, RegisterOrder::Source).unwrap());
    let sources: Vec<&str> = by_source.register.iter().map(|e| e.source.as_str()).collect();
    assert_eq!(sources[0], "Ericsson Canada; Canada");
    assert_eq!(numbers(&by_source)[2..8], ["TD599", "TD667R1", "TD624R2", "TD514", "TD526", "TD515"]);
    // By category: "Information " with its trailing space sorts with "Information", in its
    // place among them; the typo "infomration" just before them.
    let by_category = applied(&a, commands::sort_register(&a, RegisterOrder::Category).unwrap());
    let cats: Vec<&str> = by_category.register.iter().map(|e| e.category.trim()).collect();
    assert_eq!(cats[..3], ["Admin", "Admin", "Contribution"]);
    assert_eq!(numbers(&by_category)[3..8], ["TD667R1", "TD497", "TD599", "TD552", "TD665"]);
    assert_eq!(commands::sort_register(&Agenda::default(), RegisterOrder::Number), None);
}

#[test]
fn numbers_that_cannot_be_read_sort_last_in_their_order() {
    let mut a = td514();
    a.register[0].number = DocNumber::parse("TD five");
    a.register[3].number = DocNumber::parse("Annex B");
    let sorted = applied(&a, commands::sort_register(&a, commands::RegisterOrder::Number).unwrap());
    let n = numbers(&sorted);
    assert_eq!(n[n.len() - 3..], ["C103", "TD five", "Annex B"]);
}

// ---------------------------------------------------------------------------------------------
// The form's values: what a date box reads, and the day as printed following the date.

fn session_field(field: SessionField) -> Field {
    Field::Session { session: SessionId(1), field }
}

fn typed_date(typed: &str) -> Result<Value, String> {
    Value::Date(None).parse_as(typed)
}

#[test]
fn a_date_box_reads_a_date_as_people_type_it() {
    let aug1 = Ok(Value::Date(Date::new(2024, 8, 1)));
    for typed in ["2024-08-01", "1 August 2024", "Thursday, 1 August 2024", "1 Aug 2024", " thu 1 aug. 2024 "]
    {
        assert_eq!(typed_date(typed), aug1, "{typed}");
    }
    assert_eq!(typed_date(""), Ok(Value::Date(None)), "an empty box clears the date");
    let refused = |typed: &str| typed_date(typed).expect_err(typed);
    assert_eq!(refused("Monday, 1 August 2024"), "1 August 2024 is a Thursday, not a Monday");
    assert!(refused("1/8/2024").contains("write it as 1 August 2024 or 2024-08-01"));
    assert!(refused("1 August").contains("is not a date"), "no year");
    assert!(refused("31 February 2024").contains("not a day of the calendar"));
    assert!(refused("2024-8-1").contains("YYYY-MM-DD"));
}

#[test]
fn the_day_as_printed_follows_the_date_until_the_user_types_their_own() {
    let mut a = td514();
    // TD514's "Thursday, 1 August" names the session's date: it moves with it.
    let edit = commands::set(&a, session_field(SessionField::Date), Value::Date(Date::new(2024, 8, 2)));
    let undo = edit.apply(&mut a).unwrap();
    assert_eq!(a.sessions[0].day_label, "Friday, 2 August");
    undo.apply(&mut a).unwrap();
    assert_eq!(a, td514(), "one undo puts both back");

    // With its year, as the Word reader keeps it, it keeps its year.
    a.sessions[0].day_label = "Thursday, 1 August 2024".into();
    commands::set(&a, session_field(SessionField::Date), Value::Date(Date::new(2025, 1, 6)))
        .apply(&mut a)
        .unwrap();
    assert_eq!(a.sessions[0].day_label, "Monday, 6 January 2025");

    // A label of the user's own stays as typed.
    a.sessions[0].day_label = "Monday afternoon".into();
    commands::set(&a, session_field(SessionField::Date), Value::Date(Date::new(2025, 1, 7)))
        .apply(&mut a)
        .unwrap();
    assert_eq!(a.sessions[0].day_label, "Monday afternoon");
    // An empty one prints from the date anyway, and stays empty.
    a.sessions[0].day_label.clear();
    commands::set(&a, session_field(SessionField::Date), Value::Date(Date::new(2025, 1, 8)))
        .apply(&mut a)
        .unwrap();
    assert_eq!(a.sessions[0].day_label, "");
}

// ---------------------------------------------------------------------------------------------
// Limits a file has: what an edit makes always saves as a file that opens again.

fn saved_and_opened(a: &Agenda) -> Agenda {
    agendum_core::format::load(&agendum_core::format::save(a)).expect("the saved agenda opens").agenda
}

#[test]
fn new_things_in_a_file_brought_up_to_the_largest_id_still_save() {
    use agendum_core::model::MAX_ID;
    let mut a = td514();
    a.sessions[0].items[0].id = ItemId(MAX_ID);
    let last = a.register.len() - 1;
    a.register[last].id = EntryId(MAX_ID);
    let a = saved_and_opened(&a);
    let (add, new) = commands::add_after(&a, ItemId(MAX_ID)).expect("an item can be added");
    assert!(new.0 <= MAX_ID);
    let mut b = a.clone();
    add.apply(&mut b).unwrap();
    let (entry, id) = commands::add_entry(&b);
    assert!(id.0 <= MAX_ID);
    entry.apply(&mut b).unwrap();
    let back = saved_and_opened(&b);
    assert!(back.item(new).is_some() && back.register.iter().any(|e| e.id == id));
}

#[test]
fn items_nest_no_deeper_than_a_file_holds() {
    use agendum_core::model::MAX_ITEM_DEPTH;
    let mut a = td514();
    let mut parent = a.sessions[0].items[0].id;
    for _ in 1..MAX_ITEM_DEPTH {
        let (add, new) = commands::add_child(&a, parent).expect("room for another level");
        add.apply(&mut a).unwrap();
        parent = new;
    }
    assert!(commands::add_child(&a, parent).is_none(), "no sub-item below the deepest level");
    // An item with sub-items of its own cannot be indented under the deepest one either.
    let (add, sibling) = commands::add_after(&a, parent).unwrap();
    add.apply(&mut a).unwrap();
    assert!(commands::indent(&a, sibling).is_none());
    saved_and_opened(&a);
}
