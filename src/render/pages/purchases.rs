//! The list of planned purchases, as a supplier reads it: what is open for tender now first,
//! with its deadline; then what is coming, by quarter; then what is being evaluated; what is
//! done (awarded, cancelled) last, folded. The same list for each filter (status, category,
//! contract type) on a page of its own, so the filters work without JavaScript; the
//! municipality filter leads to the municipality's page, which has the same list.

use super::{Builder, FilterLink, Group, PageMeta};
use crate::model::dates::FuzzyDate;
use crate::model::sections::lists::{BY_CATEGORY, BY_CONTRACT_TYPE, BY_MUNICIPALITY, BY_STATUS};
use crate::model::{ContractType, PlannedPurchase, PurchaseStatus};
use crate::render::views::{PurchaseCard, Shared};
use serde::Serialize;

/// The purchases of one page, in the order a supplier wants them.
#[derive(Serialize, Default)]
pub(super) struct Sorted<'a> {
    /// Announced, deadline not passed.
    open: Vec<&'a Shared<PurchaseCard>>,
    /// Planned or in market dialogue, by the quarter of their announcement.
    coming: Vec<Group<'a, Shared<PurchaseCard>>>,
    /// Announced with the deadline passed, or in evaluation.
    evaluating: Vec<&'a Shared<PurchaseCard>>,
    /// Awarded or cancelled.
    done: Vec<&'a Shared<PurchaseCard>>,
    count: usize,
}

/// A filter: its path below `planlagte-innkjop/`, its name, and which purchases it keeps.
struct Filter<'f> {
    facet: &'static str,
    key: String,
    name: String,
    keeps: Box<dyn Fn(&PlannedPurchase) -> bool + 'f>,
}

pub(super) fn purchases(b: &mut Builder) {
    let filters = all_filters(b);
    // Counted only when a page with the filters is rendered, not when the pages are listed.
    let counts = std::cell::OnceCell::new();
    let count_all = || -> Vec<usize> {
        filters.iter().map(|f| b.site.model.purchases.iter().filter(|p| (f.keeps)(p)).count()).collect()
    };
    // A municipality's planned purchases are on its own page, open ones first: the filter
    // leads there rather than to a page of its own.
    let url = |f: &Filter| match f.facet {
        BY_MUNICIPALITY => format!("{}#s-innkjop", b.urls.item("kommuner", &f.key)),
        _ => format!("{}{}/{}/", b.urls.section("planlagte-innkjop"), f.facet, f.key),
    };
    let links = |current: Option<(&str, &str)>| -> Vec<(&'static str, &'static str, Vec<FilterLink>)> {
        let counts: &Vec<usize> = counts.get_or_init(count_all);
        FACETS
            .iter()
            .map(|(facet, heading)| {
                let links = filters
                    .iter()
                    .zip(counts)
                    .filter(|(f, _)| f.facet == *facet)
                    .map(|(f, count)| FilterLink {
                        url: url(f),
                        name: f.name.clone(),
                        count: *count,
                        current: current == Some((f.facet, f.key.as_str())),
                    })
                    .filter(|l| l.count > 0 || l.current)
                    .collect();
                (*facet, *heading, links)
            })
            .filter(|(_, _, links): &(_, _, Vec<FilterLink>)| !links.is_empty())
            .collect()
    };
    let meta = b.meta("Planlagte innkjøp", b.urls.section("planlagte-innkjop"), "planlagte-innkjop", vec![]);
    let out = "planlagte-innkjop/index.html".to_string();
    let (all, filter_links) =
        if b.wants(&out) { (sorted(b, &|_| true), links(None)) } else { (Sorted::default(), Vec::new()) };
    b.page(out, "purchases.html", meta, |c| {
        c.insert("list", &all);
        c.insert("filters", &filter_links);
        c.insert("filter", &Option::<String>::None);
    });
    for f in filters.iter().filter(|f| f.facet != BY_MUNICIPALITY) {
        let out = format!("planlagte-innkjop/{}/{}/index.html", f.facet, f.key);
        if !b.wants(&out) {
            b.page(out, "purchases.html", PageMeta::new("", String::new(), "planlagte-innkjop"), |_| {});
            continue;
        }
        let list = sorted(b, &f.keeps);
        let filter_links = links(Some((f.facet, f.key.as_str())));
        let heading = FACETS.iter().find(|(facet, _)| *facet == f.facet).map(|(_, h)| *h).unwrap_or_default();
        let title = format!("{heading}: {}", f.name);
        let meta = PageMeta {
            title: &title,
            url: format!("{}{}/{}/", b.urls.section("planlagte-innkjop"), f.facet, f.key),
            section: "planlagte-innkjop",
            description: None,
            breadcrumbs: b.crumb("planlagte-innkjop", "Planlagte innkjøp"),
            changed: None,
        };
        b.page(out, "purchases.html", meta, |c| {
            c.insert("list", &list);
            c.insert("filters", &filter_links);
            c.insert("filter", &Some(&title));
        });
    }
}

/// The facets a supplier filters by: (path, heading).
const FACETS: [(&str, &str); 4] = [
    (BY_STATUS, "Status"),
    (BY_CATEGORY, "Kategori"),
    (BY_MUNICIPALITY, "Kommune"),
    (BY_CONTRACT_TYPE, "Kontraktstype"),
];

/// Every filter of every facet.
fn all_filters<'f>(b: &Builder<'f>) -> Vec<Filter<'f>> {
    let mut out: Vec<Filter<'f>> = Vec::new();
    for (key, status) in PurchaseStatus::ALL {
        out.push(Filter {
            facet: BY_STATUS,
            key: key.to_string(),
            name: status.label().to_string(),
            keeps: Box::new(move |p| p.status == status),
        });
    }
    for c in &b.site.model.settings.categories {
        let id = c.id.clone();
        out.push(Filter {
            facet: BY_CATEGORY,
            key: c.id.clone(),
            name: c.name.clone(),
            keeps: Box::new(move |p| p.category == id),
        });
    }
    for m in &b.site.model.settings.municipalities {
        let id = m.id.clone();
        out.push(Filter {
            facet: BY_MUNICIPALITY,
            key: m.id.clone(),
            name: m.name.clone(),
            keeps: Box::new(move |p| p.municipalities.includes(&id)),
        });
    }
    for (key, kind) in ContractType::ALL {
        out.push(Filter {
            facet: BY_CONTRACT_TYPE,
            key: key.to_string(),
            name: kind.label().to_string(),
            keeps: Box::new(move |p| p.contract_type == Some(kind)),
        });
    }
    out
}

/// The purchases `keeps` keeps, in the supplier's order.
pub(super) fn sorted<'a>(b: &Builder<'a>, keeps: &dyn Fn(&PlannedPurchase) -> bool) -> Sorted<'a> {
    let today = b.site.today;
    let mut list = Sorted::default();
    let mut undated = Vec::new();
    for (p, v) in b.site.model.purchases.iter().zip(&b.views.purchases) {
        if !keeps(p) {
            continue;
        }
        list.count += 1;
        let card = &v.card;
        let deadline_passed = p.deadline.is_some_and(|d| d.date() < today);
        match p.status {
            PurchaseStatus::Announced if !deadline_passed => list.open.push(card),
            PurchaseStatus::Announced | PurchaseStatus::Evaluation => list.evaluating.push(card),
            PurchaseStatus::Awarded | PurchaseStatus::Cancelled => list.done.push(card),
            PurchaseStatus::Planned | PurchaseStatus::MarketDialogue => {
                let Some(date) = p.announcement else {
                    undated.push(card);
                    continue;
                };
                let label = match date {
                    FuzzyDate::Year(y) => format!("{y}, kvartal ikke fastsatt"),
                    d => crate::render::views::quarter_label(d.first_day()),
                };
                match list.coming.iter_mut().find(|g| g.label == label) {
                    Some(g) => g.items.push(card),
                    None => list.coming.push(Group { label, items: vec![card] }),
                }
            }
        }
    }
    // The open tenders by deadline, the soonest first.
    let deadline = |c: &&Shared<PurchaseCard>| c.deadline.as_ref().map(|d| d.iso.clone());
    list.open.sort_by_key(|c| (deadline(c).is_none(), deadline(c)));
    if !undated.is_empty() {
        list.coming.push(Group { label: "Tidspunkt ikke fastsatt".into(), items: undated });
    }
    list
}
