//! Watching the content and the theme: debounced file events, editor temp files ignored,
//! atomic saves, deletes, renames and new folders all lead to a rebuild.

use crate::Options;
use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Sent as a path when the watcher reports an error: rebuild to be safe.
pub const ERROR_MARK: &str = "\0watch-error";

/// How long events are gathered before a rebuild: long enough to join the writes of one save
/// (an editor's write-then-rename takes well under a millisecond). A save split over two
/// rebuilds costs nothing: the second supersedes the first.
const DEBOUNCE: Duration = Duration::from_millis(5);

/// The watcher; dropping it stops the watching.
pub type Watcher = Debouncer<notify::RecommendedWatcher, RecommendedCache>;

/// Starts watching; each message is the list of changed paths.
pub fn start(options: &Options) -> anyhow::Result<(mpsc::Receiver<Vec<PathBuf>>, Watcher)> {
    let (tx, rx) = mpsc::channel();
    let mut debouncer = new_debouncer(DEBOUNCE, Some(Duration::from_millis(2)), move |result: DebounceEventResult| {
        let paths: Vec<PathBuf> = match result {
            Ok(events) => events
                .iter()
                .filter(|e| changes_content(&e.kind))
                .flat_map(|e| e.paths.iter())
                .filter(|p| !is_ignored(p))
                .cloned()
                .collect(),
            Err(_) => vec![PathBuf::from(ERROR_MARK)],
        };
        if !paths.is_empty() {
            let _ = tx.send(paths);
        }
    })?;
    debouncer.watch(&options.content, RecursiveMode::Recursive)?;
    if options.theme.is_dir() {
        debouncer.watch(&options.theme, RecursiveMode::Recursive)?;
    }
    Ok((rx, debouncer))
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

/// Editor temp and backup files never trigger a rebuild.
pub fn is_ignored(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else { return false };
    name.ends_with('~')
        || name.starts_with(".#")
        || name.starts_with('#')
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp", ".part", ".crdownload"].iter().any(|ext| name.ends_with(ext))
        || (name.starts_with('.') && name != ".innkjop-output")
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
