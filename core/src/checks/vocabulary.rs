//! Words against the agenda's vocabulary: register categories and item actions. "Infomration"
//! in a category, or "To ntoe" among the actions, is a typo a reader notices at once; the fix
//! offers the nearest known word, or adds a new one to this agenda's own list.

use std::sync::Arc;

use super::suggestions::{Suggestions, Unknown};
use super::text::{concat, trimmed, without_final_dots};
use super::{Code, Ctx, Fix};
use crate::edit::{AgendaField, Edit, EntryField, Field, ItemField, Value};
use crate::model::{Item, RegisterEntry};

/// Register categories, entry by entry: read in the walk that indexes the register, reported
/// last. A second walk of a plenary's register only to read its categories again would cost
/// nearly as much as the rules themselves, and knowing how many there are before reporting any
/// spares the findings' list from growing by doubling.
pub(super) struct Categories<'v, 'a> {
    hints: Suggestions<'v, 'a>,
    /// Each entry with a finding, its category as written, and the unknown word (none for an
    /// entry with no category).
    flagged: Vec<(&'a RegisterEntry, &'a str, Option<Unknown<'v>>)>,
}

impl<'v, 'a> Categories<'v, 'a> {
    pub(super) fn new(vocabulary: &'v [String]) -> Self {
        Categories { hints: Suggestions::new(vocabulary), flagged: Vec::new() }
    }

    pub(super) fn entry(&mut self, e: &'a RegisterEntry) {
        let c = trimmed(&e.category);
        let word = if c.is_empty() {
            if super::index::blank(&e.number) {
                return;
            }
            None
        } else {
            match self.hints.unknown(c) {
                Some(word) => Some(word),
                None => return,
            }
        };
        self.flagged.push((e, c, word));
    }

    /// How many findings [`Categories::report`] will make.
    pub(super) fn len(&self) -> usize {
        self.flagged.len()
    }

    pub(super) fn report(self, cx: &mut Ctx) {
        let a = cx.agenda;
        // The message and the fix about each distinct unknown category, written when first
        // needed: a register repeats a typo hundreds of times.
        let mut texts: Vec<Option<(Arc<str>, Fix)>> = Vec::new();
        for (e, c, word) in self.flagged {
            let field = Field::Entry { entry: e.id, field: EntryField::Category };
            let Some(word) = word else {
                cx.push(Code::RegisterCategory, field, format!("{} has no category.", e.number), None);
                continue;
            };
            if texts.len() <= word.number {
                texts.resize(word.number + 1, None);
            }
            let (message, fix) = texts[word.number].get_or_insert_with(|| match word.near {
                Some(n) => (
                    concat(&["\"", c, "\" is not a known category. Did you mean \"", n, "\"?"]).into(),
                    Fix {
                        label: concat(&["Change to \"", n, "\""]).into(),
                        edit: Edit::Set { field, value: Value::Text(n.to_string()) },
                    },
                ),
                None => (
                    concat(&["\"", c, "\" is not a known category."]).into(),
                    vocabulary_addition(&a.categories, c, AgendaField::Categories, "categories"),
                ),
            });
            let fix = match word.near {
                // A change of category is an edit of this entry; an addition, of the agenda.
                Some(n) => Fix {
                    label: fix.label.clone(),
                    edit: Edit::Set { field, value: Value::Text(n.to_string()) },
                },
                None => fix.clone(),
            };
            cx.push(Code::RegisterCategory, field, message.clone(), Some(fix));
        }
    }
}

/// Item actions, item by item.
pub(super) struct Actions<'v, 'a> {
    hints: Suggestions<'v, 'a>,
}

impl<'v, 'a> Actions<'v, 'a> {
    pub(super) fn new(vocabulary: &'v [String]) -> Self {
        Actions { hints: Suggestions::new(vocabulary) }
    }

    pub(super) fn item(&mut self, cx: &mut Ctx, item: &'a Item) {
        let a = cx.agenda;
        let field = Field::item(item.id, ItemField::Actions);
        for (k, act) in item.actions.iter().enumerate() {
            let t = without_final_dots(trimmed(act));
            if t.is_empty() {
                continue;
            }
            let Some(Unknown { near: suggestion, .. }) = self.hints.unknown(t) else { continue };
            let fix = match suggestion {
                Some(n) => {
                    let mut v = item.actions.clone();
                    v[k] = n.to_string();
                    Fix {
                        label: format!("Change to \"{n}\"").into(),
                        edit: Edit::Set { field, value: Value::List(v) },
                    }
                }
                None => vocabulary_addition(&a.actions, t, AgendaField::Actions, "actions"),
            };
            cx.push(Code::ItemAction, field, format!("\"{t}\" is not a known action."), Some(fix));
        }
    }
}

/// The fix for a word no vocabulary knows and none is near: add it to the agenda's own list
/// (`field`, named `list` in the label).
fn vocabulary_addition(own: &[String], word: &str, field: AgendaField, list: &str) -> Fix {
    let mut own = own.to_vec();
    own.push(word.to_string());
    Fix {
        label: format!("Add \"{word}\" to this agenda's {list}").into(),
        edit: Edit::Set { field: Field::Agenda { field }, value: Value::List(own) },
    }
}
