//! What the preview server keeps from one save to the next, by one rule: what was read and
//! checked is kept while its files are unchanged. The content files as read and the items as
//! checked are kept by the pipeline ([`Kept`]); the theme while no theme file changed.
//! Everything else (the site, its views, its list of pages) is made anew on each save, and a
//! page is rendered only when it is asked for.

use crate::Options;
use crate::diagnostics::Diagnostics;
use crate::pipeline::{Kept, Pipeline};
use crate::render::Pages;
use crate::render::templates::Theme;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the preview server keeps.
#[derive(Default)]
pub struct Session {
    kept: Kept,
    theme: Option<Theme>,
}

/// What changed since the last build.
pub enum Changes<'a> {
    /// Anything may have changed (the first build, a new day, or the watcher lost track).
    Everything,
    /// The paths the watcher reported.
    Paths(&'a [PathBuf]),
}

/// A build ready to serve.
pub struct Prepared {
    pub pages: Arc<Pages>,
    /// Whether the theme was loaded anew: its templates may fail on any page, so every page
    /// should be rendered once before the build is shown.
    pub theme_changed: bool,
}

/// The changed paths, sorted by what they may change.
#[derive(Default)]
struct Sorted {
    theme: bool,
    /// Content files, relative to the content folder.
    content: HashSet<PathBuf>,
    /// Something else than a content item changed (a document, a folder): every item is
    /// checked again, since an item may refer to it.
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
        let sorted = match sorted {
            Some(sorted) => sorted,
            None => {
                *self = Session::default();
                Sorted::default()
            }
        };
        if sorted.beyond_items {
            self.kept.forget_checks();
        }
        if sorted.theme {
            self.theme = None;
        }
        let pipeline = Pipeline::new(options);
        let (model, mut diagnostics) = pipeline.model(Some(&mut self.kept), &sorted.content);
        let theme_changed = self.theme.is_none();
        if self.theme.is_none() {
            match pipeline.theme() {
                Ok(theme) => self.theme = Some(theme),
                Err(errors) => diagnostics.extend(errors),
            }
        }
        let (Some(model), Some(theme), false) = (model, &self.theme, diagnostics.has_errors()) else {
            return (None, diagnostics);
        };
        let pages = Arc::new(pipeline.pages(model, theme.clone()));
        (Some(Prepared { pages, theme_changed }), diagnostics)
    }
}

/// Sorts the watcher's paths; `None` when a path is in neither folder (the watcher lost track).
fn sort(options: &Options, paths: &[PathBuf]) -> Option<Sorted> {
    let forms = |dir: &Path| [Some(dir.to_path_buf()), dir.canonicalize().ok(), std::path::absolute(dir).ok()];
    let (content, theme) = (forms(&options.content), options.theme.as_deref().map(forms));
    let below = |path: &Path, dirs: &[Option<PathBuf>; 3]| {
        dirs.iter().flatten().find_map(|d| path.strip_prefix(d).ok().map(Path::to_path_buf))
    };
    let mut sorted = Sorted::default();
    for path in paths {
        if let Some(rel) = below(path, &content) {
            let ext = rel.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
            sorted.beyond_items |= !matches!(ext.as_str(), "md" | "yaml" | "yml");
            sorted.content.insert(rel);
        } else if theme.as_ref().is_some_and(|theme| below(path, theme).is_some()) {
            sorted.theme = true;
        } else {
            return None;
        }
    }
    Some(sorted)
}
