//! The forms at /admin/: the preview serves them and writes only what its own pages ask it to
//! write; a build publishes them only for a site that names a git host under `redigering`.

use super::serve_child;
use super::support::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// A raw request: (status, body).
fn request(addr: &str, head: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    let text = format!("{head}Host: {addr}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
    stream.write_all(text.as_bytes()).expect("write");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read");
    let text = String::from_utf8_lossy(&response).to_string();
    let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, text.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default())
}

fn save(path: &str, raw: &str) -> String {
    serde_json::json!({"action": "persistEntry", "params": {"branch": "main",
        "dataFiles": [{"slug": "x", "path": path, "raw": raw}], "assets": [],
        "options": {"commitMessage": "x", "useWorkflow": false, "status": ""}}})
    .to_string()
}

const NEW_AGREEMENT: &str = "---\ntittel: Skjemaavtalen\nkategori: kontor-og-it\nleverandorer:\n  - lagen-it\nkommuner:\n  - alle\ngyldig_fra: 2026-01-01\ngyldig_til: 2027-12-31\n---\nTekst.\n";

#[test]
fn the_preview_writes_only_what_its_own_pages_ask_for() {
    let site = TestSite::sample();
    let (child, addr) = serve_child::start(
        env!("CARGO_BIN_EXE_innkjop"),
        site.dir.path(),
        &["--today", TODAY],
        Duration::from_secs(60),
    );
    let _server = scopeguard(child);
    let own = format!("POST /admin/api/v1 HTTP/1.1\r\nOrigin: http://{addr}\r\nContent-Type: application/json\r\n");
    let target = "content/rammeavtaler/skjemaavtalen.md";

    // A page on another site (a plain form post needs no permission from the browser).
    for head in [
        "POST /admin/api/v1 HTTP/1.1\r\nOrigin: http://angriper.example\r\nContent-Type: application/json\r\n"
            .to_string(),
        format!("POST /admin/api/v1 HTTP/1.1\r\nOrigin: http://{addr}\r\nContent-Type: text/plain\r\n"),
        "POST /admin/api/v1 HTTP/1.1\r\nContent-Type: application/json\r\n".to_string(),
        format!("{own}Sec-Fetch-Site: cross-site\r\n"),
    ] {
        let (status, body) = request(&addr, &head, &save(target, NEW_AGREEMENT));
        assert_eq!(status, 403, "{head}{body}");
    }
    assert!(!site.path(target).exists());

    for path in ["content/../utenfor.md", "/tmp/utenfor.md", "Cargo.toml", "content/dokumenter/side.html"] {
        let (status, body) = request(&addr, &own, &save(path, NEW_AGREEMENT));
        assert_eq!(status, 403, "{path}: {body}");
        assert!(body.contains("error"), "{body}");
    }
    assert!(!site.path("utenfor.md").exists());

    let (status, body) = request(&addr, &own, &save(target, NEW_AGREEMENT));
    assert_eq!(status, 200, "{body}");
    assert_eq!(site.read(target), NEW_AGREEMENT);
    let check = site.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);

    let (status, config) = request(&addr, "GET /admin/config.yml HTTP/1.1\r\n", "");
    assert_eq!(status, 200);
    assert!(config.contains("proxy_url: /admin/api/v1"), "{config}");
    let (status, page) = request(&addr, "GET /admin/ HTTP/1.1\r\n", "");
    assert_eq!(status, 200);
    assert!(page.contains("decap/decap-cms.js") && !page.contains("live.js"), "{page}");
}

/// Stops the server when the test ends, passed or not.
fn scopeguard(child: std::process::Child) -> impl Drop {
    struct Guard(std::process::Child);
    impl Drop for Guard {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    Guard(child)
}

#[test]
fn a_build_publishes_the_forms_only_for_a_site_with_a_git_host() {
    let site = TestSite::sample();
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!site.path("public/admin").exists());

    let settings = site.read("content/nettsted.yaml");
    site.write(
        "content/nettsted.yaml",
        &format!("{}\nredigering:\n  backend: github\n  repo: kongsbergregionen/innkjop\n", settings.trim_end()),
    );
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let config = site.read("public/admin/config.yml");
    assert!(config.contains("name: github") && config.contains("repo: kongsbergregionen/innkjop"), "{config}");
    assert!(config.contains("branch: main") && !config.contains("proxy"), "{config}");
    assert!(site.path("public/admin/decap/decap-cms.js").is_file());
    assert!(site.read("public/admin/index.html").contains("config.yml"));
}

#[test]
fn a_wrong_git_host_is_an_error_that_names_the_choices() {
    let site = TestSite::sample();
    let settings = site.read("content/nettsted.yaml");
    site.write(
        "content/nettsted.yaml",
        &format!("{}\nredigering:\n  backend: bitbucket\n  repo: innkjop\n", settings.trim_end()),
    );
    let out = site.run(&["check"]);
    assert_ne!(out.code, 0);
    assert!(out.stderr.contains("`bitbucket` er ikke en gyldig verdi"), "{}", out.stderr);
    assert!(out.stderr.contains("github, gitlab, gitea"), "{}", out.stderr);
    assert!(out.stderr.contains("eier/navn"), "{}", out.stderr);
}

#[test]
fn the_list_the_form_writes_for_all_municipalities_means_all() {
    let site = TestSite::sample();
    let file = "content/rammeavtaler/kontorrekvisita.md";
    let text = site.read(file);
    assert!(text.contains("kommuner: alle"));
    site.write(file, &text.replace("kommuner: alle", "kommuner:\n  - alle"));
    let out = site.run(&["check"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}
