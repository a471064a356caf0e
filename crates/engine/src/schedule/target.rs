//! The study schedule's daily target: the reviews the drill expects before the exam, plus a
//! practice set in each of the weakest task statements, spread evenly over the days left. A plan
//! for the learner to follow, not a prediction: a review answered wrong comes back sooner and adds
//! to it.

use crate::bank::TaskStatement;

/// How many of the weakest task statements the target covers.
pub const WEAK_TASKS: usize = 3;
/// Practice questions planned for each of them: one practice set of the usual size.
pub const WEAK_SET: usize = 10;
/// The fewest answers in a task statement before its share of right answers is taken as a sign.
pub const MIN_ANSWERS: u32 = 5;
/// A task statement answered right this often or more is not called weak.
pub const WEAK_BELOW: f64 = 0.8;

/// One task statement's answers so far, every sighting of every question counted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TaskAnswers {
    pub task: TaskStatement,
    pub answers: u32,
    pub right: u32,
}

impl TaskAnswers {
    /// The share answered right, 0 with no answers.
    pub fn share(&self) -> f64 {
        if self.answers == 0 {
            0.0
        } else {
            f64::from(self.right) / f64::from(self.answers)
        }
    }
}

/// The weakest task statements, lowest share of right answers first, at most `WEAK_TASKS`: only
/// those with at least `MIN_ANSWERS` answers and below `WEAK_BELOW`. Ties keep the given order.
pub fn weakest(tasks: &[TaskAnswers]) -> Vec<TaskAnswers> {
    let mut weak: Vec<TaskAnswers> = tasks
        .iter()
        .filter(|t| t.answers >= MIN_ANSWERS && t.share() < WEAK_BELOW)
        .copied()
        .collect();
    crate::order::sort_by_key_f64(&mut weak, TaskAnswers::share);
    weak.truncate(WEAK_TASKS);
    weak
}

/// Questions a day to get through `reviews` expected reviews and `practice` practice questions in
/// `days_left` days, rounded up; everything today when no day is left.
pub fn daily_target(reviews: usize, practice: usize, days_left: usize) -> usize {
    (reviews + practice).div_ceil(days_left.max(1))
}

/// The day number (as `super::day_of` counts, in UTC) of a calendar date written `YYYY-MM-DD`, as
/// the settings store the exam date; `None` when it is not a real date.
pub fn day_of_date(date: &str) -> Option<i64> {
    let mut parts = date.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    // Days from civil (H. Hinnant): years start in March, so the leap day ends the year.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(n: usize, answers: u32, right: u32) -> TaskAnswers {
        TaskAnswers {
            task: TaskStatement::ALL[n],
            answers,
            right,
        }
    }

    #[test]
    fn the_weakest_have_evidence_and_room_to_improve() {
        let tasks = [
            task(0, 20, 10), // 50 %
            task(1, 4, 0),   // too few answers to tell
            task(2, 10, 3),  // 30 %
            task(3, 10, 8),  // 80 %: not weak
            task(4, 6, 3),   // 50 %, after task 0 on the tie
            task(5, 8, 2),   // 25 %
        ];
        let weak: Vec<_> = weakest(&tasks).iter().map(|t| t.task).collect();
        let all = TaskStatement::ALL;
        assert_eq!(weak, vec![all[5], all[2], all[0]]);
        assert!(weakest(&tasks[1..2]).is_empty());
        assert!(weakest(&[]).is_empty());
    }

    #[test]
    fn the_target_spreads_the_work_over_the_days_rounding_up() {
        assert_eq!(daily_target(12, 30, 10), 5);
        assert_eq!(daily_target(10, 30, 10), 4);
        assert_eq!(daily_target(0, 0, 10), 0);
        assert_eq!(daily_target(1, 0, 60), 1);
        assert_eq!(daily_target(7, 3, 0), 10, "no day left: all of it today");
    }

    #[test]
    fn calendar_dates_become_the_same_day_numbers_as_clock_times() {
        assert_eq!(day_of_date("1970-01-01"), Some(0));
        assert_eq!(day_of_date("2000-03-01"), Some(11_017));
        assert_eq!(day_of_date("2027-01-15"), Some(20_833));
        // An hour into 2026-01-15 (UTC) is on that date's day.
        assert_eq!(
            Some(super::super::day_of(1_768_435_200_000.0 + 3.6e6)),
            day_of_date("2026-01-15")
        );
        assert_eq!(
            day_of_date("2028-02-29"),
            Some(day_of_date("2028-02-28").unwrap() + 1)
        );
        assert_eq!(
            day_of_date("2028-03-01"),
            Some(day_of_date("2028-02-29").unwrap() + 1)
        );
        for bad in [
            "",
            "2027-02-29",
            "2027-13-01",
            "2027-00-10",
            "2027-1-x",
            "2027-01-15-1",
        ] {
            assert_eq!(day_of_date(bad), None, "{bad}");
        }
    }
}
