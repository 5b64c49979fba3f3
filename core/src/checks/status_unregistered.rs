//! A document "revised as" another: the new number is in the register (Annex A), at that
//! revision, as any document the meeting handles is. TD667R1 revised as TD667R2 needs TD667R2
//! registered; that TD667R1 is does not count.

use super::index::{parts_agree, RegisterIndex};
use super::{Code, Ctx};
use crate::docref::{DocId, DocNumber, DocStatus};
use crate::edit::{Field, ItemField};
use crate::model::Item;

pub(super) fn item(cx: &mut Ctx, index: &RegisterIndex, item: &Item) {
    for d in &item.docs {
        let Some(DocStatus::RevisedAs(new)) = &d.status else { continue };
        let registered = match new {
            DocNumber::Document(id) => lists(index, id),
            // Only a TD or contribution can be what a document is revised as; the status reads
            // nothing else, but a file may hold anything.
            _ => false,
        };
        if registered {
            continue;
        }
        cx.push(
            Code::StatusUnregistered,
            Field::item(item.id, ItemField::Docs),
            format!("{} is revised as {new}, which is not in the register (Annex A).", d.number),
            None,
        );
    }
}

/// Whether the register lists `id` at its own revision, for its part of the meeting.
pub(super) fn lists(index: &RegisterIndex, id: &DocId) -> bool {
    let Some(first) = index.first(&index.key(id)) else { return false };
    index.chain(first).any(|i| index.revision[i] == id.revision && parts_agree(id.part, index.part[i]))
}
