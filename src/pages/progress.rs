//! Progress: the readiness verdict with the article's two criteria as a checklist and the pooled
//! probability of passing, the score trend with its bands and the 700 and 750 lines, every attempt,
//! a per-domain trend, a heat map of questions seen and answered correctly per task statement, the
//! study schedule (`schedule`), and keeping the data safe (persistent storage, export and import).

use engine::attempt::Mode;
use engine::bank::{self, Domain, TaskStatement};
use engine::blueprint::{READY_RUNS, READY_SCALED};
use engine::history::{Missing, MIN_NEW_SHARE};
use leptos::prelude::*;

use crate::components::chart::{TrendChart, TrendPoint};
use crate::format::{clock, date_of};
use crate::route::Route;
use crate::state::ProgressState;
use crate::store::progress::{Progress, Verdict};

mod schedule;

/// (task statement, questions in the bank, distinct questions seen, of those answered right last time or ever).
pub fn heat(progress: &Progress) -> Vec<(TaskStatement, usize, usize, usize)> {
    TaskStatement::ALL
        .iter()
        .map(|&t| {
            let in_bank = bank::questions().iter().filter(|q| q.task() == t).count();
            let seen: Vec<_> = progress
                .seen
                .iter()
                .filter(|(id, s)| id.task() == t && s.shown > 0)
                .collect();
            let right = seen.iter().filter(|(_, s)| s.correct > 0).count();
            (t, in_bank, seen.len(), right)
        })
        .collect()
}

fn heat_level(right: usize, in_bank: usize) -> &'static str {
    match (right * 4).checked_div(in_bank).unwrap_or(0) {
        0 => "heat-0",
        1 => "heat-1",
        2 => "heat-2",
        _ => "heat-3",
    }
}

#[component]
fn Readiness() -> impl IntoView {
    let progress = expect_context::<ProgressState>().0;
    view! {
        {move || {
            let r = progress.with(crate::engine_bridge::readiness);
            let runs = r.recent_runs.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ");
            view! {
                <div class="readiness" class:ready=r.ready>
                    <h2>{if r.ready { "Ready to book, by the rule" } else { "Not ready yet, by the rule" }}</h2>
                    <ul class="checklist">
                        <li class:met=r.consistent>
                            <span class="check" aria-hidden="true">{if r.consistent { "✓" } else { "○" }}</span>
                            {format!("Last {READY_RUNS} full, timed mock exams each {READY_SCALED} or more")}
                            {(!runs.is_empty()).then(|| format!(" (yours: {runs})"))}
                            <span class="sr-only">{if r.consistent { " — met" } else { " — not met" }}</span>
                        </li>
                        <li class:met=r.balanced>
                            <span class="check" aria-hidden="true">{if r.balanced { "✓" } else { "○" }}</span>
                            {format!("No domain clearly below your overall level over those {READY_RUNS} mocks")}
                            {(!r.weak_domains.is_empty()).then(|| format!(" (below: {})", r.weak_domains.iter().map(|d| d.name()).collect::<Vec<_>>().join(", ")))}
                            <span class="sr-only">{if r.balanced { " — met" } else { " — not met" }}</span>
                        </li>
                    </ul>
                    {r.p_pass.map(|p| view! {
                        <p>"Chance of passing a new full exam, pooling your attempts (recent ones count more): " <strong>{crate::number::chance(p)}</strong>
                        ". An estimate from practice, not a prediction."</p>
                    })}
                    {(!r.missing.is_empty()).then(|| view! {
                        <p>"Still missing:"</p>
                        <ul>{r.missing.into_iter().map(|m| view! { <li>{missing_text(m)}</li> }).collect_view()}</ul>
                    })}
                </div>
            }
        }}
    }
}

/// One missing readiness condition, in words.
fn missing_text(m: Missing) -> String {
    match m {
        Missing::MoreRuns(n) => format!(
            "Take {n} more full, timed mock exam{}: the rule looks at your last {READY_RUNS}.",
            if n == 1 { "" } else { "s" }
        ),
        Missing::RunsBelow(n) => {
            format!("{n} of your last {READY_RUNS} full mocks scored below {READY_SCALED}.")
        }
        Missing::NotCounted(n) => format!(
            "{n} full mock{} did not count: fewer than {} % of {} scored questions were new to you, so {} measured memory.",
            if n == 1 { "" } else { "s" },
            (MIN_NEW_SHARE * 100.0).round() as u32,
            if n == 1 { "its" } else { "their" },
            if n == 1 { "it" } else { "they" },
        ),
        Missing::DomainBelow(d) => format!("{} is clearly below your overall level.", d.name()),
    }
}

#[component]
pub fn ProgressPage() -> impl IntoView {
    let progress = expect_context::<ProgressState>().0;
    let trend = move || {
        progress.with(|p| {
            p.attempts
                .iter()
                .filter(|a| a.summary.mode == Mode::Mock)
                .map(|a| TrendPoint {
                    label: date_of(a.summary.started_ms),
                    scaled: a.summary.scaled as f64,
                    low: a.summary.low as f64,
                    high: a.summary.high as f64,
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="page progress">
            <h1>"Progress"</h1>
            <Readiness/>
            <h2>"Mock exam scores"</h2>
            {move || {
                let points = trend();
                if points.is_empty() {
                    view! { <p>"No mock exams yet. " <a href=Route::Mock.href()>"Take one"</a> " to start your trend."</p> }.into_any()
                } else {
                    view! { <TrendChart points title="Scaled score of each mock exam with its 95 % band; dashed lines at 700 (pass) and 750 (target)"/> }.into_any()
                }
            }}
            <h2>"Every attempt"</h2>
            {move || progress.with(|p| if p.attempts.is_empty() {
                view! { <p>"Nothing yet. Start with the " <a href=Route::Diagnostic.href()>"free diagnostic"</a> "."</p> }.into_any()
            } else {
                view! {
                    <table class="data-table attempts">
                        <thead><tr>
                            <th scope="col">"Date"</th><th scope="col">"Kind"</th><th scope="col">"Score"</th>
                            <th scope="col">"Result"</th><th scope="col">"Time used"</th>
                            {Domain::ALL.map(|d| view! { <th scope="col"><abbr title=d.name()>{format!("D{}", d.number())}</abbr></th> }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {p.attempts.iter().rev().map(|a| {
                                let s = &a.summary;
                                view! {
                                    <tr>
                                        <td><a href=Route::Results(s.id.clone()).href()>{date_of(s.started_ms)}</a></td>
                                        <td>{s.mode.label()}{(s.items > 0).then(|| format!(" ({})", s.items))}</td>
                                        <td>{s.scaled}" "<small>{format!("({}–{})", s.low, s.high)}</small></td>
                                        <td>{if s.passed() { "pass" } else { "below 700" }}</td>
                                        <td>{clock(s.time_used_ms)}</td>
                                        {s.domains.iter().map(|d| view! {
                                            <td title=d.verdict.words()>
                                                {format!("{}/{}", d.correct, d.total)}
                                                {match d.verdict { Verdict::MeetsCompetencies => " ✓", Verdict::NeedsImprovement => " ✗", Verdict::NotEnoughEvidence => "" }}
                                            </td>
                                        }).collect_view()}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            })}
            <h2>"Coverage by task statement"</h2>
            <p>"How many of each topic's questions you have seen, and how many of those you answered right at least once."</p>
            <ul class="heat-map">
                {move || progress.with(heat).into_iter().map(|(t, in_bank, seen, right)| view! {
                    <li class=format!("heat-cell {}", heat_level(right, in_bank))>
                        <span class="heat-task">{t.to_string()}</span>
                        <span class="heat-title">{t.title()}</span>
                        <span class="heat-numbers">{format!("{right} right · {seen} seen · {in_bank} in bank")}</span>
                    </li>
                }).collect_view()}
            </ul>
            <schedule::StudySchedule/>
            <crate::pages::data::DataSafety/>
        </section>
    }
}
