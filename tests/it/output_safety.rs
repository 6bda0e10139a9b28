//! The output folder: atomic swap, refused folders, and reproducible output.

use super::support::*;
use std::path::Path;

fn tree_bytes(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(root).expect("p").to_string_lossy().to_string(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn two_builds_are_byte_identical() {
    let site = TestSite::sample();
    assert_eq!(site.run(&["build", "--output", "a"]).code, 0);
    assert_eq!(site.run(&["build", "--output", "b"]).code, 0);
    let (a, b) = (tree_bytes(&site.path("a")), tree_bytes(&site.path("b")));
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert!(x == y, "{} differs", x.0);
    }
}

#[test]
fn a_content_error_leaves_the_previous_output_untouched() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    assert_eq!(site.run(&["build"]).code, 0);
    let before = tree_bytes(&site.path("public"));
    site.write("content/rammeavtaler/kontorrekvisita.md", "---\ntittel: Brutt\n---\n");
    let out = site.run(&["build"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("public er ikke endret"), "{}", out.stderr);
    assert_eq!(tree_bytes(&site.path("public")), before);
}

#[test]
fn a_template_error_mid_render_leaves_the_previous_output_untouched() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal")).with_theme_folder();
    assert_eq!(site.run(&["build"]).code, 0);
    let before = tree_bytes(&site.path("public"));
    // Compiles, but fails while rendering: a filter on a value of the wrong type.
    let page = site.read("themes/default/templates/agreement.html");
    site.write(
        "themes/default/templates/agreement.html",
        &page.replace("{{ a.title }}</h1>", "{{ a.title | round }}</h1>"),
    );
    let out = site.run(&["build"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("feil i en mal"), "{}", out.stderr);
    assert_eq!(tree_bytes(&site.path("public")), before);
    let leftovers: Vec<_> = std::fs::read_dir(site.dir.path())
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("innkjop-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary folders left behind");
}

#[test]
fn refuses_output_folders_that_could_destroy_something() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal")).with_theme_folder();
    std::fs::create_dir_all(site.path("notes")).expect("mkdir");
    std::fs::write(site.path("notes/mine.txt"), "mine").expect("write");
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    let cases: Vec<(String, &str)> = vec![
        ("content".into(), "innholdsmappen"),
        ("content/public".into(), "ligger inni innholdsmappen"),
        ("themes".into(), "inneholder temamappen"),
        ("themes/default/public".into(), "ligger inni temamappen"),
        (".".into(), "mappen du står i"),
        ("..".into(), "mappen du står i ligger inni den"),
        ("/".into(), "rotmappen"),
        (home, "hjemmemappen"),
        ("notes".into(), "ikke skrevet av innkjop"),
    ];
    for (output, words) in cases {
        let out = site.run(&["build", "--output", &output]);
        assert_eq!(out.code, 1, "{output}: {}", out.stderr);
        assert!(out.stderr.contains(words), "{output}: expected '{words}' in\n{}", out.stderr);
    }
    assert_eq!(std::fs::read_to_string(site.path("notes/mine.txt")).expect("kept"), "mine");
    assert!(site.path("content/nettsted.yaml").is_file());
}

#[test]
#[cfg(unix)]
fn a_rebuild_removes_links_in_the_old_site_without_following_them() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    assert_eq!(site.run(&["build"]).code, 0);
    // Someone links their own folder and file into the published site by hand.
    std::fs::create_dir_all(site.path("mine")).expect("mkdir");
    std::fs::write(site.path("mine/notat.txt"), "mitt").expect("write");
    std::os::unix::fs::symlink(site.path("mine"), site.path("public/mine")).expect("link");
    std::os::unix::fs::symlink(site.path("mine/notat.txt"), site.path("public/kurs/notat.txt")).expect("link");
    assert_eq!(site.run(&["build"]).code, 0);
    assert!(!site.path("public/mine").exists() && !site.path("public/kurs/notat.txt").exists());
    assert_eq!(std::fs::read_to_string(site.path("mine/notat.txt")).expect("kept"), "mitt");
}

#[test]
fn rebuilds_replace_an_output_folder_it_wrote_and_empty_ones() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    std::fs::create_dir_all(site.path("empty")).expect("mkdir");
    assert_eq!(site.run(&["build", "--output", "empty"]).code, 0);
    assert!(site.path("empty/.innkjop-output").is_file(), "marked as ours");
    assert_eq!(site.run(&["build", "--output", "empty"]).code, 0, "our own folder is replaced");
}

#[test]
fn a_rebuild_takes_unchanged_search_parts_over_and_gives_the_same_index_as_a_fresh_build() {
    let site = TestSite::sample();
    assert_eq!(site.run(&["build"]).code, 0);
    let manifest = |dir: &str| site.read(&format!("{dir}/pagefind/deler.json"));
    let before = manifest("public");
    let file = "content/rammeavtaler/kontorrekvisita.md";
    let text = site.read(file).replace("kopipapir", "kopipapir og blekkpatroner");
    site.write(file, &text);
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0);
    assert!(out.stderr.contains("Søkeindeksen: 1 av 2 deler laget på nytt"), "{}", out.stderr);
    let after = manifest("public");
    let keys = |m: &str| -> Vec<String> {
        let json: serde_json::Value = serde_json::from_str(m).expect("json");
        json["deler"].as_array().expect("parts").iter().map(|p| p["nokkel"].to_string()).collect()
    };
    let (old, new) = (keys(&before), keys(&after));
    assert_eq!(old.len(), new.len());
    assert_eq!(old.iter().zip(&new).filter(|(a, b)| a != b).count(), 1, "one part changed:\n{before}\n{after}");
    // The index of the rebuild equals the index of a fresh build of the same content.
    assert_eq!(site.run(&["build", "--output", "fresh"]).code, 0);
    assert_eq!(tree_bytes(&site.path("public/pagefind")), tree_bytes(&site.path("fresh/pagefind")));
}

#[test]
fn a_part_with_a_file_gone_from_the_output_is_indexed_anew() {
    let site = TestSite::sample();
    assert_eq!(site.run(&["build"]).code, 0);
    // Someone removes files of the index by hand; the next build cannot take that part over.
    let fragments = site.path("public/pagefind/del-1/fragment");
    for entry in std::fs::read_dir(&fragments).expect("fragments").flatten().take(3) {
        std::fs::remove_file(entry.path()).expect("rm");
    }
    let file = "content/rammeavtaler/kontorrekvisita.md";
    site.write(file, &site.read(file).replace("kopipapir", "kopipapir og konvolutter"));
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(site.run(&["build", "--output", "fresh"]).code, 0);
    assert_eq!(tree_bytes(&site.path("public/pagefind")), tree_bytes(&site.path("fresh/pagefind")));
}

#[test]
fn a_rebuild_keeps_the_time_of_unchanged_files_and_equals_a_fresh_build() {
    let site = TestSite::sample();
    assert_eq!(site.run(&["build"]).code, 0);
    let modified = |path: &str| std::fs::metadata(site.path(path)).and_then(|m| m.modified()).expect("time");
    let unchanged = "public/kurs/index.html";
    let changed = "public/rammeavtaler/kontorrekvisita/index.html";
    // Both pages dated an hour back, so a page written anew is told by its time, however fast.
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for page in [unchanged, changed] {
        std::fs::File::options()
            .write(true)
            .open(site.path(page))
            .and_then(|f| f.set_modified(hour_ago))
            .expect("time");
    }
    let (unchanged_before, changed_before) = (modified(unchanged), modified(changed));
    let file = "content/rammeavtaler/kontorrekvisita.md";
    site.write(file, &site.read(file).replace("kopipapir", "kopipapir og arkivbokser"));
    assert_eq!(site.run(&["build"]).code, 0);
    assert_eq!(modified(unchanged), unchanged_before, "a page the edit did not touch keeps its time");
    assert_ne!(modified(changed), changed_before, "the edited page is written anew");
    assert!(site.read(changed).contains("arkivbokser"));
    assert_eq!(site.run(&["build", "--output", "fresh"]).code, 0);
    assert_eq!(tree_bytes(&site.path("public")), tree_bytes(&site.path("fresh")));
}
