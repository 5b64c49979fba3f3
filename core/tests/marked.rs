//! The printed agenda with its changes since a published revision marked, as revised TDs are:
//! inserted words underlined (<ins>), deleted struck through (<del>), added items underlined
//! whole, removed ones listed struck through; and the clean print unchanged by any of it.

use agendum_core::edit::{commands, ItemField};
use agendum_core::export::{html, html_marked, Marks};
use agendum_core::{Agenda, Edit, Field, Value};

mod common;
use common::td514;

fn id(a: &Agenda, n: &str) -> agendum_core::ItemId {
    a.rows().into_iter().find(|r| r.number == n).unwrap_or_else(|| panic!("no item {n}")).id
}

#[test]
fn a_revision_prints_its_changes_marked() {
    let published = td514();
    let mut now = published.clone();
    let field = Field::item(id(&now, "2.1"), ItemField::Title);
    Edit::Set { field, value: Value::Text("Report of the Industry Engagement meeting <June>".into()) }
        .apply(&mut now)
        .unwrap();
    let (e, _) = commands::add_after(&now, id(&now, "1.1")).unwrap();
    e.apply(&mut now).unwrap();
    let gone = now.register.last().unwrap().id;
    Edit::RemoveEntry { id: gone }.apply(&mut now).unwrap();

    let marks = Marks::new(&published, &now, "TD514".into());
    let printed = html_marked(&now, None, &marks);
    assert!(printed.contains("Changes since TD514 are marked"), "{printed}");
    assert!(printed.contains("Report of <ins>the </ins>Industry Engagement"), "{printed}");
    assert!(printed.contains("&lt;June&gt;</ins>"), "inserted text is escaped like any other");
    assert!(
        printed.contains("<del>Workshop</del>"),
        "{}",
        &printed[printed.find("Report of <ins>").unwrap()..][..200]
    );
    assert!(
        printed.contains("<tr class=\"item depth-1 inserted\">"),
        "the added item 1.2 is underlined whole"
    );
    assert!(
        printed.contains("Removed since TD514:</p>\n<ul class=\"removed\">\n<li><del>Annex A, entry"),
        "{printed}"
    );
    // The clean print is as before.
    assert!(!html(&now).contains("<ins>") && !html(&now).contains("Changes since"));
}

#[test]
fn with_nothing_changed_only_the_line_saying_so_differs() {
    let a = td514();
    let marks = Marks::new(&a, &a, "TD514".into());
    let printed = html_marked(&a, None, &marks);
    assert_eq!(printed.matches("<ins>").count(), 1, "only the legend's");
    assert_eq!(printed.matches("<del>").count(), 1, "only the legend's");
    assert!(!printed.contains(" inserted\""));
    assert!(!printed.contains("Removed since"));
}
