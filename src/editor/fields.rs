//! The form field for each content key: its Norwegian label, and the widget that writes a value
//! the format accepts (a list to pick from, a calendar, a link to another item). Everything
//! else about a field (its hint, whether it is required, its type) comes from the types.

use crate::model::sections::Section;
use crate::model::{Area, CallOff, ContractType, Ending, Procedure, PurchaseStatus, ThresholdKind};
use serde_json::{Value, json};

/// The collection of the site's settings (`nettsted.yaml`) and of the suppliers.
pub const SETTINGS: &str = "innstillinger";
pub const SETTINGS_FILE: &str = "nettsted";
pub const SUPPLIERS: &str = "leverandorer";

/// The label of a key where it is not the key itself with a capital and spaces.
const LABELS: &[(&str, &str)] = &[
    ("anslatt_verdi", "Anslått verdi (kr uten mva.)"),
    ("arrangor", "Arrangør"),
    ("avrop", "Slik bestilles det (avrop)"),
    ("avrop_grense", "Grense for direkte bestilling (kr uten mva.)"),
    ("avsluttet_fra", "Avsluttet fra"),
    ("base_url", "Adressen nettstedet publiseres på"),
    ("belop", "Beløp (kr uten mva.)"),
    ("cpv", "CPV-koder"),
    ("cpv_liste", "CPV-liste"),
    ("doffin", "Doffin-nummer"),
    ("delkontrakter", "Delkontrakter"),
    ("dokumenter", "Dokumenter"),
    ("ehandel", "Bestilles i e-handel"),
    ("epost", "E-post"),
    ("erstatter", "Erstatter avtalen"),
    ("etiske_krav", "Etiske krav"),
    ("fakturaadresse", "Fakturaadresse (EHF)"),
    ("fil", "Fil"),
    ("foresporsel_om_deltakelse", "Frist for forespørsel om deltakelse"),
    ("gjelder_fra", "Gjelder fra"),
    ("gjennom", "Inngått av en annen"),
    ("hovedmeny", "I hovedmenyen"),
    ("karens", "Karensperioden slutter"),
    ("konkurranseverktoy", "Konkurranseverktøy (KGV)"),
    ("innkjopskontakt", "Innkjøpskontakt"),
    ("kunngjoring", "Kunngjøring"),
    ("leverandorer", "Leverandører"),
    ("lokal", "Lokal leverandør"),
    ("maks_mengde", "Største mengde"),
    ("maks_verdi", "Største verdi (kr uten mva.)"),
    ("malgruppe", "Målgruppe"),
    ("meny", "Plass i menyen"),
    ("ocid_prefiks", "OCDS-prefiks"),
    ("omrade", "Område"),
    ("opsjoner", "Opsjoner"),
    ("orgnr", "Organisasjonsnummer"),
    ("pamelding", "Påmelding"),
    ("pris", "Pris (kr)"),
    ("prosedyre", "Prosedyre"),
    ("resultat", "Avtalen konkurransen ga"),
    ("sporsmal", "Frist for spørsmål"),
    ("sprak", "Språk"),
    ("strategi", "Innkjøpsstrategi"),
    ("tilbud", "Tilbudsfrist"),
    ("tildeling", "Forventet tildeling"),
    ("tilgjengelighetserklaering", "Tilgjengelighetserklæring"),
    ("type", "Type"),
    ("url", "Lenke"),
    ("utlost", "Utløst"),
    ("utloper_snart_maneder", "«Utløper snart» (måneder før slutt)"),
    ("vertskommune", "Vertskommune"),
];

/// The label of a key: `gyldig_fra` → «Gyldig fra».
pub fn label(key: &str) -> String {
    if let Some((_, label)) = LABELS.iter().find(|(k, _)| *k == key) {
        return (*label).to_string();
    }
    let words = key.replace('_', " ");
    let mut chars = words.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Where a key stands: the kind of file or the object type (`rammeavtale`, `RawOption`).
pub type Owner<'a> = &'a str;

/// What the editor needs beyond the types: the municipalities to pick from.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    /// (id, name) of each municipality in `nettsted.yaml`.
    pub municipalities: Vec<(String, String)>,
}

/// The widget for a key, when the types alone do not choose it (a text stays a `string`).
pub fn special(owner: Owner, key: &str, choices: &Choices) -> Option<Value> {
    let date = json!({"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD.MM.YYYY",
        "time_format": false, "picker_utc": true});
    let date_time = json!({"widget": "datetime", "format": "YYYY-MM-DDTHH:mm", "date_format": "DD.MM.YYYY",
        "time_format": "HH:mm", "picker_utc": true});
    let fuzzy = json!({"widget": "string",
        "pattern": [r"^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?|-Q[1-4])?$", "Skriv 2027-03-15, 2027-03, 2027-Q2 eller 2027"]});
    let select = |options: Vec<Value>| json!({"widget": "select", "options": options});
    let pairs = |all: &[(&str, &str)]| all.iter().map(|(v, l)| json!({"value": v, "label": l})).collect::<Vec<_>>();
    let item = |section: Section, multiple: bool| {
        json!({"widget": "relation", "collection": section.dir(), "value_field": "{{slug}}",
            "search_fields": ["tittel"], "display_fields": ["tittel"], "multiple": multiple})
    };
    let in_list = |collection: &str, file: &str, list: &str, shown: &[&str], multiple: bool| {
        let shown: Vec<String> = shown.iter().map(|s| format!("{list}.*.{s}")).collect();
        json!({"widget": "relation", "collection": collection, "file": file,
            "value_field": format!("{list}.*.id"), "search_fields": shown, "display_fields": [shown[0]],
            "multiple": multiple})
    };
    let widget = match (owner, key) {
        (_, "gyldig_fra" | "gyldig_til" | "avsluttet_fra" | "gjelder_fra") => date,
        ("RawOption", "til") | ("RawDialogue", "dato") | ("RawRegistration", "frist") => date,
        (_, "start" | "slutt" | "tilbudsfrist") | ("mote", "dato") => date_time,
        (_, "kunngjoring" | "kontraktstart") => fuzzy,
        (_, "bestilling" | "kontraktsklausul") => markdown(),
        (_, "beskrivelse" | "sammendrag") => json!({"widget": "text"}),
        (_, "kategori") => in_list(SETTINGS, SETTINGS_FILE, "kategorier", &["navn", "id"], false),
        (_, "leverandorer") => in_list(SUPPLIERS, SUPPLIERS, "leverandorer", &["navn", "orgnr", "id"], true),
        (_, "etiske_krav") => item(Section::Requirements, true),
        (_, "erstatter" | "resultat") => item(Section::Agreements, false),
        (owner, "kommuner") if owner != "nettsted" => {
            let mut options = vec![json!({"value": "alle", "label": "Alle kommunene i samarbeidet"})];
            options.extend(choices.municipalities.iter().map(|(id, name)| json!({"value": id, "label": name})));
            json!({"widget": "select", "multiple": true, "options": options})
        }
        (_, "vertskommune") => {
            select(choices.municipalities.iter().map(|(id, name)| json!({"value": id, "label": name})).collect())
        }
        ("rammeavtale", "status") => select(pairs(&Ending::ALL.map(|(k, _)| (k, k)))),
        ("planlagt-innkjop", "status") => {
            select(PurchaseStatus::ALL.iter().map(|(k, s)| json!({"value": k, "label": s.label()})).collect())
        }
        (_, "kontraktstype") => {
            select(ContractType::ALL.iter().map(|(k, c)| json!({"value": k, "label": c.label()})).collect())
        }
        (_, "avrop") => select(pairs(&CallOff::KEYS.map(|(k, _)| (k, k)))),
        (_, "prosedyre") => select(Procedure::ALL.iter().map(|p| json!(p.label())).collect()),
        (_, "omrade") => select(Area::ALL.iter().map(|(k, a)| json!({"value": k, "label": a.label()})).collect()),
        ("RawThreshold", "type") => select(pairs(&ThresholdKind::ALL.map(|(k, _)| (k, k)))),
        (_, "orgnr") => {
            json!({"widget": "string", "pattern": [r"^\s*\d{3}\s?\d{3}\s?\d{3}\s*$", "Et organisasjonsnummer har 9 siffer"]})
        }
        (_, "doffin") => {
            json!({"widget": "string", "pattern": [r"^\d{4}-\d{6}$", "Skriv Doffin-nummeret som ÅÅÅÅ-NNNNNN"]})
        }
        (_, "cpv") => json!({"widget": "list", "field": {"name": "kode", "label": "CPV-kode", "widget": "string",
            "pattern": [r"^\d{8}(-\d)?$", "En CPV-kode har 8 siffer, for eksempel 30192000"]}}),
        (_, "base_url") => json!({"widget": "string", "pattern": ["^https?://", "Adressen begynner med https://"]}),
        (_, "epost") => json!({"widget": "string", "pattern": [r"^[^@\s]+@[^@\s]+$", "Skriv en e-postadresse"]}),
        ("RawDocument", "fil") => json!({"widget": "file", "choose_url": false}),
        _ => return None,
    };
    Some(widget)
}

/// A Markdown field that opens as the text it is: the rich-text view writes the text anew (it
/// joins lines, changes list marks), so it is there to switch to, not the first.
pub fn markdown() -> Value {
    json!({"widget": "markdown", "modes": ["raw", "rich_text"]})
}

/// Keys no form shows, with why: the body of a `.yaml` item is the Markdown body in a form.
pub const LEFT_OUT: &[(&str, &str)] = &[("tekst", "brødteksten skrives i feltet «Tekst» (body)")];

#[cfg(test)]
mod tests {
    use super::label;

    #[test]
    fn labels_are_norwegian_words() {
        assert_eq!(label("gyldig_fra"), "Gyldig fra");
        assert_eq!(label("leverandorer"), "Leverandører");
        assert_eq!(label("tittel"), "Tittel");
    }
}
