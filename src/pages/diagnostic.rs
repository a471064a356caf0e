//! The free diagnostic: ten adaptive questions, one at a time, then the estimated score with its
//! band, the weakest domain and a study plan whose steps start practice sets.

use engine::attempt::{Attempt, Mode};
use engine::bank;
use engine::blueprint::DIAGNOSTIC_ITEMS;
use leptos::prelude::*;

use crate::components::exam::now_ms;
use crate::components::question::QuestionCard;
use crate::pages::mock::{finish_active, AttemptElsewhere};
use crate::pages::practice::{PracticePreset, PracticeSpec};
use crate::route::Route;
use crate::state::{ActiveState, ProgressState};

/// Appends the next adaptive item, or submits when the diagnostic is complete.
fn advance(attempt: &mut Attempt) {
    if attempt.items.len() >= DIAGNOSTIC_ITEMS {
        attempt.submit(now_ms(), false);
        return;
    }
    match crate::engine_bridge::diagnostic_next(attempt) {
        Some(item) => {
            attempt.items.push(item);
            attempt.responses.push(Default::default());
            let last = attempt.items.len() - 1;
            attempt.go(last, now_ms());
        }
        None => attempt.submit(now_ms(), false),
    }
}

pub fn start_diagnostic(now: f64) -> Attempt {
    let mut attempt = Attempt::new(
        crate::flow::new_attempt_id("diagnostic", now),
        Mode::Diagnostic,
        vec![],
        now,
        None,
    );
    advance(&mut attempt);
    attempt
}

#[component]
pub fn DiagnosticPage() -> impl IntoView {
    let active = expect_context::<ActiveState>();
    let progress = expect_context::<ProgressState>();
    let running = move || active.attempt.with(|a| a.as_ref().map(|a| a.mode));

    let start = move |_| {
        active.owned.set(true);
        active.attempt.set(Some(start_diagnostic(now_ms())));
    };
    let next = move |_| {
        active.attempt.update(|a| {
            if let Some(a) = a.as_mut() {
                let i = a.current;
                a.responses[i].checked = true;
                advance(a);
            }
        });
        if active
            .attempt
            .with_untracked(|a| a.as_ref().is_some_and(Attempt::is_submitted))
        {
            finish_active(active, progress);
        }
    };

    let question = move || {
        let (item, i, n) = active.attempt.with(|a| {
            a.as_ref().and_then(|a| {
                a.items
                    .get(a.current)
                    .cloned()
                    .map(|it| (it, a.current, a.items.len()))
            })
        })?;
        let question = bank::find(item.id)?;
        let chosen = Signal::derive(move || {
            active.attempt.with(|a| {
                a.as_ref()
                    .map(|a| a.responses[i].chosen.clone())
                    .unwrap_or_default()
            })
        });
        let struck = Signal::derive(move || {
            active.attempt.with(|a| {
                a.as_ref()
                    .map(|a| a.responses[i].struck.clone())
                    .unwrap_or_default()
            })
        });
        let on_toggle = Callback::new(move |o| {
            active.attempt.update(|a| {
                if let Some(a) = a.as_mut() {
                    a.toggle(i, o);
                }
            })
        });
        let on_strike = Callback::new(move |o| {
            active.attempt.update(|a| {
                if let Some(a) = a.as_mut() {
                    a.toggle_strike(i, o);
                }
            })
        });
        let last = n >= DIAGNOSTIC_ITEMS;
        Some(view! {
            <QuestionCard question order=item.order label=format!("Question {n} of {DIAGNOSTIC_ITEMS}") chosen struck on_toggle on_strike reveal=Signal::derive(|| false)/>
            <div class="exam-actions">
                <span></span>
                <button type="button" class="primary" on:click=next disabled=move || chosen.with(Vec::is_empty)>
                    {if last { "Finish and see my result" } else { "Next question →" }}
                </button>
            </div>
        })
    };

    view! {
        <section class="page diagnostic">
            <h1>"Free diagnostic"</h1>
            {move || match (running(), active.owned.get()) {
                (Some(Mode::Diagnostic), true) => question().into_any(),
                (Some(running), owned) => view! { <AttemptElsewhere title="" running owned/> }.into_any(),
                (None, _) => view! {
                    <p class="lede">
                        "Ten questions that adapt to your answers. You get an estimated score on the 100–1000 scale with its uncertainty, "
                        "your weakest domain, and a study plan. No account, nothing leaves your browser."
                    </p>
                    <p>"Every domain is asked at least twice. Answer as you would on the exam; guessing is fine."</p>
                    <button type="button" class="primary" on:click=start>"Start the diagnostic"</button>
                }.into_any(),
            }}
        </section>
    }
}

/// The study plan shown with a diagnostic's results: each step starts its practice set.
#[component]
pub fn StudyPlan(attempt: Attempt) -> impl IntoView {
    let preset = expect_context::<PracticePreset>();
    let outcome = crate::engine_bridge::diagnostic_plan(&attempt);
    view! {
        <h2>"Your weakest domain"</h2>
        <p><strong>{outcome.weakest.name()}</strong> " (" {outcome.weakest.weight_percent()} " % of the exam)"</p>
        <h2>"Study plan"</h2>
        <p>"Ranked by exam weight times how far below the pass level you seem to be. Each step starts a practice set."</p>
        <ol class="study-plan">
            {outcome.steps.into_iter().map(|(task, count)| {
                let spec = PracticeSpec { tasks: [task].into_iter().collect(), count, ..PracticeSpec::default() };
                view! {
                    <li>
                        <strong>{format!("{task} {}", task.title())}</strong>
                        " "
                        <button type="button" on:click=move |_| {
                            preset.0.set(Some(spec.clone()));
                            let _ = window().location().set_hash(&Route::Practice.href());
                        }>{format!("Practise {count} questions")}</button>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
