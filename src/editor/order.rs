//! The order of a content type's keys as the type declares them (the JSON Schema sorts them by
//! name), so a form asks for `tittel` first and the body last.

use serde::de::{self, Deserialize, Deserializer, Visitor};
use std::fmt;

/// The keys of a struct read with serde, in the order they are declared.
pub fn keys<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut found: &'static [&'static str] = &[];
    let _ = T::deserialize(KeyCatcher { found: &mut found });
    found
}

/// A deserializer that only notes the field names a struct asks for, then stops.
struct KeyCatcher<'a> {
    found: &'a mut &'static [&'static str],
}

#[derive(Debug)]
struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("only the keys were asked for")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> Deserializer<'de> for KeyCatcher<'_> {
    type Error = Stop;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Stop> {
        *self.found = fields;
        Err(Stop)
    }

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use crate::content::raw::{RawContact, RawThreshold};

    #[test]
    fn keys_come_in_the_order_the_type_declares_them() {
        assert_eq!(super::keys::<RawContact>(), ["navn", "tittel", "epost", "telefon"]);
        assert_eq!(super::keys::<RawThreshold>(), ["navn", "type", "belop", "gjelder_fra", "kontraktstype"]);
    }
}
