//! The editor's configuration against the content types.

use super::*;
use crate::editor::fields::Choices;

fn local() -> Value {
    let choices = Choices { municipalities: vec![("kongsberg".into(), "Kongsberg".into())] };
    config(Backend::Local, &choices, "http://127.0.0.1:1111/")
}

fn collection<'a>(config: &'a Value, name: &str) -> &'a Value {
    config["collections"].as_array().into_iter().flatten().find(|c| c["name"] == name).expect(name)
}

fn field<'a>(fields: &'a Value, name: &str) -> &'a Value {
    fields.as_array().into_iter().flatten().find(|f| f["name"] == name).unwrap_or_else(|| panic!("no field {name}"))
}

/// Every key of a schema has a field, and every object and list of objects has a field for
/// each of its keys in turn: a key added to the types without a field fails here.
fn every_key_has_a_field(schema: &Value, object: &Value, fields: &Value, left_out: &[&str], at: &str) {
    let properties = object["properties"].as_object().expect("properties");
    for (key, property) in properties {
        if left_out.contains(&key.as_str()) {
            continue;
        }
        let form = fields.as_array().into_iter().flatten().find(|f| f["name"] == *key);
        let Some(form) = form else { panic!("{at}{key} has no field in the form") };
        assert!(form["label"].as_str().is_some_and(|l| !l.is_empty()), "{at}{key} has no label");
        let def = reference(property).or_else(|| reference(&property["items"]));
        if let Some(def) = def {
            let object = schema.pointer(&format!("/$defs/{def}")).expect("def");
            every_key_has_a_field(schema, object, &form["fields"], &[], &format!("{at}{key}."));
        }
    }
}

#[test]
fn every_key_of_every_kind_has_a_field() {
    let config = local();
    for section in Section::ALL {
        let (schema, _) = item_schema(section);
        let fields = &collection(&config, section.dir())["fields"];
        every_key_has_a_field(&schema, &schema, fields, &["tekst"], &format!("{}: ", section.kind()));
        assert_eq!(field(fields, "body")["widget"], "markdown");
    }
    let site = serde_json::to_value(schema_for!(RawSite)).expect("schema");
    let settings = &collection(&config, SETTINGS)["files"][0]["fields"];
    every_key_has_a_field(&site, &site, settings, &[], "nettsted.yaml: ");
    let supplier = serde_json::to_value(schema_for!(RawSupplier)).expect("schema");
    let suppliers = &collection(&config, SUPPLIERS)["files"][0]["fields"][0]["fields"];
    every_key_has_a_field(&supplier, &supplier, suppliers, &[], "leverandorer.yaml: ");
}

#[test]
fn every_type_has_its_keys_in_declared_order() {
    let orders = orders();
    let mut schemas: Vec<Value> = Section::ALL.into_iter().map(|s| item_schema(s).0).collect();
    schemas.push(serde_json::to_value(schema_for!(RawSite)).expect("schema"));
    schemas.push(serde_json::to_value(schema_for!(RawSupplier)).expect("schema"));
    for schema in schemas {
        for def in schema["$defs"].as_object().into_iter().flatten().map(|(name, _)| name) {
            assert!(orders.contains_key(def), "{def} is missing from config::orders()");
        }
    }
    let config = local();
    let agreement = &collection(&config, "rammeavtaler")["fields"];
    let names: Vec<&str> = agreement.as_array().into_iter().flatten().filter_map(|f| f["name"].as_str()).collect();
    assert_eq!(&names[..3], ["tittel", "sammendrag", "kategori"]);
}

#[test]
fn fields_get_the_widget_that_writes_a_valid_value() {
    let config = local();
    let agreement = &collection(&config, "rammeavtaler")["fields"];
    assert_eq!(field(agreement, "tittel")["required"], true);
    assert_eq!(field(agreement, "sammendrag")["required"], false);
    assert_eq!(field(agreement, "gyldig_fra")["widget"], "datetime");
    assert_eq!(field(agreement, "gyldig_fra")["format"], "YYYY-MM-DD");
    assert_eq!(field(agreement, "gyldig_fra")["time_format"], false);
    let category = field(agreement, "kategori");
    assert_eq!((&category["widget"], &category["value_field"]), (&json!("relation"), &json!("kategorier.*.id")));
    let suppliers = field(agreement, "leverandorer");
    assert_eq!((&suppliers["collection"], &suppliers["multiple"]), (&json!(SUPPLIERS), &json!(true)));
    assert_eq!(field(agreement, "etiske_krav")["collection"], "etiske-krav");
    let options: Vec<&str> = field(agreement, "kommuner")["options"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|o| o["value"].as_str())
        .collect();
    assert_eq!(options, ["alle", "kongsberg"]);
    let option = field(agreement, "opsjoner");
    assert_eq!(option["widget"], "list");
    assert_eq!(field(&option["fields"], "til")["widget"], "datetime");
    assert_eq!(field(&option["fields"], "utlost")["widget"], "boolean");
    assert_eq!(field(&field(agreement, "dokumenter")["fields"], "fil")["widget"], "file");
    assert_eq!(field(agreement, "bestilling")["widget"], "markdown");
    assert_eq!(field(agreement, "doffin")["pattern"][0], r"^\d{4}-\d{6}$");
    let statuses: Vec<&str> = field(agreement, "status")["options"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|o| o["value"].as_str())
        .collect();
    assert_eq!(statuses, ["oppsagt", "hevet", "avsluttet"]);

    let purchase = &collection(&config, "planlagte-innkjop")["fields"];
    let statuses = field(purchase, "status")["options"].as_array().map(Vec::len);
    assert_eq!(statuses, Some(6));
    assert_eq!(field(purchase, "prosedyre")["widget"], "select");
    assert_eq!(field(purchase, "erstatter")["collection"], "rammeavtaler");
    assert_eq!(field(purchase, "anslatt_verdi")["widget"], "number");
    assert_eq!(field(purchase, "tilbudsfrist")["time_format"], "HH:mm");
    assert!(field(purchase, "kunngjoring")["pattern"].is_array());

    let supplier = &collection(&config, SUPPLIERS)["files"][0]["fields"][0]["fields"];
    assert_eq!(field(supplier, "orgnr")["widget"], "string");
    assert!(field(supplier, "orgnr")["pattern"].is_array());
    let settings = &collection(&config, SETTINGS)["files"][0]["fields"];
    assert_eq!(field(&field(settings, "terskelverdier")["fields"], "type")["widget"], "select");
}

#[test]
fn the_published_editor_saves_to_the_git_host() {
    let editing = crate::model::Editing {
        host: GitHost::GitLab,
        repo: "kongsbergregionen/innkjop".into(),
        branch: "main".into(),
        app_id: Some("abc".into()),
        api_root: None,
        login: None,
    };
    let config = config(Backend::Team(&editing), &Choices::default(), "https://innkjop.example.no/");
    assert_eq!(config["backend"]["name"], "gitlab");
    assert_eq!(config["backend"]["repo"], "kongsbergregionen/innkjop");
    assert_eq!(config["backend"]["auth_type"], "pkce");
    assert_eq!(local()["backend"]["proxy_url"], LOCAL_API);
}

#[test]
fn the_configuration_reads_as_yaml() {
    let text = to_yaml(&local());
    let back: Value = yaml_serde::from_str(&text).expect("YAML");
    assert_eq!(back, local());
    insta::assert_snapshot!("editor_config", text);
}
