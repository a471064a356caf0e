//! The learner's history: every finished attempt (its summary always, its question-by-question
//! detail while storage allows), and how often each question was seen and answered correctly, which
//! forms use to prefer unseen questions and the heat map shows per task statement.

use engine::attempt::{Attempt, AttemptId, Mode};
use engine::bank::{Domain, QuestionId};
use engine::blueprint::FORM_ITEMS;
use engine::idmap::IdMap;
use engine::report;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::envelope::Migration;

mod check;
mod migrate;

pub use check::{check_progress, Checked, Evidence, Part, Rejected, MAX_ATTEMPTS};

pub const PROGRESS_KEY: &str = "clf-prep/progress";
/// Schema 2 moved the review queue from Leitner boxes to FSRS.
pub const PROGRESS_MIGRATIONS: &[Migration] = &[migrate::leitner_to_fsrs];

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
    pub id: AttemptId,
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
    /// Scored questions the learner had already seen before this attempt (a fact of the history
    /// at filing time; older records lack it and read 0).
    #[serde(default)]
    pub seen_before: usize,
    /// The scored questions and whether each was right, kept once the detail is pruned so that the
    /// figures above can still be recomputed; empty while the detail is there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Outcome>,
}

/// One scored question of a pruned attempt, and whether it was answered right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome(pub QuestionId, pub bool);

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

    /// The summary of an attempt, every figure derived from its answers and the bank.
    pub fn of(attempt: &Attempt) -> Summary {
        let end = attempt.submitted_ms.unwrap_or(attempt.started_ms);
        let mut summary = Summary::scored(
            &report::scored_outcomes(attempt),
            Facts {
                id: attempt.id.clone(),
                mode: attempt.mode,
                started_ms: attempt.started_ms,
                time_used_ms: attempt.time_used_ms(end),
                timed_out: attempt.timed_out,
                items: attempt.items.len(),
            },
        );
        summary.full_timed = summary.full_timed && attempt.deadline_ms.is_some();
        summary
    }

    /// A summary from the facts that cannot be derived and the scored outcomes that can.
    fn scored(outcomes: &[(&'static engine::bank::Question, bool)], facts: Facts) -> Summary {
        let r = report::report_for(outcomes, engine::model::cut_theta());
        Summary {
            full_timed: facts.mode == Mode::Mock && facts.items == FORM_ITEMS,
            id: facts.id,
            mode: facts.mode,
            started_ms: facts.started_ms,
            time_used_ms: facts.time_used_ms,
            timed_out: facts.timed_out,
            items: facts.items,
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
            seen_before: 0,
            outcomes: Vec::new(),
        }
    }
}

/// What a summary states that its answers cannot tell: checked for range, never recomputed.
struct Facts {
    id: AttemptId,
    mode: Mode,
    started_ms: f64,
    time_used_ms: f64,
    timed_out: bool,
    items: usize,
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
    /// Missed and guessed questions scheduled for the review drill.
    pub review: engine::schedule::ReviewQueue,
    /// The service flashcards' schedule.
    #[serde(default, skip_serializing_if = "engine::flashcards::Deck::is_empty")]
    pub flashcards: engine::flashcards::Deck,
    /// Ids of attempts the learner deleted, so that a merge with another tab's copy or a file does
    /// not bring them back.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<AttemptId>,
}

impl Progress {
    pub fn attempt(&self, id: &AttemptId) -> Option<&AttemptRecord> {
        self.attempts.iter().find(|a| a.summary.id == *id)
    }

    pub fn seen_count(&self, id: QuestionId) -> u32 {
        self.seen.get(id).map_or(0, |s| s.shown)
    }

    /// Deletes one attempt (the learner's choice), remembering its id so that no merge restores it.
    pub fn delete(&mut self, id: &AttemptId) {
        self.attempts.retain(|a| a.summary.id != *id);
        if !self.deleted.contains(id) {
            self.deleted.push(id.clone());
        }
    }

    /// Drops the detail of the oldest attempt that still has one, keeping its scored outcomes;
    /// false when none is left to drop.
    pub fn prune_oldest_detail(&mut self) -> bool {
        match self.attempts.iter_mut().find(|a| a.detail.is_some()) {
            Some(a) => {
                if let Some(detail) = a.detail.take() {
                    a.summary.outcomes = report::scored_outcomes(&detail)
                        .into_iter()
                        .map(|(q, right)| Outcome(q.id, right))
                        .collect();
                }
                true
            }
            None => false,
        }
    }

    /// Adds `other`'s attempts that this history lacks (by id); seen counts keep the larger of the two
    /// and review cards the one reviewed last, so merging the same file twice changes nothing.
    pub fn merge(&mut self, other: Progress) {
        for id in other.deleted {
            if !self.deleted.contains(&id) {
                self.deleted.push(id);
            }
        }
        let deleted = std::mem::take(&mut self.deleted);
        self.attempts.retain(|a| !deleted.contains(&a.summary.id));
        for record in other.attempts {
            if self.attempt(&record.summary.id).is_none() && !deleted.contains(&record.summary.id) {
                self.attempts.push(record);
            }
        }
        self.deleted = deleted;
        for (id, card) in other.review.cards {
            // The card reviewed last has been through the latest answer, whichever copy booked it.
            let mine = self.review.cards.get_or_insert_with(id, || card);
            if card.last_day > mine.last_day {
                *mine = card;
            }
        }
        self.flashcards.merge(other.flashcards);
        for (id, seen) in other.seen {
            let mine = self.seen.get_or_insert_with(id, Seen::default);
            mine.shown = mine.shown.max(seen.shown);
            mine.correct = mine.correct.max(seen.correct);
        }
        engine::order::sort_by_key_f64(&mut self.attempts, |a| a.summary.started_ms);
    }
}

/// Reads the stored history attempt by attempt (see `check_progress`). Attempts that fail their
/// checks are set aside, with a notice each, and the cleaned history is written back so that they
/// are set aside once; a record that cannot be read at all is set aside whole.
pub fn load(v: &super::vault::Vault, now_ms: f64) -> Progress {
    let Some(data) = v.load::<Value>(PROGRESS_KEY, PROGRESS_MIGRATIONS, now_ms) else {
        return Progress::default();
    };
    match check_progress(data, now_ms, Evidence::RangeChecked) {
        Ok(Checked { progress, rejected }) => {
            for r in &rejected {
                v.set_aside_text(
                    &format!("{}/{}", r.part.key(), r.id),
                    &r.raw,
                    &format!("{} {}: {}", r.part.label(), r.id, r.reason),
                    now_ms,
                );
            }
            if !rejected.is_empty() {
                if let Err(e) = v.save(PROGRESS_KEY, &progress, PROGRESS_MIGRATIONS) {
                    v.report_unsaved(PROGRESS_KEY, &e);
                }
            }
            progress
        }
        Err(reason) => {
            v.set_aside_record(PROGRESS_KEY, reason, now_ms);
            Progress::default()
        }
    }
}

#[cfg(test)]
pub(crate) mod review_tests;
#[cfg(test)]
mod tests;
