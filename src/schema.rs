//! JSON Schemas of the content files, made from the raw input types, so an editor with a
//! YAML extension can complete keys and flag mistakes while the coordinator types.

use crate::content::raw::*;
use schemars::{JsonSchema, schema_for};
use std::path::{Path, PathBuf};

/// The folder in content/ the schemas are written to (hidden: the build skips it).
pub const DIR: &str = ".skjema";

/// (file name, schema) for every kind of content file.
pub fn all() -> Vec<(&'static str, serde_json::Value)> {
    fn of<T: JsonSchema>() -> serde_json::Value {
        serde_json::to_value(schema_for!(T)).unwrap_or_default()
    }
    vec![
        ("nettsted.json", of::<RawSite>()),
        ("leverandorer.json", of::<Vec<RawSupplier>>()),
        ("rammeavtale.json", of::<RawAgreement>()),
        ("planlagt-innkjop.json", of::<RawPlannedPurchase>()),
        ("kurs.json", of::<RawCourse>()),
        ("etisk-krav.json", of::<RawRequirement>()),
        ("side.json", of::<RawPage>()),
        ("mote.json", of::<RawMeeting>()),
    ]
}

/// The schema file for a kind of item as `innkjop new` names it.
pub fn file_for(kind: &str) -> &'static str {
    match kind {
        "rammeavtale" => "rammeavtale.json",
        "planlagt-innkjop" => "planlagt-innkjop.json",
        "kurs" => "kurs.json",
        "etisk-krav" => "etisk-krav.json",
        "mote" => "mote.json",
        _ => "side.json",
    }
}

/// Writes every schema into `dir`; returns the files written.
pub fn write(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for (name, schema) in all() {
        let path = dir.join(name);
        let text = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
        std::fs::write(&path, text)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::all;

    #[test]
    fn schemas_refuse_unknown_keys_and_carry_the_norwegian_descriptions() {
        let schemas = all();
        let (_, agreement) = schemas.iter().find(|(n, _)| *n == "rammeavtale.json").expect("agreement");
        assert_eq!(agreement["additionalProperties"], serde_json::json!(false));
        let gyldig_til = &agreement["properties"]["gyldig_til"];
        assert!(gyldig_til["description"].as_str().unwrap_or("").contains("grunnperioden"), "{gyldig_til}");
        assert!(agreement["properties"]["opsjoner"].is_object());
    }
}
