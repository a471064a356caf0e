//! Header with the main navigation, and the footer with the independence disclaimer.

use leptos::prelude::*;

use crate::focus::focus_by_id;
use crate::route::{Route, NAV};
use crate::state::CurrentRoute;

#[component]
pub fn Header() -> impl IntoView {
    let current = expect_context::<CurrentRoute>();
    let skip = move |_| focus_by_id("main");
    view! {
        <header class="site-header">
            <button class="skip-link" on:click=skip>"Skip to content"</button>
            <a class="brand" href=Route::Home.href()>
                <span class="brand-mark" aria-hidden="true">"☁"</span>
                {crate::APP_NAME}
            </a>
            <nav aria-label="Main">
                <ul class="nav-list">
                    {NAV
                        .into_iter()
                        .map(|(route, label)| {
                            let href = route.href();
                            let is_current = move || current.get().section() == route;
                            view! {
                                <li>
                                    <a
                                        href=href
                                        class="nav-link"
                                        aria-current=move || is_current().then_some("page")
                                    >
                                        {label}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "An independent study tool, not affiliated with or endorsed by Amazon Web Services. "
                "Practice scores are estimates, not predictions of your exam result. "
                "Verify exam details against the official AWS Certified Cloud Practitioner (CLF-C02) exam guide."
            </p>
            <p>
                <a href=Route::Scoring.href()>"How scoring works"</a>
                " · "
                <a href=Route::Bank.href()>"Question bank"</a>
                " · "
                <a href=Route::Settings.href()>"Settings"</a>
            </p>
        </footer>
    }
}
