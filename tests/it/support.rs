//! Test helpers: fixture sites in temp folders, running the binary, reading the output.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The build day every test uses.
pub const TODAY: &str = "2026-11-26";

pub fn project_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn innkjop() -> Command {
    Command::cargo_bin("innkjop").expect("binary")
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A site in a temp folder: `content/` copied from a fixture; the theme is the one built into
/// the program unless [`TestSite::with_theme_folder`] puts one beside the content.
pub struct TestSite {
    pub dir: tempfile::TempDir,
}

impl TestSite {
    pub fn from_content(content: &Path) -> TestSite {
        let dir = tempfile::tempdir().expect("tempdir");
        copy_dir(content, &dir.path().join("content"));
        TestSite { dir }
    }

    /// The default theme copied to `themes/default/` and named by `tema` in `nettsted.yaml`,
    /// for tests that change the theme.
    pub fn with_theme_folder(self) -> TestSite {
        copy_dir(&project_dir().join("themes/default"), &self.path("themes/default"));
        let settings = self.read("content/nettsted.yaml");
        self.write("content/nettsted.yaml", &format!("{}\ntema: ../themes/default\n", settings.trim_end()));
        self
    }

    pub fn sample() -> TestSite {
        Self::from_content(&project_dir().join("content"))
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Runs `innkjop <args>` in the site folder with the fixed build day.
    pub fn run(&self, args: &[&str]) -> Output {
        let mut cmd = innkjop();
        cmd.current_dir(self.dir.path()).args(args);
        if matches!(args.first(), Some(&"build") | Some(&"check")) {
            cmd.args(["--today", TODAY]);
        }
        let out = cmd.output().expect("run");
        Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).to_string(),
            stderr: String::from_utf8_lossy(&out.stderr).to_string(),
        }
    }
}

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The sample site, built once for all tests that only read it.
pub fn built_sample() -> &'static TestSite {
    static SITE: OnceLock<TestSite> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = TestSite::sample();
        let out = site.run(&["build"]);
        assert_eq!(out.code, 0, "sample build failed:\n{}", out.stderr);
        site
    })
}

/// Every value of `attr="..."` in an HTML text.
pub fn attribute_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        rest = &rest[i + needle.len()..];
        if let Some(end) = rest.find('"') {
            out.push(&rest[..end]);
            rest = &rest[end..];
        }
    }
    out
}

/// The text between `<main` and `</main>`.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").unwrap_or(0);
    let end = html.find("</main>").map(|e| e + 7).unwrap_or(html.len());
    &html[start..end]
}

/// Every HTML file of an output folder, relative paths; at least one, or the test that looks
/// at them would pass on an empty folder.
pub fn html_files(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.path().strip_prefix(root).expect("prefix").to_path_buf())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no HTML files in {}", root.display());
    files
}
