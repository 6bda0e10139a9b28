//! Writing a build: the pages, the exports and the search index into a fresh folder beside
//! the output, swapped in when all are written. The threads live here: on a small site the
//! index is made while the pages are rendered and written; on a large one the pages are
//! written, and their bytes freed, while the index is made, since both would not fit in
//! memory together.

use crate::Step;
use crate::diagnostics::{Diagnostic, codes};
use crate::output::writer::Staged;
use crate::render::Pages;
use crate::search::{self, Earlier, Layout};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// What a build wrote.
#[derive(Debug, Default)]
pub struct Written {
    /// HTML pages.
    pub pages: usize,
    /// Every file.
    pub files: usize,
    /// Parts of the search index built anew, and parts taken over from the previous output.
    pub search_parts: (usize, usize),
    /// Warnings of the exports (what could only be exported in part).
    pub warnings: Vec<Diagnostic>,
}

/// Renders every page and the files beside them, makes the exports and the search index, and
/// writes them all into `output` in one swap. On any error nothing is swapped in: the previous
/// output stays as it was.
pub fn write_site(
    pages: &Pages,
    content_dir: &Path,
    output: &Path,
    progress: &(dyn Fn(Step) + Sync),
) -> Result<Written, Vec<Diagnostic>> {
    let mut staged = Staged::begin(output).map_err(|d| vec![d])?;
    let site = pages.site();
    let earlier = Earlier::from_output(output);
    let records = crate::render::search_records(site, pages.views());
    let layout = Layout::build(records.len());
    let language = site.model.settings.language.as_str();
    let given_up = AtomicBool::new(false);
    let give_up = || given_up.load(Ordering::Relaxed);
    let index = || {
        let index = search::index_unless(&records, language, &earlier, layout, &give_up);
        progress(Step::SearchIndex);
        index
    };
    // A thread of the build that panicked: `what` stopped unexpectedly.
    let stopped = |what: &str| {
        vec![Diagnostic::new(codes::WRITE_FAILED, output, format!("{what} stoppet uventet")).outside_content()]
    };
    let (written, index) = std::thread::scope(|scope| {
        let indexer = layout.index_while_rendering.then(|| scope.spawn(index));
        // The pages and the exports are independent: made side by side.
        let (rendered, exported) = rayon::join(
            || {
                let files = pages.render_all().and_then(|mut files| {
                    files.extend(pages.other_files(content_dir)?);
                    Ok(files)
                });
                progress(Step::Pages);
                files
            },
            || {
                let exported = crate::exports::files(site);
                progress(Step::Exports);
                exported
            },
        );
        let mut files = match rendered {
            Ok(files) => files,
            Err(errors) => {
                given_up.store(true, Ordering::Relaxed);
                let _ = indexer.map(|i| i.join());
                return (Err(errors), None);
            }
        };
        let page_count = files.iter().filter(|f| f.path.ends_with(".html")).count();
        files.extend(exported.files);
        let counts = (page_count, files.len(), exported.warnings);
        match indexer {
            Some(indexer) => {
                let written = staged.write(&files).map_err(|d| vec![d]);
                let index = indexer.join().unwrap_or_else(|_| Err(stopped("søkeindeksen").remove(0)));
                (written.map(|_| counts), Some(index))
            }
            None => {
                let staged = &mut staged;
                // The bytes of each page are freed once the writer is done with them.
                let writer = scope.spawn(move || staged.write(&files));
                let index = index();
                let written = writer.join().unwrap_or_else(|_| Err(stopped("skrivingen av nettstedet").remove(0)));
                (written.map(|_| counts).map_err(|d| vec![d]), Some(index))
            }
        }
    });
    let (pages, files, warnings) = written?;
    let index = index.unwrap_or_else(|| Err(stopped("søkeindeksen").remove(0))).map_err(|d| vec![d])?;
    let search_parts = (index.built, index.reused);
    let files = files + index.files.len() + 1;
    staged.write(&index.files).and_then(|_| staged.commit()).map_err(|d| vec![d])?;
    progress(Step::Written);
    Ok(Written { pages, files, search_parts, warnings })
}
