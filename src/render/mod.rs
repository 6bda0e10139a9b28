//! Rendering: the resolved site to the files of the output, in memory.

pub mod cards;
pub mod export_pages;
pub mod format;
pub mod markdown;
pub mod pages;
pub mod records;
pub mod reuse;
pub mod shared;
pub mod source;
pub mod templates;
pub mod timeline;
pub mod values;
pub mod views;

use crate::diagnostics::Diagnostic;
use crate::site::Site;
use pages::Wanted;
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};
use templates::Theme;
use views::{AddressView, ContactView, Link, Urls, Views};

/// Everything a render produced: the files of the site, and warnings about what could
/// only be exported in part.
#[derive(Debug, Default)]
pub struct Rendered {
    pub files: Vec<OutputFile>,
    pub warnings: Vec<Diagnostic>,
}

/// A file of the finished site.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    pub content: FileContent,
}

#[derive(Debug, Clone)]
pub enum FileContent {
    Bytes(Vec<u8>),
    /// Copied from this file (theme assets, documents).
    Copy(PathBuf),
    /// Taken over from the previous build's output, which the write replaces: linked where
    /// the disk allows it, else copied.
    Reuse(PathBuf),
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
    host: Option<&'a str>,
}

#[derive(Serialize)]
struct BuildGlobals {
    today: String,
    today_long: String,
    expiring_months: u32,
}

/// Renders every page and lists every file the site needs; the search records are made
/// apart (see [`search_records`]), so that indexing can start before the pages are rendered.
pub fn render(
    site: &Site,
    views: &Views,
    theme: &mut Theme,
    content_dir: &Path,
    theme_shown_as: &Path,
) -> Result<Rendered, Vec<Diagnostic>> {
    let urls = urls_of(site);
    set_globals(site, &urls, theme);
    let theme: &Theme = theme;
    cards::render_once(views, theme, theme_shown_as);
    // Pages, exports and search records are independent: build them side by side.
    let ((paths, rendered), exported) = rayon::join(
        || {
            let (specs, paths) = page_specs(site, views, &urls, Wanted::All);
            // Each context is dropped once its page is rendered, so they are not all held at once.
            let rendered: Vec<Result<OutputFile, Diagnostic>> = specs
                .into_par_iter()
                .map(|spec| {
                    theme
                        .render(spec.template, &spec.context, theme_shown_as)
                        .map(|html| OutputFile { path: spec.out, content: FileContent::Bytes(html.into_bytes()) })
                })
                .collect();
            (paths, rendered)
        },
        || crate::output::exports::files(site, views, &urls),
    );
    let mut files = Vec::with_capacity(rendered.len() + 16);
    let mut errors = Vec::new();
    for r in rendered {
        match r {
            Ok(f) => files.push(f),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(distinct(errors));
    }
    let sitemap = sitemap(&site.model.settings.base_url, &paths).into_bytes();
    let (other, errors) = other_files(site, theme, sitemap, content_dir, &paths);
    if !errors.is_empty() {
        return Err(errors);
    }
    files.extend(other);
    files.extend(exported.files);
    Ok(Rendered { files, warnings: exported.warnings })
}

/// Template errors, each told once (one broken template breaks many pages alike).
fn distinct(mut errors: Vec<Diagnostic>) -> Vec<Diagnostic> {
    errors.sort_by(|a, b| a.message.cmp(&b.message));
    errors.dedup_by(|a, b| a.message == b.message);
    errors
}

fn urls_of(site: &Site) -> Urls {
    Urls { root: base_path(&site.model.settings.base_url) }
}

/// Sets what every page of the site sees: the site, the menu, the build day.
fn set_globals(site: &Site, urls: &Urls, theme: &mut Theme) {
    let settings = &site.model.settings;
    theme.set_globals(
        "site",
        &SiteGlobals {
            title: &settings.title,
            description: settings.description.as_deref(),
            base_url: &settings.base_url,
            root: &urls.root,
            language: &settings.language,
            contact: settings.contact.as_ref().map(ContactView::of),
            accessibility_statement: settings.accessibility_statement.as_ref().map(AddressView::of),
            host: site.municipality(&settings.host).map(|m| m.name.as_str()),
        },
    );
    let menu: Vec<Link> =
        site.menu_pages().map(|p| Link { url: urls.page(&p.origin.slug), name: p.title.clone() }).collect();
    theme.set_globals("menu", &menu);
    theme.set_globals(
        "build",
        &BuildGlobals {
            today: site.today.format("%Y-%m-%d").to_string(),
            today_long: crate::content::dates::long_date(site.today),
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

/// The files beside the pages: sitemap, robots.txt, the theme's static files and the documents;
/// and an error for each document that would take the place of a page or a static file of the
/// theme (checked without regard to case, as on Windows and macOS). The content check refuses
/// documents in the site's own folders; this catches what a theme adds.
fn other_files(
    site: &Site,
    theme: &Theme,
    sitemap: Vec<u8>,
    content_dir: &Path,
    pages: &[String],
) -> (Vec<OutputFile>, Vec<Diagnostic>) {
    let base_url = &site.model.settings.base_url;
    let mut files = vec![
        OutputFile { path: "sitemap.xml".into(), content: FileContent::Bytes(sitemap) },
        OutputFile {
            path: "robots.txt".into(),
            content: FileContent::Bytes(
                format!("User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n").into_bytes(),
            ),
        },
    ];
    for (rel, full) in &theme.static_files {
        files.push(OutputFile {
            path: rel.to_string_lossy().replace('\\', "/"),
            content: FileContent::Copy(full.clone()),
        });
    }
    let taken: std::collections::HashSet<String> =
        files.iter().map(|f| f.path.as_str()).chain(pages.iter().map(String::as_str)).map(str::to_lowercase).collect();
    let mut documents: Vec<(&PathBuf, &Path)> = site
        .model
        .agreements
        .iter()
        .flat_map(|a| a.documents.iter().map(move |d| (d, a.origin.path.as_path())))
        .filter_map(|(d, origin)| match &d.target {
            crate::content::model::DocumentTarget::File { path, .. } => Some((path, origin)),
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
                    crate::diagnostics::codes::DOCUMENT_TAKES_GENERATED_PATH,
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
    (files, errors)
}

/// The views of a site: what every page, export and search record is made from.
/// The preview server passes its Markdown memo and the previous build, to take over what did not change.
pub fn views(site: &Site, markdown: Option<&markdown::Memo>, earlier: Option<(&Site, &Views)>) -> Views {
    let earlier = earlier.and_then(|(s, v)| reuse::Earlier::of(site, s, v));
    Views::build(site, &urls_of(site), views::Html(markdown), earlier.as_ref())
}

/// What the search index gets of each page of the site.
pub fn search_records(site: &Site, views: &Views) -> Vec<crate::output::search::SearchRecord> {
    records_below_root(site, views, &urls_of(site))
}

pub(crate) fn records_below_root(site: &Site, views: &Views, urls: &Urls) -> Vec<crate::output::search::SearchRecord> {
    let mut records = records::records(site, views);
    // The index stores paths below the site root; the browser adds the root back (`baseUrl`).
    for r in &mut records {
        r.url = format!("/{}", r.url.strip_prefix(urls.root.as_str()).unwrap_or(&r.url));
    }
    records
}

/// The path part of the base URL: `/` or `/innkjop/`.
pub fn base_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map(|(_, r)| r).unwrap_or(base_url);
    let path = after_scheme.find('/').map(|i| &after_scheme[i..]).unwrap_or("/");
    if path.ends_with('/') { path.to_string() } else { format!("{path}/") }
}

fn sitemap(base_url: &str, paths: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut urls: Vec<&str> =
        paths.iter().filter(|p| *p != "404.html").map(|p| p.strip_suffix("index.html").unwrap_or(p)).collect();
    urls.sort();
    for path in urls {
        out.push_str(&format!("  <url><loc>{}</loc></url>\n", escape_xml(&format!("{base_url}{path}"))));
    }
    out.push_str("</urlset>\n");
    out
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::base_path;

    #[test]
    fn base_path_from_url() {
        assert_eq!(base_path("https://innkjop.example.no/"), "/");
        assert_eq!(base_path("https://example.no/innkjop"), "/innkjop/");
        assert_eq!(base_path("https://example.no"), "/");
    }
}
