//! The browser's own time-zone rules, through `Intl`, as the core's `ZoneRules`: the wasm build
//! carries no copy of the time-zone database, and the browser's is the one its operating system
//! keeps up to date. Also the viewer's own zone.
//!
//! Hand-written over `js_sys` because no crate answers "the offset of this zone at this instant"
//! from `Intl`: the one way is to format the instant in the zone and read the wall clock back.
//! js-sys's own `DateTimeFormat::new` cannot be used for it: it does not catch the `RangeError`
//! an unknown zone throws.

use std::cell::RefCell;
use std::collections::HashMap;

use agendum_core::zones::{Instant, ZoneError, ZoneRules};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// `new Intl.DateTimeFormat(locales, options)`, or the error it throws.
fn new_format(locales: &JsValue, options: &JsValue) -> Result<js_sys::Intl::DateTimeFormat, JsValue> {
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into())?;
    let constructor: js_sys::Function = js_sys::Reflect::get(&intl, &"DateTimeFormat".into())?.dyn_into()?;
    let made = js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(locales, options))?;
    Ok(made.unchecked_into())
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = supportedValuesOf)]
    fn supported_values_of(key: &str) -> Result<js_sys::Array, JsValue>;
}

thread_local! {
    /// One formatter per zone name (None: the browser does not know it). Making one costs more
    /// than formatting with it many times over.
    static FORMATS: RefCell<HashMap<String, Option<js_sys::Intl::DateTimeFormat>>> = RefCell::new(HashMap::new());
    /// Offsets already asked for, by zone and minute: the editor asks again for the same times
    /// at every change of the schedule.
    static OFFSETS: RefCell<HashMap<(String, i64), i32>> = RefCell::new(HashMap::new());
}

/// A formatter that writes the wall clock of `zone` in Western digits, on the 24-hour clock.
fn format_for(zone: &str) -> Option<js_sys::Intl::DateTimeFormat> {
    FORMATS.with(|formats| {
        if let Some(known) = formats.borrow().get(zone) {
            return known.clone();
        }
        let options = js_sys::Object::new();
        let set = |k: &str, v: &str| {
            let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
        };
        set("timeZone", zone);
        set("hourCycle", "h23");
        set("numberingSystem", "latn");
        set("calendar", "gregory");
        for part in ["year", "month", "day", "hour", "minute"] {
            set(part, "numeric");
        }
        let made = new_format(&JsValue::from_str("en-US"), &options).ok();
        formats.borrow_mut().insert(zone.to_string(), made.clone());
        made
    })
}

/// What `zone`'s clocks read at `at`, as minutes since 1970 if they were UTC's.
fn wall_clock(format: &js_sys::Intl::DateTimeFormat, at: Instant) -> Option<i64> {
    let date = js_sys::Date::new(&JsValue::from_f64(at.unix_seconds() as f64 * 1000.0));
    let (mut y, mut mo, mut d, mut h, mut mi) = (None, None, None, None, None);
    for part in format.format_to_parts(&date).iter() {
        let get = |k: &str| js_sys::Reflect::get(&part, &k.into()).ok().and_then(|v| v.as_string());
        let (Some(kind), Some(value)) = (get("type"), get("value")) else { continue };
        let n = value.trim().parse::<i64>().ok();
        match kind.as_str() {
            "year" => y = n,
            "month" => mo = n,
            "day" => d = n,
            // Some engines once wrote midnight as 24 even on the 24-hour clock.
            "hour" => h = n.map(|h| h % 24),
            "minute" => mi = n,
            _ => {}
        }
    }
    let date = agendum_core::time::Date::new(y? as i32, mo? as u8, d? as u8)?;
    Some(date.days_since_epoch() * 24 * 60 + h? * 60 + mi?)
}

/// The time-zone rules of the browser.
#[derive(Clone, Copy, Debug, Default)]
pub struct IntlRules;

impl ZoneRules for IntlRules {
    fn offset_minutes(&self, zone: &str, at: Instant) -> Result<i32, ZoneError> {
        let zone = zone.trim();
        let key = (zone.to_string(), at.0);
        if let Some(known) = OFFSETS.with(|o| o.borrow().get(&key).copied()) {
            return Ok(known);
        }
        let unknown = || ZoneError::Unknown(zone.to_string());
        let format = format_for(zone).ok_or_else(unknown)?;
        let wall = wall_clock(&format, at).ok_or_else(unknown)?;
        let offset = i32::try_from(wall - at.0).map_err(|_| unknown())?;
        OFFSETS.with(|o| {
            let mut o = o.borrow_mut();
            // A plenary's times in two zones are a few thousand; past that, start again.
            if o.len() > 50_000 {
                o.clear();
            }
            o.insert(key, offset);
        });
        Ok(offset)
    }

    fn is_known(&self, zone: &str) -> bool {
        !zone.trim().is_empty() && format_for(zone.trim()).is_some()
    }

    fn names(&self) -> Vec<String> {
        // Browsers before 2022 lack the list; then no names are suggested, and the check still
        // tells a known name from an unknown one.
        let mut names: Vec<String> = supported_values_of("timeZone")
            .map(|list| list.iter().filter_map(|v| v.as_string()).collect())
            .unwrap_or_default();
        if !names.iter().any(|n| n == "UTC") {
            names.push("UTC".into());
        }
        names.sort();
        names
    }
}

/// The viewer's own zone, as the browser reports it ("America/New_York"); None where it says
/// nothing usable.
pub fn viewer_zone() -> Option<String> {
    let format = new_format(&JsValue::UNDEFINED, &JsValue::UNDEFINED).ok()?;
    let options = format.resolved_options();
    let zone = js_sys::Reflect::get(&options, &"timeZone".into()).ok()?.as_string()?;
    (!zone.trim().is_empty()).then_some(zone)
}
