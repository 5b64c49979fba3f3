//! What the browser says of the room it gives this site: how much is used and allowed
//! (`navigator.storage.estimate()`), and whether it has promised to keep the site's data.

/// The room browsers give a page's localStorage: 5 MiB of characters in Chromium, about the
/// same in Firefox and Safari. No browser says it; a write past it is refused.
pub const LOCAL_ROOM: f64 = 5_242_880.0;

/// What the browser says of this site's storage as a whole (`navigator.storage.estimate()`):
/// bytes used, and bytes it would allow.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub usage: f64,
    pub quota: f64,
}

/// `navigator.storage`, where the browser has it (not on pages opened from disk in some).
fn manager() -> Option<wasm_bindgen::JsValue> {
    let nav = leptos::prelude::window().navigator();
    js_sys::Reflect::get(&nav, &"storage".into()).ok().filter(|m| m.is_object())
}

/// Calls a method of `navigator.storage` that returns a promise, and waits for its value.
async fn ask(method: &str) -> Option<wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let m = manager()?;
    let f = js_sys::Reflect::get(&m, &method.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let promise = f.call0(&m).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

pub async fn estimate() -> Option<Estimate> {
    let v = ask("estimate").await?;
    let n = |k: &str| js_sys::Reflect::get(&v, &k.into()).ok().and_then(|x| x.as_f64());
    Some(Estimate { usage: n("usage")?, quota: n("quota")? })
}

/// Whether the browser has promised to keep this site's data (not to delete it to free space
/// or after days without a visit); `None` where it cannot say.
pub async fn persisted() -> Option<bool> {
    ask("persisted").await?.as_bool()
}

/// Asks the browser to keep this site's data; some ask the user, most decide by themselves
/// (an installed app, a bookmarked or often visited site). Says whether it was granted.
pub async fn persist() -> Option<bool> {
    ask("persist").await?.as_bool()
}
