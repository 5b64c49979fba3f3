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
