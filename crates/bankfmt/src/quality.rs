//! The bank-wide quality report: the answer-cue figures, twin pairs, questions naming no service and
//! the share of scenario stems. `./x bank` prints it, and the build fails when a figure misses its
//! target or a twin pair is unreviewed.

use crate::cues::{self, words, Figure};
use crate::meta::{Meta, TWINS_FILE};
use crate::twins::{self, Pair};
use crate::{Problem, Question};

/// Ids a failing figure names: enough to start on, short enough to read in a build log.
const WORST_SHOWN: usize = 10;

/// Actors whose presence makes a stem a scenario ("A company wants…", "Developers at a startup…").
/// A word followed by "Support" is a plan's name ("Developer Support"), not an actor.
pub const SCENARIO_WORDS: [&str; 22] = [
    "company",
    "companies",
    "organization",
    "organizations",
    "organisation",
    "team",
    "teams",
    "developer",
    "developers",
    "startup",
    "startups",
    "retailer",
    "agency",
    "university",
    "hospital",
    "administrator",
    "administrators",
    "engineer",
    "engineers",
    "architect",
    "analyst",
    "manager",
];

/// Whether a stem describes someone's situation rather than asking a bare fact.
pub fn is_scenario(stem: &str) -> bool {
    let words: Vec<String> = words(stem).collect();
    words.iter().enumerate().any(|(i, w)| {
        SCENARIO_WORDS.contains(&w.as_str()) && words.get(i + 1).is_none_or(|n| n != "support")
    })
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quality {
    pub cues: [Figure; 7],
    pub twin_pairs: Vec<Pair>,
    pub twin_pairs_unreviewed: Vec<Pair>,
    /// Reviewed pairs that are no longer twins: the list must follow the bank.
    pub twin_reviews_stale: Vec<Pair>,
    /// Questions naming no service (none listed yet, or a concept question).
    pub untagged: usize,
    pub scenario_share: f64,
}

impl Quality {
    pub fn of<'a>(
        questions: impl IntoIterator<Item = &'a Question> + Clone,
        meta: &Meta,
    ) -> Quality {
        let twin_pairs = twins::twin_pairs(questions.clone());
        let (twin_pairs_unreviewed, twin_reviews_stale) =
            twins::unreviewed_and_stale(&twin_pairs, &meta.twins_reviewed);
        let (mut total, mut untagged, mut scenarios) = (0, 0, 0);
        for q in questions.clone() {
            total += 1;
            untagged += usize::from(q.services.as_ref().is_none_or(Vec::is_empty));
            scenarios += usize::from(is_scenario(&q.stem));
        }
        Quality {
            cues: cues::measure(questions),
            twin_pairs,
            twin_pairs_unreviewed,
            twin_reviews_stale,
            untagged,
            scenario_share: if total == 0 {
                0.0
            } else {
                scenarios as f64 / total as f64
            },
        }
    }

    /// The rules this report enforces: every cue figure within its target, every twin reviewed.
    /// Stale reviews are reported by [`Quality::stale_problems`], which always applies.
    pub fn problems(&self) -> Vec<Problem> {
        let bank = |message: String| Problem {
            file: "bank".to_string(),
            id: None,
            message,
        };
        let mut out: Vec<Problem> = self
            .cues
            .iter()
            .filter(|f| !f.ok())
            .map(|f| {
                let more = f.worst.len().saturating_sub(WORST_SHOWN);
                let shown = f.worst[..f.worst.len().min(WORST_SHOWN)].join(", ");
                let more = if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                };
                bank(format!(
                    "{} is {}, over its target {}; worst first: {shown}{more}",
                    f.name,
                    f.show(f.value),
                    f.show(f.target)
                ))
            })
            .collect();
        for (a, b) in &self.twin_pairs_unreviewed {
            out.push(Problem {
                file: "bank".to_string(),
                id: Some(a.clone()),
                message: format!(
                    "has the same answer and three or more of the same options as {b}; make them \
                     differ, or list the pair with a reason in bank/{TWINS_FILE}"
                ),
            });
        }
        out
    }

    pub fn stale_problems(&self) -> Vec<Problem> {
        self.twin_reviews_stale
            .iter()
            .map(|(a, b)| Problem {
                file: TWINS_FILE.to_string(),
                id: None,
                message: format!("pair {a} and {b} is no longer a twin pair; remove it"),
            })
            .collect()
    }

    /// The cues table `./x bank` prints.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<34} {:>7} {:>7} {:>3}\n",
            "answer cue", "value", "target", "ok"
        );
        for f in &self.cues {
            out += &format!(
                "{:<34} {:>7} {:>7} {:>3}\n",
                f.name,
                f.show(f.value),
                format!("≤{}", f.show(f.target)),
                match (f.judged, f.ok()) {
                    (false, _) => "n/a",
                    (true, true) => "yes",
                    (true, false) => "no",
                }
            );
        }
        if self.cues.iter().any(|f| !f.judged) {
            out += &format!(
                "(n/a: fewer than {} questions of the kind, too few to tell a habit from luck)\n",
                cues::GUESSER_MIN_QUESTIONS
            );
        }
        out += &format!(
            "twin pairs: {} flagged, {} unreviewed\nquestions naming no service: {}\nscenario stems: {:.1}%\n",
            self.twin_pairs.len(),
            self.twin_pairs_unreviewed.len(),
            self.untagged,
            self.scenario_share * 100.0
        );
        out
    }

    /// The report's keys for `./x bank --json`: `"cues":{the cue figures},"twin_pairs_unreviewed":N,
    /// "untagged":N,"scenario_share":x`, without the surrounding braces.
    pub fn json_fields(&self) -> String {
        let cues: Vec<String> = self
            .cues
            .iter()
            .map(|f| format!("\"{}\":{}", f.name, f.show(f.value)))
            .collect();
        format!(
            "\"cues\":{{{}}},\"twin_pairs_unreviewed\":{},\"untagged\":{},\"scenario_share\":{:.3}",
            cues.join(","),
            self.twin_pairs_unreviewed.len(),
            self.untagged,
            self.scenario_share
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_about_someone_are_scenarios() {
        assert!(is_scenario("A company wants to move its data."));
        assert!(is_scenario("Developers at a startup deploy code daily."));
        assert!(!is_scenario("Which AWS service stores objects?"));
        assert!(
            !is_scenario("What does AWS Developer Support include?"),
            "a plan's name is not an actor"
        );
    }
}
