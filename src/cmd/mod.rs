//! The subcommands: each a short function over the library that prints what it found.

pub mod build;
pub mod check;
pub mod explain;
pub mod init;
pub mod new;
pub mod progress;
pub mod publish;
pub mod schema;
pub mod serve;
pub mod theme;

use innkjop::Report;
use innkjop::diagnostics::{render, summary};
use std::path::Path;

/// Prints every diagnostic and the closing count to standard error.
pub fn print_report(report: &Report, base: &Path) {
    let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = report.diagnostics.len() - errors;
    if !report.diagnostics.is_empty() {
        eprint!("{}", render(&report.diagnostics, base));
    }
    eprintln!("{}", summary(errors, warnings));
}
