//! Views: what templates see of the site, with every date, amount and status already
//! written out in Norwegian. Cards are the short form used in lists.

pub use super::shared::Shared;
use super::tender::{LotView, MilestoneView};
pub use super::values::{
    AddressView, ContactView, DateView, DocumentView, EndingView, FuzzyView, Link, StatusView, Urls, WhenView,
};
pub use crate::format::quarter_label;
use crate::format::{self, capitalise, text_with_line_breaks};
use crate::model::dates;
use crate::model::*;
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

/// An agreement on its own page.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementView {
    #[serde(flatten)]
    pub card: Shared<AgreementCard>,
    pub municipalities: Vec<MemberView>,
    pub all_municipalities: bool,
    /// Whether a municipality has a first day of its own: the page then lists each.
    pub joining: bool,
    /// The body that made the agreement (`gjennom`), linked when it has an address.
    pub made_by: Option<MadeByView>,
    /// `anslatt_verdi`, `maks_verdi` and `maks_mengde`, written out.
    pub estimated_value: Option<String>,
    pub max_value: Option<String>,
    pub max_quantity: Option<String>,
    pub valid_to: DateView,
    pub options: Vec<OptionView>,
    pub number: Option<String>,
    pub doffin: Option<String>,
    pub doffin_url: Option<String>,
    pub ecommerce: Option<bool>,
    /// How a purchaser orders (`avrop`), in a sentence.
    pub call_off: Option<String>,
    pub catalogue: Option<AddressView>,
    pub requirements: Vec<Link>,
    pub documents: Vec<DocumentView>,
    pub contact: Option<ContactView>,
    pub retender: Option<Shared<PurchaseCard>>,
    pub produced_by: Option<Link>,
    /// The agreement that replaces this one: the result of the tender that replaces it.
    pub successor: Option<Link>,
    /// The agreement, for its Markdown (`bestilling` and the body), made into HTML with its page.
    #[serde(skip)]
    pub item: Arc<Agreement>,
}

/// Who made an agreement the members use.
#[derive(Debug, Clone, Serialize)]
pub struct MadeByView {
    pub name: String,
    pub website: Option<AddressView>,
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
    /// Without a deadline to the minute: the next milestone still to come (in a tender of two
    /// stages, the request to participate), for the card.
    pub next_milestone: Option<MilestoneView>,
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
    pub requirements: Vec<Link>,
    /// The tender's milestones (`frister`), in the order a tender runs.
    pub milestones: Vec<MilestoneView>,
    pub lots: Vec<LotView>,
    /// The tender in the e-tendering tool (`konkurranseverktoy`).
    pub tendering_tool: Option<AddressView>,
    /// Whether the purchase has a calendar of its own: a deadline or a milestone known to a day.
    pub calendar: bool,
    /// The purchase, for its body, made into HTML with its page.
    #[serde(skip)]
    pub item: Arc<PlannedPurchase>,
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
    /// The course, for its body, made into HTML with its page.
    #[serde(skip)]
    pub item: Arc<Course>,
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
    pub agreements: Vec<Shared<AgreementCard>>,
    /// The requirement, for its body, made into HTML with its page.
    #[serde(skip)]
    pub item: Arc<Requirement>,
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
    /// Makes the views of `site`, on all cores. Markdown is made into HTML when a page is
    /// rendered (the lists show no bodies), so views are cheap to make anew after each save.
    pub fn build(site: &Site, urls: &Urls) -> Views {
        let m = &site.model;
        let agreement_cards: Vec<Shared<AgreementCard>> =
            m.agreements.par_iter().enumerate().map(|(i, a)| Shared::new(agreement_card(site, urls, i, a))).collect();
        let purchase_cards: Vec<Shared<PurchaseCard>> =
            m.purchases.par_iter().enumerate().map(|(i, p)| Shared::new(purchase_card(site, urls, i, p))).collect();
        let agreements = m
            .agreements
            .par_iter()
            .zip(&agreement_cards)
            .map(|(a, card)| Arc::new(agreement_view(site, urls, a, card.clone(), &purchase_cards)))
            .collect();
        let purchases = m
            .purchases
            .par_iter()
            .zip(&purchase_cards)
            .map(|(p, card)| Arc::new(purchase_view(site, urls, p, card.clone(), &agreement_cards)))
            .collect();
        let courses = m.courses.par_iter().map(|c| Arc::new(course_view(site, urls, c))).collect();
        let requirements =
            m.requirements.par_iter().map(|r| Arc::new(requirement_view(site, urls, r, &agreement_cards))).collect();
        let suppliers = m.suppliers.iter().map(|s| Arc::new(supplier_view(urls, s))).collect();
        Views { agreements, purchases, courses, requirements, suppliers }
    }
}

fn requirement_view(
    site: &Site,
    urls: &Urls,
    r: &Arc<Requirement>,
    agreement_cards: &[Shared<AgreementCard>],
) -> RequirementView {
    RequirementView {
        item: r.clone(),
        url: urls.item("etiske-krav", &r.origin.slug),
        title: r.title.clone(),
        summary: r.summary.clone(),
        area: r.area.label().to_string(),
        legal_basis: r.legal_basis.clone(),
        clause_html: r.clause.as_deref().map(text_with_line_breaks),
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
    municipality_ids(site, scope)
        .into_iter()
        .filter_map(|id| site.municipality(id))
        .map(|m| Link { url: urls.item("kommuner", &m.id), name: m.name.clone() })
        .collect()
}

/// The ids of the municipalities in a scope that the site knows, in order.
fn municipality_ids<'a>(site: &'a Site, scope: &'a Scope) -> Vec<&'a str> {
    let ids: Vec<&str> = match scope {
        Scope::All => site.model.settings.municipalities.iter().map(|m| m.id.as_str()).collect(),
        Scope::Only(ids) => ids.iter().map(String::as_str).collect(),
    };
    ids.into_iter().filter(|id| site.municipality(id).is_some()).collect()
}

/// The municipalities in a line; one that joins an agreement after the build day says when.
fn municipalities_text(site: &Site, scope: &Scope, joining: &[Joining]) -> String {
    match scope {
        Scope::All => "Alle kommunene".to_string(),
        Scope::Only(ids) => ids
            .iter()
            .filter_map(|id| site.municipality(id))
            .map(|m| match joining.iter().find(|j| j.municipality == m.id && j.from > site.today) {
                Some(j) => format!("{} (fra {})", m.name, dates::long_date(j.from)),
                None => m.name.clone(),
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// A municipality of an agreement, with its own first day when it has one.
#[derive(Debug, Clone, Serialize)]
pub struct MemberView {
    pub url: String,
    pub name: String,
    pub from: Option<DateView>,
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
        municipalities_text: municipalities_text(site, &a.municipalities, &a.joining),
        status: StatusView::agreement(status),
        computed_status: a.termination.is_none_or(|t| t.from.is_some_and(|from| site.today < from)),
        ending: a.termination.map(|t| EndingView::of(t, site.today)),
        valid_from: DateView::of(a.valid_from),
        current_end: DateView::of(a.current_end()),
        latest_end: DateView::of(a.latest_end()),
        // An option can be exercised only while the agreement is in force.
        open_option: a.has_open_option() && site.today <= a.current_end(),
    }
}

fn agreement_view(
    site: &Site,
    urls: &Urls,
    a: &Arc<Agreement>,
    card: Shared<AgreementCard>,
    purchases: &[Shared<PurchaseCard>],
) -> AgreementView {
    let documents = a.documents.iter().map(|d| DocumentView::of(urls, d)).collect();
    AgreementView {
        municipalities: municipality_links(site, urls, &a.municipalities)
            .into_iter()
            .zip(municipality_ids(site, &a.municipalities))
            .map(|(link, id)| MemberView { url: link.url, name: link.name, from: a.joins_from(id).map(DateView::of) })
            .collect(),
        all_municipalities: a.municipalities == Scope::All,
        joining: !a.joining.is_empty(),
        made_by: a
            .made_by
            .as_ref()
            .map(|m| MadeByView { name: m.name.clone(), website: m.website.as_ref().map(AddressView::of) }),
        estimated_value: a.estimated_value.map(format::amount),
        max_value: a.max_value.map(format::amount),
        max_quantity: a.max_quantity.clone(),
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
        call_off: a.call_off.map(CallOff::sentence),
        catalogue: a.catalogue.as_ref().map(AddressView::of),
        requirements: a
            .requirements
            .iter()
            .filter_map(|id| site.requirement(id))
            .map(|r| Link { url: urls.item("etiske-krav", &r.origin.slug), name: r.title.clone() })
            .collect(),
        documents,
        contact: a.contact.as_ref().map(ContactView::of),
        retender: site.retender_of.get(&a.origin.slug).map(|&i| purchases[i].clone()),
        successor: site
            .retender_of
            .get(&a.origin.slug)
            .and_then(|&i| site.model.purchases.get(i))
            .filter(|p| p.status == crate::model::PurchaseStatus::Awarded)
            .and_then(|p| p.result.as_deref())
            .and_then(|slug| site.agreement_index(slug))
            .map(|i| {
                let next = &site.model.agreements[i];
                Link { url: urls.item("rammeavtaler", &next.origin.slug), name: next.title.clone() }
            }),
        produced_by: site
            .produced_by
            .get(&a.origin.slug)
            .map(|&i| Link { url: purchases[i].url.clone(), name: purchases[i].title.clone() }),
        card,
        item: a.clone(),
    }
}

fn purchase_card(site: &Site, urls: &Urls, i: usize, p: &PlannedPurchase) -> PurchaseCard {
    let class = site.purchase_class[i];
    PurchaseCard {
        url: urls.item("planlagte-innkjop", &p.origin.slug),
        title: p.title.clone(),
        summary: p.summary.clone(),
        category: category_link(site, urls, &p.category),
        municipalities_text: municipalities_text(site, &p.municipalities, &[]),
        status: StatusView { key: p.status.key().to_string(), label: p.status.label().to_string() },
        value: p.estimated_value.map(format::amount),
        threshold: StatusView {
            key: class.key().to_string(),
            label: crate::rules::thresholds::announcement(class, p.procedure).to_string(),
        },
        announcement: FuzzyView::announcement(p, site.today),
        deadline: p.deadline.map(WhenView::of),
        next_milestone: p
            .milestones
            .iter()
            .filter(|_| p.deadline.is_none())
            .find(|m| m.when.last_day() >= site.today)
            .map(|m| MilestoneView::of(m, site.today)),
        contract_type: p.contract_type.map(|c| c.label().to_string()),
    }
}

fn purchase_view(
    site: &Site,
    urls: &Urls,
    p: &Arc<PlannedPurchase>,
    card: Shared<PurchaseCard>,
    agreements: &[Shared<AgreementCard>],
) -> PurchaseView {
    let agreement =
        |slug: &Option<String>| slug.as_deref().and_then(|s| site.agreement_index(s)).map(|i| agreements[i].clone());
    PurchaseView {
        item: p.clone(),
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
        requirements: p
            .requirements
            .iter()
            .filter_map(|id| site.requirement(id))
            .map(|r| Link { url: urls.item("etiske-krav", &r.origin.slug), name: r.title.clone() })
            .collect(),
        milestones: p.milestones.iter().map(|m| MilestoneView::of(m, site.today)).collect(),
        lots: p.lots.iter().enumerate().map(|(i, l)| LotView::of(i, l)).collect(),
        tendering_tool: p.tendering_tool.as_ref().map(AddressView::of),
        calendar: p.has_calendar(),
        card,
    }
}

fn course_view(site: &Site, urls: &Urls, c: &Arc<Course>) -> CourseView {
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
        item: c.clone(),
    }
}
