//! The adaptive diagnostic and the study plan it yields. Each next question is one of the most
//! informative at the current ability estimate, among those that keep every domain asked at least
//! twice and the mix of question kinds like the bank's, drawn at random from a wide pool of nearly
//! equal candidates so that no question is over-exposed.

use rand::seq::IndexedRandom;
use rand::SeedableRng;

use crate::attempt::{Attempt, AttemptItem};
use crate::bank::{self, Domain, Question, TaskStatement};
use crate::blueprint::{DIAGNOSTIC_ITEMS, DIAGNOSTIC_MIN_PER_DOMAIN};
use crate::model::{cut_theta, ItemParams, Posterior};
use crate::report::{is_correct, report_for, Report};
use crate::SeededRng;

/// Exposure control: the next question is drawn at random from every candidate whose information is
/// at least this share of the best one's. Many questions share a difficulty level and kind, so the
/// pool is wide and no question appears in a large share of diagnostics. (A margin of 0.97, in effect
/// only the single most informative level and kind, was measured by `./x simulate`: about one scaled
/// point less RMSE, but the most-asked question in twice as many diagnostics and a quarter of the bank
/// never asked.)
pub const NEAR_BEST: f64 = 0.9;

/// The kind the next question should be, so that the diagnostic's mix of single-answer and
/// multiple-response questions follows the bank's: multiple response when fewer have been asked than
/// the bank's share of the questions asked so far plus this one.
fn next_kind_is_multiple(bank: &[Question], asked: &[(&Question, bool)]) -> bool {
    let is_multiple = |q: &Question| matches!(q.kind, crate::bank::Kind::Multiple(_));
    let share = bank.iter().filter(|q| is_multiple(q)).count() as f64 / bank.len().max(1) as f64;
    let asked_multiple = asked.iter().filter(|(q, _)| is_multiple(q)).count();
    (asked_multiple as f64) < (share * (asked.len() + 1) as f64).round()
}

/// Picks the next diagnostic question after `asked` (`(question, correct)`), or `None` when done:
/// among the questions of the kind the mix calls for, in the domains the balance allows, one drawn
/// at random from those nearly as informative as the best at the current ability estimate.
pub fn next_question(
    bank: &'static [Question],
    asked: &[(&Question, bool)],
    seed: u64,
) -> Option<&'static Question> {
    if asked.len() >= DIAGNOSTIC_ITEMS {
        return None;
    }
    let theta =
        Posterior::from_responses(0.0, 1.0, asked.iter().map(|(q, c)| (ItemParams::of(q), *c)))
            .mean();
    let remaining = DIAGNOSTIC_ITEMS - asked.len();
    let asked_in = |d: Domain| asked.iter().filter(|(q, _)| q.domain() == d).count();
    let short: Vec<Domain> = Domain::ALL
        .into_iter()
        .filter(|&d| asked_in(d) < DIAGNOSTIC_MIN_PER_DOMAIN)
        .collect();
    let owed: usize = short
        .iter()
        .map(|&d| DIAGNOSTIC_MIN_PER_DOMAIN - asked_in(d))
        .sum();
    let must_balance = owed >= remaining;
    let eligible: Vec<&'static Question> = bank
        .iter()
        .filter(|q| !asked.iter().any(|(a, _)| a.id == q.id))
        .filter(|q| !must_balance || short.contains(&q.domain()))
        .collect();
    let multiple = next_kind_is_multiple(bank, asked);
    let of_kind: Vec<&'static Question> = eligible
        .iter()
        .copied()
        .filter(|q| matches!(q.kind, crate::bank::Kind::Multiple(_)) == multiple)
        .collect();
    // The mix gives way to the domain balance when no question of the wanted kind is left.
    let pool = if of_kind.is_empty() {
        eligible
    } else {
        of_kind
    };
    let scored: Vec<(f64, &'static Question)> = pool
        .into_iter()
        .map(|q| (ItemParams::of(q).information(theta), q))
        .collect();
    let best = scored.iter().map(|c| c.0).fold(0.0, f64::max);
    let near: Vec<&'static Question> = scored
        .into_iter()
        .filter(|(info, _)| *info >= NEAR_BEST * best)
        .map(|(_, q)| q)
        .collect();
    let mut rng = SeededRng::seed_from_u64(seed ^ asked.len() as u64);
    near.choose(&mut rng).copied()
}

/// Outcomes of a diagnostic attempt so far.
pub fn asked(attempt: &Attempt) -> Vec<(&'static Question, bool)> {
    attempt
        .items
        .iter()
        .zip(&attempt.responses)
        .filter_map(|(item, r)| bank::find(item.id).map(|q| (q, is_correct(q, &r.chosen))))
        .collect()
}

/// One step of the study plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanStep {
    pub task: TaskStatement,
    /// Exam weight of the task statement × how far below the pass level the learner seems to be.
    pub priority: f64,
    pub practice_size: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DiagnosticResult {
    pub report: Report,
    /// The domain most likely to be the lowest, named only when that is at least `NAME_WEAKEST`
    /// likely: two or three questions a domain rarely tell them apart.
    pub weakest: Option<Domain>,
    pub plan: Vec<PlanStep>,
}

/// A weakest domain is named only when the posterior probability that it is the lowest is at least
/// this (more likely than all the others together).
pub const NAME_WEAKEST: f64 = 0.5;

/// For each area with posterior N(mean, sd²), the probability that it is the lowest of them all:
/// the integral of its density times the chance that every other lies above, on a fine grid.
pub fn chance_lowest(areas: &[(f64, f64)]) -> Vec<f64> {
    const STEP: f64 = 0.01;
    let density = |x: f64, (m, s): (f64, f64)| {
        let z = (x - m) / s;
        (-0.5 * z * z).exp() / (s * (2.0 * std::f64::consts::PI).sqrt())
    };
    let above = |x: f64, (m, s): (f64, f64)| 1.0 - crate::model::normal_cdf((x - m) / s);
    let areas: Vec<(f64, f64)> = areas.iter().map(|&(m, s)| (m, s.max(1e-3))).collect();
    (0..areas.len())
        .map(|d| {
            (0..=1400)
                .map(|k| -7.0 + k as f64 * STEP)
                .map(|x| {
                    let others: f64 = (0..areas.len())
                        .filter(|&e| e != d)
                        .map(|e| above(x, areas[e]))
                        .product();
                    density(x, areas[d]) * others * STEP
                })
                .sum()
        })
        .collect()
}

/// Steps shown in a plan.
pub const PLAN_STEPS: usize = 5;

/// Score, weakest domain and plan from the diagnostic's answers.
pub fn result(asked: &[(&Question, bool)], cut: f64) -> DiagnosticResult {
    let report = report_for(asked, cut);
    let lowest = chance_lowest(
        &report
            .domains
            .iter()
            .map(|d| (d.ability, d.sd))
            .collect::<Vec<_>>(),
    );
    let weakest = lowest
        .iter()
        .zip(&report.domains)
        .filter(|(p, _)| **p >= NAME_WEAKEST)
        .map(|(_, d)| d.area)
        .next();
    let mut plan: Vec<PlanStep> = TaskStatement::ALL
        .iter()
        .map(|&task| {
            let domain = report.domains.iter().find(|d| d.area == task.domain());
            // Deficit: the chance of being below the standard in this area; a miss on the task itself adds to it.
            let mut deficit = domain.map_or(0.5, |d| 1.0 - d.p_meets);
            if asked.iter().any(|(q, c)| q.task() == task && !c) {
                deficit = (deficit + 0.25).min(1.0);
            }
            let weight =
                task.domain().weight_percent() as f64 / task.domain().tasks().count() as f64;
            let priority = weight * deficit;
            PlanStep {
                task,
                priority,
                practice_size: (10.0 + 20.0 * deficit).round() as usize,
            }
        })
        .collect();
    crate::order::sort_by_key_f64(&mut plan, |s| -s.priority);
    plan.truncate(PLAN_STEPS);
    DiagnosticResult {
        report,
        weakest,
        plan,
    }
}

/// The next item for a running diagnostic attempt, options in authored order shuffled by the seed.
pub fn next_item(attempt: &Attempt, seed: u64) -> Option<AttemptItem> {
    let so_far = asked(attempt);
    let q = next_question(bank::questions(), &so_far, seed)?;
    let mut rng = SeededRng::seed_from_u64(seed.rotate_left(17) ^ so_far.len() as u64);
    Some(AttemptItem {
        id: q.id,
        scored: true,
        order: crate::forms::shuffled_options(q, &mut rng),
    })
}

/// The seed a diagnostic's choices follow: from its id, so a resumed diagnostic continues exactly as
/// it would have.
pub fn seed_of(attempt: &Attempt) -> u64 {
    attempt
        .id
        .as_str()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        })
}

/// After an answer (or at the start): appends the next adaptive item and moves to it, or submits
/// the diagnostic once it has its questions or the bank has no fitting one left.
pub fn advance(attempt: &mut Attempt, now_ms: f64) {
    if attempt.items.len() >= crate::blueprint::DIAGNOSTIC_ITEMS {
        attempt.submit(now_ms, false);
        return;
    }
    match next_item(attempt, seed_of(attempt)) {
        Some(item) => {
            attempt.items.push(item);
            attempt.responses.push(Default::default());
            let last = attempt.items.len() - 1;
            attempt.go(last, now_ms);
        }
        None => attempt.submit(now_ms, false),
    }
}

pub fn diagnostic_result(attempt: &Attempt) -> DiagnosticResult {
    result(&asked(attempt), cut_theta())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_advances_question_by_question_and_submits_at_ten() {
        let mut a = Attempt::new(
            crate::attempt::AttemptId::parse("diagnostic-1").unwrap(),
            crate::attempt::Mode::Diagnostic,
            vec![],
            1.0,
            None,
        );
        advance(&mut a, 1.0);
        assert_eq!((a.items.len(), a.current), (1, 0));
        for n in 2..=crate::blueprint::DIAGNOSTIC_ITEMS {
            advance(&mut a, n as f64);
            assert_eq!((a.items.len(), a.current), (n, n - 1));
            assert!(!a.is_submitted());
        }
        let ids: std::collections::HashSet<_> = a.items.iter().map(|i| i.id).collect();
        assert_eq!(ids.len(), a.items.len(), "no question twice");
        advance(&mut a, 99.0);
        assert_eq!(a.submitted_ms, Some(99.0));
        assert_eq!(a.items.len(), crate::blueprint::DIAGNOSTIC_ITEMS);
    }

    fn questions() -> &'static [Question] {
        bank::synthetic(8)
    }
    use std::collections::HashSet;

    fn run(seed: u64, answer: impl Fn(&Question) -> bool) -> Vec<(&'static Question, bool)> {
        let mut asked: Vec<(&Question, bool)> = Vec::new();
        while let Some(q) = next_question(questions(), &asked, seed) {
            asked.push((q, answer(q)));
        }
        asked
    }

    #[test]
    fn ten_distinct_questions_with_every_domain_at_least_twice() {
        for seed in 0..50 {
            let asked = run(seed, |q| q.id.domain() != Domain::SecurityCompliance);
            assert_eq!(asked.len(), DIAGNOSTIC_ITEMS);
            assert_eq!(
                asked
                    .iter()
                    .map(|(q, _)| q.id)
                    .collect::<HashSet<_>>()
                    .len(),
                DIAGNOSTIC_ITEMS
            );
            for d in Domain::ALL {
                assert!(
                    asked.iter().filter(|(q, _)| q.domain() == d).count()
                        >= DIAGNOSTIC_MIN_PER_DOMAIN,
                    "seed {seed} {d:?}"
                );
            }
        }
    }

    #[test]
    fn exposure_is_spread_and_the_kind_mix_follows_the_bank() {
        // On the real bank, answers right or wrong by a fixed coin per question.
        let coin = |q: &Question| q.id.to_string().bytes().map(u32::from).sum::<u32>() % 2 == 0;
        let runs: Vec<Vec<(&Question, bool)>> = (0..200)
            .map(|seed| {
                let mut asked: Vec<(&Question, bool)> = Vec::new();
                while let Some(q) = next_question(bank::questions(), &asked, seed) {
                    asked.push((q, coin(q)));
                }
                asked
            })
            .collect();
        let firsts: HashSet<_> = runs.iter().map(|r| r[0].0.id).collect();
        assert!(
            firsts.len() > 20,
            "first questions vary: {} distinct",
            firsts.len()
        );
        let mut appearances = std::collections::HashMap::new();
        for r in &runs {
            for (q, _) in r {
                *appearances.entry(q.id).or_insert(0usize) += 1;
            }
        }
        let max = appearances.values().max().copied().unwrap_or(0);
        assert!(
            max * 4 <= runs.len(),
            "no question in more than a quarter: {max}"
        );
        let is_multiple = |q: &Question| matches!(q.kind, crate::bank::Kind::Multiple(_));
        let all = bank::questions();
        let bank_share = all.iter().filter(|q| is_multiple(q)).count() as f64 / all.len() as f64;
        let asked: Vec<&Question> = runs.iter().flatten().map(|(q, _)| *q).collect();
        let share = asked.iter().filter(|q| is_multiple(q)).count() as f64 / asked.len() as f64;
        assert!((share - bank_share).abs() <= 0.1, "{share} vs {bank_share}");
    }

    #[test]
    fn the_lowest_area_is_named_only_on_evidence() {
        let clear = chance_lowest(&[(1.0, 0.2), (-1.0, 0.2), (1.2, 0.2), (0.9, 0.2)]);
        assert!(clear[1] > 0.99, "{clear:?}");
        let even = chance_lowest(&[(0.0, 1.0); 4]);
        for p in &even {
            assert!((p - 0.25).abs() < 0.01, "{even:?}");
        }
        assert!((clear.iter().sum::<f64>() - 1.0).abs() < 0.01);
    }

    #[test]
    fn the_plan_puts_the_missed_domain_first() {
        let asked = run(3, |q| q.domain() != Domain::SecurityCompliance);
        let r = result(&asked, 0.0);
        assert!(
            r.weakest.is_none_or(|d| d == Domain::SecurityCompliance),
            "{:?}",
            r.weakest
        );
        assert_eq!(r.plan.len(), PLAN_STEPS);
        assert_eq!(r.plan[0].task.domain(), Domain::SecurityCompliance);
        assert!(r.plan.windows(2).all(|w| w[0].priority >= w[1].priority));
    }
}
