//! Rendering: the resolved site and its views to the pages of the site. [`Pages`] knows every
//! page the site has and renders any of them: all at once for `build`, one when it is asked
//! for in the preview.

pub mod export_pages;
pub mod pages;
pub mod records;
pub mod shared;
pub mod templates;
pub mod tender;
pub mod timeline;
pub mod values;
pub mod views;

use crate::diagnostics::{Diagnostic, codes};
use crate::format::escape;
use crate::model::sections::{self, Section};
use crate::output::{FileContent, OutputFile};
use crate::site::Site;
use pages::Wanted;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use templates::Theme;
use views::{AddressView, ContactView, Link, Urls, Views};

/// A site ready to render: resolved, with its views and its theme, and the list of its pages.
pub struct Pages {
    site: Site,
    views: Views,
    theme: Theme,
    urls: Urls,
    /// Every page, as paths below the site root (`rammeavtaler/x/index.html`), in order.
    paths: Vec<String>,
    lookup: HashSet<String>,
}

impl Pages {
    /// The pages of `site`; the theme gets the values every page sees.
    pub fn new(site: Site, views: Views, mut theme: Theme) -> Pages {
        let urls = Urls { root: site.model.settings.base_url.path().to_string() };
        set_globals(&site, &urls, &mut theme);
        let (_, paths) = page_specs(&site, &views, &urls, Wanted::Nothing);
        let lookup = paths.iter().cloned().collect();
        Pages { site, views, theme, urls, paths, lookup }
    }

    pub fn site(&self) -> &Site {
        &self.site
    }

    pub fn views(&self) -> &Views {
        &self.views
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
        Some(self.theme.render(spec.template, &spec.context))
    }

    /// Every page, rendered on all cores; or the template errors, each told once.
    pub fn render_all(&self) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let (specs, _) = page_specs(&self.site, &self.views, &self.urls, Wanted::All);
        // Each context is dropped once its page is rendered, so they are not all held at once.
        let rendered: Vec<Result<OutputFile, Diagnostic>> = specs
            .into_par_iter()
            .map(|spec| {
                let html = self.theme.render(spec.template, &spec.context)?;
                Ok(OutputFile::bytes(spec.out, html.into_bytes()))
            })
            .collect();
        let (files, errors): (Vec<_>, Vec<_>) = rendered.into_iter().partition(Result::is_ok);
        if errors.is_empty() {
            Ok(files.into_iter().flatten().collect())
        } else {
            Err(distinct(errors.into_iter().filter_map(Result::err).collect()))
        }
    }

    /// Renders every page and keeps none: the template errors of the site, each told once. Stops
    /// early once `cancelled` says so (the preview, when a newer save came). The pages are made a
    /// batch at a time, so their contexts are never all held at once.
    pub fn check_all(&self, cancelled: &(dyn Fn() -> bool + Sync)) -> Result<(), Vec<Diagnostic>> {
        const BATCHES: usize = 8;
        let mut errors: Vec<Diagnostic> = Vec::new();
        for batch in self.paths.chunks(self.paths.len().div_ceil(BATCHES).max(1)) {
            if cancelled() {
                break;
            }
            let batch: HashSet<&str> = batch.iter().map(String::as_str).collect();
            let (specs, _) = page_specs(&self.site, &self.views, &self.urls, Wanted::Among(&batch));
            errors.par_extend(
                specs
                    .into_par_iter()
                    .filter(|_| !cancelled())
                    .filter_map(|spec| self.theme.render(spec.template, &spec.context).err()),
            );
        }
        if errors.is_empty() { Ok(()) } else { Err(distinct(errors)) }
    }

    /// The files beside the pages: sitemap, robots.txt, the theme's static files and the
    /// documents; or an error for each document that would take the place of a page or a
    /// static file of the theme (checked without regard to case, as on Windows and macOS). The
    /// content check refuses documents in the site's own folders; this catches what a theme adds.
    pub fn other_files(&self, content_dir: &Path) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let base_url = &self.site.model.settings.base_url;
        let mut files = vec![
            OutputFile::bytes(sections::SITEMAP, sitemap(base_url.as_str(), &self.paths).into_bytes()),
            OutputFile::bytes(
                sections::ROBOTS,
                format!("User-agent: *\nAllow: /\n\nSitemap: {base_url}{}\n", sections::SITEMAP).into_bytes(),
            ),
        ];
        files.extend(self.theme.static_files.iter().cloned());
        let settings = &self.site.model.settings;
        if let Some(editing) = &settings.editing {
            let municipalities = settings.municipalities.iter().map(|m| (m.id.clone(), m.name.clone())).collect();
            let choices = crate::editor::Choices { municipalities };
            let theme = templates::built_in_files();
            files.extend(crate::editor::published(editing, &choices, base_url.as_str(), theme));
        }
        let taken: HashSet<String> = files
            .iter()
            .map(|f| f.path.as_str())
            .chain(self.paths.iter().map(String::as_str))
            .map(str::to_lowercase)
            .collect();
        let mut documents: Vec<(&PathBuf, &Path)> = self
            .site
            .model
            .agreements
            .iter()
            .flat_map(|a| a.documents.iter().map(move |d| (d, a.origin.path.as_path())))
            .filter_map(|(d, origin)| match &d.target {
                crate::model::DocumentTarget::File { path, .. } => Some((path, origin)),
                _ => None,
            })
            .collect();
        documents.sort();
        documents.dedup_by(|a, b| a.0 == b.0);
        let mut errors = Vec::new();
        for (path, origin) in documents {
            let out = path.to_string_lossy().replace('\\', "/");
            if taken.contains(&out.to_lowercase()) {
                errors.push(
                    Diagnostic::new(
                        codes::DOCUMENT_TAKES_GENERATED_PATH,
                        origin,
                        format!("dokumentet `{out}` ville erstattet en fil nettstedet lager selv"),
                    )
                    .field("dokumenter")
                    .hint("legg dokumentet i content/dokumenter/ og skriv `fil: dokumenter/navn.pdf`"),
                );
                continue;
            }
            files.push(OutputFile { path: out, content: FileContent::Copy(content_dir.join(path)) });
        }
        if errors.is_empty() { Ok(files) } else { Err(errors) }
    }
}

#[derive(Serialize)]
struct SiteGlobals<'a> {
    title: &'a str,
    description: Option<&'a str>,
    base_url: &'a str,
    root: &'a str,
    language: &'a str,
    contact: Option<ContactView>,
    accessibility_statement: Option<AddressView>,
    tendering_tool: Option<AddressView>,
    host: Option<&'a str>,
    /// The sections of the main menu, in order.
    sections: Vec<Link>,
    /// The procurement strategy (`strategi: true`), linked from the footer.
    strategy: Vec<Link>,
    /// The council's meetings, when there are any.
    meetings: Option<String>,
}

#[derive(Serialize)]
struct BuildGlobals {
    today: String,
    today_long: String,
    expiring_months: u32,
}

/// Template errors, each told once (one broken template breaks many pages alike).
fn distinct(mut errors: Vec<Diagnostic>) -> Vec<Diagnostic> {
    errors.sort_by(|a, b| a.message.cmp(&b.message));
    errors.dedup_by(|a, b| a.message == b.message);
    errors
}

/// Sets what every page of the site sees: the site, the menus, the build day.
fn set_globals(site: &Site, urls: &Urls, theme: &mut Theme) {
    let settings = &site.model.settings;
    let in_menu = [Section::Agreements, Section::PlannedPurchases, Section::Courses, Section::Requirements];
    let mut menu_sections: Vec<Link> =
        in_menu.iter().map(|s| Link { url: urls.section(s.dir()), name: s.menu_name().to_string() }).collect();
    menu_sections.push(Link { url: urls.section(sections::MUNICIPALITIES), name: "Kommunene".to_string() });
    theme.set_globals(
        "site",
        &SiteGlobals {
            title: &settings.title,
            description: settings.description.as_deref(),
            base_url: settings.base_url.as_str(),
            root: &urls.root,
            language: &settings.language,
            contact: settings.contact.as_ref().map(ContactView::of),
            accessibility_statement: settings.accessibility_statement.as_ref().map(AddressView::of),
            tendering_tool: settings.tendering_tool.as_ref().map(AddressView::of),
            host: site.municipality(&settings.host).map(|m| m.name.as_str()),
            sections: menu_sections,
            strategy: site
                .model
                .pages
                .iter()
                .filter(|p| p.strategy)
                .map(|p| Link { url: urls.page(&p.origin.slug), name: p.title.clone() })
                .collect(),
            meetings: (!site.model.meetings.is_empty()).then(|| urls.section(sections::MEETINGS)),
        },
    );
    let menu: Vec<Link> =
        site.menu_pages().map(|p| Link { url: urls.page(&p.origin.slug), name: p.title.clone() }).collect();
    theme.set_globals("menu", &menu);
    let header_menu: Vec<Link> = site
        .model
        .pages
        .iter()
        .filter(|p| p.in_header)
        .map(|p| Link { url: urls.page(&p.origin.slug), name: p.title.clone() })
        .collect();
    theme.set_globals("header_menu", &header_menu);
    theme.set_globals(
        "build",
        &BuildGlobals {
            today: crate::model::dates::iso_date(site.today),
            today_long: crate::model::dates::long_date(site.today),
            expiring_months: settings.expiring_months,
        },
    );
}

/// The wanted pages of the site, with the paths of all of them.
fn page_specs(site: &Site, views: &Views, urls: &Urls, wanted: Wanted) -> (Vec<pages::PageSpec>, Vec<String>) {
    let (mut specs, mut paths) = pages::all(site, views, urls, wanted);
    if wanted.wants(pages::SEARCH_PAGE) {
        specs.push(pages::search_page(urls, &records::filter_labels(site)));
    }
    paths.push(pages::SEARCH_PAGE.to_string());
    specs.extend(export_pages::pages(site, views, urls, wanted));
    paths.extend(export_pages::PATHS.map(String::from));
    export_pages::decorate(&mut specs, site, views, urls);
    (specs, paths)
}

/// What the search index gets of each page of the site, with paths below the site root.
pub fn search_records(site: &Site, views: &Views) -> Vec<records::SearchRecord> {
    let root = site.model.settings.base_url.path();
    let mut records = records::records(site, views);
    // The index stores paths below the site root; the browser adds the root back (`baseUrl`).
    for r in &mut records {
        r.url = format!("/{}", r.url.strip_prefix(root).unwrap_or(&r.url));
    }
    records
}

fn sitemap(base_url: &str, paths: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut urls: Vec<&str> =
        paths.iter().filter(|p| *p != sections::NOT_FOUND).map(|p| p.strip_suffix("index.html").unwrap_or(p)).collect();
    urls.sort();
    for path in urls {
        out.push_str(&format!("  <url><loc>{}</loc></url>\n", escape(&format!("{base_url}{path}"))));
    }
    out.push_str("</urlset>\n");
    out
}
