//! Why the browser did not keep an agenda, in words for the editor and for the library, with
//! what the user can do about it.

/// Why the browser did not keep an agenda. Nothing is ever said to be saved or imported unless
/// its record was written and read back as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// localStorage is switched off for this page.
    Off,
    /// The browser's storage for this page is full.
    Full,
    /// The browser refused the write for another reason.
    Refused,
    /// The write was taken but did not read back as written.
    NotKept,
}

impl Refusal {
    /// Why, as the end of a sentence: "… is not stored, because {why}."
    pub fn why(self) -> &'static str {
        match self {
            Refusal::Off => "this browser does not allow this page to keep data (localStorage is off)",
            Refusal::Full => "the browser's storage for this page is full",
            Refusal::Refused => "the browser refused to write it",
            Refusal::NotKept => "the browser did not keep it as it was written",
        }
    }

    /// What the user can do about it, as a sentence; empty when there is nothing to do here.
    pub fn what_to_do(self) -> &'static str {
        match self {
            Refusal::Full => "To make room, export the agendas you no longer need here (Export all keeps every agenda in one file) and delete them, then try again.",
            Refusal::Off => "Allow this site to keep data in the browser's settings, then try again.",
            Refusal::Refused | Refusal::NotKept => "",
        }
    }

    /// What the editor says when an edit cannot be saved: the edit stays on screen.
    pub fn for_edit(self) -> String {
        match self {
            Refusal::Full => "The browser's storage for this page is full, so the last changes are not saved. They are still here: export the agenda as a file to keep them, and make room by exporting and deleting agendas you no longer need.".to_string(),
            Refusal::Off => "This browser does not allow this page to keep data (localStorage is off), so the last changes are not saved. They are still here: export the agenda as a file to keep them.".to_string(),
            Refusal::Refused | Refusal::NotKept => "The browser refused to save the agenda. Your changes are still here: export the agenda as a file to keep them.".to_string(),
        }
    }

    /// What the library says when `what` (an agenda arriving: imported, made, copied, put
    /// back) cannot be kept: "{what} is not stored, because …".
    pub fn arrival(self, what: &str) -> String {
        let todo = self.what_to_do();
        let sep = if todo.is_empty() { "" } else { " " };
        format!("{what} is not stored, because {}. Nothing that was here has changed.{sep}{todo}", self.why())
    }
}
