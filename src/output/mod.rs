//! Output: the files of the finished site, and writing them safely.

pub mod file;
pub mod writer;

pub use file::{FileContent, OutputFile};
