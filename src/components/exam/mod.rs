//! Taking an attempt: the question in front of the learner, the navigator, the timer, the review
//! screen before submitting, and the keyboard shortcuts. Rules live in `engine::attempt`; these
//! widgets only show the attempt and forward what the learner does.

mod bar;
mod controls;
mod keys;
mod navigator;
mod pane;
mod review;
mod runner;
mod ticker;
mod timer;
mod warnings;

pub use runner::{ExamRunner, RunnerOptions};
pub use ticker::use_now;

/// Wall-clock milliseconds (deadlines are wall-clock, so a reload keeps the right time left).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// "1:05:09" or "4:07".
pub fn clock(ms: f64) -> String {
    let total = (ms / 1000.0).ceil().max(0.0) as u64;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::clock;

    #[test]
    fn clock_rounds_up_and_shows_hours_only_when_needed() {
        assert_eq!(clock(90.0 * 60_000.0), "1:30:00");
        assert_eq!(clock(247_000.0), "4:07");
        assert_eq!(clock(500.0), "0:01");
        assert_eq!(clock(-5.0), "0:00");
    }
}
