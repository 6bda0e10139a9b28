//! The sample site: it builds, every page and link is there, and statuses are right for the build day.

use super::support::*;
use std::path::Path;

#[test]
fn builds_without_errors_and_points_to_the_preview_not_to_a_page_on_disk() {
    let site = TestSite::sample();
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("0 feil"), "{}", out.stderr);
    // The pages address their files from the site's root: opened from the disk they would
    // show without styles, so the build points to the preview and to a web server.
    assert!(out.stderr.contains("innkjop serve"), "{}", out.stderr);
    assert!(!out.stderr.contains("index.html"), "{}", out.stderr);
}

#[test]
fn every_page_type_exists() {
    let site = built_sample();
    for page in [
        "public/index.html",
        "public/rammeavtaler/index.html",
        "public/rammeavtaler/kontorrekvisita/index.html",
        "public/rammeavtaler/status/utloper_snart/index.html",
        "public/planlagte-innkjop/index.html",
        "public/kurs/index.html",
        "public/etiske-krav/index.html",
        "public/etiske-krav/antikorrupsjon/index.html",
        "public/kommuner/index.html",
        "public/kommuner/flesberg/index.html",
        "public/kategorier/index.html",
        "public/kategorier/renhold/index.html",
        "public/leverandorer/index.html",
        "public/om-samarbeidet/index.html",
        "public/404.html",
        "public/sitemap.xml",
        "public/robots.txt",
    ] {
        assert!(site.path(page).is_file(), "missing {page}");
    }
}

#[test]
fn every_internal_link_and_asset_resolves() {
    let site = built_sample();
    let root = site.path("public");
    let mut broken = Vec::new();
    let files = html_files(&root);
    assert!(files.len() > 100, "the sample has pages: {}", files.len());
    for file in files {
        let html = std::fs::read_to_string(root.join(&file)).expect("read");
        for target in attribute_values(&html, "href").into_iter().chain(attribute_values(&html, "src")) {
            if !target.starts_with('/') || target.starts_with("//") {
                continue;
            }
            let path = target.split(['#', '?']).next().unwrap_or("");
            let local = root.join(path.trim_start_matches('/'));
            let ok = if path.ends_with('/') { local.join("index.html").is_file() } else { local.is_file() };
            if !ok {
                broken.push(format!("{} -> {target}", file.display()));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn every_page_is_norwegian_with_one_h1_and_a_skip_link() {
    let site = built_sample();
    let root = site.path("public");
    for file in html_files(&root) {
        let html = std::fs::read_to_string(root.join(&file)).expect("read");
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nb\">"), "{}", file.display());
        assert_eq!(html.matches("<h1").count(), 1, "{} has not exactly one h1", file.display());
        assert!(html.contains("href=\"#innhold\""), "{}", file.display());
        assert!(html.contains("<main id=\"innhold\""), "{}", file.display());
        assert!(html.contains("Tilgjengelighetserklæring"), "{}", file.display());
    }
}

fn badge_of(site: &TestSite, slug: &str) -> String {
    let html = site.read(&format!("public/rammeavtaler/{slug}/index.html"));
    let start = html.find("<span class=\"status status-").expect("badge");
    let rest = &html[start..];
    rest[..rest.find("</span>").expect("end")].to_string()
}

#[test]
fn statuses_follow_the_build_day_in_words_and_data() {
    let site = built_sample();
    let cases = [
        ("skole-og-barnehagemobler", "status-kommende", "Kommende"),
        ("kontorrekvisita", "status-aktiv", "Aktiv"),
        ("medisinsk-forbruksmateriell", "status-utloper_snart", "Utløper snart"),
        ("kopimaskiner", "status-utlopt", "Utløpt"),
        ("vikartjenester-helse", "status-hevet", "Hevet"),
        ("tolketjenester", "status-avsluttet", "Avsluttet"),
        // Terminated, but in force until the day before `avsluttet_fra`, 2027-03-01.
        ("drosje-og-persontransport", "status-utloper_snart", "Utløper snart"),
    ];
    for (slug, class, word) in cases {
        let badge = badge_of(site, slug);
        assert!(badge.contains(class) && badge.ends_with(word), "{slug}: {badge}");
    }
    // Computed badges carry the dates the script needs; ended ones do not; one that ends
    // later says how, so the script shows «Oppsagt» once the day has come.
    assert!(badge_of(site, "kontorrekvisita").contains("data-slutt=\"2027-08-31\""));
    assert!(!badge_of(site, "vikartjenester-helse").contains("data-slutt"));
    let drosje = badge_of(site, "drosje-og-persontransport");
    assert!(drosje.contains("data-slutt=\"2027-02-28\"") && drosje.contains("data-avsluttet=\"oppsagt\""), "{drosje}");
    let page = site.read("public/rammeavtaler/drosje-og-persontransport/index.html");
    assert!(page.contains("Oppsagt, slutter <time datetime=\"2027-03-01\">1. mars 2027</time>"), "{page}");
    let data: serde_json::Value = serde_json::from_str(&site.read("public/data/rammeavtaler.json")).expect("json");
    let row =
        data.as_array().and_then(|rows| rows.iter().find(|r| r["id"] == "drosje-og-persontransport")).expect("row");
    assert_eq!(row["gjeldende_slutt"], "2027-02-28");
    assert_eq!(row["avsluttet"], "oppsagt");
    assert_eq!(row["avsluttet_fra"], "2027-03-01");
    assert_eq!(row["status"], "utloper_snart");
}

#[test]
fn agreement_page_shows_norwegian_dates_options_documents_and_retender() {
    let site = built_sample();
    let html = site.read("public/rammeavtaler/medisinsk-forbruksmateriell/index.html");
    assert!(html.contains("En opsjon kan fortsatt forlenge den."), "expiring notice");
    assert!(html.contains("ikke utløst"));
    let kontor = site.read("public/rammeavtaler/kontorrekvisita/index.html");
    assert!(kontor.contains("1. september 2025"), "long Norwegian date");
    assert!(kontor.contains("(CSV, "), "document with its type and size");
    assert!(site.path("public/dokumenter/kontorrekvisita-prisliste.csv").is_file(), "document copied");
}

#[test]
fn planned_purchases_group_by_quarter_with_amounts_and_thresholds() {
    let site = built_sample();
    let list = site.read("public/planlagte-innkjop/index.html");
    assert!(list.contains("kvartal 2027"), "grouped by quarter");
    assert!(list.contains("Vis de tildelte og avlyste konkurransene"), "the done ones, folded");
    assert!(list.contains("\u{a0}000\u{a0}kr"), "amount with non-breaking spaces");
    let any_page = html_files(&site.path("public/planlagte-innkjop"))
        .into_iter()
        .filter(|p| p.components().count() == 2)
        .map(|p| std::fs::read_to_string(site.path("public/planlagte-innkjop").join(p)).expect("read"))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(any_page.contains("Over EØS-terskelverdi: kunngjøres i Doffin og TED"));
    assert!(any_page.contains("Under nasjonal terskelverdi"));
    assert!(any_page.contains("Ukjent (verdien er ikke anslått)"));
}

#[test]
fn municipality_pages_include_agreements_for_all() {
    let site = built_sample();
    let flesberg = site.read("public/kommuner/flesberg/index.html");
    // kontorrekvisita is for `alle`
    assert!(flesberg.contains("/rammeavtaler/kontorrekvisita/"));
}

#[test]
fn requirement_pages_list_the_agreements_that_use_them() {
    let site = built_sample();
    let html = site.read("public/etiske-krav/antikorrupsjon/index.html");
    assert!(main_of(&html).contains("/rammeavtaler/"), "back-links to agreements");
}

#[test]
fn sitemap_lists_pages_with_the_base_url() {
    let site = built_sample();
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains("<loc>https://innkjop.kongsbergregionen.no/rammeavtaler/kontorrekvisita/</loc>"));
    assert!(!sitemap.contains("404"));
    assert!(site.read("public/robots.txt").contains("Sitemap: https://innkjop.kongsbergregionen.no/sitemap.xml"));
}

#[test]
fn cpv_names_come_from_the_sites_cpv_list() {
    let site = TestSite::sample();
    let list = project_dir().join("../shared/data/eforms-nor/cpv.yaml");
    if !list.is_file() {
        panic!("the shared CPV list is missing at {}", list.display());
    }
    let settings = site.read("content/nettsted.yaml");
    site.write(
        "content/nettsted.yaml",
        &format!("{settings}\ncpv_liste: {}\n", list.canonicalize().expect("abs").display()),
    );
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let pages: String = html_files(&site.path("public/planlagte-innkjop"))
        .into_iter()
        .map(|p| std::fs::read_to_string(site.path("public/planlagte-innkjop").join(p)).expect("read"))
        .collect();
    assert!(pages.contains("<li>09134100 "), "padded CPV code with its name");
    let _ = Path::new("");
}

#[test]
fn what_a_purchase_says_about_announcement_follows_its_type_value_date_and_procedure() {
    let site = built_sample();
    let said = |slug: &str| {
        let html = site.read(&format!("public/planlagte-innkjop/{slug}/index.html"));
        let start = html.find("<dt>Terskelverdi</dt><dd>").expect("threshold") + 25;
        html[start..].split("</dd>").next().unwrap_or_default().to_string()
    };
    // Occupational health services at 1 800 000 kr: a special service, below its EEA threshold.
    let health = said("bedriftshelsetjeneste-2026");
    assert!(health.contains("Særlige tjenester") && !health.contains("kunngjøres i Doffin"), "{health}");
    // A mini-competition is a call-off under a framework agreement.
    let call_off = said("elektroarbeid-tinn-radhus");
    assert!(call_off.contains("avrop") && !call_off.contains("kunngjøres i Doffin"), "{call_off}");
    // 180 000 kr, announced after the law's lower limit went up to 500 000 kr.
    assert!(said("kursholder-innkjopskurs").contains("anskaffelsesloven gjelder ikke"));
    let data: serde_json::Value = serde_json::from_str(&site.read("public/data/planlagte-innkjop.json")).expect("json");
    let class = |slug: &str| {
        data.as_array().and_then(|r| r.iter().find(|p| p["id"] == slug)).map(|p| p["terskelklasse"].clone())
    };
    assert_eq!(class("bedriftshelsetjeneste-2026"), Some("saerlige_under_eos".into()));
    assert_eq!(class("kursholder-innkjopskurs"), Some("under_nedre_grense".into()));
}

#[test]
fn before_the_first_threshold_in_force_the_class_is_unknown() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    let file = "content/planlagte-innkjop/kontorrekvisita-2028.md";
    let text = site.read(file);
    site.write(
        file,
        &text
            .replace("kunngjoring: 2027-Q2", "kunngjoring: 2023-Q2")
            .replace("anslatt_verdi: 2500000", "anslatt_verdi: 200000"),
    );
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let html = site.read("public/planlagte-innkjop/kontorrekvisita-2028/index.html");
    assert!(html.contains("Ukjent (ingen terskelverdi gjelder på datoen som avgjør)"), "{html}");
    assert!(!html.contains("Under nasjonal terskelverdi"));
}

#[test]
fn a_card_partial_may_use_the_values_of_the_page_it_is_on() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal")).with_theme_folder();
    let card = "themes/default/templates/partials/agreement-card.html";
    let text = site.read(card);
    site.write(card, &text.replacen("<li class=\"card\">", "<li class=\"card\" data-side=\"{{ page.title }}\">", 1));
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(site.read("public/rammeavtaler/index.html").contains("data-side=\"Rammeavtaler\""));
    assert!(site.read("public/kommuner/flesberg/index.html").contains("data-side=\"Flesberg kommune\""));
}
