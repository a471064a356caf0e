//! Reading a history someone could have changed (this browser's storage or an import file): each
//! attempt decoded and checked on its own, every figure its answers give recomputed, and whatever
//! fails set aside with its reason instead of crashing a page later.

use engine::attempt::{AttemptId, Fault, Mode, FUTURE_TOLERANCE_MS, MAX_OPEN_MS};
use engine::bank::{self, QuestionId};
use engine::blueprint::FORM_ITEMS;
use engine::flashcards::Deck;
use engine::schedule::ReviewQueue;
use serde_json::Value;

use super::{AttemptRecord, Facts, Outcome, Progress, Summary};

/// The most attempts a history, or an import file, may hold: years of daily practice.
pub const MAX_ATTEMPTS: usize = 3000;

/// Which part of a history failed its checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Attempt,
    ReviewCard,
    Flashcard,
}

impl Part {
    /// Its name in a notice.
    pub fn label(self) -> &'static str {
        match self {
            Part::Attempt => "attempt",
            Part::ReviewCard => "review card",
            Part::Flashcard => "flashcard",
        }
    }

    /// Its name in the key of its set-aside copy.
    pub fn key(self) -> &'static str {
        match self {
            Part::Attempt => "attempt",
            Part::ReviewCard => "review",
            Part::Flashcard => "flashcard",
        }
    }
}

/// An attempt or review card that failed its checks. It is set aside with the reason, never
/// dropped silently.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    pub part: Part,
    /// The attempt's id when it is a plain one (safe to show), else a placeholder; a card's
    /// question id.
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
                id: self.summary.id.clone(),
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

/// Why a stored review or flashcard state cannot be used: the model could not have produced it, or
/// its last review is still to come.
fn card_fault(card: &engine::schedule::Card, now_ms: f64) -> Option<&'static str> {
    let latest_day = engine::schedule::day_of(now_ms + FUTURE_TOLERANCE_MS);
    card.implausible()
        .or_else(|| (card.last_day > latest_day).then_some("its last review is in the future"))
}

/// Takes out of the queue, as set aside, each card whose state the model could not have produced or
/// whose last review is still to come.
fn set_aside_implausible_cards(queue: &mut ReviewQueue, now_ms: f64, out: &mut Vec<Rejected>) {
    let faults: Vec<(QuestionId, &str)> = queue
        .cards
        .iter()
        .filter_map(|(id, card)| card_fault(card, now_ms).map(|f| (*id, f)))
        .collect();
    for (id, reason) in faults {
        let Some(card) = queue.cards.remove(id) else {
            continue;
        };
        out.push(Rejected {
            part: Part::ReviewCard,
            id: id.to_string(),
            reason: reason.into(),
            raw: serde_json::to_string(&card).unwrap_or_default(),
        });
    }
}

/// The same for the flashcards' deck, which also drops the cards of services no longer in the
/// catalogue and puts the deck in order (a file may list it in any order).
fn set_aside_implausible_flashcards(deck: &mut Deck, now_ms: f64, out: &mut Vec<Rejected>) {
    deck.tidy(Deck::is_known);
    deck.cards.retain(|(key, card)| {
        let fault = card_fault(card, now_ms);
        if let Some(reason) = fault {
            out.push(Rejected {
                part: Part::Flashcard,
                id: key.clone(),
                reason: reason.into(),
                raw: serde_json::to_string(card).unwrap_or_default(),
            });
        }
        fault.is_none()
    });
}

/// Reads a progress record's data attempt by attempt: each attempt is decoded and checked on its
/// own, so one impossible attempt is set aside while the rest of the history stays; so is each
/// impossible review card. Questions no longer in the bank leave the seen counts and the queue.
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
    // A tombstone that is not an attempt id can name no attempt: drop it rather than the history.
    if let Some(Value::Array(ids)) = fields.get_mut("deleted") {
        ids.retain(|id| id.as_str().is_some_and(|id| AttemptId::parse(id).is_ok()));
    }
    let mut progress: Progress = serde_json::from_value(Value::Object(fields))
        .map_err(|e| format!("unexpected content ({e})"))?;
    progress.seen.retain_ids(|id| bank::find(id).is_some());
    progress
        .review
        .cards
        .retain_ids(|id| bank::find(id).is_some());
    let mut rejected = Vec::new();
    set_aside_implausible_cards(&mut progress.review, now_ms, &mut rejected);
    set_aside_implausible_flashcards(&mut progress.flashcards, now_ms, &mut rejected);
    for value in attempts {
        let raw = serde_json::to_string(&value).unwrap_or_default();
        let id = value
            .pointer("/summary/id")
            .and_then(Value::as_str)
            .filter(|id| engine::attempt::AttemptId::parse(id).is_ok())
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
            Err(reason) => rejected.push(Rejected {
                part: Part::Attempt,
                id,
                reason,
                raw,
            }),
        }
    }
    engine::order::sort_by_key_f64(&mut progress.attempts, |a| a.summary.started_ms);
    Ok(Checked { progress, rejected })
}
