//! The attempt screen: bar (progress, timer, flag), the current question with confidence and
//! previous/next, the navigator, and the review-and-submit screen with its confirmation.

use engine::attempt::{Attempt, Confidence, Toggle};
use engine::bank;
use leptos::prelude::*;

use super::navigator::{Cell, Navigator};
use super::now_ms;
use super::ticker::use_now;
use super::timer::Timer;
use crate::components::question::{QuestionCard, LETTERS};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunnerOptions {
    /// Practice: a "Check answer" button reveals the explanations after each question.
    pub feedback: bool,
    /// Ask "how sure are you?" under each question.
    pub confidence: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Answering,
    Reviewing,
    Confirming,
}

fn with_attempt<T>(attempt: RwSignal<Option<Attempt>>, f: impl FnOnce(&Attempt) -> T) -> Option<T> {
    attempt.with(|a| a.as_ref().map(f))
}

fn update_attempt(attempt: RwSignal<Option<Attempt>>, f: impl FnOnce(&mut Attempt)) {
    attempt.update(|a| {
        if let Some(a) = a.as_mut() {
            f(a)
        }
    });
}

#[component]
pub fn ExamRunner(
    attempt: RwSignal<Option<Attempt>>,
    options: RunnerOptions,
    on_finish: Callback<()>,
) -> impl IntoView {
    let stage = RwSignal::new(Stage::Answering);
    let announcement = RwSignal::new(String::new());
    let now = use_now();
    let given_warnings = RwSignal::new(Vec::<u32>::new());
    let warning = RwSignal::new(None::<u32>);

    let total = Memo::new(move |_| with_attempt(attempt, |a| a.items.len()).unwrap_or(0));
    let current = Memo::new(move |_| with_attempt(attempt, |a| a.current).unwrap_or(0));
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

    let finish = move |timed_out: bool| {
        update_attempt(attempt, |a| a.submit(now_ms(), timed_out));
        on_finish.run(());
    };

    // Warnings once each, checked every second against the wall-clock deadline. Submitting at
    // zero is the app's clock (`flow::expire_if_due`), so it happens on any page.
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let t = now_ms();
            let due = attempt.with_untracked(|a| {
                a.as_ref()
                    .and_then(|a| a.due_warning(t, &given_warnings.get_untracked()))
            });
            if let Some(m) = due {
                given_warnings.update(|g| g.push(m));
                warning.set(Some(m));
            }
        },
        std::time::Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }

    let go = Callback::new(move |i: usize| {
        update_attempt(attempt, |a| a.go(i, now_ms()));
        stage.set(Stage::Answering);
    });
    let step = move |delta: isize| {
        let target = current.get_untracked() as isize + delta;
        if target >= 0 && (target as usize) < total.get_untracked() {
            go.run(target as usize);
        } else if delta > 0 {
            stage.set(Stage::Reviewing);
        }
    };
    let toggle_at = move |option: u8| {
        let i = current.get_untracked();
        let mut outcome = Toggle::Locked;
        update_attempt(attempt, |a| outcome = a.toggle(i, option));
        let order = with_attempt(attempt, |a| a.items[i].order.clone()).unwrap_or_default();
        let letter = order
            .iter()
            .position(|&o| o == option)
            .and_then(|p| LETTERS.get(p))
            .copied()
            .unwrap_or('?');
        announcement.set(match outcome {
            Toggle::Chosen => format!("Option {letter} selected."),
            Toggle::Cleared => format!("Option {letter} cleared."),
            Toggle::Full => {
                "You have chosen as many options as the question asks for. Clear one to change."
                    .into()
            }
            Toggle::Locked => String::new(),
        });
    };
    let toggle_flag = move || {
        let i = current.get_untracked();
        update_attempt(attempt, |a| a.toggle_flag(i));
        let flagged = with_attempt(attempt, |a| a.responses[i].flagged).unwrap_or(false);
        announcement.set(if flagged {
            "Flagged for review.".into()
        } else {
            "Flag removed.".into()
        });
    };

    // Keyboard: 1–6 or A–E choose, N / P next and previous, F flag. Keys typed with modifiers, or
    // while another control handles them, are left alone.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key()
            || ev.alt_key()
            || ev.meta_key()
            || ev.default_prevented()
            || stage.get_untracked() != Stage::Answering
        {
            return;
        }
        let key = ev.key().to_ascii_lowercase();
        let position = match key.as_str() {
            "1" | "2" | "3" | "4" | "5" | "6" => key.parse::<usize>().ok().map(|n| n - 1),
            "a" | "b" | "c" | "d" | "e" => Some((key.as_bytes()[0] - b'a') as usize),
            _ => None,
        };
        if let Some(p) = position {
            let i = current.get_untracked();
            if let Some(option) =
                with_attempt(attempt, |a| a.items[i].order.get(p).copied()).flatten()
            {
                ev.prevent_default();
                toggle_at(option);
            }
            return;
        }
        match key.as_str() {
            "n" => step(1),
            "p" => step(-1),
            "f" => toggle_flag(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());

    let cells = Signal::derive(move || {
        with_attempt(attempt, |a| {
            a.responses
                .iter()
                .map(|r| Cell {
                    answered: !r.chosen.is_empty(),
                    flagged: r.flagged,
                })
                .collect()
        })
        .unwrap_or_default()
    });

    let question_view = move || {
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
        let confidence = move || with_attempt(attempt, |a| a.responses[i].confidence).flatten();
        let set_confidence = move |c: Confidence| {
            update_attempt(attempt, |a| {
                let next = if a.responses[i].confidence == Some(c) {
                    None
                } else {
                    Some(c)
                };
                a.set_confidence(i, next)
            })
        };
        let check = move |_| update_attempt(attempt, |a| a.responses[i].checked = true);
        Some(view! {
            <QuestionCard
                question
                order=item.order.clone()
                label=format!("Question {} of {}", i + 1, total.get_untracked())
                chosen
                struck
                on_toggle=Callback::new(toggle_at)
                on_strike=Callback::new(move |o| update_attempt(attempt, |a| a.toggle_strike(i, o)))
                reveal=checked
            />
            {options.confidence.then(|| view! {
                <div class="confidence" role="group" aria-label="How sure are you?">
                    <span class="confidence-label">"How sure are you? "</span>
                    {Confidence::ALL.map(|c| view! {
                        <button
                            type="button"
                            class="chip"
                            aria-pressed=move || if confidence() == Some(c) { "true" } else { "false" }
                            on:click=move |_| set_confidence(c)
                        >{c.label()}</button>
                    }).collect_view()}
                </div>
            })}
            {(options.feedback).then(|| view! {
                {move || (!checked.get()).then(|| view! {
                    <button type="button" class="primary check-answer" on:click=check disabled=move || chosen.with(Vec::is_empty)>
                        "Check answer"
                    </button>
                })}
            })}
        })
    };

    let review_view = move || {
        let (unanswered, flagged) =
            with_attempt(attempt, |a| (a.unanswered(), a.flagged())).unwrap_or_default();
        let list = move |title: &'static str, items: Vec<usize>| {
            view! {
                <h3>{title} " (" {items.len()} ")"</h3>
                {if items.is_empty() {
                    view! { <p>"None."</p> }.into_any()
                } else {
                    view! {
                        <ul class="review-jump">
                            {items.into_iter().map(|i| view! {
                                <li><button type="button" on:click=move |_| go.run(i)>{format!("Question {}", i + 1)}</button></li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            }
        };
        view! {
            <section class="review-screen" aria-labelledby="review-title">
                <h2 id="review-title" tabindex="-1">"Review before you submit"</h2>
                <p>"Unanswered questions count as wrong. Flagged questions are only a reminder for you."</p>
                {list("Unanswered", unanswered)}
                {list("Flagged", flagged)}
                <div class="exam-actions">
                    <button type="button" on:click=move |_| stage.set(Stage::Answering)>"Back to the questions"</button>
                    <button type="button" class="primary" on:click=move |_| stage.set(Stage::Confirming)>"Submit…"</button>
                </div>
            </section>
        }
    };

    let confirm_view = move || {
        view! {
            <section class="confirm-end" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
                <h2 id="confirm-title">"End the attempt?"</h2>
                <p id="confirm-text">"After submitting you cannot change any answer. Your results appear at once."</p>
                <div class="exam-actions">
                    <button type="button" on:click=move |_| stage.set(Stage::Reviewing)>"Cancel"</button>
                    <button type="button" class="primary" autofocus on:click=move |_| finish(false)>"Submit and see results"</button>
                </div>
            </section>
        }
    };

    view! {
        <div class="exam">
            <div class="exam-bar">
                <span class="exam-progress">{move || format!("Question {} of {}", current.get() + 1, total.get())}</span>
                <Timer remaining_ms=remaining warning=warning/>
                <button
                    type="button"
                    class="flag-button"
                    aria-pressed=move || if cells.with(|c: &Vec<Cell>| c.get(current.get()).is_some_and(|c| c.flagged)) { "true" } else { "false" }
                    on:click=move |_| toggle_flag()
                >"⚑ Flag"</button>
                <button type="button" on:click=move |_| stage.set(Stage::Reviewing)>"Review & submit"</button>
            </div>
            <p class="sr-only" role="status" aria-live="polite">{move || announcement.get()}</p>
            <div class="exam-body">
                <div class="exam-main">
                    {move || match stage.get() {
                        Stage::Answering => view! {
                            {question_view}
                            <div class="exam-actions">
                                <button type="button" on:click=move |_| step(-1) disabled=move || current.get() == 0>"← Previous"</button>
                                <button type="button" class="primary" on:click=move |_| step(1)>
                                    {move || if current.get() + 1 >= total.get() { "Review & submit →" } else { "Next →" }}
                                </button>
                            </div>
                            <p class="key-help">"Keys: 1–5 or A–E choose · N next · P previous · F flag"</p>
                        }.into_any(),
                        Stage::Reviewing => review_view().into_any(),
                        Stage::Confirming => confirm_view().into_any(),
                    }}
                </div>
                <aside class="exam-side">
                    <Navigator cells current=Signal::from(current) on_go=go/>
                </aside>
            </div>
        </div>
    }
}
