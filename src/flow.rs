//! The one home of an attempt's life: starting attempts of each kind, answering a diagnostic,
//! finishing (filing into the history), and expiring a timed attempt whose clock ran out, wherever
//! the learner is in the app. Pages only render and call these; the rules are the engine's.

use engine::attempt::{mock_minutes, Attempt, AttemptId, Mode};
use engine::bank;
use engine::report::is_correct;
use leptos::prelude::*;

use crate::route::Route;
use crate::state::{ActiveState, ProgressState};
use crate::store::progress::{AttemptRecord, Progress, Summary};

pub use crate::engine_bridge::{missed, PracticeSpec};

/// The real exam's pace: 90 minutes for 65 questions, about 83 seconds each.
pub fn timed_minutes(count: usize) -> u32 {
    ((count as f64 * 90.0 / 65.0).ceil() as u32).max(1)
}

/// A fresh attempt id for an attempt of `mode` started now.
pub fn new_attempt_id(mode: Mode, now_ms: f64) -> AttemptId {
    let mut bytes = [0u8; 3];
    let _ = getrandom::fill(&mut bytes);
    AttemptId::new(mode, now_ms, bytes)
}

pub fn random_seed() -> u64 {
    let mut bytes = [0u8; 8];
    let _ = getrandom::fill(&mut bytes);
    u64::from_le_bytes(bytes)
}

/// A full mock: 65 questions by domain weight, 15 unscored, options shuffled.
pub fn new_mock(progress: &Progress, accommodation: bool, now_ms: f64) -> Result<Attempt, String> {
    let items = crate::engine_bridge::mock_items(progress, random_seed())?;
    Ok(Attempt::new(
        new_attempt_id(Mode::Mock, now_ms),
        Mode::Mock,
        items,
        now_ms,
        Some(mock_minutes(accommodation)),
    ))
}

/// A diagnostic with its first adaptive question.
pub fn new_diagnostic(now_ms: f64) -> Attempt {
    let mut attempt = Attempt::new(
        new_attempt_id(Mode::Diagnostic, now_ms),
        Mode::Diagnostic,
        vec![],
        now_ms,
        None,
    );
    engine::adaptive::advance(&mut attempt, now_ms);
    attempt
}

/// A practice set as specified, timed at the exam's pace when asked.
pub fn new_practice(
    spec: &PracticeSpec,
    progress: &Progress,
    now_ms: f64,
) -> Result<Attempt, String> {
    let today = engine::schedule::day_of(now_ms);
    let items = crate::engine_bridge::practice_items(spec, progress, random_seed(), today)?;
    let minutes = spec.timed.then(|| timed_minutes(items.len()));
    Ok(Attempt::new(
        new_attempt_id(Mode::Practice, now_ms),
        Mode::Practice,
        items,
        now_ms,
        minutes,
    ))
}

/// Makes `attempt` this tab's attempt in progress.
pub fn start(active: ActiveState, attempt: Attempt) {
    active.owned.set(true);
    active.attempt.set(Some(attempt));
}

/// The diagnostic's "Next": the answer is final, the next adaptive question follows, and after the
/// last one the diagnostic is filed.
pub fn answer_diagnostic(active: ActiveState, progress: ProgressState, now_ms: f64) {
    active.attempt.update(|a| {
        if let Some(a) = a.as_mut() {
            if let Some(r) = a.responses.get_mut(a.current) {
                r.checked = true;
            }
            engine::adaptive::advance(a, now_ms);
        }
    });
    finish(active, progress);
}

/// Files the active attempt once it is submitted, and opens its results.
pub fn finish(active: ActiveState, progress: ProgressState) {
    let Some(attempt) = active.attempt.get_untracked().filter(|a| a.is_submitted()) else {
        return;
    };
    let mut id = None;
    progress.0.update(|p| id = Some(file_attempt(p, attempt)));
    active.attempt.set(None);
    if let Some(id) = id {
        let _ = window().location().set_hash(&Route::Results(id).href());
    }
}

/// A timed attempt whose deadline has passed is submitted and filed, whatever page is open (or
/// on return, when the time ran out while the app was closed). Only the owning tab does this.
pub fn expire_if_due(active: ActiveState, progress: ProgressState, now_ms: f64) {
    let expired = active.owned.get_untracked()
        && active.attempt.with_untracked(|a| {
            a.as_ref()
                .is_some_and(|a| !a.is_submitted() && a.is_expired(now_ms))
        });
    if expired {
        active.attempt.update(|a| {
            if let Some(a) = a.as_mut() {
                a.submit(now_ms, true);
            }
        });
        finish(active, progress);
    }
}

/// Files a finished attempt into the history and updates the seen counts and the review drill.
pub fn file_attempt(progress: &mut Progress, attempt: Attempt) -> AttemptId {
    // Counted before this attempt's questions are booked as seen.
    let seen_before = attempt
        .items
        .iter()
        .filter(|i| i.scored && progress.seen_count(i.id) > 0)
        .count();
    let today = engine::schedule::day_of(attempt.submitted_ms.unwrap_or(attempt.started_ms));
    for (item, response) in attempt.items.iter().zip(&attempt.responses) {
        let right = bank::find(item.id).is_some_and(|q| is_correct(q, &response.chosen));
        let rating = engine::schedule::rating_of(right, response.confidence);
        progress.review.record(item.id, rating, today);
        let seen = progress.seen.get_or_insert_with(item.id, Default::default);
        seen.shown += 1;
        if right {
            seen.correct += 1;
        }
    }
    let mut summary = Summary::of(&attempt);
    summary.seen_before = seen_before;
    let id = summary.id.clone();
    progress.attempts.push(AttemptRecord {
        summary,
        detail: Some(attempt),
    });
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::bank::QuestionId;

    #[test]
    fn practice_is_timed_at_the_exams_pace() {
        assert_eq!(timed_minutes(65), 90);
        assert_eq!(timed_minutes(10), 14);
        assert_eq!(timed_minutes(0), 1);
    }

    #[test]
    fn the_review_drill_practises_exactly_the_questions_due() {
        use engine::schedule::Rating;
        let mut p = Progress::default();
        let id = |s: &str| s.parse::<QuestionId>().unwrap();
        p.review.record(id("2.3-001"), Rating::Again, 100);
        p.review.record(id("1.1-002"), Rating::Again, 99);
        p.review.record(id("3.1-001"), Rating::Again, 101);
        let spec = PracticeSpec {
            count: 2,
            due_only: true,
            ..PracticeSpec::default()
        };
        let day_101 = 101.5 * 86_400_000.0;
        let attempt = new_practice(&spec, &p, day_101).unwrap();
        let mut ids: Vec<QuestionId> = attempt.items.iter().map(|i| i.id).collect();
        ids.sort();
        assert_eq!(ids, vec![id("1.1-002"), id("2.3-001")]);
    }

    #[test]
    fn a_filed_attempt_counts_as_seen_and_misses_go_to_the_drill() {
        let mut p = Progress::default();
        let mut a = new_diagnostic(1e12);
        a.submit(1e12 + 1000.0, false);
        let id = file_attempt(&mut p, a.clone());
        assert_eq!(p.attempt(&id).map(|r| r.summary.items), Some(1));
        assert_eq!(p.seen_count(a.items[0].id), 1);
        assert_eq!(missed(&p), vec![a.items[0].id], "a blank answer is a miss");
        let today = engine::schedule::day_of(1e12 + 1000.0);
        assert_eq!(
            p.review.cards[&a.items[0].id],
            engine::schedule::Card::new(engine::schedule::Rating::Again, today),
            "and enters the review drill rated Again"
        );
    }
}
