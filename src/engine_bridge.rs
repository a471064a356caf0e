//! Adapts the engine's forms and reports to the app's records.

use engine::adaptive;
use engine::attempt::{Attempt, AttemptItem, Mode};
use engine::bank::{self, Domain, QuestionId, TaskSet, TaskStatement};
use engine::forms::{self, FormError};
use engine::report::is_correct;
use engine::schedule::target::TaskAnswers;

use crate::store::progress::Progress;

/// What the learner asked to practise.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PracticeSpec {
    pub tasks: TaskSet,
    pub count: usize,
    pub timed: bool,
    /// Only questions missed before.
    pub missed_only: bool,
    /// Only the review drill's questions due today.
    pub due_only: bool,
    /// Only the questions about this service (its catalogue name).
    pub service: Option<&'static str>,
}

/// Question ids the learner has answered wrongly in their most recent sighting (for re-drills).
pub fn missed(progress: &Progress) -> Vec<QuestionId> {
    let mut last: engine::idmap::IdMap<bool> = Default::default();
    for record in &progress.attempts {
        if let Some(detail) = &record.detail {
            for (item, response) in detail.items.iter().zip(&detail.responses) {
                let right = bank::find(item.id).is_some_and(|q| is_correct(q, &response.chosen));
                last.insert(item.id, right);
            }
        }
    }
    last.into_iter()
        .filter(|(_, right)| !right)
        .map(|(id, _)| id)
        .collect()
}

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
    today: i64,
) -> Result<Vec<AttemptItem>, String> {
    let tasks: Vec<TaskStatement> = spec.tasks.iter().collect();
    let about = |name| {
        let service = engine::services::find(name);
        service.map_or_else(Vec::new, |s| {
            s.questions().map(|q| q.id).collect::<Vec<_>>()
        })
    };
    let only = if let Some(name) = spec.service {
        Some(about(name))
    } else if spec.due_only {
        Some(progress.review.due(today))
    } else {
        spec.missed_only.then(|| missed(progress))
    };
    forms::practice(
        bank::questions(),
        &tasks,
        only.as_deref(),
        // A set of every due question is capped like any stored attempt.
        spec.count.min(engine::attempt::MAX_ATTEMPT_ITEMS),
        &seen_fn(progress),
        seed,
    )
    .map_err(|e| e.to_string())
}

/// The weakest domain and the ranked plan: (task statement, suggested practice size).
pub struct PlanOutcome {
    /// Named only when the evidence supports it.
    pub weakest: Option<Domain>,
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
                scored: s.scored_items,
                new_scored: s.scored_items.saturating_sub(s.seen_before),
            }
        })
        .collect();
    engine::history::readiness(&evidence, engine::model::cut_theta())
}

/// Every task statement's answers so far (each sighting of each question), in the outline's order.
pub fn task_answers(progress: &Progress) -> Vec<TaskAnswers> {
    let mut tasks: Vec<TaskAnswers> = TaskStatement::ALL
        .iter()
        .map(|&task| TaskAnswers {
            task,
            answers: 0,
            right: 0,
        })
        .collect();
    for (id, seen) in progress.seen.iter() {
        if let Some(t) = tasks.iter_mut().find(|t| t.task == id.task()) {
            t.answers += seen.shown;
            t.right += seen.correct;
        }
    }
    tasks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::progress::Seen;

    #[test]
    fn task_answers_add_up_every_sighting_by_task_statement() {
        let mut p = Progress::default();
        let id = |s: &str| s.parse::<engine::bank::QuestionId>().unwrap();
        p.seen.insert(
            id("2.3-001"),
            Seen {
                shown: 3,
                correct: 1,
            },
        );
        p.seen.insert(
            id("2.3-004"),
            Seen {
                shown: 2,
                correct: 2,
            },
        );
        p.seen.insert(
            id("1.1-002"),
            Seen {
                shown: 1,
                correct: 0,
            },
        );
        let tasks = task_answers(&p);
        assert_eq!(tasks.len(), TaskStatement::ALL.len());
        let of = |t: &str| *tasks.iter().find(|a| a.task.to_string() == t).unwrap();
        assert_eq!((of("2.3").answers, of("2.3").right), (5, 3));
        assert_eq!((of("1.1").answers, of("1.1").right), (1, 0));
        assert_eq!(of("4.1").answers, 0);
    }
}
