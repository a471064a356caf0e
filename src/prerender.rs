//! The first screens as HTML, from the same components the app mounts (see src/bin/prerender.rs).
//! Native only, with Leptos's server-side rendering.

use leptos::prelude::*;

use crate::components::layout::{Footer, Header};
use crate::route::Route;
use crate::state::CurrentRoute;

/// Header, `page` in the main landmark and footer, as the app renders them on `route`.
fn screen<V: IntoView + 'static>(route: Route, page: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    owner.set();
    provide_context(CurrentRoute(RwSignal::new(route).read_only()));
    // Rendered once, outside any reactive observer: nothing here will update.
    let html = untrack(|| {
        view! {
            <Header/>
            <main id="main" tabindex="-1">{page()}</main>
            <Footer/>
        }
        .to_html()
    });
    // Leptos marks text boundaries for hydration with empty comments; the app mounts afresh instead.
    html.replace("<!>", "")
}

/// Header, home page and footer, as the app renders them on `#/` with nothing to report.
pub fn home_screen() -> String {
    screen(Route::Home, || view! { <crate::pages::home::Home/> })
}

/// The mock exam's start screen as a new visitor sees it, its start button disabled until the app
/// has loaded.
pub fn mock_screen() -> String {
    screen(Route::Mock, || {
        view! { <crate::pages::mock::MockPageBeforeApp/> }
    })
}

/// What index.html's shell holds: the home screen, shown as it is, and each other prerendered screen
/// in a `<template>` that the start-up script (static/startup.js) shows instead on its route, unless
/// a stored key or setting means the app will show something else there (an exam in progress on
/// `#/mock`, or the accommodation's longer clock).
pub fn shell() -> String {
    // The start screen is rendered with default settings: with the accommodation on, the app will
    // say 120 minutes, so the loading line stands in until it does.
    let mock = format!(
        "<template data-route=\"{}\" data-unless-stored=\"{}\" data-unless-setting=\"accommodation\">{}</template>",
        Route::Mock.href(),
        crate::store::active::ACTIVE_KEY,
        mock_screen()
    );
    home_screen() + &mock
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_home_screen_carries_the_heading_the_start_links_and_the_disclaimer() {
        let html = super::home_screen();
        for part in [
            "<h1>Practise for the AWS Certified Cloud Practitioner exam</h1>",
            "href=\"#/diagnostic\"",
            "href=\"#/mock\"",
            "not affiliated with or endorsed by Amazon Web Services",
            "<nav aria-label=\"Main\">",
        ] {
            assert!(html.contains(part), "{part} in {html}");
        }
        assert!(!html.contains("<!>") && !html.contains("<script"));
    }

    #[test]
    fn the_mock_screen_has_its_rules_and_a_disabled_start_button() {
        let html = super::mock_screen();
        for part in [
            "<h1>Mock exam</h1>",
            "65 questions drawn by domain weight",
            "90 minutes on a clock",
            "accommodation for English as a second language is off",
            "href=\"#/mock\" aria-current=\"page\"",
            "not affiliated with or endorsed by Amazon Web Services",
        ] {
            assert!(html.contains(part), "{part} in {html}");
        }
        let button = html
            .split("<button")
            .find(|b| b.contains("Start the mock exam"))
            .expect("the start button");
        assert!(button.contains("disabled"), "{button}");
        assert!(!html.contains("<!>") && !html.contains("<script"));
    }

    #[test]
    fn the_shell_keeps_the_mock_screen_for_its_route_unless_an_exam_is_stored() {
        let html = super::shell();
        assert!(html.starts_with(&super::home_screen()));
        assert!(html.contains(
            "<template data-route=\"#/mock\" data-unless-stored=\"clf-prep/active\" \
             data-unless-setting=\"accommodation\"><header"
        ));
        assert!(html.ends_with("</footer></template>"));
    }
}
