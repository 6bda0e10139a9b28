//! Feeds, calendars, open data and OCDS: the files suppliers and the public reuse.

use crate::diagnostics::Diagnostic;
use crate::render::OutputFile;
use crate::render::views::{Urls, Views};
use crate::site::Site;

/// What the exports add to the site: files, and warnings for items that could only be
/// exported in part (they never fail a build).
#[derive(Debug, Default)]
pub struct Exported {
    pub files: Vec<OutputFile>,
    pub warnings: Vec<Diagnostic>,
}

/// Every export file of the site.
pub fn files(site: &Site, views: &Views, urls: &Urls) -> Exported {
    let _ = (site, views, urls);
    Exported::default()
}
