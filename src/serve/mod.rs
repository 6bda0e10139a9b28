//! The preview server: build in memory, serve the last good build on loopback, watch the
//! content and the theme, rebuild on save, and tell open pages to reload only once the
//! new build is complete. A failed rebuild keeps the old site and shows the errors.

mod http;
mod live;
mod state;
mod watch;

use crate::Options;
use crate::diagnostics::Diagnostic;
use state::{Shared, Snapshot};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use state::is_safe_path;

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
    /// The search index of the current build is ready.
    SearchReady {
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
    rebuild(&options, &shared, &report, true);
    let (changes, _watcher) = watch::start(&options)?;
    let worker_options = options.clone();
    let worker_shared = shared.clone();
    let worker_report = report.clone();
    std::thread::spawn(move || {
        while let Ok(first) = changes.recv() {
            let mut paths = first;
            // Saves that arrive while we wait join this rebuild.
            while let Ok(more) = changes.try_recv() {
                paths.extend(more);
            }
            paths.sort();
            paths.dedup();
            if paths.iter().any(|p| p.as_os_str() == watch::ERROR_MARK) {
                worker_report(ServeEvent::WatchError("filovervåkingen meldte en feil; bygger på nytt".into()));
            } else {
                worker_report(ServeEvent::Changed(paths));
            }
            rebuild(&worker_options, &worker_shared, &worker_report, false);
        }
    });
    report(ServeEvent::Listening(local));
    runtime.block_on(http::serve(listener, shared))?;
    Ok(())
}

/// Builds the pages in memory; on success swaps them in and sends the reload, then makes
/// the exports and the search index in the background (on the first build, the exports
/// before the server opens). On failure keeps the old site and sends the errors.
fn rebuild(options: &Options, shared: &Shared, report: &Arc<dyn Fn(ServeEvent) + Send + Sync>, first: bool) {
    let started = Instant::now();
    let number = shared.start_build();
    let (rendered, diagnostics) = crate::render_pages_first(options);
    let diagnostics = diagnostics.sorted();
    let Some((site, later)) = rendered else {
        shared.fail(diagnostics.clone());
        report(ServeEvent::Failed { diagnostics });
        return;
    };
    let pages = site.files.iter().filter(|f| f.path.ends_with(".html")).count();
    let generation = shared.publish(Snapshot::from_files(site.files), diagnostics.clone());
    let language = site.language;
    let shared = shared.clone();
    let report = report.clone();
    let exports = move |shared: &Shared| {
        if shared.superseded(number) {
            return None;
        }
        let rendered = later.finish();
        let warnings = rendered.warnings.clone();
        let is_export = |p: &str| !p.starts_with(crate::output::search::BUNDLE_DIR);
        shared
            .add_later(generation, is_export, rendered.files, rendered.warnings)
            .then_some((rendered.records, warnings))
    };
    if first {
        let Some((records, warnings)) = exports(&shared) else { return };
        report(ServeEvent::Built { pages, took: started.elapsed(), warnings: [diagnostics, warnings].concat() });
        std::thread::spawn(move || search(&shared, &report, (generation, number), &records, &language));
    } else {
        report(ServeEvent::Built { pages, took: started.elapsed(), warnings: diagnostics });
        std::thread::spawn(move || {
            let Some((records, warnings)) = exports(&shared) else { return };
            if !warnings.is_empty() {
                report(ServeEvent::LateWarnings(warnings));
            }
            search(&shared, &report, (generation, number), &records, &language);
        });
    }
}

/// Indexes a build's records and swaps the index in, unless a newer build came meanwhile.
fn search(
    shared: &Shared,
    report: &Arc<dyn Fn(ServeEvent) + Send + Sync>,
    (generation, number): (u64, u64),
    records: &[crate::output::search::SearchRecord],
    language: &str,
) {
    let started = Instant::now();
    let earlier = shared.earlier_search();
    let is_index = |p: &str| p.starts_with(crate::output::search::BUNDLE_DIR);
    let newer = || shared.superseded(number);
    if let Ok(index) = crate::output::search::index_unless(records, language, &earlier, &newer)
        && shared.add_later(generation, is_index, index.files, Vec::new())
    {
        report(ServeEvent::SearchReady { took: started.elapsed() });
    }
}
