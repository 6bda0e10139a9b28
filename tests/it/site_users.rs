//! The published site as its users meet it: what comes first, what is said about the past, and
//! what `check` advises (each case failed before its fix).

use super::support::*;

/// The minimal site with a second course: all day, in June, after the timed one in January.
fn with_an_all_day_course_in_june() -> TestSite {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    let january = site.read("content/kurs/grunnkurs.md");
    let june = january
        .replace("tittel: Grunnkurs i offentlige anskaffelser", "tittel: Fagdag om klimakrav")
        .replace("start: 2027-01-20T09:00", "start: 2027-06-10")
        .replace("slutt: 2027-01-20T15:30\n", "")
        .replace("frist: 2027-01-10", "frist: 2027-06-01");
    site.write("content/kurs/fagdag.md", &june);
    site
}

#[test]
fn courses_come_in_the_order_they_are_held_whether_all_day_or_timed() {
    let site = with_an_all_day_course_in_june();
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for page in ["public/kurs/index.html", "public/index.html"] {
        let html = site.read(page);
        let january = html.find("Grunnkurs i offentlige anskaffelser").expect("the January course");
        let june = html.find("Fagdag om klimakrav").expect("the June course");
        assert!(january < june, "{page}: January before June");
    }
}

fn minimal() -> TestSite {
    TestSite::from_content(&project_dir().join("tests/fixtures/minimal"))
}

/// `innkjop build` for the given day.
fn build_on(site: &TestSite, day: &str) {
    let out = innkjop().current_dir(site.dir.path()).args(["build", "--today", day]).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn an_expired_agreement_is_never_said_to_be_extendable() {
    let site = minimal();
    // In force on 2027-06-01 with an open option; expired on 2028-01-15 (the option was never
    // exercised, and a new tender is planned).
    build_on(&site, "2027-06-01");
    assert!(site.read("public/rammeavtaler/index.html").contains("(kan forlenges)"));
    build_on(&site, "2028-01-15");
    let list = site.read("public/rammeavtaler/index.html");
    let page = site.read("public/rammeavtaler/kontorrekvisita/index.html");
    assert!(!list.contains("kan forlenges"), "the list");
    assert!(!page.contains("med alle opsjoner"), "the page");
}

#[test]
fn an_announcement_date_is_tentative_only_until_the_tender_is_announced_and_flagged_when_passed() {
    let site = minimal();
    let file = "content/planlagte-innkjop/kontorrekvisita-2028.md";
    let planned = site.read(file);
    build_on(&site, "2027-01-15");
    let page =
        |site: &TestSite| main_of(&site.read("public/planlagte-innkjop/kontorrekvisita-2028/index.html")).to_string();
    assert!(page(&site).contains("(foreløpig)"));
    assert!(!page(&site).contains("datoen er passert"));
    // The quarter has passed and the tender is still planned: said on the page and the list.
    build_on(&site, "2027-07-15");
    assert!(page(&site).contains("datoen er passert, men konkurransen er ikke kunngjort ennå"));
    assert!(site.read("public/planlagte-innkjop/index.html").contains("datoen er passert"));
    // Announced: the date is what it was, neither tentative nor overdue.
    site.write(file, &planned.replace("status: planlagt", "status: kunngjort"));
    build_on(&site, "2027-07-15");
    assert!(!page(&site).contains("(foreløpig)"), "{}", page(&site));
    assert!(!page(&site).contains("datoen er passert"));
    let feed = site.read("public/planlagte-innkjop/atom.xml");
    assert!(!feed.contains("foreløpig"), "the feed says the same");
}

#[test]
fn an_agreement_that_no_longer_applies_says_so_first_and_links_what_replaces_it() {
    let site = minimal();
    build_on(&site, "2028-01-15");
    let page = |site: &TestSite| main_of(&site.read("public/rammeavtaler/kontorrekvisita/index.html")).to_string();
    let html = page(&site);
    let notice = html.find("Avtalen gjelder ikke lenger").expect("the notice");
    assert!(notice < html.find("<dl").expect("the facts"), "the notice comes before the facts");
    assert!(html.contains("Den utløp <time datetime=\"2027-12-31\">31. desember 2027</time>"));
    assert!(html.contains("En ny konkurranse er planlagt: <a href=\"/planlagte-innkjop/kontorrekvisita-2028/\""));
    assert!(html.contains("<dt>Gjaldt til</dt>") && !html.contains("Gjelder nå til"));
    // The tender is awarded, and its result is the new agreement: the old one links to it.
    let agreement = site.read("content/rammeavtaler/kontorrekvisita.md");
    site.write(
        "content/rammeavtaler/kontorrekvisita-2028.md",
        &agreement
            .replace("tittel: Kontorrekvisita", "tittel: Kontorrekvisita 2028")
            .replace("gyldig_fra: 2025-03-01", "gyldig_fra: 2028-01-01")
            .replace("gyldig_til: 2027-12-31", "gyldig_til: 2029-12-31")
            .replace("  - til: 2028-12-31", "  - til: 2030-12-31"),
    );
    let purchase = site.read("content/planlagte-innkjop/kontorrekvisita-2028.md");
    site.write(
        "content/planlagte-innkjop/kontorrekvisita-2028.md",
        &purchase.replace("status: planlagt", "status: tildelt\nresultat: kontorrekvisita-2028"),
    );
    build_on(&site, "2028-01-15");
    let html = page(&site);
    assert!(
        html.contains("Den er erstattet av <a href=\"/rammeavtaler/kontorrekvisita-2028/\">Kontorrekvisita 2028</a>"),
        "{html}"
    );
    // In force, the page has no such notice.
    build_on(&site, "2027-06-01");
    assert!(!page(&site).contains("gjelder ikke lenger"));
}

/// The cards' titles in a piece of HTML, in order.
fn card_titles(html: &str) -> Vec<String> {
    html.split("<h3 class=\"card-title\"><a href=\"")
        .skip(1)
        .filter_map(|rest| rest.split_once("\">").and_then(|(_, t)| t.split_once("</a>")).map(|(t, _)| t.to_string()))
        .collect()
}

#[test]
fn the_tender_list_starts_with_what_is_open_and_folds_what_is_done() {
    let site = built_sample();
    let html = main_of(&site.read("public/planlagte-innkjop/index.html")).to_string();
    let open = html.find("Nå ute på anbud").expect("open first");
    let coming = html.find(">Kommer<").expect("then coming");
    let done = html.find(">Avsluttet (").expect("then done");
    assert!(open < coming && coming < done);
    // Every open card is an announced tender whose deadline has not passed.
    let open_cards = card_titles(&html[open..coming]);
    assert!(!open_cards.is_empty(), "the sample has a tender out now");
    for title in &open_cards {
        let page = site.read(&format!("public/planlagte-innkjop/{}/index.html", slug_of(&html, title)));
        assert!(page.contains("status-kunngjort"), "{title} is announced");
    }
    assert!(html[done..].contains("<details>"), "done is folded");
    // The subscription box is above the first card.
    assert!(html.find("planlagte-innkjop/varsler/").expect("the alerts link") < open);
}

/// The slug of the card titled `title` in `html`.
fn slug_of(html: &str, title: &str) -> String {
    let at = html.find(&format!("\">{title}</a>")).expect("card");
    let start = html[..at].rfind("/planlagte-innkjop/").expect("link") + "/planlagte-innkjop/".len();
    html[start..at].trim_end_matches('/').to_string()
}

#[test]
fn the_tender_filters_are_pages_that_keep_only_what_they_name() {
    let site = built_sample();
    let list = site.read("public/planlagte-innkjop/index.html");
    for (facet, wanted) in [("status", "status-kunngjort"), ("status", "status-planlagt")] {
        let key = wanted.trim_start_matches("status-");
        let url = format!("/planlagte-innkjop/{facet}/{key}/");
        assert!(list.contains(&format!("href=\"{url}\"")), "the list links {url}");
        let page = main_of(&site.read(&format!("public{url}index.html"))).to_string();
        let cards = page.matches("class=\"card\"").count();
        assert!(cards > 0, "{url} lists something");
        assert_eq!(page.matches(wanted).count(), cards, "{url} lists only {key}");
    }
    // The municipality filter leads to the municipality's own page, to its planned purchases.
    assert!(list.contains("href=\"/kommuner/rollag/#s-innkjop\""));
    let rollag = main_of(&site.read("public/kommuner/rollag/index.html")).to_string();
    let purchases = &rollag[rollag.find("id=\"s-innkjop\"").expect("its planned purchases")..];
    assert!(!card_titles(purchases).is_empty());
    assert!(!purchases.contains("<dd>Kongsberg kommune</dd>"), "no purchase only for another municipality");
}

#[test]
fn a_supplier_finds_how_to_subscribe_with_addresses_to_copy() {
    let site = built_sample();
    let page = site.read("public/planlagte-innkjop/varsler/index.html");
    let base = "https://innkjop.kongsbergregionen.no/";
    assert!(page.contains(&format!("readonly value=\"{base}kalender.ics\"")), "a calendar address to copy");
    assert!(page.contains("href=\"webcal://innkjop.kongsbergregionen.no/kalender.ics\""), "a webcal link");
    assert!(page.contains(&format!("readonly value=\"{base}planlagte-innkjop/atom.xml\"")), "a feed address to copy");
    for (from, what) in [
        ("public/planlagte-innkjop/index.html", "the tender list"),
        ("public/planlagte-innkjop/bedriftshelsetjeneste-2026/index.html", "a planned purchase"),
        ("public/kategorier/renhold/index.html", "a category"),
    ] {
        assert!(site.read(from).contains("/planlagte-innkjop/varsler/"), "{what} links the alerts page");
    }
    let category = site.read("public/kategorier/renhold/index.html");
    assert!(category.contains("/kategorier/renhold/atom.xml") && category.contains("/kategorier/renhold/kalender.ics"));
    // A feed opened in a browser reads as a page.
    let feed = site.read("public/planlagte-innkjop/atom.xml");
    assert!(feed.contains("<?xml-stylesheet type=\"text/css\" href=\"/assets/feed.css\"?>"));
    assert!(site.path("public/assets/feed.css").is_file());
}

#[test]
fn a_supplier_is_led_to_the_e_tendering_tool_where_tenders_are_delivered() {
    let site = built_sample();
    for page in ["public/leverandorer/index.html", "public/leverandorer/numedal-kontorservice/index.html"] {
        let html = site.read(page);
        assert!(
            html.contains("<a href=\"https://kgv.example.no/kongsbergregionen\">Konkurranseverktøyet</a>"),
            "{page} links the e-tendering tool"
        );
    }
    let minimal = minimal();
    build_on(&minimal, TODAY);
    assert!(!minimal.read("public/leverandorer/index.html").contains("Konkurranseverktøyet"), "only when given");
}

#[test]
fn a_purchaser_reads_how_to_order_and_the_open_data_says_it_too() {
    let site = built_sample();
    let page = main_of(&site.read("public/rammeavtaler/anskaffelsesfaglig-radgivning/index.html")).to_string();
    let ordering = page[page.find("Slik bestiller du").expect("the ordering section")..].replace('\u{a0}', " ");
    assert!(ordering.contains("Under 200 000 kr uten mva. bestiller du direkte fra avtalen."), "{ordering}");
    let page = main_of(&site.read("public/rammeavtaler/kontorrekvisita/index.html")).to_string();
    assert!(page.contains("Du bestiller direkte fra avtalen."));
    assert!(page.contains("href=\"https://handel.example.no/katalog/kontorrekvisita-kbr\">Avtalens katalog"));
    let data = site.read("public/data/rammeavtaler.json");
    assert!(
        data.contains("\"avrop\": \"direkte_og_minikonkurranse\"") && data.contains("\"avrop_grense\": 200000"),
        "{data}"
    );
    assert!(
        site.read("public/data/rammeavtaler.csv")
            .lines()
            .next()
            .unwrap_or_default()
            .contains("avrop;avrop_grense;katalog")
    );

    // The list filters by it, with a page per way of ordering in use.
    let list = site.read("public/rammeavtaler/index.html");
    assert!(list.contains("<h3>Slik bestilles det</h3>") && list.contains("href=\"/rammeavtaler/avrop/direkte/\""));
    let direct = main_of(&site.read("public/rammeavtaler/avrop/direkte/index.html")).to_string();
    assert!(direct.contains("Kontorrekvisita og papir") && !direct.contains("Anskaffelsesfaglig"), "{direct}");
    assert!(!site.path("public/rammeavtaler/avrop/minikonkurranse").exists(), "no page for a way no agreement uses");
    let minimal = minimal();
    build_on(&minimal, TODAY);
    assert!(!minimal.read("public/rammeavtaler/index.html").contains("Slik bestilles det"), "a v1 site is as before");

    let broken = TestSite::sample();
    let file = "content/rammeavtaler/anskaffelsesfaglig-radgivning.md";
    broken.write(file, &broken.read(file).replace("avrop_grense: 200000\n", ""));
    let out = broken.run(&["check"]);
    assert_ne!(out.code, 0);
    assert!(out.stderr.contains("mangler beløpsgrensen `avrop_grense`"), "{}", out.stderr);
}

#[test]
fn a_municipality_page_says_whom_to_ask_and_where_invoices_go() {
    let site = built_sample();
    let html = main_of(&site.read("public/kommuner/flesberg/index.html")).to_string();
    let section = &html[html.find("Kontakt og fakturering").expect("the contact section")..];
    assert!(section.contains("Ingrid Lie") && section.contains("href=\"tel:+4732005010\""), "{section}");
    assert!(section.contains("<dt>Organisasjonsnummer</dt><dd>940000106</dd>"), "{section}");
    assert!(section.contains("<dt>Fakturaadresse (EHF)</dt><dd>0192:940000106</dd>"), "{section}");
    // A municipality without them has no empty section.
    assert!(!site.read("public/kommuner/rollag/index.html").contains("Kontakt og fakturering"));

    let broken = TestSite::sample();
    let settings = broken.read("content/nettsted.yaml");
    broken.write("content/nettsted.yaml", &settings.replace("orgnr: \"940000106\"", "orgnr: \"940000107\""));
    let out = broken.run(&["check"]);
    assert_ne!(out.code, 0);
    assert!(out.stderr.contains("organisasjonsnummeret `940000107` har feil kontrollsiffer"), "{}", out.stderr);
    assert!(out.stderr.contains("kommuner[0].orgnr"), "{}", out.stderr);
}

#[test]
fn a_municipality_page_shows_what_applies_there_now_first() {
    let site = built_sample();
    let html = main_of(&site.read("public/kommuner/rollag/index.html")).to_string();
    let current = html.find("Avtaler som gjelder nå (").expect("in force first");
    let ended = html.find("<summary>Utløpte og avsluttede (").expect("ended folded");
    assert!(current < ended);
    for status in ["status-utlopt\"", "status-oppsagt\"", "status-hevet\"", "status-avsluttet\""] {
        assert!(!html[current..ended].contains(status), "{status} is not among those in force");
    }
    assert!(html.contains("href=\"#s-innkjop\""), "a jump link to the planned purchases");
    let open = html.find("Nå ute på anbud").expect("the purchases start with what is open");
    assert!(open < html.find(">Kommer<").expect("coming"));
    // The filters are scoped to Rollag: a status page lists only Rollag's agreements.
    assert!(html.contains("href=\"/kommuner/rollag/status/aktiv/\""));
    let active = main_of(&site.read("public/kommuner/rollag/status/aktiv/index.html")).to_string();
    let cards = active.matches("class=\"card\"").count();
    assert!(cards > 0 && active.matches("status-aktiv\"").count() == cards);
    let link = html.split("href=\"/kommuner/rollag/status/aktiv/\"").nth(1).expect("link");
    let count: usize =
        link.split("(").nth(1).and_then(|c| c.split(')').next()).and_then(|c| c.parse().ok()).expect("count");
    assert_eq!(count, cards, "the count on the filter is what the page lists");
}

#[test]
fn each_page_says_when_its_content_last_changed_from_git_when_there_is_history() {
    let site = minimal();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .current_dir(site.dir.path())
            .args(["-c", "user.name=Koordinator", "-c", "user.email=k@example.no"])
            .args(args)
            .env("GIT_COMMITTER_DATE", "2026-01-02T10:00:00+01:00")
            .env("GIT_AUTHOR_DATE", "2026-01-02T10:00:00+01:00")
            .output()
            .expect("git");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    git(&["init", "-q"]);
    git(&["add", "content"]);
    git(&["commit", "-q", "-m", "Innhold"]);
    // A fresh checkout gives every file today's time; the history says when it changed.
    build_on(&site, "2026-11-26");
    let page = site.read("public/rammeavtaler/kontorrekvisita/index.html");
    assert!(
        page.contains("sist endret <time datetime=\"2026-01-02\">2. januar 2026</time>"),
        "{}",
        &page[page.len() - 1500..]
    );
    let feed = site.read("public/planlagte-innkjop/atom.xml");
    assert!(feed.contains("<updated>2026-01-02T10:00:00+01:00</updated>"), "{feed}");
    // An edit not yet committed is dated by the file: the build day here.
    let file = "content/planlagte-innkjop/kontorrekvisita-2028.md";
    site.write(file, &site.read(file).replace("Vi planlegger", "Vi har planlagt"));
    build_on(&site, "2026-11-26");
    let page = site.read("public/planlagte-innkjop/kontorrekvisita-2028/index.html");
    assert!(!page.contains("2. januar 2026</time>"), "the edited file is not dated by its last commit");
    assert!(site.read("public/rammeavtaler/kontorrekvisita/index.html").contains("2. januar 2026</time>"));
}

#[test]
fn a_free_page_marked_for_the_header_menu_is_in_it_on_every_page() {
    let site = minimal();
    let file = "content/sider/om-samarbeidet.md";
    let page = site.read(file);
    build_on(&site, "2026-11-26");
    let header = |site: &TestSite| {
        let html = site.read("public/kurs/index.html");
        html.split("class=\"main-nav\"").nth(1).and_then(|h| h.split("</nav>").next()).unwrap_or_default().to_string()
    };
    assert!(!header(&site).contains("/om-samarbeidet/"));
    site.write(file, &page.replacen("---\n", "---\nhovedmeny: true\n", 1));
    build_on(&site, "2026-11-26");
    assert!(header(&site).contains("<a href=\"/om-samarbeidet/\">"), "{}", header(&site));
}

#[test]
fn a_planned_purchase_lists_its_ethical_requirements_and_an_unknown_one_is_an_error() {
    let site = minimal();
    let file = "content/planlagte-innkjop/kontorrekvisita-2028.md";
    let text = site.read(file);
    site.write(file, &text.replacen("kategori: kontor\n", "kategori: kontor\netiske_krav:\n  - klima-og-miljo\n", 1));
    build_on(&site, "2026-11-26");
    let page = main_of(&site.read("public/planlagte-innkjop/kontorrekvisita-2028/index.html")).to_string();
    assert!(page.contains("Etiske krav i konkurransen") && page.contains("href=\"/etiske-krav/klima-og-miljo/\""));
    site.write(file, &text.replacen("kategori: kontor\n", "kategori: kontor\netiske_krav:\n  - klima\n", 1));
    let out = site.run(&["check"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("mente du `klima-og-miljo`?"), "{}", out.stderr);
}

#[test]
fn supplier_pages_show_a_supplier_the_ways_in() {
    let site = built_sample();
    let first = html_files(&site.path("public/leverandorer"))
        .into_iter()
        .find(|p| p.components().count() == 2)
        .expect("a supplier page");
    for page in ["public/leverandorer/index.html".to_string(), format!("public/leverandorer/{}", first.display())] {
        let html = main_of(&site.read(&page)).to_string();
        for link in [
            "/planlagte-innkjop/\"",
            "/planlagte-innkjop/varsler/\"",
            "/etiske-krav/\"",
            "https://www.doffin.no/\"",
            "/bli-leverandor/\"",
        ] {
            assert!(html.contains(&format!("href=\"{link}")), "{page} links {link}");
        }
    }
}
