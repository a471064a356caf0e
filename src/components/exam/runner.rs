//! The attempt screen, put together: the bar, the question pane or the review screen or the
//! confirmation, and the navigator beside them. It owns the screen's state; the parts only draw it
//! and call back.

use engine::attempt::Attempt;
use leptos::prelude::*;

use super::bar::ExamBar;
use super::controls::{update_attempt, with_attempt, Controls, Stage};
use super::keys::use_exam_keys;
use super::navigator::{attempt_cells, Cell, Navigator};
use super::now_ms;
use super::pane::{QuestionPane, StepButtons};
use super::review::{ConfirmEnd, ReviewScreen};
use super::ticker::use_now;
use super::warnings::use_time_warnings;
use super::RunnerOptions;

#[component]
pub fn ExamRunner(
    attempt: RwSignal<Option<Attempt>>,
    options: RunnerOptions,
    on_finish: Callback<()>,
) -> impl IntoView {
    let controls = Controls::new(attempt);
    let Controls {
        stage,
        current,
        total,
        ..
    } = controls;
    let now = use_now();
    let warning = use_time_warnings(attempt);
    // The question on screen as a memo: a choice, flag or strike changes the attempt but not this,
    // so the card stays in place (focus stays on the option); moving to another question redraws.
    let shown = Memo::new(move |_| {
        with_attempt(attempt, |a| {
            a.items.get(a.current).cloned().map(|it| (a.current, it))
        })
        .flatten()
    });
    let remaining = Signal::derive(move || {
        attempt.with(|a| a.as_ref().and_then(|a| a.remaining_ms(now.get())))
    });
    let cells = attempt_cells(attempt);
    let flagged = Signal::derive(move || {
        cells.with(|c: &Vec<Cell>| c.get(current.get()).is_some_and(|c| c.flagged))
    });
    use_exam_keys(
        move || stage.get_untracked() == Stage::Answering,
        move |key| controls.shortcut(key),
    );

    let go = Callback::new(move |i| controls.go(i));
    let to_stage = move |s: Stage| Callback::new(move |()| stage.set(s));
    let submit = Callback::new(move |()| {
        update_attempt(attempt, |a| a.submit(now_ms(), false));
        on_finish.run(());
    });
    view! {
        <div class="exam">
            <ExamBar
                current total remaining_ms=remaining warning flagged
                on_flag=Callback::new(move |()| controls.toggle_flag())
                on_review=to_stage(Stage::Reviewing)
            />
            <p class="sr-only" role="status" aria-live="polite">{move || controls.announcement.get()}</p>
            <div class="exam-body">
                <div class="exam-main">
                    {move || match stage.get() {
                        Stage::Answering => view! {
                            <QuestionPane attempt shown total options on_toggle=Callback::new(move |o| controls.toggle(o))/>
                            <StepButtons current total on_step=Callback::new(move |d| controls.step(d))/>
                            <p class="key-help">"Keys: 1–5 or A–E choose · N next · P previous · F flag"</p>
                        }.into_any(),
                        Stage::Reviewing => {
                            // Read here, tracked: a flag changed from the bar updates the lists.
                            let (unanswered, flagged) =
                                with_attempt(attempt, |a| (a.unanswered(), a.flagged())).unwrap_or_default();
                            view! {
                                <ReviewScreen unanswered flagged on_go=go
                                    on_back=to_stage(Stage::Answering) on_submit=to_stage(Stage::Confirming)/>
                            }.into_any()
                        }
                        Stage::Confirming => view! {
                            <ConfirmEnd on_cancel=to_stage(Stage::Reviewing) on_submit=submit/>
                        }.into_any(),
                    }}
                </div>
                <aside class="exam-side">
                    <Navigator cells current=Signal::from(current) on_go=go/>
                </aside>
            </div>
        </div>
    }
}
