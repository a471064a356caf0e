//! The bank's vocabulary (domains, task statements, question ids, kinds, difficulties) and the
//! questions themselves, baked in at build time from `bank/*.toml` (see `build.rs`).
//!
//! `vocabulary` holds the types, `unbake` the baked questions, `stats` their counts, `synthetic`
//! placeholder banks; everything is re-exported here, so callers write `engine::bank::...`.

mod stats;
mod synthetic;
pub(crate) mod unbake;
mod vocabulary;

pub use stats::BankStats;
pub use synthetic::synthetic;
pub use unbake::{find, questions};
pub use vocabulary::*;
