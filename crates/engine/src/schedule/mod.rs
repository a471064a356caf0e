//! The review drill: spaced repetition with FSRS-6 (see `fsrs`), in whole days. Days are numbers
//! passed in (`day_of`), so schedules are reproducible.
//!
//! Each answer is rated from its correctness and the learner's confidence (`rating_of`):
//! - wrong (or left blank): Again;
//! - right, marked "Guessed": Hard;
//! - right, marked "Unsure", or with no confidence given: Good;
//! - right, marked "Sure": Easy.
//!
//! A missed question, or one answered right by a guess (Again or Hard), enters the queue; a
//! question in the queue is updated by every answer, early ones included (FSRS weighs a review by
//! how much was forgotten since the last one). A right answer on the day of the card's last review
//! changes nothing: the learner may just have read its explanation, and FSRS's same-day formula
//! would let it raise the stability. A wrong or guessed one counts, and only lowers it. A question
//! leaves the queue once its next review is more than `GRADUATE_DAYS` away.

use serde::{Deserialize, Serialize};

use crate::attempt::Confidence;
use crate::bank::QuestionId;
use crate::idmap::IdMap;

pub mod fsrs;
pub mod target;

pub use fsrs::Rating;
use fsrs::{interval_days, Memory};

/// A question graduates when its next review would be more than this many days away: recall is
/// still 90 % four months on, past the span of any study plan here (the schedule looks at most 60
/// days ahead), so reviewing it again would be for the long term, not for the exam.
pub const GRADUATE_DAYS: i64 = 120;
const DAY_MS: f64 = 86_400_000.0;

/// The day number of a wall-clock time (days since the Unix epoch, in UTC).
pub fn day_of(ms: f64) -> i64 {
    (ms / DAY_MS).floor() as i64
}

/// The rating of one answer (see the module documentation).
pub fn rating_of(correct: bool, confidence: Option<Confidence>) -> Rating {
    match (correct, confidence) {
        (false, _) => Rating::Again,
        (true, Some(Confidence::Guessed)) => Rating::Hard,
        (true, Some(Confidence::Unsure) | None) => Rating::Good,
        (true, Some(Confidence::Sure)) => Rating::Easy,
    }
}

/// Stability and difficulty are kept to six decimals, so that what is stored reads back as the
/// same numbers (the app's rule for every fraction it stores) and the schedule carries on the same.
fn stored(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// One question's state in the queue.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// Days until predicted recall falls to 90 %.
    pub stability: f64,
    /// 1 (easy) to 10 (hard).
    pub difficulty: f64,
    pub due_day: i64,
    /// The day of the last review that counted.
    pub last_day: i64,
    /// Reviews that counted, the first included.
    pub reps: u32,
    /// Wrong answers after the first.
    pub lapses: u32,
}

impl Card {
    /// A card first reviewed `today` with `rating`.
    pub fn new(rating: Rating, today: i64) -> Card {
        let mut card = Card {
            stability: 0.0,
            difficulty: 0.0,
            due_day: today,
            last_day: today,
            reps: 0,
            lapses: 0,
        };
        card.set(Memory::first(rating), today);
        card
    }

    pub fn memory(&self) -> Memory {
        Memory {
            stability: self.stability,
            difficulty: self.difficulty,
        }
    }

    /// Books a review on `today`, whatever the day.
    pub(crate) fn review(&mut self, rating: Rating, today: i64) {
        let memory = self.memory().after(rating, (today - self.last_day).max(0));
        self.lapses += u32::from(rating == Rating::Again);
        self.set(memory, today);
    }

    fn set(&mut self, memory: Memory, today: i64) {
        self.stability = stored(memory.stability);
        self.difficulty = stored(memory.difficulty);
        self.last_day = today;
        self.due_day = today + interval_days(self.stability);
        self.reps += 1;
    }

    pub(crate) fn graduated(&self) -> bool {
        self.due_day - self.last_day > GRADUATE_DAYS
    }

    /// Why this card cannot be a real one, if it cannot: the ranges the model keeps to.
    pub fn implausible(&self) -> Option<&'static str> {
        if !(self.stability.is_finite() && self.stability >= fsrs::STABILITY_MIN) {
            Some("its stability is not a positive number of days")
        } else if !(fsrs::DIFFICULTY_MIN..=fsrs::DIFFICULTY_MAX).contains(&self.difficulty) {
            Some("its difficulty is not between 1 and 10")
        } else if self.last_day < 0 {
            Some("its last review is before 1970")
        } else if !self
            .due_day
            .checked_sub(self.last_day)
            .is_some_and(|gap| (0..=fsrs::MAX_INTERVAL_DAYS).contains(&gap))
        {
            Some("it falls due before its last review or too far after it")
        } else {
            None
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReviewQueue {
    pub cards: IdMap<Card>,
}

impl ReviewQueue {
    /// Books one answer given on `today` (see the module documentation for who enters and leaves).
    pub fn record(&mut self, id: QuestionId, rating: Rating, today: i64) {
        let Some(card) = self.cards.get_mut(id) else {
            if rating <= Rating::Hard {
                self.cards.insert(id, Card::new(rating, today));
            }
            return;
        };
        if today <= card.last_day && rating >= Rating::Good {
            return;
        }
        card.review(rating, today);
        if card.graduated() {
            self.cards.remove(id);
        }
    }

    /// Questions due on `today` or overdue, most overdue first.
    pub fn due(&self, today: i64) -> Vec<QuestionId> {
        let mut due: Vec<(i64, QuestionId)> = self
            .cards
            .iter()
            .filter(|(_, c)| c.due_day <= today)
            .map(|(id, c)| (c.due_day, *id))
            .collect();
        // Same day: by question id, as the map yielded them (the sort is stable).
        crate::order::sort_by_key_f64(&mut due, |d| d.0 as f64);
        due.into_iter().map(|(_, id)| id).collect()
    }

    /// How many reviews fall due on each of the next `days` days (day 0 includes the overdue ones),
    /// assuming each is answered Good when due.
    pub fn forecast(&self, today: i64, days: usize) -> Vec<usize> {
        let mut counts = vec![0; days];
        for card in self.cards.values() {
            upcoming(card, today, today + days as i64, |day| {
                counts[(day - today) as usize] += 1
            });
        }
        counts
    }

    /// The reviews expected from `today` up to the day before `exam_day` (today's alone when the
    /// exam is today or past), each answered Good when due: the work a daily target spreads out.
    pub fn reviews_until(&self, today: i64, exam_day: i64) -> usize {
        let end = exam_day.max(today + 1);
        let mut total = 0;
        for card in self.cards.values() {
            upcoming(card, today, end, |_| total += 1);
        }
        total
    }
}

/// Calls `visit` with each day before `end` on which `card` falls due (from `today`, overdue
/// reviews on `today`), each review answered Good, until it graduates.
fn upcoming(card: &Card, today: i64, end: i64, mut visit: impl FnMut(i64)) {
    let mut card = *card;
    let mut day = card.due_day.max(today);
    // Each review moves the due day on by at least one day, so this ends.
    while day < end {
        visit(day);
        card.review(Rating::Good, day);
        if card.graduated() {
            break;
        }
        day = card.due_day;
    }
}

#[cfg(test)]
mod tests;
