//! An item put "To adopt" or "To approve" whose outcome says otherwise (Not approved, Deferred,
//! Withdrawn, only Noted) is what readers of a report ask about first; the outcome's note says
//! why. Outcomes that agree (Approved, Agreed …) and the agenda's own words other than "Not …"
//! are taken as the meeting wrote them.

use super::text::{trimmed, without_final_dots};
use super::{Code, Ctx};
use crate::edit::{Field, ItemField};
use crate::model::Item;

/// The actions that ask the meeting to approve.
const APPROVING: &[&str] = &["To adopt", "To approve"];

/// Outcomes that say the meeting did not approve, beside any that starts with "Not ".
const CONTRARY: &[&str] = &["Noted", "Deferred", "Withdrawn"];

pub(super) fn item(cx: &mut Ctx, item: &Item) {
    let outcome = without_final_dots(trimmed(&item.outcome));
    if outcome.is_empty() || !trimmed(&item.outcome_note).is_empty() {
        return;
    }
    let contrary = CONTRARY.iter().any(|c| c.eq_ignore_ascii_case(outcome))
        || outcome.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("not "));
    if !contrary {
        return;
    }
    let Some(asked) = item.actions.iter().find_map(|a| {
        let a = without_final_dots(trimmed(a));
        APPROVING.iter().find(|x| x.eq_ignore_ascii_case(a))
    }) else {
        return;
    };
    cx.push(
        Code::OutcomeContrary,
        Field::item(item.id, ItemField::OutcomeNote),
        format!(
            "This item was put \"{asked}\", but its outcome is \"{outcome}\": say why in the outcome's note."
        ),
        None,
    );
}
