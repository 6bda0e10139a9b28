//! A site ready to render page by page: the preview server renders a page when it is
//! asked for, so a save costs the pages one looks at, not every page of the site.

use super::pages::Wanted;
use super::templates::Theme;
use super::views::{Urls, Views};
use super::{OutputFile, other_files, page_specs, records_below_root, set_globals, urls_of};
use crate::diagnostics::Diagnostic;
use crate::output::exports::Exported;
use crate::output::search::SearchRecord;
use crate::site::Site;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// The resolved site with its views and theme, and the path of every page it has.
pub struct PageSource {
    site: Site,
    views: Views,
    theme: Theme,
    urls: Urls,
    theme_shown_as: PathBuf,
    /// Every page, as paths below the site root (`rammeavtaler/x/index.html`).
    paths: Arc<Vec<String>>,
    lookup: Arc<HashSet<String>>,
    sitemap: Arc<Vec<u8>>,
    ids: PageIds,
    /// The views of the last build, when every page of it rendered: the pages of items whose
    /// views were taken over from it render as they did then, so the check passes them by.
    /// Taken by the check, off the way to the reload.
    earlier_views: Mutex<Option<Views>>,
    /// Set once a check found that every page renders.
    every_page_renders: OnceLock<()>,
}

/// What decides which pages a site has: the ids of everything with a page of its own, as
/// their count and two sums of their hashes. The sums do not depend on the order, so the ids
/// need no sorting (at 10,000 items, making and sorting them took 6 ms of each save).
#[derive(PartialEq)]
struct PageIds {
    count: usize,
    sums: [u64; 2],
}

impl PageIds {
    fn of(site: &Site) -> PageIds {
        use std::hash::{DefaultHasher, Hash, Hasher};
        let mut ids = PageIds { count: 0, sums: [0; 2] };
        let mut add = |kind: u8, id: &str| {
            ids.count += 1;
            for (seed, sum) in ids.sums.iter_mut().enumerate() {
                let mut hasher = DefaultHasher::new();
                (seed, kind, id).hash(&mut hasher);
                *sum = sum.wrapping_add(hasher.finish());
            }
        };
        let m = &site.model;
        m.agreements.iter().for_each(|a| add(0, &a.origin.slug));
        m.purchases.iter().for_each(|p| add(1, &p.origin.slug));
        m.courses.iter().for_each(|c| add(2, &c.origin.slug));
        m.requirements.iter().for_each(|r| add(3, &r.origin.slug));
        m.pages.iter().for_each(|p| add(4, &p.origin.slug));
        m.suppliers.iter().for_each(|s| add(5, &s.id));
        m.settings.municipalities.iter().for_each(|x| add(6, &x.id));
        m.settings.categories.iter().for_each(|x| add(7, &x.id));
        ids
    }
}

impl PageSource {
    /// `earlier`: the last build, whose list of pages is taken over when the same items have pages.
    pub fn new(
        site: Site,
        views: Views,
        mut theme: Theme,
        theme_shown_as: &Path,
        earlier: Option<&PageSource>,
    ) -> PageSource {
        let urls = urls_of(&site);
        set_globals(&site, &urls, &mut theme);
        let ids = PageIds::of(&site);
        let base_url = &site.model.settings.base_url;
        let (paths, lookup, sitemap) = match earlier {
            Some(e) if e.ids == ids && e.site.model.settings.base_url == *base_url => {
                (e.paths.clone(), e.lookup.clone(), e.sitemap.clone())
            }
            _ => {
                let (_, paths) = page_specs(&site, &views, &urls, Wanted::Nothing);
                let lookup = paths.iter().cloned().collect();
                let sitemap = super::sitemap(base_url, &paths).into_bytes();
                (Arc::new(paths), Arc::new(lookup), Arc::new(sitemap))
            }
        };
        let earlier_views = earlier.filter(|e| e.every_page_renders.get().is_some()).map(|e| e.views.clone());
        let earlier_views = Mutex::new(earlier_views);
        let theme_shown_as = theme_shown_as.to_path_buf();
        let every_page_renders = OnceLock::new();
        PageSource {
            site,
            views,
            theme,
            urls,
            theme_shown_as,
            paths,
            lookup,
            sitemap,
            ids,
            earlier_views,
            every_page_renders,
        }
    }

    /// The paths of every page.
    pub fn paths(&self) -> &[String] {
        &self.paths
    }

    pub fn has(&self, path: &str) -> bool {
        self.lookup.contains(path)
    }

    /// The page at `path`, or `None` when the site has no such page.
    pub fn render(&self, path: &str) -> Option<Result<String, Diagnostic>> {
        if !self.has(path) {
            return None;
        }
        let (specs, _) = page_specs(&self.site, &self.views, &self.urls, Wanted::One(path));
        let spec = specs.into_iter().next()?;
        Some(self.theme.render(spec.template, &spec.context, &self.theme_shown_as))
    }

    /// Renders every page and keeps none: the template errors of the site, each told once.
    /// Stops early, saying nothing more, once `cancelled` says so (a newer save came).
    /// The pages are made a batch at a time, so their contexts are never all held at once.
    /// The cards are rendered first, once each (those taken over from the last build keep
    /// their HTML), and pages rendered later, on request, use them too. The pages of items
    /// whose views were taken over from a last build whose every page rendered are passed by.
    /// The views are taken over only under the same theme and site-wide values.
    pub fn check_every_page(&self, cancelled: &(dyn Fn() -> bool + Sync)) -> Result<(), Vec<Diagnostic>> {
        const BATCHES: usize = 8;
        super::cards::render_once(&self.views, &self.theme, &self.theme_shown_as);
        let mut errors: Vec<Diagnostic> = Vec::new();
        let earlier = self.earlier_views.lock().unwrap_or_else(|e| e.into_inner()).take();
        let rendered_before =
            earlier.map(|e| super::pages::taken_over(&self.site, &self.views, &e)).unwrap_or_default();
        let to_check: Vec<&str> =
            self.paths.iter().map(String::as_str).filter(|p| !rendered_before.contains(*p)).collect();
        for batch in to_check.chunks(to_check.len().div_ceil(BATCHES).max(1)) {
            if cancelled() {
                break;
            }
            let batch: HashSet<&str> = batch.iter().copied().collect();
            let (specs, _) = page_specs(&self.site, &self.views, &self.urls, Wanted::Among(&batch));
            errors.par_extend(
                specs
                    .into_par_iter()
                    .filter(|_| !cancelled())
                    .filter_map(|spec| self.theme.render(spec.template, &spec.context, &self.theme_shown_as).err()),
            );
        }
        if !errors.is_empty() {
            return Err(super::distinct(errors));
        }
        if !cancelled() {
            let _ = self.every_page_renders.set(());
        }
        Ok(())
    }

    /// The files beside the pages: sitemap, robots.txt, the theme's static files, the documents;
    /// or the errors of documents that would take a page's or a static file's place.
    pub fn other_files(&self, content_dir: &Path) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let (files, errors) =
            other_files(&self.site, &self.theme, self.sitemap.as_ref().clone(), content_dir, &self.paths);
        if errors.is_empty() { Ok(files) } else { Err(errors) }
    }

    /// The exports: feeds, calendars, open data and OCDS.
    pub fn exports(&self) -> Exported {
        crate::output::exports::files(&self.site, &self.views, &self.urls)
    }

    /// What the search index gets of each page.
    pub fn records(&self) -> Vec<SearchRecord> {
        records_below_root(&self.site, &self.views, &self.urls)
    }

    /// The site and its views, for the next build to take over what did not change.
    pub fn site_and_views(&self) -> (&Site, &Views) {
        (&self.site, &self.views)
    }

    pub fn language(&self) -> &str {
        &self.site.model.settings.language
    }
}
