//! The bar above the question: where the learner is, the time left, the flag and the way to the
//! review screen.

use leptos::prelude::*;

use super::timer::Timer;

#[component]
pub fn ExamBar(
    /// Index of the question on screen.
    #[prop(into)]
    current: Signal<usize>,
    #[prop(into)] total: Signal<usize>,
    #[prop(into)] remaining_ms: Signal<Option<f64>>,
    /// The last time warning given, in minutes left.
    #[prop(into)]
    warning: Signal<Option<u32>>,
    /// Whether the question on screen is flagged.
    #[prop(into)]
    flagged: Signal<bool>,
    on_flag: Callback<()>,
    on_review: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="exam-bar">
            <span class="exam-progress">{move || format!("Question {} of {}", current.get() + 1, total.get())}</span>
            <Timer remaining_ms warning/>
            <button
                type="button"
                class="flag-button"
                aria-pressed=move || if flagged.get() { "true" } else { "false" }
                on:click=move |_| on_flag.run(())
            >"⚑ Flag"</button>
            <button type="button" on:click=move |_| on_review.run(())>"Review & submit"</button>
        </div>
    }
}
