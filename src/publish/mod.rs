//! Publishing recipes: a GitHub Actions workflow, a GitLab CI file, or a systemd service and
//! timer with an nginx snippet, that build the site every morning at 05:00 Norway time and
//! publish it only when `check` finds no error. Written by `innkjop init` and by
//! `innkjop publisering`; the texts are in `src/publish/maler/`.

use std::path::{Path, PathBuf};

/// Where the site is published from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recipe {
    Github,
    Gitlab,
    Server,
}

/// The program's home, where its releases are downloaded from.
pub const HOME: &str = env!("CARGO_PKG_REPOSITORY");

/// The publishing guide, step by step, as the coordinator can open it.
pub const GUIDE: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/docs/publisering.md");

impl Recipe {
    pub const ALL: [(&'static str, Recipe); 3] =
        [("github", Recipe::Github), ("gitlab", Recipe::Gitlab), ("server", Recipe::Server)];

    /// The recipe named `name` on the command line.
    pub fn named(name: &str) -> Option<Recipe> {
        Recipe::ALL.iter().find(|(n, _)| n.eq_ignore_ascii_case(name.trim())).map(|(_, r)| *r)
    }

    /// The files of the recipe: (path in the site folder, text), with this program's version
    /// and home filled in.
    pub fn files(self) -> Vec<(PathBuf, String)> {
        let templates: &[(&str, &str)] = match self {
            Recipe::Github => &[(".github/workflows/nettsted.yml", include_str!("maler/github.yml"))],
            Recipe::Gitlab => &[(".gitlab-ci.yml", include_str!("maler/gitlab-ci.yml"))],
            Recipe::Server => &[
                ("drift/innkjop-bygg.service", include_str!("maler/server/innkjop-bygg.service")),
                ("drift/innkjop-bygg.timer", include_str!("maler/server/innkjop-bygg.timer")),
                ("drift/cron.txt", include_str!("maler/server/cron.txt")),
                ("drift/nginx.conf", include_str!("maler/server/nginx.conf")),
            ],
        };
        templates
            .iter()
            .map(|(path, text)| {
                let text = text.replace("@@VERSJON@@", env!("CARGO_PKG_VERSION")).replace("@@REPO@@", HOME);
                (PathBuf::from(path), text)
            })
            .collect()
    }
}

/// Why a recipe could not be written.
#[derive(Debug)]
pub enum PublishError {
    /// These files are there already; nothing was written.
    Exists(Vec<PathBuf>),
    NoContent(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for PublishError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PublishError::Exists(paths) => write!(
                f,
                "{} finnes allerede, og blir ikke overskrevet; ingenting er skrevet. Slett eller flytt filen først",
                paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
            ),
            PublishError::NoContent(dir) => write!(
                f,
                "{} har ingen mappe content/; kjør kommandoen i mappen med nettstedet (den content/ ligger i)",
                dir.display()
            ),
            PublishError::Io(p, e) => {
                write!(f, "kunne ikke skrive {}: {}", p.display(), crate::diagnostics::io_words(e))
            }
        }
    }
}

/// Writes the recipe into the site folder `site` (the one that holds `content/`); writes
/// nothing when any of its files is there already. Returns the files written.
pub fn write(site: &Path, recipe: Recipe) -> Result<Vec<PathBuf>, PublishError> {
    if !site.join("content").is_dir() {
        return Err(PublishError::NoContent(site.to_path_buf()));
    }
    let files = recipe.files();
    let taken: Vec<PathBuf> =
        files.iter().map(|(rel, _)| site.join(rel)).filter(|p| std::fs::symlink_metadata(p).is_ok()).collect();
    if !taken.is_empty() {
        return Err(PublishError::Exists(taken));
    }
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = site.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| PublishError::Io(parent.to_path_buf(), e))?;
        }
        std::fs::write(&path, text).map_err(|e| PublishError::Io(path.clone(), e))?;
        written.push(rel);
    }
    Ok(written)
}
