//! The one place where pages turn learner actions into engine calls: starting attempts of each
//! kind, finishing them into history summaries, and the per-question bookkeeping that follows.

use engine::attempt::{mock_minutes, Attempt, Mode};
use engine::bank::{self, QuestionId};

use crate::store::progress::{AttemptRecord, Progress};
use engine::report::is_correct;

/// A fresh attempt id: time-ordered and unique enough for one learner's browser.
pub fn new_attempt_id(prefix: &str, now_ms: f64) -> String {
    let mut bytes = [0u8; 3];
    let _ = getrandom::fill(&mut bytes);
    format!(
        "{prefix}-{:x}-{:02x}{:02x}{:02x}",
        now_ms as u64, bytes[0], bytes[1], bytes[2]
    )
}

pub fn random_seed() -> u64 {
    let mut bytes = [0u8; 8];
    let _ = getrandom::fill(&mut bytes);
    u64::from_le_bytes(bytes)
}

/// Starts a full mock: 65 questions by domain weight, 15 unscored, options shuffled.
pub fn start_mock(
    progress: &Progress,
    accommodation: bool,
    now_ms: f64,
) -> Result<Attempt, String> {
    let items = crate::engine_bridge::mock_items(progress, random_seed())?;
    Ok(Attempt::new(
        new_attempt_id("mock", now_ms),
        Mode::Mock,
        items,
        now_ms,
        Some(mock_minutes(accommodation)),
    ))
}

/// Files a finished attempt into the history and updates the seen counts.
pub fn file_attempt(progress: &mut Progress, attempt: Attempt) -> String {
    let today = engine::schedule::day_of(attempt.submitted_ms.unwrap_or(attempt.started_ms));
    for (item, response) in attempt.items.iter().zip(&attempt.responses) {
        let right = bank::find(item.id).is_some_and(|q| is_correct(q, &response.chosen));
        let lucky = right && response.confidence == Some(engine::attempt::Confidence::Guessed);
        progress.review.record(item.id, right, lucky, today);
        let seen = progress.seen.get_or_insert_with(item.id, Default::default);
        seen.shown += 1;
        if right {
            seen.correct += 1;
        }
    }
    let summary = crate::engine_bridge::summarize(&attempt);
    let id = summary.id.clone();
    progress.attempts.push(AttemptRecord {
        summary,
        detail: Some(attempt),
    });
    id
}

/// Question ids the learner has answered wrongly in their most recent sighting (for re-drills).
pub fn missed(progress: &Progress) -> Vec<QuestionId> {
    let mut last: engine::idmap::IdMap<bool> = Default::default();
    for record in &progress.attempts {
        if let Some(detail) = &record.detail {
            for (item, response) in detail.items.iter().zip(&detail.responses) {
                let right = bank::find(item.id).is_some_and(|q| is_correct(q, &response.chosen));
                last.insert(item.id, right);
            }
        }
    }
    last.into_iter()
        .filter(|(_, right)| !right)
        .map(|(id, _)| id)
        .collect()
}
