//! Documents as an agenda cites them: `number` reads and writes a document number, `cell`
//! an item's Docs cell, and `scan` finds the documents, annexes and items free text cites.

mod cell;
mod number;
mod scan;

pub use cell::{format_docs_cell, parse_docs_cell, DocRef, DocStatus};
pub(crate) use number::Decimal;
pub use number::{Digits, DocId, DocKey, DocNumber, Part, Series};
pub(crate) use scan::{scan_as_written, Mentioned};
