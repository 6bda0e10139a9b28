//! Views: what templates see of the site, with every date, amount and status already
//! written out in Norwegian. Cards are the short form used in lists.

pub use super::format::quarter_label;
use super::format::{self, capitalise, text_with_line_breaks};
pub use super::markdown::Html;
use super::reuse::Earlier;
pub use super::shared::Shared;
pub use super::values::{AddressView, ContactView, DateView, EndingView, FuzzyView, Link, StatusView, Urls, WhenView};
use crate::content::dates;
use crate::content::model::*;
use crate::site::Site;
use rayon::prelude::*;
use serde::Serialize;
use std::sync::Arc;

/// An agreement in a list.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementCard {
    pub url: String,
    pub slug: String,
    pub title: String,
    pub summary: Option<String>,
    pub category: Link,
    pub suppliers: Vec<Link>,
    pub municipalities_text: String,
    pub status: StatusView,
    /// False for agreements that have ended before their time: their badge never changes.
    pub computed_status: bool,
    /// How the agreement ended before its time, if it did.
    pub ending: Option<EndingView>,
    pub valid_from: DateView,
    pub current_end: DateView,
    pub latest_end: DateView,
    pub open_option: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct OptionView {
    pub until: DateView,
    pub exercised: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    pub title: String,
    pub address: AddressView,
    /// "PDF, 2,4 kB" for files; empty for links.
    pub about: String,
    pub external: bool,
}

/// An agreement on its own page.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementView {
    #[serde(flatten)]
    pub card: Shared<AgreementCard>,
    pub municipalities: Vec<Link>,
    pub all_municipalities: bool,
    pub valid_to: DateView,
    pub options: Vec<OptionView>,
    pub number: Option<String>,
    pub doffin: Option<String>,
    pub doffin_url: Option<String>,
    pub ecommerce: Option<bool>,
    pub ordering_html: Option<String>,
    /// Words of `bestilling` and the body for search, made with the HTML (`Html::with_text_at`).
    #[serde(skip)]
    pub ordering_text: Option<String>,
    pub requirements: Vec<Link>,
    pub documents: Vec<DocumentView>,
    pub contact: Option<ContactView>,
    pub body_html: String,
    #[serde(skip)]
    pub body_text: Option<String>,
    pub retender: Option<Shared<PurchaseCard>>,
    pub produced_by: Option<Link>,
}

/// A planned purchase in a list.
#[derive(Debug, Clone, Serialize)]
pub struct PurchaseCard {
    pub url: String,
    pub title: String,
    pub summary: Option<String>,
    pub category: Link,
    pub municipalities_text: String,
    pub status: StatusView,
    pub value: Option<String>,
    pub threshold: StatusView,
    pub announcement: Option<FuzzyView>,
    pub deadline: Option<WhenView>,
    pub contract_type: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CpvView {
    pub code: String,
    pub name: Option<String>,
}

/// A planned purchase on its own page.
#[derive(Debug, Clone, Serialize)]
pub struct PurchaseView {
    #[serde(flatten)]
    pub card: Shared<PurchaseCard>,
    pub municipalities: Vec<Link>,
    pub procedure: Option<String>,
    pub cpv: Vec<CpvView>,
    pub duration: Option<String>,
    pub contract_start: Option<FuzzyView>,
    pub dialogue_date: Option<DateView>,
    pub dialogue_text: Option<String>,
    pub replaces: Option<Shared<AgreementCard>>,
    pub result: Option<Link>,
    pub doffin: Option<String>,
    pub doffin_url: Option<String>,
    pub contact: Option<ContactView>,
    pub body_html: String,
    #[serde(skip)]
    pub body_text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CourseView {
    pub url: String,
    pub title: String,
    pub summary: Option<String>,
    pub when: String,
    pub start_iso: String,
    pub end_iso: String,
    pub past: bool,
    pub venue_name: Option<String>,
    pub venue_address: Option<String>,
    pub online: Option<AddressView>,
    pub audience: Vec<String>,
    pub registration_url: Option<AddressView>,
    pub registration_email: Option<String>,
    pub registration_deadline: Option<String>,
    pub registration_closed: bool,
    pub seats: Option<u32>,
    pub price: Option<String>,
    pub organiser: Option<String>,
    pub body_html: String,
    #[serde(skip)]
    pub body_text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RequirementView {
    pub url: String,
    pub title: String,
    pub summary: Option<String>,
    pub area: String,
    pub legal_basis: Option<String>,
    /// The clause as HTML: escaped, with its line breaks kept.
    pub clause_html: Option<String>,
    pub body_html: String,
    #[serde(skip)]
    pub body_text: Option<String>,
    pub agreements: Vec<Shared<AgreementCard>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SupplierView {
    pub url: String,
    pub id: String,
    pub name: String,
    pub orgnr: String,
    pub orgnr_spaced: String,
    pub website: Option<AddressView>,
    pub contact: Option<ContactView>,
    pub address: Option<String>,
    pub local: bool,
}

/// Builds views once per item; pages then borrow them.
#[derive(Clone)]
pub struct Views {
    pub agreements: Vec<Arc<AgreementView>>,
    pub purchases: Vec<Arc<PurchaseView>>,
    pub courses: Vec<Arc<CourseView>>,
    pub requirements: Vec<Arc<RequirementView>>,
    pub suppliers: Vec<Arc<SupplierView>>,
}

impl Views {
    /// Makes the views of `site`, taking over from `earlier` those whose inputs are unchanged.
    pub fn build(site: &Site, urls: &Urls, html: Html, earlier: Option<&Earlier>) -> Views {
        let agreement_cards: Vec<Shared<AgreementCard>> = (0..site.model.agreements.len())
            .into_par_iter()
            .map(|i| {
                earlier
                    .and_then(|e| e.agreement_card(site, i))
                    .unwrap_or_else(|| Shared::new(agreement_card(site, urls, i, &site.model.agreements[i])))
            })
            .collect();
        let purchase_cards: Vec<Shared<PurchaseCard>> = (0..site.model.purchases.len())
            .into_par_iter()
            .map(|i| {
                earlier
                    .and_then(|e| e.purchase_card(site, i))
                    .unwrap_or_else(|| Shared::new(purchase_card(site, urls, i, &site.model.purchases[i])))
            })
            .collect();
        let agreements = (0..site.model.agreements.len())
            .into_par_iter()
            .map(|i| {
                let card = &agreement_cards[i];
                earlier.and_then(|e| e.agreement_view(site, i, card, &purchase_cards)).unwrap_or_else(|| {
                    let a = &site.model.agreements[i];
                    Arc::new(agreement_view(site, urls, html, a, card.clone(), &purchase_cards))
                })
            })
            .collect();
        let purchases = (0..site.model.purchases.len())
            .into_par_iter()
            .map(|i| {
                let card = &purchase_cards[i];
                earlier.and_then(|e| e.purchase_view(site, i, card, &agreement_cards)).unwrap_or_else(|| {
                    let p = &site.model.purchases[i];
                    Arc::new(purchase_view(site, urls, html, p, card.clone(), &agreement_cards))
                })
            })
            .collect();
        let courses = (0..site.model.courses.len())
            .into_par_iter()
            .map(|i| {
                earlier
                    .and_then(|e| e.course_view(site, i))
                    .unwrap_or_else(|| Arc::new(course_view(site, urls, html, &site.model.courses[i])))
            })
            .collect();
        let requirements = (0..site.model.requirements.len())
            .into_par_iter()
            .map(|i| {
                earlier.and_then(|e| e.requirement_view(site, i, &agreement_cards)).unwrap_or_else(|| {
                    Arc::new(requirement_view(site, urls, html, &site.model.requirements[i], &agreement_cards))
                })
            })
            .collect();
        let suppliers = match earlier {
            Some(e) => e.supplier_views(),
            None => site.model.suppliers.iter().map(|s| Arc::new(supplier_view(urls, s))).collect(),
        };
        Views { agreements, purchases, courses, requirements, suppliers }
    }
}

fn requirement_view(
    site: &Site,
    urls: &Urls,
    html: Html,
    r: &Requirement,
    agreement_cards: &[Shared<AgreementCard>],
) -> RequirementView {
    let (body_html, body_text) = html.with_text_at(&r.body, 2, "");
    RequirementView {
        url: urls.item("etiske-krav", &r.origin.slug),
        title: r.title.clone(),
        summary: r.summary.clone(),
        area: r.area.label().to_string(),
        legal_basis: r.legal_basis.clone(),
        clause_html: r.clause.as_deref().map(text_with_line_breaks),
        body_html,
        body_text,
        agreements: site
            .agreements_by_requirement
            .get(&r.origin.slug)
            .map(|ix| ix.iter().map(|&i| agreement_cards[i].clone()).collect())
            .unwrap_or_default(),
    }
}

fn supplier_view(urls: &Urls, s: &Supplier) -> SupplierView {
    SupplierView {
        url: urls.item("leverandorer", &s.id),
        id: s.id.clone(),
        name: s.name.clone(),
        orgnr: s.orgnr.clone(),
        orgnr_spaced: format!("{}\u{a0}{}\u{a0}{}", &s.orgnr[..3], &s.orgnr[3..6], &s.orgnr[6..]),
        website: s.website.as_ref().map(AddressView::of),
        contact: s.contact.as_ref().map(ContactView::of),
        address: s.address.clone(),
        local: s.local,
    }
}

fn category_link(site: &Site, urls: &Urls, id: &str) -> Link {
    Link {
        url: urls.item("kategorier", id),
        name: site.category(id).map(|c| c.name.clone()).unwrap_or_else(|| id.to_string()),
    }
}

fn municipality_links(site: &Site, urls: &Urls, scope: &Scope) -> Vec<Link> {
    let ids: Vec<&str> = match scope {
        Scope::All => site.model.settings.municipalities.iter().map(|m| m.id.as_str()).collect(),
        Scope::Only(ids) => ids.iter().map(String::as_str).collect(),
    };
    ids.into_iter()
        .filter_map(|id| site.municipality(id))
        .map(|m| Link { url: urls.item("kommuner", &m.id), name: m.name.clone() })
        .collect()
}

fn municipalities_text(site: &Site, scope: &Scope) -> String {
    match scope {
        Scope::All => "Alle kommunene".to_string(),
        Scope::Only(ids) => {
            ids.iter().filter_map(|id| site.municipality(id)).map(|m| m.name.clone()).collect::<Vec<_>>().join(", ")
        }
    }
}

fn doffin_url(id: &Option<String>) -> Option<String> {
    id.as_ref().map(|id| format!("https://www.doffin.no/notices/{id}"))
}

fn agreement_card(site: &Site, urls: &Urls, i: usize, a: &Agreement) -> AgreementCard {
    let status = site.agreement_status[i];
    AgreementCard {
        url: urls.item("rammeavtaler", &a.origin.slug),
        slug: a.origin.slug.clone(),
        title: a.title.clone(),
        summary: a.summary.clone(),
        category: category_link(site, urls, &a.category),
        suppliers: a
            .suppliers
            .iter()
            .filter_map(|id| site.supplier(id))
            .map(|s| Link { url: urls.item("leverandorer", &s.id), name: s.name.clone() })
            .collect(),
        municipalities_text: municipalities_text(site, &a.municipalities),
        status: StatusView::agreement(status),
        computed_status: a.termination.is_none_or(|t| t.from.is_some_and(|from| site.today < from)),
        ending: a.termination.map(|t| EndingView::of(t, site.today)),
        valid_from: DateView::of(a.valid_from),
        current_end: DateView::of(a.current_end()),
        latest_end: DateView::of(a.latest_end()),
        open_option: a.has_open_option(),
    }
}

fn agreement_view(
    site: &Site,
    urls: &Urls,
    html: Html,
    a: &Agreement,
    card: Shared<AgreementCard>,
    purchases: &[Shared<PurchaseCard>],
) -> AgreementView {
    let ordering = a.ordering.as_deref().map(|o| html.with_text_at(o, 3, "bestilling-"));
    let (ordering_html, ordering_text) = ordering.map_or((None, None), |(html, text)| (Some(html), text));
    let (body_html, body_text) = html.with_text_at(&a.body, 3, "");
    let documents = a
        .documents
        .iter()
        .map(|d| match &d.target {
            DocumentTarget::File { path, size } => {
                let rel = path.to_string_lossy().replace('\\', "/");
                let ext = path.extension().map(|e| e.to_string_lossy().to_uppercase()).unwrap_or_default();
                let url = urls.asset(&rel);
                DocumentView {
                    title: d.title.clone(),
                    address: AddressView { href: Some(url.clone()), text: url },
                    about: if ext.is_empty() {
                        format::file_size(*size)
                    } else {
                        format!("{ext}, {}", format::file_size(*size))
                    },
                    external: false,
                }
            }
            DocumentTarget::Url(u) => DocumentView {
                title: d.title.clone(),
                address: AddressView::of(u),
                about: String::new(),
                external: true,
            },
        })
        .collect();
    AgreementView {
        municipalities: municipality_links(site, urls, &a.municipalities),
        all_municipalities: a.municipalities == Scope::All,
        valid_to: DateView::of(a.valid_to),
        options: a
            .options
            .iter()
            .map(|o| OptionView { until: DateView::of(o.until), exercised: o.exercised })
            .collect(),
        number: a.number.clone(),
        doffin: a.doffin.clone(),
        doffin_url: doffin_url(&a.doffin),
        ecommerce: a.ecommerce,
        ordering_html,
        ordering_text,
        requirements: a
            .requirements
            .iter()
            .filter_map(|id| site.requirement(id))
            .map(|r| Link { url: urls.item("etiske-krav", &r.origin.slug), name: r.title.clone() })
            .collect(),
        documents,
        contact: a.contact.as_ref().map(ContactView::of),
        body_html,
        body_text,
        retender: site.retender_of.get(&a.origin.slug).map(|&i| purchases[i].clone()),
        produced_by: site
            .produced_by
            .get(&a.origin.slug)
            .map(|&i| Link { url: purchases[i].url.clone(), name: purchases[i].title.clone() }),
        card,
    }
}

fn purchase_card(site: &Site, urls: &Urls, i: usize, p: &PlannedPurchase) -> PurchaseCard {
    let class = site.purchase_class[i];
    PurchaseCard {
        url: urls.item("planlagte-innkjop", &p.origin.slug),
        title: p.title.clone(),
        summary: p.summary.clone(),
        category: category_link(site, urls, &p.category),
        municipalities_text: municipalities_text(site, &p.municipalities),
        status: StatusView { key: p.status.key().to_string(), label: p.status.label().to_string() },
        value: p.estimated_value.map(format::amount),
        threshold: StatusView {
            key: class.key().replace('_', "-"),
            label: crate::rules::thresholds::announcement(class, p.procedure).to_string(),
        },
        announcement: p.announcement.map(FuzzyView::of),
        deadline: p.deadline.map(WhenView::of),
        contract_type: p.contract_type.map(|c| c.label().to_string()),
    }
}

fn purchase_view(
    site: &Site,
    urls: &Urls,
    html: Html,
    p: &PlannedPurchase,
    card: Shared<PurchaseCard>,
    agreements: &[Shared<AgreementCard>],
) -> PurchaseView {
    let agreement =
        |slug: &Option<String>| slug.as_deref().and_then(|s| site.agreement_index(s)).map(|i| agreements[i].clone());
    let (body_html, body_text) = html.with_text_at(&p.body, 3, "");
    PurchaseView {
        municipalities: municipality_links(site, urls, &p.municipalities),
        procedure: p.procedure.map(|x| capitalise(x.label())),
        cpv: p.cpv.iter().map(|c| CpvView { code: c.code.clone(), name: c.name.clone() }).collect(),
        duration: p.duration.clone(),
        contract_start: p.contract_start.map(FuzzyView::of),
        dialogue_date: p.dialogue.as_ref().and_then(|d| d.date).map(DateView::of),
        dialogue_text: p.dialogue.as_ref().and_then(|d| d.text.clone()),
        replaces: agreement(&p.replaces),
        result: agreement(&p.result).map(|a| Link { url: a.url.clone(), name: a.title.clone() }),
        doffin: p.doffin.clone(),
        doffin_url: doffin_url(&p.doffin),
        contact: p.contact.as_ref().map(ContactView::of),
        body_html,
        body_text,
        card,
    }
}

fn course_view(site: &Site, urls: &Urls, html: Html, c: &Course) -> CourseView {
    let (body_html, body_text) = html.with_text_at(&c.body, 3, "");
    let start = c.start;
    let end = c.end.unwrap_or(start);
    let when = if end.date() > start.date() {
        let mut text = dates::range(start.date(), end.date());
        if let Some(t) = start.time() {
            text.push_str(&format!(", fra {}", dates::clock(t)));
        }
        text
    } else {
        match (start.time(), end.time()) {
            (Some(s), Some(e)) if e > s => {
                format!("{} {}–{}", dates::long_date(start.date()), dates::clock(s), e.format("%H.%M"))
            }
            (Some(s), _) => format!("{} {}", dates::long_date(start.date()), dates::clock(s)),
            _ => dates::long_date(start.date()),
        }
    };
    let deadline = c.registration.as_ref().and_then(|r| r.deadline);
    CourseView {
        url: urls.item("kurs", &c.origin.slug),
        title: c.title.clone(),
        summary: c.summary.clone(),
        when,
        start_iso: start.iso(),
        end_iso: end.iso(),
        past: c.last_day() < site.today,
        venue_name: c.venue.as_ref().and_then(|v| v.name.clone()),
        venue_address: c.venue.as_ref().and_then(|v| v.address.clone()),
        online: c.online.as_ref().map(AddressView::of),
        audience: c.audience.clone(),
        registration_url: c.registration.as_ref().and_then(|r| r.url.as_ref()).map(AddressView::of),
        registration_email: c.registration.as_ref().and_then(|r| r.email.clone()),
        registration_deadline: deadline.map(|d| d.long()),
        registration_closed: deadline.is_some_and(|d| d.date() < site.today),
        seats: c.seats,
        price: c.price.map(|p| if p == 0 { "Gratis".to_string() } else { format::amount(p) }),
        organiser: c.organiser.clone(),
        body_html,
        body_text,
    }
}
