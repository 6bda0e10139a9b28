//! The command line: help a coordinator can follow, `new`, and exit codes.

use super::support::*;

#[test]
fn help_explains_the_commands_in_norwegian() {
    let out = innkjop().arg("--help").output().expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    for words in ["build", "check", "new", "Bygg nettstedet", "Sjekk innholdet"] {
        assert!(text.contains(words), "{words} missing in:\n{text}");
    }
}

#[test]
fn new_writes_every_key_and_refuses_to_overwrite() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    let out = site.run(&["new", "rammeavtale", "Møbler til skoler"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("mobler-til-skoler.md"), "says which file it wrote: {}", out.stdout);
    let text = site.read("content/rammeavtaler/mobler-til-skoler.md");
    for key in [
        "tittel:",
        "kategori:",
        "leverandorer:",
        "kommuner:",
        "gyldig_fra:",
        "gyldig_til:",
        "# opsjoner:",
        "# dokumenter:",
        "# kontakt:",
    ] {
        assert!(text.contains(key), "{key} missing in:\n{text}");
    }
    let again = site.run(&["new", "rammeavtale", "Møbler til skoler"]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("finnes allerede"), "{}", again.stderr);
    assert_eq!(site.read("content/rammeavtaler/mobler-til-skoler.md"), text, "file unchanged");
}

#[test]
fn new_files_of_every_kind_only_lack_the_ids_a_coordinator_fills_in() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    for kind in ["rammeavtale", "planlagt-innkjop", "kurs", "etisk-krav", "side"] {
        assert_eq!(site.run(&["new", kind, "Ny fil"]).code, 0, "{kind}");
    }
    let out = site.run(&["check"]);
    // The placeholders (kategori-id, leverandor-id) are the only errors.
    for line in out.stderr.lines().filter(|l| l.contains(". feil [")) {
        assert!(line.contains("[E035]") && line.contains("-id` blant"), "unexpected error: {line}\n{}", out.stderr);
    }
}

#[test]
fn unknown_kind_is_refused_with_the_list() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    let out = site.run(&["new", "avtale", "X"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("rammeavtale, planlagt-innkjop, kurs, etisk-krav, side"), "{}", out.stderr);
}

#[test]
fn warnings_never_fail_a_build() {
    let site = TestSite::sample();
    let out = site.run(&["check"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("advarsel [W060]: avtalen kan vare til"), "four-year warning: {}", out.stderr);
    assert!(out.stderr.contains("er ikke utløst"), "open option warning: {}", out.stderr);
}

#[test]
fn new_files_point_an_editor_to_the_schema_and_schema_writes_every_kind() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    assert_eq!(site.run(&["new", "kurs", "Nytt kurs"]).code, 0);
    let text = site.read("content/kurs/nytt-kurs.md");
    assert!(text.starts_with("---\n# yaml-language-server: $schema=../.skjema/kurs.json\n"), "{text}");
    let schema: serde_json::Value = serde_json::from_str(&site.read("content/.skjema/kurs.json")).expect("json");
    assert_eq!(schema["additionalProperties"], serde_json::json!(false));
    let out = site.run(&["schema"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for kind in ["nettsted", "leverandorer", "rammeavtale", "planlagt-innkjop", "kurs", "etisk-krav", "side"] {
        assert!(site.path(&format!("content/.skjema/{kind}.json")).is_file(), "{kind}");
    }
    // The schema folder is not content: the site still checks clean apart from the new file's placeholders.
    let check = site.run(&["check"]);
    assert!(!check.stderr.contains(".skjema"), "{}", check.stderr);
}

#[test]
fn check_lists_what_needs_attention_and_speaks_json() {
    let site = TestSite::sample();
    let out = site.run(&["check"]);
    assert_eq!(out.code, 0);
    assert!(out.stderr.contains("Trenger oppfølging"), "{}", out.stderr);
    assert!(out.stderr.contains("en opsjon kan fortsatt utløses"), "expiring with an option: {}", out.stderr);
    assert!(out.stderr.contains("men står fortsatt som en avtale"), "expired, not marked: {}", out.stderr);
    assert!(out.stderr.contains("har fortsatt status planlagt"), "announcement passed: {}", out.stderr);
    let json = site.run(&["check", "--format", "json"]);
    assert_eq!(json.code, 0);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("valid JSON");
    assert_eq!(value["summary"]["errors"], serde_json::json!(0));
    assert!(value["warnings"].as_array().is_some_and(|w| !w.is_empty()));
    assert!(
        value["attention"].as_array().is_some_and(|a| a.iter().any(|x| x["path"] == "rammeavtaler/kopimaskiner.md"))
    );
    assert_eq!(site.run(&["check", "--strict"]).code, 1, "warnings fail with --strict");
}

#[test]
fn a_course_whose_registration_closed_needs_attention() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    site.write(
        "content/kurs/sent.md",
        "---\ntittel: Sent kurs\nstart: 2027-01-20T09:00\nsted:\n  navn: Rådhuset\npamelding:\n  epost: kurs@example.no\n  frist: 2026-11-01\n---\n",
    );
    let out = site.run(&["check"]);
    assert!(out.stderr.contains("påmeldingsfristen gikk ut 1. november 2026"), "{}", out.stderr);
}
