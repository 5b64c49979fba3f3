//! Items on their own: each has a title. A row with no title prints as an empty line in the
//! posted TD.

use super::text::trimmed;
use super::{Code, Ctx};
use crate::edit::{Field, ItemField};
use crate::model::Item;

pub(super) fn check(cx: &mut Ctx, item: &Item) {
    if trimmed(&item.title).is_empty() {
        cx.push(
            Code::ItemUntitled,
            Field::item(item.id, ItemField::Title),
            "This item has no title yet.",
            None,
        );
    }
}
