//! The undo and redo stacks of one open agenda.

use super::{Edit, EditError, Field};
use crate::model::Agenda;

/// Undo and redo stacks. Consecutive edits of the same text field fold into one step, so undo
/// takes back a word or a sentence, not a keystroke.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<(Edit, Option<Field>)>,
    redo: Vec<Edit>,
    /// Set after undo/redo or a non-typing edit, so the next keystroke starts a new step.
    sealed: bool,
}

impl History {
    /// Applies an edit and records it. `typing` marks an edit that may fold into the previous
    /// one (a keystroke in a text field).
    pub fn apply(&mut self, agenda: &mut Agenda, edit: Edit, typing: bool) -> Result<(), EditError> {
        let field = match (&edit, typing) {
            (Edit::Set { field, .. }, true) => Some(*field),
            _ => None,
        };
        let inverse = edit.apply(agenda)?;
        self.redo.clear();
        let folds = !self.sealed && field.is_some() && self.undo.last().is_some_and(|(_, f)| *f == field);
        if !folds {
            self.undo.push((inverse, field));
        }
        self.sealed = field.is_none();
        Ok(())
    }

    /// Ends the current typing step (the field lost focus).
    pub fn seal(&mut self) {
        self.sealed = true;
    }

    pub fn undo(&mut self, agenda: &mut Agenda) -> Result<bool, EditError> {
        let Some((edit, field)) = self.undo.pop() else { return Ok(false) };
        match edit.clone().apply(agenda) {
            Ok(redo) => {
                self.redo.push(redo);
                self.sealed = true;
                Ok(true)
            }
            Err(e) => {
                self.undo.push((edit, field));
                Err(e)
            }
        }
    }

    pub fn redo(&mut self, agenda: &mut Agenda) -> Result<bool, EditError> {
        let Some(edit) = self.redo.pop() else { return Ok(false) };
        match edit.clone().apply(agenda) {
            Ok(undo) => {
                self.undo.push((undo, None));
                self.sealed = true;
                Ok(true)
            }
            Err(e) => {
                self.redo.push(edit);
                Err(e)
            }
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
