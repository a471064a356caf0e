//! Before submitting: the review screen (unanswered and flagged questions, each a jump back) and
//! the confirmation that ends the attempt.

use leptos::prelude::*;

#[component]
pub fn ReviewScreen(
    /// Indices of unanswered questions.
    unanswered: Vec<usize>,
    /// Indices of flagged questions.
    flagged: Vec<usize>,
    on_go: Callback<usize>,
    on_back: Callback<()>,
    on_submit: Callback<()>,
) -> impl IntoView {
    view! {
        <section class="review-screen" aria-labelledby="review-title">
            <h2 id="review-title" tabindex="-1">"Review before you submit"</h2>
            <p>"Unanswered questions count as wrong. Flagged questions are only a reminder for you."</p>
            <JumpList title="Unanswered" items=unanswered on_go/>
            <JumpList title="Flagged" items=flagged on_go/>
            <div class="exam-actions">
                <button type="button" on:click=move |_| on_back.run(())>"Back to the questions"</button>
                <button type="button" class="primary" on:click=move |_| on_submit.run(())>"Submit…"</button>
            </div>
        </section>
    }
}

/// A titled list of questions, each a button back to it.
#[component]
fn JumpList(title: &'static str, items: Vec<usize>, on_go: Callback<usize>) -> impl IntoView {
    view! {
        <h3>{title} " (" {items.len()} ")"</h3>
        {if items.is_empty() {
            view! { <p>"None."</p> }.into_any()
        } else {
            view! {
                <ul class="review-jump">
                    {items.into_iter().map(|i| view! {
                        <li><button type="button" on:click=move |_| on_go.run(i)>{format!("Question {}", i + 1)}</button></li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// The last step: submitting cannot be undone, so it is asked once more.
#[component]
pub fn ConfirmEnd(on_cancel: Callback<()>, on_submit: Callback<()>) -> impl IntoView {
    view! {
        <section class="confirm-end" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
            <h2 id="confirm-title">"End the attempt?"</h2>
            <p id="confirm-text">"After submitting you cannot change any answer. Your results appear at once."</p>
            <div class="exam-actions">
                <button type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
                <button type="button" class="primary" autofocus on:click=move |_| on_submit.run(())>"Submit and see results"</button>
            </div>
        </section>
    }
}
