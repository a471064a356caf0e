//! An attempt in progress and after: the items in their display order, the learner's responses
//! (choices, flags, struck options, confidence, time spent), the wall-clock deadline, and the rules of
//! answering ("Choose N" enforced). Plain data with serde, so the app can save it on every change and
//! resume exactly where the learner was; time always comes in as an argument. What a stored or
//! imported attempt must satisfy before use lives in `check`.

use serde::{Deserialize, Serialize};

use crate::bank::{self, Kind, QuestionId};
use crate::blueprint::{ACCOMMODATION_MINUTES, EXAM_MINUTES};

mod check;
mod id;
mod option;

pub use id::{AttemptId, NotAnAttemptId};
pub use option::{Authored, Shown};

pub use check::{Fault, FUTURE_TOLERANCE_MS, MAX_ATTEMPT_ITEMS, MAX_ATTEMPT_MS, MAX_OPEN_MS};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    Diagnostic,
    Mock,
    Practice,
}

impl Mode {
    /// The start of its attempts' ids.
    pub fn prefix(self) -> &'static str {
        match self {
            Mode::Diagnostic => "diagnostic",
            Mode::Mock => "mock",
            Mode::Practice => "practice",
        }
    }

    /// The attempt's kind as the learner reads it.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Diagnostic => "Diagnostic",
            Mode::Mock => "Mock exam",
            Mode::Practice => "Practice",
        }
    }
}

/// How sure the learner says they are; compared with the outcome afterwards (calibration).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Confidence {
    Sure,
    Unsure,
    Guessed,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Confidence::Sure, Confidence::Unsure, Confidence::Guessed];

    /// The word the learner picks and reads back.
    pub fn label(self) -> &'static str {
        match self {
            Confidence::Sure => "Sure",
            Confidence::Unsure => "Unsure",
            Confidence::Guessed => "Guessed",
        }
    }
}

/// One question on the form: which, whether it counts, and the option order shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptItem {
    pub id: QuestionId,
    pub scored: bool,
    /// The authored options in display order: `order[shown]` is what is shown there.
    pub order: Vec<Authored>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// Chosen options, in the order chosen.
    pub chosen: Vec<Authored>,
    pub flagged: bool,
    pub struck: Vec<Authored>,
    pub confidence: Option<Confidence>,
    /// Time spent on this question, summed over visits.
    pub time_ms: f64,
    /// Practice: the learner asked to check this answer and saw the explanations.
    pub checked: bool,
}

/// What a click on an option did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Toggle {
    Chosen,
    Cleared,
    /// A multiple-response question already has its N choices.
    Full,
    /// The attempt is over, or the item is checked or unknown.
    Locked,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub id: AttemptId,
    pub mode: Mode,
    pub items: Vec<AttemptItem>,
    pub responses: Vec<Response>,
    pub current: usize,
    pub started_ms: f64,
    /// When the current question was shown (for per-question time).
    pub entered_ms: f64,
    /// Wall-clock end for timed attempts: a reload or a closed tab does not stop the clock.
    pub deadline_ms: Option<f64>,
    pub submitted_ms: Option<f64>,
    /// Submitted because the time ran out.
    pub timed_out: bool,
}

/// Minutes allowed for a full mock, with or without the accommodation.
pub const fn mock_minutes(accommodation: bool) -> u32 {
    if accommodation {
        EXAM_MINUTES + ACCOMMODATION_MINUTES
    } else {
        EXAM_MINUTES
    }
}

/// Remaining-time warnings, announced once each.
pub const WARNING_MINUTES: [u32; 2] = [15, 5];

impl Attempt {
    pub fn new(
        id: AttemptId,
        mode: Mode,
        items: Vec<AttemptItem>,
        now_ms: f64,
        minutes: Option<u32>,
    ) -> Attempt {
        let responses = vec![Response::default(); items.len()];
        Attempt {
            id,
            mode,
            items,
            responses,
            current: 0,
            started_ms: now_ms,
            entered_ms: now_ms,
            deadline_ms: minutes.map(|m| now_ms + f64::from(m) * 60_000.0),
            submitted_ms: None,
            timed_out: false,
        }
    }

    pub fn is_submitted(&self) -> bool {
        self.submitted_ms.is_some()
    }

    fn kind(&self, index: usize) -> Option<Kind> {
        self.items
            .get(index)
            .and_then(|item| bank::find(item.id))
            .map(|q| q.kind)
    }

    /// Chooses or clears `option` on item `index`: a single-answer question swaps its choice; a
    /// multiple-response question refuses more than N choices.
    pub fn toggle(&mut self, index: usize, option: Authored) -> Toggle {
        let Some(kind) = self.kind(index) else {
            return Toggle::Locked;
        };
        let submitted = self.is_submitted();
        let Some(response) = self.responses.get_mut(index) else {
            return Toggle::Locked;
        };
        if submitted || response.checked {
            return Toggle::Locked;
        }
        if let Some(at) = response.chosen.iter().position(|&o| o == option) {
            response.chosen.remove(at);
            return Toggle::Cleared;
        }
        match kind {
            Kind::Single => response.chosen = vec![option],
            Kind::Multiple(n) if response.chosen.len() >= n as usize => return Toggle::Full,
            Kind::Multiple(_) => response.chosen.push(option),
        }
        // Choosing an option un-strikes it: a struck choice would contradict itself.
        response.struck.retain(|&o| o != option);
        Toggle::Chosen
    }

    pub fn toggle_strike(&mut self, index: usize, option: Authored) {
        if self.is_submitted() {
            return;
        }
        if let Some(r) = self.responses.get_mut(index) {
            match r.struck.iter().position(|&o| o == option) {
                Some(at) => {
                    r.struck.remove(at);
                }
                None => r.struck.push(option),
            }
        }
    }

    pub fn toggle_flag(&mut self, index: usize) {
        if let Some(r) = self.responses.get_mut(index) {
            r.flagged = !r.flagged;
        }
    }

    pub fn set_confidence(&mut self, index: usize, confidence: Option<Confidence>) {
        if let Some(r) = self.responses.get_mut(index) {
            r.confidence = confidence;
        }
    }

    /// Moves to item `index`, booking the time spent on the one being left.
    pub fn go(&mut self, index: usize, now_ms: f64) {
        if index >= self.items.len() {
            return;
        }
        self.book_time(now_ms);
        self.current = index;
    }

    fn book_time(&mut self, now_ms: f64) {
        if !self.is_submitted() {
            let spent = (now_ms - self.entered_ms).max(0.0);
            if let Some(r) = self.responses.get_mut(self.current) {
                r.time_ms += spent;
            }
        }
        self.entered_ms = now_ms;
    }

    pub fn remaining_ms(&self, now_ms: f64) -> Option<f64> {
        self.deadline_ms.map(|d| (d - now_ms).max(0.0))
    }

    pub fn is_expired(&self, now_ms: f64) -> bool {
        self.deadline_ms.is_some_and(|d| now_ms >= d)
    }

    /// Items with no choice at all. (A multiple-response item with fewer than N choices counts as
    /// answered, and as wrong.)
    pub fn unanswered(&self) -> Vec<usize> {
        (0..self.items.len())
            .filter(|&i| self.responses[i].chosen.is_empty())
            .collect()
    }

    pub fn flagged(&self) -> Vec<usize> {
        (0..self.items.len())
            .filter(|&i| self.responses[i].flagged)
            .collect()
    }

    /// Ends the attempt. Time past the deadline is not booked to the last question.
    pub fn submit(&mut self, now_ms: f64, timed_out: bool) {
        if self.is_submitted() {
            return;
        }
        let end = self.deadline_ms.map_or(now_ms, |d| now_ms.min(d));
        self.book_time(end);
        self.submitted_ms = Some(end);
        self.timed_out = timed_out;
    }

    /// Total time used, in milliseconds.
    pub fn time_used_ms(&self, now_ms: f64) -> f64 {
        self.submitted_ms.unwrap_or(now_ms) - self.started_ms
    }

    /// The warning (in minutes) that is due now and has not been given yet.
    pub fn due_warning(&self, now_ms: f64, given: &[u32]) -> Option<u32> {
        let remaining = self.remaining_ms(now_ms)?;
        // A warning given covers every earlier, less urgent one: after "5 minutes", never "15".
        WARNING_MINUTES
            .into_iter()
            .filter(|m| !given.iter().any(|g| g <= m))
            .filter(|&m| remaining <= f64::from(m) * 60_000.0)
            .min()
    }
}

#[cfg(test)]
mod tests;
