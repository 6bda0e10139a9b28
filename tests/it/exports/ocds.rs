//! The OCDS release package, validated against the OCDS 1.1 schemas in
//! `../shared/data/ocds-1.1/` with the `jsonschema` crate, and checked against the content.

use crate::support::*;
use serde_json::Value;

fn schema(name: &str) -> Value {
    let path = project_dir().join("../shared/data/ocds-1.1").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("schema JSON")
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::options().should_validate_formats(true).build(schema).expect("the schema compiles")
}

/// Fails with every schema error when `package` is not a valid OCDS 1.1 release package.
/// The package schema's `$ref` to the release schema is resolved locally, with the
/// dereferenced release schema in its place; each release is also checked on its own
/// against `release-schema.json`.
pub fn assert_valid(package: &Value) {
    let mut package_schema = schema("release-package-schema.json");
    package_schema["properties"]["releases"]["items"] = schema("dereferenced-release-schema.json");
    let errors: Vec<String> =
        validator(&package_schema).iter_errors(package).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "the package is not valid OCDS:\n{}", errors.join("\n"));
    let release = validator(&schema("release-schema.json"));
    for r in package["releases"].as_array().expect("releases") {
        let errors: Vec<String> = release.iter_errors(r).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{}: {}", r["ocid"], errors.join("\n"));
    }
}

fn package() -> Value {
    serde_json::from_str(&built_sample().read("public/data/ocds.json")).expect("ocds.json is JSON")
}

fn release<'a>(package: &'a Value, ocid: &str) -> &'a Value {
    package["releases"].as_array().expect("releases").iter().find(|r| r["ocid"] == ocid).expect(ocid)
}

#[test]
fn the_release_package_validates_against_the_ocds_schema() {
    let package = package();
    assert_valid(&package);
    assert_eq!(package["version"], "1.1");
    assert_eq!(package["publishedDate"], "2026-11-26T00:00:00+01:00", "the build day, in Oslo");
    assert_eq!(package["publisher"]["name"], "Innkjøpssamarbeidet i Kongsbergregionen");
    let releases = package["releases"].as_array().expect("releases");
    assert_eq!(releases.len(), super::count("planlagte-innkjop") + super::count("rammeavtaler"));
}

#[test]
fn the_validator_rejects_what_ocds_does_not_allow() {
    let mut broken = package();
    broken["releases"][0]["tender"]["status"] = Value::from("ferdig");
    let mut package_schema = schema("release-package-schema.json");
    package_schema["properties"]["releases"]["items"] = schema("dereferenced-release-schema.json");
    assert!(!validator(&package_schema).is_valid(&broken));
    let mut undated = package();
    undated["publishedDate"] = Value::from("26.11.2026");
    assert!(!validator(&package_schema).is_valid(&undated), "formats are checked");
}

#[test]
fn a_planned_purchase_is_a_planning_release_with_value_cpv_and_method() {
    let package = package();
    let r = release(&package, "ocds-xxxxxx-kbr-planlagt-mobiltelefoni-og-datakommunikasjon");
    assert_eq!(r["tag"], serde_json::json!(["planning"]));
    let tender = &r["tender"];
    assert_eq!(tender["status"], "active", "kunngjort");
    assert_eq!(tender["value"], serde_json::json!({ "amount": 6_500_000, "currency": "NOK" }));
    assert_eq!(tender["items"][0]["classification"]["scheme"], "CPV");
    assert_eq!(tender["items"][0]["classification"]["id"], "64200000");
    assert_eq!(tender["procurementMethod"], "open");
    assert_eq!(tender["procurementMethodDetails"], "åpen anbudskonkurranse");
    assert_eq!(tender["mainProcurementCategory"], "services");
    assert_eq!(tender["tenderPeriod"]["endDate"], "2026-12-14T12:00:00+01:00");
    assert_eq!(tender["contractPeriod"]["startDate"], "2027-02-01T00:00:00+01:00");
    let related = &r["relatedProcesses"][0];
    assert_eq!(related["relationship"], serde_json::json!(["replacementProcess"]));
    assert_eq!(related["scheme"], "ocid");
    assert_eq!(related["identifier"], "ocds-xxxxxx-kbr-rammeavtale-mobiltelefoni");
    let planned = release(&package, "ocds-xxxxxx-kbr-planlagt-medisinsk-forbruksmateriell-2028");
    assert_eq!(planned["tender"]["status"], "planning");
}

#[test]
fn an_agreement_is_a_contract_release_with_suppliers_and_its_longest_period() {
    let package = package();
    let r = release(&package, "ocds-xxxxxx-kbr-rammeavtale-kontorrekvisita");
    assert!(r["tag"].as_array().expect("tag").contains(&Value::from("contract")));
    let supplier = r["parties"]
        .as_array()
        .expect("parties")
        .iter()
        .find(|p| p["roles"] == serde_json::json!(["supplier"]))
        .expect("a supplier");
    assert_eq!(
        supplier["identifier"],
        serde_json::json!({ "scheme": "NO-BRC", "id": "977091454", "legalName": "Numedal Kontorservice AS" })
    );
    assert_eq!(r["awards"][0]["suppliers"][0]["id"], supplier["id"]);
    let buyer = r["parties"].as_array().expect("parties").iter().find(|p| p["id"] == r["buyer"]["id"]).expect("buyer");
    assert!(buyer["roles"].as_array().expect("roles").contains(&Value::from("buyer")));
    assert_eq!(buyer["details"]["vertskommune"], "Kongsberg kommune");

    let medical = release(&package, "ocds-xxxxxx-kbr-rammeavtale-medisinsk-forbruksmateriell");
    let period = &medical["contracts"][0]["period"];
    assert_eq!(period["startDate"], "2024-04-01T00:00:00+02:00");
    assert_eq!(period["endDate"], "2027-03-31T23:59:59+02:00", "the current end");
    assert_eq!(period["maxExtentDate"], "2028-03-31T23:59:59+02:00", "the latest end with options");
    assert_eq!(medical["awards"][0]["contractPeriod"], *period);
    assert_eq!(medical["parties"].as_array().expect("parties").len(), 3, "the buyer and two suppliers");
}

#[test]
fn without_an_ocid_prefix_there_is_a_warning_and_no_package() {
    let site = TestSite::sample();
    let settings = site.read("content/nettsted.yaml").replace("ocid_prefiks: \"ocds-xxxxxx-kbr\"\n", "");
    site.write("content/nettsted.yaml", &settings);
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr.matches("ocid_prefiks mangler").count(), 1, "{}", out.stderr);
    assert!(out.stderr.contains("nettsted.yaml"));
    assert!(!site.path("public/data/ocds.json").exists());
    assert!(site.path("public/data/rammeavtaler.json").exists(), "the other data is still there");
}
