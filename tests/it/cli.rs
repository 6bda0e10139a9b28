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
    for line in out.stderr.lines().filter(|l| l.contains(". feil:")) {
        assert!(line.contains("finner ingen"), "unexpected error: {line}\n{}", out.stderr);
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
    assert!(out.stderr.contains("advarsel: avtalen kan vare til"), "four-year warning: {}", out.stderr);
    assert!(out.stderr.contains("er ikke utløst"), "open option warning: {}", out.stderr);
}
