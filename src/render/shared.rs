//! Template values made once and shared by every page that shows them.

use serde::Serialize;

/// A view with its template value made once. A card appears on a dozen pages (its lists,
/// its municipalities, its category, its suppliers); they all share this value instead of
/// converting the card again (the template engine clones the value, not the card).
#[derive(Debug, Clone)]
pub struct Shared<T> {
    data: T,
    value: Option<tera::Value>,
}

impl<T: Serialize> Shared<T> {
    pub fn new(data: T) -> Shared<T> {
        let value = tera::Value::try_from_serializable(&data).ok();
        Shared { data, value }
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.data
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.value {
            Some(value) => value.serialize(serializer),
            None => self.data.serialize(serializer),
        }
    }
}
