//! Template values made once and shared by every page that shows them.

use serde::Serialize;
use std::sync::{Arc, OnceLock};

/// A view with its template value made once per build, by the first page that shows it. A
/// card appears on a dozen pages (its lists, its municipalities, its category, its suppliers);
/// they all share this value instead of converting the card again (the template engine clones
/// the value, not the card). Made when first asked for, so the preview, which renders only the
/// pages that are opened, makes the values of those pages' cards alone.
#[derive(Debug)]
pub struct Shared<T> {
    made: Arc<Made<T>>,
}

#[derive(Debug)]
struct Made<T> {
    data: T,
    value: OnceLock<Option<tera::Value>>,
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared { made: Arc::clone(&self.made) }
    }
}

impl<T: Serialize> Shared<T> {
    pub fn new(data: T) -> Shared<T> {
        Shared { made: Arc::new(Made { data, value: OnceLock::new() }) }
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
        let made = &self.made;
        match made.value.get_or_init(|| tera::Value::try_from_serializable(&made.data).ok()) {
            Some(value) => value.serialize(serializer),
            None => made.data.serialize(serializer),
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
    fn a_card_renders_as_its_fields_and_templates_escape_them() {
        let card = Shared::new(Card { title: "Renhold & vask".into() });
        let mut tera = tera::Tera::new();
        tera.add_raw_template("t.html", "<li>{{ a.title }}</li>").expect("template");
        let mut context = tera::Context::new();
        context.insert("a", &card);
        assert_eq!(tera.render("t.html", &context).expect("renders"), "<li>Renhold &amp; vask</li>");
    }
}
