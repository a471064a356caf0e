//! Practice by domain or task statement, timed or untimed, with the explanations after each answer;
//! also the re-drill of missed questions. Finished sets go to the history like any attempt.

use engine::attempt::Mode;
use engine::bank::{Domain, TaskStatement};
use leptos::prelude::*;

use crate::components::exam::{now_ms, ExamRunner, RunnerOptions};
use crate::flow::{timed_minutes, PracticeSpec};
use crate::pages::mock::AttemptElsewhere;
use crate::state::{ActiveState, ProgressState, SettingsState};

/// A practice set the study plan asks for, picked up when the practice page opens.
#[derive(Clone, Copy)]
pub struct PracticePreset(pub RwSignal<Option<PracticeSpec>>);

pub const COUNTS: [usize; 5] = [5, 10, 20, 30, 50];
/// Review cards due today.
fn due_now(p: &crate::store::progress::Progress) -> usize {
    p.review.due(engine::schedule::day_of(now_ms())).len()
}

#[component]
pub fn PracticePage() -> impl IntoView {
    let active = expect_context::<ActiveState>();
    let progress = expect_context::<ProgressState>();
    let settings = expect_context::<SettingsState>().0;
    let preset =
        use_context::<PracticePreset>().and_then(|p| p.0.try_update(Option::take).flatten());
    let spec = RwSignal::new(preset.clone().unwrap_or(PracticeSpec {
        count: 10,
        ..PracticeSpec::default()
    }));
    let error = RwSignal::new(None::<String>);

    let start = move || {
        let s = spec.get_untracked();
        match progress
            .0
            .with_untracked(|p| crate::flow::new_practice(&s, p, now_ms()))
        {
            Ok(attempt) => crate::flow::start(active, attempt),
            Err(e) => error.set(Some(e)),
        }
    };
    if preset.is_some() && active.attempt.with_untracked(Option::is_none) {
        start();
    }
    let on_finish = Callback::new(move |_| crate::flow::finish(active, progress));
    let options = RunnerOptions {
        feedback: true,
        confidence: settings.with_untracked(|s| s.confidence_prompts),
    };
    let running = active.running();
    let due = Signal::derive(move || progress.0.with(due_now));
    let missed = Signal::derive(move || progress.0.with(|p| crate::flow::missed(p).len()));
    let start_drill = Callback::new(move |()| {
        spec.set(PracticeSpec {
            count: progress.0.with_untracked(due_now),
            due_only: true,
            ..PracticeSpec::default()
        });
        start();
    });

    view! {
        <section class="page practice">
            {move || match running.get() {
                (Some(Mode::Practice), true) => view! {
                    <h1 class="sr-only">"Practice"</h1>
                    <ExamRunner attempt=active.attempt options on_finish/>
                }.into_any(),
                (Some(running), owned) => view! { <AttemptElsewhere title="Practice" running owned/> }.into_any(),
                (None, _) => view! {
                    <h1>"Practice"</h1>
                    <p class="lede">"Pick topics; after each answer you see why every option is right or wrong."</p>
                    <ReviewDrill due on_start=start_drill/>
                    <TopicPicker spec/>
                    <SetOptions spec missed/>
                    {move || error.get().map(|e| view! { <p class="warning-text" role="alert">{e}</p> })}
                    <button
                        type="button"
                        class="primary"
                        disabled=move || spec.with(|s| s.tasks.is_empty() && !s.missed_only && !s.due_only)
                        on:click=move |_| start()
                    >"Start practising"</button>
                }.into_any(),
            }}
        </section>
    }
}

/// The review drill: how many spaced-repetition questions are due today, and a set of exactly those.
#[component]
fn ReviewDrill(#[prop(into)] due: Signal<usize>, on_start: Callback<()>) -> impl IntoView {
    view! {
        <div class="drill">
            <p>
                <strong>"Review drill: "</strong>
                {move || match due.get() {
                    0 => "nothing due today. Questions you miss come back here on a spaced schedule.".to_string(),
                    n => format!("{n} question(s) due today."),
                }}
            </p>
            <button
                type="button"
                disabled=move || due.get() == 0
                on:click=move |_| on_start.run(())
            >"Start the review drill"</button>
        </div>
    }
}

/// Topics by domain: a domain's box picks or clears all its task statements.
#[component]
fn TopicPicker(spec: RwSignal<PracticeSpec>) -> impl IntoView {
    let task_box = move |task: TaskStatement| {
        view! {
            <label class="choice">
                <input
                    type="checkbox"
                    prop:checked=move || spec.with(|s| s.tasks.contains(task))
                    on:change=move |ev| spec.update(|s| {
                        if event_target_checked(&ev) { s.tasks.insert(task); } else { s.tasks.remove(task); }
                    })
                />
                {format!("{task} {}", task.title())}
            </label>
        }
    };
    let domain_box = move |domain: Domain| {
        let all = move || spec.with(|s| domain.tasks().all(|t| s.tasks.contains(t)));
        view! {
            <fieldset class="domain-group">
                <legend>
                    <label class="choice">
                        <input
                            type="checkbox"
                            prop:checked=all
                            on:change=move |ev| spec.update(|s| {
                                for t in domain.tasks() {
                                    if event_target_checked(&ev) { s.tasks.insert(t); } else { s.tasks.remove(t); }
                                }
                            })
                        />
                        <strong>{format!("Domain {}: {}", domain.number(), domain.name())}</strong>
                    </label>
                </legend>
                {domain.tasks().map(task_box).collect_view()}
            </fieldset>
        }
    };
    view! { <div class="practice-topics">{Domain::ALL.map(domain_box).collect_view()}</div> }
}

/// How many questions, timed or not, and whether only the ones missed before.
#[component]
fn SetOptions(
    spec: RwSignal<PracticeSpec>,
    /// Questions missed before, for the "only missed" label.
    #[prop(into)]
    missed: Signal<usize>,
) -> impl IntoView {
    view! {
        <label for="practice-count">"Questions "</label>
        <select
            id="practice-count"
            on:change=move |ev| spec.update(|s| s.count = event_target_value(&ev).parse().unwrap_or(10))
        >
            {COUNTS.map(|n| view! { <option value=n selected=move || spec.with(|s| s.count == n)>{n}</option> }).collect_view()}
        </select>
        <label class="choice">
            <input type="checkbox" prop:checked=move || spec.with(|s| s.timed) on:change=move |ev| spec.update(|s| s.timed = event_target_checked(&ev))/>
            {move || format!("Timed at the exam's pace ({} minutes)", timed_minutes(spec.with(|s| s.count)))}
        </label>
        <label class="choice">
            <input type="checkbox" prop:checked=move || spec.with(|s| s.missed_only) on:change=move |ev| spec.update(|s| s.missed_only = event_target_checked(&ev))/>
            {move || format!("Only questions I missed before ({} so far)", missed.get())}
        </label>
    }
}
