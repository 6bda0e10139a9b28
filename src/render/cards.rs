//! Cards rendered once per build. A card is listed on about seven pages (its section,
//! its status, its category, its municipalities, its suppliers); rendering it again on each
//! was a fifth of the page rendering. Each card's partial is rendered here once, in
//! parallel, and keeps the result as `html`; the partial writes that out on the pages.
//! A card the preview server took over from its previous build keeps the HTML it had.

use super::templates::Theme;
use super::views::{Shared, Views};
use rayon::prelude::*;
use serde::Serialize;
use std::path::Path;

/// The partial of an agreement card, and the name it sees the card by.
pub const AGREEMENT: (&str, &str) = ("partials/agreement-card.html", "a");
/// The partial of a purchase card, and the name it sees the card by.
pub const PURCHASE: (&str, &str) = ("partials/purchase-card.html", "p");

/// Renders every agreement and purchase card of `views` once, but for those that have their
/// HTML already (taken over, with the same theme and site-wide values). A theme without these
/// partials, or one whose partial fails, renders its cards on each page as before (and
/// reports the failure there).
pub fn render_once(views: &Views, theme: &Theme, shown_as: &Path) {
    rayon::join(
        || keep(views.agreements.iter().map(|v| &v.card), AGREEMENT, theme, shown_as),
        || keep(views.purchases.iter().map(|v| &v.card), PURCHASE, theme, shown_as),
    );
}

fn keep<'a, T: Serialize + Sync + Send + 'a>(
    cards: impl Iterator<Item = &'a Shared<T>>,
    (template, name): (&str, &'static str),
    theme: &Theme,
    shown_as: &Path,
) {
    let cards: Vec<&Shared<T>> = cards.filter(|card| !card.has_html()).collect();
    let render = |card: &Shared<T>| {
        let mut context = tera::Context::new();
        context.insert(name, card);
        theme.render(template, &context, shown_as)
    };
    let Some((first, rest)) = cards.split_first() else { return };
    let Ok(html) = render(first) else { return };
    first.keep_html(&html);
    rest.par_iter().for_each(|card| {
        if let Ok(html) = render(card) {
            card.keep_html(&html);
        }
    });
}
