//! The floor page: one signal, one button.

use leptos::prelude::*;

#[component]
fn Floor() -> impl IntoView {
    let count = RwSignal::new(0u32);
    view! {
        <button type="button" on:click=move |_| count.update(|n| *n += 1)>
            {move || format!("Clicked {} times", count.get())}
        </button>
    }
}

fn main() {
    leptos::mount::mount_to_body(Floor);
}
