//! Names the fields findings point to, the way a user would: "Item 2.2, Docs", "Annex A, entry
//! 10 (TD667R1), Category".

use rustc_hash::FxHashMap;

use crate::docref::Decimal;
use crate::edit::Field;
use crate::model::{annex_letter, Agenda, EntryId};
use crate::numbering::Outline;

/// Made for the findings shown, not by the check pass: a big agenda in the making has thousands
/// of findings, a panel shows a hundred, and naming each field took a sixth of a pass.
pub struct FieldNames<'a> {
    agenda: &'a Agenda,
    outline: Outline<'a>,
    /// Register positions by id, where ids do not rise from entry to entry (where they rise, as
    /// entries added at the end get ever larger ids, a binary search finds them). Of two entries
    /// sharing an id (no file loads with one), the later.
    entry_position: Option<FxHashMap<EntryId, usize>>,
}

impl<'a> FieldNames<'a> {
    pub fn new(agenda: &'a Agenda) -> Self {
        let rising = agenda.register.windows(2).all(|w| w[0].id < w[1].id);
        let entry_position =
            (!rising).then(|| agenda.register.iter().enumerate().map(|(i, e)| (e.id, i)).collect());
        FieldNames { agenda, outline: Outline::new(agenda), entry_position }
    }

    pub fn name(&self, field: Field) -> String {
        let mut out = String::with_capacity(48);
        let agenda = self.agenda;
        match field {
            Field::Agenda { field } => {
                out.push_str("Header, ");
                out.push_str(field.label());
            }
            Field::Session { session, field } => {
                let n = agenda.sessions.iter().position(|s| s.id == session).map_or(0, |i| i + 1);
                numbered(&mut out, "Session ", n, field.label());
            }
            Field::Item { item, field } => {
                out.push_str("Item ");
                self.outline.write_number(item, &mut out);
                out.push_str(", ");
                out.push_str(field.label());
            }
            Field::Entry { entry, field } => {
                let at = match &self.entry_position {
                    Some(map) => map.get(&entry).copied(),
                    None => agenda.register.binary_search_by_key(&entry, |e| e.id).ok(),
                };
                out.push_str("Annex A, entry ");
                push_decimal(&mut out, at.map_or(0, |i| i + 1));
                out.push_str(" (");
                match at {
                    Some(i) => agenda.register[i].number.write_to(&mut out),
                    None => out.push('?'),
                }
                out.push_str("), ");
                out.push_str(field.label());
            }
            Field::Annex { annex, field } => {
                out.push_str("Annex ");
                match agenda.annex_index(annex) {
                    Some(i) => out.push_str(&annex_letter(i)),
                    None => out.push('?'),
                }
                out.push_str(", ");
                out.push_str(field.label());
            }
            Field::FutureMeeting { meeting, field } => {
                let n = agenda.future_meetings.iter().position(|m| m.id == meeting).map_or(0, |i| i + 1);
                numbered(&mut out, "Future meeting ", n, field.label());
            }
        }
        out
    }
}

/// "Session 2, Title": what is named, its position counted from 1 (0 for one not in the
/// agenda), and the field's label.
fn numbered(out: &mut String, what: &str, n: usize, label: &str) {
    out.push_str(what);
    push_decimal(out, n);
    out.push_str(", ");
    out.push_str(label);
}

/// Appends `n` in decimal without the formatting machinery, which costs more than the rest of
/// naming a field.
fn push_decimal(out: &mut String, n: usize) {
    out.push_str(Decimal::new(n as u64).as_str());
}
