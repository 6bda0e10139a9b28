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
