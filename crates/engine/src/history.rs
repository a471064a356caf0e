//! Readiness from the history of attempts: the article's rule (the last five full, timed mocks each
//! at 750 or more, and no domain significantly below the overall level) plus a pooled,
//! recency-weighted chance of passing a new full exam over all the evidence, and what is still
//! missing. A mock counts toward the rule only when most of its scored questions were new to the
//! learner: a mock of questions already seen measures memory, not knowledge. No condition is met on
//! no evidence.

use crate::bank::Domain;
use crate::blueprint::{READY_RUNS, READY_SCALED};

/// What readiness needs to know of one scored attempt.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// A full 65-question mock under the time limit.
    pub full_timed: bool,
    pub scaled: u16,
    pub theta: f64,
    pub theta_sd: f64,
    /// (correct, scored) per domain, in `Domain::ALL` order.
    pub domains: [(usize, usize); 4],
    /// Scored questions on the attempt, and how many of them the learner had not seen before it.
    pub scored: usize,
    pub new_scored: usize,
}

/// A full mock counts toward the rule only when at least this share of its scored questions were new
/// to the learner.
pub const MIN_NEW_SHARE: f64 = 0.8;

impl Evidence {
    /// Mostly new questions: the score measures knowledge rather than recall.
    pub fn mostly_new(&self) -> bool {
        self.new_scored as f64 >= MIN_NEW_SHARE * self.scored as f64
    }

    /// Counts toward the readiness rule's runs.
    pub fn counts(&self) -> bool {
        self.full_timed && self.mostly_new()
    }
}

/// Each older attempt counts this much less than the one after it.
pub const RECENCY_DECAY: f64 = 0.7;
/// A domain is "significantly below" when its share correct is this many standard errors under the
/// share correct over all domains (one-sided, about 2.5 %).
pub const BELOW_Z: f64 = 1.96;

#[derive(Clone, Debug, PartialEq)]
pub struct Readiness {
    /// Scaled scores of the last full timed mocks, oldest first (at most `READY_RUNS`).
    pub recent_runs: Vec<u16>,
    /// Criterion 1: the last `READY_RUNS` full timed mocks all at `READY_SCALED` or more.
    pub consistent: bool,
    /// Criterion 2: domains significantly below the overall level over those runs.
    pub weak_domains: Vec<Domain>,
    /// Criterion 2 met: the runs are there, every domain has answers in them, and none is below.
    pub balanced: bool,
    /// Full timed mocks that did not count because too many of their questions had been seen.
    pub not_counted: usize,
    /// Pooled chance of passing a new full exam, when there is any evidence.
    pub p_pass: Option<f64>,
    pub ready: bool,
    /// What is still missing, for the view to word.
    pub missing: Vec<Missing>,
}

/// One thing readiness still lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// This many more full, timed mocks that count are needed before the rule can be judged.
    MoreRuns(usize),
    /// This many of the last `READY_RUNS` counted mocks scored below `READY_SCALED`.
    RunsBelow(usize),
    /// This many full mocks did not count: too few of their scored questions were new.
    NotCounted(usize),
    /// This domain is clearly below the overall level over the counted mocks.
    DomainBelow(Domain),
}

/// Readiness over `history` (oldest first); `cut` is the ability at the pass line.
pub fn readiness(history: &[Evidence], cut: f64) -> Readiness {
    let runs: Vec<&Evidence> = history.iter().filter(|e| e.counts()).collect();
    let not_counted = history
        .iter()
        .filter(|e| e.full_timed && !e.counts())
        .count();
    let recent: Vec<&Evidence> = runs.iter().rev().take(READY_RUNS).rev().copied().collect();
    let consistent = recent.len() == READY_RUNS && recent.iter().all(|e| e.scaled >= READY_SCALED);

    let (all_right, all_total) = recent
        .iter()
        .flat_map(|e| e.domains)
        .fold((0, 0), |(r, t), (c, n)| (r + c, t + n));
    let overall = if all_total > 0 {
        all_right as f64 / all_total as f64
    } else {
        0.0
    };
    let weak_domains: Vec<Domain> = Domain::ALL
        .into_iter()
        .enumerate()
        .filter(|(i, _)| {
            let (right, total) = recent.iter().fold((0, 0), |(r, t), e| {
                (r + e.domains[*i].0, t + e.domains[*i].1)
            });
            if total == 0 {
                return false;
            }
            let share = right as f64 / total as f64;
            let se = (overall * (1.0 - overall) / total as f64).sqrt().max(1e-9);
            (overall - share) / se > BELOW_Z
        })
        .map(|(_, d)| d)
        .collect();

    // Pool every attempt's ability estimate, precision-weighted and discounted with age.
    let (mut weight, mut weighted) = (0.0, 0.0);
    for (age, e) in history.iter().rev().enumerate() {
        let w = RECENCY_DECAY.powi(age as i32) / e.theta_sd.max(0.05).powi(2);
        weight += w;
        weighted += w * e.theta;
    }
    let p_pass = (weight > 0.0).then(|| {
        let pooled = crate::model::Posterior::normal(weighted / weight, 1.0 / weight.sqrt());
        crate::model::new_form_pass_chance(&pooled, cut)
    });
    let every_domain_answered =
        (0..Domain::ALL.len()).all(|i| recent.iter().map(|e| e.domains[i].1).sum::<usize>() > 0);
    let balanced = recent.len() == READY_RUNS && every_domain_answered && weak_domains.is_empty();

    let mut missing = Vec::new();
    if recent.len() < READY_RUNS {
        missing.push(Missing::MoreRuns(READY_RUNS - recent.len()));
    } else if !consistent {
        let below = recent.iter().filter(|e| e.scaled < READY_SCALED).count();
        missing.push(Missing::RunsBelow(below));
    }
    if not_counted > 0 {
        missing.push(Missing::NotCounted(not_counted));
    }
    missing.extend(weak_domains.iter().copied().map(Missing::DomainBelow));
    let ready = consistent && balanced;
    Readiness {
        recent_runs: recent.iter().map(|e| e.scaled).collect(),
        consistent,
        weak_domains,
        balanced,
        not_counted,
        p_pass,
        ready,
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(scaled: u16, domains: [(usize, usize); 4]) -> Evidence {
        Evidence {
            full_timed: true,
            scaled,
            theta: (f64::from(scaled) - 700.0) / 120.0,
            theta_sd: 0.3,
            domains,
            scored: 50,
            new_scored: 50,
        }
    }

    const EVEN: [(usize, usize); 4] = [(10, 12), (12, 15), (14, 17), (5, 6)];

    #[test]
    fn five_good_runs_in_a_row_with_balanced_domains_is_ready() {
        let h: Vec<_> = (0..5).map(|_| run(780, EVEN)).collect();
        let r = readiness(&h, 0.0);
        assert!(r.ready, "{r:?}");
        assert!(r.missing.is_empty());
        assert!(r.p_pass.unwrap() > 0.95);
    }

    #[test]
    fn one_low_run_among_the_last_five_is_not_consistent() {
        let mut h: Vec<_> = (0..5).map(|_| run(780, EVEN)).collect();
        h[2].scaled = 720;
        let r = readiness(&h, 0.0);
        assert!(!r.consistent && !r.ready);
        assert_eq!(r.missing, vec![Missing::RunsBelow(1)]);
        // An older low run no longer counts once five newer ones are good.
        h.extend((0..5).map(|_| run(760, EVEN)));
        assert!(readiness(&h, 0.0).consistent);
    }

    #[test]
    fn fewer_than_five_runs_say_how_many_are_missing() {
        let r = readiness(&[run(800, EVEN), run(810, EVEN)], 0.0);
        assert!(!r.ready);
        assert_eq!(r.missing, vec![Missing::MoreRuns(3)]);
    }

    #[test]
    fn a_domain_well_below_the_rest_blocks_readiness() {
        let lopsided = [(12, 12), (6, 15), (17, 17), (6, 6)];
        let h: Vec<_> = (0..5).map(|_| run(790, lopsided)).collect();
        let r = readiness(&h, 0.0);
        assert_eq!(r.weak_domains, vec![Domain::SecurityCompliance]);
        assert_eq!(
            r.missing,
            vec![Missing::DomainBelow(Domain::SecurityCompliance)]
        );
        assert!(r.consistent && !r.ready);
    }

    #[test]
    fn pooled_probability_follows_recent_evidence() {
        let old_bad: Vec<_> = (0..3)
            .map(|_| run(500, EVEN))
            .chain((0..3).map(|_| run(850, EVEN)))
            .collect();
        let old_good: Vec<_> = (0..3)
            .map(|_| run(850, EVEN))
            .chain((0..3).map(|_| run(500, EVEN)))
            .collect();
        assert!(
            readiness(&old_bad, 0.0).p_pass.unwrap() > readiness(&old_good, 0.0).p_pass.unwrap()
        );
        assert_eq!(readiness(&[], 0.0).p_pass, None);
    }

    #[test]
    fn mocks_of_questions_already_seen_do_not_count() {
        let mut h: Vec<_> = (0..5).map(|_| run(800, EVEN)).collect();
        h[4].new_scored = 30;
        let r = readiness(&h, 0.0);
        assert!(!r.ready && r.not_counted == 1, "{r:?}");
        assert_eq!(r.recent_runs.len(), 4);
        assert_eq!(
            r.missing,
            vec![Missing::MoreRuns(1), Missing::NotCounted(1)]
        );
        h[4].new_scored = 40;
        assert!(readiness(&h, 0.0).ready, "80 % new is enough");
    }

    #[test]
    fn no_condition_is_met_on_no_evidence() {
        let r = readiness(&[], 0.0);
        assert!(!r.consistent && !r.balanced && !r.ready);
        let blank: Vec<_> = (0..2)
            .map(|_| run(100, [(0, 12), (0, 15), (0, 17), (0, 6)]))
            .collect();
        assert!(
            !readiness(&blank, 0.0).balanced,
            "two runs are not the rule's five"
        );
    }
}
