//! The queue against the reference scheduler. Expected values marked "py-fsrs" come from
//! open-spaced-repetition/py-fsrs 6.3.1, fsrs/scheduler.py: `Scheduler(learning_steps=(),
//! relearning_steps=(), enable_fuzzing=False)` (whole days only, as here), each `review_card` on
//! the stated day; due days, stability and difficulty as it returned them, rounded to 6 decimals.

use super::*;
use crate::attempt::Confidence;
use Rating::*;

fn id(s: &str) -> QuestionId {
    s.parse().unwrap()
}

/// (due day, stability, difficulty) of a card.
fn state(q: &ReviewQueue, qid: &str) -> (i64, f64, f64) {
    let c = q.cards[&id(qid)];
    (c.due_day, c.stability, c.difficulty)
}

fn assert_state(got: (i64, f64, f64), want: (i64, f64, f64)) {
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-5 * b;
    assert!(
        got.0 == want.0 && close(got.1, want.1) && close(got.2, want.2),
        "{got:?} != {want:?}"
    );
}

#[test]
fn confidence_decides_the_rating_of_a_right_answer() {
    assert_eq!(rating_of(false, Some(Confidence::Sure)), Again);
    assert_eq!(rating_of(false, None), Again);
    assert_eq!(rating_of(true, Some(Confidence::Guessed)), Hard);
    assert_eq!(rating_of(true, Some(Confidence::Unsure)), Good);
    assert_eq!(rating_of(true, None), Good);
    assert_eq!(rating_of(true, Some(Confidence::Sure)), Easy);
}

#[test]
fn misses_and_guesses_enter_the_queue_and_known_answers_do_not() {
    let mut q = ReviewQueue::default();
    q.record(id("4.1-003"), Hard, 5);
    q.record(id("4.1-004"), Good, 5);
    q.record(id("4.1-005"), Easy, 5);
    q.record(id("4.1-006"), Again, 5);
    let ids: Vec<_> = q.cards.keys().copied().collect();
    assert_eq!(ids, vec![id("4.1-003"), id("4.1-006")]);
    assert_eq!(q.cards[&id("4.1-006")], Card::new(Again, 5));
    assert_eq!(q.cards[&id("4.1-006")].reps, 1);
}

#[test]
fn a_miss_answered_good_when_due_follows_the_reference_then_graduates() {
    // py-fsrs: Again on day 0, then Good on each due day.
    let want = [
        (1, 0.212, 6.4133),
        (3, 1.886788, 6.402115),
        (9, 6.269161, 6.390941),
        (26, 17.379189, 6.379779),
        (70, 43.842078, 6.368627),
        (172, 102.264043, 6.357487),
    ];
    let mut q = ReviewQueue::default();
    q.record(id("2.3-001"), Again, 0);
    for (reps, want) in (1..).zip(want) {
        assert_state(state(&q, "2.3-001"), want);
        assert_eq!(q.cards[&id("2.3-001")].reps, reps);
        q.record(id("2.3-001"), Good, want.0);
    }
    // py-fsrs schedules the next review 220 days on: past `GRADUATE_DAYS`.
    assert!(q.cards.is_empty(), "it graduates");
}

#[test]
fn a_guess_graduates_sooner_than_a_miss() {
    // py-fsrs: Hard on day 0, then Good on each due day: 1, 5, 17, 50, then 133 days.
    let mut q = ReviewQueue::default();
    q.record(id("1.2-001"), Hard, 0);
    assert_state(state(&q, "1.2-001"), (1, 1.2931, 5.112171));
    for due in [1, 6, 23, 73] {
        assert_eq!(q.cards[&id("1.2-001")].due_day, due);
        q.record(id("1.2-001"), Good, due);
    }
    assert!(q.cards.is_empty());
}

#[test]
fn mixed_ratings_and_a_lapse_follow_the_reference() {
    // py-fsrs: Again, Good, Hard, Again, Easy, Good, each on the day the previous fell due.
    let steps = [
        (Again, 0, (1, 0.212, 6.4133)),
        (Good, 1, (3, 1.886788, 6.402115)),
        (Hard, 3, (8, 4.522347, 7.596785)),
        (Again, 8, (9, 0.886188, 9.195308)),
        (Easy, 9, (12, 2.679106, 8.911646)),
        (Good, 12, (17, 5.449503, 8.897962)),
    ];
    let mut q = ReviewQueue::default();
    for (rating, day, want) in steps {
        q.record(id("3.1-002"), rating, day);
        assert_state(state(&q, "3.1-002"), want);
    }
    let card = q.cards[&id("3.1-002")];
    assert_eq!((card.reps, card.lapses, card.last_day), (6, 1, 12));
}

#[test]
fn early_and_late_reviews_count_by_what_was_forgotten() {
    // py-fsrs: Again on day 0, Good on day 1 (due again on day 3), then Good on day 2 or day 10.
    for (day, want) in [
        (2, (6, 4.474817, 6.390941)),
        (10, (22, 12.320613, 6.390941)),
    ] {
        let mut q = ReviewQueue::default();
        q.record(id("3.3-001"), Again, 0);
        q.record(id("3.3-001"), Good, 1);
        q.record(id("3.3-001"), Good, day);
        assert_state(state(&q, "3.3-001"), want);
    }
}

#[test]
fn on_the_same_day_right_answers_are_ignored_and_wrong_ones_count() {
    let mut q = ReviewQueue::default();
    q.record(id("3.3-001"), Again, 0);
    q.record(id("3.3-001"), Good, 1);
    let before = q.cards[&id("3.3-001")];
    q.record(id("3.3-001"), Easy, 1);
    q.record(id("3.3-001"), Good, 1);
    assert_eq!(
        q.cards[&id("3.3-001")],
        before,
        "no inflation on the same day"
    );
    // py-fsrs: the same-day Again (or Hard) by its short-term formula.
    let mut hard = q.clone();
    hard.record(id("3.3-001"), Hard, 1);
    assert_state(state(&hard, "3.3-001"), (2, 1.105256, 7.596785));
    q.record(id("3.3-001"), Again, 1);
    assert_state(state(&q, "3.3-001"), (2, 0.642478, 8.802628));
    assert_eq!(q.cards[&id("3.3-001")].lapses, 1);
}

#[test]
fn due_lists_the_most_overdue_first_then_by_id() {
    let mut q = ReviewQueue::default();
    q.record(id("2.1-002"), Again, 3);
    q.record(id("1.1-001"), Again, 5);
    q.record(id("1.1-002"), Again, 3);
    assert_eq!(q.due(3), vec![]);
    assert_eq!(q.due(4), vec![id("1.1-002"), id("2.1-002")]);
    assert_eq!(q.due(9), vec![id("1.1-002"), id("2.1-002"), id("1.1-001")]);
}

#[test]
fn the_forecast_answers_each_review_good_and_counts_overdue_today() {
    let mut q = ReviewQueue::default();
    q.record(id("3.3-001"), Again, 10);
    // Due on days 11, 13 and 19 (intervals 1, 2 and 6, as in the reference sequence above).
    assert_eq!(q.forecast(10, 10), vec![0, 1, 0, 1, 0, 0, 0, 0, 0, 1]);
    assert_eq!(q.forecast(12, 1), vec![1], "overdue reviews count today");
    assert_eq!(q.forecast(10, 0), Vec::<usize>::new());
}

#[test]
fn reviews_until_the_exam_count_each_card_until_it_graduates() {
    let mut q = ReviewQueue::default();
    q.record(id("3.3-001"), Again, 10);
    q.record(id("3.3-002"), Hard, 10);
    // The miss falls due on 11, 13, 19, 36, 80 and 182, then graduates; the guess on 11, 16, 33
    // and 83 (the reference sequences above, shifted by ten days).
    assert_eq!(q.reviews_until(10, 20), 3 + 2);
    assert_eq!(q.reviews_until(10, 5000), 6 + 4);
    assert_eq!(
        q.reviews_until(10, 20),
        q.forecast(10, 10).iter().sum::<usize>()
    );
    assert_eq!(q.reviews_until(12, 12), 2, "exam today: today's reviews");
    assert_eq!(q.reviews_until(12, 3), 2, "exam past: today's reviews");
    assert_eq!(ReviewQueue::default().reviews_until(0, 100), 0);
}

#[test]
fn a_stored_queue_reads_back_exactly_and_schedules_the_same() {
    let mut q = ReviewQueue::default();
    for (rating, day) in [(Again, 0), (Good, 1), (Hard, 3), (Easy, 8)] {
        q.record(id("4.2-001"), rating, day);
    }
    let json = serde_json::to_string(&q).unwrap();
    let back: ReviewQueue = serde_json::from_str(&json).unwrap();
    assert_eq!(back, q);
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
    assert_eq!(back.forecast(0, 400), q.forecast(0, 400));
}

#[test]
fn implausible_cards_are_named() {
    let good = Card::new(Again, 100);
    assert_eq!(good.implausible(), None);
    let bad = [
        Card {
            stability: f64::NAN,
            ..good
        },
        Card {
            stability: 0.0,
            ..good
        },
        Card {
            difficulty: 0.5,
            ..good
        },
        Card {
            difficulty: 10.5,
            ..good
        },
        Card {
            due_day: 99,
            ..good
        },
        Card {
            due_day: i64::MAX,
            ..good
        },
        Card {
            last_day: -1,
            due_day: 0,
            ..good
        },
    ];
    for card in bad {
        assert!(card.implausible().is_some(), "{card:?}");
    }
}

#[test]
fn days_are_utc_calendar_days() {
    assert_eq!(day_of(0.0), 0);
    assert_eq!(day_of(DAY_MS - 1.0), 0);
    assert_eq!(day_of(DAY_MS * 3.5), 3);
}
