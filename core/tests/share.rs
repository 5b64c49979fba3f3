//! The share link as someone receiving it meets it: the agenda it carries opens as it was sent,
//! and a link cut short, changed, from a newer Agendum, or holding something else says so.

use agendum_core::format::{self, LoadError, MAX_FILE_BYTES};
use agendum_core::share::{fragment, is_share_link, open, LinkError, MAX_LINK_CHARS, ROUTE};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

mod common;
use common::td514;

fn link_of(bytes: &[u8]) -> String {
    format!("#{ROUTE}1.{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(bytes, 6)))
}

#[test]
fn td514_goes_through_a_link_and_comes_back_the_same() {
    let a = td514();
    let f = fragment(&a);
    assert!(f.starts_with("/shared/1."), "{}", &f[..20]);
    assert!(f.len() < MAX_LINK_CHARS / 3, "TD514's link is {} characters", f.len());
    assert!(f.chars().all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c)), "only URL-safe characters");
    assert!(is_share_link(&format!("#{f}")));
    let back = open(&format!("#{f}")).expect("the link opens");
    assert_eq!(back.agenda, a);
    assert_eq!(back.migrated_from, None);
}

#[test]
fn a_link_wrapped_by_a_mail_client_still_opens() {
    let f = fragment(&td514());
    let wrapped: String = f
        .chars()
        .enumerate()
        .flat_map(|(i, c)| (i % 76 == 75).then_some('\n').into_iter().chain([c]))
        .collect();
    assert_eq!(open(&wrapped).expect("opens").agenda, td514());
}

#[test]
fn a_link_cut_short_says_it_is_incomplete() {
    let f = fragment(&td514());
    for keep in [f.len() - 1, f.len() - 7, f.len() / 2, ROUTE.len() + 4] {
        let e = open(&f[..keep]).expect_err("a cut link does not open");
        assert_eq!(e, LinkError::Truncated, "cut to {keep} of {}", f.len());
        assert!(e.to_string().contains("incomplete"), "{e}");
    }
}

#[test]
fn a_link_with_changed_characters_says_it_is_damaged() {
    let f = fragment(&td514());
    let at = f.len() / 2;
    let c = f.as_bytes()[at];
    let changed = format!("{}{}{}", &f[..at], if c == b'A' { 'B' } else { 'A' }, &f[at + 1..]);
    assert_eq!(open(&changed).unwrap_err(), LinkError::Altered);
    let with_bad_character = format!("{}*{}", &f[..at], &f[at + 1..]);
    assert_eq!(open(&with_bad_character).unwrap_err(), LinkError::Altered);
}

#[test]
fn other_addresses_and_newer_links_are_told_apart() {
    assert_eq!(open("#/agenda/td514").unwrap_err(), LinkError::NotAShareLink);
    assert_eq!(open("").unwrap_err(), LinkError::NotAShareLink);
    assert_eq!(open("#/shared/zzz").unwrap_err(), LinkError::NotAShareLink);
    let newer = open("#/shared/2.eJwDAAAAAAE").unwrap_err();
    assert_eq!(newer, LinkError::Newer);
    assert!(newer.to_string().contains("newer version of Agendum"), "{newer}");
}

#[test]
fn a_link_holding_no_agenda_is_refused_with_the_files_reason() {
    let e = open(&link_of(b"[1, 2, 3]")).unwrap_err();
    assert_eq!(e, LinkError::Agenda(LoadError::NotAnAgenda));
    assert!(e.to_string().starts_with("This link holds no agenda this editor can open."), "{e}");
    let newer_format = format::save(&td514()).replacen(
        &format!("\"version\": {}", format::FORMAT_VERSION),
        "\"version\": 99",
        1,
    );
    assert!(matches!(
        open(&link_of(newer_format.as_bytes())),
        Err(LinkError::Agenda(LoadError::TooNew { version: 99 }))
    ));
    assert_eq!(open(&link_of(&[0xff, 0xfe, 0x00])).unwrap_err(), LinkError::Altered);
}

#[test]
fn a_link_that_unpacks_past_the_file_limit_is_refused_unread() {
    // A few kilobytes that would unpack to 17 MiB of spaces: refused, not unpacked to the end.
    let bomb = vec![b' '; MAX_FILE_BYTES + 1024 * 1024];
    let link = link_of(&bomb);
    assert!(link.len() < 100_000, "{}", link.len());
    assert_eq!(open(&link).unwrap_err(), LinkError::TooLarge);
}
