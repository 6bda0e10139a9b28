//! The served site: the last good build in memory, the diagnostics of the last attempt,
//! and the channel that tells open pages to reload.

use crate::content::load::Stamp;
use crate::diagnostics::Diagnostic;
use crate::output::{FileContent, OutputFile};
use crate::render::Pages;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use tokio::sync::broadcast;

/// One file of the served site. Everything served was made or read by the build: a file on
/// disk is never read at request time, so a file swapped after the build (for a link to
/// another place) is never served.
#[derive(Debug, Clone)]
pub enum Served {
    Bytes(Arc<Vec<u8>>),
    /// A file copied into the site (a document, a static file of the theme), as the build read
    /// it, with where and when it read it, so the next build can take it over unchanged.
    Copied {
        bytes: Arc<Vec<u8>>,
        from: PathBuf,
        stamp: Stamp,
    },
    /// A page whose template failed: the message, shown with the error overlay.
    Broken(Arc<Diagnostic>),
}

impl Served {
    /// The bytes to send, if there are any.
    pub fn bytes(&self) -> Option<&Arc<Vec<u8>>> {
        match self {
            Served::Bytes(bytes) | Served::Copied { bytes, .. } => Some(bytes),
            Served::Broken(_) => None,
        }
    }
}

/// A complete build, keyed by path below the site root (`rammeavtaler/x/index.html`).
#[derive(Debug, Default, Clone)]
pub struct Snapshot {
    pub files: HashMap<String, Served>,
}

impl Snapshot {
    /// The files, with those to copy read now; one unchanged since `earlier` read it (the same
    /// file, size and time) is taken over from it. A file that cannot be read is left out.
    pub fn from_files(files: Vec<OutputFile>, earlier: Option<&Snapshot>) -> Snapshot {
        let files = files
            .into_iter()
            .filter_map(|f| {
                let served = match f.content {
                    FileContent::Bytes(b) => Served::Bytes(Arc::new(b)),
                    FileContent::Copy(from) | FileContent::Reuse(from) => {
                        let stamp = Stamp::of(&from)?;
                        let kept = earlier.and_then(|e| e.files.get(&f.path)).and_then(|s| match s {
                            Served::Copied { bytes, from: was, stamp: then } if *was == from && *then == stamp => {
                                Some(bytes.clone())
                            }
                            _ => None,
                        });
                        let bytes = match kept {
                            Some(bytes) => bytes,
                            None => Arc::new(std::fs::read(&from).ok()?),
                        };
                        Served::Copied { bytes, from, stamp }
                    }
                };
                Some((f.path, served))
            })
            .collect();
        Snapshot { files }
    }
}

#[derive(Default)]
pub struct Inner {
    /// The files beside the pages, the exports and the search index.
    pub site: Snapshot,
    /// The pages, rendered when asked for.
    pub pages: Option<Arc<Pages>>,
    /// Pages of this build rendered so far.
    pub rendered: HashMap<String, Served>,
    /// Errors and warnings of the last build attempt.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the last attempt failed (the site is the one before it).
    pub failed: bool,
    /// The number of the build served (see [`Shared::start_build`]).
    pub generation: u64,
    /// How many builds have ended, well or not: the forms wait for it to pass the save they
    /// made.
    pub finished: u64,
    /// Files made after the reload (exports and the search index): until a build's own
    /// arrive, the previous build's are served.
    pub later: HashMap<String, Served>,
}

/// Shared between the HTTP handlers and the rebuild thread.
#[derive(Clone)]
pub struct Shared {
    pub inner: Arc<RwLock<Inner>>,
    pub events: broadcast::Sender<&'static str>,
    /// Builds started so far (see [`Shared::superseded`]).
    started: Arc<std::sync::atomic::AtomicU64>,
}

impl Shared {
    pub fn new() -> Shared {
        let (events, _) = broadcast::channel(64);
        Shared { inner: Arc::new(RwLock::new(Inner::default())), events, started: Arc::default() }
    }

    /// Swaps in build `number`'s pages (keeping the old exports and search index until the new
    /// ones are ready), then tells the pages to reload.
    pub fn publish(&self, number: u64, site: Snapshot, pages: Arc<Pages>, diagnostics: Vec<Diagnostic>) {
        let replaced = {
            let mut inner = self.inner.write().unwrap_or_else(|e| e.into_inner());
            let replaced = (
                std::mem::replace(&mut inner.site, site),
                inner.pages.replace(pages),
                std::mem::take(&mut inner.rendered),
            );
            inner.diagnostics = diagnostics;
            inner.failed = false;
            inner.generation = number;
            inner.finished += 1;
            replaced
        };
        let _ = self.events.send("reload");
        // The previous build is freed after the reload is on its way, not before.
        drop(replaced);
    }

    /// Reads the files of the build now served beside its pages, without copying the list:
    /// with the exports and the search index it holds tens of thousands of entries.
    pub fn with_site<R>(&self, f: impl FnOnce(&Snapshot) -> R) -> R {
        f(&self.inner.read().unwrap_or_else(|e| e.into_inner()).site)
    }

    /// Records a failed build; the site stays as it was.
    pub fn fail(&self, diagnostics: Vec<Diagnostic>) {
        {
            let mut inner = self.inner.write().unwrap_or_else(|e| e.into_inner());
            inner.diagnostics = diagnostics;
            inner.failed = true;
            inner.finished += 1;
        }
        let _ = self.events.send("errors");
    }

    /// Records pages of the current build whose templates failed (found after the reload),
    /// unless a newer build came meanwhile: the overlay shows them.
    pub fn fail_pages(&self, generation: u64, errors: Vec<Diagnostic>) -> bool {
        {
            let mut inner = self.inner.write().unwrap_or_else(|e| e.into_inner());
            if inner.generation != generation {
                return false;
            }
            inner.diagnostics.extend(errors);
            inner.failed = true;
        }
        let _ = self.events.send("errors");
        true
    }

    /// Adds files a build makes after its reload (`replaces` says which earlier ones they
    /// take the place of), unless a newer build came meanwhile. Their warnings join the
    /// build's diagnostics.
    pub fn add_later(
        &self,
        generation: u64,
        replaces: impl Fn(&str) -> bool,
        files: Vec<OutputFile>,
        warnings: Vec<Diagnostic>,
    ) -> bool {
        let mut inner = self.inner.write().unwrap_or_else(|e| e.into_inner());
        if inner.generation != generation {
            return false;
        }
        inner.later.retain(|path, _| !replaces(path));
        inner.later.extend(Snapshot::from_files(files, None).files);
        inner.diagnostics.extend(warnings);
        true
    }

    /// Tells the pages (and anyone timing a save) that build `generation`'s exports and search
    /// index are in, unless a newer build came meanwhile. Whether it is still the current one.
    pub fn updated(&self, generation: u64) -> bool {
        let current = self.inner.read().unwrap_or_else(|e| e.into_inner()).generation == generation;
        if current {
            let _ = self.events.send("updated");
        }
        current
    }

    /// The search index now served, so unchanged parts of it are taken over, not indexed again.
    pub fn earlier_search(&self) -> crate::search::Earlier {
        use crate::search::{BUNDLE_DIR, MANIFEST_NAME};
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        let bytes = |served: &Served| served.bytes().map(|b| b.as_ref().clone());
        let manifest = inner
            .later
            .get(&format!("{BUNDLE_DIR}/{MANIFEST_NAME}"))
            .and_then(bytes)
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        let files = inner
            .later
            .iter()
            .filter(|(path, _)| path.starts_with(BUNDLE_DIR))
            .filter_map(|(path, served)| {
                Some(OutputFile { path: path.clone(), content: FileContent::Bytes(bytes(served)?) })
            })
            .collect();
        crate::search::Earlier { manifest, files }
    }

    /// Counts a build as started; returns its number. Every build has one, failed or not: the
    /// one served is `Inner::generation`, and any later number supersedes it.
    pub fn start_build(&self) -> u64 {
        self.started.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1
    }

    /// Whether a build started after build `number`: its background work is then useless.
    pub fn superseded(&self, number: u64) -> bool {
        self.started.load(std::sync::atomic::Ordering::SeqCst) != number
    }

    /// The file or page at `key`; a page is rendered on its first request.
    pub fn lookup(&self, key: &str) -> Option<Served> {
        let (pages, generation) = {
            let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
            let found = inner.site.files.get(key).or_else(|| inner.later.get(key)).or_else(|| inner.rendered.get(key));
            if let Some(found) = found {
                return Some(found.clone());
            }
            (inner.pages.clone()?, inner.generation)
        };
        let served = match pages.render(key)? {
            Ok(html) => Served::Bytes(Arc::new(html.into_bytes())),
            Err(error) => Served::Broken(Arc::new(error)),
        };
        let mut inner = self.inner.write().unwrap_or_else(|e| e.into_inner());
        if inner.generation == generation {
            inner.rendered.insert(key.to_string(), served.clone());
        }
        Some(served)
    }

    /// Whether there is a file or page at `key`, without rendering it.
    pub fn has(&self, key: &str) -> bool {
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        inner.site.files.contains_key(key)
            || inner.later.contains_key(key)
            || inner.pages.as_ref().is_some_and(|p| p.has(key))
    }
}

/// Whether a decoded request path may be looked up: no `..`, no backslashes, no NUL, no
/// empty segments that would make an absolute path. Lookups only ever reach the files of
/// the build, but refusing these early keeps the answer a plain 404.
pub fn is_safe_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.contains('\0')
        && !path.split('/').any(|segment| segment == ".." || segment == ".")
}

#[cfg(test)]
mod tests {
    use super::is_safe_path;

    #[test]
    fn refuses_paths_that_try_to_leave_the_site() {
        for bad in ["/../etc/passwd", "/a/../../b", "//etc/passwd", "/a\\..\\b", "/./x", "relative", "/a\0b"] {
            assert!(!is_safe_path(bad), "{bad}");
        }
        for good in ["/", "/rammeavtaler/", "/assets/site.css", "/a..b/"] {
            assert!(is_safe_path(good), "{good}");
        }
    }
}
