//! The frame every page shares (header, navigation, main, footer) and the route signal that
//! follows `location.hash`.

use leptos::prelude::*;

use crate::components::layout::{Footer, Header};
use crate::focus::focus_by_id;
use crate::pages;
use crate::route::Route;
use crate::state::CurrentRoute;

fn location_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

#[component]
pub fn App() -> impl IntoView {
    crate::state::provide_app_state(crate::store::vault::Vault::open());
    crate::state::provide_active_state();
    crate::state::provide_progress_state();
    provide_context(crate::pages::practice::PracticePreset(RwSignal::new(None)));
    // One clock for the whole app: a timed attempt is submitted when its time runs out, on any page,
    // and at once when it ran out while the app was closed.
    let (active, progress) = (
        expect_context::<crate::state::ActiveState>(),
        expect_context::<crate::state::ProgressState>(),
    );
    crate::flow::expire_if_due(active, progress, js_sys::Date::now());
    if let Ok(handle) = set_interval_with_handle(
        move || crate::flow::expire_if_due(active, progress, js_sys::Date::now()),
        std::time::Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
    crate::pages::data::rolling_backup(
        expect_context::<crate::state::Store>(),
        expect_context::<crate::state::Notices>(),
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
            focus_by_id("main");
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
