//! The landing page: what the app does, the three ways to start, and the disclaimer.

use leptos::prelude::*;

use crate::route::Route;
use engine::blueprint::{EXAM_MINUTES, FORM_ITEMS, PASS_SCALED, READY_SCALED, SCORED_ITEMS};

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <section class="page home">
            <h1>"Practise for the AWS Certified Cloud Practitioner exam"</h1>
            <p class="lede">
                "Original practice questions for CLF-C02, scored the way the real exam is reported: on a 100–1000 scale with "
                {PASS_SCALED} " to pass. Everything runs in your browser; there is no account and nothing leaves your device."
            </p>
            <ul class="start-cards">
                <li class="card">
                    <h2>"Free diagnostic"</h2>
                    <p>"10 adaptive questions. Get an estimated score with its uncertainty and a study plan in about ten minutes."</p>
                    <a class="button primary" href=Route::Diagnostic.href()>"Start the diagnostic"</a>
                </li>
                <li class="card">
                    <h2>"Full mock exam"</h2>
                    <p>
                        {FORM_ITEMS} " questions in " {EXAM_MINUTES} " minutes, drawn by domain weight. "
                        {SCORED_ITEMS} " are scored and " {FORM_ITEMS - SCORED_ITEMS}
                        " are unscored and hidden among them, as on the real exam."
                    </p>
                    <a class="button" href=Route::Mock.href()>"Take a mock exam"</a>
                </li>
                <li class="card">
                    <h2>"Practice by topic"</h2>
                    <p>"Pick domains or task statements, get instant feedback with an explanation for every option, and re-drill what you missed."</p>
                    <a class="button" href=Route::Practice.href()>"Practise"</a>
                </li>
            </ul>
            <h2>"When are you ready?"</h2>
            <p>
                "Aim for " {READY_SCALED} " or more, consistently, on full timed mock exams, with no domain well below the rest. "
                "The " <a href=Route::Progress.href()>"Progress"</a> " page tracks both and tells you honestly what is still missing. "
                <a href=Route::Scoring.href()>"Read how the passing score works."</a>
            </p>
            <p class="disclaimer">
                "This is an independent study tool, not affiliated with or endorsed by Amazon Web Services. "
                "Practice scores are estimates that show a direction, not a prediction of your exam result."
            </p>
        </section>
    }
}
