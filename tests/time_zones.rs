//! The browser's time-zone rules (`Intl`) against the offsets the command line's bundled
//! database gives (core/tests/second_zone.rs checks the same file natively), on either side of
//! daylight-saving changes: the editor and `agendum` place every time alike.
#![cfg(target_arch = "wasm32")]

use agendum_app::time_zones::IntlRules;
use agendum_core::zones::{convert, Instant, ZoneError, ZoneRules};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn instant(s: &str) -> Instant {
    let (d, t) = s.trim_end_matches('Z').split_once('T').expect("date T time");
    Instant::from_utc(d.parse().unwrap(), t.parse().unwrap())
}

#[wasm_bindgen_test]
fn the_browser_gives_the_offsets_of_the_bundled_database() {
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("../core/tests/fixtures/zone-offsets.json")).unwrap();
    for row in fixture["offsets"].as_array().unwrap() {
        let zone = row["zone"].as_str().unwrap();
        let at = row["at"].as_str().unwrap();
        let want = row["minutes"].as_i64().unwrap() as i32;
        assert_eq!(IntlRules.offset_minutes(zone, instant(at)), Ok(want), "{zone} at {at}");
    }
}

#[wasm_bindgen_test]
fn td514s_14_30_geneva_time_is_08_30_in_new_york_the_week_before_and_after_the_change() {
    let at = |d: &str| {
        convert(&IntlRules, "Europe/Zurich", d.parse().unwrap(), "14:30".parse().unwrap(), "America/New_York")
            .unwrap()
            .time
            .to_string()
    };
    assert_eq!(at("2024-08-01"), "08:30");
    assert_eq!(at("2024-10-28"), "09:30", "Geneva went back on 27 October, New York not yet");
    assert_eq!(at("2024-11-04"), "08:30");
}

#[wasm_bindgen_test]
fn an_unknown_zone_is_unknown_and_known_names_are_listed() {
    assert!(!IntlRules.is_known("Mars/Olympus_Mons"));
    assert_eq!(
        IntlRules.offset_minutes("Mars/Olympus_Mons", instant("2024-08-01T12:30Z")),
        Err(ZoneError::Unknown("Mars/Olympus_Mons".into()))
    );
    assert!(IntlRules.is_known("Europe/Zurich"));
    let names = IntlRules.names();
    assert!(names.iter().any(|n| n == "Europe/Zurich") && names.iter().any(|n| n == "UTC"), "{names:?}");
}
