//! Views taken over from the previous build (the preview server's): a card or view whose
//! inputs are all unchanged is the same handle as before, not made again. What every view
//! reads (the settings, the suppliers, the day) must be unchanged for anything to be taken.

use super::views::{AgreementCard, AgreementView, CourseView, PurchaseCard, PurchaseView, RequirementView, Shared};
use super::views::{SupplierView, Views};
use crate::site::Site;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// The previous build (its site looks items up by slug).
pub struct Earlier<'a> {
    site: &'a Site,
    views: &'a Views,
}

/// Whether two optional cards are the same handle (or both missing).
fn same<T>(a: Option<&Shared<T>>, b: Option<&Shared<T>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Shared::same(a, b),
        (None, None) => true,
        _ => false,
    }
}

impl<'a> Earlier<'a> {
    /// `None` when the settings, the suppliers, the day or the menu changed: then every view
    /// is made anew. (A card taken over keeps its HTML, which may show the site-wide values.)
    pub fn of(site: &Site, earlier: &'a Site, views: &'a Views) -> Option<Earlier<'a>> {
        let unchanged = site.today == earlier.today
            && site.model.settings == earlier.model.settings
            && site.model.suppliers == earlier.model.suppliers
            && menu(site).eq(menu(earlier));
        unchanged.then_some(Earlier { site: earlier, views })
    }

    /// The earlier index of agreement `i` of `site`, if it is unchanged with an unchanged status.
    fn agreement(&self, site: &Site, i: usize) -> Option<usize> {
        let a = &site.model.agreements[i];
        let j = self.site.agreement_index(&a.origin.slug)?;
        (unchanged(&self.site.model.agreements[j], a) && self.site.agreement_status[j] == site.agreement_status[i])
            .then_some(j)
    }

    fn purchase(&self, site: &Site, i: usize) -> Option<usize> {
        let p = &site.model.purchases[i];
        let j = self.site.purchase_index(&p.origin.slug)?;
        (unchanged(&self.site.model.purchases[j], p) && self.site.purchase_class[j] == site.purchase_class[i])
            .then_some(j)
    }

    pub fn agreement_card(&self, site: &Site, i: usize) -> Option<Shared<AgreementCard>> {
        self.agreement(site, i).map(|j| self.views.agreements[j].card.clone())
    }

    pub fn purchase_card(&self, site: &Site, i: usize) -> Option<Shared<PurchaseCard>> {
        self.purchase(site, i).map(|j| self.views.purchases[j].card.clone())
    }

    /// Agreement `i`'s page view, if its card was taken over (so the agreement and its status
    /// are as they were) and the requirements, the re-tender and the purchase it came from are too.
    pub fn agreement_view(
        &self,
        site: &Site,
        i: usize,
        card: &Shared<AgreementCard>,
        purchases: &[Shared<PurchaseCard>],
    ) -> Option<Arc<AgreementView>> {
        let slug = site.model.agreements[i].origin.slug.as_str();
        let old = &self.views.agreements[self.site.agreement_index(slug)?];
        let titles = |s: &Site| -> Vec<Option<String>> {
            let a = &site.model.agreements[i];
            a.requirements.iter().map(|id| s.requirement(id).map(|r| r.title.clone())).collect()
        };
        let new_card = |map: &FxHashMap<String, usize>| map.get(slug).map(|&k| &purchases[k]);
        let old_card = |map: &FxHashMap<String, usize>| map.get(slug).map(|&k| &self.views.purchases[k].card);
        let unchanged = Shared::same(&old.card, card)
            && titles(site) == titles(self.site)
            && same(new_card(&site.retender_of), old_card(&self.site.retender_of))
            && same(new_card(&site.produced_by), old_card(&self.site.produced_by));
        unchanged.then(|| old.clone())
    }

    /// Purchase `i`'s page view, if its card was taken over (so the purchase and its threshold
    /// class are as they were) and the agreements it replaces and resulted in are too.
    pub fn purchase_view(
        &self,
        site: &Site,
        i: usize,
        card: &Shared<PurchaseCard>,
        agreements: &[Shared<AgreementCard>],
    ) -> Option<Arc<PurchaseView>> {
        let p = &site.model.purchases[i];
        let old = &self.views.purchases[self.site.purchase_index(&p.origin.slug)?];
        let new_card =
            |slug: &Option<String>| slug.as_deref().and_then(|s| site.agreement_index(s)).map(|k| &agreements[k]);
        let old_card = |slug: &Option<String>| {
            slug.as_deref().and_then(|s| self.site.agreement_index(s)).map(|k| &self.views.agreements[k].card)
        };
        let unchanged = Shared::same(&old.card, card)
            && same(new_card(&p.replaces), old_card(&p.replaces))
            && same(new_card(&p.result), old_card(&p.result));
        unchanged.then(|| old.clone())
    }

    pub fn course_view(&self, site: &Site, i: usize) -> Option<Arc<CourseView>> {
        let c = &site.model.courses[i];
        let j = self.site.course_index(&c.origin.slug)?;
        unchanged(&self.site.model.courses[j], c).then(|| self.views.courses[j].clone())
    }

    /// Requirement `i`'s view, if it is unchanged and lists the same agreement cards.
    pub fn requirement_view(
        &self,
        site: &Site,
        i: usize,
        cards: &[Shared<AgreementCard>],
    ) -> Option<Arc<RequirementView>> {
        let r = &site.model.requirements[i];
        let j = self.site.requirement_index(&r.origin.slug)?;
        let old = &self.views.requirements[j];
        let now: Vec<&Shared<AgreementCard>> = site
            .agreements_by_requirement
            .get(&r.origin.slug)
            .map(|ix| ix.iter().map(|&k| &cards[k]).collect())
            .unwrap_or_default();
        let unchanged = unchanged(&self.site.model.requirements[j], r)
            && now.len() == old.agreements.len()
            && now.iter().zip(&old.agreements).all(|(a, b)| Shared::same(a, b));
        unchanged.then(|| old.clone())
    }

    /// The suppliers' views: the suppliers are unchanged, or nothing would be taken over.
    pub fn supplier_views(&self) -> Vec<Arc<SupplierView>> {
        self.views.suppliers.clone()
    }
}

/// What the menu is made of: the pages in it, with their titles and places.
fn menu(site: &Site) -> impl Iterator<Item = (&str, &str, Option<i64>)> {
    site.menu_pages().map(|p| (p.origin.slug.as_str(), p.title.as_str(), p.menu))
}

/// Whether an item is as it was: the same shared item (taken over by the validation
/// memo) or an equal one.
fn unchanged<T: PartialEq>(earlier: &Arc<T>, now: &Arc<T>) -> bool {
    Arc::ptr_eq(earlier, now) || earlier == now
}
