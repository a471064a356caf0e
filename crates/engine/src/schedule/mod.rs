//! The review drill: spaced repetition with Leitner boxes. A missed question (or one answered right
//! by a lucky guess) enters box 1 and comes back the next day; each correct review moves it up a box
//! and spaces it out (1, 2, 4, 8, 16 days); a wrong one sends it back to box 1; after the last box
//! it leaves the queue. Days are whole numbers passed in, so schedules are reproducible.

use serde::{Deserialize, Serialize};

use crate::bank::QuestionId;
use crate::idmap::IdMap;

pub mod fsrs;

/// Days until the next review, by box.
pub const INTERVALS_DAYS: [i64; 5] = [1, 2, 4, 8, 16];
const DAY_MS: f64 = 86_400_000.0;

/// The day number of a wall-clock time (days since the Unix epoch, in UTC).
pub fn day_of(ms: f64) -> i64 {
    (ms / DAY_MS).floor() as i64
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// 0-based Leitner box.
    pub level: u8,
    pub due_day: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewQueue {
    pub cards: IdMap<Card>,
}

impl ReviewQueue {
    /// Books one answer. `lucky` marks a right answer the learner said was a guess.
    pub fn record(&mut self, id: QuestionId, correct: bool, lucky: bool, today: i64) {
        if !correct || lucky {
            self.cards.insert(
                id,
                Card {
                    level: 0,
                    due_day: today + INTERVALS_DAYS[0],
                },
            );
            return;
        }
        let Some(card) = self.cards.get_mut(id) else {
            return;
        };
        // Answering early (before it is due) does not move it up: spacing is the point.
        if today < card.due_day {
            return;
        }
        let next = card.level as usize + 1;
        if next >= INTERVALS_DAYS.len() {
            self.cards.remove(id);
        } else {
            *card = Card {
                level: next as u8,
                due_day: today + INTERVALS_DAYS[next],
            };
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
    /// assuming each is answered right when due.
    pub fn forecast(&self, today: i64, days: usize) -> Vec<usize> {
        let mut counts = vec![0; days];
        for card in self.cards.values() {
            let (mut level, mut due) = (card.level as usize, card.due_day.max(today));
            while due < today + days as i64 {
                counts[(due - today) as usize] += 1;
                level += 1;
                let Some(gap) = INTERVALS_DAYS.get(level) else {
                    break;
                };
                due += gap;
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> QuestionId {
        s.parse().unwrap()
    }

    #[test]
    fn a_miss_comes_back_tomorrow_and_correct_answers_space_it_out() {
        let mut q = ReviewQueue::default();
        q.record(id("2.3-001"), false, false, 100);
        assert_eq!(q.due(100), vec![]);
        assert_eq!(q.due(101), vec![id("2.3-001")]);
        let mut day = 101;
        for gap in &INTERVALS_DAYS[1..] {
            q.record(id("2.3-001"), true, false, day);
            day += gap;
            assert_eq!(q.cards[&id("2.3-001")].due_day, day);
        }
        q.record(id("2.3-001"), true, false, day);
        assert!(q.cards.is_empty(), "it graduates after the last box");
    }

    #[test]
    fn a_wrong_review_goes_back_to_box_one() {
        let mut q = ReviewQueue::default();
        q.record(id("1.1-002"), false, false, 0);
        q.record(id("1.1-002"), true, false, 1);
        q.record(id("1.1-002"), true, false, 3);
        assert_eq!(q.cards[&id("1.1-002")].level, 2);
        q.record(id("1.1-002"), false, false, 7);
        assert_eq!(
            q.cards[&id("1.1-002")],
            Card {
                level: 0,
                due_day: 8
            }
        );
    }

    #[test]
    fn lucky_guesses_enter_the_queue_and_unknown_right_answers_do_not() {
        let mut q = ReviewQueue::default();
        q.record(id("4.1-003"), true, true, 5);
        q.record(id("4.1-004"), true, false, 5);
        assert_eq!(
            q.cards.keys().copied().collect::<Vec<_>>(),
            vec![id("4.1-003")]
        );
    }

    #[test]
    fn early_answers_do_not_advance_and_the_forecast_counts_each_due_day() {
        let mut q = ReviewQueue::default();
        q.record(id("3.3-001"), false, false, 10);
        q.record(id("3.3-001"), true, false, 10);
        assert_eq!(q.cards[&id("3.3-001")].level, 0);
        // Due on day 11, then 13, then 17 if answered right each time.
        assert_eq!(q.forecast(10, 8), vec![0, 1, 0, 1, 0, 0, 0, 1]);
        assert_eq!(q.forecast(12, 1), vec![1], "overdue reviews count today");
    }

    #[test]
    fn days_are_utc_calendar_days() {
        assert_eq!(day_of(0.0), 0);
        assert_eq!(day_of(DAY_MS - 1.0), 0);
        assert_eq!(day_of(DAY_MS * 3.5), 3);
    }
}
