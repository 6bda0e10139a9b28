//! A file of the finished site, as the writer writes it.

use std::path::PathBuf;

/// A file of the finished site.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    pub content: FileContent,
}

#[derive(Debug, Clone)]
pub enum FileContent {
    Bytes(Vec<u8>),
    /// Copied from this file (theme assets, documents).
    Copy(PathBuf),
    /// Taken over from the previous build's output, which the write replaces: linked where
    /// the disk allows it, else copied.
    Reuse(PathBuf),
}

impl OutputFile {
    pub fn bytes(path: impl Into<String>, bytes: Vec<u8>) -> OutputFile {
        OutputFile { path: path.into(), content: FileContent::Bytes(bytes) }
    }
}
