//! The separators of the baked bank, shared by the baker (bankfmt's codegen) and the reader
//! (`engine::bank::questions`), so the two cannot drift apart. They are control characters,
//! which the bank's validator refuses in any question's text.

/// Between questions.
pub const RECORD: char = '\u{1e}';
/// Between a question's fields.
pub const FIELD: char = '\u{1f}';
/// Between the items of a list field (references, tags).
pub const ITEM: char = '\u{1d}';
