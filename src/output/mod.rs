//! Output: writing the finished site safely.

pub mod search;
pub mod writer;
