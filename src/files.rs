//! Files leaving and entering the browser: downloads of exports, printing the exported
//! document (not the editor), and reading a picked or dropped file as text.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let fail = |_| "The browser refused to create the file.".to_string();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.dyn_into().map_err(|_| "no anchor".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.set_attribute("hidden", "").ok();
    let body = document.body().ok_or("no body")?;
    body.append_child(&a).map_err(fail)?;
    a.click();
    a.remove();
    // Revoking at once can cancel the download in some browsers; a minute later is safe.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = leptos::prelude::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Ok(())
}

/// Prints a standalone HTML document through a hidden frame, so the printout is the document,
/// never the editor around it.
pub fn print_html(html: &str) -> Result<(), String> {
    let fail = |_| "The browser refused to prepare the printout.".to_string();
    let document = leptos::prelude::document();
    if let Some(old) = document.get_element_by_id("print-frame") {
        old.remove();
    }
    let frame: web_sys::HtmlIFrameElement =
        document.create_element("iframe").map_err(fail)?.dyn_into().map_err(|_| "no iframe".to_string())?;
    frame.set_id("print-frame");
    frame.set_attribute("title", "Printout").ok();
    frame.set_attribute("aria-hidden", "true").ok();
    frame.set_attribute("tabindex", "-1").ok();
    frame.set_attribute("style", "position:fixed;right:0;bottom:0;width:0;height:0;border:0;").ok();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let doc = leptos::prelude::document();
        if let Some(f) =
            doc.get_element_by_id("print-frame").and_then(|e| e.dyn_into::<web_sys::HtmlIFrameElement>().ok())
        {
            if let Some(w) = f.content_window() {
                let _ = w.print();
            }
        }
    });
    frame.set_onload(Some(onload.unchecked_ref()));
    frame.set_srcdoc(html);
    document.body().ok_or("no body")?.append_child(&frame).map_err(fail)?;
    Ok(())
}

/// Reads a file the user picked or dropped as text.
pub async fn read_text(file: web_sys::File) -> Result<String, String> {
    let promise = file.text();
    let v = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|_| format!("\"{}\" could not be read.", file.name()))?;
    v.as_string().ok_or_else(|| format!("\"{}\" is not text.", file.name()))
}
