//! Watching the content and the theme: debounced file events, editor temp files ignored,
//! atomic saves, deletes, renames and new folders all lead to a rebuild. The folders are
//! watched by path: when `content/` is replaced by a new folder (moved away and created
//! again, or restored from a copy), the new one is watched.

use crate::Options;
use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

/// What the watcher reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// These paths changed.
    Paths(Vec<PathBuf>),
    /// The watcher lost track (an error, or a watched folder was replaced): anything may
    /// have changed.
    LostTrack,
}

/// How long events are gathered before a rebuild: long enough to join the writes of one save
/// (an editor's write-then-rename takes well under a millisecond). A save split over two
/// rebuilds costs nothing: the second supersedes the first.
const DEBOUNCE: Duration = Duration::from_millis(5);

type Inner = Debouncer<notify::RecommendedWatcher, RecommendedCache>;

/// The watcher; dropping it stops the watching.
pub struct Watcher {
    inner: Arc<Mutex<Inner>>,
}

/// The folders watched, in the form given and as the system names them (events use either).
#[derive(Clone)]
struct Folders {
    roots: Vec<PathBuf>,
}

impl Folders {
    fn of(options: &Options) -> Folders {
        let mut roots = Vec::new();
        for dir in std::iter::once(&options.content).chain(&options.theme) {
            if dir.as_os_str().is_empty() {
                continue;
            }
            roots.push(dir.to_path_buf());
            roots.extend(dir.canonicalize().ok());
            roots.extend(std::path::absolute(dir).ok());
        }
        roots.sort();
        roots.dedup();
        Folders { roots }
    }

    /// Whether `path` is one of the watched folders itself.
    fn is_root(&self, path: &Path) -> bool {
        self.roots.iter().any(|r| r == path)
    }

    /// Whether `path` is in (or is) a watched folder.
    fn holds(&self, path: &Path) -> bool {
        self.roots.iter().any(|r| path.starts_with(r))
    }
}

/// Starts watching; each message says what changed.
pub fn start(options: &Options) -> anyhow::Result<(mpsc::Receiver<Change>, Watcher)> {
    let (tx, rx) = mpsc::channel();
    let folders = Folders::of(options);
    let seen = folders.clone();
    let debouncer = new_debouncer(DEBOUNCE, Some(Duration::from_millis(2)), move |result: DebounceEventResult| {
        let change = match result {
            Ok(events) => {
                let events: Vec<_> = events.iter().filter(|e| changes_content(&e.kind)).collect();
                if events.iter().flat_map(|e| &e.paths).any(|p| seen.is_root(p)) {
                    Change::LostTrack
                } else {
                    let paths: Vec<PathBuf> = events
                        .iter()
                        .flat_map(|e| e.paths.iter())
                        .filter(|p| seen.holds(p) && !is_ignored(p))
                        .cloned()
                        .collect();
                    if paths.is_empty() {
                        return;
                    }
                    Change::Paths(paths)
                }
            }
            Err(_) => Change::LostTrack,
        };
        let _ = tx.send(change);
    })?;
    let watcher = Watcher { inner: Arc::new(Mutex::new(debouncer)) };
    watcher.watch(options)?;
    Ok((rx, watcher))
}

impl Watcher {
    /// Watches the content and theme folders, and the folders they are in (only their own
    /// entries), so that a folder replaced by a new one is seen.
    fn watch(&self, options: &Options) -> anyhow::Result<()> {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        for dir in std::iter::once(&options.content).chain(&options.theme) {
            if !dir.is_dir() {
                continue;
            }
            let _ = inner.unwatch(dir);
            inner.watch(dir, RecursiveMode::Recursive)?;
            if let Some(parent) = std::path::absolute(dir).ok().and_then(|d| d.parent().map(Path::to_path_buf)) {
                let _ = inner.unwatch(&parent);
                let _ = inner.watch(&parent, RecursiveMode::NonRecursive);
            }
        }
        Ok(())
    }

    /// Watches the folders again, by their paths: after a folder was replaced.
    pub fn rewatch(&self, options: &Options) {
        let _ = self.watch(options);
    }
}

/// Whether an event can change what a build reads. Reading files (which every build does)
/// and metadata changes must not trigger a rebuild, or the server would rebuild forever.
fn changes_content(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Create(_)
            | EventKind::Remove(_)
            | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any | ModifyKind::Other)
            | EventKind::Any
    )
}

/// Whether a change of this path can be passed by: a file the walk of the content never
/// reads (see `content::load::is_skipped`).
fn is_ignored(path: &Path) -> bool {
    path.file_name().is_some_and(|n| crate::content::load::is_skipped(&n.to_string_lossy()))
}

#[cfg(test)]
mod tests {
    use super::is_ignored;
    use std::path::Path;

    #[test]
    fn editor_files_are_ignored() {
        for p in ["a.md~", ".#a.md", "#a.md#", "4913", ".a.md.swp", "x.tmp", ".hidden"] {
            assert!(is_ignored(Path::new(p)), "{p}");
        }
        assert!(!is_ignored(Path::new("content/rammeavtaler/a.md")));
    }
}
