//! What a stored or imported attempt must satisfy before any code indexes by it: an id this app
//! makes, counts within limits, option orders and choices that fit the bank's questions, and times
//! that are finite, in order and not in the future. A failure names the fault in words.

use super::{Attempt, Authored, Mode};
use crate::bank::{self, QuestionId};

/// The most items any attempt holds (a mock has 65; a practice set of every due question is capped
/// here too). A stored or imported attempt with more is refused.
pub const MAX_ATTEMPT_ITEMS: usize = 200;
/// How far in the future a stored time may lie before it is refused: clocks drift and jump, but an
/// attempt dated days ahead would stay "latest" for ever.
pub const FUTURE_TOLERANCE_MS: f64 = 86_400_000.0;
/// The longest any attempt's clock may run (a 200-question timed practice set takes under 5 hours).
pub const MAX_ATTEMPT_MS: f64 = 6.0 * 3_600_000.0;
/// The longest an untimed attempt may stay open before it is submitted.
pub const MAX_OPEN_MS: f64 = 30.0 * 86_400_000.0;

/// Why a stored or imported attempt cannot be used. Every field is checked before any code indexes
/// by it, so impossible contents are refused here instead of crashing a page later.
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    ItemCount(usize),
    ResponseCount { items: usize, responses: usize },
    UnknownQuestion(QuestionId),
    BadOrder(QuestionId),
    BadChoice(QuestionId),
    CurrentOutOfRange(usize),
    BadTime(&'static str),
    InTheFuture,
    NotAMockForm,
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Fault::ItemCount(n) => {
                write!(f, "it has {n} questions (1 to {MAX_ATTEMPT_ITEMS} allowed)")
            }
            Fault::ResponseCount { items, responses } => {
                write!(f, "it has {responses} answers for {items} questions")
            }
            Fault::UnknownQuestion(id) => write!(f, "question {id} is not in this app's bank"),
            Fault::BadOrder(id) => write!(
                f,
                "the option order of question {id} is not a shuffle of its options"
            ),
            Fault::BadChoice(id) => write!(
                f,
                "an answer to question {id} names an option it does not have"
            ),
            Fault::CurrentOutOfRange(i) => write!(f, "it points at question {} of fewer", i + 1),
            Fault::BadTime(what) => write!(f, "its {what} is impossible"),
            Fault::InTheFuture => f.write_str("it is dated in the future"),
            Fault::NotAMockForm => {
                f.write_str("a mock exam must have the exam's 65 questions, 50 of them scored")
            }
        }
    }
}

/// Option indices that are in range for `n` options and appear at most once.
fn distinct_below(indices: &[Authored], n: usize) -> bool {
    let mut seen = 0u64;
    indices.iter().all(|&Authored(i)| {
        let fresh = usize::from(i) < n && i < 64 && seen & (1 << i) == 0;
        seen |= 1 << (i % 64);
        fresh
    })
}

impl Attempt {
    /// Checks everything a stored or imported attempt claims against the bank and the clock: counts,
    /// option orders, choices, the current question, and times (finite, in order, not in the future).
    pub fn check(&self, now_ms: f64) -> Result<(), Fault> {
        use crate::blueprint::{FORM_ITEMS, SCORED_ITEMS};
        let n = self.items.len();
        if n == 0 || n > MAX_ATTEMPT_ITEMS {
            return Err(Fault::ItemCount(n));
        }
        if self.responses.len() != n {
            return Err(Fault::ResponseCount {
                items: n,
                responses: self.responses.len(),
            });
        }
        if self.mode == Mode::Mock
            && (n != FORM_ITEMS || self.items.iter().filter(|i| i.scored).count() != SCORED_ITEMS)
        {
            return Err(Fault::NotAMockForm);
        }
        for (item, response) in self.items.iter().zip(&self.responses) {
            let q = bank::find(item.id).ok_or(Fault::UnknownQuestion(item.id))?;
            let options = q.options.len();
            if item.order.len() != options || !distinct_below(&item.order, options) {
                return Err(Fault::BadOrder(item.id));
            }
            if response.chosen.len() > q.kind.choose()
                || !distinct_below(&response.chosen, options)
                || !distinct_below(&response.struck, options)
            {
                return Err(Fault::BadChoice(item.id));
            }
            if !(response.time_ms.is_finite() && (0.0..=MAX_ATTEMPT_MS).contains(&response.time_ms))
            {
                return Err(Fault::BadTime("time on a question"));
            }
        }
        if self.current >= n {
            return Err(Fault::CurrentOutOfRange(self.current));
        }
        let start = self.started_ms;
        if !(start.is_finite() && start > 0.0 && self.entered_ms.is_finite()) {
            return Err(Fault::BadTime("start"));
        }
        if start > now_ms + FUTURE_TOLERANCE_MS {
            return Err(Fault::InTheFuture);
        }
        if let Some(deadline) = self.deadline_ms {
            if !(deadline.is_finite() && deadline > start && deadline - start <= MAX_ATTEMPT_MS) {
                return Err(Fault::BadTime("deadline"));
            }
        }
        if let Some(end) = self.submitted_ms {
            let within_deadline = self.deadline_ms.is_none_or(|d| end <= d);
            if !(end.is_finite() && end >= start && end - start <= MAX_OPEN_MS && within_deadline) {
                return Err(Fault::BadTime("end"));
            }
        }
        Ok(())
    }
}
