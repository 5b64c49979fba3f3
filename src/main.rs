//! Entry point of the browser build: mounts the app.

fn main() {
    agendum_app::mount();
}
