//! Placeholder for pages still being built: says what is coming, links home.

use leptos::prelude::*;

use crate::route::Route;

fn promise(route: &Route) -> &'static str {
    match route {
        Route::Diagnostic => "Ten adaptive questions, then an estimated score with its uncertainty, your weakest domain and a study plan.",
        Route::Mock => "A 65-question, 90-minute mock exam with a navigator, flags, and results per domain.",
        Route::Practice => "Practice by domain or task statement with an explanation for every option.",
        Route::Progress => "Your attempt history, score trend and an honest readiness verdict.",
        Route::Settings => "Exam accommodation time, theme, keyboard help, and reset.",
        _ => "This page is on its way.",
    }
}

#[component]
pub fn Coming(route: Route) -> impl IntoView {
    view! {
        <section class="page">
            <h1>{route.title()}</h1>
            <p>"Coming soon: " {promise(&route)}</p>
            <p><a href=Route::Home.href()>"Back to the home page"</a></p>
        </section>
    }
}
