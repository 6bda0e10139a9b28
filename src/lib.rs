//! innkjop: the static site generator for an inter-municipal procurement cooperation.
//!
//! The pipeline reads like a recipe: load -> validate -> resolve -> views -> pages | exports |
//! search records -> write (see [`pipeline`]).
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod attention;
pub mod content;
pub mod diagnostics;
pub mod editor;
pub mod exports;
pub mod format;
pub mod init;
pub mod markdown;
pub mod model;
pub mod new_item;
pub mod output;
pub mod pipeline;
pub mod publish;
pub mod render;
pub mod rules;
pub mod schema;
pub mod search;
pub mod serve;
pub mod session;
pub mod site;

use chrono::NaiveDate;
use diagnostics::{Diagnostic, Diagnostics};
use pipeline::Pipeline;
pub use render::templates::ThemeSource;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What a build or check needs to know.
#[derive(Debug, Clone)]
pub struct Options {
    pub content: PathBuf,
    /// The theme folder (`--theme`, or `tema` in `nettsted.yaml`); `None` for the theme built
    /// into the program.
    pub theme: Option<PathBuf>,
    pub output: PathBuf,
    /// The day statuses are computed for (`--today`); without it, the day in Europe/Oslo when
    /// the run runs (the preview follows the clock past midnight).
    pub today: Option<NaiveDate>,
    /// Overrides `base_url` from `nettsted.yaml`.
    pub base_url: Option<String>,
}

/// What a run found and did.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// Files written (0 for a check or a failed build).
    pub files_written: usize,
    /// What needs the coordinator's attention (filled by `check`).
    pub attention: Vec<attention::Attention>,
    pub pages: usize,
    /// Parts of the search index built anew, and parts taken over unchanged from the previous build.
    pub search_parts: (usize, usize),
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

impl Options {
    /// Where the theme comes from: the folder given, or the one built into the program.
    pub fn theme_source(&self) -> ThemeSource {
        match &self.theme {
            Some(dir) => ThemeSource::Folder(dir.clone()),
            None => ThemeSource::BuiltIn,
        }
    }

    /// Without a theme folder given, the one `tema` in `nettsted.yaml` names, when it has
    /// templates (else `check` reports the key, and the built-in theme is used).
    pub fn with_site_theme(mut self) -> Options {
        if self.theme.is_none() {
            self.theme = content::site_theme(&self.content);
        }
        self
    }
}

/// Today in Europe/Oslo.
pub fn today_in_oslo() -> NaiveDate {
    chrono::Utc::now().with_timezone(&chrono_tz::Europe::Oslo).date_naive()
}

/// Validates only: every diagnostic of the content, and what needs the coordinator's attention.
pub fn check(options: &Options) -> Report {
    let pipeline = Pipeline::new(options);
    let (model, diagnostics) = pipeline.model(None, &HashSet::new());
    let attention = match model {
        Some(model) if !diagnostics.has_errors() => attention::attention(&site::Site::resolve(model, pipeline.today())),
        _ => Vec::new(),
    };
    Report { diagnostics: diagnostics.sorted(), attention, ..Report::default() }
}

/// A step of a build that is done, for a progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The content is read and checked.
    Checked,
    /// Every page is rendered.
    Pages,
    /// The feeds, calendars and open data are made.
    Exports,
    /// The search index is made.
    SearchIndex,
    /// Everything is written and swapped in.
    Written,
}

/// Builds the site: load -> validate -> resolve -> views -> pages | exports | search records ->
/// write. Writes nothing when there is any error; the previous output stays as it was.
pub fn build(options: &Options, current_dir: &Path, home: Option<&Path>) -> Report {
    build_with_progress(options, current_dir, home, &|_| {})
}

/// [`build`], telling `progress` each step as it is done (steps may finish in any order).
pub fn build_with_progress(
    options: &Options,
    current_dir: &Path,
    home: Option<&Path>,
    progress: &(dyn Fn(Step) + Sync),
) -> Report {
    let guard = output::writer::Guard { content: &options.content, theme: options.theme.as_deref(), current_dir, home };
    let output = output::writer::check_output(&options.output, &guard);
    let pipeline = Pipeline::new(options);
    let (pages, mut diagnostics) = pipeline.prepare();
    let failed = |diagnostics: Diagnostics| Report { diagnostics: diagnostics.sorted(), ..Report::default() };
    let output = match output {
        Ok(output) => output,
        Err(d) => {
            diagnostics.push(d);
            return failed(diagnostics);
        }
    };
    let Some(pages) = pages else { return failed(diagnostics) };
    progress(Step::Checked);
    match pipeline::write_site(&pages, &options.content, &output, progress) {
        Ok(written) => {
            diagnostics.extend(written.warnings);
            Report {
                diagnostics: diagnostics.sorted(),
                files_written: written.files,
                pages: written.pages,
                search_parts: written.search_parts,
                ..Report::default()
            }
        }
        Err(errors) => {
            diagnostics.extend(errors);
            failed(diagnostics)
        }
    }
}
