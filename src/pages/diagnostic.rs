//! The free diagnostic: ten adaptive questions, one at a time, then the estimated score with its
//! band, the weakest domain when the answers can tell it, and a study plan whose steps start
//! practice sets.

use engine::attempt::{Attempt, Mode};
use engine::bank;
use engine::blueprint::DIAGNOSTIC_ITEMS;
use leptos::prelude::*;

use crate::components::exam::now_ms;
use crate::components::question::QuestionCard;
use crate::flow::PracticeSpec;
use crate::pages::mock::AttemptElsewhere;
use crate::pages::practice::PracticePreset;
use crate::route::Route;
use crate::state::{ActiveState, ProgressState};

#[component]
pub fn DiagnosticPage() -> impl IntoView {
    let active = expect_context::<ActiveState>();
    let progress = expect_context::<ProgressState>();
    let running = active.running();
    let start = move |_| crate::flow::start(active, crate::flow::new_diagnostic(now_ms()));
    let next = Callback::new(move |()| crate::flow::answer_diagnostic(active, progress, now_ms()));

    view! {
        <section class="page diagnostic">
            <h1>"Free diagnostic"</h1>
            {move || match running.get() {
                (Some(Mode::Diagnostic), true) => view! { <DiagnosticQuestion attempt=active.attempt on_next=next/> }.into_any(),
                (Some(running), owned) => view! { <AttemptElsewhere title="" running owned/> }.into_any(),
                (None, _) => view! {
                    <p class="lede">
                        "Ten questions that adapt to your answers. You get an estimated score on the 100–1000 scale with its uncertainty "
                        "and a study plan. Ten questions seldom tell your domains apart, so a weakest domain is named only when your "
                        "answers show it clearly; a full mock shows each domain. No account, nothing leaves your browser."
                    </p>
                    <p>"Every domain is asked at least twice. Answer as you would on the exam; guessing is fine."</p>
                    <button type="button" class="primary" on:click=start>"Start the diagnostic"</button>
                }.into_any(),
            }}
        </section>
    }
}

/// The diagnostic's question on screen and the button to the next one (or to the result).
#[component]
fn DiagnosticQuestion(attempt: RwSignal<Option<Attempt>>, on_next: Callback<()>) -> impl IntoView {
    // The question on screen, with its index and how many have been asked: a memo, so a choice
    // updates the card in place (focus stays on the option) and only "Next" draws a new one.
    let shown = Memo::new(move |_| {
        attempt.with(|a| {
            a.as_ref().and_then(|a| {
                a.items
                    .get(a.current)
                    .cloned()
                    .map(|it| (it, a.current, a.items.len()))
            })
        })
    });
    move || {
        let (item, i, n) = shown.get()?;
        let question = bank::find(item.id)?;
        let chosen = Signal::derive(move || {
            attempt.with(|a| {
                a.as_ref()
                    .map(|a| a.responses[i].chosen.clone())
                    .unwrap_or_default()
            })
        });
        let struck = Signal::derive(move || {
            attempt.with(|a| {
                a.as_ref()
                    .map(|a| a.responses[i].struck.clone())
                    .unwrap_or_default()
            })
        });
        let on_toggle = Callback::new(move |o| {
            attempt.update(|a| {
                if let Some(a) = a.as_mut() {
                    a.toggle(i, o);
                }
            })
        });
        let on_strike = Callback::new(move |o| {
            attempt.update(|a| {
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
                <button type="button" class="primary" on:click=move |_| on_next.run(()) disabled=move || chosen.with(Vec::is_empty)>
                    {if last { "Finish and see my result" } else { "Next question →" }}
                </button>
            </div>
        })
    }
}

/// The study plan shown with a diagnostic's results: each step starts its practice set.
#[component]
pub fn StudyPlan(attempt: Attempt) -> impl IntoView {
    let preset = expect_context::<PracticePreset>();
    let outcome = crate::engine_bridge::diagnostic_plan(&attempt);
    view! {
        <h2>"Your weakest domain"</h2>
        {match outcome.weakest {
            Some(d) => view! {
                <p><strong>{d.name()}</strong> " (" {d.weight_percent()} " % of the exam): more likely than not your lowest, from these answers."</p>
            }.into_any(),
            None => view! {
                <p>"Ten questions are not enough to tell which domain is your lowest: no domain is more likely than not to be it. The plan below follows the exam's weights and the questions you missed; a full mock tells the domains apart."</p>
            }.into_any(),
        }}
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
