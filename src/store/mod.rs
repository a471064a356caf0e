//! Persistence: the only code that touches localStorage. It owns every key, the versioned record
//! types and their migrations; everything else asks it.

pub mod active;
pub mod backend;
pub mod backup;
pub mod envelope;
pub mod progress;
pub mod records;
pub mod transfer;
pub mod vault;
