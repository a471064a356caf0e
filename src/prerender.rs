//! The home page's first screen as HTML, from the same components the app mounts (see
//! src/bin/prerender.rs). Native only, with Leptos's server-side rendering.

use leptos::prelude::*;

use crate::components::layout::{Footer, Header};
use crate::route::Route;
use crate::state::CurrentRoute;

/// Header, home page and footer, as the app renders them on `#/` with nothing to report.
pub fn home_screen() -> String {
    let owner = Owner::new();
    owner.set();
    provide_context(CurrentRoute(RwSignal::new(Route::Home).read_only()));
    // Rendered once, outside any reactive observer: nothing here will update.
    let html = untrack(|| {
        view! {
            <Header/>
            <main id="main" tabindex="-1"><crate::pages::home::Home/></main>
            <Footer/>
        }
        .to_html()
    });
    // Leptos marks text boundaries for hydration with empty comments; the app mounts afresh instead.
    html.replace("<!>", "")
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
}
