//! The scalar values of the raw types: text that takes any scalar as written, and a
//! scope of municipalities (`alle`, a list of ids, or ids with their own first day).

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// Any scalar written where text is expected: `nei`, `2027` and `true` stay text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(pub String);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("tekst")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Tekst".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": ["string", "number", "boolean"] })
    }
}

impl JsonSchema for Scope {
    fn schema_name() -> Cow<'static, str> {
        "Kommuner".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "`alle`, eller en liste med kommune-id-er fra nettsted.yaml; en kommune som blir med senere skrives `{id: flesberg, fra: 2026-03-01}`",
            "anyOf": [
                { "const": "alle" },
                { "type": "array", "items": { "anyOf": [
                    { "type": "string" },
                    { "type": "object", "required": ["id"], "additionalProperties": false, "properties": {
                        "id": { "type": "string", "description": "Kommunens id" },
                        "fra": { "type": "string", "description": "Første dag kommunen er med i avtalen" }
                    } }
                ] } }
            ]
        })
    }
}

/// `kommuner`: the word `alle`, or a list of municipality ids, each of which may be
/// `{id, fra}` for a municipality with a first day of its own.
#[derive(Debug, Clone)]
pub enum Scope {
    Word(String),
    List(Vec<Member>),
}

/// A municipality in `kommuner`: its id, or `{id: flesberg, fra: 2026-03-01}`.
#[derive(Debug, Clone)]
pub struct Member {
    pub id: Text,
    /// The first day the municipality is in, when it is not the agreement's first day.
    pub fra: Option<Text>,
}

/// The written-out form of a [`Member`] with a first day of its own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MemberWithDay {
    id: Text,
    fra: Option<Text>,
}

impl<'de> Deserialize<'de> for Member {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MemberVisitor;
        impl<'de> Visitor<'de> for MemberVisitor {
            type Value = Member;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("en kommune-id, eller `{id: kommune, fra: ÅÅÅÅ-MM-DD}`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Member, E> {
                Ok(Member { id: Text(v.to_string()), fra: None })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Member, E> {
                Ok(Member { id: Text(v.to_string()), fra: None })
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Member, E> {
                Ok(Member { id: Text(v.to_string()), fra: None })
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Member, E> {
                Ok(Member { id: Text(v.to_string()), fra: None })
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Member, A::Error> {
                let m = MemberWithDay::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Member { id: m.id, fra: m.fra })
            }
        }
        deserializer.deserialize_any(MemberVisitor)
    }
}

impl<'de> Deserialize<'de> for Scope {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScopeVisitor;
        impl<'de> Visitor<'de> for ScopeVisitor {
            type Value = Scope;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("`alle` eller en liste med kommune-id-er")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scope, E> {
                Ok(Scope::Word(v.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scope, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Member>()? {
                    items.push(item);
                }
                Ok(Scope::List(items))
            }
        }
        deserializer.deserialize_any(ScopeVisitor)
    }
}
