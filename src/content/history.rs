//! When each content file last changed, as its history says: the time of the last commit that
//! touched it, where the content is in a git work tree and the file is committed as it is.
//! A checkout gives every file the time of the checkout, so the file system's time would make
//! a site built by CI say that everything changed this morning. Without git, or for a file
//! with edits not yet committed, the file system's time stands.

use chrono::{DateTime, Utc};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Commit times by path relative to the content folder; `None` when git cannot say (no git,
/// not a work tree, a shallow clone, or anything unexpected).
pub fn commit_times(content_dir: &Path) -> Option<HashMap<PathBuf, DateTime<Utc>>> {
    let git = |args: &[&str]| -> Option<String> {
        let out = Command::new("git")
            .arg("-C")
            .arg(content_dir)
            .args(args)
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .ok()?;
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    };
    // A shallow clone knows only its last commit: every file would seem changed then.
    if git(&["rev-parse", "--is-shallow-repository"])?.trim() != "false" {
        return None;
    }
    // Files with edits since the last commit (staged or not) keep the file system's time.
    let edited: HashSet<PathBuf> = git(&["diff", "HEAD", "--name-only", "--no-renames", "--relative", "-z", "--", "."])
        .unwrap_or_default()
        .split('\0')
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .collect();
    let log = git(&["log", "--format=%x01%cI", "--name-only", "--no-renames", "--relative", "-z", "--", "."])?;
    let mut times = HashMap::new();
    let mut when: Option<DateTime<Utc>> = None;
    for field in log.split('\0') {
        let field = field.trim_start_matches('\n');
        // With -z, a commit's header ends its first path: "\x01<time>\n<path>".
        let path = match field.strip_prefix('\u{1}') {
            Some(rest) => {
                let (time, path) = rest.split_once('\n').unwrap_or((rest, ""));
                when = DateTime::parse_from_rfc3339(time.trim()).ok().map(|t| t.with_timezone(&Utc));
                path
            }
            None => field,
        };
        if let (Some(when), false) = (when, path.is_empty()) {
            let path = PathBuf::from(path);
            if !edited.contains(&path) {
                times.entry(path).or_insert(when);
            }
        }
    }
    Some(times)
}

/// Dates each item of `model` by its file's last commit where `times` has it, rather than by
/// the time the file system gives it.
pub fn date_by_history(model: &mut crate::model::Model, times: &HashMap<PathBuf, DateTime<Utc>>) {
    use crate::model::Origin;
    use std::sync::Arc;
    fn set<T: Clone>(
        items: &mut [Arc<T>],
        origin: fn(&T) -> &Origin,
        origin_mut: fn(&mut T) -> &mut Origin,
        times: &HashMap<PathBuf, DateTime<Utc>>,
    ) {
        for item in items {
            if let Some(time) = times.get(&origin(item).path) {
                origin_mut(Arc::make_mut(item)).changed = Some(*time);
            }
        }
    }
    set(&mut model.agreements, |a| &a.origin, |a| &mut a.origin, times);
    set(&mut model.purchases, |p| &p.origin, |p| &mut p.origin, times);
    set(&mut model.courses, |c| &c.origin, |c| &mut c.origin, times);
    set(&mut model.requirements, |r| &r.origin, |r| &mut r.origin, times);
    set(&mut model.pages, |p| &p.origin, |p| &mut p.origin, times);
}
