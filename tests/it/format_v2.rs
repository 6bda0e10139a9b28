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

const MOBILE: &str = "content/planlagte-innkjop/mobiltelefoni-og-datakommunikasjon.md";

#[test]
fn a_tender_shows_its_milestones_lots_and_tool_everywhere_a_supplier_looks() {
    let site = built_sample();
    let page =
        main_of(&site.read("public/planlagte-innkjop/mobiltelefoni-og-datakommunikasjon/index.html")).to_string();
    let milestones = &page[page.find("<h2 id=\"s-frister\">Frister</h2>").expect("a section of milestones")..];
    let order =
        ["Frist for spørsmål", "Tilbudsfrist", "Forventet tildeling", "Karensperioden slutter", "Kontraktssignering"];
    let at: Vec<usize> = order.iter().map(|l| milestones.find(l).unwrap_or_else(|| panic!("{l}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "in the order a tender runs: {milestones}");
    assert!(milestones.contains("<time datetime=\"2027-01-19\">19. januar 2027</time>"));
    assert!(page.contains("<h2 id=\"s-delkontrakter\">Delkontrakter</h2>") && page.contains("SIM-kort og abonnement"));
    assert!(page.contains(
        "<a href=\"https://kgv.example.no/konkurranser/kbr-2026-029\">Konkurransen i konkurranseverktøyet</a>"
    ));
    // A two-stage tender: the request to participate to the minute, the tenders only to a month.
    let two_stage =
        main_of(&site.read("public/planlagte-innkjop/vikartjenester-helse-og-omsorg/index.html")).to_string();
    assert!(two_stage.contains("Frist for forespørsel om deltakelse:</span> <time datetime=\"2027-01-11T12:00\">"));
    assert!(two_stage.contains("<time datetime=\"2027-02\">februar 2027</time> (foreløpig)"), "{two_stage}");

    // The calendar has one event per milestone known to a day; the deadline keeps its event.
    let calendar = site.read("public/planlagte-innkjop/mobiltelefoni-og-datakommunikasjon/kalender.ics");
    for uid in ["tilbudsfrist-", "frist-sporsmal-", "frist-tildeling-", "frist-karens-", "frist-kontraktssignering-"] {
        assert_eq!(calendar.matches(&format!("UID:{uid}mobiltelefoni-og-datakommunikasjon@")).count(), 1, "{uid}");
    }
    let all = site.read("public/kalender.ics");
    assert!(all.contains("SUMMARY:Karensperioden slutter: Mobiltelefoni og datakommunikasjon"));
    assert!(!all.contains("frist-tilbud-vikartjenester"), "a month is no day for a calendar");
    assert!(all.contains("UID:frist-foresporsel_om_deltakelse-vikartjenester-helse-og-omsorg@"));

    let feed = site.read("public/planlagte-innkjop/atom.xml");
    assert!(feed.contains("Forventet tildeling: 8. januar 2027") && feed.contains("Delkontrakt: 2. SIM-kort"));

    let data: serde_json::Value = serde_json::from_str(&site.read("public/data/planlagte-innkjop.json")).expect("json");
    let record = data.as_array().expect("list").iter().find(|r| r["id"] == "mobiltelefoni-og-datakommunikasjon");
    let record = record.expect("record");
    assert_eq!(record["frist_karens"], "2027-01-19");
    assert_eq!(record["frist_tilbud"], "2026-12-14T12:00");
    assert_eq!(record["delkontrakter"][1], "SIM-kort og abonnement for tingenes internett (IoT)");
    assert_eq!(record["konkurranseverktoy"], "https://kgv.example.no/konkurranser/kbr-2026-029");

    let ocds: serde_json::Value = serde_json::from_str(&site.read("public/data/ocds.json")).expect("json");
    let release = ocds["releases"]
        .as_array()
        .expect("releases")
        .iter()
        .find(|r| r["ocid"].as_str().is_some_and(|o| o.ends_with("planlagt-mobiltelefoni-og-datakommunikasjon")))
        .expect("release");
    let tender = &release["tender"];
    assert_eq!(tender["enquiryPeriod"]["endDate"], "2026-12-04T23:59:59+01:00");
    assert_eq!(tender["milestones"][1]["id"], "karens");
    assert_eq!(tender["lots"][0]["value"]["amount"], 5_200_000);
    assert_eq!(tender["submissionMethodDetails"], "https://kgv.example.no/konkurranser/kbr-2026-029");
}

#[test]
fn milestones_out_of_order_are_refused_with_file_line_and_field() {
    let award_first = check_with(MOBILE, "tildeling: 2027-01-08", "tildeling: 2026-12-01");
    assert!(award_first.contains("E074") && award_first.contains("`tildeling` (1. desember 2026) er før `tilbud`"));
    assert!(
        award_first.contains("mobiltelefoni-og-datakommunikasjon.md:19") && award_first.contains("frister.tildeling")
    );
    let signed_early = check_with(MOBILE, "kontraktssignering: 2027-01-22", "kontraktssignering: 2027-01");
    assert!(!signed_early.contains("E074"), "a month that holds the day may be right: {signed_early}");
    let two_deadlines =
        check_with(MOBILE, "  sporsmal: 2026-12-04\n", "  sporsmal: 2026-12-04\n  tilbud: 2026-12-15T12:00\n");
    assert!(two_deadlines.contains("`frister.tilbud` (15. desember 2026 kl. 12.00) og `tilbudsfrist`"));
    let bad = check_with(MOBILE, "karens: 2027-01-19", "karens: etter jul");
    assert!(bad.contains("E033") && bad.contains("`etter jul` er ikke en gyldig dato for `karens`"), "{bad}");
    let nameless = check_with(
        MOBILE,
        "  - tittel: Mobilabonnement, mobildata og mobiltelefoner\n    anslatt_verdi: 5200000\n",
        "  - anslatt_verdi: 5200000\n",
    );
    assert!(nameless.contains("delkontrakt 1 mangler `tittel`"), "{nameless}");
    let bad_cpv = check_with(MOBILE, "      - \"32250000\"", "      - \"3225x\"");
    assert!(bad_cpv.contains("delkontrakter[1].cpv[0]"), "{bad_cpv}");
}

#[test]
fn the_councils_meetings_are_listed_newest_first_with_agenda_and_minutes() {
    let site = built_sample();
    let list = main_of(&site.read("public/innkjopsradet/moter/index.html")).to_string();
    let days = ["8. desember 2026", "8. september 2026", "12. mai 2026"];
    let at: Vec<usize> = days.iter().map(|d| list.find(d).unwrap_or_else(|| panic!("{d}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "the newest first: {list}");
    assert!(list.contains("Kommende"), "the meeting to come says so");

    let september = main_of(&site.read("public/innkjopsradet/moter/2026-09-radsmote/index.html")).to_string();
    assert!(september.contains("<h1>Møte i innkjøpsrådet, 8. september 2026</h1>"));
    assert!(september.contains("<li>Konkurransestrategi for mobiltelefoni og datakommunikasjon</li>"));
    // The minutes' headings come under «Referat».
    let minutes = &september[september.find("<h2 id=\"s-referat\">Referat</h2>").expect("the minutes")..];
    assert!(minutes.contains("<h3 id=\"sak-2-drosje-og-persontransport\">"), "{minutes}");
    let may = main_of(&site.read("public/innkjopsradet/moter/2026-05-radsmote/index.html")).to_string();
    assert!(may.contains("Referat fra møtet 12. mai 2026</a>"), "the minutes as a document: {may}");
    let december = main_of(&site.read("public/innkjopsradet/moter/2026-12-radsmote/index.html")).to_string();
    assert!(december.contains("Møtet er ikke holdt ennå."));

    // The strategy and the meetings are linked from every page's footer.
    let front = site.read("public/index.html");
    let footer = &front[front.find("<footer").expect("footer")..];
    assert!(footer.contains("<a href=\"/innkjopsstrategi/\">Innkjøpsstrategi 2026–2029</a>"));
    assert!(footer.contains("<a href=\"/innkjopsradet/moter/\">Møter i innkjøpsrådet</a>"));
    // A site without them has neither the links nor the pages.
    let minimal = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    assert_eq!(minimal.run(&["build"]).code, 0);
    assert!(!minimal.read("public/index.html").contains("Møter i innkjøpsrådet"));
    assert!(!minimal.path("public/innkjopsradet/moter").exists());

    let undated = check_with("content/moter/2026-12-radsmote.md", "dato: 2026-12-08T09:00\n", "");
    assert!(
        undated.contains("`dato` mangler, og den må være med") && undated.contains("2026-12-radsmote.md"),
        "{undated}"
    );
    let missing = check_with(
        "content/moter/2026-05-radsmote.md",
        "  url: \"https://www.kongsberg.example.no/politikk/innkjopsradet/referat-2026-05-12\"\n",
        "  fil: dokumenter/finnes-ikke.pdf\n",
    );
    assert!(missing.contains("E067") && missing.contains("referat.fil"), "{missing}");
}

#[test]
fn a_supplier_follows_the_tenders_of_a_trade_named_from_the_cpv_list() {
    let site = built_sample();
    // Without a CPV list, a trade is its division's number.
    let alerts = main_of(&site.read("public/planlagte-innkjop/varsler/index.html")).to_string();
    assert!(alerts.contains("<th scope=\"row\">CPV-hovedgruppe 64</th>"), "{alerts}");
    // A trade's row names its purchases, so it says what it holds without a name.
    assert!(alerts.contains("CPV-hovedgruppe 64</th><td>Mobiltelefoni og datakommunikasjon</td>"), "{alerts}");
    let feed = site.read("public/planlagte-innkjop/varsler/cpv-64/atom.xml");
    assert!(feed.contains("Mobiltelefoni og datakommunikasjon") && !feed.contains("Vikartjenester"));
    // A lot's codes count: the IoT lot is in division 32.
    let calendar = site.read("public/planlagte-innkjop/varsler/cpv-32/kalender.ics");
    assert!(calendar.contains("SUMMARY:Tilbudsfrist: Mobiltelefoni og datakommunikasjon"));

    // With the site's CPV list, each trade has its name.
    let named = TestSite::sample();
    let list = project_dir().join("../shared/data/eforms-nor/cpv.yaml");
    let list = list.canonicalize().unwrap_or_else(|_| panic!("the shared CPV list is missing at {}", list.display()));
    let settings = named.read("content/nettsted.yaml");
    named.write("content/nettsted.yaml", &format!("{settings}\ncpv_liste: {}\n", list.display()));
    // A fourth purchase in division 45: the row names three and counts the rest.
    let school = named.read("content/planlagte-innkjop/ny-barneskole-kongsberg.md");
    named.write(
        "content/planlagte-innkjop/ny-ungdomsskole.md",
        &school.replacen("tittel: ", "tittel: Ungdomsskole og ", 1),
    );
    let out = named.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let alerts = main_of(&named.read("public/planlagte-innkjop/varsler/index.html")).to_string();
    assert!(alerts.contains("<th scope=\"row\">Bygge- og anleggsvirksomhet (CPV 45)</th>"), "{alerts}");
    assert!(
        alerts.contains("Solcelleanlegg på formålsbygg; Totalentreprise for ny barneskole i Kongsberg og 1 til</td>")
    );
    let feed = named.read("public/planlagte-innkjop/varsler/cpv-45/atom.xml");
    assert!(feed.contains("<title>Planlagte innkjøp: Bygge- og anleggsvirksomhet (CPV 45) –"), "{feed}");
}

#[test]
fn local_suppliers_and_the_agreements_with_them_have_lists_of_their_own() {
    let site = built_sample();
    let suppliers = main_of(&site.read("public/leverandorer/lokale/index.html")).to_string();
    let all = main_of(&site.read("public/leverandorer/index.html")).to_string();
    let rows = |html: &str| html.matches("<tr><td>").count();
    assert!(rows(&suppliers) > 0 && rows(&suppliers) < rows(&all));
    assert!(!suppliers.contains("<td>Nei</td>"), "only the local ones");
    assert!(all.contains("href=\"/leverandorer/lokale/\""));

    let list = site.read("public/rammeavtaler/index.html");
    assert!(list.contains("<h3>Leverandør</h3>") && list.contains("href=\"/rammeavtaler/lokale-leverandorer/\""));
    let local = main_of(&site.read("public/rammeavtaler/lokale-leverandorer/index.html")).to_string();
    // The IT operations in Numedal are run by a local supplier; the fuel agreement's is not local.
    assert!(local.contains("IT-driftstjenester for Numedalskommunene"), "{local}");
    assert!(!local.contains(">Drivstoff og firmakort<"));
    assert!(local.contains("med en leverandør fra regionen</h2>"));
    // A site without local suppliers has no such lists.
    let minimal = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    assert_eq!(minimal.run(&["build"]).code, 0);
    let has_local = minimal.read("content/leverandorer.yaml").contains("lokal: true");
    assert_eq!(minimal.path("public/leverandorer/lokale").exists(), has_local);
}
