//! The tree of broken sites: each case is the minimal site with one mistake, and `check`
//! must name the file and line and say what is wrong, and exit 1.

use super::support::*;
use std::path::Path;

struct Expectation {
    file: String,
    line: Option<usize>,
    contains: Vec<String>,
    /// Words that must not be said: a second message caused by the first mistake.
    lacks: Vec<String>,
}

fn read_expectation(path: &Path) -> Expectation {
    let text = std::fs::read_to_string(path).expect("expect.txt");
    let mut e = Expectation { file: String::new(), line: None, contains: Vec::new(), lacks: Vec::new() };
    for line in text.lines() {
        if let Some(v) = line.strip_prefix("file: ") {
            e.file = v.trim().to_string();
        } else if let Some(v) = line.strip_prefix("line: ") {
            e.line = Some(v.trim().parse().expect("line number"));
        } else if let Some(v) = line.strip_prefix("contains: ") {
            e.contains.push(v.trim().to_string());
        } else if let Some(v) = line.strip_prefix("lacks: ") {
            e.lacks.push(v.trim().to_string());
        }
    }
    e
}

/// Copies the case's files over the minimal site; `<path>.delete` removes `<path>`.
fn overlay(case: &Path, content: &Path) {
    for entry in walkdir::WalkDir::new(case).into_iter().flatten() {
        let rel = entry.path().strip_prefix(case).expect("prefix");
        if !entry.file_type().is_file() || rel == Path::new("expect.txt") {
            continue;
        }
        let name = rel.to_string_lossy();
        if let Some(target) = name.strip_suffix(".delete") {
            std::fs::remove_file(content.join(target)).expect("delete");
            continue;
        }
        std::fs::create_dir_all(content.join(rel).parent().expect("parent")).expect("mkdir");
        std::fs::copy(entry.path(), content.join(rel)).expect("copy");
    }
}

/// Words a library's English message would have; the coordinator's messages have none of them.
const ENGLISH: [&str; 25] = [
    "expected",
    "invalid",
    "found",
    "unknown",
    "error",
    "line",
    "column",
    "while",
    "mapping",
    "sequence",
    "scalar",
    "anchor",
    "document",
    "character",
    "matter",
    "duplicate",
    "allowed",
    "the",
    "of",
    "value",
    "missing",
    "field",
    "failed",
    "such",
    "file",
];

/// The first English word in what `check` printed, outside the excerpts of the coordinator's
/// own text (`   12 | ...`).
pub fn english_in(output: &str) -> Option<&'static str> {
    let excerpt = |l: &&str| {
        let t = l.trim_start();
        t.starts_with('|') || t.split_once(" |").is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
    };
    let words: std::collections::HashSet<String> = output
        .lines()
        .filter(|l| !excerpt(l))
        .flat_map(|l| l.split(|c: char| !c.is_alphanumeric()))
        .map(str::to_lowercase)
        .collect();
    ENGLISH.into_iter().find(|w| words.contains(*w))
}

#[test]
fn an_id_in_curly_quotes_from_a_word_processor_is_read_with_a_warning() {
    let case = project_dir().join("tests/fixtures/varsler/kategori-i-anforselstegn-fra-word");
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    overlay(&case, &site.path("content"));
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "a warning does not stop the build: {}", out.stderr);
    assert!(out.stderr.contains("[W025]") && out.stderr.contains("0 feil og 1 advarsel"), "{}", out.stderr);
    assert!(!out.stderr.contains("[E035]"), "the quotes are not part of the id: {}", out.stderr);
    let page = site.read("public/rammeavtaler/kontorrekvisita/index.html");
    assert!(page.contains("href=\"/kategorier/kontor/\""), "the agreement is in its category");
}

#[test]
fn minimal_site_is_valid() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    let out = site.run(&["check"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("0 feil og 0 advarsler"), "{}", out.stderr);
}

#[test]
fn every_broken_site_gets_a_located_message_and_exit_1() {
    let root = project_dir().join("tests/fixtures/broken");
    let mut cases: Vec<_> = std::fs::read_dir(&root).expect("cases").flatten().map(|e| e.path()).collect();
    cases.sort();
    assert!(cases.len() >= 25, "the corpus has {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().expect("name").to_string_lossy().to_string();
        let expectation = read_expectation(&case.join("expect.txt"));
        let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
        overlay(case, &site.path("content"));
        let out = site.run(&["check"]);
        let mut problems = Vec::new();
        if out.code != 1 {
            problems.push(format!("exit code {}", out.code));
        }
        if out.stderr.contains("panicked") {
            problems.push("panicked".to_string());
        }
        if let Some(word) = english_in(&out.stderr) {
            problems.push(format!("English word `{word}`"));
        }
        let location = match expectation.line {
            Some(line) => format!("content/{}:{line}:", expectation.file),
            None => format!("content/{}", expectation.file),
        };
        if !out.stderr.contains(&location) {
            problems.push(format!("no diagnostic at {location}"));
        }
        for words in &expectation.contains {
            if !out.stderr.contains(words.as_str()) {
                problems.push(format!("missing words: {words}"));
            }
        }
        for words in &expectation.lacks {
            if out.stderr.contains(words.as_str()) {
                problems.push(format!("says what it must not: {words}"));
            }
        }
        if !problems.is_empty() {
            failures.push(format!("== {name}: {}\n{}", problems.join("; "), out.stderr));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
