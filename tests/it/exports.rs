//! Feeds, calendars, open data, OCDS and the timeline: every file the sample site exports is
//! read back with a parser other than the crate that wrote it, and its facts are checked
//! against the content.

mod data;
mod ocds;

use super::support::*;
use std::collections::HashSet;

/// How many content files a section has.
pub fn count(section: &str) -> usize {
    std::fs::read_dir(project_dir().join("content").join(section))
        .expect("section")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md" || x == "yaml"))
        .count()
}

/// The ids of the sample's categories.
pub fn categories() -> Vec<String> {
    let text = std::fs::read_to_string(project_dir().join("content/nettsted.yaml")).expect("settings");
    let start = text.find("kategorier:").expect("kategorier");
    text[start..]
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with(' ') || l.is_empty())
        .filter_map(|l| l.trim().strip_prefix("- id: "))
        .map(str::to_string)
        .collect()
}

fn atom(rel: &str) -> feed_rs::model::Feed {
    let bytes = std::fs::read(built_sample().path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    feed_rs::parser::parse(bytes.as_slice()).unwrap_or_else(|e| panic!("{rel} is not a valid feed: {e}"))
}

#[test]
fn the_pipeline_feed_has_every_planned_purchase_with_its_deadline() {
    let feed = atom("public/planlagte-innkjop/atom.xml");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(feed.id, "https://innkjop.kongsbergregionen.no/planlagte-innkjop/atom.xml");
    assert_eq!(feed.entries.len(), count("planlagte-innkjop"));
    let ids: HashSet<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), feed.entries.len(), "entry ids are unique");
    let entry = feed
        .entries
        .iter()
        .find(|e| e.id == "https://innkjop.kongsbergregionen.no/planlagte-innkjop/mobiltelefoni-og-datakommunikasjon/")
        .expect("a known purchase");
    let title = &entry.title.as_ref().expect("title").content;
    assert!(title.contains("Mobiltelefoni og datakommunikasjon") && title.contains("kunngjort"), "{title}");
    let body = entry.content.as_ref().and_then(|c| c.body.clone()).expect("content");
    assert!(body.contains("Tilbudsfrist: 14. desember 2026 kl. 12.00"), "{body}");
    assert!(body.contains("6\u{a0}500\u{a0}000\u{a0}kr"), "{body}");
    // The files were copied after the build day: every entry is dated no later than its end.
    let end = chrono::DateTime::parse_from_rfc3339("2026-11-26T23:59:59+01:00").expect("time");
    assert!(feed.entries.iter().all(|e| e.updated.is_some_and(|u| u <= end)), "no entry after the build day");
    let newest = feed.entries.iter().filter_map(|e| e.updated).max();
    assert_eq!(feed.updated, newest, "the feed is as new as its newest entry");
}

#[test]
fn an_entry_is_dated_when_its_file_changed() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    let file = site.path("content/planlagte-innkjop/kontorrekvisita-2028.md");
    let changed = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_794_744_000); // 2026-11-15T12:00:00Z
    std::fs::File::options().write(true).open(&file).and_then(|f| f.set_modified(changed)).expect("time");
    assert_eq!(site.run(&["build"]).code, 0);
    let bytes = std::fs::read(site.path("public/planlagte-innkjop/atom.xml")).expect("feed");
    let feed = feed_rs::parser::parse(bytes.as_slice()).expect("feed");
    let updated = feed.entries[0].updated.expect("updated");
    assert_eq!(updated.to_rfc3339(), "2026-11-15T12:00:00+00:00");
}

#[test]
fn every_category_has_a_feed_and_together_they_hold_the_pipeline() {
    let mut total = 0;
    for id in categories() {
        let feed = atom(&format!("public/kategorier/{id}/atom.xml"));
        for e in &feed.entries {
            let term = e.categories.first().map(|c| c.term.as_str());
            assert_eq!(term, Some(id.as_str()), "{} in the feed of {id}", e.id);
        }
        total += feed.entries.len();
    }
    assert_eq!(total, count("planlagte-innkjop"));
    let list = built_sample().read("public/planlagte-innkjop/index.html");
    assert!(list.contains(r#"<link rel="alternate" type="application/atom+xml" href="/planlagte-innkjop/atom.xml""#));
    assert!(list.contains(r#"href="/kategorier/renhold/atom.xml""#));
}

fn ical(rel: &str) -> ical::parser::ical::component::IcalCalendar {
    let text = built_sample().read(rel);
    for line in text.split_inclusive('\n') {
        assert!(line.ends_with("\r\n"), "{rel}: a line without CRLF: {line:?}");
        assert!(line.len() <= 77, "{rel}: a line longer than 75 octets: {line:?}");
    }
    let mut parser = ical::IcalParser::new(text.as_bytes());
    let calendar = parser.next().expect("a calendar").unwrap_or_else(|e| panic!("{rel}: {e}"));
    assert!(parser.next().is_none(), "{rel}: one calendar per file");
    calendar
}

fn prop<'a>(properties: &'a [ical::property::Property], name: &str) -> Option<&'a ical::property::Property> {
    properties.iter().find(|p| p.name == name)
}

fn value<'a>(properties: &'a [ical::property::Property], name: &str) -> &'a str {
    prop(properties, name).and_then(|p| p.value.as_deref()).unwrap_or_default()
}

fn param(p: &ical::property::Property, name: &str) -> Option<String> {
    p.params.as_ref()?.iter().find(|(k, _)| k == name).and_then(|(_, v)| v.first().cloned())
}

fn event<'a>(cal: &'a ical::parser::ical::component::IcalCalendar, uid: &str) -> &'a [ical::property::Property] {
    &cal.events
        .iter()
        .find(|e| value(&e.properties, "UID") == uid)
        .unwrap_or_else(|| panic!("no event {uid}"))
        .properties
}

#[test]
fn the_calendar_has_courses_deadlines_and_announcements_in_oslo_time() {
    let cal = ical("public/kalender.ics");
    let tz = cal.timezones.first().expect("a VTIMEZONE");
    assert_eq!(value(&tz.properties, "TZID"), "Europe/Oslo");
    let names: Vec<String> = tz.transitions.iter().map(|t| value(&t.properties, "TZNAME").to_string()).collect();
    assert!(names.contains(&"CET".to_string()) && names.contains(&"CEST".to_string()), "{names:?}");
    let uids: HashSet<&str> = cal.events.iter().map(|e| value(&e.properties, "UID")).collect();
    assert_eq!(uids.len(), cal.events.len(), "UIDs are unique");
    for e in &cal.events {
        assert_eq!(value(&e.properties, "DTSTAMP"), "20261125T230000Z", "DTSTAMP is the build day, never the clock");
    }

    let course = event(&cal, "kurs-grunnkurs-offentlige-anskaffelser@innkjop.kongsbergregionen.no");
    let start = prop(course, "DTSTART").expect("DTSTART");
    assert_eq!(start.value.as_deref(), Some("20270120T090000"));
    assert_eq!(param(start, "TZID").as_deref(), Some("Europe/Oslo"));
    assert_eq!(value(course, "DTEND"), "20270120T153000");
    assert!(value(course, "LOCATION").contains("Kongsberg rådhus"));

    let deadline = event(&cal, "tilbudsfrist-mobiltelefoni-og-datakommunikasjon@innkjop.kongsbergregionen.no");
    let start = prop(deadline, "DTSTART").expect("DTSTART");
    assert_eq!(start.value.as_deref(), Some("20261214T120000"));
    assert_eq!(param(start, "TZID").as_deref(), Some("Europe/Oslo"));

    // Announced "2027-Q3": an all-day event on 1 July, tentative.
    let planned = event(&cal, "kunngjoring-medisinsk-forbruksmateriell-2028@innkjop.kongsbergregionen.no");
    let start = prop(planned, "DTSTART").expect("DTSTART");
    assert_eq!(start.value.as_deref(), Some("20270701"));
    assert_eq!(param(start, "VALUE").as_deref(), Some("DATE"));
    assert_eq!(value(planned, "DTEND"), "20270702");
    assert_eq!(value(planned, "STATUS"), "TENTATIVE");
    assert!(value(planned, "SUMMARY").contains("3. kvartal 2027"));

    let courses = count("kurs");
    let deadlines = cal.events.iter().filter(|e| value(&e.properties, "UID").starts_with("tilbudsfrist-")).count();
    let with_deadline = std::fs::read_dir(project_dir().join("content/planlagte-innkjop"))
        .expect("dir")
        .flatten()
        .filter(|e| std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains("\ntilbudsfrist:")))
        .count();
    assert_eq!(deadlines, with_deadline);
    assert_eq!(cal.events.iter().filter(|e| value(&e.properties, "UID").starts_with("kurs-")).count(), courses);
}

#[test]
fn every_category_course_and_deadline_has_its_own_calendar() {
    for id in categories() {
        let cal = ical(&format!("public/kategorier/{id}/kalender.ics"));
        assert_eq!(cal.timezones.len(), 1);
    }
    let site = built_sample();
    for course in std::fs::read_dir(project_dir().join("content/kurs")).expect("dir").flatten() {
        let slug = course.path().file_stem().expect("stem").to_string_lossy().to_string();
        let cal = ical(&format!("public/kurs/{slug}/kalender.ics"));
        assert_eq!(cal.events.len(), 1);
        let page = site.read(&format!("public/kurs/{slug}/index.html"));
        assert!(page.contains(&format!("href=\"/kurs/{slug}/kalender.ics\"")), "{slug}");
    }
    let cal = ical("public/planlagte-innkjop/mobiltelefoni-og-datakommunikasjon/kalender.ics");
    assert_eq!(value(&cal.events[0].properties, "SUMMARY"), "Tilbudsfrist: Mobiltelefoni og datakommunikasjon");
    let page = site.read("public/planlagte-innkjop/mobiltelefoni-og-datakommunikasjon/index.html");
    assert!(page.contains("href=\"/planlagte-innkjop/mobiltelefoni-og-datakommunikasjon/kalender.ics\""));
    assert!(!site.path("public/planlagte-innkjop/solceller-formalsbygg/kalender.ics").exists(), "no deadline, no file");
    assert_eq!(ical("public/kurs/kalender.ics").events.len(), count("kurs"));
}

#[test]
fn the_timeline_has_one_bar_per_agreement_and_the_same_facts_as_a_table() {
    let html = built_sample().read("public/tidslinje/index.html");
    let main = main_of(&html);
    let agreements = count("rammeavtaler");
    assert_eq!(main.matches("class=\"tl-bar\"").count(), agreements);
    assert_eq!(main.matches("class=\"tl-today\"").count(), 1);
    assert!(main.contains(r#"role="img" aria-labelledby="tl-title tl-desc""#));
    assert!(main.contains("<title id=\"tl-title\">") && main.contains("<desc id=\"tl-desc\">"));
    assert!(main.contains("fill=\"url(#tl-hatch)\"") && main.contains("stroke-dasharray"), "options in a pattern");
    let table = &main[main.find("<table").expect("a table")..];
    assert_eq!(table.matches("<th scope=\"row\">").count(), agreements);
    assert!(table.contains("Mobiltelefoni og datakommunikasjon"));
    assert!(
        main.contains(r#"class="table-wrap" role="region" aria-label="Tidslinjen (kan rulles sideveis)" tabindex="0""#)
    );
    let front = built_sample().read("public/index.html");
    assert!(front.contains("aria-labelledby=\"forside-tl-title forside-tl-desc\""));
    assert!(front.contains("<summary>Vis tidslinjen som tabell</summary>"));
}

#[test]
fn two_builds_of_the_same_day_export_the_same_bytes() {
    let again = TestSite::sample();
    assert_eq!(again.run(&["build"]).code, 0);
    let first = built_sample();
    for rel in [
        "public/planlagte-innkjop/atom.xml",
        "public/kalender.ics",
        "public/data/ocds.json",
        "public/data/rammeavtaler.csv",
        "public/tidslinje/index.html",
    ] {
        assert_eq!(std::fs::read(first.path(rel)).ok(), std::fs::read(again.path(rel)).ok(), "{rel}");
    }
}

#[test]
fn the_open_data_page_carries_the_licence_of_the_search_code_it_ships() {
    let site = built_sample();
    assert!(site.path("public/pagefind").is_dir(), "the sample ships the search bundle");
    let page = site.read("public/data/index.html");
    let notice = page.find("Programvare og lisenser").expect("a section on software and licences");
    let rest = &page[notice..];
    assert!(rest.contains("Copyright 2022 CloudCannon"), "Pagefind's copyright line");
    assert!(rest.contains("shall be included in all copies"), "the whole MIT permission notice");
}
