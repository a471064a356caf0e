//! Reads, validates and bakes the question bank. Runs at build time (from the engine's `build.rs`) and
//! in `bank-check`; never linked into the app. Every rule in `docs/bank-format.md` lives here, and a
//! file that breaks one is reported with the file, the question id and the problem in plain words.

// Shared with the engine through one crate, so the validator and the app cannot disagree.
pub use bank_format::{baked, markup, syllabus};

mod codegen;
pub mod cues;
pub mod date;
mod links;
mod load;
pub mod meta;
pub mod quality;
mod rules;
pub mod services;
mod similarity;
mod source;
mod stats;
pub mod twins;

pub use codegen::{codegen, codegen_services};
pub use date::Date;
pub use load::{default_bank_dir, load_dir, load_files, parse_file, validate_sources};
pub use meta::Meta;
pub use quality::Quality;
pub use rules::{check_bank, check_facts, check_question, choose_count};
pub use source::{Bank, BankFile, Choice, Kind, Problem, Question};
pub use stats::Stats;

// The rule tests in tests.rs reach the link check directly; nothing outside the crate needs it.
#[cfg(test)]
use links::is_aws_host;

/// What validation needs besides the files: the day it runs (no `verified` date may be later) and
/// whether the quality rules apply (`verified` and `services` required, a wrong option naming an
/// out-of-scope, closed or retired service only when `contrasts` lists it, the answer-cue targets
/// met, every twin pair reviewed). The build always applies them; only tests of the older rules,
/// whose small fixtures carry no dates or services, turn them off.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
    pub today: Date,
    pub enforce_quality: bool,
}

impl Policy {
    /// The build's policy on the given day: every rule applies.
    pub fn on(today: Date) -> Policy {
        Policy {
            today,
            enforce_quality: true,
        }
    }
}

pub const STEM_CHARS: std::ops::RangeInclusive<usize> = 20..=700;
pub const OPTION_CHARS: std::ops::RangeInclusive<usize> = 1..=250;
pub const WHY_CHARS: std::ops::RangeInclusive<usize> = 20..=700;
pub const MAX_TAGS: usize = 8;
pub const MAX_REFS: usize = 4;
/// Word-trigram Jaccard similarity at which two stems are reported as near-duplicates.
pub const NEAR_DUPLICATE: f64 = 0.6;

#[cfg(test)]
mod tests;
