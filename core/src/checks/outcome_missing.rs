//! Once a session has passed, or the meeting is marked held, each item that asked the meeting
//! for something has an outcome: a report whose items say nothing of what was decided is what
//! a secretariat sends back. An item asks for something when it names an action or cites a
//! document; a heading over sub-items ("Opening and welcome"), or "AOB" with neither, need not.

use super::text::trimmed;
use super::{Code, Ctx};
use crate::edit::{Field, ItemField};
use crate::model::Item;

/// `passed`: the item's session is over, or the meeting is held.
pub(super) fn item(cx: &mut Ctx, item: &Item, passed: bool) {
    if !passed || !trimmed(&item.outcome).is_empty() {
        return;
    }
    let asks = item.actions.iter().any(|a| !trimmed(a).is_empty()) || !item.docs.is_empty();
    if !asks {
        return;
    }
    let when = if cx.agenda.held { "The meeting is held" } else { "Its session has passed" };
    cx.push(
        Code::OutcomeMissing,
        Field::item(item.id, ItemField::Outcome),
        format!("{when}, but this item has no outcome yet (Noted, Agreed, Approved …)."),
        None,
    );
}
