//! Moving keyboard focus to an element by id: after a route change and from the skip link (to
//! `main`), and between the navigator's buttons. An element that is missing or not focusable is
//! left alone; focus then stays where it was.

use leptos::prelude::document;
use wasm_bindgen::JsCast;

pub fn focus_by_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Focuses `id` once the views have caught up with the signals just set (the element may be about
/// to appear, or to stop being disabled).
pub fn focus_after_render(id: &'static str) {
    leptos::prelude::request_animation_frame(move || focus_by_id(id));
}
