//! Atom feeds (RFC 4287) of the tender pipeline: one for every planned purchase, one per
//! category. The one module that calls `atom_syndication`.

use super::{oslo_rfc3339, purchase_updated};
use crate::format::{self, escape};
use crate::model::{MilestoneKind, PlannedPurchase};
use crate::site::Site;
use atom_syndication::{Category, Content, Entry, Feed, FixedDateTime, Generator, Link, Person, Text};

/// The path of the pipeline feed, relative to the site root.
pub const PIPELINE: &str = "planlagte-innkjop/atom.xml";

/// The path of a category's feed.
pub fn category_path(category: &str) -> String {
    format!("kategorier/{category}/atom.xml")
}

/// Every feed: (path relative to the output folder, XML).
pub fn feeds(site: &Site) -> Vec<(String, String)> {
    let settings = &site.model.settings;
    let all: Vec<&PlannedPurchase> = site.model.purchases.iter().map(|p| &**p).collect();
    let mut out = vec![(
        PIPELINE.to_string(),
        feed(site, PIPELINE, &format!("Planlagte innkjøp – {}", settings.title), "planlagte-innkjop/", &all),
    )];
    for c in &settings.categories {
        let list: Vec<&PlannedPurchase> = all.iter().copied().filter(|p| p.category == c.id).collect();
        let path = category_path(&c.id);
        let title = format!("Planlagte innkjøp: {} – {}", c.name, settings.title);
        out.push((path.clone(), feed(site, &path, &title, &format!("kategorier/{}/", c.id), &list)));
    }
    for d in super::trades::divisions(site) {
        let list: Vec<&PlannedPurchase> = d.purchases.iter().map(|&i| all[i]).collect();
        let path = super::trades::feed_path(&d.code);
        let title = format!("Planlagte innkjøp: {} – {}", d.label(), settings.title);
        out.push((path.clone(), feed(site, &path, &title, "planlagte-innkjop/varsler/", &list)));
    }
    out
}

fn feed(site: &Site, path: &str, title: &str, page: &str, purchases: &[&PlannedPurchase]) -> String {
    let settings = &site.model.settings;
    let base = &settings.base_url;
    // Newest first: the order feed readers show.
    let mut entries: Vec<(chrono::NaiveDateTime, Entry)> =
        purchases.iter().map(|p| (purchase_updated(p, site.today), entry(site, p))).collect();
    entries.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    let updated = entries.first().map(|(u, _)| *u).unwrap_or_else(|| site.today.and_time(chrono::NaiveTime::MIN));
    let mut feed = Feed::default();
    feed.set_title(Text::plain(title));
    feed.set_id(format!("{base}{path}"));
    feed.set_updated(fixed(updated));
    feed.set_lang(Some(settings.language.clone()));
    feed.set_subtitle(Some(Text::plain(
        "Konkurranser samarbeidet planlegger: når de kunngjøres, tilbudsfrister og status.",
    )));
    feed.set_authors(vec![Person {
        name: settings.title.clone(),
        email: settings.contact.as_ref().and_then(|c| c.email.clone()),
        uri: Some(base.to_string()),
        ..Person::default()
    }]);
    feed.set_generator(Some(Generator { value: "innkjop".into(), uri: None, version: None }));
    feed.set_links(vec![
        link(format!("{base}{path}"), "self", "application/atom+xml"),
        link(format!("{base}{page}"), "alternate", "text/html"),
    ]);
    feed.set_entries(entries.into_iter().map(|(_, e)| e).collect::<Vec<_>>());
    with_stylesheet(&feed.to_string(), &format!("{}{STYLESHEET}", base.path()))
}

/// The theme's stylesheet for feeds: a feed opened in a browser reads as a page.
pub const STYLESHEET: &str = "assets/feed.css";

/// The feed with a stylesheet instruction after its XML declaration.
fn with_stylesheet(xml: &str, href: &str) -> String {
    let instruction = format!("<?xml-stylesheet type=\"text/css\" href=\"{}\"?>\n", crate::format::escape(href));
    match xml.strip_prefix("<?xml").and_then(|rest| rest.find("?>").map(|end| 5 + end + 2)) {
        Some(end) => format!("{}\n{instruction}{}", &xml[..end], xml[end..].trim_start()),
        None => format!("{instruction}{xml}"),
    }
}

fn entry(site: &Site, p: &PlannedPurchase) -> Entry {
    let base = &site.model.settings.base_url;
    let url = format!("{base}planlagte-innkjop/{}/", p.origin.slug);
    let category = site.category(&p.category).map(|c| c.name.clone()).unwrap_or_else(|| p.category.clone());
    let mut entry = Entry::default();
    entry.set_title(Text::plain(format!("{} ({})", p.title, p.status.label().to_lowercase())));
    entry.set_id(url.clone());
    entry.set_updated(fixed(purchase_updated(p, site.today)));
    entry.set_links(vec![link(url, "alternate", "text/html")]);
    entry.set_categories(vec![Category {
        term: p.category.clone(),
        scheme: Some(format!("{base}kategorier/")),
        label: Some(category),
    }]);
    if let Some(s) = &p.summary {
        entry.set_summary(Some(Text::plain(s.clone())));
    }
    entry.set_content(Some(Content {
        value: Some(facts_html(p)),
        content_type: Some("html".into()),
        ..Content::default()
    }));
    entry
}

/// The facts of a purchase as a small HTML list, for the entry's content.
fn facts_html(p: &PlannedPurchase) -> String {
    let mut facts = vec![("Status", p.status.label().to_string())];
    if let Some(a) = p.announcement {
        let tentative = if p.announcement_is_tentative() { " (foreløpig)" } else { "" };
        facts.push(("Kunngjøring", format!("{}{tentative}", a.long())));
    }
    if let Some(d) = p.deadline {
        facts.push(("Tilbudsfrist", d.long()));
    }
    for m in p.milestones.iter().filter(|m| m.kind != MilestoneKind::Tenders || p.deadline.is_none()) {
        facts.push((m.kind.label(), m.when.long()));
    }
    if let Some(c) = p.contract_start {
        facts.push(("Kontraktstart", c.long()));
    }
    if let Some(v) = p.estimated_value {
        facts.push(("Anslått verdi", format!("{} uten mva.", format::amount(v))));
    }
    if let Some(t) = p.contract_type {
        facts.push(("Kontraktstype", t.label().to_string()));
    }
    if let Some(pr) = p.procedure {
        facts.push(("Prosedyre", pr.label().to_string()));
    }
    if !p.cpv.is_empty() {
        let codes: Vec<String> = p
            .cpv
            .iter()
            .map(|c| match &c.name {
                Some(n) => format!("{} {n}", c.code),
                None => c.code.clone(),
            })
            .collect();
        facts.push(("CPV", codes.join(", ")));
    }
    for (i, lot) in p.lots.iter().enumerate() {
        let value =
            lot.estimated_value.map(|v| format!(", anslått {} uten mva.", format::amount(v))).unwrap_or_default();
        facts.push(("Delkontrakt", format!("{}. {}{value}", i + 1, lot.title)));
    }
    let mut html = String::from("<ul>");
    for (k, v) in facts {
        html.push_str(&format!("<li>{k}: {}</li>", escape(&v)));
    }
    if let Some(href) = p.tendering_tool.as_ref().and_then(|t| t.href()) {
        html.push_str(&format!("<li><a href=\"{}\">Konkurransen i konkurranseverktøyet</a></li>", escape(href)));
    }
    html.push_str("</ul>");
    if let Some(s) = &p.summary {
        html = format!("<p>{}</p>{html}", escape(s));
    }
    html
}

fn link(href: String, rel: &str, mime: &str) -> Link {
    Link { href, rel: rel.into(), mime_type: Some(mime.into()), ..Link::default() }
}

fn fixed(local: chrono::NaiveDateTime) -> FixedDateTime {
    chrono::DateTime::parse_from_rfc3339(&oslo_rfc3339(local)).unwrap_or_default()
}
