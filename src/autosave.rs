//! Autosave and the other tabs: the agenda is saved a moment after the last edit (and at once
//! when the page is hidden), one save at a time, with a visible saved state; saves of the same agenda made in other
//! tabs are followed, and when both tabs changed it at once, both versions are kept.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

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
    /// A save is on its way to the database: the next waits for it instead of racing it.
    saving: StoredValue<bool>,
    /// An edit was made while a save was on its way: it is saved once that one lands.
    again: StoredValue<bool>,
    /// How many saves were begun, and how many had been when the page was last left: a save
    /// begun before then is older than the copy written as the page was left.
    begun: StoredValue<u64>,
    left_at: StoredValue<u64>,
}

impl Autosave {
    fn save_now(self) {
        if let Some(h) = self.pending.get_value() {
            h.clear();
            self.pending.set_value(None);
        }
        if self.saving.get_value() {
            self.again.set_value(true);
            return;
        }
        self.saving.set_value(true);
        self.begun.update_value(|n| *n += 1);
        let number = self.begun.get_value();
        let agenda = self.live.agenda.get_untracked();
        let base = self.base.get_value();
        spawn_local(async move {
            let r = storage::save_over(&agenda, base).await;
            // The editor may have been closed meanwhile: what it kept is gone, and the save,
            // which has landed, is all there is to do.
            if self.saving.try_set_value(false).is_some() {
                return;
            }
            match r {
                Ok(count) => {
                    self.base.set_value(count);
                    if number > self.left_at.get_value() {
                        storage::settled(&agenda.id);
                    }
                    if self.again.get_value() {
                        self.again.set_value(false);
                        self.save_now();
                    } else if self.pending.get_value().is_none() {
                        self.state.set(SaveState::Saved);
                    }
                }
                Err(storage::SaveError::Refused(e)) => self.failed(e),
                Err(storage::SaveError::Conflict) => self.keep_both().await,
            }
        });
    }

    /// Saves at once, as the page is left or the editor closed (see
    /// [`storage::save_on_leaving`]), and starts the database save beside it.
    fn save_on_leaving(self) {
        let written = self.live.agenda.with_untracked(storage::save_on_leaving);
        if let Ok(count) = written {
            self.base.set_value(count);
            self.left_at.set_value(self.begun.get_value());
        }
        self.save_now();
    }

    /// The edit stays on screen, the top bar says it is not saved, and saving is tried again in
    /// a while: room may have been made (another agenda deleted).
    fn failed(self, why: String) {
        self.state.set(SaveState::Failed(why));
        set_timeout(
            move || {
                if matches!(self.state.try_get_untracked(), Some(SaveState::Failed(_))) {
                    self.save_now();
                }
            },
            Duration::from_secs(3),
        );
    }

    /// Another tab saved this agenda while this one had unsaved edits: this tab's version goes
    /// into the library as a copy, and this tab shows the other's.
    async fn keep_both(self) {
        let mine = self.live.agenda.get_untracked();
        let mut copy = mine.clone();
        copy.id = format!("{}-{}", mine.id, storage::now() as u64);
        copy.title = format!("{} (edited in another tab at the same time)", mine.title.trim());
        // Until this tab's version is kept, it stays on screen, unsaved: the next try finds the
        // conflict again and keeps it then.
        if let Err(r) = storage::keep(&copy, None, "").await {
            return self.failed(format!(
                "Another tab saved this agenda while you were editing it here, and your version is not saved: {}. It is still here: export the agenda as a file to keep it.",
                r.why()
            ));
        }
        match storage::load(&mine.id).await {
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
        if self.state.get_untracked() == SaveState::Pending || self.saving.get_value() {
            return; // our save will find the conflict and keep both
        }
        let id = id.to_string();
        spawn_local(async move {
            let Ok(theirs) = storage::load(&id).await else { return };
            // An edit made here while it was read is saved over it, and finds the conflict.
            if self.state.try_get_untracked() != Some(SaveState::Saved) {
                return;
            }
            self.from_elsewhere.set_value(true);
            self.base.set_value(storage::save_count(&id));
            self.live.replace(theirs);
        });
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
        saving: StoredValue::new(false),
        again: StoredValue::new(false),
        begun: StoredValue::new(0),
        left_at: StoredValue::new(0),
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
        if state.get_untracked() == SaveState::Pending || saver.saving.get_value() {
            saver.save_on_leaving();
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
        if state.get_untracked() == SaveState::Pending || saver.saving.get_value() {
            // What the editor keeps is going with it: this last save is written here at once,
            // and into the database by a task of its own.
            let agenda = live.agenda.get_untracked();
            let base = saver.base.get_value();
            let left = storage::save_on_leaving(&agenda);
            let base = left.as_ref().copied().unwrap_or(base);
            spawn_local(async move {
                if storage::save_over(&agenda, base).await.is_ok() {
                    storage::settled(&agenda.id);
                }
            });
        }
    });
}
