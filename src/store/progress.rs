//! The learner's history: every finished attempt (its summary always, its question-by-question
//! detail while storage allows), and how often each question was seen and answered correctly, which
//! forms use to prefer unseen questions and the heat map shows per task statement.

use engine::attempt::{Attempt, Mode};
use engine::bank::{Domain, QuestionId};
use engine::idmap::IdMap;
use serde::{Deserialize, Serialize};

use super::envelope::Migration;

pub const PROGRESS_KEY: &str = "clf-prep/progress";
pub const PROGRESS_MIGRATIONS: &[Migration] = &[];

pub use engine::report::Verdict;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DomainLine {
    pub domain: Domain,
    pub correct: usize,
    pub total: usize,
    pub verdict: Verdict,
    /// The domain's own scaled estimate, when there was enough evidence for one.
    pub scaled: Option<u16>,
}

/// What the history keeps of an attempt forever.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub mode: Mode,
    pub started_ms: f64,
    pub time_used_ms: f64,
    pub timed_out: bool,
    /// A full 65-question form under the exam's time limit: what the readiness rule counts.
    pub full_timed: bool,
    pub items: usize,
    pub scored_items: usize,
    pub correct_scored: usize,
    pub scaled: u16,
    pub low: u16,
    pub high: u16,
    pub p_pass: f64,
    /// Ability estimate and its posterior SD, for pooling evidence across attempts.
    pub theta: f64,
    pub theta_sd: f64,
    pub domains: Vec<DomainLine>,
}

/// Fractional figures (ability, its SD, the chance of passing) are stored to six decimals. A
/// number written that way is read back bit for bit by serde_json's default parser (a short decimal
/// is one correctly rounded division), so the app does without serde_json's `float_roundtrip`
/// parser and the big-number tables it ships. Times are whole milliseconds, exact anyway.
pub fn six_decimals(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

impl Summary {
    pub fn passed(&self) -> bool {
        self.scaled >= engine::blueprint::PASS_SCALED
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttemptRecord {
    pub summary: Summary,
    /// Dropped (oldest first) when storage is full; the summary stays.
    pub detail: Option<Attempt>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    pub shown: u32,
    pub correct: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    pub attempts: Vec<AttemptRecord>,
    pub seen: IdMap<Seen>,
    /// Missed questions scheduled for the review drill.
    pub review: engine::schedule::ReviewQueue,
}

impl Progress {
    pub fn attempt(&self, id: &str) -> Option<&AttemptRecord> {
        self.attempts.iter().find(|a| a.summary.id == id)
    }

    pub fn seen_count(&self, id: QuestionId) -> u32 {
        self.seen.get(id).map_or(0, |s| s.shown)
    }

    /// Drops the detail of the oldest attempt that still has one; false when none is left to drop.
    pub fn prune_oldest_detail(&mut self) -> bool {
        match self.attempts.iter_mut().find(|a| a.detail.is_some()) {
            Some(a) => {
                a.detail = None;
                true
            }
            None => false,
        }
    }

    /// Adds `other`'s attempts that this history lacks (by id); seen counts keep the larger of the two,
    /// so merging the same file twice changes nothing.
    pub fn merge(&mut self, other: Progress) {
        for record in other.attempts {
            if self.attempt(&record.summary.id).is_none() {
                self.attempts.push(record);
            }
        }
        for (id, card) in other.review.cards {
            self.review.cards.get_or_insert_with(id, || card);
        }
        for (id, seen) in other.seen {
            let mine = self.seen.get_or_insert_with(id, Seen::default);
            mine.shown = mine.shown.max(seen.shown);
            mine.correct = mine.correct.max(seen.correct);
        }
        engine::order::sort_by_key_f64(&mut self.attempts, |a| a.summary.started_ms);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(id: &str, started_ms: f64) -> Summary {
        Summary {
            id: id.into(),
            mode: Mode::Mock,
            started_ms,
            time_used_ms: 1.0,
            timed_out: false,
            full_timed: true,
            items: 65,
            scored_items: 50,
            correct_scored: 40,
            scaled: 780,
            low: 700,
            high: 850,
            p_pass: 0.9,
            theta: 1.0,
            theta_sd: 0.3,
            domains: vec![],
        }
    }

    fn record(id: &str, started_ms: f64, detail: bool) -> AttemptRecord {
        let attempt = Attempt::new(id.into(), Mode::Mock, vec![], started_ms, Some(90));
        AttemptRecord {
            summary: summary(id, started_ms),
            detail: detail.then_some(attempt),
        }
    }

    #[test]
    fn stored_fractions_and_times_read_back_bit_for_bit() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let mut p = Progress::default();
        for i in 0..2000 {
            // Abilities and SDs in logits, chances in [0, 1], some tiny, times in whole ms.
            let raw: f64 = match i % 4 {
                0 => rng.random_range(-8.0..8.0),
                1 => rng.random_range(0.0..1.0),
                2 => rng.random_range(0.0..1e-4),
                _ => rng.random_range(0.0..3.0),
            };
            let x = six_decimals(raw);
            let text = serde_json::to_string(&x).unwrap();
            let back: f64 = serde_json::from_str(&text).unwrap();
            assert_eq!(back.to_bits(), x.to_bits(), "{raw} -> {text}");
            let mut s = summary(
                &format!("a{i}"),
                rng.random_range(1.6e12..2.0e12_f64).floor(),
            );
            (s.p_pass, s.theta, s.theta_sd) = (x, -x, six_decimals(raw / 7.0));
            p.attempts.push(AttemptRecord {
                summary: s,
                detail: None,
            });
        }
        // The whole record, through the store's envelope (JSON value, migrations, text) and back.
        let text = super::super::envelope::encode(&p, PROGRESS_MIGRATIONS).unwrap();
        let back = super::super::envelope::decode::<Progress>(Some(&text), PROGRESS_MIGRATIONS);
        assert_eq!(back.data(), Some(p));
    }

    #[test]
    fn pruning_drops_the_oldest_detail_and_keeps_every_summary() {
        let mut p = Progress {
            attempts: vec![record("a", 1.0, true), record("b", 2.0, true)],
            ..Progress::default()
        };
        assert!(p.prune_oldest_detail());
        assert!(p.attempts[0].detail.is_none() && p.attempts[1].detail.is_some());
        assert!(p.prune_oldest_detail());
        assert!(!p.prune_oldest_detail());
        assert_eq!(p.attempts.len(), 2);
    }

    #[test]
    fn merging_adds_missing_attempts_once_in_time_order() {
        let id = "1.1-001".parse().unwrap();
        let mut mine = Progress {
            attempts: vec![record("b", 2.0, true)],
            ..Progress::default()
        };
        mine.seen.insert(
            id,
            Seen {
                shown: 2,
                correct: 1,
            },
        );
        let mut theirs = Progress {
            attempts: vec![record("a", 1.0, false), record("b", 2.0, false)],
            ..Progress::default()
        };
        theirs.seen.insert(
            id,
            Seen {
                shown: 3,
                correct: 0,
            },
        );
        mine.merge(theirs.clone());
        mine.merge(theirs);
        let ids: Vec<_> = mine
            .attempts
            .iter()
            .map(|a| a.summary.id.as_str())
            .collect();
        assert_eq!(ids, vec!["a", "b"]);
        assert!(mine.attempts[1].detail.is_some(), "our own detail is kept");
        assert_eq!(
            mine.seen[&id],
            Seen {
                shown: 3,
                correct: 1
            }
        );
    }
}
