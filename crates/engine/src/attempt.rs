//! An attempt in progress and after: the items in their display order, the learner's responses
//! (choices, flags, struck options, confidence, time spent), the wall-clock deadline, and the rules of
//! answering ("Choose N" enforced). Plain data with serde, so the app can save it on every change and
//! resume exactly where the learner was; time always comes in as an argument.

use serde::{Deserialize, Serialize};

use crate::bank::{self, Kind, QuestionId};
use crate::blueprint::{ACCOMMODATION_MINUTES, EXAM_MINUTES};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    Diagnostic,
    Mock,
    Practice,
}

impl Mode {
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
    /// Authored option indices in display order.
    pub order: Vec<u8>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// Chosen options, as authored indices, in the order chosen.
    pub chosen: Vec<u8>,
    pub flagged: bool,
    pub struck: Vec<u8>,
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
    pub id: String,
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

/// Attempt ids are short and plain, so that one read from storage or a file always makes a valid
/// link and can never carry markup.
pub fn is_attempt_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 40 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Why a stored or imported attempt cannot be used. Every field is checked before any code indexes
/// by it, so impossible contents are refused here instead of crashing a page later.
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    BadId,
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
            Fault::BadId => f.write_str("its id is not one this app makes"),
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
fn distinct_below(indices: &[u8], n: usize) -> bool {
    let mut seen = 0u64;
    indices.iter().all(|&i| {
        let fresh = usize::from(i) < n && i < 64 && seen & (1 << i) == 0;
        seen |= 1 << (i % 64);
        fresh
    })
}

/// Remaining-time warnings, announced once each.
pub const WARNING_MINUTES: [u32; 2] = [15, 5];

impl Attempt {
    pub fn new(
        id: String,
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
    pub fn toggle(&mut self, index: usize, option: u8) -> Toggle {
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

    pub fn toggle_strike(&mut self, index: usize, option: u8) {
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

    /// Checks everything a stored or imported attempt claims against the bank and the clock: counts,
    /// option orders, choices, the current question, and times (finite, in order, not in the future).
    pub fn check(&self, now_ms: f64) -> Result<(), Fault> {
        use crate::blueprint::{FORM_ITEMS, SCORED_ITEMS};
        if !is_attempt_id(&self.id) {
            return Err(Fault::BadId);
        }
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
mod tests {
    use super::*;
    use crate::bank::questions;

    fn first(kind_multiple: bool) -> Option<&'static crate::bank::Question> {
        let found = questions()
            .iter()
            .find(|q| matches!(q.kind, Kind::Multiple(_)) == kind_multiple);
        assert!(found.is_some(), "the bank must hold both kinds of question");
        found
    }

    fn attempt_with(q: &'static crate::bank::Question) -> Attempt {
        let order = (0..q.options.len() as u8).collect();
        Attempt::new(
            "t".into(),
            Mode::Mock,
            vec![AttemptItem {
                id: q.id,
                scored: true,
                order,
            }],
            0.0,
            Some(90),
        )
    }

    #[test]
    fn single_answer_swaps_its_choice() {
        let Some(q) = first(false) else { return };
        let mut a = attempt_with(q);
        assert_eq!(a.toggle(0, 1), Toggle::Chosen);
        assert_eq!(a.toggle(0, 2), Toggle::Chosen);
        assert_eq!(a.responses[0].chosen, vec![2]);
        assert_eq!(a.toggle(0, 2), Toggle::Cleared);
        assert!(a.responses[0].chosen.is_empty());
    }

    #[test]
    fn multiple_response_refuses_more_than_n_choices() {
        let Some(q) = first(true) else { return };
        let n = q.kind.choose() as u8;
        let mut a = attempt_with(q);
        for o in 0..n {
            assert_eq!(a.toggle(0, o), Toggle::Chosen);
        }
        assert_eq!(a.toggle(0, n), Toggle::Full);
        assert_eq!(a.responses[0].chosen.len(), n as usize);
        assert_eq!(a.toggle(0, 0), Toggle::Cleared);
        assert_eq!(a.toggle(0, n), Toggle::Chosen);
    }

    #[test]
    fn choosing_unstrikes_and_submitted_attempts_are_locked() {
        let Some(q) = first(false) else { return };
        let mut a = attempt_with(q);
        a.toggle_strike(0, 3);
        assert_eq!(a.responses[0].struck, vec![3]);
        a.toggle(0, 3);
        assert!(a.responses[0].struck.is_empty());
        a.submit(1000.0, false);
        assert_eq!(a.toggle(0, 1), Toggle::Locked);
        assert_eq!(a.responses[0].chosen, vec![3]);
    }

    #[test]
    fn time_is_booked_per_question_and_stops_at_the_deadline() {
        let Some(q) = first(false) else { return };
        let mut a = attempt_with(q);
        a.items.push(a.items[0].clone());
        a.responses.push(Response::default());
        a.go(1, 30_000.0);
        a.go(0, 50_000.0);
        assert_eq!(a.responses[0].time_ms, 30_000.0);
        assert_eq!(a.responses[1].time_ms, 20_000.0);
        let deadline = 90.0 * 60_000.0;
        assert_eq!(a.remaining_ms(deadline - 1.0), Some(1.0));
        assert!(a.is_expired(deadline));
        a.submit(deadline + 600_000.0, true);
        assert_eq!(a.submitted_ms, Some(deadline));
        assert_eq!(a.time_used_ms(0.0), deadline);
        assert!(a.timed_out);
    }

    #[test]
    fn warnings_come_once_each_at_15_and_5_minutes() {
        let Some(q) = first(false) else { return };
        let a = attempt_with(q);
        let at = |minutes_left: f64| 90.0 * 60_000.0 - minutes_left * 60_000.0;
        assert_eq!(a.due_warning(at(20.0), &[]), None);
        assert_eq!(a.due_warning(at(14.0), &[]), Some(15));
        assert_eq!(a.due_warning(at(14.0), &[15]), None);
        assert_eq!(a.due_warning(at(4.0), &[15]), Some(5));
        // Returning after both thresholds passed gives the most urgent one, and only it.
        assert_eq!(a.due_warning(at(4.0), &[]), Some(5));
        assert_eq!(a.due_warning(at(4.0), &[5]), None);
    }

    #[test]
    fn a_stored_attempt_with_impossible_contents_is_refused() {
        let Some(q) = first(false) else { return };
        let now = 1_800_000_000_000.0;
        let mut good = attempt_with(q);
        good.mode = Mode::Practice;
        good.started_ms = now - 60_000.0;
        good.entered_ms = good.started_ms;
        good.deadline_ms = None;
        assert_eq!(good.check(now), Ok(()));
        type Breakage = (&'static str, fn(&mut Attempt), Fault);
        let broken: Vec<Breakage> = vec![
            (
                "fewer responses",
                |a| a.responses.clear(),
                Fault::ResponseCount {
                    items: 1,
                    responses: 0,
                },
            ),
            (
                "order repeats",
                |a| a.items[0].order[1] = a.items[0].order[0],
                Fault::BadOrder(a_id()),
            ),
            (
                "order too short",
                |a| {
                    a.items[0].order.pop();
                },
                Fault::BadOrder(a_id()),
            ),
            (
                "choice out of range",
                |a| a.responses[0].chosen = vec![9],
                Fault::BadChoice(a_id()),
            ),
            (
                "struck out of range",
                |a| a.responses[0].struck = vec![200],
                Fault::BadChoice(a_id()),
            ),
            (
                "current out of range",
                |a| a.current = 3,
                Fault::CurrentOutOfRange(3),
            ),
            (
                "future",
                |a| a.started_ms += 10.0 * 86_400_000.0,
                Fault::InTheFuture,
            ),
            (
                "not finite",
                |a| a.started_ms = f64::NAN,
                Fault::BadTime("start"),
            ),
            (
                "ends before it starts",
                |a| a.submitted_ms = Some(1.0),
                Fault::BadTime("end"),
            ),
            ("markup in the id", |a| a.id = "<b>".into(), Fault::BadId),
            (
                "unknown question",
                |a| a.items[0].id = "4.3-999".parse().unwrap(),
                Fault::UnknownQuestion("4.3-999".parse().unwrap()),
            ),
            (
                "a mock of one question",
                |a| a.mode = Mode::Mock,
                Fault::NotAMockForm,
            ),
        ];
        fn a_id() -> QuestionId {
            first(false).map(|q| q.id).unwrap()
        }
        for (what, breaks, fault) in broken {
            let mut a = good.clone();
            breaks(&mut a);
            assert_eq!(a.check(now), Err(fault), "{what}");
        }
    }

    #[test]
    fn accommodation_adds_thirty_minutes() {
        assert_eq!(mock_minutes(false), 90);
        assert_eq!(mock_minutes(true), 120);
    }
}
