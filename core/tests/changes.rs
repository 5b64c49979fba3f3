//! What changed between two states of TD514, as a chair revising it would read the list:
//! retitled items, items added, removed and moved, the numbers that follow, Annex A's entries.

use agendum_core::changes::{changes, side, Change, Part, Words};
use agendum_core::edit::commands;
use agendum_core::edit::{EntryField, ItemField};
use agendum_core::{Agenda, Edit, Field, ItemId, Value};

mod common;
use common::td514;

fn id(a: &Agenda, n: &str) -> ItemId {
    a.rows().into_iter().find(|r| r.number == n).unwrap_or_else(|| panic!("no item {n}")).id
}

fn apply(a: &mut Agenda, e: Edit) {
    e.apply(a).expect("the edit applies");
}

fn lines(old: &Agenda, new: &Agenda) -> Vec<String> {
    changes(old, new).iter().map(Change::line).collect()
}

#[test]
fn the_same_agenda_has_no_changes() {
    assert!(changes(&td514(), &td514()).is_empty());
}

#[test]
fn a_retitled_item_is_its_title_changed_word_by_word() {
    let old = td514();
    let mut new = old.clone();
    let field = Field::item(id(&new, "2.1"), ItemField::Title);
    apply(
        &mut new,
        Edit::Set {
            field,
            value: Value::Text("Report of the Industry Engagement Workshop, June 2024".into()),
        },
    );
    let all = changes(&old, &new);
    assert_eq!(all.len(), 1, "{all:#?}");
    let Change::Changed { field: f, name, before, after, words } = &all[0] else { panic!("{all:#?}") };
    assert_eq!((*f, name.as_str()), (field, "Item 2.1, Title"));
    assert_eq!(before, "Report of Industry Engagement Workshop");
    assert_eq!(side(words, false), *before);
    assert_eq!(side(words, true), *after);
    assert!(words.contains(&Words::Inserted("the ".into())), "{words:?}");
    assert_eq!(
        all[0].line(),
        "Item 2.1, Title: Report of {+the +}Industry Engagement [-Workshop-]{+Workshop, June 2024+}"
    );
}

#[test]
fn outcomes_and_statuses_entered_in_the_meeting_are_marked_as_changes() {
    use agendum_core::docref::{DocNumber, DocStatus};
    let old = td514();
    let mut new = old.clone();
    let item = id(&new, "2.2");
    apply(
        &mut new,
        Edit::Set { field: Field::item(item, ItemField::Outcome), value: Value::Text("Agreed".into()) },
    );
    let mut docs = new.item(item).unwrap().docs.clone();
    docs[0].status = Some(DocStatus::RevisedAs(DocNumber::parse("TD667R2")));
    apply(&mut new, Edit::Set { field: Field::item(item, ItemField::Docs), value: Value::Docs(docs) });
    assert_eq!(
        lines(&old, &new),
        ["Item 2.2, Docs: TD667R1{+ [revised as TD667R2]+}", "Item 2.2, Outcome: {+Agreed+}"]
    );
}

#[test]
fn an_item_added_renumbers_those_after_it_without_moving_them() {
    let old = td514();
    let mut new = old.clone();
    let (e, _) = commands::add_after(&new, id(&new, "1.1")).expect("an item can follow 1.1");
    apply(&mut new, e);
    let ls = lines(&old, &new);
    assert_eq!(
        ls,
        [
            "Item 1.2 added",
            "Item 1.2 is now 1.3: Documentation",
            "Item 1.3 is now 1.4: ToR of TSAG RG-SOP",
            "Item 1.4 is now 1.5: Progress report from interim TSAG RG-SOP meetings (January to July 2024)",
        ]
    );
}

#[test]
fn an_item_moved_down_is_one_move_and_the_other_is_only_renumbered() {
    let old = td514();
    let mut new = old.clone();
    let e = commands::move_down(&new, id(&new, "3.1")).expect("3.1 can move down");
    apply(&mut new, e);
    let all = changes(&old, &new);
    // Two neighbours swapped read alike either way round; the list says one moved and the
    // other only took its number.
    let ls = lines(&old, &new);
    let one_way = [
        "Item 3.1 moved to 3.2: ITU’s Strategic Plans",
        "Item 3.2 is now 3.1: Elements to consider for the ITU-T/TSAG input to CWG-SFP",
    ];
    let other_way = [
        "Item 3.1 is now 3.2: ITU’s Strategic Plans",
        "Item 3.2 moved to 3.1: Elements to consider for the ITU-T/TSAG input to CWG-SFP",
    ];
    let mut sorted = ls.clone();
    sorted.sort();
    assert!(sorted == one_way || sorted == other_way, "{ls:#?}");
    assert_eq!(all.len(), 2, "{all:#?}");
}

#[test]
fn an_item_indented_is_moved_under_the_one_above() {
    let old = td514();
    let mut new = old.clone();
    let e = commands::indent(&new, id(&new, "3")).expect("item 3 can be indented");
    apply(&mut new, e);
    let ls = lines(&old, &new);
    assert!(ls.iter().any(|l| l.starts_with("Item 3 moved to 2.4: TSAG inputs to CWG-SFP")), "{ls:#?}");
    assert!(ls.contains(&"Item 4 is now 3: Operational plan for 2025-2028".to_string()), "{ls:#?}");
    // Its sub-items stay under it: renumbered, not moved.
    assert!(ls.contains(&"Item 3.1 is now 2.4.1: ITU’s Strategic Plans".to_string()), "{ls:#?}");
}

#[test]
fn an_item_removed_is_named_as_it_was() {
    let old = td514();
    let mut new = old.clone();
    let gone = id(&new, "4.1");
    apply(&mut new, Edit::RemoveItem { id: gone });
    let ls = lines(&old, &new);
    assert_eq!(
        ls.last().unwrap(),
        "Item 4.1 removed: Four-year rolling Operational Plan for the Union for 2025-2028"
    );
    assert!(ls.contains(
        &"Item 4.2 is now 4.1: ITU-T draft operational plan for 2025-2028 and 2023 performance report"
            .to_string()
    ));
}

#[test]
fn register_entries_added_removed_and_changed() {
    let old = td514();
    let mut new = old.clone();
    let (e, entry) = commands::add_entry(&new);
    apply(&mut new, e);
    let e = commands::set(
        &new,
        Field::Entry { entry, field: EntryField::Title },
        Value::Text("Liaison from SG17".into()),
    );
    apply(&mut new, e);
    let typo = new.register.iter().find(|e| e.category == "infomration").unwrap().id;
    let e = commands::set(
        &new,
        Field::Entry { entry: typo, field: EntryField::Category },
        Value::Text("Information".into()),
    );
    apply(&mut new, e);
    let gone = new.register[2].id;
    apply(&mut new, Edit::RemoveEntry { id: gone });
    let all = changes(&old, &new);
    assert!(
        all.iter().any(
            |c| matches!(c, Change::Added { part: Part::Entry, text, .. } if text == "Liaison from SG17")
        ),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|c| c.line() == "Annex A, entry 9 (TD667R1), Category: [-infomration-]{+Information+}"),
        "{:#?}",
        all.iter().map(Change::line).collect::<Vec<_>>()
    );
    assert!(all.contains(&Change::Removed {
        part: Part::Entry,
        name: "Annex A, entry 3 (TD515)".into(),
        text: "Reserved for: Report, RG-SOP".into()
    }));
    // Entries after the removed one are not moved: their order among those kept is the same.
    assert!(!all.iter().any(|c| matches!(c, Change::Moved { .. })), "{all:#?}");
}

#[test]
fn each_change_goes_to_its_field_and_a_removed_thing_to_none() {
    let old = td514();
    let mut new = old.clone();
    let (e, added) = commands::add_after(&new, id(&new, "1.1")).expect("an item can follow 1.1");
    apply(&mut new, e);
    let moved = id(&new, "3.1");
    let e = commands::move_down(&new, moved).expect("3.1 can move down");
    apply(&mut new, e);
    let retitled = Field::item(id(&new, "2.1"), ItemField::Title);
    apply(&mut new, Edit::Set { field: retitled, value: Value::Text("Workshop".into()) });
    let all = changes(&old, &new);
    let at = |want: &dyn Fn(&Change) -> bool| all.iter().find(|c| want(c)).and_then(Change::at);
    assert_eq!(
        at(&|c| matches!(c, Change::Added { .. })),
        Some(Field::item(added, ItemField::Title)),
        "{all:#?}"
    );
    // Two items swapped are one move, of either.
    let swapped = [moved, id(&new, "3.1")].map(|i| Some(Field::item(i, ItemField::Title)));
    assert!(swapped.contains(&at(&|c| matches!(c, Change::Moved { .. }))), "{all:#?}");
    assert_eq!(at(&|c| matches!(c, Change::Changed { .. })), Some(retitled));
    assert!(matches!(
        all.iter().find(|c| matches!(c, Change::Renumbered { .. })).and_then(Change::at),
        Some(Field::Item { .. })
    ));
    // Removed from the new agenda: nowhere to go.
    assert_eq!(
        changes(&new, &old).iter().find(|c| matches!(c, Change::Removed { .. })).and_then(Change::at),
        None
    );
}
