//! The editor's configuration (`admin/config.yml`), made from the same types that read and
//! check the content, as the JSON Schemas are: a collection per kind, a field per key.

use super::fields::{self, Choices, LEFT_OUT, SETTINGS, SETTINGS_FILE, SUPPLIERS};
use super::order::keys;
use crate::content::raw::*;
use crate::model::sections::Section;
use crate::model::{Editing, GitHost};
use schemars::{JsonSchema, schema_for};
use serde_json::{Map, Value, json};
use std::collections::HashMap;

/// Where the editor saves: the preview's own local API, or a git host.
#[derive(Debug, Clone, Copy)]
pub enum Backend<'a> {
    /// `innkjop serve`: the preview writes the files itself.
    Local,
    /// The published `/admin/`: each save a commit to the repository.
    Team(&'a Editing),
}

/// The address of the local API, below the preview's root.
pub const LOCAL_API: &str = "/admin/api/v1";

/// The media folder (documents), relative to the site folder, and as the content writes it.
pub const MEDIA_FOLDER: &str = "content/dokumenter";
pub const PUBLIC_FOLDER: &str = "dokumenter";

/// The whole configuration; `site_url` is where the site is seen (the preview or `base_url`).
pub fn config(backend: Backend, choices: &Choices, site_url: &str) -> Value {
    let backend = match backend {
        Backend::Local => json!({"name": "proxy", "proxy_url": LOCAL_API, "branch": "main"}),
        Backend::Team(editing) => team_backend(editing),
    };
    json!({
        "locale": "nb_no",
        "backend": backend,
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        "site_url": site_url,
        "display_url": site_url,
        "slug": {"encoding": "ascii", "clean_accents": true, "sanitize_replacement": "-"},
        "editor": {"preview": false},
        "collections": collections(choices),
    })
}

/// The configuration as the editor reads it.
pub fn to_yaml(config: &Value) -> String {
    let head = "# Laget av innkjop fra innholdstypene; endringer her blir skrevet over.\n";
    format!("{head}{}", yaml_serde::to_string(config).unwrap_or_default())
}

fn team_backend(editing: &Editing) -> Value {
    let mut backend = Map::new();
    backend.insert("name".into(), json!(editing.host.key()));
    backend.insert("repo".into(), json!(editing.repo));
    backend.insert("branch".into(), json!(editing.branch));
    if let Some(api_root) = &editing.api_root {
        backend.insert("api_root".into(), json!(api_root));
    }
    if let Some(login) = &editing.login {
        backend.insert("base_url".into(), json!(login));
    }
    if let Some(app_id) = &editing.app_id {
        backend.insert("app_id".into(), json!(app_id));
        if editing.host != GitHost::GitHub {
            backend.insert("auth_type".into(), json!("pkce"));
        }
    }
    backend.insert(
        "commit_messages".into(),
        json!({
            "create": "Ny {{collection}}: {{slug}}",
            "update": "Endret {{collection}}: {{slug}}",
            "delete": "Slettet {{collection}}: {{slug}}",
            "uploadMedia": "Lastet opp {{path}}",
            "deleteMedia": "Slettet {{path}}",
        }),
    );
    Value::Object(backend)
}

/// One collection per kind of item, then the settings and the suppliers.
pub fn collections(choices: &Choices) -> Vec<Value> {
    let orders = orders();
    let mut out: Vec<Value> = Section::ALL
        .into_iter()
        .map(|section| {
            let (schema, owner) = item_schema(section);
            let mut fields = fields(owner, &schema, &schema, &orders, choices, true);
            let mut body = fields::markdown();
            body["name"] = json!("body");
            body["label"] = json!("Tekst");
            body["required"] = json!(false);
            body["hint"] = json!("Brødteksten på siden, i Markdown.");
            fields.push(body);
            let preview = match section {
                Section::Pages => "{{slug}}/".to_string(),
                _ => format!("{}/{{{{slug}}}}/", section.address()),
            };
            json!({
                "name": section.dir(),
                "label": section.menu_name(),
                "label_singular": section.label(),
                "folder": format!("content/{}", section.dir()),
                "extension": "md",
                "format": "frontmatter",
                "create": true,
                "slug": "{{slug}}",
                "identifier_field": "tittel",
                "summary": if section == Section::Meetings { "{{dato}}: {{tittel}}" } else { "{{tittel}}" },
                "sortable_fields": if section == Section::Meetings { vec!["dato", "tittel"] } else { vec!["tittel"] },
                "preview_path": preview,
                "fields": fields,
            })
        })
        .collect();
    let site = serde_json::to_value(schema_for!(RawSite)).unwrap_or_default();
    let suppliers = serde_json::to_value(schema_for!(RawSupplier)).unwrap_or_default();
    let supplier_fields = fields("RawSupplier", &suppliers, &suppliers, &orders, choices, false);
    out.push(json!({
        "name": SETTINGS,
        "label": "Innstillinger",
        "format": "yaml",
        "editor": {"preview": false},
        "files": [{
            "name": SETTINGS_FILE,
            "label": "Nettstedet (nettsted.yaml)",
            "file": "content/nettsted.yaml",
            "fields": fields("nettsted", &site, &site, &orders, choices, false),
        }],
    }));
    out.push(json!({
        "name": SUPPLIERS,
        "label": "Leverandører",
        // A plain list, read and written by the format the editor's page registers.
        "format": "innkjop-liste",
        "editor": {"preview": false},
        "files": [{
            "name": SUPPLIERS,
            "label": "Leverandørene (leverandorer.yaml)",
            "file": "content/leverandorer.yaml",
            "fields": [{
                "name": SUPPLIERS,
                "label": "Leverandører",
                "label_singular": "Leverandør",
                "widget": "list",
                "summary": "{{fields.navn}} ({{fields.orgnr}})",
                "collapsed": true,
                "fields": supplier_fields,
            }],
        }],
    }));
    out
}

/// The schema of an item kind, and the name its keys are known by.
fn item_schema(section: Section) -> (Value, &'static str) {
    let schema = match section {
        Section::Agreements => schema_for!(RawAgreement),
        Section::PlannedPurchases => schema_for!(RawPlannedPurchase),
        Section::Courses => schema_for!(RawCourse),
        Section::Requirements => schema_for!(RawRequirement),
        Section::Pages => schema_for!(RawPage),
        Section::Meetings => schema_for!(RawMeeting),
    };
    (serde_json::to_value(schema).unwrap_or_default(), section.kind())
}

/// The declared order of the keys of every content type, by the kind or the type's name.
pub fn orders() -> HashMap<String, &'static [&'static str]> {
    fn of<T: JsonSchema + for<'de> serde::Deserialize<'de>>() -> (String, &'static [&'static str]) {
        (T::schema_name().into_owned(), keys::<T>())
    }
    let mut map: HashMap<String, &'static [&'static str]> = [
        of::<RawContact>(),
        of::<RawMunicipality>(),
        of::<RawCategory>(),
        of::<RawThreshold>(),
        of::<RawEditing>(),
        of::<RawSupplier>(),
        of::<RawOption>(),
        of::<RawMadeBy>(),
        of::<RawMilestones>(),
        of::<RawLot>(),
        of::<RawDocument>(),
        of::<RawDialogue>(),
        of::<RawVenue>(),
        of::<RawRegistration>(),
    ]
    .into_iter()
    .collect();
    map.insert("nettsted".into(), keys::<RawSite>());
    map.insert(Section::Agreements.kind().into(), keys::<RawAgreement>());
    map.insert(Section::PlannedPurchases.kind().into(), keys::<RawPlannedPurchase>());
    map.insert(Section::Courses.kind().into(), keys::<RawCourse>());
    map.insert(Section::Requirements.kind().into(), keys::<RawRequirement>());
    map.insert(Section::Pages.kind().into(), keys::<RawPage>());
    map.insert(Section::Meetings.kind().into(), keys::<RawMeeting>());
    map
}

/// The fields of an object schema, in the declared order of its keys.
fn fields(
    owner: &str,
    object: &Value,
    root: &Value,
    orders: &HashMap<String, &'static [&'static str]>,
    choices: &Choices,
    with_body: bool,
) -> Vec<Value> {
    let Some(properties) = object.get("properties").and_then(Value::as_object) else { return Vec::new() };
    let declared = orders.get(owner).copied().unwrap_or_default();
    let mut names: Vec<&str> = declared.iter().copied().filter(|k| properties.contains_key(*k)).collect();
    let mut rest: Vec<&str> = properties.keys().map(String::as_str).filter(|k| !names.contains(k)).collect();
    rest.sort_unstable();
    names.extend(rest);
    names
        .into_iter()
        .filter(|name| !(with_body && LEFT_OUT.iter().any(|(k, _)| k == name)))
        .filter_map(|name| Some(field(owner, name, properties.get(name)?, root, orders, choices)))
        .collect()
}

/// One field: the widget the key needs, with its label, hint and whether it must be filled.
fn field(
    owner: &str,
    name: &str,
    schema: &Value,
    root: &Value,
    orders: &HashMap<String, &'static [&'static str]>,
    choices: &Choices,
) -> Value {
    let description = schema.get("description").and_then(Value::as_str).unwrap_or_default();
    let required = description.contains("(påkrevd)");
    let hint = description.replace(" (påkrevd)", "").replace('\n', " ");
    let mut widget = fields::special(owner, name, choices).unwrap_or_else(|| by_type(schema, root, orders, choices));
    // The form would not save an optional group left empty if a key in it had to be filled:
    // `innkjop check` says what such a group lacks once it is written.
    if !required && widget["widget"] == "object" {
        optional_within(&mut widget);
    }
    if let Some(map) = widget.as_object_mut() {
        map.insert("name".into(), json!(name));
        map.insert("label".into(), json!(fields::label(name)));
        map.insert("required".into(), json!(required));
        if !hint.is_empty() {
            map.insert("hint".into(), json!(hint));
        }
        // A relation shows the first 20 matches unless told more: every supplier may be picked.
        if map.get("widget") == Some(&json!("relation")) {
            map.insert("options_length".into(), json!(50));
        }
    }
    widget
}

/// Every field of an optional group, and of the groups in it, need not be filled.
fn optional_within(group: &mut Value) {
    for f in group["fields"].as_array_mut().into_iter().flatten() {
        f["required"] = json!(false);
        if f["widget"] == "object" {
            optional_within(f);
        }
    }
}

/// The widget the type of a key asks for: an object, a list, a yes/no, a number or a text.
fn by_type(
    schema: &Value,
    root: &Value,
    orders: &HashMap<String, &'static [&'static str]>,
    choices: &Choices,
) -> Value {
    if let Some(def) = reference(schema) {
        let object = root.pointer(&format!("/$defs/{def}")).cloned().unwrap_or_default();
        return json!({"widget": "object", "collapsed": false,
            "fields": fields(&def, &object, root, orders, choices, false)});
    }
    let types = |s: &Value| -> Vec<String> {
        match s.get("type") {
            Some(Value::String(t)) => vec![t.clone()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(str::to_string).collect(),
            _ => Vec::new(),
        }
    };
    let kinds = types(schema);
    if kinds.iter().any(|t| t == "array") {
        let items = schema.get("items").cloned().unwrap_or_default();
        if let Some(def) = reference(&items) {
            let object = root.pointer(&format!("/$defs/{def}")).cloned().unwrap_or_default();
            let item_fields = fields(&def, &object, root, orders, choices, false);
            let shown = ["tittel", "navn", "til"]
                .into_iter()
                .find(|k| item_fields.iter().any(|f| f["name"] == *k))
                .or_else(|| item_fields.first().and_then(|f| f["name"].as_str()))
                .unwrap_or("id");
            return json!({"widget": "list", "collapsed": false, "summary": format!("{{{{fields.{shown}}}}}"),
                "fields": item_fields});
        }
        return json!({"widget": "list", "field": {"name": "verdi", "label": "Verdi", "widget": "string"}});
    }
    if kinds.iter().all(|t| t == "boolean" || t == "null") && !kinds.is_empty() {
        return json!({"widget": "boolean"});
    }
    if kinds.iter().any(|t| t == "integer") {
        let min = if schema.get("minimum").is_some() { json!(0) } else { Value::Null };
        let mut number = json!({"widget": "number", "value_type": "int"});
        if !min.is_null() {
            number["min"] = min;
        }
        return number;
    }
    json!({"widget": "string"})
}

/// The type a schema refers to (`RawContact`), directly or as an optional value.
fn reference(schema: &Value) -> Option<String> {
    let of = |s: &Value| s.get("$ref").and_then(Value::as_str).map(|r| r.trim_start_matches("#/$defs/").to_string());
    of(schema).or_else(|| schema.get("anyOf")?.as_array()?.iter().find_map(of))
}

#[cfg(test)]
mod tests;
