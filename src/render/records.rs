//! What the search index gets of each item: its plain text, filters and metadata.

use super::views::Views;
use crate::markdown::plain_text;
use crate::model::{Scope, dates};
use crate::site::Site;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// One searchable item.
#[derive(Debug, Clone)]
pub struct SearchRecord {
    pub url: String,
    pub title: String,
    pub summary: String,
    /// What a result shows under its title: an agreement's period and suppliers, a tender's
    /// deadline or announcement, a course's time.
    pub detail: String,
    /// `rammeavtale`, `planlagt-innkjop`, `kurs`, `etisk-krav`, `side`, `leverandor`.
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub status: Option<(String, String)>,
    /// ISO date the results sort by.
    pub date: Option<String>,
    pub text: String,
    pub categories: Vec<String>,
    pub municipalities: Vec<String>,
    pub suppliers: Vec<String>,
}

/// The kinds of items in search, with their labels.
pub const KINDS: [(&str, &str); 7] = [
    ("rammeavtale", "Rammeavtale"),
    ("planlagt-innkjop", "Planlagt innkjøp"),
    ("kurs", "Kurs"),
    ("etisk-krav", "Etisk krav"),
    ("leverandor", "Leverandør"),
    ("side", "Side"),
    ("mote", "Møte i innkjøpsrådet"),
];

/// The labels of every filter value, for the search page (filters use ids).
#[derive(Serialize)]
pub struct FilterLabels {
    #[serde(rename = "type")]
    pub kind: BTreeMap<String, String>,
    pub kommune: BTreeMap<String, String>,
    pub kategori: BTreeMap<String, String>,
    pub status: BTreeMap<String, String>,
    /// The statuses by the kind they belong to: (heading, [(key, label)]).
    pub status_groups: Vec<(&'static str, Vec<(String, String)>)>,
    pub leverandor: BTreeMap<String, String>,
}

pub fn filter_labels(site: &Site) -> FilterLabels {
    let mut status: BTreeMap<String, String> = crate::rules::period::AgreementStatus::ALL
        .iter()
        .map(|s| (s.key().to_string(), s.label().to_string()))
        .collect();
    for (key, s) in crate::model::PurchaseStatus::ALL {
        status.insert(key.to_string(), s.label().to_string());
    }
    status.insert("holdt".into(), "Holdt".into());
    let pair = |k: &str, l: &str| (k.to_string(), l.to_string());
    let status_groups = vec![
        ("Rammeavtaler", crate::rules::period::AgreementStatus::ALL.iter().map(|s| pair(s.key(), s.label())).collect()),
        ("Planlagte innkjøp", crate::model::PurchaseStatus::ALL.iter().map(|(k, s)| pair(k, s.label())).collect()),
        ("Kurs", vec![pair("kommende", "Kommende"), pair("holdt", "Holdt")]),
    ];
    FilterLabels {
        status_groups,
        kind: KINDS.iter().map(|(k, l)| (k.to_string(), l.to_string())).collect(),
        kommune: site.model.settings.municipalities.iter().map(|m| (m.id.clone(), m.name.clone())).collect(),
        kategori: site.model.settings.categories.iter().map(|c| (c.id.clone(), c.name.clone())).collect(),
        status,
        leverandor: site.model.suppliers.iter().map(|s| (s.id.clone(), s.name.clone())).collect(),
    }
}

fn municipalities(site: &Site, scope: &Scope) -> Vec<String> {
    match scope {
        Scope::All => site.model.settings.municipalities.iter().map(|m| m.id.clone()).collect(),
        Scope::Only(ids) => ids.clone(),
    }
}

fn join(parts: &[&str]) -> String {
    parts.iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join("\n")
}

/// One record per item page, made on all cores (each needs its Markdown as plain text), in
/// the order of the items, so the parts and their bytes are the same in every build.
pub fn records(site: &Site, views: &Views) -> Vec<SearchRecord> {
    let mut out = Vec::new();
    let kind_label = |k: &str| KINDS.iter().find(|(key, _)| *key == k).map(|(_, l)| *l).unwrap_or("");
    out.par_extend(site.model.agreements.par_iter().zip(&views.agreements).map(|(a, v)| {
        let suppliers: Vec<&str> = v.card.suppliers.iter().map(|s| s.name.as_str()).collect();
        let municipality_names: Vec<&str> = v.municipalities.iter().map(|m| m.name.as_str()).collect();
        SearchRecord {
            url: v.card.url.clone(),
            title: a.title.clone(),
            summary: a.summary.clone().unwrap_or_default(),
            detail: format!("{}–{} · {}", v.card.valid_from.short(), v.card.current_end.short(), suppliers.join(", ")),
            kind: "rammeavtale",
            kind_label: kind_label("rammeavtale"),
            status: Some((v.card.status.key.clone(), v.card.status.label.clone())),
            date: Some(v.card.valid_from.iso()),
            text: join(&[
                &a.title,
                a.summary.as_deref().unwrap_or(""),
                &v.card.category.name,
                &suppliers.join(", "),
                &municipality_names.join(", "),
                a.number.as_deref().unwrap_or(""),
                &plain_text(a.ordering.as_deref().unwrap_or("")),
                &plain_text(&a.body),
            ]),
            categories: vec![a.category.clone()],
            municipalities: municipalities(site, &a.municipalities),
            suppliers: a.suppliers.clone(),
        }
    }));
    out.par_extend(site.model.purchases.par_iter().zip(&views.purchases).map(|(p, v)| {
        let cpv: Vec<String> =
            p.cpv.iter().map(|c| format!("{} {}", c.code, c.name.as_deref().unwrap_or(""))).collect();
        SearchRecord {
            url: v.card.url.clone(),
            title: p.title.clone(),
            summary: p.summary.clone().unwrap_or_default(),
            detail: match (&v.card.deadline, &v.card.announcement) {
                (Some(d), _) => format!("Tilbudsfrist {}", d.long),
                (None, Some(a)) => format!("Kunngjøring {}{}", a.long, if a.tentative { " (foreløpig)" } else { "" }),
                (None, None) => String::new(),
            },
            kind: "planlagt-innkjop",
            kind_label: kind_label("planlagt-innkjop"),
            status: Some((v.card.status.key.clone(), v.card.status.label.clone())),
            date: p.announcement.map(|d| dates::iso_date(d.first_day())),
            text: join(&[
                &p.title,
                p.summary.as_deref().unwrap_or(""),
                &v.card.category.name,
                &v.card.municipalities_text,
                &cpv.join("\n"),
                &plain_text(&p.body),
            ]),
            categories: vec![p.category.clone()],
            municipalities: municipalities(site, &p.municipalities),
            suppliers: Vec::new(),
        }
    }));
    out.par_extend(site.model.courses.par_iter().zip(&views.courses).map(|(c, v)| {
        let status = if v.past { ("holdt", "Holdt") } else { ("kommende", "Kommende") };
        SearchRecord {
            url: v.url.clone(),
            title: c.title.clone(),
            summary: c.summary.clone().unwrap_or_default(),
            detail: v.when.clone(),
            kind: "kurs",
            kind_label: kind_label("kurs"),
            status: Some((status.0.to_string(), status.1.to_string())),
            date: Some(dates::iso_date(c.start.date())),
            text: join(&[
                &c.title,
                c.summary.as_deref().unwrap_or(""),
                &v.when,
                &c.audience.join(", "),
                &plain_text(&c.body),
            ]),
            categories: Vec::new(),
            municipalities: Vec::new(),
            suppliers: Vec::new(),
        }
    }));
    out.par_extend(site.model.requirements.par_iter().zip(&views.requirements).map(|(r, v)| SearchRecord {
        url: v.url.clone(),
        title: r.title.clone(),
        summary: r.summary.clone().unwrap_or_default(),
        detail: String::new(),
        kind: "etisk-krav",
        kind_label: kind_label("etisk-krav"),
        status: None,
        date: None,
        text: join(&[
            &r.title,
            r.summary.as_deref().unwrap_or(""),
            r.area.label(),
            r.legal_basis.as_deref().unwrap_or(""),
            r.clause.as_deref().unwrap_or(""),
            &plain_text(&r.body),
        ]),
        categories: Vec::new(),
        municipalities: Vec::new(),
        suppliers: Vec::new(),
    }));
    out.par_extend(views.suppliers.par_iter().map(|s| SearchRecord {
        url: s.url.clone(),
        title: s.name.clone(),
        summary: if s.local { "Lokal leverandør".into() } else { "Leverandør".into() },
        detail: format!("Org.nr. {}", s.orgnr),
        kind: "leverandor",
        kind_label: kind_label("leverandor"),
        status: None,
        date: None,
        text: join(&[&s.name, &s.orgnr, s.address.as_deref().unwrap_or("")]),
        categories: Vec::new(),
        municipalities: Vec::new(),
        suppliers: vec![s.id.clone()],
    }));
    out.par_extend(site.model.pages.par_iter().map(|p| {
        let text = plain_text(&p.body);
        let summary: String = text.split_whitespace().take(30).collect::<Vec<_>>().join(" ");
        SearchRecord {
            url: format!("{}{}/", site.model.settings.base_url.path(), p.origin.slug),
            title: p.title.clone(),
            summary,
            detail: String::new(),
            kind: "side",
            kind_label: kind_label("side"),
            status: None,
            date: None,
            text: join(&[&p.title, &text]),
            categories: Vec::new(),
            municipalities: Vec::new(),
            suppliers: Vec::new(),
        }
    }));
    out.par_extend(site.model.meetings.par_iter().map(|m| {
        let day = crate::model::dates::long_date(m.when.date());
        SearchRecord {
            url: format!(
                "{}{}/{}/",
                site.model.settings.base_url.path(),
                crate::model::sections::MEETINGS,
                m.origin.slug
            ),
            title: format!("{}, {day}", m.title),
            summary: m.agenda.join(" · "),
            detail: m.place.clone().unwrap_or_default(),
            kind: "mote",
            kind_label: kind_label("mote"),
            status: None,
            date: Some(dates::iso_date(m.when.date())),
            text: join(&[&m.title, &day, &m.agenda.join("\n"), &plain_text(&m.body)]),
            categories: Vec::new(),
            municipalities: Vec::new(),
            suppliers: Vec::new(),
        }
    }));
    out
}
