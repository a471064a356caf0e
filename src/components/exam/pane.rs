//! The question pane: the question on screen with its confidence chips and, in practice, the
//! "Check answer" button; then previous and next.

use engine::attempt::{Attempt, AttemptItem, Authored, Confidence};
use engine::bank;
use leptos::prelude::*;

use super::controls::{update_attempt, with_attempt};
use super::RunnerOptions;
use crate::components::question::QuestionCard;

#[component]
pub fn QuestionPane(
    attempt: RwSignal<Option<Attempt>>,
    /// The question on screen and its index: only a move to another question redraws the pane.
    shown: Memo<Option<(usize, AttemptItem)>>,
    total: Memo<usize>,
    options: RunnerOptions,
    on_toggle: Callback<Authored>,
) -> impl IntoView {
    move || {
        let (i, item) = shown.get()?;
        let question = bank::find(item.id)?;
        let chosen = Signal::derive(move || {
            with_attempt(attempt, |a| a.responses[i].chosen.clone()).unwrap_or_default()
        });
        let struck = Signal::derive(move || {
            with_attempt(attempt, |a| a.responses[i].struck.clone()).unwrap_or_default()
        });
        let checked = Signal::derive(move || {
            with_attempt(attempt, |a| a.responses[i].checked).unwrap_or(false)
        });
        let confidence =
            Signal::derive(move || with_attempt(attempt, |a| a.responses[i].confidence).flatten());
        // A second click on the chosen level clears it.
        let set_confidence = Callback::new(move |c: Confidence| {
            update_attempt(attempt, |a| {
                let next = if a.responses[i].confidence == Some(c) {
                    None
                } else {
                    Some(c)
                };
                a.set_confidence(i, next)
            })
        });
        let check =
            Callback::new(move |()| update_attempt(attempt, |a| a.responses[i].checked = true));
        Some(view! {
            <QuestionCard
                question
                order=item.order.clone()
                label=format!("Question {} of {}", i + 1, total.get_untracked())
                chosen
                struck
                on_toggle
                on_strike=Callback::new(move |o| update_attempt(attempt, |a| a.toggle_strike(i, o)))
                reveal=checked
            />
            {options.confidence.then(|| view! { <ConfidenceChips confidence on_pick=set_confidence/> })}
            {options.feedback.then(|| view! { <CheckAnswer chosen checked on_check=check/> })}
        })
    }
}

/// "How sure are you?": the learner's own confidence, for the calibration on the results page.
#[component]
fn ConfidenceChips(
    #[prop(into)] confidence: Signal<Option<Confidence>>,
    on_pick: Callback<Confidence>,
) -> impl IntoView {
    view! {
        <div class="confidence" role="group" aria-label="How sure are you?">
            <span class="confidence-label">"How sure are you? "</span>
            {Confidence::ALL.map(|c| view! {
                <button
                    type="button"
                    class="chip"
                    aria-pressed=move || if confidence.get() == Some(c) { "true" } else { "false" }
                    on:click=move |_| on_pick.run(c)
                >{c.label()}</button>
            }).collect_view()}
        </div>
    }
}

/// Practice's "Check answer": shown until the learner checks, usable once something is chosen.
#[component]
fn CheckAnswer(
    #[prop(into)] chosen: Signal<Vec<Authored>>,
    #[prop(into)] checked: Signal<bool>,
    on_check: Callback<()>,
) -> impl IntoView {
    move || {
        (!checked.get()).then(|| {
            view! {
                <button type="button" class="primary check-answer" on:click=move |_| on_check.run(()) disabled=move || chosen.with(Vec::is_empty)>
                    "Check answer"
                </button>
            }
        })
    }
}

/// Previous and next under the question; next on the last question says where it leads.
#[component]
pub fn StepButtons(
    #[prop(into)] current: Signal<usize>,
    #[prop(into)] total: Signal<usize>,
    on_step: Callback<isize>,
) -> impl IntoView {
    view! {
        <div class="exam-actions">
            <button type="button" on:click=move |_| on_step.run(-1) disabled=move || current.get() == 0>"← Previous"</button>
            <button type="button" class="primary" on:click=move |_| on_step.run(1)>
                {move || if current.get() + 1 >= total.get() { "Review & submit →" } else { "Next →" }}
            </button>
        </div>
    }
}
