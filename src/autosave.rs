//! Autosave and the other tabs: the agenda is saved a moment after the last edit (and at once
//! when the page is hidden), with a visible saved state; saves of the same agenda made in other
//! tabs are followed, and when both tabs changed it at once, both versions are kept.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::reactive_agenda::ReactiveAgenda;
use crate::storage;

/// What the top bar says about saving.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved,
    Pending,
    Failed(String),
}

/// What autosave keeps between saves.
#[derive(Clone, Copy)]
struct Autosave {
    live: ReactiveAgenda,
    state: RwSignal<SaveState>,
    pending: StoredValue<Option<TimeoutHandle>>,
    /// The save count this tab's agenda was loaded or last saved at: another tab's save raises it.
    base: StoredValue<u64>,
    /// Set when the agenda changed because another tab saved it: that change is not saved back.
    from_elsewhere: StoredValue<bool>,
}

impl Autosave {
    fn save_now(self) {
        if let Some(h) = self.pending.get_value() {
            h.clear();
            self.pending.set_value(None);
        }
        let r = self.live.agenda.with_untracked(|a| storage::save_over(a, self.base.get_value()));
        match r {
            Ok(count) => {
                self.base.set_value(count);
                self.state.set(SaveState::Saved);
            }
            Err(storage::SaveError::Refused(e)) => self.failed(e),
            Err(storage::SaveError::Conflict) => self.keep_both(),
        }
    }

    /// The edit stays on screen, the top bar says it is not saved, and saving is tried again in
    /// a while: room may have been made (another agenda deleted).
    fn failed(self, why: String) {
        self.state.set(SaveState::Failed(why));
        set_timeout(
            move || {
                if matches!(self.state.get_untracked(), SaveState::Failed(_)) {
                    self.save_now();
                }
            },
            Duration::from_secs(3),
        );
    }

    /// Another tab saved this agenda while this one had unsaved edits: this tab's version goes
    /// into the library as a copy, and this tab shows the other's.
    fn keep_both(self) {
        let mine = self.live.agenda.get_untracked();
        let mut copy = mine.clone();
        copy.id = format!("{}-{}", mine.id, storage::now() as u64);
        copy.title = format!("{} (edited in another tab at the same time)", mine.title.trim());
        // Until this tab's version is kept, it stays on screen, unsaved: the next try finds the
        // conflict again and keeps it then.
        if let Err(r) = storage::keep(&copy, None, "") {
            return self.failed(format!(
                "Another tab saved this agenda while you were editing it here, and your version is not saved: {}. It is still here: export the agenda as a file to keep it.",
                r.why()
            ));
        }
        match storage::load(&mine.id) {
            Ok(theirs) => {
                self.from_elsewhere.set_value(true);
                self.base.set_value(storage::save_count(&mine.id));
                self.live.replace(theirs);
                self.state.set(SaveState::Saved);
                self.live.notice.set(Some(format!(
                    "Another tab saved this agenda while you were editing it here. Both versions are kept: this tab now shows the other tab's, and yours is in the library as \"{}\".",
                    copy.display_name()
                )));
            }
            // The other tab deleted it: what is here is all there is, so save it back.
            Err(_) => {
                self.base.set_value(storage::save_count(&mine.id));
                self.save_now();
            }
        }
    }

    /// Another tab saved an agenda; if it is this one and nothing here is waiting to be
    /// saved, show what it saved.
    fn saved_elsewhere(self, id: &str) {
        let here = self.live.agenda.with_untracked(|a| a.id == id);
        if !here || storage::save_count(id) == self.base.get_value() {
            return;
        }
        if self.state.get_untracked() == SaveState::Pending {
            return; // our save will find the conflict and keep both
        }
        if let Ok(theirs) = storage::load(id) {
            self.from_elsewhere.set_value(true);
            self.base.set_value(storage::save_count(id));
            self.live.replace(theirs);
        }
    }
}

/// Saves the agenda a moment after the last edit, and at once when the page is hidden; follows
/// saves of the same agenda made in other tabs.
pub fn autosave(live: ReactiveAgenda, state: RwSignal<SaveState>) {
    let id = live.agenda.with_untracked(|a| a.id.clone());
    let saver = Autosave {
        live,
        state,
        pending: StoredValue::new(None),
        base: StoredValue::new(storage::save_count(&id)),
        from_elsewhere: StoredValue::new(false),
    };
    Effect::new(move |first: Option<()>| {
        live.agenda.track();
        if first.is_none() || saver.from_elsewhere.get_value() {
            saver.from_elsewhere.set_value(false);
            return;
        }
        state.set(SaveState::Pending);
        if let Some(h) = saver.pending.get_value() {
            h.clear();
        }
        let h = set_timeout_with_handle(move || saver.save_now(), Duration::from_millis(400)).ok();
        saver.pending.set_value(h);
    });
    let hide = window_event_listener(ev::pagehide, move |_| {
        if state.get_untracked() == SaveState::Pending {
            saver.save_now();
        }
    });
    let other_tab = window_event_listener(ev::storage, move |ev| {
        if let Some(id) = ev.key().as_deref().and_then(storage::saved_elsewhere) {
            saver.saved_elsewhere(id);
        }
    });
    on_cleanup(move || {
        hide.remove();
        other_tab.remove();
        if state.get_untracked() == SaveState::Pending {
            saver.save_now();
        }
    });
}
