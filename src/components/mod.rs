//! Widgets shared by several pages.

pub mod chart;
pub mod confirm;
pub mod exam;
pub mod layout;
pub mod question;
pub mod text;
