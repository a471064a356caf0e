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
pub use runner::ExamRunner;
pub use ticker::use_now;
pub use warnings::use_time_warnings;

/// How the runner serves a mode: the parts the page and the question pane both read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunnerOptions {
    /// Practice: a "Check answer" button reveals the explanations after each question.
    pub feedback: bool,
    /// Ask "how sure are you?" under each question.
    pub confidence: bool,
}

/// Wall-clock milliseconds (deadlines are wall-clock, so a reload keeps the right time left).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}
