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

pub use keys::{exam_key, use_exam_keys, ExamKey};
pub use runner::{ExamRunner, RunnerOptions};
pub use ticker::use_now;
pub use warnings::use_time_warnings;

/// Wall-clock milliseconds (deadlines are wall-clock, so a reload keeps the right time left).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}
