//! The open data files: JSON read with serde_json, CSV with a small reader of our own
//! (not the `csv` crate that wrote them), and the `/data/` page that documents them.

use super::count;
use crate::support::*;
use serde_json::Value;
use std::sync::OnceLock;

const SETS: [(&str, &str); 6] = [
    ("rammeavtaler", "rammeavtaler"),
    ("planlagte-innkjop", "planlagte-innkjop"),
    ("kurs", "kurs"),
    ("etiske-krav", "etiske-krav"),
    ("leverandorer", ""),
    ("kommuner", ""),
];

/// Reads `;`-separated CSV with `"` quoting and CRLF line ends, as Excel does.
fn read_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    let text = text.strip_prefix('\u{feff}').expect("a byte order mark");
    let mut rows = Vec::new();
    let (mut row, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if cell.is_empty() => quoted = true,
            (';', false) => row.push(std::mem::take(&mut cell)),
            ('\r', false) => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            ('\n', false) => panic!("a bare LF ends a line"),
            (c, _) => cell.push(c),
        }
    }
    assert!(row.is_empty() && cell.is_empty(), "the last line ends with CRLF");
    rows
}

fn json(site: &TestSite, id: &str) -> Vec<Value> {
    let text = site.read(&format!("public/data/{id}.json"));
    match serde_json::from_str(&text).unwrap_or_else(|e| panic!("{id}.json: {e}")) {
        Value::Array(rows) => rows,
        other => panic!("{id}.json is not an array: {other}"),
    }
}

#[test]
fn json_and_csv_have_one_row_per_item_and_the_same_columns() {
    let site = built_sample();
    for (id, section) in SETS {
        let rows = json(site, id);
        let csv = read_csv(&std::fs::read(site.path(&format!("public/data/{id}.csv"))).expect("csv"));
        let (header, body) = csv.split_first().expect("a header");
        assert_eq!(rows.len(), body.len(), "{id}: JSON and CSV rows");
        if !section.is_empty() {
            assert_eq!(rows.len(), count(section), "{id}: one row per file");
        }
        let mut columns: Vec<&str> = header.iter().map(String::as_str).collect();
        for (object, line) in rows.iter().zip(body) {
            let mut keys: Vec<&str> = object.as_object().expect("object").keys().map(String::as_str).collect();
            keys.sort_unstable();
            columns.sort_unstable();
            assert_eq!(keys, columns, "{id}: the same fields in JSON and CSV");
            assert_eq!(line.len(), header.len(), "{id}: every line has every column");
        }
        // The JSON text keeps the column order of the CSV.
        let text = site.read(&format!("public/data/{id}.json"));
        let first = &text[..text.find('}').unwrap_or(text.len())];
        let positions: Vec<usize> = header.iter().filter_map(|h| first.find(&format!("\"{h}\":"))).collect();
        assert!(rows.is_empty() || positions.windows(2).all(|w| w[0] < w[1]), "{id}: column order");
        assert!(rows.is_empty() || positions.len() == header.len(), "{id}: every column in the first object");
    }
    let suppliers = json(site, "leverandorer");
    assert!(suppliers.iter().any(|s| s["orgnr"] == "977091454" && s["id"] == "numedal-kontorservice"));
    let municipalities = json(site, "kommuner");
    assert_eq!(municipalities.len(), 8);
    assert_eq!(municipalities.iter().filter(|m| m["vertskommune"] == true).count(), 1);
}

#[test]
fn agreements_carry_iso_dates_status_keys_and_lists() {
    let site = built_sample();
    let rows = json(site, "rammeavtaler");
    let medical = rows.iter().find(|r| r["id"] == "medisinsk-forbruksmateriell").expect("a known agreement");
    assert_eq!(medical["gyldig_fra"], "2024-04-01");
    assert_eq!(medical["gjeldende_slutt"], "2027-03-31");
    assert_eq!(medical["seneste_slutt"], "2028-03-31");
    assert_eq!(medical["status"], "utloper_snart");
    assert_eq!(medical["apen_opsjon"], true);
    assert_eq!(medical["leverandorer"], serde_json::json!(["medi-forbruk", "omsorgsmateriell"]));
    assert_eq!(medical["opsjoner"], serde_json::json!(["2027-03-31:utlost", "2028-03-31:ikke_utlost"]));
    let csv = read_csv(&std::fs::read(site.path("public/data/rammeavtaler.csv")).expect("csv"));
    let col = |name: &str| csv[0].iter().position(|h| h == name).expect(name);
    let line = csv.iter().find(|l| l[0] == "medisinsk-forbruksmateriell").expect("row");
    assert_eq!(line[col("leverandorer")], "medi-forbruk;omsorgsmateriell");
    assert_eq!(line[col("apen_opsjon")], "true");
    let raw = site.read("public/data/rammeavtaler.csv");
    assert!(raw.starts_with("\u{feff}id;tittel;"), "BOM and semicolons");

    let purchases = json(site, "planlagte-innkjop");
    let mobile = purchases.iter().find(|p| p["id"] == "mobiltelefoni-og-datakommunikasjon").expect("purchase");
    assert_eq!(mobile["anslatt_verdi"], 6_500_000, "amounts are integers");
    assert_eq!(mobile["tilbudsfrist"], "2026-12-14T12:00");
    assert_eq!(mobile["status"], "kunngjort");
    assert_eq!(mobile["cpv"], serde_json::json!(["64200000", "32250000"]));
    let courses = json(site, "kurs");
    let course = courses.iter().find(|c| c["id"] == "grunnkurs-offentlige-anskaffelser").expect("course");
    assert_eq!(course["start"], "2027-01-20T09:00");
    assert_eq!(course["pris"], 0);
}

#[test]
fn the_data_page_documents_every_column_and_the_separator() {
    let site = built_sample();
    let page = site.read("public/data/index.html");
    for (id, _) in SETS {
        assert!(
            page.contains(&format!("href=\"/data/{id}.json\"")) && page.contains(&format!("href=\"/data/{id}.csv\""))
        );
        let rows = json(site, id);
        let Some(first) = rows.first().and_then(Value::as_object) else { continue };
        for key in first.keys() {
            assert!(page.contains(&format!("<code>{key}</code>")), "{id}: column {key} is not documented");
        }
    }
    assert!(page.contains("semikolon") && page.contains("desimaltegn"), "why `;`");
    assert!(page.contains("href=\"/data/ocds.json\""));
}

/// The sample with a formula-like title and a planned purchase without `kontraktstype`.
fn odd_site() -> &'static (TestSite, Output) {
    static SITE: OnceLock<(TestSite, Output)> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = TestSite::sample();
        site.write(
            "content/rammeavtaler/formel.md",
            "---\ntittel: \"=HYPERLINK(\\\"http://x.example\\\")\"\nsammendrag: \"@SUM(1+1)\"\nkategori: kontor-og-it\n\
             leverandorer:\n  - numedal-kontorservice\nkommuner: alle\ngyldig_fra: 2026-01-01\ngyldig_til: 2027-12-31\n---\n",
        );
        site.write(
            "content/planlagte-innkjop/uten-kontraktstype.md",
            "---\ntittel: Uten kontraktstype\nkategori: renhold\nkommuner: alle\nstatus: planlagt\nkunngjoring: 2027-Q4\n---\n",
        );
        let out = site.run(&["build"]);
        (site, out)
    })
}

#[test]
fn a_formula_like_title_is_made_safe_in_csv_and_kept_in_json() {
    let (site, out) = odd_site();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let csv = read_csv(&std::fs::read(site.path("public/data/rammeavtaler.csv")).expect("csv"));
    let line = csv.iter().find(|l| l[0] == "formel").expect("row");
    assert_eq!(line[1], "'=HYPERLINK(\"http://x.example\")");
    assert_eq!(line[2], "'@SUM(1+1)");
    let rows = json(site, "rammeavtaler");
    let row = rows.iter().find(|r| r["id"] == "formel").expect("row");
    assert_eq!(row["tittel"], "=HYPERLINK(\"http://x.example\")");
}

#[test]
fn a_purchase_without_contract_type_warns_by_file_and_still_builds() {
    let (site, out) = odd_site();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let warning = out
        .stderr
        .lines()
        .position(|l| l.contains("kontraktstype mangler"))
        .unwrap_or_else(|| panic!("no warning:\n{}", out.stderr));
    let around = out.stderr.lines().skip(warning.saturating_sub(2)).take(5).collect::<Vec<_>>().join("\n");
    assert!(around.contains("planlagte-innkjop/uten-kontraktstype.md"), "{around}");
    let ocds: Value = serde_json::from_str(&site.read("public/data/ocds.json")).expect("ocds");
    let release = ocds["releases"]
        .as_array()
        .expect("releases")
        .iter()
        .find(|r| r["ocid"] == "ocds-xxxxxx-kbr-planlagt-uten-kontraktstype")
        .expect("exported with what it has");
    assert_eq!(release["tender"]["status"], "planning");
    assert!(release["tender"].get("mainProcurementCategory").is_none());
    super::ocds::assert_valid(&ocds);
}
