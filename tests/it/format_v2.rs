//! Content format v2 as its readers meet it: an agreement's size, who is in it from when and
//! who made it; read back from pages, open data and OCDS, and refused when wrong.

use super::support::*;

/// `innkjop check` on the sample with one file changed; the problems it prints.
fn check_with(file: &str, from: &str, to: &str) -> String {
    let site = TestSite::sample();
    let text = site.read(file);
    assert!(text.contains(from), "{file} has no `{from}`");
    site.write(file, &text.replacen(from, to, 1));
    let out = site.run(&["check"]);
    out.stderr
}

const REGIONAL: &str = "content/rammeavtaler/tolketjenester-regional.md";

#[test]
fn an_agreement_says_how_big_it_is_on_its_page_and_in_the_open_data() {
    let site = built_sample();
    let page = main_of(&site.read("public/rammeavtaler/tolketjenester-regional/index.html")).to_string();
    assert!(page.contains(
        "<dt>Anslått verdi</dt><dd>14\u{a0}000\u{a0}000\u{a0}kr uten mva. for hele perioden med opsjoner</dd>"
    ));
    assert!(page.contains("<dt>Største verdi</dt><dd>21\u{a0}000\u{a0}000\u{a0}kr uten mva."), "{page}");
    let power = main_of(&site.read("public/rammeavtaler/elektrisk-kraft/index.html")).to_string();
    assert!(power.contains("<dt>Største mengde</dt><dd>75 GWh per år for alle kommunene</dd>"), "{power}");

    let data: serde_json::Value = serde_json::from_str(&site.read("public/data/rammeavtaler.json")).expect("json");
    let record = |id: &str| data.as_array().expect("list").iter().find(|r| r["id"] == id).expect("record").clone();
    assert_eq!(record("tolketjenester-regional")["anslatt_verdi"], 14_000_000);
    assert_eq!(record("tolketjenester-regional")["maks_verdi"], 21_000_000);
    assert_eq!(record("elektrisk-kraft")["maks_mengde"], "75 GWh per år for alle kommunene");
    let csv = site.read("public/data/rammeavtaler.csv");
    assert!(csv.lines().next().unwrap_or_default().contains(";anslatt_verdi;maks_verdi;maks_mengde;"));

    let ocds: serde_json::Value = serde_json::from_str(&site.read("public/data/ocds.json")).expect("json");
    let release = ocds["releases"]
        .as_array()
        .expect("releases")
        .iter()
        .find(|r| r["ocid"].as_str().is_some_and(|o| o.ends_with("rammeavtale-tolketjenester-regional")))
        .expect("the agreement's release");
    assert_eq!(release["tender"]["value"]["amount"], 14_000_000);
    assert_eq!(release["tender"]["maxValue"]["amount"], 21_000_000);
    assert_eq!(release["tender"]["procuringEntity"]["name"], "Buskerud fylkeskommune");

    let stderr = check_with(REGIONAL, "maks_verdi: 21000000", "maks_verdi: 1400000");
    assert!(
        stderr.contains("E072")
            && stderr.contains("maks_verdi (1\u{a0}400\u{a0}000\u{a0}kr) er lavere enn anslatt_verdi")
    );
    assert!(stderr.contains("tolketjenester-regional.md:32"), "{stderr}");
}

#[test]
fn a_municipality_that_joins_late_is_shown_with_its_first_day_until_it_is_in() {
    let site = built_sample();
    // Sigdal joins the regional agreement on 1 January 2027, after the build day.
    let page = main_of(&site.read("public/rammeavtaler/tolketjenester-regional/index.html")).to_string();
    assert!(page.contains(">Sigdal kommune</a> (fra <time datetime=\"2027-01-01\">1. januar 2027</time>)"), "{page}");
    let sigdal = main_of(&site.read("public/kommuner/sigdal/index.html")).to_string();
    assert!(sigdal.contains("Sigdal kommune (fra 1. januar 2027)"), "the list says when");
    // Hjartdal joined the PC agreement in March 2025: the page says so, the lists no longer need to.
    let pcs = main_of(&site.read("public/rammeavtaler/pc-og-nettbrett/index.html")).to_string();
    assert!(pcs.contains(">Hjartdal kommune</a> (fra <time datetime=\"2025-03-01\">1. mars 2025</time>)"));
    let hjartdal = main_of(&site.read("public/kommuner/hjartdal/index.html")).to_string();
    assert!(hjartdal.contains("PC-er, nettbrett og skjermer") && !hjartdal.contains("Hjartdal kommune (fra"));

    let data = site.read("public/data/rammeavtaler.json");
    assert!(data.contains("\"kommuner_fra\": [\n      \"sigdal:2027-01-01\"\n    ]"), "open data names the day");

    // Built on a day after it, the list has nothing left to say.
    let later = TestSite::sample();
    let out = innkjop().current_dir(later.dir.path()).args(["build", "--today", "2027-02-01"]).output().expect("run");
    assert!(out.status.success());
    assert!(!later.read("public/kommuner/sigdal/index.html").contains("Sigdal kommune (fra"));
}

#[test]
fn a_first_day_outside_the_agreement_or_on_a_purchase_is_refused() {
    let after = check_with(REGIONAL, "fra: 2027-01-01", "fra: 2031-01-01");
    assert!(after.contains("E073") && after.contains("sigdal blir med 1. januar 2031"), "{after}");
    assert!(after.contains("kommuner[7].fra"), "{after}");
    let at_start = check_with(REGIONAL, "fra: 2027-01-01", "fra: 2026-09-01");
    assert!(at_start.contains("W064") && at_start.contains("skriv bare `- sigdal`"), "{at_start}");
    let bad = check_with(REGIONAL, "fra: 2027-01-01", "fra: 1. januar");
    assert!(bad.contains("E031") && bad.contains("kommuner[7].fra"), "{bad}");
    let unknown_key = check_with(REGIONAL, "fra: 2027-01-01", "fra: 2027-01-01\n    til: 2028-01-01");
    assert!(unknown_key.contains("til"), "{unknown_key}");

    let purchase = "content/planlagte-innkjop/vinterdrift-rollag-flesberg.md";
    let site = TestSite::sample();
    let text = site.read(purchase);
    let with_day = text.replacen("  - flesberg\n", "  - id: flesberg\n    fra: 2027-01-01\n", 1);
    assert_ne!(text, with_day, "the purchase lists flesberg");
    site.write(purchase, &with_day);
    let out = site.run(&["check"]);
    assert_ne!(out.code, 0);
    assert!(out.stderr.contains("E075") && out.stderr.contains("flesberg har `fra`"), "{}", out.stderr);
}

#[test]
fn an_agreement_made_by_another_body_names_it() {
    let site = built_sample();
    let page = main_of(&site.read("public/rammeavtaler/tolketjenester-regional/index.html")).to_string();
    assert!(page.contains(
        "<dt>Inngått av</dt><dd><a href=\"https://www.bfk.example.no/innkjop/tolketjenester\">Buskerud fylkeskommune</a>"
    ));
    let data = site.read("public/data/rammeavtaler.json");
    assert!(data.contains("\"gjennom\": \"Buskerud fylkeskommune\""));
    let nameless = check_with(REGIONAL, "  navn: Buskerud fylkeskommune\n", "");
    assert!(nameless.contains("`gjennom` mangler `navn`"), "{nameless}");
}
