//! The local API: what it reads and writes, and what it refuses.

use super::*;

fn content() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("temp");
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("rammeavtaler")).expect("mkdir");
    std::fs::create_dir_all(content.join("dokumenter")).expect("mkdir");
    std::fs::write(content.join("rammeavtaler/kontor.md"), "---\ntittel: Kontor\n---\nTekst\n").expect("write");
    std::fs::write(content.join("leverandorer.yaml"), "# liste\n- id: a\n").expect("write");
    let workspace = Workspace::new(&content);
    (dir, workspace)
}

fn ask(workspace: &Workspace, action: &str, params: Value) -> Result<Value, ApiError> {
    workspace.handle(&json!({"action": action, "params": params}))
}

fn save(workspace: &Workspace, path: &str, raw: &str) -> Result<Value, ApiError> {
    ask(
        workspace,
        "persistEntry",
        json!({"branch": "main", "dataFiles": [{"slug": "x", "path": path, "raw": raw}], "assets": [],
            "options": {"commitMessage": "x", "useWorkflow": false, "status": ""}}),
    )
}

#[test]
fn lists_reads_and_writes_the_items_of_a_folder() {
    let (dir, workspace) = content();
    let listed =
        ask(&workspace, "entriesByFolder", json!({"folder": "content/rammeavtaler", "extension": "md", "depth": 1}))
            .expect("listed");
    assert_eq!(listed[0]["file"]["path"], "content/rammeavtaler/kontor.md");
    assert!(listed[0]["data"].as_str().unwrap_or_default().contains("tittel: Kontor"));
    save(&workspace, "content/rammeavtaler/kontor.md", "---\ntittel: Kontorrekvisita\n---\n").expect("saved");
    let text = std::fs::read_to_string(dir.path().join("content/rammeavtaler/kontor.md")).expect("read");
    assert_eq!(text, "---\ntittel: Kontorrekvisita\n---\n");
    save(&workspace, "content/rammeavtaler/ny-avtale.md", "---\ntittel: Ny\n---\n").expect("a new item");
    assert!(dir.path().join("content/rammeavtaler/ny-avtale.md").is_file());
}

#[test]
fn refuses_every_path_outside_the_content_files() {
    let (dir, workspace) = content();
    for path in [
        "content/../utenfor.md",
        "/etc/passwd",
        "../content/rammeavtaler/x.md",
        "public/index.html",
        "content/rammeavtaler/x.html",
        "content/dokumenter/side.html",
        "content/dokumenter/skript.js",
        "content/.skjema/x.md",
        "content/rammeavtaler/.x.md",
        "content/rammeavtaler/under/x.md",
        "content/tema/x.md",
        "Cargo.toml",
        "content/rammeavtaler\\..\\..\\x.md",
    ] {
        let answer = save(&workspace, path, "---\ntittel: X\n---\n");
        assert_eq!(answer.as_ref().map_err(|e| e.status), Err(403), "{path}: {answer:?}");
    }
    assert!(!dir.path().join("utenfor.md").exists());
}

#[cfg(unix)]
#[test]
fn refuses_a_link_out_of_the_content_folder() {
    let (dir, workspace) = content();
    let outside = tempfile::tempdir().expect("temp");
    std::os::unix::fs::symlink(outside.path(), dir.path().join("content/kurs")).expect("link");
    let answer = save(&workspace, "content/kurs/x.md", "---\ntittel: X\n---\n");
    assert_eq!(answer.map_err(|e| e.status), Err(403));
    assert!(!outside.path().join("x.md").exists());
    std::os::unix::fs::symlink(outside.path().join("y.md"), dir.path().join("content/rammeavtaler/y.md"))
        .expect("link");
    let answer = save(&workspace, "content/rammeavtaler/y.md", "x");
    assert_eq!(answer.map_err(|e| e.status), Err(403));
    assert!(!outside.path().join("y.md").exists());
}

#[test]
fn a_new_file_name_follows_the_slug_rules() {
    let (_dir, workspace) = content();
    let answer = save(&workspace, "content/rammeavtaler/Møbler.md", "---\ntittel: X\n---\n");
    let message = answer.expect_err("refused").message;
    assert!(message.contains("mobler.md"), "{message}");
}

#[test]
fn never_writes_over_a_file_changed_since_the_form_read_it() {
    let (dir, workspace) = content();
    let file = dir.path().join("content/rammeavtaler/kontor.md");
    ask(&workspace, "getEntry", json!({"path": "content/rammeavtaler/kontor.md"})).expect("read");
    std::fs::write(&file, "---\ntittel: Endret i editoren\n---\n").expect("write");
    let answer = save(&workspace, "content/rammeavtaler/kontor.md", "---\ntittel: Fra skjemaet\n---\n");
    let error = answer.expect_err("refused");
    assert_eq!(error.status, 409);
    assert!(error.message.contains("endret på disken"), "{}", error.message);
    assert!(std::fs::read_to_string(&file).expect("read").contains("Endret i editoren"));
    // A new item whose file exists already is not written over either.
    std::fs::write(dir.path().join("content/rammeavtaler/finnes.md"), "x").expect("write");
    let answer = save(&workspace, "content/rammeavtaler/finnes.md", "y");
    assert_eq!(answer.map_err(|e| e.status), Err(409));
}

#[test]
fn documents_go_to_the_documents_folder_only() {
    let (dir, workspace) = content();
    let asset = |path: &str| json!({"asset": {"path": path, "content": "SGVp", "encoding": "base64"}});
    ask(&workspace, "persistMedia", asset("content/dokumenter/pris.csv")).expect("uploaded");
    assert_eq!(std::fs::read(dir.path().join("content/dokumenter/pris.csv")).expect("read"), b"Hei");
    let media = ask(&workspace, "getMedia", json!({"mediaFolder": "content/dokumenter"})).expect("listed");
    assert_eq!(media[0]["name"], "pris.csv");
    let answer = ask(&workspace, "persistMedia", asset("content/rammeavtaler/x.md"));
    assert_eq!(answer.map_err(|e| e.status), Err(403));
    let answer = ask(&workspace, "deleteFile", json!({"path": "content/leverandorer.yaml"}));
    assert_eq!(answer.map_err(|e| e.status), Err(403));
    assert!(dir.path().join("content/leverandorer.yaml").is_file());
}

#[test]
fn tells_which_files_have_comments() {
    let (_dir, workspace) = content();
    let answer = ask(&workspace, "innkjop_merknader", json!({"path": "content/leverandorer.yaml"})).expect("asked");
    assert_eq!(answer["kommentarer"], true);
    assert!(has_comments("---\ntittel: X # kort\n---\n", true));
    assert!(!has_comments("---\ntittel: X\n---\n# Overskrift i teksten\n", true));
    assert!(!has_comments("- id: a\n  url: \"https://x.no/#a\"\n", false));
}
