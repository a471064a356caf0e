//! The exam's pure core, with no web dependencies: the baked question bank and its vocabulary, the
//! blueprint, and (in later modules) forms, scoring, the diagnostic, readiness and review scheduling.
//! Everything here compiles and tests natively; the app only calls it.
// Tests may use what the app must not (see clippy.toml): they never ship.
#![cfg_attr(test, allow(clippy::disallowed_types, clippy::disallowed_methods))]

pub mod adaptive;
pub mod attempt;
pub mod bank;
pub mod blueprint;
pub mod flashcards;
pub mod forms;
pub mod history;
pub mod idmap;
pub mod model;
pub mod order;

/// The generator behind forms, option orders and the diagnostic's picks: reproducible from a seed.
/// These draws need no cryptographic strength, and the small generator costs a fraction of
/// ChaCha's code in the app.
pub type SeededRng = rand::rngs::SmallRng;
pub mod report;
pub mod schedule;
pub mod services;

// The outline, the baked separators and the markup grammar are shared with the build-time
// validator; re-exported so the app and this crate keep writing `engine::markup` and the like.
pub use bank_format::{baked, markup, syllabus};
