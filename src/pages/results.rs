//! Results of one attempt: the scaled score with its band and probability of passing, each domain's
//! verdict, time used and pacing, confidence calibration, and the unscored questions revealed.

use engine::attempt::{Attempt, AttemptId, Confidence, Mode};
use leptos::prelude::*;

use crate::components::chart::ScoreBar;
use crate::format::{clock, date_of};
use crate::number::{percent, whole};
use crate::route::Route;
use crate::state::ProgressState;
use crate::store::progress::{DomainLine, Summary, Verdict};
use engine::blueprint::{EXAM_MINUTES, FORM_ITEMS, PASS_SCALED};

/// Seconds a question on the real exam allows on average (90 minutes over 65 questions).
pub const SECONDS_PER_QUESTION: f64 = EXAM_MINUTES as f64 * 60.0 / FORM_ITEMS as f64;

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::MeetsCompetencies => "verdict right",
        Verdict::NeedsImprovement => "verdict wrong",
        Verdict::NotEnoughEvidence => "verdict neutral",
    }
}

#[component]
fn SummaryView(summary: Summary, detail: Option<Attempt>) -> impl IntoView {
    let passed = summary.passed();
    let id = summary.id.clone();
    let unscored: Vec<usize> = detail
        .iter()
        .flat_map(|d| {
            d.items
                .iter()
                .enumerate()
                .filter(|(_, i)| !i.scored)
                .map(|(n, _)| n + 1)
        })
        .collect();
    let pacing = detail.as_ref().map(|d| {
        let times: Vec<f64> = d.responses.iter().map(|r| r.time_ms / 1000.0).collect();
        let average = times.iter().sum::<f64>() / times.len().max(1) as f64;
        let over = times
            .iter()
            .filter(|&&t| t > 2.0 * SECONDS_PER_QUESTION)
            .count();
        (average, over)
    });
    let calibration = detail
        .as_ref()
        .map(engine::report::calibration)
        .unwrap_or_default();
    view! {
        <p class="result-meta">{summary.mode.label()} " · " {date_of(summary.started_ms)} " · time used " {clock(summary.time_used_ms)}</p>
        {summary.timed_out.then(|| view! { <p class="warning-text" role="status">"Time ran out, so the attempt was submitted automatically."</p> })}
        <div class="score-headline">
            <p class="score-number"><span class="sr-only">"Estimated scaled score "</span>{summary.scaled}</p>
            <p class=if passed { "badge pass" } else { "badge fail" }>
                {if passed { "Estimated pass" } else { "Below the pass line" }}
            </p>
        </div>
        <ScoreBar scaled=summary.scaled as f64 low=summary.low as f64 high=summary.high as f64/>
        <p>
            "95 % band: " <strong>{summary.low} "–" {summary.high}</strong> ". Chance of passing a new full exam: "
            <strong>{crate::number::chance(summary.p_pass)}</strong> ". "
            {summary.correct_scored} " of " {summary.scored_items} " scored questions right. "
            {(summary.scaled == engine::blueprint::MIN_SCALED).then_some("That is no more than blind guessing would give, so the score reads as the scale's floor. ")}
            {(summary.seen_before > 0).then(|| format!("{} of the scored questions you had seen before; a score on questions you remember measures memory as much as knowledge. ", summary.seen_before))}
            "The score is an estimate from our own item model, not an AWS score; "
            <a href=Route::Scoring.href()>"how scoring works"</a> "."
        </p>
        <DomainTable domains=summary.domains.clone()/>
        {pacing.map(|(average, over)| view! { <Pacing average over/> })}
        {(!calibration.is_empty()).then(|| view! { <Calibration calibration/> })}
        {detail.clone().filter(|d| d.mode == Mode::Diagnostic).map(|d| view! { <crate::pages::diagnostic::StudyPlan attempt=d/> })}
        {(!unscored.is_empty()).then(|| view! { <UnscoredNote unscored/> })}
        <p class="exam-actions">
            <a class="button primary" href=Route::Review(id).href()>"Review every question"</a>
            <a class="button" href=Route::Progress.href()>"Progress and readiness"</a>
        </p>
        <p class="disclaimer">{format!("Practice scores are estimates. The real exam passes at {PASS_SCALED} on its own scale.")}</p>
        <DeleteAttempt id=summary.id.clone()/>
    }
}

/// Each domain's verdict and its scored questions right.
#[component]
fn DomainTable(domains: Vec<DomainLine>) -> impl IntoView {
    view! {
    <h2>"By domain"</h2>
    <table class="data-table">
        <thead><tr><th scope="col">"Domain"</th><th scope="col">"Result"</th><th scope="col">"Scored questions right"</th></tr></thead>
        <tbody>
            {domains.iter().map(|d| view! {
                <tr>
                    <th scope="row">{d.domain.name()}</th>
                    <td><span class=verdict_class(d.verdict)>{d.verdict.words()}</span></td>
                    <td>
                        <meter min="0" max=d.total.max(1) value=d.correct aria-label=format!("{} of {}", d.correct, d.total)></meter>
                        " " {d.correct} " / " {d.total}
                    </td>
                </tr>
            }).collect_view()}
        </tbody>
    </table>
        }
}

/// Seconds a question against the real exam's pace, and how many took more than twice that.
#[component]
fn Pacing(average: f64, over: usize) -> impl IntoView {
    view! {
        <h2>"Pacing"</h2>
        <p>
            {format!("{} seconds a question on average, against the {} seconds the real exam allows. ", whole(average), whole(SECONDS_PER_QUESTION))}
            {(over > 0).then(|| format!("{over} question(s) took more than twice that."))}
        </p>
    }
}

/// How often the learner was right at each confidence level they gave.
#[component]
fn Calibration(calibration: Vec<(Confidence, usize, usize)>) -> impl IntoView {
    view! {
        <h2>"Confidence"</h2>
        <ul>
            {calibration.into_iter().map(|(level, right, total)| view! {
                <li>{format!("{}: {right} of {total} right ({})", level.label(), percent(right as f64 / total as f64))}</li>
            }).collect_view()}
        </ul>
    }
}

/// Which questions (numbers from 1) did not count, as the real exam's pretest questions do not.
#[component]
fn UnscoredNote(unscored: Vec<usize>) -> impl IntoView {
    view! {
        <h2>"Unscored questions"</h2>
        <p>
            {unscored.len()} " questions were unscored, as the real exam's 15 pretest questions are, and are excluded from the score: "
            {unscored.iter().map(|n| format!("Q{n}")).collect::<Vec<_>>().join(", ")} "."
        </p>
    }
}

/// Deletes this one attempt from the history, after a confirmation; other tabs and later imports
/// do not bring it back.
#[component]
fn DeleteAttempt(id: AttemptId) -> impl IntoView {
    let progress = expect_context::<ProgressState>().0;
    let confirming = RwSignal::new(false);
    let id = StoredValue::new(id);
    let delete = move |_| {
        progress.update(|p| p.delete(&id.get_value()));
        let _ = window().location().set_hash(&Route::Progress.href());
    };
    view! {
        {move || if confirming.get() {
            view! {
                <crate::components::confirm::ConfirmDanger
                    title_id="delete-attempt-title"
                    question="Delete this attempt from your history? This cannot be undone."
                    confirm="Yes, delete this attempt"
                    on_cancel=Callback::new(move |_| confirming.set(false))
                    on_confirm=Callback::new(delete)
                />
            }.into_any()
        } else {
            view! { <p><button type="button" on:click=move |_| confirming.set(true)>"Delete this attempt…"</button></p> }.into_any()
        }}
    }
}

#[component]
pub fn Results(id: AttemptId) -> impl IntoView {
    let progress = expect_context::<ProgressState>().0;
    view! {
        <section class="page results">
            <h1>"Results"</h1>
            {move || match progress.with(|p| p.attempt(&id).cloned()) {
                Some(record) => view! { <SummaryView summary=record.summary detail=record.detail/> }.into_any(),
                None => view! {
                    <p>"This attempt is not in this browser's history (it may have been reset, or saved in another browser)."</p>
                    <p><a href=Route::Progress.href()>"See your history"</a></p>
                }.into_any(),
            }}
        </section>
    }
}
