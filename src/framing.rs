//! Whether the app runs inside another page's frame. A meta Content-Security-Policy cannot forbid
//! framing (only a host's header can), so while framed the app refuses the actions that destroy data
//! (reset, replace on import): a framing page could trick a learner into clicking them.

/// True when this page is not the top-level browsing context.
pub fn is_framed() -> bool {
    let window = leptos::prelude::window();
    match window.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &window),
        // No access to the top window at all: treat as framed, the safe side.
        _ => true,
    }
}

/// What a learner is told where a destructive action is disabled.
pub const FRAMED_NOTE: &str =
    "This page is shown inside another site's frame, so deleting or replacing data is turned off. Open the app in its own tab to do this.";
