//! The service worker's page side: registers `sw.js` (relative, so any sub-path works), notices when
//! a new version has been installed, and switches to it only when the learner agrees.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

/// True once a new version is installed and waiting for the learner's consent.
#[derive(Clone, Copy)]
pub struct UpdateReady(pub RwSignal<bool>);

fn sw_container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = window().navigator();
    // Browsers without service workers (or insecure contexts) lack the property entirely.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .ok()?
        .then(|| navigator.service_worker())
}

/// Registers the service worker a moment after the page has loaded, and flags `ready` when an update
/// waits. The worker's precaching fetches the whole build again on threads of its own: started before
/// the first paint has reached the screen, it competes with rendering on small machines.
pub fn register(ready: RwSignal<bool>) {
    const AFTER_FIRST_PAINT_MS: i32 = 1000;
    let Some(container) = sw_container() else {
        return;
    };
    let later = move || {
        let start = Closure::once_into_js(move || watch(container, ready));
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
            start.unchecked_ref(),
            AFTER_FIRST_PAINT_MS,
        );
    };
    if document().ready_state() == "complete" {
        later();
    } else {
        let once = Closure::once_into_js(later);
        let _ = window().add_event_listener_with_callback("load", once.unchecked_ref());
    }
}

fn watch(container: web_sys::ServiceWorkerContainer, ready: RwSignal<bool>) {
    leptos::task::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("./sw.js")).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        let has_controller = move || sw_container().and_then(|c| c.controller()).is_some();
        if registration.waiting().is_some() && has_controller() {
            ready.set(true);
        }
        let watched = registration.clone();
        let on_update = Closure::<dyn FnMut()>::new(move || {
            let Some(worker) = watched.installing() else {
                return;
            };
            let w = worker.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if w.state() == ServiceWorkerState::Installed && has_controller() {
                    ready.set(true);
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        // Lives as long as the page, like the registration it watches.
        on_update.forget();
    });
}

/// Activates the waiting version and reloads once it controls the page.
pub fn apply_update() {
    let Some(container) = sw_container() else {
        return;
    };
    let reload = Closure::<dyn FnMut()>::new(|| {
        let _ = window().location().reload();
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    leptos::task::spawn_local(async move {
        if let Ok(registration) = JsFuture::from(container.get_registration()).await {
            if let Some(waiting) = registration
                .dyn_into::<ServiceWorkerRegistration>()
                .ok()
                .and_then(|r| r.waiting())
            {
                let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
            }
        }
    });
}

/// The banner offering the new version.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = expect_context::<UpdateReady>().0;
    view! {
        {move || ready.get().then(|| view! {
            <div class="update-banner" role="status">
                "A new version of the app is ready. "
                <button class="primary" on:click=move |_| apply_update()>"Reload to update"</button>
                <button on:click=move |_| ready.set(false)>"Later"</button>
            </div>
        })}
    }
}
