//! One file per page; `render` picks the page for a route.

use leptos::prelude::*;

use crate::route::Route;

pub mod about;
pub mod data;
pub mod diagnostic;
pub mod flashcards;
pub mod home;
pub mod mock;
pub mod not_found;
pub mod practice;
pub mod progress;
pub mod question;
pub mod results;
pub mod review;
pub mod services;
pub mod settings;

pub fn render(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <home::Home/> }.into_any(),
        Route::About => view! { <about::About/> }.into_any(),
        Route::Scoring => view! { <about::Scoring/> }.into_any(),
        Route::Bank => view! { <about::BankPage/> }.into_any(),
        Route::Results(id) => view! { <results::Results id/> }.into_any(),
        Route::Review(id) => view! { <review::Review id/> }.into_any(),
        Route::Mock => view! { <mock::MockPage/> }.into_any(),
        Route::Practice => view! { <practice::PracticePage/> }.into_any(),
        Route::Diagnostic => view! { <diagnostic::DiagnosticPage/> }.into_any(),
        Route::Progress => view! { <progress::ProgressPage/> }.into_any(),
        Route::Question(id) => view! { <question::QuestionPage id/> }.into_any(),
        Route::Settings => view! { <settings::SettingsPage/> }.into_any(),
        Route::Services(slug) => view! { <services::ServicesPage slug/> }.into_any(),
        Route::Flashcards => view! { <flashcards::FlashcardsPage/> }.into_any(),
        Route::NotFound(path) => view! { <not_found::NotFound path/> }.into_any(),
    }
}
