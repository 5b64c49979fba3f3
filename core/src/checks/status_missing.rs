//! A document planned for introduction (cited without parentheses) has a status once its item
//! has an outcome or the meeting is held: the report's list of documents says of each whether
//! it was introduced, noted, approved or revised. Documents in parentheses were not expected to
//! be introduced; annexes and outside references are not introduced at all.

use super::text::trimmed;
use super::{Code, Ctx};
use crate::docref::DocNumber;
use crate::edit::{Field, ItemField};
use crate::model::Item;

pub(super) fn item(cx: &mut Ctx, item: &Item) {
    if !cx.agenda.held && trimmed(&item.outcome).is_empty() {
        return;
    }
    for d in &item.docs {
        if !d.introduced || d.status.is_some() || !matches!(d.number, DocNumber::Document(_)) {
            continue;
        }
        cx.push(
            Code::StatusMissing,
            Field::item(item.id, ItemField::Docs),
            format!(
                "{} was to be introduced, but has no status: introduced, not introduced, noted, approved, or revised as another document.",
                d.number
            ),
            None,
        );
    }
}
