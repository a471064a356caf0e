//! The parts of the bank's format that the build-time validator (`crates/bankfmt`) and the app's
//! engine (`crates/engine`) must agree on exactly: the exam guide's outline, the separators of the
//! baked text, and the inline markup grammar. Both depend on this one crate, so what is checked
//! when the bank is baked is what the app reads and renders. No dependencies, no web code.

pub mod baked;
pub mod markup;
pub mod syllabus;
