//! The preview server: serves the build, reloads only after a complete rebuild, keeps the
//! last good site while a file is broken, and never serves anything outside the site.

use super::support::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::Child;
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

use super::serve_child;

fn start(site: &TestSite) -> Server {
    let (child, addr) = serve_child::start(
        env!("CARGO_BIN_EXE_innkjop"),
        site.dir.path(),
        &["--today", TODAY],
        Duration::from_secs(60),
    );
    Server { child, addr }
}

/// A plain HTTP/1.1 GET: (status, body).
fn get(addr: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").expect("write");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read");
    let text = String::from_utf8_lossy(&response).to_string();
    let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}

/// Listens to the reload events; each event name arrives on the channel. Returns once the
/// server has answered the request: it subscribes before it answers, so no event is missed.
fn listen(addr: &str) -> mpsc::Receiver<String> {
    let mut stream = TcpStream::connect(addr).expect("connect");
    write!(stream, "GET /__innkjop/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n")
        .expect("write");
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 0) && line != "\r\n" {
        line.clear();
    }
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in reader.lines().map_while(Result::ok) {
            if let Some(name) = line.strip_prefix("event: ")
                && tx.send(name.to_string()).is_err()
            {
                break;
            }
        }
    });
    rx
}

/// The next event but `updated` (which says that a build's exports and search index are in).
fn next_event(events: &mpsc::Receiver<String>) -> String {
    loop {
        let event = events.recv_timeout(Duration::from_secs(30)).expect("an event");
        if event != "updated" {
            return event;
        }
    }
}

/// The next event that is not an error report.
fn reload_after_errors(events: &mpsc::Receiver<String>) -> String {
    loop {
        let event = next_event(events);
        if event != "errors" {
            return event;
        }
    }
}

/// The page's heading once a reload shows `want`, or the heading after the last reload within
/// 30 s. A folder replaced by another sends more than one rebuild (the watcher sees the move
/// away and the move in), so the first reload may come from a build that read before a save.
fn h1_after_reloads(events: &mpsc::Receiver<String>, addr: &str, page: &str, want: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        assert_eq!(reload_after_errors(events), "reload");
        let seen = h1(&get(addr, page).1);
        if seen == want || Instant::now() > deadline {
            return seen;
        }
    }
}

fn h1(html: &str) -> String {
    let start = html.find("<h1>").map(|i| i + 4).unwrap_or(0);
    html[start..].split("</h1>").next().unwrap_or_default().to_string()
}

#[test]
fn change_break_and_fix_a_file_while_serving() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    let server = start(&site);
    let page = "/rammeavtaler/kontorrekvisita/";
    let (status, body) = get(&server.addr, page);
    assert_eq!(status, 200);
    assert!(body.contains("/__innkjop/live.js"), "the live-reload script is injected");
    let original = h1(&body);
    let events = listen(&server.addr);

    // A change: the reload comes only when the new page is already served.
    let file = site.path("content/rammeavtaler/kontorrekvisita.md");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replacen(&format!("tittel: {original}"), "tittel: Kontorrekvisita endret", 1))
        .expect("write");
    assert_eq!(next_event(&events), "reload");
    assert_eq!(h1(&get(&server.addr, page).1), "Kontorrekvisita endret", "new content right after the reload event");
    // The exports follow, and the server says when they and the search index are in.
    assert_eq!(events.recv_timeout(Duration::from_secs(30)).expect("an event"), "updated");
    let (_, data) = get(&server.addr, "/data/rammeavtaler.json");
    assert!(data.contains("Kontorrekvisita endret"), "the open data has the new title once updated: {data}");

    // Broken: the errors are announced, the status has them, the last good site is served.
    let changed = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, changed.replacen("gyldig_til:", "gyldig_tl:", 1)).expect("write");
    assert_eq!(next_event(&events), "errors");
    let (_, status) = get(&server.addr, "/__innkjop/status");
    assert!(status.contains("\"failed\":true"), "{status}");
    assert!(status.contains("ukjent nøkkel `gyldig_tl`") && status.contains("mente du `gyldig_til`?"), "{status}");
    let (code, body) = get(&server.addr, page);
    assert_eq!(code, 200);
    assert_eq!(h1(&body), "Kontorrekvisita endret", "the last good build is still served");

    // Fixed: reload, and the overlay's status is clear again.
    std::fs::write(&file, changed.replacen("tittel: Kontorrekvisita endret", "tittel: Kontorrekvisita rettet", 1))
        .expect("write");
    assert_eq!(next_event(&events), "reload");
    assert_eq!(h1(&get(&server.addr, page).1), "Kontorrekvisita rettet");
    let status = get(&server.addr, "/__innkjop/status").1;
    assert!(status.contains("\"failed\":false"), "{status}");
}

#[test]
fn survives_atomic_saves_deletes_and_new_folders() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    let server = start(&site);
    let events = listen(&server.addr);
    // Write-then-rename, as many editors save.
    let page = site.read("content/sider/om-samarbeidet.md");
    let tmp = site.path("content/sider/.om-samarbeidet.md.tmp");
    std::fs::write(&tmp, page.replacen("tittel:", "tittel: Ny", 1)).expect("write");
    std::fs::rename(&tmp, site.path("content/sider/om-samarbeidet.md")).expect("rename");
    assert_eq!(next_event(&events), "reload");
    // A new folder with a new page in a new file.
    std::fs::create_dir_all(site.path("content/sider/nytt")).expect("mkdir");
    std::fs::write(site.path("content/sider/nytt/ny-side.md"), "---\ntittel: Ny side\n---\nHei.\n").expect("write");
    // The watcher may see the new file empty, before its text is written: that build fails
    // (an honest error for a half-written file), and the next one reloads.
    assert_eq!(reload_after_errors(&events), "reload");
    let deadline = Instant::now() + Duration::from_secs(10);
    while get(&server.addr, "/ny-side/").0 != 200 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(get(&server.addr, "/ny-side/").0, 200);
    // Deleting it removes the page (events of the saves above may still be queued: the page
    // must be gone once the rebuild of the delete has sent its reload).
    // A rebuild may still be running when the file goes; either way, the rebuild the delete
    // starts sends the reload.
    while events.try_recv().is_ok() {}
    std::fs::remove_file(site.path("content/sider/nytt/ny-side.md")).expect("rm");
    while next_event(&events) != "reload" {}
    let deadline = Instant::now() + Duration::from_secs(10);
    while get(&server.addr, "/ny-side/").0 != 404 && Instant::now() < deadline {
        let _ = events.recv_timeout(Duration::from_millis(200));
    }
    assert_eq!(get(&server.addr, "/ny-side/").0, 404);
}

#[test]
fn serves_nothing_outside_the_site() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal")).with_theme_folder();
    std::fs::write(site.path("secret.txt"), "HEMMELIG").expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(site.path("secret.txt"), site.path("themes/default/static/lenke.txt")).expect("symlink");
    let server = start(&site);
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/etc/passwd",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/lenke.txt",
        "/content/nettsted.yaml",
        "/themes/default/templates/base.html",
    ] {
        let (status, body) = get(&server.addr, path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("HEMMELIG") && !body.contains("root:"), "{path} leaked a file");
    }
    assert_eq!(get(&server.addr, "/assets/site.css").0, 200);
}

#[test]
fn under_stress_it_keeps_serving_and_ends_consistent_with_the_files() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    let server = start(&site);
    let page = "/rammeavtaler/kontorrekvisita/";
    let original = h1(&get(&server.addr, page).1);
    let stop = Arc::new(AtomicBool::new(false));
    let (ok, bad) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let clients: Vec<_> = (0..100)
        .map(|_| {
            let (stop, ok, bad, addr) = (stop.clone(), ok.clone(), bad.clone(), server.addr.clone());
            std::thread::spawn(move || {
                // At least 20 requests each, however soon the site settles: a fast rebuild
                // must not end the stress before it began.
                let mut n = 0;
                while n < 200 && (n < 20 || !stop.load(Ordering::Relaxed)) {
                    let (status, body) = get(&addr, page);
                    if status == 200 && body.contains("<h1>") {
                        ok.fetch_add(1, Ordering::Relaxed)
                    } else {
                        bad.fetch_add(1, Ordering::Relaxed)
                    };
                    n += 1;
                    std::thread::sleep(Duration::from_millis(5));
                }
            })
        })
        .collect();
    let file = site.path("content/rammeavtaler/kontorrekvisita.md");
    let text = std::fs::read_to_string(&file).expect("read");
    for i in 0..1000 {
        // Every seventh save is broken; the rest change the title.
        let next = if i % 7 == 3 {
            text.replacen("gyldig_til:", "gyldig_tl:", 1)
        } else {
            text.replacen(&format!("tittel: {original}"), &format!("tittel: Versjon {i}"), 1)
        };
        std::fs::write(&file, next).expect("write");
    }
    std::fs::write(&file, text.replacen(&format!("tittel: {original}"), "tittel: Endelig versjon", 1)).expect("write");
    let deadline = Instant::now() + Duration::from_secs(60);
    while h1(&get(&server.addr, page).1) != "Endelig versjon" && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.join().expect("client");
    }
    assert_eq!(h1(&get(&server.addr, page).1), "Endelig versjon", "the site ends as the files are");
    let status = get(&server.addr, "/__innkjop/status").1;
    assert!(status.contains("\"failed\":false"), "{status}");
    assert_eq!(bad.load(Ordering::Relaxed), 0, "every request got the page ({} ok)", ok.load(Ordering::Relaxed));
    assert!(ok.load(Ordering::Relaxed) > 1000);
}

#[test]
fn exports_and_search_follow_the_reload_and_are_never_missing_meanwhile() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    let server = start(&site);
    let data = "/data/rammeavtaler.json";
    let (code, before) = get(&server.addr, data);
    assert_eq!(code, 200, "the exports are there when the server opens");
    let events = listen(&server.addr);
    let file = site.path("content/rammeavtaler/kontorrekvisita.md");
    let text = std::fs::read_to_string(&file).expect("read");
    let title = h1(&get(&server.addr, "/rammeavtaler/kontorrekvisita/").1);
    std::fs::write(&file, text.replacen(&format!("tittel: {title}"), "tittel: Kontorrekvisita eksportert", 1))
        .expect("write");
    assert_eq!(next_event(&events), "reload");
    // The export follows the pages; until it does, the previous one is served, never a 404.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (code, body) = get(&server.addr, data);
        assert_eq!(code, 200, "the export is served all along");
        if body.contains("Kontorrekvisita eksportert") {
            break;
        }
        assert!(body == before, "until the new export is ready the old one is served");
        assert!(Instant::now() < deadline, "the export never followed the change");
        std::thread::sleep(Duration::from_millis(20));
    }
    // The search index follows the exports.
    while get(&server.addr, "/pagefind/deler.json").0 != 200 {
        assert!(Instant::now() < deadline, "the search index never followed the change");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A raw request: its status line's code.
fn status_of(addr: &str, request: &str) -> u16 {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.write_all(request.as_bytes()).expect("write");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read");
    String::from_utf8_lossy(&response).split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0)
}

#[test]
fn answers_only_its_own_address_and_only_get_and_head() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    let server = start(&site);
    let port = server.addr.rsplit(':').next().unwrap_or_default().to_string();
    let ask = |method: &str, host: &str| {
        status_of(&server.addr, &format!("{method} / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"))
    };
    assert_eq!(ask("GET", &server.addr), 200);
    assert_eq!(ask("GET", &format!("localhost:{port}")), 200);
    assert_eq!(ask("HEAD", &server.addr), 200);
    // A page elsewhere, through a name of its own that points here (DNS rebinding).
    assert_eq!(ask("GET", &format!("rebind.example:{port}")), 403);
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        assert_eq!(ask(method, &server.addr), 405, "{method}");
    }
}

#[cfg(unix)]
#[test]
fn a_document_swapped_for_a_link_after_the_build_is_never_served() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    let server = start(&site);
    let (code, original) = get(&server.addr, "/dokumenter/prisliste.txt");
    assert_eq!(code, 200);
    let events = listen(&server.addr);
    std::fs::write(site.path("hemmelig.txt"), "hemmelig innhold").expect("write");
    let link = site.path("content/dokumenter/.lenke");
    std::os::unix::fs::symlink(site.path("hemmelig.txt"), &link).expect("link");
    std::fs::rename(&link, site.path("content/dokumenter/prisliste.txt")).expect("swap");
    assert_eq!(next_event(&events), "errors", "the rebuild refuses the link");
    let (code, body) = get(&server.addr, "/dokumenter/prisliste.txt");
    assert_eq!(code, 200);
    assert_eq!(body, original, "what the last good build read is served");
    assert!(!body.contains("hemmelig"));
}

#[test]
fn a_content_folder_replaced_by_a_new_one_is_watched() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    let server = start(&site);
    let page = "/rammeavtaler/kontorrekvisita/";
    let events = listen(&server.addr);
    std::fs::rename(site.path("content"), site.path("content-gammel")).expect("move away");
    copy_dir(&site.path("content-gammel"), &site.path("content.ny"));
    let file = site.path("content.ny/rammeavtaler/kontorrekvisita.md");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replacen("tittel: Kontorrekvisita", "tittel: Ny mappe", 1)).expect("write");
    std::fs::rename(site.path("content.ny"), site.path("content")).expect("move in");
    assert_eq!(h1_after_reloads(&events, &server.addr, page, "Ny mappe"), "Ny mappe");
    // A save in the new folder is seen too.
    let file = site.path("content/rammeavtaler/kontorrekvisita.md");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replacen("tittel: Ny mappe", "tittel: Lagret i ny mappe", 1)).expect("write");
    assert_eq!(h1_after_reloads(&events, &server.addr, page, "Lagret i ny mappe"), "Lagret i ny mappe");
}
