//! Answer checking as the app needs it: all or nothing, from the engine.

pub use engine::report::{correct_chosen, is_correct};
