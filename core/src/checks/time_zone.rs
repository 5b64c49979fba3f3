//! The agenda's time zone: its `time_zone` must be a name the time-zone rules know, or no time
//! in the agenda can be placed for those who join from elsewhere (nor its calendar written).
//! Apart from the one pass, since the pass has no time-zone rules: the browser and the command
//! line each bring theirs and merge these findings with the pass's ([`super::with_time_zone`]).

use super::{Code, Finding, Fix};
use crate::edit::{AgendaField, Edit, Field, Value};
use crate::zones::{alias, nearest_names, ZoneRules};

/// How many of the nearest names a finding suggests.
const SUGGESTED: usize = 3;

/// The finding on the agenda's time zone, if its name is unknown: the nearest names the rules
/// know, and a fix when one of them is the clear choice (a typo of it, or Geneva for Zurich's
/// zone). An empty zone is not reported: an agenda need not be placed in time to be checked.
pub fn time_zone(agenda: &crate::model::Agenda, rules: &dyn ZoneRules) -> Vec<Finding> {
    time_zone_named(&agenda.time_zone, rules)
}

/// The same finding for a zone's name alone: the editor asks again only when the name changes,
/// since asking the browser's rules for every name is slow next to a keystroke.
pub fn time_zone_named(name: &str, rules: &dyn ZoneRules) -> Vec<Finding> {
    let name = name.trim();
    if name.is_empty() || rules.is_known(name) {
        return Vec::new();
    }
    let known = rules.names();
    let nearest = nearest_names(name, &known, SUGGESTED + 1);
    let typo = (name.chars().count() / 4).max(2);
    let clear = match alias(name).filter(|z| rules.is_known(z)) {
        Some(zone) => Some(zone.to_string()),
        // One nearest name within a typo's reach, with no other as near.
        None => match nearest.as_slice() {
            [(best, d), rest @ ..] if *d <= typo && rest.first().is_none_or(|(_, d2)| d2 > d) => {
                Some(best.clone())
            }
            _ => None,
        },
    };
    let mut suggested: Vec<String> = clear.iter().cloned().collect();
    for (n, _) in nearest {
        if suggested.len() < SUGGESTED && !suggested.contains(&n) {
            suggested.push(n);
        }
    }
    let listed = suggested.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ");
    let message = match &clear {
        Some(zone) => format!(
            "\"{name}\" is not a time zone the time-zone database knows. Did you mean \"{zone}\"? \
             Until it is one, the agenda's times cannot be shown in other zones or put in a calendar."
        ),
        None => format!(
            "\"{name}\" is not a time zone the time-zone database knows: write its IANA name, as in \
             Europe/Zurich. The nearest names are {listed}. Until it is one, the agenda's times cannot be \
             shown in other zones or put in a calendar."
        ),
    };
    let field = Field::Agenda { field: AgendaField::TimeZone };
    let fix = clear.map(|zone| Fix {
        label: format!("Change to \"{zone}\"").into(),
        edit: Edit::Set { field, value: Value::Text(zone) },
    });
    vec![Finding {
        code: Code::TimeZone,
        severity: Code::TimeZone.severity(),
        field,
        message: message.into(),
        fix,
    }]
}
