//! Helpers shared by the core's integration tests.
#![allow(dead_code)]

use agendum_core::Agenda;

/// The TD514 example, the real agenda the product is designed from.
pub fn td514() -> Agenda {
    agendum_core::templates::td514("t")
}

pub mod docx;
pub mod fuzz;

/// TD514 grown to `n` more items in its last session, each citing a document of its own that
/// Annex A lists, with a source, a start time every few items, a summary with a bullet list and
/// an action: an agenda the size of a plenary's, with TD514's texts around it.
pub fn big(n: usize) -> Agenda {
    use agendum_core::docref::{DocNumber, DocRef};
    use agendum_core::model::{EntryId, Item, RegisterEntry};
    use agendum_core::time::Time;

    let mut a = td514();
    let (first_item, first_entry) = (a.next_item_id().0, a.next_entry_id().0);
    let last = a.sessions.len() - 1;
    for k in 0..n {
        let number = format!("TD{}", 1000 + k);
        let id = agendum_core::ItemId(first_item + k as u32);
        let mut item = Item::new(id, &format!("Draft text {k} on meeting planning"));
        item.source = format!("Rapporteur Q{}/2", k % 9 + 1);
        item.docs = vec![DocRef::new(&number)];
        item.summary =
            format!("This contribution proposes change {k}.\n- first point of {k}\n- second point of {k}");
        item.actions = vec!["To consider".into()];
        if k % 5 == 0 {
            item.start = Time::from_hm(9 + (k / 60 % 9) as u8, (k % 60) as u8);
        }
        a.sessions[last].items.push(item);
        a.register.push(RegisterEntry {
            id: EntryId(first_entry + k as u32),
            number: DocNumber::parse(&number),
            category: "Contribution".into(),
            source: format!("Rapporteur Q{}/2", k % 9 + 1),
            title: format!("Draft text {k} on meeting planning"),
        });
    }
    a
}

/// TD514 after its meeting, partly written up: the agenda agreed, TD667R1 revised as TD667R2,
/// C103 discussed and deferred, the rest not yet entered.
pub fn td514_reported() -> Agenda {
    use agendum_core::docref::{DocNumber, DocStatus};
    use agendum_core::model::RegisterEntry;

    let mut a = td514();
    a.report = "TD515".into();
    let opening = &mut a.sessions[0].items[0];
    opening.children[0].outcome = "Agreed".into();
    opening.children[0].docs[0].status = Some(DocStatus::Introduced);
    let iem = &mut a.sessions[0].items[1].children[1];
    iem.outcome = "Approved with modifications".into();
    iem.outcome_note = "Target dates <to be> added & agreed.".into();
    iem.docs[0].status = Some(DocStatus::RevisedAs(DocNumber::parse("TD667R2")));
    let c103 = &mut a.sessions[0].items[2].children[1];
    c103.outcome = "Deferred".into();
    c103.docs[0].status = Some(DocStatus::NotIntroduced);
    let entry = RegisterEntry {
        id: a.next_entry_id(),
        number: DocNumber::parse("TD667R2"),
        category: "Output".into(),
        source: "Rapporteur, RG-IEM".into(),
        title: "Industry Engagement Proposed Actions sorted by target entities".into(),
    };
    a.register.push(entry);
    a
}

/// TD514 published on 25 July 2024 at 09:00, then edited: item 2.1 retitled, an item added
/// after 1.1, Annex A's last entry removed and the category typo of entry 10 corrected.
pub fn td514_revised() -> Agenda {
    use agendum_core::edit::{commands, EntryField, ItemField};
    use agendum_core::{Edit, Field, Value};

    let id = |a: &Agenda, n: &str| a.rows().into_iter().find(|r| r.number == n).expect(n).id;
    let mut a = td514();
    agendum_core::revisions::publish(&mut a, "2024-07-25".parse().unwrap(), "09:00".parse().unwrap())
        .expect("TD514 publishes");
    let field = Field::item(id(&a, "2.1"), ItemField::Title);
    Edit::Set { field, value: Value::Text("Report of the Industry Engagement meeting <June>".into()) }
        .apply(&mut a)
        .unwrap();
    let (e, _) = commands::add_after(&a, id(&a, "1.1")).unwrap();
    e.apply(&mut a).unwrap();
    let new = a.item_mut(id(&a, "1.2")).unwrap();
    new.title = "Welcome of new members".into();
    let gone = a.register.last().unwrap().id;
    Edit::RemoveEntry { id: gone }.apply(&mut a).unwrap();
    let entry = a.register[9].id;
    let field = Field::Entry { entry, field: EntryField::Category };
    Edit::Set { field, value: Value::Text("Information".into()) }.apply(&mut a).unwrap();
    a
}
