//! The preview server keeps what it read and checked: after each kind of edit, the pages it
//! renders on request, the files beside them and the exports equal what `build` writes, and
//! so do the diagnostics.

use super::support::{TODAY, TestSite};
use innkjop::Options;
use innkjop::output::FileContent;
use innkjop::session::{Changes, Session};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn options(site: &TestSite) -> Options {
    Options {
        content: site.path("content"),
        theme: Some(site.path("themes/default")),
        output: site.path("public"),
        today: Some(TODAY.parse().expect("day")),
        base_url: None,
    }
}

fn bytes(content: &FileContent) -> Vec<u8> {
    match content {
        FileContent::Bytes(b) => b.clone(),
        FileContent::Copy(p) | FileContent::Reuse(p) => std::fs::read(p).expect("read copied file"),
    }
}

/// What `build` writes: every file but the search index (the preview's index is cut into
/// other parts) and the output's marker, and the messages of the diagnostics.
fn fresh(options: &Options) -> (Option<BTreeMap<String, Vec<u8>>>, Vec<String>) {
    let output = options.output.clone();
    let _ = std::fs::remove_dir_all(&output);
    let dir = output.parent().unwrap_or(Path::new("."));
    let report = innkjop::build(options, dir, None);
    let messages = report.diagnostics.iter().map(|d| format!("{}: {}", d.path.display(), d.message)).collect();
    if report.has_errors() {
        return (None, messages);
    }
    let files = walkdir::WalkDir::new(&output)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(&output).expect("inside").to_string_lossy().replace('\\', "/"),
                e.path().to_path_buf(),
            )
        })
        .filter(|(rel, _)| !rel.starts_with("pagefind/") && rel != ".innkjop-output")
        .map(|(rel, path)| (rel, std::fs::read(path).expect("read")))
        .collect();
    (Some(files), messages)
}

/// What the session makes after `changes`, every page rendered as if asked for.
fn served(
    session: &mut Session,
    options: &Options,
    changes: Changes,
) -> (Option<BTreeMap<String, Vec<u8>>>, Vec<String>) {
    let (prepared, diagnostics) = session.prepare(options, changes);
    let messages = diagnostics.sorted().iter().map(|d| format!("{}: {}", d.path.display(), d.message)).collect();
    let Some(prepared) = prepared else { return (None, messages) };
    let pages = prepared.pages;
    // As the server does after each reload: every page tried once.
    pages.check_all(&|| false).expect("every page renders");
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for path in pages.paths() {
        let html = pages.render(path).expect("listed page exists").expect("page renders");
        files.insert(path.clone(), html.into_bytes());
    }
    let other = pages.other_files(&options.content).expect("documents in place");
    for file in other.iter().chain(&innkjop::exports::files(pages.site()).files) {
        files.insert(file.path.clone(), bytes(&file.content));
    }
    (Some(files), messages)
}

fn assert_same(step: &str, session: &mut Session, options: &Options, changed: &[PathBuf]) {
    let (got, got_messages) = served(session, options, Changes::Paths(changed));
    let (want, want_messages) = fresh(options);
    assert_eq!(got_messages, want_messages, "{step}: diagnostics");
    match (got, want) {
        (Some(got), Some(want)) => {
            let got_paths: Vec<&String> = got.keys().collect();
            let want_paths: Vec<&String> = want.keys().collect();
            assert_eq!(got_paths, want_paths, "{step}: files");
            for (path, bytes) in &want {
                assert!(got[path] == *bytes, "{step}: {path} differs from a fresh build");
            }
        }
        (None, None) => {}
        (got, want) => panic!("{step}: session built {}, fresh build {}", got.is_some(), want.is_some()),
    }
}

#[test]
fn every_kind_of_edit_serves_what_a_fresh_build_makes() {
    let site = TestSite::sample().with_theme_folder();
    let options = options(&site);
    let mut session = Session::default();
    let (first, _) = served(&mut session, &options, Changes::Everything);
    assert_eq!(first, fresh(&options).0, "first build");

    let agreement = "content/rammeavtaler/anskaffelsesfaglig-radgivning.md";
    let card = "themes/default/templates/partials/agreement-card.html";
    let text = site.read(agreement);
    let edits: Vec<(&str, &str, String)> = vec![
        ("title", agreement, text.replace("tittel: Anskaffelsesfaglig og", "tittel: Aaa juridisk og")),
        ("body", agreement, format!("{text}\n## Nytt avsnitt\n\nMer tekst om **avtalen**.\n")),
        ("broken", agreement, text.replace("kategori: konsulenttjenester", "kategori: finnes-ikke")),
        ("fixed", agreement, text.clone()),
        (
            "category name",
            "content/nettsted.yaml",
            site.read("content/nettsted.yaml").replace("navn: Kontor og IT", "navn: Kontor, IT og telefoni"),
        ),
        (
            "supplier name",
            "content/leverandorer.yaml",
            site.read("content/leverandorer.yaml").replace("Numedal Kontorservice AS", "Numedal Kontor AS"),
        ),
        (
            "purchase that re-tenders an agreement",
            "content/planlagte-innkjop/bedriftshelsetjeneste-2026.md",
            site.read("content/planlagte-innkjop/bedriftshelsetjeneste-2026.md")
                .replace("tittel: Bedriftshelsetjeneste", "tittel: Ny bedriftshelsetjeneste"),
        ),
        (
            "requirement title",
            "content/etiske-krav/klima-og-miljo.md",
            site.read("content/etiske-krav/klima-og-miljo.md")
                .replace("tittel: Klima- og miljøhensyn", "tittel: Klima"),
        ),
        ("new item", "content/etiske-krav/ny-krav.md", "---\ntittel: Nytt krav\nomrade: miljo\n---\nTekst.\n".into()),
        ("template", "themes/default/templates/404.html", site.read("themes/default/templates/404.html") + "\n"),
        (
            "card partial that lists the menu",
            card,
            site.read(card).replacen(
                "<li class=\"card\">",
                "<li class=\"card\"><!-- {% for m in menu %}{{ m.name }} {% endfor %}-->",
                1,
            ),
        ),
        (
            "title of a page in the menu",
            "content/sider/e-handel.md",
            site.read("content/sider/e-handel.md").replace("tittel: E-handel", "tittel: Elektronisk handel"),
        ),
    ];
    for (step, rel, new_text) in edits {
        site.write(rel, &new_text);
        assert_same(step, &mut session, &options, &[site.path(rel)]);
    }

    std::fs::remove_file(site.path("content/etiske-krav/ny-krav.md")).expect("remove");
    assert_same("deleted item", &mut session, &options, &[site.path("content/etiske-krav/ny-krav.md")]);

    site.write("content/dokumenter/ny.csv", "a;b\n");
    assert_same("new document", &mut session, &options, &[site.path("content/dokumenter")]);
}

#[test]
fn a_reported_file_is_read_again_even_when_its_size_and_time_are_unchanged() {
    let site = TestSite::sample().with_theme_folder();
    let options = options(&site);
    let mut session = Session::default();
    served(&mut session, &options, Changes::Everything);
    let agreement = site.path("content/rammeavtaler/anskaffelsesfaglig-radgivning.md");
    let modified = std::fs::metadata(&agreement).and_then(|m| m.modified()).expect("time");
    let text = site.read("content/rammeavtaler/anskaffelsesfaglig-radgivning.md");
    // Two saves within one tick of the file system's clock: same size, same time.
    std::fs::write(&agreement, text.replace("Anskaffelsesfaglig og", "Anskaffelsesfaglig om")).expect("write");
    std::fs::File::options().write(true).open(&agreement).and_then(|f| f.set_modified(modified)).expect("time");
    assert_same("same size and time", &mut session, &options, &[agreement]);
}

/// What the server's check after a save finds: every template error of the site.
fn check(session: &mut Session, options: &Options, changes: Changes) -> Result<(), Vec<String>> {
    let (prepared, diagnostics) = session.prepare(options, changes);
    assert!(!diagnostics.has_errors(), "the content is valid");
    let pages = prepared.expect("prepared").pages;
    pages.check_all(&|| false).map_err(|errors| errors.iter().map(|d| d.message.clone()).collect())
}

#[test]
fn a_page_that_fails_is_still_reported_after_a_save_elsewhere() {
    let site = TestSite::sample().with_theme_folder();
    let options = options(&site);
    let mut session = Session::default();
    assert_eq!(check(&mut session, &options, Changes::Everything), Ok(()));
    // One agreement's page fails, the others render.
    let template = "themes/default/templates/agreement.html";
    let original = site.read(template);
    let failing = original.replacen(
        "{% set a = agreement %}",
        "{% set a = agreement %}{% if a.slug == \"bedriftshelsetjeneste\" %}{{ a.mangler.felt }}{% endif %}",
        1,
    );
    site.write(template, &failing);
    let errors = check(&mut session, &options, Changes::Paths(&[site.path(template)])).expect_err("the page fails");
    // An edit of another agreement: every page is tried again, so the failing one is found.
    let other = "content/rammeavtaler/broyting-og-stroing.md";
    site.write(other, &format!("{}\nMer tekst.\n", site.read(other)));
    assert_eq!(check(&mut session, &options, Changes::Paths(&[site.path(other)])), Err(errors));
    site.write(template, &original);
    assert_eq!(check(&mut session, &options, Changes::Paths(&[site.path(template)])), Ok(()));
    site.write(other, &format!("{}\nEnda mer.\n", site.read(other)));
    assert_eq!(check(&mut session, &options, Changes::Paths(&[site.path(other)])), Ok(()));
}
