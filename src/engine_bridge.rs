//! Adapts the engine's forms and reports to the app's records.

use engine::adaptive;
use engine::attempt::{Attempt, AttemptItem, Mode};
use engine::bank::{self, Domain, TaskStatement};
use engine::blueprint::FORM_ITEMS;
use engine::forms::{self, FormError};
use engine::report;

use crate::pages::practice::PracticeSpec;
use crate::store::progress::{six_decimals, DomainLine, Progress, Summary};

fn seen_fn(progress: &Progress) -> impl Fn(engine::bank::QuestionId) -> u32 + '_ {
    move |id| progress.seen_count(id)
}

pub fn mock_items(progress: &Progress, seed: u64) -> Result<Vec<AttemptItem>, String> {
    forms::mock(bank::questions(), &seen_fn(progress), seed).map_err(|e: FormError| e.to_string())
}

pub fn practice_items(
    spec: &PracticeSpec,
    progress: &Progress,
    seed: u64,
) -> Result<Vec<AttemptItem>, String> {
    let tasks: Vec<TaskStatement> = spec.tasks.iter().collect();
    let missed = spec.missed_only.then(|| crate::flow::missed(progress));
    forms::practice(
        bank::questions(),
        &tasks,
        missed.as_deref(),
        spec.count,
        &seen_fn(progress),
        seed,
    )
    .map_err(|e| e.to_string())
}

fn seed_of(attempt: &Attempt) -> u64 {
    attempt.id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

pub fn diagnostic_next(attempt: &Attempt) -> Option<AttemptItem> {
    adaptive::next_item(attempt, seed_of(attempt))
}

/// The weakest domain and the ranked plan: (task statement, suggested practice size).
pub struct PlanOutcome {
    pub weakest: Domain,
    pub steps: Vec<(TaskStatement, usize)>,
}

pub fn diagnostic_plan(attempt: &Attempt) -> PlanOutcome {
    let r = adaptive::diagnostic_result(attempt);
    PlanOutcome {
        weakest: r.weakest,
        steps: r
            .plan
            .into_iter()
            .map(|s| (s.task, s.practice_size))
            .collect(),
    }
}

pub fn summarize(attempt: &Attempt) -> Summary {
    let r = report::report(attempt);
    let now = attempt.submitted_ms.unwrap_or(attempt.started_ms);
    Summary {
        id: attempt.id.clone(),
        mode: attempt.mode,
        started_ms: attempt.started_ms,
        time_used_ms: attempt.time_used_ms(now),
        timed_out: attempt.timed_out,
        full_timed: attempt.mode == Mode::Mock
            && attempt.items.len() == FORM_ITEMS
            && attempt.deadline_ms.is_some(),
        items: attempt.items.len(),
        scored_items: r.scored,
        correct_scored: r.correct,
        scaled: r.estimate.scaled,
        low: r.estimate.low,
        high: r.estimate.high,
        p_pass: six_decimals(r.estimate.p_pass),
        theta: six_decimals(r.estimate.theta),
        theta_sd: six_decimals(r.estimate.sd),
        domains: r
            .domains
            .iter()
            .map(|d| DomainLine {
                domain: d.area,
                correct: d.correct,
                total: d.total,
                verdict: d.verdict,
                scaled: None,
            })
            .collect(),
    }
}

/// Readiness over the stored history.
pub fn readiness(progress: &Progress) -> engine::history::Readiness {
    let evidence: Vec<engine::history::Evidence> = progress
        .attempts
        .iter()
        .map(|a| &a.summary)
        .filter(|s| s.mode != Mode::Practice)
        .map(|s| {
            let mut domains = [(0, 0); 4];
            for d in &s.domains {
                domains[d.domain as usize] = (d.correct, d.total);
            }
            engine::history::Evidence {
                full_timed: s.full_timed,
                scaled: s.scaled,
                theta: s.theta,
                theta_sd: s.theta_sd,
                domains,
            }
        })
        .collect();
    engine::history::readiness(&evidence, engine::model::cut_theta())
}
