//! Publishing TD514 as the meeting goes: the original, then R1, R2 …, each with its status
//! line, kept in the file, and the oldest dropped, and handed back, once the history is full.

use agendum_core::format::{load, save, MAX_FILE_BYTES};
use agendum_core::revisions::{next_revision, number_at, publish, PublishError, MAX_REVISIONS};
use agendum_core::time::{Date, Time};
use agendum_core::Agenda;

mod common;
use common::td514;

fn date(s: &str) -> Date {
    s.parse().expect("a date")
}

fn time(s: &str) -> Time {
    s.parse().expect("a time")
}

#[test]
fn the_first_publication_is_the_original_and_the_next_is_r1() {
    let mut a = td514();
    let p = publish(&mut a, date("2024-07-25"), time("09:00")).expect("TD514 publishes");
    assert_eq!((p.revision, p.number.as_str()), (0, "TD514"));
    assert_eq!(p.status, "25 July 2024, 09:00");
    assert!(p.dropped.is_empty());
    assert_eq!(a.revision, None, "the original has no revision number");
    assert_eq!(a.status, "25 July 2024, 09:00");
    assert_eq!(a.revisions.len(), 1);
    let original = &a.revisions[0];
    assert_eq!((original.revision, original.date, original.time), (0, date("2024-07-25"), time("09:00")));
    assert!(original.agenda.revisions.is_empty(), "a published copy holds no history of its own");
    assert_eq!(Agenda { revisions: Vec::new(), ..a.clone() }, original.agenda);

    // Edited during the meeting, then published again.
    a.sessions[0].items[0].title = "Opening".into();
    let p = publish(&mut a, date("2024-08-01"), time("21:00")).expect("R1 publishes");
    assert_eq!((p.revision, p.number.as_str(), p.status.as_str()), (1, "TD514R1", "1 August 2024, 21:00"));
    assert_eq!(a.revision, Some(1));
    assert_eq!(a.revisions.iter().map(|r| r.revision).collect::<Vec<_>>(), [0, 1]);
    assert_eq!(a.revisions[0].agenda.sessions[0].items[0].title, "Opening and welcome");
    assert_eq!(a.revisions[1].agenda.sessions[0].items[0].title, "Opening");
    assert_eq!(a.revisions[1].agenda.revision, Some(1));
    assert_eq!(next_revision(&a), 2);
}

#[test]
fn an_agenda_typed_in_at_a_revision_publishes_at_it() {
    let mut a = td514();
    a.revision = Some(2);
    let p = publish(&mut a, date("2024-08-01"), time("08:30")).unwrap();
    assert_eq!((p.revision, p.number.as_str()), (2, "TD514R2"));
    // A revision number typed ahead of the history is taken; one behind it is not.
    a.revision = Some(5);
    assert_eq!(publish(&mut a, date("2024-08-01"), time("12:00")).unwrap().number, "TD514R5");
    a.revision = Some(1);
    assert_eq!(publish(&mut a, date("2024-08-01"), time("18:00")).unwrap().number, "TD514R6");
    // The revision typed in the number counts as typed in the revision.
    let mut b = td514();
    b.document = "TD514R3".into();
    let p = publish(&mut b, date("2024-08-01"), time("08:30")).unwrap();
    assert_eq!((p.revision, p.number.as_str(), b.revision), (3, "TD514R3", Some(3)));
}

#[test]
fn numbers_at_a_revision_as_the_document_shows_them() {
    let mut a = td514();
    assert_eq!(number_at(&a, 0), "TD514");
    assert_eq!(number_at(&a, 3), "TD514R3");
    a.document = "SG9-TD163/GEN".into();
    assert_eq!(number_at(&a, 1), "SG9-TD163R1/GEN");
    a.document = "Draft agenda".into();
    assert_eq!(number_at(&a, 0), "Draft agenda");
    assert_eq!(number_at(&a, 2), "Draft agenda Rev.2");
}

#[test]
fn the_history_keeps_the_last_twenty_and_hands_back_the_oldest() {
    let mut a = td514();
    for k in 0..MAX_REVISIONS as u32 {
        let p = publish(&mut a, date("2024-08-01"), Time::from_hm(8, k as u8).unwrap()).unwrap();
        assert_eq!(p.revision, k);
        assert!(p.dropped.is_empty(), "revision {k} dropped {:?}", p.dropped.len());
    }
    let p = publish(&mut a, date("2024-08-02"), time("09:00")).unwrap();
    assert_eq!(p.number, "TD514R20");
    assert_eq!(p.dropped.iter().map(|r| r.revision).collect::<Vec<_>>(), [0], "the original goes first");
    assert_eq!(p.dropped[0].agenda.revision, None);
    assert_eq!(a.revisions.len(), MAX_REVISIONS);
    assert_eq!(a.revisions.first().map(|r| r.revision), Some(1));
    assert_eq!(a.revisions.last().map(|r| r.revision), Some(20));
}

#[test]
fn a_published_history_is_saved_and_read_back_whole() {
    let mut a = td514();
    publish(&mut a, date("2024-07-25"), time("09:00")).unwrap();
    a.sessions[0].items[1].children[1].outcome = "Noted".into();
    publish(&mut a, date("2024-08-01"), time("21:00")).unwrap();
    let text = save(&a);
    assert!(text.contains("\"revisions\": ["), "{text:.200}");
    let back = load(&text).expect("the file with its history loads");
    assert_eq!(back.migrated_from, None);
    assert_eq!(back.agenda, a);
}

/// TD514 with a note of `bytes` characters: an agenda of that size.
fn of_size(bytes: usize) -> Agenda {
    let mut a = td514();
    a.notes = "x".repeat(bytes);
    a
}

#[test]
fn the_history_is_cut_to_keep_the_file_readable() {
    // Five copies of a 3 MiB agenda besides the agenda itself would pass the file limit.
    let mut a = of_size(3 * 1024 * 1024);
    let mut dropped = Vec::new();
    for k in 0..6 {
        let p = publish(&mut a, date("2024-08-01"), Time::from_hm(9, k).unwrap()).unwrap();
        dropped.extend(p.dropped.iter().map(|r| r.revision));
        assert!(save(&a).len() <= MAX_FILE_BYTES, "after revision {k} the file is too large");
    }
    assert_eq!(dropped, [0, 1], "the oldest go, one for each new one once the file is full");
    assert_eq!(a.revisions.iter().map(|r| r.revision).collect::<Vec<_>>(), [2, 3, 4, 5]);
    assert!(load(&save(&a)).is_ok());
}

#[test]
fn an_agenda_too_large_to_copy_is_not_published_and_stays_as_it_was() {
    let mut a = of_size(MAX_FILE_BYTES / 2 + 1024);
    let before = a.clone();
    let e = publish(&mut a, date("2024-08-01"), time("09:00")).expect_err("two copies do not fit");
    assert_eq!(e, PublishError::TooLarge);
    assert!(e.to_string().contains("Nothing was published"), "{e}");
    assert_eq!(a, before);
}

#[test]
fn an_agenda_nested_too_deeply_to_copy_is_not_published() {
    let mut a = td514();
    let mut deep = agendum_core::Item::new(agendum_core::ItemId(900), "level 1");
    for k in 2..=61 {
        deep = agendum_core::Item {
            children: vec![deep],
            ..agendum_core::Item::new(agendum_core::ItemId(900 + k), "")
        };
    }
    a.sessions[0].items.push(deep);
    assert!(load(&save(&a)).is_ok(), "the agenda itself is readable");
    let before = a.clone();
    assert_eq!(publish(&mut a, date("2024-08-01"), time("09:00")), Err(PublishError::TooDeep));
    assert_eq!(a, before);
}
