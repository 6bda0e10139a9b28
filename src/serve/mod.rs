//! The preview server: build in memory, serve the last good build on loopback, watch the
//! content and the theme, rebuild on save, and tell open pages to reload only once the
//! new build is complete. A failed rebuild keeps the old site and shows the errors.

mod http;
mod live;
mod state;
mod watch;

use crate::Options;
use crate::diagnostics::Diagnostic;
use crate::output::search::Layout;
use crate::render::source::PageSource;
use crate::session::{Changes, Prepared, Session};
use state::{Shared, Snapshot};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use state::is_safe_path;
use watch::Change;

/// What the server tells the binary, which decides how to show it.
#[derive(Debug)]
pub enum ServeEvent {
    Listening(SocketAddr),
    /// A build succeeded: pages served, time taken, and its warnings.
    Built {
        pages: usize,
        took: Duration,
        warnings: Vec<Diagnostic>,
    },
    /// A build failed: the previous site is still served.
    Failed {
        diagnostics: Vec<Diagnostic>,
    },
    /// Files changed, a rebuild starts.
    Changed(Vec<PathBuf>),
    /// Warnings of the exports, made after the reload.
    LateWarnings(Vec<Diagnostic>),
    /// The search index of the first build is ready.
    SearchReady {
        took: Duration,
    },
    /// After a save, the exports and the search index are made too: everything of the site
    /// follows the save (`took`: since the rebuild began).
    Updated {
        took: Duration,
    },
    WatchError(String),
}

/// Runs the server until the process is stopped.
pub fn run(
    options: Options,
    addr: SocketAddr,
    report: impl Fn(ServeEvent) + Send + Sync + 'static,
) -> anyhow::Result<()> {
    let report: Arc<dyn Fn(ServeEvent) + Send + Sync> = Arc::new(report);
    let shared = Shared::new();
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    let listener = runtime.block_on(tokio::net::TcpListener::bind(addr))?;
    let local = listener.local_addr()?;
    let mut options = options;
    if options.base_url.is_none() {
        options.base_url = Some(format!("http://{local}/"));
    }
    let mut session = Session::default();
    rebuild(&options, &mut session, &shared, &report, Changes::Everything, true);
    let (changes, watcher) = watch::start(&options)?;
    let worker_options = options.clone();
    let worker_shared = shared.clone();
    let worker_report = report.clone();
    std::thread::spawn(move || {
        while let Ok(first) = changes.recv() {
            // Saves that arrive while we wait join this rebuild.
            let mut paths = Vec::new();
            let mut lost_track = false;
            for change in std::iter::once(first).chain(std::iter::from_fn(|| changes.try_recv().ok())) {
                match change {
                    Change::Paths(more) => paths.extend(more),
                    Change::LostTrack => lost_track = true,
                }
            }
            paths.sort();
            paths.dedup();
            let changes = if lost_track {
                // A watched folder was replaced, or the watcher failed: watch the folders again
                // by their paths, and read everything anew.
                watcher.rewatch(&worker_options);
                worker_report(ServeEvent::WatchError("filovervåkingen mistet oversikten; bygger alt på nytt".into()));
                Changes::Everything
            } else {
                worker_report(ServeEvent::Changed(paths.clone()));
                Changes::Paths(&paths)
            };
            rebuild(&worker_options, &mut session, &worker_shared, &worker_report, changes, false);
        }
    });
    report(ServeEvent::Listening(local));
    runtime.block_on(http::serve(listener, shared))?;
    Ok(())
}

/// Prepares the build, taking over what the change did not touch; on success swaps it in
/// and sends the reload: its pages are rendered as they are asked for. Then, in the
/// background, every page is tried once (unless that was done before the reload; pages
/// made from views taken over from a build whose pages all rendered are passed by), the
/// exports are made, and beside them the search index (on the first build, the exports
/// before the server opens). On failure keeps the old site and sends the errors.
fn rebuild(
    options: &Options,
    session: &mut Session,
    shared: &Shared,
    report: &Arc<dyn Fn(ServeEvent) + Send + Sync>,
    changes: Changes,
    first: bool,
) {
    let started = Instant::now();
    let number = shared.start_build();
    let (prepared, diagnostics) = session.prepare(options, changes);
    let mut diagnostics = diagnostics.sorted();
    let failed = |diagnostics: Vec<Diagnostic>| {
        shared.fail(diagnostics.clone());
        report(ServeEvent::Failed { diagnostics });
    };
    let Some(Prepared { source, theme_changed }) = prepared else { return failed(diagnostics) };
    // A theme loaded anew may fail on any page: every page is tried before it is shown.
    if theme_changed && let Err(errors) = source.check_every_page(&|| false) {
        diagnostics.extend(errors);
        return failed(diagnostics);
    }
    let pages = source.paths().iter().filter(|p| p.ends_with(".html")).count();
    let files = match source.other_files(&options.content) {
        Ok(files) => files,
        Err(errors) => {
            diagnostics.extend(errors);
            return failed(diagnostics);
        }
    };
    let snapshot = Snapshot::from_files(files, Some(&shared.site()));
    let generation = shared.publish(snapshot, source.clone(), diagnostics.clone());
    let (shared, report) = (shared.clone(), report.clone());
    let build = (generation, number);
    if first {
        let Some(warnings) = exports(&shared, build, &source) else { return };
        report(ServeEvent::Built { pages, took: started.elapsed(), warnings: [diagnostics, warnings].concat() });
        let (records, language) = (source.records(), source.language().to_string());
        drop(source);
        std::thread::spawn(move || {
            let started = Instant::now();
            if search(&shared, build, &records, &language) {
                report(ServeEvent::SearchReady { took: started.elapsed() });
            }
        });
        return;
    }
    report(ServeEvent::Built { pages, took: started.elapsed(), warnings: diagnostics });
    std::thread::spawn(move || {
        // The search index is made on a thread of its own, beside the check and the exports.
        let (records, language) = (source.records(), source.language().to_string());
        let searcher = {
            let shared = shared.clone();
            std::thread::spawn(move || search(&shared, build, &records, &language))
        };
        let check_and_export = || {
            if !theme_changed
                && !shared.superseded(number)
                && let Err(errors) = source.check_every_page(&|| shared.superseded(number))
                && shared.fail_pages(generation, errors.clone())
            {
                report(ServeEvent::Failed { diagnostics: errors });
            }
            exports(&shared, build, &source)
        };
        let exported = match background_pool() {
            Some(pool) => pool.install(check_and_export),
            None => check_and_export(),
        };
        drop(source);
        let searched = searcher.join().unwrap_or(false);
        let Some(warnings) = exported else { return };
        if !warnings.is_empty() {
            report(ServeEvent::LateWarnings(warnings));
        }
        if searched && shared.updated(generation) {
            report(ServeEvent::Updated { took: started.elapsed() });
        }
    });
}

/// Makes a build's exports and serves them, unless a newer build came meanwhile; returns
/// their warnings.
fn exports(shared: &Shared, (generation, number): (u64, u64), source: &PageSource) -> Option<Vec<Diagnostic>> {
    if shared.superseded(number) {
        return None;
    }
    let exported = source.exports();
    let warnings = exported.warnings.clone();
    let is_export = |p: &str| !p.starts_with(crate::output::search::BUNDLE_DIR);
    shared.add_later(generation, is_export, exported.files, exported.warnings).then_some(warnings)
}

/// One thread for the work that follows a reload (trying every page, the exports), so that
/// the next save's build finds the shared pool free rather than queued behind it. The search
/// index is made beside it, on a thread of its own, from records made first on all cores.
fn background_pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| rayon::ThreadPoolBuilder::new().num_threads(1).thread_name(|_| "bakgrunn".into()).build().ok())
        .as_ref()
}

/// Indexes a build's records and swaps the index in, unless a newer build came meanwhile.
/// Whether it was swapped in.
fn search(
    shared: &Shared,
    (generation, number): (u64, u64),
    records: &[crate::output::search::SearchRecord],
    language: &str,
) -> bool {
    let earlier = shared.earlier_search();
    let is_index = |p: &str| p.starts_with(crate::output::search::BUNDLE_DIR);
    let newer = || shared.superseded(number);
    crate::output::search::index_unless(records, language, &earlier, Layout::preview(), &newer)
        .is_ok_and(|index| shared.add_later(generation, is_index, index.files, Vec::new()))
}
