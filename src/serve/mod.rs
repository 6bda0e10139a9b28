//! The preview server: build in memory, serve the last good build on loopback, watch the
//! content and the theme, rebuild on save, and tell open pages to reload only once the
//! new build is complete. A failed rebuild keeps the old site and shows the errors.

mod admin;
mod http;
mod live;
mod state;
mod watch;

use crate::Options;
use crate::diagnostics::Diagnostic;
use crate::render::Pages;
use crate::search::Layout;
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
        let mut day = crate::today_in_oslo();
        loop {
            // Without `--today`, statuses follow the clock: a new day in Oslo rebuilds.
            let first = match worker_options.today {
                Some(_) => changes.recv().ok(),
                None => match changes.recv_timeout(until_next_day()) {
                    Ok(change) => Some(change),
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => None,
                    Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
                },
            };
            let Some(first) = first else {
                if crate::today_in_oslo() != day {
                    day = crate::today_in_oslo();
                    rebuild(&worker_options, &mut session, &worker_shared, &worker_report, Changes::Everything, false);
                }
                continue;
            };
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
            day = crate::today_in_oslo();
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
    runtime.block_on(http::serve(listener, shared, options.content.clone()))?;
    Ok(())
}

/// How long until the next day begins in Europe/Oslo (and a little more).
fn until_next_day() -> Duration {
    use chrono::TimeZone;
    let oslo = chrono_tz::Europe::Oslo;
    let now = chrono::Utc::now();
    let tomorrow = now.with_timezone(&oslo).date_naive().succ_opt().unwrap_or_default();
    let midnight = oslo.from_local_datetime(&tomorrow.and_hms_opt(0, 0, 0).unwrap_or_default()).earliest();
    let wait = midnight.map(|m| (m.with_timezone(&chrono::Utc) - now).num_milliseconds()).unwrap_or(60_000);
    Duration::from_millis(u64::try_from(wait).unwrap_or(0) + 1_000)
}

/// Prepares the build, taking over what the change did not touch; on success swaps it in and
/// sends the reload: its pages are rendered as they are asked for. Then, in the background, the
/// exports are made and beside them the search index (on the first build, the exports before
/// the server opens), and then every page is tried once (before the reload when the theme
/// changed). On failure keeps the old site and sends the errors.
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
    let Some(Prepared { pages, theme_changed }) = prepared else { return failed(diagnostics) };
    // A theme loaded anew may fail on any page: every page is tried before it is shown.
    if theme_changed && let Err(errors) = pages.check_all(&|| false) {
        diagnostics.extend(errors);
        return failed(diagnostics);
    }
    let files = match pages.other_files(&options.content) {
        Ok(files) => files,
        Err(errors) => {
            diagnostics.extend(errors);
            return failed(diagnostics);
        }
    };
    let count = pages.paths().iter().filter(|p| p.ends_with(".html")).count();
    let snapshot = shared.with_site(|site| Snapshot::from_files(files, Some(site)));
    shared.publish(number, snapshot, pages.clone(), diagnostics.clone());
    let (shared, report) = (shared.clone(), report.clone());
    if first {
        let Some(warnings) = exports(&shared, number, &pages) else { return };
        report(ServeEvent::Built { pages: count, took: started.elapsed(), warnings: [diagnostics, warnings].concat() });
        let records = crate::render::search_records(pages.site(), pages.views());
        let language = pages.site().model.settings.language.clone();
        drop(pages);
        std::thread::spawn(move || {
            let started = Instant::now();
            if search(&shared, number, &records, &language) {
                report(ServeEvent::SearchReady { took: started.elapsed() });
            }
        });
        return;
    }
    report(ServeEvent::Built { pages: count, took: started.elapsed(), warnings: diagnostics });
    std::thread::spawn(move || {
        // The search index is made on a thread of its own, beside the exports.
        let records = crate::render::search_records(pages.site(), pages.views());
        let language = pages.site().model.settings.language.clone();
        let searcher = {
            let shared = shared.clone();
            std::thread::spawn(move || search(&shared, number, &records, &language))
        };
        let exported = exports(&shared, number, &pages);
        let searched = searcher.join().unwrap_or(false);
        let Some(warnings) = exported else { return };
        if !warnings.is_empty() {
            report(ServeEvent::LateWarnings(warnings));
        }
        if searched && shared.updated(number) {
            report(ServeEvent::Updated { took: started.elapsed() });
        }
        // Last, every page is tried once, so a template error shows in the overlay.
        if !theme_changed
            && !shared.superseded(number)
            && let Err(errors) = pages.check_all(&|| shared.superseded(number))
            && shared.fail_pages(number, errors.clone())
        {
            report(ServeEvent::Failed { diagnostics: errors });
        }
    });
}

/// Makes a build's exports and serves them, unless a newer build came meanwhile; returns
/// their warnings.
fn exports(shared: &Shared, number: u64, pages: &Pages) -> Option<Vec<Diagnostic>> {
    if shared.superseded(number) {
        return None;
    }
    let exported = crate::exports::files(pages.site());
    let warnings = exported.warnings.clone();
    let is_export = |p: &str| !p.starts_with(crate::search::BUNDLE_DIR);
    shared.add_later(number, is_export, exported.files, exported.warnings).then_some(warnings)
}

/// Indexes a build's records and swaps the index in, unless a newer build came meanwhile.
/// Whether it was swapped in.
fn search(shared: &Shared, number: u64, records: &[crate::search::SearchRecord], language: &str) -> bool {
    let earlier = shared.earlier_search();
    let is_index = |p: &str| p.starts_with(crate::search::BUNDLE_DIR);
    let newer = || shared.superseded(number);
    crate::search::index_unless(records, language, &earlier, Layout::preview(), &newer)
        .is_ok_and(|index| shared.add_later(number, is_index, index.files, Vec::new()))
}
