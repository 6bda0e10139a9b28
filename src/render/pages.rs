//! Which pages the site has, and the context each one is rendered with.

use super::views::{AddressView, AgreementCard, AgreementView, CourseView, Link, PurchaseCard, Shared, Urls, Views};
use crate::markdown::to_html_at;
use crate::model::sections::lists::{BY_CALL_OFF, BY_STATUS};
use crate::model::{Agreement, CallOff, Course, PlannedPurchase, Requirement};
use crate::rules::period::AgreementStatus;
use crate::site::Site;
use serde::Serialize;
use std::collections::HashSet;
use std::sync::Arc;
use tera::Context;

mod council;
mod local;
mod municipality;
mod purchases;

/// One page to render: where it goes, with which template and context.
pub struct PageSpec {
    /// Output path relative to the site root, e.g. `rammeavtaler/index.html`.
    pub out: String,
    pub template: &'static str,
    pub context: Context,
}

/// What every page knows about itself.
#[derive(Serialize)]
pub struct PageMeta<'a> {
    pub title: &'a str,
    pub url: String,
    /// The section, for the menu: `rammeavtaler`, `kurs`, ...
    pub section: &'a str,
    pub description: Option<&'a str>,
    pub breadcrumbs: Vec<Link>,
    /// When the content of an item's page last changed: its file's last commit, or the file
    /// system's time.
    pub changed: Option<super::values::DateView>,
}

impl<'a> PageMeta<'a> {
    pub fn new(title: &'a str, url: String, section: &'a str) -> Self {
        PageMeta { title, url, section, description: None, breadcrumbs: Vec::new(), changed: None }
    }

    /// The page of the item from `origin`: dated by when its file changed, in Norway, and
    /// never after the build day.
    fn of_item(mut self, origin: &crate::model::Origin, today: chrono::NaiveDate) -> Self {
        self.changed = origin
            .changed
            .map(|t| super::values::DateView::of(t.with_timezone(&chrono_tz::Europe::Oslo).date_naive().min(today)));
        self
    }
}

/// An item's view with its Markdown made into HTML, for its own page: the lists need no bodies,
/// so Markdown is converted only for the page that shows it.
#[derive(Serialize)]
struct WithHtml<'a, T> {
    #[serde(flatten)]
    view: &'a T,
    body_html: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    ordering_html: Option<String>,
}

#[derive(Serialize)]
struct FilterLink {
    url: String,
    name: String,
    count: usize,
    current: bool,
}

#[derive(Serialize)]
struct Group<'a, T> {
    label: String,
    items: Vec<&'a T>,
}

struct Builder<'a> {
    site: &'a Site,
    views: &'a Views,
    urls: &'a Urls,
    /// Which pages to make (the others are only listed in `paths`).
    wanted: Wanted<'a>,
    pages: Vec<PageSpec>,
    paths: Vec<String>,
}

impl<'a> Builder<'a> {
    fn wants(&self, out: &str) -> bool {
        self.wanted.wants(out)
    }

    fn page(&mut self, out: String, template: &'static str, meta: PageMeta, fill: impl FnOnce(&mut Context)) {
        let wanted = self.wants(&out);
        self.paths.push(out.clone());
        if !wanted {
            return;
        }
        let mut context = Context::new();
        context.insert("page", &meta);
        fill(&mut context);
        self.pages.push(PageSpec { out, template, context });
    }

    /// The cards of the agreements that match, in list order.
    fn agreement_cards(&self, keep: impl Fn(&Agreement) -> bool) -> Vec<&'a Shared<AgreementCard>> {
        let views = self.views;
        self.site
            .model
            .agreements
            .iter()
            .zip(&views.agreements)
            .filter(|(a, _)| keep(a))
            .map(|(_, v)| &v.card)
            .collect()
    }

    /// The cards of the planned purchases that match, in list order.
    fn purchase_cards(&self, keep: impl Fn(&PlannedPurchase) -> bool) -> Vec<&'a Shared<PurchaseCard>> {
        let views = self.views;
        self.site.model.purchases.iter().zip(&views.purchases).filter(|(p, _)| keep(p)).map(|(_, v)| &v.card).collect()
    }

    fn crumb(&self, dir: &str, name: &str) -> Vec<Link> {
        vec![Link { url: self.urls.section(dir), name: name.to_string() }]
    }

    fn meta(&self, title: &'a str, url: String, section: &'a str, breadcrumbs: Vec<Link>) -> PageMeta<'a> {
        PageMeta { title, url, section, description: None, breadcrumbs, changed: None }
    }
}

/// Which pages to make; every page is listed either way.
#[derive(Clone, Copy)]
pub enum Wanted<'a> {
    All,
    One(&'a str),
    Among(&'a HashSet<&'a str>),
    Nothing,
}

impl Wanted<'_> {
    pub fn wants(self, out: &str) -> bool {
        match self {
            Wanted::All => true,
            Wanted::One(path) => path == out,
            Wanted::Among(paths) => paths.contains(out),
            Wanted::Nothing => false,
        }
    }
}

/// The wanted pages of the site except search, feeds and data files, with the paths of all of them.
pub fn all(site: &Site, views: &Views, urls: &Urls, wanted: Wanted) -> (Vec<PageSpec>, Vec<String>) {
    let mut b = Builder { site, views, urls, wanted, pages: Vec::new(), paths: Vec::new() };
    front_page(&mut b);
    agreements(&mut b);
    purchases(&mut b);
    courses(&mut b);
    requirements(&mut b);
    municipalities(&mut b);
    categories(&mut b);
    suppliers(&mut b);
    council::pages(&mut b);
    local::pages(&mut b);
    for page in &site.model.pages {
        let meta =
            b.meta(&page.title, urls.page(&page.origin.slug), "sider", vec![]).of_item(&page.origin, b.site.today);
        b.page(format!("{}/index.html", page.origin.slug), "page.html", meta, |c| {
            c.insert("body_html", &to_html_at(&page.body, 2, ""))
        });
    }
    let meta = b.meta("Fant ikke siden", urls.page("404"), "", vec![]);
    b.page("404.html".to_string(), "404.html", meta, |_| {});
    (b.pages, b.paths)
}

fn front_page(b: &mut Builder) {
    let (site, views) = (b.site, b.views);
    let today = site.today;
    // The front page stays short on a large site: the first few of each list, with a link to all.
    const SHOWN: usize = 8;
    let mut expiring: Vec<&Shared<AgreementCard>> = (views.agreements.iter().zip(&site.agreement_status))
        .filter(|(_, status)| **status == AgreementStatus::ExpiringSoon)
        .map(|(a, _)| &a.card)
        .collect();
    expiring.sort_by_key(|a| a.current_end.date);
    let expiring_count = expiring.len();
    expiring.truncate(SHOWN);
    let mut new: Vec<&Shared<AgreementCard>> = site
        .model
        .agreements
        .iter()
        .zip(&views.agreements)
        .filter(|(a, _)| {
            a.valid_from > today.checked_sub_days(chrono::Days::new(120)).unwrap_or(today)
                && a.valid_from <= today.checked_add_days(chrono::Days::new(120)).unwrap_or(today)
        })
        .map(|(_, v)| &v.card)
        .collect();
    new.sort_by_key(|a| std::cmp::Reverse(a.valid_from.date));
    let new_count = new.len();
    new.truncate(SHOWN);
    let coming: Vec<&Shared<PurchaseCard>> = views
        .purchases
        .iter()
        .filter(|p| matches!(p.card.status.key.as_str(), "planlagt" | "markedsdialog" | "kunngjort"))
        .map(|p| &p.card)
        .take(6)
        .collect();
    let next_courses: Vec<&CourseView> = views.courses.iter().map(Arc::as_ref).filter(|c| !c.past).take(3).collect();
    let in_force = site.agreement_status.iter().filter(|s| s.in_force()).count();
    let title = site.model.settings.title.as_str();
    let meta = PageMeta {
        title,
        url: b.urls.root.clone(),
        section: "",
        description: site.model.settings.description.as_deref(),
        breadcrumbs: vec![],
        changed: None,
    };
    b.page("index.html".to_string(), "index.html", meta, |c| {
        c.insert("expiring", &expiring);
        c.insert("expiring_count", &expiring_count);
        c.insert("new_count", &new_count);
        c.insert("new_agreements", &new);
        c.insert("coming", &coming);
        c.insert("courses", &next_courses);
        c.insert("agreements_in_force", &in_force);
        c.insert("purchase_count", &views.purchases.len());
    });
}

fn status_filters(b: &Builder, current: Option<AgreementStatus>) -> Vec<FilterLink> {
    AgreementStatus::ALL
        .iter()
        .map(|s| FilterLink {
            url: format!("{}{BY_STATUS}/{}/", b.urls.section("rammeavtaler"), s.key()),
            name: s.label().to_string(),
            count: b.site.agreement_status.iter().filter(|x| *x == s).count(),
            current: current == Some(*s),
        })
        .collect()
}

fn category_filters(b: &Builder, current: Option<&str>) -> Vec<FilterLink> {
    b.site
        .model
        .settings
        .categories
        .iter()
        .map(|c| FilterLink {
            url: b.urls.item("kategorier", &c.id),
            name: c.name.clone(),
            count: b.site.model.agreements.iter().filter(|a| a.category == c.id).count(),
            current: current == Some(c.id.as_str()),
        })
        .collect()
}

fn municipality_filters(b: &Builder, current: Option<&str>) -> Vec<FilterLink> {
    b.site
        .model
        .settings
        .municipalities
        .iter()
        .map(|m| FilterLink {
            url: b.urls.item("kommuner", &m.id),
            name: m.name.clone(),
            count: b.site.model.agreements.iter().filter(|a| a.municipalities.includes(&m.id)).count(),
            current: current == Some(m.id.as_str()),
        })
        .collect()
}

/// The ways of ordering the agreements use (`avrop`), each with a page of its own; none on a
/// site that does not give them.
fn call_off_filters(b: &Builder, current: Option<&str>) -> Vec<FilterLink> {
    CallOff::KEYS
        .iter()
        .map(|(key, _)| {
            let count = b.site.model.agreements.iter().filter(|a| a.call_off.map(CallOff::key) == Some(*key)).count();
            FilterLink {
                url: format!("{}{BY_CALL_OFF}/{key}/", b.urls.section("rammeavtaler")),
                name: CallOff::label_of(key).to_string(),
                count,
                current: current == Some(*key),
            }
        })
        .filter(|f| f.count > 0)
        .collect()
}

/// The filter lists of a list page, made only when the page at `out` is.
fn filters(
    b: &Builder,
    out: &str,
    status: Option<AgreementStatus>,
    category: Option<&str>,
    municipality: Option<&str>,
) -> Context {
    let mut c = Context::new();
    if b.wants(out) {
        c.insert("status_filters", &status_filters(b, status));
        c.insert("category_filters", &category_filters(b, category));
        c.insert("municipality_filters", &municipality_filters(b, municipality));
        c.insert("call_off_filters", &call_off_filters(b, None));
        c.insert("local_filters", &local::filters(b, false));
    }
    c
}

fn agreements(b: &mut Builder) {
    let views = b.views;
    let all: Vec<&Shared<AgreementCard>> = views.agreements.iter().map(|a| &a.card).collect();
    let meta = b.meta("Rammeavtaler", b.urls.section("rammeavtaler"), "rammeavtaler", vec![]);
    let out = "rammeavtaler/index.html";
    // The filters are counted only when the page is rendered.
    let ctx = filters(b, out, None, None, None);
    b.page(out.into(), "agreements.html", meta, |c| {
        c.extend(ctx);
        c.insert("agreements", &all);
        c.insert("filter", &Option::<String>::None);
    });
    for (key, _) in CallOff::KEYS {
        let list: Vec<&Shared<AgreementCard>> = views
            .agreements
            .iter()
            .filter(|v| v.item.call_off.map(CallOff::key) == Some(key))
            .map(|v| &v.card)
            .collect();
        if list.is_empty() {
            continue;
        }
        let title = format!("Bestilles: {}", CallOff::label_of(key).to_lowercase());
        let url = format!("{}{BY_CALL_OFF}/{key}/", b.urls.section("rammeavtaler"));
        let meta = b.meta(&title, url, "rammeavtaler", b.crumb("rammeavtaler", "Rammeavtaler"));
        let out = format!("rammeavtaler/{BY_CALL_OFF}/{key}/index.html");
        let mut ctx = filters(b, &out, None, None, None);
        ctx.insert("call_off_filters", &call_off_filters(b, Some(key)));
        b.page(out, "agreements.html", meta, |c| {
            c.extend(ctx);
            c.insert("agreements", &list);
            c.insert("filter", &title);
        });
    }
    for s in AgreementStatus::ALL {
        let list: Vec<&Shared<AgreementCard>> = b
            .site
            .agreement_status
            .iter()
            .zip(&views.agreements)
            .filter(|(x, _)| **x == s)
            .map(|(_, v)| &v.card)
            .collect();
        let title = s.label();
        let key = s.key().to_string();
        let meta = b.meta(
            title,
            format!("{}{BY_STATUS}/{key}/", b.urls.section("rammeavtaler")),
            "rammeavtaler",
            b.crumb("rammeavtaler", "Rammeavtaler"),
        );
        let out = format!("rammeavtaler/{BY_STATUS}/{key}/index.html");
        let ctx = filters(b, &out, Some(s), None, None);
        b.page(out, "agreements.html", meta, |c| {
            c.extend(ctx);
            c.insert("agreements", &list);
            c.insert("filter", &format!("Status: {}", s.label()));
        });
    }
    for view in &views.agreements {
        let meta = b
            .meta(&view.card.title, view.card.url.clone(), "rammeavtaler", b.crumb("rammeavtaler", "Rammeavtaler"))
            .of_item(&view.item.origin, b.site.today);
        b.page(agreement_page(view), "agreement.html", meta, |c| {
            let a = &view.item;
            let ordering_html = a.ordering.as_deref().map(|o| to_html_at(o, 3, "bestilling-"));
            c.insert("agreement", &WithHtml { view, body_html: to_html_at(&a.body, 3, ""), ordering_html })
        });
    }
}

fn purchases(b: &mut Builder) {
    let views = b.views;
    purchases::purchases(b);
    for (purchase, view) in b.site.model.purchases.iter().zip(&views.purchases) {
        let meta = b
            .meta(
                &view.card.title,
                view.card.url.clone(),
                "planlagte-innkjop",
                b.crumb("planlagte-innkjop", "Planlagte innkjøp"),
            )
            .of_item(&purchase.origin, b.site.today);
        b.page(purchase_page(purchase), "purchase.html", meta, |c| {
            c.insert("purchase", &WithHtml { view, body_html: to_html_at(&purchase.body, 3, ""), ordering_html: None })
        });
    }
}

fn courses(b: &mut Builder) {
    let views = b.views;
    let upcoming: Vec<&CourseView> = views.courses.iter().map(Arc::as_ref).filter(|c| !c.past).collect();
    let past: Vec<&CourseView> = views.courses.iter().map(Arc::as_ref).rev().filter(|c| c.past).collect();
    let meta = b.meta("Kurs og samlinger", b.urls.section("kurs"), "kurs", vec![]);
    b.page("kurs/index.html".into(), "courses.html", meta, |c| {
        c.insert("upcoming", &upcoming);
        c.insert("past", &past);
    });
    for (course, view) in b.site.model.courses.iter().zip(&views.courses) {
        let meta = b
            .meta(&view.title, view.url.clone(), "kurs", b.crumb("kurs", "Kurs og samlinger"))
            .of_item(&course.origin, b.site.today);
        b.page(course_page(course), "course.html", meta, |c| {
            c.insert("course", &WithHtml { view, body_html: to_html_at(&course.body, 3, ""), ordering_html: None })
        });
    }
}

fn requirements(b: &mut Builder) {
    let views = b.views;
    let meta = b.meta("Etiske krav", b.urls.section("etiske-krav"), "etiske-krav", vec![]);
    b.page("etiske-krav/index.html".into(), "requirements.html", meta, |c| {
        c.insert("requirements", &views.requirements)
    });
    for (r, view) in b.site.model.requirements.iter().zip(&views.requirements) {
        let meta = b
            .meta(&view.title, view.url.clone(), "etiske-krav", b.crumb("etiske-krav", "Etiske krav"))
            .of_item(&r.origin, b.site.today);
        b.page(requirement_page(r), "requirement.html", meta, |c| {
            c.insert("requirement", &WithHtml { view, body_html: to_html_at(&r.body, 2, ""), ordering_html: None })
        });
    }
}

fn municipalities(b: &mut Builder) {
    let site = b.site;
    let list = municipality_filters(b, None);
    let meta = b.meta("Kommunene", b.urls.section("kommuner"), "kommuner", vec![]);
    b.page("kommuner/index.html".into(), "municipalities.html", meta, |c| c.insert("municipalities", &list));
    for m in &site.model.settings.municipalities {
        municipality::pages(b, m);
    }
}

fn categories(b: &mut Builder) {
    let site = b.site;
    let list = category_filters(b, None);
    let meta = b.meta("Kategorier", b.urls.section("kategorier"), "kategorier", vec![]);
    let described: Vec<(&FilterLink, Option<&String>)> =
        list.iter().zip(&site.model.settings.categories).map(|(l, c)| (l, c.description.as_ref())).collect();
    #[derive(Serialize)]
    struct CategoryEntry<'a> {
        url: &'a str,
        name: &'a str,
        count: usize,
        description: Option<&'a String>,
    }
    let entries: Vec<CategoryEntry> = described
        .iter()
        .map(|(l, d)| CategoryEntry { url: &l.url, name: &l.name, count: l.count, description: *d })
        .collect();
    b.page("kategorier/index.html".into(), "categories.html", meta, |c| c.insert("categories", &entries));
    for cat in &site.model.settings.categories {
        let agreements = b.agreement_cards(|a| a.category == cat.id);
        let purchases = b.purchase_cards(|p| p.category == cat.id);
        let meta =
            b.meta(&cat.name, b.urls.item("kategorier", &cat.id), "kategorier", b.crumb("kategorier", "Kategorier"));
        let out = format!("kategorier/{}/index.html", cat.id);
        let ctx = filters(b, &out, None, Some(&cat.id), None);
        b.page(out, "category.html", meta, |c| {
            c.extend(ctx);
            c.insert("category", &Link { url: String::new(), name: cat.name.clone() });
            c.insert("description", &cat.description);
            c.insert("category_feed", &b.urls.asset(&crate::exports::feeds::category_path(&cat.id)));
            c.insert("category_calendar", &b.urls.asset(&crate::exports::calendar::category_path(&cat.id)));
            c.insert("agreements", &agreements);
            c.insert("purchases", &purchases);
        });
    }
}

fn suppliers(b: &mut Builder) {
    let (site, views) = (b.site, b.views);
    let meta = b.meta("Leverandører", b.urls.section("leverandorer"), "leverandorer", vec![]);
    b.page("leverandorer/index.html".into(), "suppliers.html", meta, |c| {
        c.insert("suppliers", &views.suppliers);
        c.insert("has_local", &views.suppliers.iter().any(|s| s.local));
    });
    for s in &views.suppliers {
        let agreements: Vec<&Shared<AgreementCard>> = site
            .agreements_by_supplier
            .get(&s.id)
            .map(|ix| ix.iter().map(|&i| &views.agreements[i].card).collect())
            .unwrap_or_default();
        let meta = b.meta(&s.name, s.url.clone(), "leverandorer", b.crumb("leverandorer", "Leverandører"));
        b.page(format!("leverandorer/{}/index.html", s.id), "supplier.html", meta, |c| {
            c.insert("supplier", s);
            c.insert("agreements", &agreements);
        });
    }
}

fn agreement_page(view: &AgreementView) -> String {
    format!("rammeavtaler/{}/index.html", view.card.slug)
}

fn purchase_page(purchase: &PlannedPurchase) -> String {
    format!("planlagte-innkjop/{}/index.html", purchase.origin.slug)
}

fn course_page(course: &Course) -> String {
    format!("kurs/{}/index.html", course.origin.slug)
}

fn requirement_page(requirement: &Requirement) -> String {
    format!("etiske-krav/{}/index.html", requirement.origin.slug)
}

/// Where the search page goes.
pub const SEARCH_PAGE: &str = "sok/index.html";

/// The search page; the results come from the index in the browser.
pub fn search_page(urls: &Urls, labels: &super::records::FilterLabels) -> PageSpec {
    let mut context = Context::new();
    context.insert("page", &PageMeta::new("Søk", urls.page("sok"), "sok"));
    context.insert("labels", labels);
    PageSpec { out: SEARCH_PAGE.into(), template: "search.html", context }
}
