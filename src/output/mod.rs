//! Output: writing the finished site safely.

pub mod exports;
pub mod search;
pub mod writer;
