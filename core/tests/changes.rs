//! What changed between two states of TD514, as a chair revising it would read the list:
//! retitled items, items added, removed and moved, the numbers that follow, Annex A's entries.

use agendum_core::changes::{changes, side, words, Change, Part, Words};
use agendum_core::edit::commands;
use agendum_core::edit::{AnnexField, EntryField, ItemField};
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

/// TD514 with its first annex's body set to `old`, and a copy of it set to `new`; and the
/// change to that body between the two.
fn annex_body_changed(old: &str, new: &str) -> (String, String, Vec<Words>) {
    let mut a = td514();
    let annex = a.annexes[0].id;
    let field = Field::Annex { annex, field: AnnexField::Body };
    apply(&mut a, Edit::Set { field, value: Value::Text(old.into()) });
    let mut b = a.clone();
    apply(&mut b, Edit::Set { field, value: Value::Text(new.into()) });
    let all = changes(&a, &b);
    assert_eq!(all.len(), 1, "one change, to the body");
    let Change::Changed { field: f, before, after, words, .. } = all.into_iter().next().unwrap() else {
        panic!("the body is changed")
    };
    assert_eq!(f, field);
    assert_eq!(side(&words, false), before, "kept and deleted read back the old body");
    assert_eq!(side(&words, true), after, "kept and inserted read back the new body");
    (before, after, words)
}

/// `n` paragraphs of a report, each with its number, so long texts read like an annex.
fn report(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            format!(
                "{i}. The group reviewed the contribution and agreed to forward the text to the \
                 next meeting of the study group, with the comments received on the item.\n"
            )
        })
        .collect()
}

fn inserted_and_deleted(runs: &[Words]) -> (Vec<&str>, Vec<&str>) {
    let mut ins = Vec::new();
    let mut del = Vec::new();
    for r in runs {
        match r {
            Words::Inserted(s) => ins.push(s.as_str()),
            Words::Deleted(s) => del.push(s.as_str()),
            Words::Kept(_) => {}
        }
    }
    (ins, del)
}

#[test]
fn two_words_changed_far_apart_in_a_long_annex_are_marked_word_by_word() {
    // Some 5,000 words; one word changed in the second paragraph and one in the last but one.
    let old = report(200);
    let mut new = old.clone();
    new[1] = new[1].replace("reviewed", "discussed");
    new[198] = new[198].replace("next", "following");
    let (_, _, runs) = annex_body_changed(&old.concat(), &new.concat());
    let (ins, del) = inserted_and_deleted(&runs);
    assert_eq!((ins, del), (vec!["discussed", "following"], vec!["reviewed", "next"]), "{:?}", &runs[..5]);
}

#[test]
fn words_changed_all_through_a_long_annex_are_each_marked() {
    // Some 25,000 words, every tenth paragraph edited, every third, every one: too many edits, too far
    // apart, for one difference of the whole, yet each still marked as the word it is.
    let old = report(1000);
    for every in [10, 3, 1] {
        let mut new = old.clone();
        for p in new.iter_mut().step_by(every) {
            *p = p.replace("agreed", "decided");
        }
        let (_, _, runs) = annex_body_changed(&old.concat(), &new.concat());
        let (ins, del) = inserted_and_deleted(&runs);
        assert_eq!(ins, vec!["decided"; 1000usize.div_ceil(every)]);
        assert_eq!(del, vec!["agreed"; 1000usize.div_ceil(every)]);
    }
}

#[test]
fn a_long_annex_rewritten_wholesale_is_a_change_that_reads_back() {
    // 40,000 words replaced by 40,000 others: marked deleted and inserted, not lost, and
    // without the minutes a word-by-word difference of it took.
    let old: Vec<String> = (0..40_000).map(|i| format!("a{}", i * 7 % 4099)).collect();
    let new: Vec<String> = (0..40_000).map(|i| format!("b{}", i * 11 % 4999)).collect();
    let (before, after, runs) = annex_body_changed(&old.join(" "), &new.join(" "));
    let (ins, del) = inserted_and_deleted(&runs);
    assert_eq!(ins.concat().split_whitespace().count(), after.split_whitespace().count());
    assert_eq!(del.concat().split_whitespace().count(), before.split_whitespace().count());
}

#[test]
fn a_long_text_of_the_same_words_rewritten_still_reads_back() {
    // The same few words over and over, reordered: nothing to anchor on.
    let old: Vec<&str> = (0..30_000).map(|i| ["TD514", "TD515", "and"][i % 3]).collect();
    let new: Vec<&str> = (0..30_000).map(|i| ["TD515", "and", "TD514", "or"][i * 7 % 4]).collect();
    let (old, new) = (old.join(" "), new.join("  "));
    let runs = words(&old, &new);
    assert_eq!(side(&runs, false), old);
    assert_eq!(side(&runs, true), new);
    assert!(runs.iter().any(|r| matches!(r, Words::Inserted(_))));
}

mod read_back {
    use super::*;
    use proptest::collection::vec;
    use proptest::prelude::*;
    use proptest::sample::select;

    /// Text from a few words and spaces, so that the two sides share much, and edits to it.
    fn text(len: std::ops::Range<usize>) -> impl Strategy<Value = Vec<&'static str>> {
        vec(
            select(vec!["the", "group", "TD514", "agreed", "é", " ", " ", "  ", "\n", "\n\n", ",", "R1"]),
            len,
        )
    }

    #[derive(Clone, Debug)]
    enum Edit {
        Insert(usize, &'static str),
        Remove(usize),
        Replace(usize, &'static str),
    }

    fn edits(n: usize) -> impl Strategy<Value = Vec<Edit>> {
        let word = select(vec!["new", "the", " ", "TD515", "\n"]);
        vec(
            prop_oneof![
                (any::<usize>(), word.clone()).prop_map(|(i, w)| Edit::Insert(i, w)),
                any::<usize>().prop_map(Edit::Remove),
                (any::<usize>(), word).prop_map(|(i, w)| Edit::Replace(i, w)),
            ],
            0..n,
        )
    }

    fn edited(old: &[&'static str], edits: &[Edit]) -> String {
        let mut v = old.to_vec();
        for e in edits {
            match *e {
                Edit::Insert(i, w) => v.insert(i % (v.len() + 1), w),
                Edit::Remove(i) if !v.is_empty() => {
                    v.remove(i % v.len());
                }
                Edit::Replace(i, w) if !v.is_empty() => {
                    let n = v.len();
                    v[i % n] = w;
                }
                _ => {}
            }
        }
        v.concat()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn short_texts_read_back(old in text(0..60), e in edits(12)) {
            let (old_text, new_text) = (old.concat(), edited(&old, &e));
            let runs = words(&old_text, &new_text);
            prop_assert_eq!(side(&runs, false), old_text);
            prop_assert_eq!(side(&runs, true), new_text);
        }

        #[test]
        fn long_texts_edited_in_many_places_read_back(old in text(3_000..12_000), e in edits(2_000)) {
            let (old_text, new_text) = (old.concat(), edited(&old, &e));
            let runs = words(&old_text, &new_text);
            prop_assert_eq!(side(&runs, false), old_text);
            prop_assert_eq!(side(&runs, true), new_text);
            // Neighbouring runs are of different kinds, and a deletion comes before the
            // insertion next to it.
            for pair in runs.windows(2) {
                prop_assert!(std::mem::discriminant(&pair[0]) != std::mem::discriminant(&pair[1]));
                prop_assert!(!matches!(pair, [Words::Inserted(_), Words::Deleted(_)]));
            }
        }
    }
}

#[test]
fn paragraphs_edited_in_a_long_list_of_like_words_are_each_marked() {
    // 2,000 paragraphs of the same few words, each paragraph its own, and every other one
    // edited: no word is found only once, yet each paragraph not edited is, and keeps the
    // edited ones apart.
    const DIGITS: [&str; 10] =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    let para = |i: usize, verb: &str| {
        let d = |k: u32| DIGITS[i / 10usize.pow(k) % 10];
        format!("Document {} {} {} {}: the group {verb} it.\n", d(3), d(2), d(1), d(0))
    };
    let old: String = (0..2000).map(|i| para(i, "agreed")).collect();
    let new: String = (0..2000).map(|i| para(i, if i % 2 == 0 { "noted" } else { "agreed" })).collect();
    let (_, _, runs) = annex_body_changed(&old, &new);
    let (ins, del) = inserted_and_deleted(&runs);
    assert_eq!(ins, vec!["noted"; 1000]);
    assert_eq!(del, vec!["agreed"; 1000]);
}
