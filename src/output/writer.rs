//! Writing the site: into a new folder beside the output folder, swapped in only when
//! every file is written, so a failed build leaves the previous site as it was. Refuses
//! output folders where a swap could destroy anything innkjop did not write.

use super::{FileContent, OutputFile};
use crate::diagnostics::{Diagnostic, codes, io_words};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The file that marks a folder as written by innkjop.
pub const MARKER: &str = ".innkjop-output";
/// What the marker says; a file of that name that says something else is not innkjop's.
const MARKER_TEXT: &str = "Denne mappen er skrevet av innkjop og erstattes ved hver bygging.\n";

/// Whether `dir` holds innkjop's marker, with innkjop's text in it (an empty file of that
/// name, planted or left by another program, does not count).
pub fn is_marked(dir: &Path) -> bool {
    use std::io::Read;
    let mut text = String::new();
    let read = fs::File::open(dir.join(MARKER)).and_then(|f| f.take(4096).read_to_string(&mut text));
    read.is_ok() && text.starts_with(MARKER_TEXT.trim_end())
}

/// The folders an output folder must keep clear of.
pub struct Guard<'a> {
    pub content: &'a Path,
    pub theme: Option<&'a Path>,
    pub current_dir: &'a Path,
    pub home: Option<&'a Path>,
}

/// Checks that `output` may be replaced; returns its absolute path.
pub fn check_output(output: &Path, guard: &Guard) -> Result<PathBuf, Diagnostic> {
    let refuse = |why: String| {
        Diagnostic::new(
            codes::OUTPUT_REFUSED,
            output,
            format!("nekter å skrive nettstedet til {}: {why}", output.display()),
        )
        .hint("velg en egen mappe for nettstedet med --output, for eksempel public/")
        .outside_content()
    };
    let abs = absolute(output).map_err(|e| refuse(format!("stien kan ikke leses ({})", io_words(&e))))?;
    let content = absolute(guard.content).unwrap_or_else(|_| guard.content.to_path_buf());
    let theme = guard.theme.map(|t| absolute(t).unwrap_or_else(|_| t.to_path_buf()));
    let cwd = absolute(guard.current_dir).unwrap_or_else(|_| guard.current_dir.to_path_buf());
    if abs.parent().is_none() {
        return Err(refuse("det er rotmappen".into()));
    }
    if abs == cwd {
        return Err(refuse("det er mappen du står i".into()));
    }
    if cwd.starts_with(&abs) {
        return Err(refuse("mappen du står i ligger inni den".into()));
    }
    if let Some(home) = guard.home {
        let home = absolute(home).unwrap_or_else(|_| home.to_path_buf());
        if abs == home || home.starts_with(&abs) {
            return Err(refuse("det er hjemmemappen eller en mappe over den".into()));
        }
    }
    if abs.parent().is_some_and(|p| p == Path::new("/home")) {
        return Err(refuse("det er en hjemmemappe".into()));
    }
    for (what, dir) in [("innholdsmappen", Some(&content)), ("temamappen", theme.as_ref())] {
        let Some(dir) = dir else { continue };
        if abs == **dir {
            return Err(refuse(format!("det er {what}")));
        }
        if dir.starts_with(&abs) {
            return Err(refuse(format!("den inneholder {what}")));
        }
        if abs.starts_with(dir) {
            return Err(refuse(format!("den ligger inni {what}")));
        }
    }
    match fs::symlink_metadata(&abs) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(abs),
        Err(e) => Err(refuse(format!("den kan ikke leses ({})", io_words(&e)))),
        Ok(m) if !m.is_dir() => Err(refuse("det finnes en fil med det navnet".into())),
        Ok(_) => {
            let empty = fs::read_dir(&abs).map(|mut d| d.next().is_none()).unwrap_or(false);
            if empty || is_marked(&abs) {
                Ok(abs)
            } else {
                Err(refuse(format!(
                    "mappen finnes, er ikke tom og er ikke skrevet av innkjop (mangler merket {MARKER} fra innkjop)"
                )))
            }
        }
    }
}

/// A new site being written into a fresh folder beside the output folder: swapped in by
/// [`Staged::commit`], removed if dropped before. Files can be written in several rounds,
/// so a build need not hold the whole site in memory at once. While it lives it holds the
/// output folder's lock: a second build into the same folder stops at once with a message,
/// instead of removing this one's folder as a leftover.
pub struct Staged {
    output: PathBuf,
    fresh: PathBuf,
    old: PathBuf,
    committed: bool,
    /// The lock file, locked; removed when the build is done.
    _lock: Lock,
}

/// The lock of an output folder: a file beside it, locked by the build that holds it.
struct Lock {
    path: PathBuf,
    file: Option<fs::File>,
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still locked: a build that opened it meanwhile finds it gone once it
        // has the lock, and takes a new one (see `lock`).
        if cfg!(unix) {
            let _ = fs::remove_file(&self.path);
        }
        drop(self.file.take());
    }
}

fn write_error(output: &Path, what: &str, e: io::Error) -> Diagnostic {
    let hint = match e.kind() {
        io::ErrorKind::PermissionDenied => {
            "sjekk at du har skrivetilgang til mappen; forrige versjon av nettstedet er urørt"
        }
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "disken er full; frigjør plass og bygg på nytt (forrige versjon av nettstedet er urørt)"
        }
        _ => "forrige versjon av nettstedet er urørt",
    };
    Diagnostic::new(codes::WRITE_FAILED, output, format!("kunne ikke skrive nettstedet ({what}): {}", io_words(&e)))
        .hint(hint)
        .outside_content()
}

/// Takes the lock of the output folder: `.<name>.innkjop-las` beside it, locked. A second
/// build into the same folder stops at once with a message.
fn lock(output: &Path, parent: &Path, name: &str) -> Result<Lock, Diagnostic> {
    let path = parent.join(format!(".{name}.innkjop-las"));
    loop {
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| write_error(output, "låse mappen", e))?;
        match file.try_lock() {
            // The file may have been removed by the build that held it, between our opening
            // and our locking it: then it locks nothing, and a new one is taken.
            Ok(()) if same_file(&file, &path) => return Ok(Lock { path, file: Some(file) }),
            Ok(()) => continue,
            Err(fs::TryLockError::WouldBlock) => {
                return Err(Diagnostic::new(
                    codes::BUILD_RUNNING,
                    output,
                    format!("en annen bygging skriver til {} akkurat nå", output.display()),
                )
                .hint("vent til den andre byggingen er ferdig, og prøv igjen; nettstedet den skriver blir helt")
                .outside_content());
            }
            Err(fs::TryLockError::Error(e)) => return Err(write_error(output, "låse mappen", e)),
        }
    }
}

/// Whether `file` is still the file at `path`.
fn same_file(file: &fs::File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        // Elsewhere a locked file cannot be removed, so it is always the same.
        let _ = (file, path);
        true
    }
}

impl Staged {
    /// Takes the output folder's lock, cleans up after a killed build, then creates the fresh
    /// folder with its marker.
    pub fn begin(output: &Path) -> Result<Staged, Diagnostic> {
        let parent = output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = output.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| "public".into());
        fs::create_dir_all(parent).map_err(|e| write_error(output, "lage mappen over", e))?;
        let lock = lock(output, parent, &name)?;
        remove_leftovers(parent, &name);
        let fresh = parent.join(format!(".{name}.innkjop-ny-{}", std::process::id()));
        let old = parent.join(format!(".{name}.innkjop-gammel-{}", std::process::id()));
        let staged = Staged { output: output.to_path_buf(), fresh, old, committed: false, _lock: lock };
        fs::create_dir(&staged.fresh)
            .and_then(|_| fs::write(staged.fresh.join(MARKER), MARKER_TEXT))
            .map_err(|e| write_error(output, "skrive filene", e))?;
        Ok(staged)
    }

    /// Writes files into the fresh folder (in parallel). A file whose bytes equal the same
    /// file of the site it replaces is linked to it instead of written: cheaper to write and
    /// to remove, and its time stays as it was, so a deploy or a cache sees it unchanged.
    pub fn write(&mut self, files: &[OutputFile]) -> Result<(), Diagnostic> {
        let previous = self.output.is_dir().then_some(self.output.as_path());
        write_all(&self.fresh, files, previous).map_err(|e| write_error(&self.output, "skrive filene", e))
    }

    /// Swaps the fresh folder in for the output folder, then removes the old site.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        let had_old = self.output.exists();
        if had_old && let Err(e) = fs::rename(&self.output, &self.old) {
            return Err(write_error(&self.output, "flytte forrige versjon", e));
        }
        if let Err(e) = fs::rename(&self.fresh, &self.output) {
            if had_old {
                let _ = fs::rename(&self.old, &self.output);
            }
            return Err(write_error(&self.output, "ta i bruk ny versjon", e));
        }
        self.committed = true;
        if had_old {
            remove_marked(&self.old);
        }
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.fresh);
        }
    }
}

fn write_all(root: &Path, files: &[OutputFile], previous: Option<&Path>) -> io::Result<()> {
    let dirs: BTreeSet<PathBuf> =
        files.iter().filter_map(|f| Path::new(&f.path).parent().map(Path::to_path_buf)).collect();
    for dir in dirs {
        fs::create_dir_all(root.join(dir))?;
    }
    files.par_iter().try_for_each(|f| {
        let target = root.join(&f.path);
        match &f.content {
            FileContent::Bytes(bytes) => {
                let unchanged = previous.map(|p| p.join(&f.path)).filter(|old| holds(old, bytes));
                match unchanged {
                    Some(old) if fs::hard_link(&old, &target).is_ok() => Ok(()),
                    _ => fs::write(&target, bytes),
                }
            }
            FileContent::Copy(source) => fs::copy(source, &target).map(|_| ()),
            FileContent::Reuse(source) => {
                fs::hard_link(source, &target).or_else(|_| fs::copy(source, &target).map(|_| ()))
            }
        }
    })
}

/// Whether `path` is a plain file holding exactly `bytes`.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    use std::io::Read;
    let same_size = fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64);
    let Some(mut file) = same_size.then(|| fs::File::open(path).ok()).flatten() else { return false };
    let mut buffer = vec![0; 64 * 1024];
    let mut rest = bytes;
    loop {
        match file.read(&mut buffer) {
            Ok(0) => return rest.is_empty(),
            Ok(n) if n <= rest.len() && buffer[..n] == rest[..n] => rest = &rest[n..],
            Ok(_) => return false,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}

/// Removes a folder innkjop wrote, its marker last: a build killed halfway through leaves
/// a folder still marked as ours, which the next build finishes removing.
fn remove_marked(dir: &Path) {
    remove_contents(dir, Some(MARKER));
    let _ = fs::remove_file(dir.join(MARKER));
    let _ = fs::remove_dir(dir);
}

/// Removes everything in `dir` but the entry named `spare`, on all cores: a site has
/// thousands of files, and removing them one by one took a sixth of a rebuild at 2,000
/// items. A link is removed, never followed.
fn remove_contents(dir: &Path, spare: Option<&str>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let entries: Vec<fs::DirEntry> = entries.flatten().filter(|e| spare.is_none_or(|s| e.file_name() != s)).collect();
    entries.par_iter().for_each(|entry| {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            remove_contents(&path, None);
            let _ = fs::remove_dir(&path);
        } else {
            let _ = fs::remove_file(&path);
        }
    });
}

/// Cleans up after a build that was killed: a previous site moved aside but not replaced
/// (killed between the two renames of the swap) is put back; the temporary folders are
/// removed (only ones innkjop marked, or empty ones).
pub fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    let fresh = format!(".{name}.innkjop-ny-");
    let old = format!(".{name}.innkjop-gammel-");
    let mut leftovers: Vec<(bool, PathBuf)> = entries
        .flatten()
        .filter_map(|entry| {
            let file_name = entry.file_name().to_string_lossy().to_string();
            let is_old = file_name.starts_with(&old);
            // Ours when marked, or holding nothing but a marker being written (killed between
            // creating the folder and finishing its marker).
            let ours = is_marked(&entry.path())
                || fs::read_dir(entry.path()).is_ok_and(|d| d.flatten().all(|e| e.file_name() == MARKER));
            ((is_old || file_name.starts_with(&fresh)) && ours).then(|| (is_old, entry.path()))
        })
        .collect();
    leftovers.sort();
    let output = parent.join(name);
    if !output.exists()
        && let Some(previous) = leftovers.iter().rev().find(|(is_old, _)| *is_old).map(|(_, p)| p.clone())
        && fs::rename(&previous, &output).is_ok()
    {
        leftovers.retain(|(_, p)| *p != previous);
    }
    for (_, path) in leftovers {
        remove_marked(&path);
    }
}

fn absolute(path: &Path) -> io::Result<PathBuf> {
    if let Ok(p) = path.canonicalize() {
        return Ok(p);
    }
    let abs = std::path::absolute(path)?;
    match (abs.parent(), abs.file_name()) {
        (Some(parent), Some(name)) => Ok(absolute(parent)?.join(name)),
        _ => Ok(abs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_moved_aside_by_a_killed_build_is_put_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let aside = dir.path().join(".public.innkjop-gammel-42");
        fs::create_dir(&aside).expect("mkdir");
        fs::write(aside.join(MARKER), MARKER_TEXT).expect("marker");
        fs::write(aside.join("index.html"), "old").expect("page");
        let fresh = dir.path().join(".public.innkjop-ny-42");
        fs::create_dir(&fresh).expect("mkdir");
        fs::write(fresh.join(MARKER), MARKER_TEXT).expect("marker");
        let foreign = dir.path().join(".public.innkjop-ny-7");
        fs::create_dir(&foreign).expect("mkdir");
        fs::write(foreign.join("notat.txt"), "someone else's").expect("file");
        let empty = dir.path().join(".public.innkjop-ny-8");
        fs::create_dir(&empty).expect("mkdir");
        let half = dir.path().join(".public.innkjop-ny-9");
        fs::create_dir(&half).expect("mkdir");
        fs::write(half.join(MARKER), "").expect("marker begun");
        remove_leftovers(dir.path(), "public");
        assert_eq!(fs::read_to_string(dir.path().join("public/index.html")).expect("restored"), "old");
        assert!(!fresh.exists(), "our temporary folder is removed");
        assert!(foreign.exists(), "an unmarked folder is not ours and stays");
        assert!(!empty.exists(), "an empty one (killed before its marker was written) goes");
        assert!(!half.exists(), "one killed while writing its marker goes");
    }
}
