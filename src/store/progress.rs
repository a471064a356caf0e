//! The learner's history: every finished attempt (its summary always, its question-by-question
//! detail while storage allows), and how often each question was seen and answered correctly, which
//! forms use to prefer unseen questions and the heat map shows per task statement.

use engine::attempt::{Attempt, Fault, Mode, FUTURE_TOLERANCE_MS, MAX_OPEN_MS};
use engine::bank::{self, Domain, QuestionId};
use engine::blueprint::FORM_ITEMS;
use engine::idmap::IdMap;
use engine::report;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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
    id: String,
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
    /// Missed questions scheduled for the review drill.
    pub review: engine::schedule::ReviewQueue,
    /// Ids of attempts the learner deleted, so that a merge with another tab's copy or a file does
    /// not bring them back.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<String>,
}

impl Progress {
    pub fn attempt(&self, id: &str) -> Option<&AttemptRecord> {
        self.attempts.iter().find(|a| a.summary.id == id)
    }

    pub fn seen_count(&self, id: QuestionId) -> u32 {
        self.seen.get(id).map_or(0, |s| s.shown)
    }

    /// Deletes one attempt (the learner's choice), remembering its id so that no merge restores it.
    pub fn delete(&mut self, id: &str) {
        self.attempts.retain(|a| a.summary.id != id);
        if !self.deleted.iter().any(|d| d == id) {
            self.deleted.push(id.to_string());
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

    /// Adds `other`'s attempts that this history lacks (by id); seen counts keep the larger of the two,
    /// so merging the same file twice changes nothing.
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

/// The most attempts a history, or an import file, may hold: years of daily practice.
pub const MAX_ATTEMPTS: usize = 3000;

/// An attempt that failed its checks. It is set aside with the reason, never dropped silently.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    /// The attempt's id when it is a plain one (safe to show), else a placeholder.
    pub id: String,
    pub reason: String,
    /// The record as it was stored, for the set-aside copy.
    pub raw: String,
}

/// A history read attempt by attempt: the attempts that passed, and those set aside.
#[derive(Debug)]
pub struct Checked {
    pub progress: Progress,
    pub rejected: Vec<Rejected>,
}

/// Whether a summary without its detail must carry the outcomes its score is computed from. Files
/// from elsewhere must (a bare "scaled: 950" proves nothing); this browser's own older records,
/// pruned before outcomes were kept, are only range-checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    Required,
    RangeChecked,
}

fn plausible_time(ms: f64, max: f64) -> bool {
    ms.is_finite() && (0.0..=max).contains(&ms)
}

impl AttemptRecord {
    /// Checks a stored or imported record and recomputes every figure its answers can give: from
    /// the detail when it is kept, else from the kept outcomes; what cannot be derived (dates, time
    /// used) is range-checked.
    pub fn checked(mut self, now_ms: f64, evidence: Evidence) -> Result<AttemptRecord, String> {
        if let Some(detail) = &self.detail {
            detail.check(now_ms).map_err(|f: Fault| f.to_string())?;
            if !detail.is_submitted() {
                return Err("it was never finished".into());
            }
            let seen_before = self.summary.seen_before;
            self.summary = Summary::of(detail);
            if seen_before > self.summary.scored_items {
                return Err("it claims more questions seen before than it has".into());
            }
            self.summary.seen_before = seen_before;
            return Ok(self);
        }
        let s = &self.summary;
        if !engine::attempt::is_attempt_id(&s.id) {
            return Err(Fault::BadId.to_string());
        }
        if s.items == 0 || s.items > engine::attempt::MAX_ATTEMPT_ITEMS {
            return Err(Fault::ItemCount(s.items).to_string());
        }
        let times_plausible = s.started_ms.is_finite()
            && s.started_ms > 0.0
            && plausible_time(s.time_used_ms, MAX_OPEN_MS);
        if !times_plausible {
            return Err(Fault::BadTime("time").to_string());
        }
        if s.started_ms > now_ms + FUTURE_TOLERANCE_MS {
            return Err(Fault::InTheFuture.to_string());
        }
        if !s.outcomes.is_empty() {
            let mut scored = Vec::with_capacity(s.outcomes.len());
            for &Outcome(id, right) in &s.outcomes {
                scored.push((
                    bank::find(id).ok_or(Fault::UnknownQuestion(id).to_string())?,
                    right,
                ));
            }
            if scored.len() > s.items {
                return Err("it has more outcomes than questions".into());
            }
            if self.summary.seen_before > scored.len() {
                return Err("it claims more questions seen before than it has".into());
            }
            let outcomes = std::mem::take(&mut self.summary.outcomes);
            let was_full_timed = self.summary.full_timed;
            let seen_before = self.summary.seen_before;
            let facts = Facts {
                id: std::mem::take(&mut self.summary.id),
                mode: self.summary.mode,
                started_ms: self.summary.started_ms,
                time_used_ms: self.summary.time_used_ms,
                timed_out: self.summary.timed_out,
                items: self.summary.items,
            };
            self.summary = Summary::scored(&scored, facts);
            // Whether it ran under the clock is not in the outcomes: a claim can only be withdrawn.
            self.summary.full_timed &= was_full_timed;
            self.summary.seen_before = seen_before;
            self.summary.outcomes = outcomes;
            return Ok(self);
        }
        if evidence == Evidence::Required {
            return Err(
                "it holds neither its answers nor their outcomes, so its score cannot be checked"
                    .into(),
            );
        }
        use engine::blueprint::{MAX_SCALED, MIN_SCALED};
        let in_scale = |x: u16| (MIN_SCALED..=MAX_SCALED).contains(&x);
        let ranges_hold = in_scale(s.scaled)
            && in_scale(s.low)
            && in_scale(s.high)
            && s.low <= s.scaled
            && s.scaled <= s.high
            && (0.0..=1.0).contains(&s.p_pass)
            && s.theta.is_finite()
            && s.theta.abs() <= 10.0
            && s.theta_sd.is_finite()
            && s.theta_sd > 0.0
            && s.theta_sd <= 10.0
            && s.correct_scored <= s.scored_items
            && s.seen_before <= s.scored_items
            && s.scored_items <= s.items
            && s.domains.iter().all(|d| d.correct <= d.total)
            && s.domains.iter().map(|d| d.total).sum::<usize>() <= s.items
            && (!s.full_timed || (s.mode == Mode::Mock && s.items == FORM_ITEMS));
        if !ranges_hold {
            return Err("its figures are out of range".into());
        }
        Ok(self)
    }
}

/// Reads a progress record's data attempt by attempt: each attempt is decoded and checked on its
/// own, so one impossible attempt is set aside while the rest of the history stays. Questions no
/// longer in the bank leave the seen counts and the review queue.
pub fn check_progress(data: Value, now_ms: f64, evidence: Evidence) -> Result<Checked, String> {
    let Value::Object(mut fields) = data else {
        return Err("the progress record is not an object".into());
    };
    let attempts = match fields.remove("attempts") {
        None => Vec::new(),
        Some(Value::Array(list)) => list,
        Some(_) => return Err("its attempts are not a list".into()),
    };
    if attempts.len() > MAX_ATTEMPTS {
        return Err(format!(
            "it holds {} attempts; at most {MAX_ATTEMPTS} are kept",
            attempts.len()
        ));
    }
    let mut progress: Progress = serde_json::from_value(Value::Object(fields))
        .map_err(|e| format!("unexpected content ({e})"))?;
    progress.seen.retain_ids(|id| bank::find(id).is_some());
    progress
        .review
        .cards
        .retain_ids(|id| bank::find(id).is_some());
    let mut rejected = Vec::new();
    for value in attempts {
        let raw = serde_json::to_string(&value).unwrap_or_default();
        let id = value
            .pointer("/summary/id")
            .and_then(Value::as_str)
            .filter(|id| engine::attempt::is_attempt_id(id))
            .unwrap_or("(unnamed)")
            .to_string();
        let checked = serde_json::from_value::<AttemptRecord>(value)
            .map_err(|e| format!("unexpected content ({e})"))
            .and_then(|r| r.checked(now_ms, evidence))
            .and_then(|r| match progress.attempt(&r.summary.id) {
                Some(_) => Err("it appears twice".to_string()),
                None => Ok(r),
            });
        match checked {
            Ok(record) => progress.attempts.push(record),
            Err(reason) => rejected.push(Rejected { id, reason, raw }),
        }
    }
    engine::order::sort_by_key_f64(&mut progress.attempts, |a| a.summary.started_ms);
    Ok(Checked { progress, rejected })
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
                    &format!("attempt/{}", r.id),
                    &r.raw,
                    &format!("attempt {}: {}", r.id, r.reason),
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
            seen_before: 0,
            outcomes: vec![],
        }
    }

    const NOW: f64 = 1_800_000_000_000.0;

    /// A finished mock of the real bank, every answer blank.
    fn blank_mock(id: &str, started_ms: f64) -> Attempt {
        let items = engine::forms::mock(bank::questions(), &|_| 0, 7).expect("a mock form");
        let mut a = Attempt::new(id.into(), Mode::Mock, items, started_ms, Some(90));
        a.submit(started_ms + 60_000.0, false);
        a
    }

    fn progress_json(records: &[AttemptRecord]) -> Value {
        serde_json::to_value(Progress {
            attempts: records.to_vec(),
            ..Progress::default()
        })
        .unwrap()
    }

    #[test]
    fn a_deleted_attempt_stays_deleted_through_merges() {
        let mut mine = Progress {
            attempts: vec![record("a", 1.0, true), record("b", 2.0, true)],
            ..Progress::default()
        };
        let other_tab = mine.clone();
        mine.delete("a");
        mine.merge(other_tab.clone());
        assert_eq!(mine.attempts.len(), 1);
        let mut other_tab = other_tab;
        other_tab.merge(mine.clone());
        assert_eq!(
            other_tab.attempts.len(),
            1,
            "the other tab learns of the deletion too"
        );
        assert_eq!(other_tab.attempts[0].summary.id, "b");
    }

    #[test]
    fn figures_are_recomputed_from_the_answers_not_believed() {
        let attempt = blank_mock("mock-1", NOW - 3_600_000.0);
        let honest = Summary::of(&attempt);
        let mut boasting = honest.clone();
        (boasting.scaled, boasting.p_pass, boasting.correct_scored) = (5000, 7.5, 50);
        let checked = check_progress(
            progress_json(&[AttemptRecord {
                summary: boasting,
                detail: Some(attempt),
            }]),
            NOW,
            Evidence::Required,
        )
        .unwrap();
        assert!(checked.rejected.is_empty());
        assert_eq!(checked.progress.attempts[0].summary, honest);
        assert!(honest.scaled < engine::blueprint::PASS_SCALED && honest.correct_scored == 0);
    }

    #[test]
    fn a_pruned_attempt_is_recomputed_from_its_outcomes() {
        let attempt = blank_mock("mock-1", NOW - 3_600_000.0);
        let honest = Summary::of(&attempt);
        let mut p = Progress {
            attempts: vec![AttemptRecord {
                summary: honest.clone(),
                detail: Some(attempt),
            }],
            ..Progress::default()
        };
        assert!(p.prune_oldest_detail());
        p.attempts[0].summary.scaled = 990;
        let value = serde_json::to_value(&p).unwrap();
        let checked = check_progress(value, NOW, Evidence::Required).unwrap();
        let s = &checked.progress.attempts[0].summary;
        assert_eq!(
            (s.scaled, s.correct_scored, s.scored_items),
            (honest.scaled, 0, 50)
        );
        assert_eq!(s.outcomes.len(), 50, "the outcomes stay for the next check");
    }

    #[test]
    fn impossible_or_unprovable_attempts_are_set_aside_and_the_rest_kept() {
        let good = blank_mock("mock-good", NOW - 7_200_000.0);
        let mut short = blank_mock("mock-short", NOW - 3_600_000.0);
        short.responses.truncate(10);
        let future = blank_mock("mock-future", NOW + 30.0 * 86_400_000.0);
        let bare = AttemptRecord {
            summary: Summary {
                scaled: 950,
                high: 990,
                ..summary("mock-bare", NOW - 1000.0)
            },
            detail: None,
        };
        let wild = AttemptRecord {
            summary: Summary {
                scaled: 5000,
                ..summary("mock-wild", NOW - 1000.0)
            },
            detail: None,
        };
        let records: Vec<AttemptRecord> = [good, short, future]
            .into_iter()
            .map(|a| AttemptRecord {
                summary: summary(&a.id, a.started_ms),
                detail: Some(a),
            })
            .chain([bare.clone(), wild.clone()])
            .collect();
        let strict = check_progress(progress_json(&records), NOW, Evidence::Required).unwrap();
        let kept: Vec<&str> = strict
            .progress
            .attempts
            .iter()
            .map(|a| a.summary.id.as_str())
            .collect();
        assert_eq!(kept, vec!["mock-good"]);
        let set_aside: Vec<&str> = strict.rejected.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            set_aside,
            vec!["mock-short", "mock-future", "mock-bare", "mock-wild"]
        );
        assert!(
            strict.rejected[0].reason.contains("answers for"),
            "{:?}",
            strict.rejected[0]
        );
        // This browser's own old pruned records are range-checked instead: plausible ones stay.
        let lenient =
            check_progress(progress_json(&[bare, wild]), NOW, Evidence::RangeChecked).unwrap();
        assert_eq!(lenient.progress.attempts.len(), 1);
        assert_eq!(lenient.rejected[0].id, "mock-wild");
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
