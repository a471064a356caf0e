//! The frame every page shares (header, navigation, main, footer) and the route signal that
//! follows `location.hash`.

use leptos::prelude::*;

use crate::components::layout::{Footer, Header};
use crate::pages;
use crate::route::Route;

/// The current route, shared through context so any widget can highlight or link relative to it.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub ReadSignal<Route>);

impl CurrentRoute {
    pub fn get(&self) -> Route {
        self.0.get()
    }
}

fn location_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

/// An attempt whose deadline passed while the app was closed is submitted on return, and the
/// learner lands on its results.
fn submit_if_time_ran_out() {
    let active = expect_context::<crate::state::ActiveState>();
    let progress = expect_context::<crate::state::ProgressState>();
    let now = js_sys::Date::now();
    let expired = active.owned.get_untracked()
        && active.attempt.with_untracked(|a| {
            a.as_ref()
                .is_some_and(|a| !a.is_submitted() && a.is_expired(now))
        });
    if expired {
        active.attempt.update(|a| {
            if let Some(a) = a.as_mut() {
                a.submit(now, true);
            }
        });
        crate::pages::mock::finish_active(active, progress);
    }
}

#[component]
pub fn App() -> impl IntoView {
    crate::state::provide_app_state(crate::store::vault::Vault::open());
    crate::state::provide_active_state();
    crate::state::provide_progress_state();
    provide_context(crate::pages::practice::PracticePreset(RwSignal::new(None)));
    submit_if_time_ran_out();
    crate::pages::data::rolling_backup(
        expect_context::<crate::state::Store>(),
        js_sys::Date::now(),
    );
    let (route, set_route) = signal(location_route());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(location_route())
    });
    on_cleanup(move || listener.remove());
    provide_context(CurrentRoute(route));

    // Title and focus follow the page, so screen-reader and keyboard users land on the new content.
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        document().set_title(&format!("{} · {}", current.title(), crate::APP_NAME));
        if previous.is_some_and(|p| p != current) {
            if let Some(main) = document().get_element_by_id("main") {
                use wasm_bindgen::JsCast;
                if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                    let _ = main.focus();
                }
            }
        }
        current
    });

    // Tests mount the app without the service worker; the banner then has nothing to watch.
    if use_context::<crate::offline::UpdateReady>().is_none() {
        provide_context(crate::offline::UpdateReady(RwSignal::new(false)));
    }
    view! {
        <crate::offline::UpdateBanner/>
        <Header/>
        <crate::state::NoticeBanner/>
        <main id="main" tabindex="-1">{move || pages::render(route.get())}</main>
        <Footer/>
    }
}
