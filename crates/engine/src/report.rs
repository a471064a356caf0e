//! Scoring an attempt: each answer checked all-or-nothing, only the scored items counted, the ability
//! estimate with its band and probability of passing, and a verdict per domain and task statement
//! that says "not enough evidence yet" rather than guess.

use crate::attempt::{Attempt, Authored};
use crate::bank::{self, Domain, Question, TaskStatement};
use crate::model::{cut_theta, Estimate, ItemParams, LogLikelihood, Posterior};

/// Right only if exactly the correct options are chosen: no partial credit, and a blank is wrong.
pub fn is_correct(q: &Question, chosen: &[Authored]) -> bool {
    // As sets of option indices (a question has at most six options); an index the question lacks
    // makes the answer wrong.
    let mut got = 0u64;
    for &o in chosen {
        if o.index() >= q.options.len() {
            return false;
        }
        got |= 1 << o.0;
    }
    let want = q.correct().fold(0u64, |m, i| m | 1 << i);
    got != 0 && got == want
}

/// How many of the correct options were chosen, out of how many ("1 of 2"): feedback only.
pub fn correct_chosen(q: &Question, chosen: &[Authored]) -> (usize, usize) {
    let hits = q
        .correct()
        .filter(|&i| chosen.contains(&Authored(i as u8)))
        .count();
    (hits, q.kind.choose())
}

/// A domain's result, as the real score report words it, plus the honest third case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Verdict {
    MeetsCompetencies,
    NeedsImprovement,
    NotEnoughEvidence,
}

impl Verdict {
    pub fn words(self) -> &'static str {
        match self {
            Verdict::MeetsCompetencies => "Meets competencies",
            Verdict::NeedsImprovement => "Needs improvement",
            Verdict::NotEnoughEvidence => "Not enough evidence yet",
        }
    }
}

/// A verdict is given only when the evidence is this decisive either way.
pub const VERDICT_CONFIDENCE: f64 = 0.8;
/// Spread of a domain's ability around the overall one (the prior for the domain's own estimate).
pub const DOMAIN_SPREAD: f64 = 0.75;
/// Fewer scored items than this in an area never give a verdict.
pub const MIN_VERDICT_ITEMS: usize = 5;

#[derive(Clone, Debug, PartialEq)]
pub struct AreaResult<A> {
    pub area: A,
    pub correct: usize,
    pub total: usize,
    pub p_meets: f64,
    /// The area's own ability estimate (posterior mean, logits) and its posterior SD.
    pub ability: f64,
    pub sd: f64,
    pub verdict: Verdict,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub estimate: Estimate,
    pub correct: usize,
    pub scored: usize,
    pub domains: Vec<AreaResult<Domain>>,
    pub tasks: Vec<AreaResult<TaskStatement>>,
}

fn verdict(p_meets: f64, total: usize) -> Verdict {
    if total < MIN_VERDICT_ITEMS {
        Verdict::NotEnoughEvidence
    } else if p_meets >= VERDICT_CONFIDENCE {
        Verdict::MeetsCompetencies
    } else if p_meets <= 1.0 - VERDICT_CONFIDENCE {
        Verdict::NeedsImprovement
    } else {
        Verdict::NotEnoughEvidence
    }
}

/// Result for one area: its own posterior from its items, with a prior centred on the ability shown
/// by the *other* items (so the area's own answers are not counted twice).
fn area<A: Copy>(
    area: A,
    mine: &[&(LogLikelihood, bool)],
    all: &LogLikelihood,
    cut: f64,
) -> AreaResult<A> {
    let own = mine
        .iter()
        .fold(LogLikelihood::default(), |acc, (l, _)| acc.plus(l));
    let elsewhere = Posterior::from_log_likelihood(0.0, 1.0, &all.minus(&own)).mean();
    let post = Posterior::from_log_likelihood(elsewhere, DOMAIN_SPREAD, &own);
    let p_meets = if mine.is_empty() {
        0.5
    } else {
        post.mass_above(cut)
    };
    AreaResult {
        area,
        correct: mine.iter().filter(|(_, c)| *c).count(),
        total: mine.len(),
        p_meets,
        ability: post.mean(),
        sd: post.sd(),
        verdict: verdict(p_meets, mine.len()),
    }
}

/// Scored `(question, correct)` pairs of an attempt.
pub fn scored_outcomes(attempt: &Attempt) -> Vec<(&'static Question, bool)> {
    attempt
        .items
        .iter()
        .zip(&attempt.responses)
        .filter(|(item, _)| item.scored)
        .filter_map(|(item, r)| bank::find(item.id).map(|q| (q, is_correct(q, &r.chosen))))
        .collect()
}

pub fn report_for(outcomes: &[(&Question, bool)], cut: f64) -> Report {
    let params: Vec<(ItemParams, bool)> = outcomes
        .iter()
        .map(|(q, c)| (ItemParams::of(q), *c))
        .collect();
    // Each scored item's log-likelihood once; every area is then sums and differences of these.
    let per_item: Vec<(LogLikelihood, bool)> = params
        .iter()
        .map(|&(p, c)| {
            let mut l = LogLikelihood::default();
            l.add((p, c));
            (l, c)
        })
        .collect();
    let all = per_item
        .iter()
        .fold(LogLikelihood::default(), |acc, (l, _)| acc.plus(l));
    let mut estimate = Estimate::from_log_likelihood(&all, cut);
    let correct = params.iter().filter(|(_, c)| *c).count();
    let items: Vec<ItemParams> = params.iter().map(|(p, _)| *p).collect();
    if correct as f64 <= ItemParams::guessing_level(&items) {
        estimate = estimate.at_guessing_level();
    }
    let area_of = |inside: &dyn Fn(&Question) -> bool| -> Vec<&(LogLikelihood, bool)> {
        outcomes
            .iter()
            .zip(&per_item)
            .filter(|((q, _), _)| inside(q))
            .map(|(_, l)| l)
            .collect()
    };
    let domains = Domain::ALL
        .iter()
        .map(|&d| area(d, &area_of(&|q| q.domain() == d), &all, cut))
        .collect();
    let tasks = TaskStatement::ALL
        .iter()
        .map(|&t| area(t, &area_of(&|q| q.task() == t), &all, cut))
        .filter(|r| r.total > 0)
        .collect();
    Report {
        estimate,
        correct,
        scored: params.len(),
        domains,
        tasks,
    }
}

/// How often each confidence level the learner gave was right: (level, right, total), levels
/// never given left out.
pub fn calibration(attempt: &Attempt) -> Vec<(crate::attempt::Confidence, usize, usize)> {
    crate::attempt::Confidence::ALL
        .into_iter()
        .map(|level| {
            let answers = attempt
                .items
                .iter()
                .zip(&attempt.responses)
                .filter(|(_, r)| r.confidence == Some(level));
            let (right, total) = answers.fold((0, 0), |(right, total), (item, r)| {
                let ok = bank::find(item.id).is_some_and(|q| is_correct(q, &r.chosen));
                (right + usize::from(ok), total + 1)
            });
            (level, right, total)
        })
        .filter(|(_, _, total)| *total > 0)
        .collect()
}

/// The report of a finished (or running) attempt.
pub fn report(attempt: &Attempt) -> Report {
    report_for(&scored_outcomes(attempt), cut_theta())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Kind;

    fn questions() -> &'static [Question] {
        bank::synthetic(8)
    }

    #[test]
    fn calibration_counts_right_answers_per_confidence_level() {
        use crate::attempt::{AttemptItem, Confidence, Mode};
        let qs: Vec<&Question> = bank::questions().iter().take(3).collect();
        let items = qs
            .iter()
            .map(|q| AttemptItem {
                id: q.id,
                scored: true,
                order: (0..q.options.len() as u8).map(Authored).collect(),
            })
            .collect();
        let mut a = Attempt::new(
            crate::attempt::AttemptId::parse("c").unwrap(),
            Mode::Practice,
            items,
            0.0,
            None,
        );
        let right: Vec<Authored> = qs[0].correct().map(|i| Authored(i as u8)).collect();
        let wrong: Vec<Authored> = (0..qs[1].options.len() as u8)
            .filter(|i| !qs[1].correct().any(|c| c as u8 == *i))
            .map(Authored)
            .take(1)
            .collect();
        (a.responses[0].chosen, a.responses[0].confidence) = (right, Some(Confidence::Sure));
        (a.responses[1].chosen, a.responses[1].confidence) = (wrong, Some(Confidence::Sure));
        a.responses[2].confidence = Some(Confidence::Guessed);
        assert_eq!(
            calibration(&a),
            vec![(Confidence::Sure, 1, 2), (Confidence::Guessed, 0, 1)]
        );
    }

    #[test]
    fn multiple_response_gets_no_partial_credit() {
        let q = questions()
            .iter()
            .find(|q| matches!(q.kind, Kind::Multiple(2)))
            .expect("a choose-two question");
        let right: Vec<Authored> = q.correct().map(|i| Authored(i as u8)).collect();
        let wrong = (0..q.options.len() as u8)
            .map(Authored)
            .find(|o| !right.contains(o))
            .unwrap();
        assert!(is_correct(q, &right));
        assert!(is_correct(q, &[right[1], right[0]]));
        assert!(
            !is_correct(q, &right[..1]),
            "one of two is not partly right"
        );
        assert!(!is_correct(q, &[right[0], wrong]));
        assert!(
            is_correct(q, &[right[0], right[1], right[0]]),
            "a repeat changes nothing"
        );
        assert!(!is_correct(q, &[]), "a blank is wrong");
        assert!(
            !is_correct(q, &[right[0], right[1], Authored(200)]),
            "an option the question lacks"
        );
        assert!(!is_correct(q, &[right[0], right[1], wrong]));
        assert_eq!(correct_chosen(q, &[right[0], wrong]), (1, 2));
    }

    #[test]
    fn a_blank_is_wrong_and_single_answers_need_the_one_right_option() {
        let q = questions()
            .iter()
            .find(|q| q.kind == Kind::Single)
            .expect("a single-answer question");
        let right = Authored(q.correct().next().unwrap() as u8);
        assert!(!is_correct(q, &[]));
        assert!(is_correct(q, &[right]));
        assert!(!is_correct(q, &[Authored((right.0 + 1) % 4)]));
    }

    #[test]
    fn domains_with_few_items_get_no_false_verdict() {
        let qs: Vec<_> = questions()
            .iter()
            .filter(|q| q.domain() == Domain::BillingPricingSupport)
            .take(1)
            .collect();
        let r = report_for(&[(qs[0], true)], 0.0);
        let billing = r
            .domains
            .iter()
            .find(|d| d.area == Domain::BillingPricingSupport)
            .unwrap();
        assert_eq!(billing.verdict, Verdict::NotEnoughEvidence);
        assert!(r
            .domains
            .iter()
            .filter(|d| d.total == 0)
            .all(|d| d.verdict == Verdict::NotEnoughEvidence));
    }

    #[test]
    fn all_right_meets_and_all_wrong_needs_improvement() {
        let pick: Vec<&Question> = questions()
            .iter()
            .filter(|q| q.domain() == Domain::SecurityCompliance)
            .take(15)
            .collect();
        let all_right: Vec<_> = pick.iter().map(|q| (*q, true)).collect();
        let all_wrong: Vec<_> = pick.iter().map(|q| (*q, false)).collect();
        let d = |r: &Report| {
            r.domains
                .iter()
                .find(|d| d.area == Domain::SecurityCompliance)
                .unwrap()
                .verdict
        };
        assert_eq!(d(&report_for(&all_right, 0.0)), Verdict::MeetsCompetencies);
        assert_eq!(d(&report_for(&all_wrong, 0.0)), Verdict::NeedsImprovement);
        assert!(
            report_for(&all_right, 0.0).estimate.scaled
                > report_for(&all_wrong, 0.0).estimate.scaled
        );
    }
}
