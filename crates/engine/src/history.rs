//! Readiness from the history of attempts: the article's rule (the last five full, timed mocks each
//! at 750 or more, and no domain significantly below the overall level) plus a pooled,
//! recency-weighted probability of passing over all the evidence, and what is still missing.

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
    /// Pooled probability of passing, when there is any evidence.
    pub p_pass: Option<f64>,
    pub ready: bool,
    /// What is still missing, in words.
    pub missing: Vec<String>,
}

/// Standard normal distribution function (Abramowitz–Stegun 7.1.26, error below 1.5e-7).
pub fn normal_cdf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.3275911 * x.abs() / std::f64::consts::SQRT_2);
    let poly = t
        * (0.254829592
            + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    let erf = 1.0 - poly * (-(x * x) / 2.0).exp();
    if x >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

/// Readiness over `history` (oldest first); `cut` is the ability at the pass line.
pub fn readiness(history: &[Evidence], cut: f64) -> Readiness {
    let runs: Vec<&Evidence> = history.iter().filter(|e| e.full_timed).collect();
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
    let p_pass = (weight > 0.0).then(|| normal_cdf((weighted / weight - cut) * weight.sqrt()));

    let mut missing = Vec::new();
    if recent.len() < READY_RUNS {
        missing.push(format!(
            "Take {} more full, timed mock exam(s): the rule looks at your last {READY_RUNS}.",
            READY_RUNS - recent.len()
        ));
    } else if !consistent {
        let below = recent.iter().filter(|e| e.scaled < READY_SCALED).count();
        missing.push(format!(
            "{below} of your last {READY_RUNS} full mocks scored below {READY_SCALED}."
        ));
    }
    for d in &weak_domains {
        missing.push(format!("{} is clearly below your overall level.", d.name()));
    }
    let ready = consistent && weak_domains.is_empty();
    Readiness {
        recent_runs: recent.iter().map(|e| e.scaled).collect(),
        consistent,
        weak_domains,
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
        assert_eq!(
            r.missing,
            vec!["1 of your last 5 full mocks scored below 750."]
        );
        // An older low run no longer counts once five newer ones are good.
        h.extend((0..5).map(|_| run(760, EVEN)));
        assert!(readiness(&h, 0.0).consistent);
    }

    #[test]
    fn fewer_than_five_runs_say_how_many_are_missing() {
        let r = readiness(&[run(800, EVEN), run(810, EVEN)], 0.0);
        assert!(!r.ready);
        assert!(r.missing[0].starts_with("Take 3 more"));
    }

    #[test]
    fn a_domain_well_below_the_rest_blocks_readiness() {
        let lopsided = [(12, 12), (6, 15), (17, 17), (6, 6)];
        let h: Vec<_> = (0..5).map(|_| run(790, lopsided)).collect();
        let r = readiness(&h, 0.0);
        assert_eq!(r.weak_domains, vec![Domain::SecurityCompliance]);
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
    fn normal_cdf_matches_known_values() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
        assert!((normal_cdf(1.96) - 0.975).abs() < 1e-4);
        assert!((normal_cdf(-1.0) - 0.158655).abs() < 1e-5);
    }
}
