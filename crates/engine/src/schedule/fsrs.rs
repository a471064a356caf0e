//! The FSRS-6 memory model (the Free Spaced Repetition Scheduler of the open-spaced-repetition
//! project), written from its published formulas with its 21 default parameters. A card's memory is
//! a stability S (days until recall falls to 90 %) and a difficulty D (1 to 10); each review, rated
//! Again, Hard, Good or Easy after some whole number of days, updates both, and the next interval
//! is the number of days until the predicted recall falls to the desired retention.

/// The learner's grade of one review, as FSRS numbers them (Again = 1 … Easy = 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    fn grade(self) -> f64 {
        f64::from(self as u8)
    }
}

/// FSRS-6's default parameters w0…w20 (fitted on a large review corpus by the FSRS authors).
pub const W: [f64; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];
/// The recall probability a review is scheduled for: FSRS's default.
pub const DESIRED_RETENTION: f64 = 0.9;
/// The longest interval FSRS schedules by default (a hundred years).
pub const MAX_INTERVAL_DAYS: i64 = 36_500;
/// FSRS's floor on stability, so that the forgetting curve stays defined.
pub const STABILITY_MIN: f64 = 0.001;
pub const DIFFICULTY_MIN: f64 = 1.0;
pub const DIFFICULTY_MAX: f64 = 10.0;

/// The forgetting curve's exponent, negative.
fn decay() -> f64 {
    -W[20]
}

/// Chosen so that recall is exactly 90 % after `stability` days.
fn factor() -> f64 {
    0.9f64.powf(1.0 / decay()) - 1.0
}

/// What FSRS knows of one card's memory.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Memory {
    pub stability: f64,
    pub difficulty: f64,
}

impl Memory {
    /// The memory after a card's first review.
    pub fn first(rating: Rating) -> Memory {
        Memory {
            stability: W[rating as usize - 1].max(STABILITY_MIN),
            difficulty: clamp_difficulty(initial_difficulty(rating)),
        }
    }

    /// Predicted recall `elapsed_days` after the last review (the power forgetting curve).
    pub fn retrievability(&self, elapsed_days: f64) -> f64 {
        (1.0 + factor() * elapsed_days / self.stability).powf(decay())
    }

    /// The memory after a review `elapsed_days` after the previous one. A review on the same day
    /// uses FSRS's short-term formula, as the reference schedulers do.
    pub fn after(&self, rating: Rating, elapsed_days: i64) -> Memory {
        let stability = if elapsed_days < 1 {
            same_day_stability(self.stability, rating)
        } else {
            let r = self.retrievability(elapsed_days as f64);
            match rating {
                Rating::Again => forget_stability(self, r),
                _ => recall_stability(self, r, rating),
            }
        };
        Memory {
            stability: stability.max(STABILITY_MIN),
            difficulty: next_difficulty(self.difficulty, rating),
        }
    }
}

/// D0(G) = w4 − e^(w5·(G − 1)) + 1, before clamping (mean reversion aims at the unclamped D0(Easy)).
pub fn initial_difficulty(rating: Rating) -> f64 {
    W[4] - (W[5] * (rating.grade() - 1.0)).exp() + 1.0
}

fn clamp_difficulty(d: f64) -> f64 {
    d.clamp(DIFFICULTY_MIN, DIFFICULTY_MAX)
}

/// ΔD = −w6·(G − 3), damped linearly as D nears 10, then reverted by w7 towards D0(Easy).
fn next_difficulty(d: f64, rating: Rating) -> f64 {
    let delta = -W[6] * (rating.grade() - 3.0);
    let damped = d + delta * (10.0 - d) / 9.0;
    clamp_difficulty(W[7] * initial_difficulty(Rating::Easy) + (1.0 - W[7]) * damped)
}

/// After a successful review: S·(1 + e^w8·(11 − D)·S^−w9·(e^(w10·(1 − R)) − 1)·penalty·bonus).
fn recall_stability(m: &Memory, r: f64, rating: Rating) -> f64 {
    let hard_penalty = if rating == Rating::Hard { W[15] } else { 1.0 };
    let easy_bonus = if rating == Rating::Easy { W[16] } else { 1.0 };
    let growth = W[8].exp()
        * (11.0 - m.difficulty)
        * m.stability.powf(-W[9])
        * (((1.0 - r) * W[10]).exp() - 1.0);
    m.stability * (1.0 + growth * hard_penalty * easy_bonus)
}

/// After a lapse: w11·D^−w12·((S + 1)^w13 − 1)·e^(w14·(1 − R)), never above S / e^(w17·w18).
fn forget_stability(m: &Memory, r: f64) -> f64 {
    let long_term = W[11]
        * m.difficulty.powf(-W[12])
        * ((m.stability + 1.0).powf(W[13]) - 1.0)
        * ((1.0 - r) * W[14]).exp();
    long_term.min(m.stability / (W[17] * W[18]).exp())
}

/// Same-day review: S·e^(w17·(G − 3 + w18))·S^−w19, never a loss for Good or Easy.
fn same_day_stability(s: f64, rating: Rating) -> f64 {
    let mut increase = (W[17] * (rating.grade() - 3.0 + W[18])).exp() * s.powf(-W[19]);
    if rating >= Rating::Good {
        increase = increase.max(1.0);
    }
    s * increase
}

/// Days until predicted recall falls to `retention`, unrounded.
pub fn interval(stability: f64, retention: f64) -> f64 {
    stability / factor() * (retention.powf(1.0 / decay()) - 1.0)
}

/// The next interval at the desired retention, in whole days: rounded, at least one, at most
/// `MAX_INTERVAL_DAYS`.
pub fn interval_days(stability: f64) -> i64 {
    (interval(stability, DESIRED_RETENTION).round() as i64).clamp(1, MAX_INTERVAL_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Rating::*;

    fn close(got: f64, want: f64, relative: f64) -> bool {
        (got - want).abs() <= relative * want.abs()
    }

    /// Reviews a new card with `ratings`, each after the given number of days.
    fn replay(ratings: &[Rating], elapsed: &[i64]) -> Memory {
        let mut m = Memory::first(ratings[0]);
        for (&rating, &days) in ratings[1..].iter().zip(&elapsed[1..]) {
            m = m.after(rating, days);
        }
        m
    }

    #[test]
    fn memory_after_a_lapse_then_five_goods_matches_the_reference() {
        // open-spaced-repetition/fsrs-rs src/inference.rs `test_memory_state` and
        // open-spaced-repetition/py-fsrs tests/test_basic.py `test_memo_state`: ratings
        // [1, 3, 3, 3, 3, 3] after [0, 0, 1, 3, 8, 21] days give S = 53.62691, D = 6.3574867.
        let m = replay(&[Again, Good, Good, Good, Good, Good], &[0, 0, 1, 3, 8, 21]);
        assert!(close(m.stability, 53.62691, 1e-5), "{m:?}");
        assert!(close(m.difficulty, 6.3574867, 1e-5), "{m:?}");
    }

    #[test]
    fn review_intervals_match_the_reference_scheduler() {
        // open-spaced-repetition/py-fsrs tests/test_basic.py `test_review_card` (fuzzing off):
        // intervals [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21] for Good ×6, Again ×2, Good ×5,
        // each review on the day the previous one fell due. The 0s are its minute-long learning
        // steps (same-day reviews here); the whole-day intervals come from the memory model.
        let want = [2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21];
        let ratings = [
            Good, Good, Good, Good, Good, Again, Again, Good, Good, Good, Good, Good,
        ];
        let mut m = Memory::first(Good);
        let mut elapsed = 0;
        for (rating, want) in ratings.into_iter().zip(want) {
            m = m.after(rating, elapsed);
            let got = if want == 0 {
                0
            } else {
                interval_days(m.stability)
            };
            assert_eq!(got, want, "{m:?}");
            elapsed = want;
        }
    }

    #[test]
    fn intervals_for_each_desired_retention_match_the_reference() {
        // open-spaced-repetition/fsrs-rs src/inference.rs `test_next_interval`: S = 1 at retention
        // 0.1, 0.2, … 1.0, rounded and at least 1. (fsrs-rs computes in f32, hence the tolerance on
        // the 3-million-day one.)
        let want = [
            3116766.0, 34793.0, 2508.0, 387.0, 90.0, 27.0, 9.0, 3.0, 1.0, 1.0,
        ];
        for (i, want) in (1..=10).zip(want) {
            let got = interval(1.0, f64::from(i) / 10.0).round().max(1.0);
            assert!(close(got, want, 2e-6), "retention 0.{i}: {got}");
        }
    }

    #[test]
    fn repeated_easy_reviews_on_one_day_floor_the_difficulty() {
        // open-spaced-repetition/py-fsrs tests/test_basic.py `test_repeated_correct_reviews`: ten
        // Easy reviews within a second leave difficulty at exactly 1.0.
        let m = replay(&[Easy; 10], &[0; 10]);
        assert_eq!(m.difficulty, 1.0);
    }

    #[test]
    fn first_reviews_use_the_initial_parameters() {
        for (rating, s) in [(Again, W[0]), (Hard, W[1]), (Good, W[2]), (Easy, W[3])] {
            assert_eq!(Memory::first(rating).stability, s);
        }
        assert_eq!(Memory::first(Again).difficulty, W[4]);
        // Recall is 90 % after S days, by the choice of the curve's factor.
        let m = Memory::first(Easy);
        assert!(close(m.retrievability(m.stability), 0.9, 1e-12));
        assert_eq!(interval_days(0.2), 1, "at least a day");
        assert_eq!(interval_days(1e9), MAX_INTERVAL_DAYS);
    }
}
