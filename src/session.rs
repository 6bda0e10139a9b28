//! What the preview server keeps from one build to the next, so that a save costs what it
//! changed: files not read again, items not checked again, Markdown not converted again,
//! the theme not compiled again, and pages rendered only when asked for.

use crate::content::load::ReadCache;
use crate::content::validate::Memo;
use crate::diagnostics::Diagnostics;
use crate::render::markdown;
use crate::render::source::PageSource;
use crate::render::templates::Theme;
use crate::{Options, render, site};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The caches of the preview server.
#[derive(Default)]
pub struct Session {
    read: ReadCache,
    checked: Memo,
    markdown: markdown::Memo,
    theme: Option<Theme>,
    /// The last build, whose unchanged views the next one takes over.
    last: Option<Arc<PageSource>>,
}

/// What changed since the last build.
pub enum Changes<'a> {
    /// Anything may have changed (the first build, or the watcher lost track).
    Everything,
    /// The paths the watcher reported.
    Paths(&'a [PathBuf]),
}

/// A build ready to serve.
pub struct Prepared {
    pub source: Arc<PageSource>,
    /// Whether the theme was loaded anew: its templates may fail on any page, so every
    /// page should be rendered once before the build is shown.
    pub theme_changed: bool,
}

/// The changed paths, sorted by what they may change.
#[derive(Default)]
struct Sorted {
    theme: bool,
    /// Content files, relative to the content folder.
    content: HashSet<PathBuf>,
    /// Something else than a content item changed (a document, a folder, an unknown
    /// path): the checks of every item are made again.
    beyond_items: bool,
}

impl Session {
    /// Load -> validate -> resolve -> views, taking over what `changes` did not touch.
    /// `None` when there is any error.
    pub fn prepare(&mut self, options: &Options, changes: Changes) -> (Option<Prepared>, Diagnostics) {
        let sorted = match changes {
            Changes::Everything => None,
            Changes::Paths(paths) => sort(options, paths),
        };
        let Some(sorted) = sorted else {
            self.read = ReadCache::default();
            self.checked.forget();
            self.theme = None;
            self.last = None;
            return self.prepare_sorted(options, &Sorted::default());
        };
        if sorted.beyond_items {
            self.checked.forget();
        }
        if sorted.theme {
            self.theme = None;
        }
        self.prepare_sorted(options, &sorted)
    }

    fn prepare_sorted(&mut self, options: &Options, sorted: &Sorted) -> (Option<Prepared>, Diagnostics) {
        let (model, mut diagnostics) =
            crate::load_model_with(options, &mut self.read, &sorted.content, Some(&mut self.checked));
        let theme_changed = self.theme.is_none();
        if self.theme.is_none() {
            match Theme::load(&options.theme, &options.theme) {
                Ok(theme) => self.theme = Some(theme),
                Err(errors) => diagnostics.extend(errors),
            }
        }
        let (Some(model), Some(theme), false) = (model, &self.theme, diagnostics.has_errors()) else {
            return (None, diagnostics);
        };
        let site = site::Site::resolve(model, options.today);
        // Views are taken over only under the same theme: a card keeps the HTML it was rendered to.
        let earlier = self.last.as_deref().filter(|_| !theme_changed).map(PageSource::site_and_views);
        let views = render::views(&site, Some(&self.markdown), earlier);
        self.markdown.finish();
        let source = Arc::new(PageSource::new(site, views, theme.clone(), &options.theme, self.last.as_deref()));
        self.last = Some(source.clone());
        (Some(Prepared { source, theme_changed }), diagnostics)
    }
}

/// Sorts the watcher's paths; `None` when one of them says the watcher lost track.
fn sort(options: &Options, paths: &[PathBuf]) -> Option<Sorted> {
    let forms = |dir: &Path| [Some(dir.to_path_buf()), dir.canonicalize().ok()];
    let (content, theme) = (forms(&options.content), forms(&options.theme));
    let below = |path: &Path, dirs: &[Option<PathBuf>; 2]| {
        dirs.iter().flatten().find_map(|d| path.strip_prefix(d).ok().map(Path::to_path_buf))
    };
    let mut sorted = Sorted::default();
    for path in paths {
        if let Some(rel) = below(path, &content) {
            let ext = rel.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
            sorted.beyond_items |= !matches!(ext.as_str(), "md" | "yaml" | "yml");
            sorted.content.insert(rel);
        } else if below(path, &theme).is_some() {
            sorted.theme = true;
        } else {
            return None;
        }
    }
    Some(sorted)
}
