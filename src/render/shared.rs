//! Template values made once and shared by every page that shows them.

use serde::Serialize;
use std::sync::Arc;

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
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared { made: Arc::clone(&self.made) }
    }
}

impl<T: Serialize> Shared<T> {
    pub fn new(data: T) -> Shared<T> {
        let value = tera::Value::try_from_serializable(&data).ok();
        Shared { made: Arc::new(Made { data, value }) }
    }
}

impl<T> Shared<T> {
    /// Whether two handles share one card.
    pub fn same(a: &Shared<T>, b: &Shared<T>) -> bool {
        Arc::ptr_eq(&a.made, &b.made)
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
        match &self.made.value {
            Some(value) => value.serialize(serializer),
            None => self.made.data.serialize(serializer),
        }
    }
}
