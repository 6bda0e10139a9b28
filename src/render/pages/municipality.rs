//! A municipality's own page, as a purchaser there reads it: the agreements in force first
//! (those expiring soon flagged by their badge), those that have ended folded away, then the
//! planned purchases with the ones open for tender first. Its filters (status, category) are
//! pages of their own below it, scoped to the municipality, so they work without JavaScript.

use super::purchases::{Sorted, sorted};
use super::{AddressView, Builder, FilterLink, PageMeta};
use crate::model::Municipality;
use crate::render::views::{AgreementCard, ContactView, Shared};
use crate::rules::period::AgreementStatus;
use serde::Serialize;

#[derive(Serialize)]
struct MunicipalityView<'a> {
    name: &'a str,
    url: String,
    website: Option<AddressView>,
    is_host: bool,
    orgnr: Option<&'a str>,
    invoice_address: Option<&'a str>,
    contact: Option<ContactView>,
}

/// The agreements of one page: in force (or about to be) and ended.
#[derive(Serialize)]
struct Agreements<'a> {
    current: Vec<&'a Shared<AgreementCard>>,
    ended: Vec<&'a Shared<AgreementCard>>,
}

pub(super) fn pages(b: &mut Builder, m: &Municipality) {
    let site = b.site;
    let base = b.urls.item("kommuner", &m.id);
    let agreements_all = &site.model.agreements;
    // By the agreement's index: its status is `site.agreement_status[i]`.
    let here = |i: usize| agreements_all[i].municipalities.includes(&m.id);
    let view = MunicipalityView {
        name: &m.name,
        url: base.clone(),
        website: m.website.as_ref().map(AddressView::of),
        is_host: site.model.settings.host == m.id,
        orgnr: m.orgnr.as_deref(),
        invoice_address: m.invoice_address.as_deref(),
        contact: m.purchasing_contact.as_ref().map(ContactView::of),
    };
    // Filters: (facet, key, name).
    let mut filters: Vec<(&str, String, String)> = Vec::new();
    for s in AgreementStatus::ALL {
        filters.push(("status", s.key().to_string(), s.label().to_string()));
    }
    for c in &site.model.settings.categories {
        filters.push(("kategori", c.id.clone(), c.name.clone()));
    }
    let keeps_agreement = |facet: &str, key: &str, i: usize| match facet {
        "status" => site.agreement_status[i].key() == key,
        _ => agreements_all[i].category == key,
    };
    // What each filter keeps here: its agreements, and for a category its planned purchases.
    // Counted only when a page of this municipality is rendered: the preview lists every
    // page after each save, and counting for all of them is most of that on a large site.
    let counts = std::cell::OnceCell::new();
    let count_all = || -> Vec<usize> {
        filters
            .iter()
            .map(|(f, key, _)| {
                let agreements = (0..agreements_all.len()).filter(|&i| here(i) && keeps_agreement(f, key, i)).count();
                let purchases = match *f {
                    "kategori" => site
                        .model
                        .purchases
                        .iter()
                        .filter(|p| p.municipalities.includes(&m.id) && p.category == *key)
                        .count(),
                    _ => 0,
                };
                agreements + purchases
            })
            .collect()
    };
    let links = |current: Option<(&str, &str)>| -> Vec<(&'static str, Vec<FilterLink>)> {
        let counts: &Vec<usize> = counts.get_or_init(count_all);
        [("status", "Avtalestatus"), ("kategori", "Kategori")]
            .into_iter()
            .map(|(facet, heading)| {
                let links = filters
                    .iter()
                    .zip(counts)
                    .filter(|((f, _, _), _)| *f == facet)
                    .map(|((f, key, name), count)| FilterLink {
                        url: format!("{base}{f}/{key}/"),
                        name: name.clone(),
                        count: *count,
                        current: current == Some((*f, key.as_str())),
                    })
                    .filter(|l| l.count > 0 || l.current)
                    .collect();
                (heading, links)
            })
            .filter(|(_, links): &(_, Vec<FilterLink>)| !links.is_empty())
            .collect()
    };
    let agreements = |keep: &dyn Fn(usize) -> bool| -> Agreements {
        let (mut current, mut ended) = (Vec::new(), Vec::new());
        for (i, (status, v)) in site.agreement_status.iter().zip(&b.views.agreements).enumerate() {
            if !(here(i) && keep(i)) {
                continue;
            }
            if status.in_force() || *status == AgreementStatus::Upcoming {
                current.push((*status, &v.card));
            } else {
                ended.push(&v.card);
            }
        }
        // Expiring soon first (they need a decision), then in force, then upcoming.
        let rank = |s: AgreementStatus| match s {
            AgreementStatus::ExpiringSoon => 0,
            AgreementStatus::Upcoming => 2,
            _ => 1,
        };
        current.sort_by_key(|(s, _)| rank(*s));
        Agreements { current: current.into_iter().map(|(_, c)| c).collect(), ended }
    };
    let out = format!("kommuner/{}/index.html", m.id);
    let wanted = b.wants(&out);
    let (list, purchases, filter_links) = if wanted {
        (agreements(&|_| true), sorted(b, &|p| p.municipalities.includes(&m.id)), links(None))
    } else {
        (Agreements { current: Vec::new(), ended: Vec::new() }, Sorted::default(), Vec::new())
    };
    let meta = b.meta(&m.name, base.clone(), "kommuner", b.crumb("kommuner", "Kommunene"));
    b.page(out, "municipality.html", meta, |c| {
        c.insert("municipality", &view);
        c.insert("agreements", &list);
        c.insert("purchases", &purchases);
        c.insert("filters", &filter_links);
        c.insert("filter", &Option::<String>::None);
    });
    for (facet, key, name) in &filters {
        let out = format!("kommuner/{}/{facet}/{key}/index.html", m.id);
        if !b.wants(&out) {
            b.page(out, "municipality.html", PageMeta::new("", String::new(), "kommuner"), |_| {});
            continue;
        }
        let list = agreements(&|i| keeps_agreement(facet, key, i));
        let purchases = if *facet == "kategori" {
            sorted(b, &|p| p.municipalities.includes(&m.id) && p.category == *key)
        } else {
            Sorted::default()
        };
        let filter_links = links(Some((facet, key.as_str())));
        let label =
            if *facet == "status" { format!("avtaler med status {}", name.to_lowercase()) } else { name.clone() };
        let title = format!("{}: {label}", m.name);
        let meta = PageMeta {
            title: &title,
            url: format!("{base}{facet}/{key}/"),
            section: "kommuner",
            description: None,
            breadcrumbs: vec![
                crate::render::views::Link { url: b.urls.section("kommuner"), name: "Kommunene".into() },
                crate::render::views::Link { url: base.clone(), name: m.name.clone() },
            ],
            changed: None,
        };
        b.page(out, "municipality.html", meta, |c| {
            c.insert("municipality", &view);
            c.insert("agreements", &list);
            c.insert("purchases", &purchases);
            c.insert("filters", &filter_links);
            c.insert("filter", &Some(&label));
        });
    }
}
