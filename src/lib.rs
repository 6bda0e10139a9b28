//! innkjop: the static site generator for an inter-municipal procurement cooperation.
//!
//! The pipeline reads like a recipe: load -> validate -> resolve -> render -> write.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod attention;
pub mod content;
pub mod diagnostics;
pub mod new_item;
pub mod output;
pub mod render;
pub mod rules;
pub mod schema;
pub mod serve;
pub mod session;
pub mod site;

use chrono::NaiveDate;
use diagnostics::{Diagnostic, Diagnostics};
use std::path::{Path, PathBuf};

/// What a build or check needs to know.
#[derive(Debug, Clone)]
pub struct Options {
    pub content: PathBuf,
    pub theme: PathBuf,
    pub output: PathBuf,
    /// The build day, in Europe/Oslo.
    pub today: NaiveDate,
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

/// Today in Europe/Oslo.
pub fn today_in_oslo() -> NaiveDate {
    chrono::Utc::now().with_timezone(&chrono_tz::Europe::Oslo).date_naive()
}

/// Loads and validates the content: the model (when the settings could be read) and every diagnostic.
pub fn load_model(options: &Options) -> (Option<content::model::Model>, Diagnostics) {
    let mut read = content::load::ReadCache::default();
    load_model_with(options, &mut read, &std::collections::HashSet::new(), None)
}

/// Like [`load_model`], taking over the files and items that did not change (see [`session`]).
fn load_model_with(
    options: &Options,
    read: &mut content::load::ReadCache,
    changed: &std::collections::HashSet<PathBuf>,
    memo: Option<&mut content::validate::Memo>,
) -> (Option<content::model::Model>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let (loaded, load_diagnostics) = content::load::load_with(&options.content, read, changed);
    diagnostics.extend(load_diagnostics);
    let keep = memo.is_some();
    let (model, validate_diagnostics) =
        content::validate::validate_with(&loaded, &options.content, options.today, memo);
    diagnostics.extend(validate_diagnostics);
    // Only the preview's session reads again; a build or check is done with the files here.
    if keep {
        read.keep(loaded);
    }
    let model = match (model, &options.base_url) {
        (Some(mut m), Some(url)) => match rules::address::base_url(url) {
            Ok(url) => {
                m.settings.base_url = url;
                Some(m)
            }
            Err(why) => {
                diagnostics.push(
                    Diagnostic::new(
                        diagnostics::codes::BAD_BASE_URL,
                        "--base-url",
                        format!("`{url}` kan ikke brukes: {why}"),
                    )
                    .hint("skriv adressen nettstedet publiseres på, for eksempel https://innkjop.kommune.no/")
                    .outside_content(),
                );
                None
            }
        },
        (model, _) => model,
    };
    (model, diagnostics)
}

/// Validates only: every diagnostic of the content.
pub fn check(options: &Options) -> Report {
    let (model, diagnostics) = load_model(options);
    let attention = match model {
        Some(model) if !diagnostics.has_errors() => attention::attention(&site::Site::resolve(model, options.today)),
        _ => Vec::new(),
    };
    Report { diagnostics: diagnostics.sorted(), attention, ..Report::default() }
}

/// The site rendered in memory, before it is written.
pub struct RenderedSite {
    pub files: Vec<render::OutputFile>,
    pub records: Vec<output::search::SearchRecord>,
    pub language: String,
}

/// A site loaded, checked and resolved, with its views and theme: ready to render.
struct Ready {
    site: site::Site,
    views: render::views::Views,
    theme: render::templates::Theme,
    language: String,
}

/// Load -> validate -> resolve -> views. `None` when there is any error.
fn ready(options: &Options) -> (Option<Ready>, Diagnostics) {
    let (model, mut diagnostics) = load_model(options);
    let theme = match render::templates::Theme::load(&options.theme, &options.theme) {
        Ok(t) => Some(t),
        Err(errors) => {
            diagnostics.extend(errors);
            None
        }
    };
    let (Some(model), Some(theme), false) = (model, theme, diagnostics.has_errors()) else {
        return (None, diagnostics);
    };
    let language = model.settings.language.clone();
    let site = site::Site::resolve(model, options.today);
    let views = render::views(&site, None, None);
    (Some(Ready { site, views, theme, language }), diagnostics)
}

impl Ready {
    /// Renders the pages and exports; their warnings join `diagnostics`.
    fn render(&mut self, options: &Options, diagnostics: &mut Diagnostics) -> Option<Vec<render::OutputFile>> {
        match render::render(&self.site, &self.views, &mut self.theme, &options.content, &options.theme) {
            Ok(rendered) => {
                diagnostics.extend(rendered.warnings);
                Some(rendered.files)
            }
            Err(errors) => {
                diagnostics.extend(errors);
                None
            }
        }
    }
}

/// Load -> validate -> resolve -> render, all in memory. `None` when there is any error.
pub fn render_site(options: &Options) -> (Option<RenderedSite>, Diagnostics) {
    let (ready, mut diagnostics) = ready(options);
    let Some(mut ready) = ready else { return (None, diagnostics) };
    let records = render::search_records(&ready.site, &ready.views);
    let files = ready.render(options, &mut diagnostics);
    (files.map(|files| RenderedSite { files, records, language: ready.language }), diagnostics)
}

/// Builds the site: load -> validate -> resolve -> render -> index -> write. Writes
/// nothing when there is any error; the previous output stays as it was. The search index
/// is made while the pages are rendered (small sites) or written (large ones).
pub fn build(options: &Options, current_dir: &Path, home: Option<&Path>) -> Report {
    let guard = output::writer::Guard { content: &options.content, theme: &options.theme, current_dir, home };
    let output = output::writer::check_output(&options.output, &guard);
    let (ready, mut diagnostics) = ready(options);
    let output = match output {
        Ok(p) => p,
        Err(d) => {
            diagnostics.push(d);
            return Report { diagnostics: diagnostics.sorted(), ..Report::default() };
        }
    };
    let Some(mut ready) = ready else {
        return Report { diagnostics: diagnostics.sorted(), ..Report::default() };
    };
    let fail = |mut diagnostics: Diagnostics, d: Option<Diagnostic>| {
        diagnostics.extend(d);
        Report { diagnostics: diagnostics.sorted(), ..Report::default() }
    };
    let mut staged = match output::writer::Staged::begin(&output) {
        Ok(s) => s,
        Err(d) => return fail(diagnostics, Some(d)),
    };
    let earlier = output::search::Earlier::from_output(&output);
    let records = render::search_records(&ready.site, &ready.views);
    let layout = output::search::Layout::build(records.len());
    let given_up = std::sync::atomic::AtomicBool::new(false);
    let give_up = || given_up.load(std::sync::atomic::Ordering::Relaxed);
    let language = ready.language.clone();
    let index = || output::search::index_unless(&records, &language, &earlier, layout, &give_up);
    // A thread of the build that panicked: `what` stopped unexpectedly.
    let stopped = |what: &str| {
        Diagnostic::new(diagnostics::codes::WRITE_FAILED, &output, format!("{what} stoppet uventet")).outside_content()
    };
    // On a small site the index is made while the pages are rendered (it gives up if they
    // fail): a rebuild after an edit then waits for neither in turn. On a large one the
    // index and the rendered pages would not fit in memory together: the pages are written,
    // and their bytes freed, while the index is made.
    let early = layout.index_while_rendering;
    let (pages, index) = std::thread::scope(|scope| {
        let indexer = early.then(|| scope.spawn(index));
        let Some(files) = ready.render(options, &mut diagnostics) else {
            given_up.store(true, std::sync::atomic::Ordering::Relaxed);
            let _ = indexer.map(|i| i.join());
            // The render's errors are among the diagnostics; the build stops there, so the
            // given-up index is never looked at.
            return (Err(None), Err(stopped("søkeindeksen")));
        };
        let count = (files.iter().filter(|f| f.path.ends_with(".html")).count(), files.len());
        let (written, index) = match indexer {
            Some(indexer) => (staged.write(&files), indexer.join().unwrap_or_else(|_| Err(stopped("søkeindeksen")))),
            None => {
                let staged = &mut staged;
                // The bytes of each page are freed once the writer is done with them.
                let writer = scope.spawn(move || staged.write(&files));
                let index = index();
                (writer.join().unwrap_or_else(|_| Err(stopped("skrivingen av nettstedet"))), index)
            }
        };
        (written.map(|_| count).map_err(Some), index)
    });
    let (pages, page_files) = match pages {
        Ok(counts) => counts,
        Err(d) => return fail(diagnostics, d),
    };
    let index = match index {
        Ok(index) => index,
        Err(d) => return fail(diagnostics, Some(d)),
    };
    let search_parts = (index.built, index.reused);
    let files_written = page_files + index.files.len() + 1;
    if let Err(d) = staged.write(&index.files).and_then(|_| staged.commit()) {
        return fail(diagnostics, Some(d));
    }
    Report { diagnostics: diagnostics.sorted(), files_written, pages, search_parts, ..Report::default() }
}
