//! The pages about the exports: `/data/` (the open data files and their fields) and
//! `/tidslinje/` (agreement periods and planned re-tenders).

use super::pages::PageSpec;
use super::views::{Urls, Views};
use crate::site::Site;

pub fn pages(site: &Site, views: &Views, urls: &Urls) -> Vec<PageSpec> {
    let _ = (site, views, urls);
    Vec::new()
}
