//! Trust: what a public body must be sure of before it publishes. Hostile input in any field
//! never reaches an output as live markup or a live address; builds into one folder never
//! corrupt each other; what the generator says is in Norwegian.

use super::support::*;
use std::path::Path;

fn minimal() -> TestSite {
    TestSite::from_content(&project_dir().join("tests/fixtures/minimal"))
}

fn edit(site: &TestSite, rel: &str, from: &str, to: &str) {
    let text = site.read(rel);
    assert!(text.contains(from), "{rel} has no `{from}`");
    site.write(rel, &text.replacen(from, to, 1));
}

#[test]
fn a_diagnostic_on_a_very_long_line_shows_only_the_part_around_it() {
    let site = minimal();
    let long = "Kontorrekvisita og papir. ".repeat(340_000);
    edit(
        &site,
        "content/rammeavtaler/kontorrekvisita.md",
        "sammendrag: Kontorrekvisita og papir til alle kommunene.",
        &format!("sammendrag: \"{long}\": feil"),
    );
    let out = site.run(&["check"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("[E020]"), "{}", &out.stderr[..out.stderr.len().min(2000)]);
    assert!(out.stderr.len() < 4_000, "the message is {} bytes", out.stderr.len());
}

#[cfg(unix)]
#[test]
fn a_file_linked_from_outside_content_is_refused_like_a_document_linked_from_outside() {
    let site = minimal();
    let outside = site.path("utenfor.md");
    std::fs::write(&outside, "---\ntittel: Hemmelig\n---\nIkke publiser meg.\n").expect("write");
    std::os::unix::fs::symlink(&outside, site.path("content/sider/lenket.md")).expect("link");
    std::fs::write(site.path("hemmelig.pdf"), "hemmelig").expect("write");
    std::os::unix::fs::symlink(site.path("hemmelig.pdf"), site.path("content/dokumenter/lenket.pdf")).expect("link");
    let out = site.run(&["build"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("content/sider/lenket.md") && out.stderr.contains("[E010]"), "{}", out.stderr);
    assert!(out.stderr.contains("content/dokumenter/lenket.pdf"), "{}", out.stderr);
    assert!(!site.path("public").exists(), "nothing is published");
    // A link within content/ is fine, for pages and documents alike.
    std::fs::remove_file(site.path("content/sider/lenket.md")).expect("rm");
    std::fs::remove_file(site.path("content/dokumenter/lenket.pdf")).expect("rm");
    std::os::unix::fs::symlink("prisliste.txt", site.path("content/dokumenter/kopi.txt")).expect("link");
    assert_eq!(site.run(&["build"]).code, 0);
}

#[test]
fn two_names_that_look_alike_are_explained() {
    let site = minimal();
    let text = "---\ntittel: Årsplan\n---\nTekst.\n";
    site.write("content/sider/\u{c5}rsplan.md", text);
    site.write("content/sider/A\u{30a}rsplan.md", text);
    let out = site.run(&["check"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("[E091]") && out.stderr.contains("ser like ut"), "{}", out.stderr);
}

#[test]
fn names_with_calendar_syntax_stay_one_property() {
    let site = minimal();
    edit(&site, "content/nettsted.yaml", "    navn: Renhold\n", "    navn: \"Renhold; vask, og \\\\ annet\"\n");
    assert_eq!(site.run(&["build"]).code, 0);
    let text = site.read("public/kategorier/renhold/kalender.ics");
    assert!(text.contains("NAME:Innkjøpssamarbeidet i testregionen: Renhold\\; vask\\, og \\\\ annet\r\n"), "{text}");
    let calendars = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    for calendar in calendars {
        let calendar = calendar.expect("parses");
        let names: Vec<_> = calendar.properties.iter().filter(|p| p.name == "NAME").collect();
        assert_eq!(names.len(), 1);
        assert!(
            !calendar
                .properties
                .iter()
                .any(|p| p.name == "ATTENDEE" || p.name == "METHOD" && p.value.as_deref() != Some("PUBLISH"))
        );
    }
}

#[test]
fn a_base_url_is_read_as_an_address_and_written_escaped() {
    let site = minimal();
    edit(
        &site,
        "content/nettsted.yaml",
        "base_url: \"https://innkjop.example.no/\"",
        "base_url: 'HTTPS://Innkjop.Example.no/a\"b&c'",
    );
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains("<loc>https://innkjop.example.no/a%22b&amp;c/</loc>"), "{sitemap}");
    assert!(site.read("public/robots.txt").contains("Sitemap: https://innkjop.example.no/a%22b&c/sitemap.xml"));
    assert!(site.read("public/index.html").contains("href=\"/a%22b&amp;c/assets/site.css\""));
    let out = site.run(&["build", "--base-url", "https://"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("[E046]") && out.stderr.contains("--base-url"), "{}", out.stderr);
}

#[test]
fn a_second_build_into_the_same_folder_stops_with_a_message_and_the_site_stays_whole() {
    let site = minimal();
    assert_eq!(site.run(&["build"]).code, 0);
    let before = std::fs::read_to_string(site.path("public/index.html")).expect("page");
    // Another build holds the folder's lock.
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(site.path(".public.innkjop-las"))
        .expect("lock file");
    lock.try_lock().expect("locked");
    let out = site.run(&["build"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("[E102]") && out.stderr.contains("en annen bygging"), "{}", out.stderr);
    assert_eq!(site.read("public/index.html"), before);
    assert!(site.path("public/.innkjop-output").is_file(), "the marker is there");
    drop(lock);
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "the next build runs: {}", out.stderr);
    assert!(!site.path(".public.innkjop-las").exists(), "the lock is gone after the build");
}

#[test]
fn builds_started_together_leave_a_whole_marked_site() {
    let site = TestSite::sample();
    let runs: Vec<_> = (0..3)
        .map(|_| {
            std::process::Command::new(env!("CARGO_BIN_EXE_innkjop"))
                .current_dir(site.dir.path())
                .args(["build", "--today", TODAY])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("start")
        })
        .collect();
    for run in runs {
        let out = run.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() || stderr.contains("[E102]"), "{stderr}");
    }
    assert!(site.path("public/.innkjop-output").is_file(), "the marker is there");
    assert!(site.path("public/index.html").is_file());
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "later builds are not refused: {}", out.stderr);
}

#[test]
fn an_empty_planted_marker_does_not_make_a_folder_innkjops() {
    let site = minimal();
    std::fs::create_dir(site.path("public")).expect("mkdir");
    std::fs::write(site.path("public/.innkjop-output"), "").expect("marker");
    std::fs::write(site.path("public/viktig.txt"), "noen andres fil").expect("file");
    let out = site.run(&["build"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("[E100]"), "{}", out.stderr);
    assert_eq!(site.read("public/viktig.txt"), "noen andres fil");
}

#[test]
fn new_with_a_very_long_title_and_schema_over_a_file_speak_norwegian() {
    let site = minimal();
    let title = "Svært lang tittel om innkjøp ".repeat(11);
    let out = site.run(&["new", "side", &title]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let made = std::fs::read_dir(site.path("content/sider"))
        .expect("dir")
        .flatten()
        .map(|e| e.file_name())
        .find(|n| n.to_string_lossy().starts_with("svaert-lang-tittel"));
    assert!(made.is_some_and(|n| n.len() <= 84), "a short file name");
    std::fs::remove_dir_all(site.path("content/.skjema")).expect("rm");
    std::fs::write(site.path("content/.skjema"), "en fil").expect("file");
    let out = site.run(&["schema"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("er en fil, ikke en mappe"), "{}", out.stderr);
    assert!(super::broken_sites::english_in(&out.stderr).is_none(), "{}", out.stderr);
}

#[test]
fn check_in_json_gives_each_diagnostic_its_code() {
    let site = minimal();
    edit(&site, "content/rammeavtaler/kontorrekvisita.md", "gyldig_til:", "gyldig_tl:");
    let out = site.run(&["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let codes: Vec<&str> =
        json["errors"].as_array().expect("errors").iter().filter_map(|e| e["code"].as_str()).collect();
    assert!(codes.contains(&"E022"), "{codes:?}");
}

#[test]
fn a_document_is_checked_against_the_themes_own_files_too() {
    let site = minimal().with_theme_folder();
    site.write("themes/default/static/favicon.ico", "ikon");
    site.write("content/favicon.ico", "ikke et ikon");
    edit(&site, "content/rammeavtaler/kontorrekvisita.md", "fil: dokumenter/prisliste.txt", "fil: favicon.ico");
    let out = site.run(&["build"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("[E068]"), "{}", out.stderr);
    assert!(!Path::new(&site.path("public")).exists());
}

#[test]
fn an_image_from_another_site_gets_a_warning_since_the_pages_load_only_their_own_files() {
    let site = minimal();
    let page = site.read("content/sider/om-samarbeidet.md");
    site.write("content/sider/om-samarbeidet.md", &format!("{page}\n![Kart](https://kart.example.no/kart.png)\n"));
    let out = site.run(&["check"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("[W082]"), "{}", out.stderr);
}
