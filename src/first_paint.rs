//! The moment the editor's first frame is painted, for what can wait for it.

use leptos::prelude::*;

/// Set once the editor's first frame is painted. What no one sees or uses in that frame waits
/// for it (Annex A's rows at 5,000 documents, the suggestions the fields offer, the shortcut
/// sheet's tables): opening shows the agenda and its checks first.
#[derive(Clone, Copy)]
pub struct FirstPaint(RwSignal<bool>);

impl FirstPaint {
    pub fn new() -> FirstPaint {
        let painted = RwSignal::new(false);
        after_paint(move || {
            painted.try_set(true);
        });
        FirstPaint(painted)
    }

    /// Whether the first frame is painted, tracked.
    pub fn done(self) -> bool {
        self.0.get()
    }
}

/// Runs `f` once the next frame is painted: a task queued from an animation frame runs after it.
pub fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}
