//! The pages about the exports: `/data/` (the open data files and their fields) and
//! `/tidslinje/` (agreement periods and planned re-tenders), and the small timeline on
//! the front page.

use super::pages::{PageMeta, PageSpec, Wanted};
use super::timeline::{self, Options};
use super::views::{Urls, Views};
use crate::exports::{calendar, columns, feeds, trades};
use crate::site::Site;
use serde::Serialize;
use tera::Context;

/// A data set on the `/data/` page.
#[derive(Serialize)]
struct DatasetView {
    id: &'static str,
    title: &'static str,
    about: &'static str,
    json: String,
    csv: String,
    count: usize,
    columns: &'static [columns::Column],
}

/// A category's feed and calendar.
#[derive(Serialize)]
struct Subscription {
    name: String,
    feed: String,
    calendar: String,
}

/// Where the pages about the exports go: the open data, the timeline, and how to follow the
/// tenders (feeds and calendars, with addresses to copy).
pub const PATHS: [&str; 3] = ["data/index.html", "tidslinje/index.html", "planlagte-innkjop/varsler/index.html"];

/// The wanted pages about the exports.
pub fn pages(site: &Site, views: &Views, urls: &Urls, wanted: Wanted) -> Vec<PageSpec> {
    let wants = |out: &str| wanted.wants(out);
    let mut specs = Vec::new();
    if wants(PATHS[0]) {
        specs.push(data_page(site, urls));
    }
    if wants(PATHS[1]) {
        specs.push(timeline_page(site, views, urls));
    }
    if wants(PATHS[2]) {
        specs.push(alerts_page(site, urls));
    }
    specs
}

/// An address to subscribe to: the full `https://` address to copy, and the `webcal://` one
/// that opens a calendar program.
#[derive(Serialize)]
struct Subscribe {
    name: String,
    feed: String,
    calendar: String,
    webcal: String,
}

impl Subscribe {
    fn of(site: &Site, name: &str, feed: &str, calendar: &str) -> Subscribe {
        let base = &site.model.settings.base_url;
        Subscribe {
            name: name.to_string(),
            feed: format!("{base}{feed}"),
            calendar: format!("{base}{calendar}"),
            webcal: format!("{}{calendar}", base.webcal()),
        }
    }
}

/// A trade (CPV division) to follow, with how many planned purchases it has and the first
/// of them by title, so a trade without a name from a CPV list still says what it holds.
#[derive(Serialize)]
struct Trade {
    #[serde(flatten)]
    subscribe: Subscribe,
    purchases: usize,
    examples: Vec<String>,
}

/// How many purchases a trade's row names.
const EXAMPLES: usize = 3;

/// "Få varsler": how a supplier follows the tenders in a calendar, a feed reader or by e-mail.
fn alerts_page(site: &Site, urls: &Urls) -> PageSpec {
    let all = Subscribe::of(site, "Alle planlagte innkjøp", feeds::PIPELINE, calendar::ALL);
    let categories: Vec<Subscribe> = site
        .model
        .settings
        .categories
        .iter()
        .map(|c| Subscribe::of(site, &c.name, &feeds::category_path(&c.id), &calendar::category_path(&c.id)))
        .collect();
    let trades: Vec<Trade> = trades::divisions(site)
        .iter()
        .map(|d| {
            let (feed, calendar) = (trades::feed_path(&d.code), trades::calendar_path(&d.code));
            let examples = d.purchases.iter().take(EXAMPLES).map(|&i| site.model.purchases[i].title.clone()).collect();
            Trade {
                subscribe: Subscribe::of(site, &d.label(), &feed, &calendar),
                purchases: d.purchases.len(),
                examples,
            }
        })
        .collect();
    let mut context = Context::new();
    let mut meta =
        PageMeta::new("Få varsler om nye konkurranser", urls.asset("planlagte-innkjop/varsler/"), "planlagte-innkjop");
    meta.breadcrumbs =
        vec![super::views::Link { url: urls.section("planlagte-innkjop"), name: "Planlagte innkjøp".into() }];
    context.insert("page", &meta);
    context.insert("all", &all);
    context.insert("categories", &categories);
    context.insert("trades", &trades);
    PageSpec { out: PATHS[2].into(), template: "alerts.html", context }
}

/// Adds what the exports bring to other pages: the small timeline on the front page, the
/// feeds of every category on the list of planned purchases.
pub fn decorate(specs: &mut [PageSpec], site: &Site, views: &Views, urls: &Urls) {
    for spec in specs.iter_mut() {
        match spec.out.as_str() {
            "index.html" => {
                let small = timeline::build(site, views, urls, Options { id: "forside-tl", compact: true });
                spec.context.insert("timeline", &small);
            }
            _ if spec.template == "purchases.html" => spec.context.insert("category_feeds", &subscriptions(site, urls)),
            _ => {}
        }
    }
}

fn subscriptions(site: &Site, urls: &Urls) -> Vec<Subscription> {
    site.model
        .settings
        .categories
        .iter()
        .map(|c| Subscription {
            name: c.name.clone(),
            feed: urls.asset(&feeds::category_path(&c.id)),
            calendar: urls.asset(&calendar::category_path(&c.id)),
        })
        .collect()
}

fn data_page(site: &Site, urls: &Urls) -> PageSpec {
    let m = &site.model;
    let datasets: Vec<DatasetView> = columns::ALL
        .iter()
        .map(|set| DatasetView {
            id: set.id,
            title: set.title,
            about: set.about,
            json: urls.asset(&format!("data/{}.json", set.id)),
            csv: urls.asset(&format!("data/{}.csv", set.id)),
            count: match set.id {
                "rammeavtaler" => m.agreements.len(),
                "planlagte-innkjop" => m.purchases.len(),
                "kurs" => m.courses.len(),
                "etiske-krav" => m.requirements.len(),
                "leverandorer" => m.suppliers.len(),
                _ => m.settings.municipalities.len(),
            },
            columns: set.columns,
        })
        .collect();
    let categories = subscriptions(site, urls);
    let has_ocds = m.settings.ocid_prefix.as_deref().is_some_and(|p| !p.trim().is_empty());
    let mut context = Context::new();
    context.insert("page", &PageMeta::new("Åpne data", urls.page("data"), "data"));
    context.insert("datasets", &datasets);
    context.insert("categories", &categories);
    context.insert("feed", &urls.asset(feeds::PIPELINE));
    context.insert("calendar", &urls.asset(calendar::ALL));
    context.insert("ocds", &has_ocds.then(|| urls.asset("data/ocds.json")));
    context.insert("ocid_prefix", &m.settings.ocid_prefix);
    PageSpec { out: PATHS[0].into(), template: "data.html", context }
}

fn timeline_page(site: &Site, views: &Views, urls: &Urls) -> PageSpec {
    let full = timeline::build(site, views, urls, Options { id: "tl", compact: false });
    let mut context = Context::new();
    context.insert("page", &PageMeta::new("Tidslinje for rammeavtalene", urls.page("tidslinje"), "tidslinje"));
    context.insert("timeline", &full);
    PageSpec { out: PATHS[1].into(), template: "timeline.html", context }
}
