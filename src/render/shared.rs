//! Template values made once and shared by every page that shows them.

use serde::Serialize;
use std::sync::{Arc, OnceLock};

/// A view with its template value made once. A card appears on a dozen pages (its lists,
/// its municipalities, its category, its suppliers); they all share this value instead of
/// converting the card again (the template engine clones the value, not the card). A clone
/// is another handle on the same card: the preview server takes unchanged cards over from
/// one build to the next this way.
#[derive(Debug)]
pub struct Shared<T> {
    made: Arc<Made<T>>,
}

#[derive(Debug)]
struct Made<T> {
    data: T,
    value: Option<tera::Value>,
    /// The template value with the card's HTML as `html`, once a build has rendered it.
    with_html: OnceLock<tera::Value>,
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared { made: Arc::clone(&self.made) }
    }
}

impl<T: Serialize> Shared<T> {
    pub fn new(data: T) -> Shared<T> {
        let value = tera::Value::try_from_serializable(&data).ok();
        Shared { made: Arc::new(Made { data, value, with_html: OnceLock::new() }) }
    }
}

impl<T> Shared<T> {
    /// Whether two handles share one card.
    pub fn same(a: &Shared<T>, b: &Shared<T>) -> bool {
        Arc::ptr_eq(&a.made, &b.made)
    }

    /// Whether the card's HTML is kept already (by this build, or by the build it was taken
    /// over from).
    pub fn has_html(&self) -> bool {
        self.made.with_html.get().is_some()
    }

    /// Keeps the card's HTML in its template value, as `html`: the card's partial writes it
    /// out as it is on every other page that lists the card. Set once; a card whose value
    /// could not be made keeps none.
    pub fn keep_html(&self, html: &str) {
        let Some(map) = self.made.value.as_ref().and_then(tera::Value::as_map) else { return };
        let mut map = map.clone();
        map.insert("html".into(), tera::Value::safe_string(html));
        let _ = self.made.with_html.set(tera::Value::from(map));
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.made.data
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.made.with_html.get().or(self.made.value.as_ref()) {
            Some(value) => value.serialize(serializer),
            None => self.made.data.serialize(serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Shared;

    #[derive(serde::Serialize)]
    struct Card {
        title: String,
    }

    #[test]
    fn a_card_keeps_its_html_beside_its_fields_and_templates_write_it_unescaped() {
        let card = Shared::new(Card { title: "Renhold & vask".into() });
        let mut tera = tera::Tera::new();
        tera.add_raw_template("t.html", "{% if a.html %}{{ a.html }}{% else %}<li>{{ a.title }}</li>{% endif %}")
            .expect("template");
        let mut context = tera::Context::new();
        context.insert("a", &card);
        let first = tera.render("t.html", &context).expect("renders");
        assert_eq!(first, "<li>Renhold &amp; vask</li>");
        card.keep_html(&first);
        let mut context = tera::Context::new();
        context.insert("a", &card);
        assert_eq!(tera.render("t.html", &context).expect("renders"), first);
        let value = tera::Value::try_from_serializable(&card).expect("value");
        assert!(value.as_map().is_some_and(|m| m.len() == 2), "{value:?}");
    }
}
