//! For local supplier development: the agreements with a supplier from the region, and the
//! local suppliers, each a list page of its own (`lokal: true` in leverandorer.yaml).

use super::{Builder, FilterLink};
use crate::render::views::{AgreementCard, Shared, SupplierView};
use std::sync::Arc;

use crate::model::sections::lists::{LOCAL_SUPPLIERS as SUPPLIERS, WITH_LOCAL_SUPPLIER as AGREEMENTS};

/// Whether an agreement has a supplier from the region.
fn has_local_supplier(b: &Builder, i: usize) -> bool {
    b.site.model.agreements[i].suppliers.iter().any(|s| b.site.supplier(s).is_some_and(|s| s.local))
}

/// The filter link to the agreements with a local supplier; none when there are none.
pub(super) fn filters(b: &Builder, current: bool) -> Vec<FilterLink> {
    let count = (0..b.site.model.agreements.len()).filter(|&i| has_local_supplier(b, i)).count();
    let url = format!("{}{AGREEMENTS}/", b.urls.section("rammeavtaler"));
    (count > 0).then(|| FilterLink { url, name: "Med lokal leverandør".into(), count, current }).into_iter().collect()
}

pub(super) fn pages(b: &mut Builder) {
    let views = b.views;
    // Whether the list exists is known from the first local supplier; the list itself is
    // made only when the page is rendered.
    if (0..views.agreements.len()).any(|i| has_local_supplier(b, i)) {
        let title = "Med lokal leverandør";
        let url = format!("{}{AGREEMENTS}/", b.urls.section("rammeavtaler"));
        let meta = b.meta(title, url, "rammeavtaler", b.crumb("rammeavtaler", "Rammeavtaler"));
        let out = format!("rammeavtaler/{AGREEMENTS}/index.html");
        let mut ctx = super::filters(b, &out, None, None, None);
        let mut agreements: Vec<&Shared<AgreementCard>> = Vec::new();
        if b.wants(&out) {
            ctx.insert("local_filters", &filters(b, true));
            agreements = (0..views.agreements.len())
                .filter(|&i| has_local_supplier(b, i))
                .map(|i| &views.agreements[i].card)
                .collect();
        }
        b.page(out, "agreements.html", meta, |c| {
            c.extend(ctx);
            c.insert("agreements", &agreements);
            c.insert("filter", title);
            c.insert("filter_note", "med en leverandør fra regionen");
        });
    }
    let local: Vec<&Arc<SupplierView>> = views.suppliers.iter().filter(|s| s.local).collect();
    if !local.is_empty() {
        let url = format!("{}{SUPPLIERS}/", b.urls.section("leverandorer"));
        let meta = b.meta("Lokale leverandører", url, "leverandorer", b.crumb("leverandorer", "Leverandører"));
        b.page(format!("leverandorer/{SUPPLIERS}/index.html"), "suppliers.html", meta, |c| {
            c.insert("suppliers", &local);
            c.insert("filter", "Lokale leverandører");
        });
    }
}
