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
    rebuild(&options, &shared, &report);
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
            rebuild(&worker_options, &worker_shared, &worker_report);
        }
    });
    report(ServeEvent::Listening(local));
    runtime.block_on(http::serve(listener, shared))?;
    Ok(())
}

/// Builds in memory; on success swaps the new site in and sends the reload, then indexes
/// search in the background. On failure keeps the old site and sends the errors.
fn rebuild(options: &Options, shared: &Shared, report: &Arc<dyn Fn(ServeEvent) + Send + Sync>) {
    let started = Instant::now();
    let (rendered, diagnostics) = crate::render_site(options);
    let diagnostics = diagnostics.sorted();
    let Some(site) = rendered else {
        shared.fail(diagnostics.clone());
        report(ServeEvent::Failed { diagnostics });
        return;
    };
    let pages = site.files.iter().filter(|f| f.path.ends_with(".html")).count();
    let generation = shared.publish(Snapshot::from_files(site.files), diagnostics.clone());
    report(ServeEvent::Built { pages, took: started.elapsed(), warnings: diagnostics });
    let shared = shared.clone();
    let report = report.clone();
    let (records, language) = (site.records, site.language);
    std::thread::spawn(move || {
        let started = Instant::now();
        let earlier = shared.earlier_search();
        if let Ok(index) = crate::output::search::index(&records, &language, &earlier)
            && shared.add_search(generation, index.files)
        {
            report(ServeEvent::SearchReady { took: started.elapsed() });
        }
    });
}
