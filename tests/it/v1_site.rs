//! A site in content format v1 needs no edit: the sample site's files as they were before
//! format v2 build to the same facts (the same pages, open data, calendar events and feed
//! entries). New keys may add to the facts, never change or drop one.
//!
//! The facts are frozen in `tests/fixtures/v1/fakta.json`; `INNKJOP_SKRIV_V1_FAKTA=1` writes
//! them anew, which a change to the format must never need.

use crate::support::{TestSite, project_dir};
use serde_json::{Map, Value, json};
use std::path::Path;

#[test]
fn a_v1_site_builds_to_the_same_facts_as_before() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/v1/content"));
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "the v1 site no longer builds:\n{}", out.stderr);
    let facts = facts(&site.path("public"));
    let frozen_path = project_dir().join("tests/fixtures/v1/fakta.json");
    if std::env::var_os("INNKJOP_SKRIV_V1_FAKTA").is_some() {
        let text = serde_json::to_string_pretty(&facts).expect("json");
        std::fs::write(&frozen_path, text + "\n").expect("write facts");
        return;
    }
    let frozen: Value = serde_json::from_str(&std::fs::read_to_string(&frozen_path).expect("facts")).expect("json");
    let mut problems = Vec::new();
    still_holds(&frozen, &facts, "", &mut problems);
    assert!(problems.is_empty(), "the v1 site builds to other facts than before:\n{}", problems.join("\n"));
}

/// What a user of the built site would notice: every page, every open-data record, every
/// calendar event and every feed entry.
fn facts(public: &Path) -> Value {
    let mut pages = Vec::new();
    let mut data = Map::new();
    let mut events = Map::new();
    let mut entries = Map::new();
    for entry in walkdir::WalkDir::new(public).sort_by_file_name() {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(public).expect("prefix").to_string_lossy().replace('\\', "/");
        if rel.starts_with("pagefind") || !entry.file_type().is_file() {
            continue;
        }
        let text = || std::fs::read_to_string(entry.path()).expect("read");
        if rel.ends_with(".html") {
            pages.push(Value::String(rel));
        } else if rel.starts_with("data/") && rel.ends_with(".json") {
            data.insert(rel, serde_json::from_str(&text()).expect("open data is JSON"));
        } else if rel.ends_with(".ics") {
            events.insert(rel, calendar_events(&text()));
        } else if rel.ends_with("atom.xml") {
            entries.insert(rel, feed_entries(&text()));
        }
    }
    json!({ "sider": pages, "data": data, "kalender": events, "atom": entries })
}

/// Each event of a calendar as its UID, start and summary.
fn calendar_events(text: &str) -> Value {
    let reader = ical::IcalParser::new(text.as_bytes());
    let mut events = Map::new();
    for calendar in reader {
        for event in calendar.expect("calendar").events {
            let value = |name: &str| {
                event.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default()
            };
            events.insert(value("UID"), json!({ "start": value("DTSTART"), "tittel": value("SUMMARY") }));
        }
    }
    Value::Object(events)
}

/// Each entry of an Atom feed as its id, title and link.
fn feed_entries(text: &str) -> Value {
    let feed = feed_rs::parser::parse(text.as_bytes()).expect("atom");
    let entries = feed.entries.iter().map(|e| {
        let title = e.title.as_ref().map(|t| t.content.clone()).unwrap_or_default();
        let link = e.links.first().map(|l| l.href.clone()).unwrap_or_default();
        (e.id.clone(), json!({ "tittel": title, "lenke": link }))
    });
    Value::Object(entries.collect())
}

/// Whether every fact of `before` is still in `now`: objects may gain keys, lists of
/// records keep their length and order; a page list or a map of events may only grow.
fn still_holds(before: &Value, now: &Value, at: &str, problems: &mut Vec<String>) {
    match (before, now) {
        (Value::Object(old), Value::Object(new)) => {
            for (key, value) in old {
                match new.get(key) {
                    Some(v) => still_holds(value, v, &format!("{at}/{key}"), problems),
                    None => problems.push(format!("{at}/{key}: gone")),
                }
            }
        }
        (Value::Array(old), Value::Array(new)) if at == "/sider" => {
            for page in old.iter().filter(|p| !new.contains(p)) {
                problems.push(format!("side {page}: gone"));
            }
        }
        (Value::Array(old), Value::Array(new)) => {
            if old.len() != new.len() {
                problems.push(format!("{at}: {} elements, now {}", old.len(), new.len()));
                return;
            }
            for (i, (a, b)) in old.iter().zip(new).enumerate() {
                still_holds(a, b, &format!("{at}/{i}"), problems);
            }
        }
        (a, b) if a != b => problems.push(format!("{at}: {a} before, now {b}")),
        _ => {}
    }
}
