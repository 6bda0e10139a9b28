//! Output: writing the finished site safely.

pub mod writer;
