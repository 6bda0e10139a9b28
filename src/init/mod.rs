//! `innkjop init`: a new site for a new cooperation, from the skeleton carried in the program
//! (`src/init/nytt/`), or the sample site (`--eksempel`); never into a folder that has files.

use crate::publish::Recipe;
use crate::rules::slug::slugify;
use chrono::Datelike;
use include_dir::{Dir, include_dir};
use std::path::{Path, PathBuf};

/// The skeleton of a new site, with the placeholders `@@NAVN@@`, `@@VERTSKOMMUNE@@`,
/// `@@KOMMUNER@@`, `@@AAR@@` and `@@NESTE_AAR@@`.
static SKELETON: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/init/nytt");

/// The sample site: the cooperation in the Kongsberg region, fictional data.
static SAMPLE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// What the new site is for.
#[derive(Debug, Clone)]
pub struct NewSite {
    /// The cooperation's name, for example "Innkjøpssamarbeidet i Hallingdal".
    pub name: String,
    /// The member municipalities, by name ("Nes" or "Nes kommune").
    pub municipalities: Vec<String>,
    /// The host municipality, by name or id; the first member without it.
    pub host: Option<String>,
    /// The publishing recipe to write beside the content, if any.
    pub recipe: Option<Recipe>,
    /// The sample site instead of an empty one (name and municipalities are then its own).
    pub sample: bool,
}

/// Why a site could not be made.
#[derive(Debug)]
pub enum InitError {
    NotEmpty(PathBuf),
    NoName,
    NoMunicipalities,
    BadMunicipality(String),
    UnknownHost(String),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for InitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InitError::NotEmpty(p) => write!(
                f,
                "mappen {} er ikke tom; et nytt nettsted lages bare i en ny eller tom mappe, så ingenting blir overskrevet",
                p.display()
            ),
            InitError::NoName => write!(f, "samarbeidet trenger et navn (--navn \"Innkjøpssamarbeidet i …\")"),
            InitError::NoMunicipalities => {
                write!(f, "skriv minst én kommune (--kommuner \"Nes, Gol, Hol\")")
            }
            InitError::BadMunicipality(m) => {
                write!(f, "`{m}` gir ingen id; skriv kommunens navn med bokstaver, for eksempel \"Nore og Uvdal\"")
            }
            InitError::UnknownHost(h) => {
                write!(f, "vertskommunen `{h}` er ikke blant kommunene; skriv en av dem i --vertskommune")
            }
            InitError::Io(p, e) => write!(f, "kunne ikke skrive {}: {}", p.display(), crate::diagnostics::io_words(e)),
        }
    }
}

/// A member municipality as `nettsted.yaml` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: String,
    pub name: String,
}

impl Member {
    /// "Nes" and "Nes kommune" both give id `nes`, name "Nes kommune".
    pub fn from_name(given: &str) -> Result<Member, InitError> {
        let given = given.split_whitespace().collect::<Vec<_>>().join(" ");
        let bare = given.strip_suffix(" kommune").unwrap_or(&given);
        let id = slugify(bare);
        if id.is_empty() {
            return Err(InitError::BadMunicipality(given));
        }
        let name = if given.to_lowercase().contains("kommune") { given.clone() } else { format!("{given} kommune") };
        Ok(Member { id, name })
    }
}

/// Splits "Nes, Gol og Hol" or "Nes; Gol" into names.
pub fn split_names(list: &str) -> Vec<String> {
    list.split([',', ';', '\n']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// Makes the site in `dir` (created when missing); returns the files written, relative to it.
pub fn create(dir: &Path, site: &NewSite, today: chrono::NaiveDate) -> Result<Vec<PathBuf>, InitError> {
    refuse_files_in(dir)?;
    let mut files = if site.sample { sample_files() } else { skeleton_files(site, today)? };
    if let Some(recipe) = site.recipe {
        files.extend(recipe.files().into_iter().map(|(rel, text)| (rel, text.into_bytes())));
    }
    write_all(dir, files)
}

/// Writes the theme built into the program to `dir`, as a starting point for a theme of one's
/// own (`innkjop tema MAPPE`, then `--theme MAPPE` or `tema:` in `nettsted.yaml`).
pub fn write_theme(dir: &Path) -> Result<Vec<PathBuf>, InitError> {
    refuse_files_in(dir)?;
    let files = crate::render::templates::built_in_files();
    write_all(dir, files.into_iter().map(|(rel, bytes)| (PathBuf::from(rel), bytes.to_vec())).collect())
}

fn refuse_files_in(dir: &Path) -> Result<(), InitError> {
    if std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some()) {
        return Err(InitError::NotEmpty(dir.to_path_buf()));
    }
    Ok(())
}

fn write_all(dir: &Path, files: Vec<(PathBuf, Vec<u8>)>) -> Result<Vec<PathBuf>, InitError> {
    let mut written = Vec::new();
    for (rel, bytes) in files {
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| InitError::Io(parent.to_path_buf(), e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| InitError::Io(path.clone(), e))?;
        written.push(rel);
    }
    Ok(written)
}

/// The skeleton with the placeholders filled in.
fn skeleton_files(site: &NewSite, today: chrono::NaiveDate) -> Result<Vec<(PathBuf, Vec<u8>)>, InitError> {
    let name = site.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(InitError::NoName);
    }
    let mut members = Vec::new();
    for given in &site.municipalities {
        let member = Member::from_name(given)?;
        if !members.iter().any(|m: &Member| m.id == member.id) {
            members.push(member);
        }
    }
    let Some(first) = members.first() else { return Err(InitError::NoMunicipalities) };
    let host = match &site.host {
        None => first.id.clone(),
        Some(h) => {
            let wanted = Member::from_name(h).map(|m| m.id).unwrap_or_default();
            members
                .iter()
                .find(|m| m.id == wanted || m.id == h.trim())
                .map(|m| m.id.clone())
                .ok_or_else(|| InitError::UnknownHost(h.clone()))?
        }
    };
    let quoted = quote(&name);
    let list: String =
        members.iter().map(|m| format!("  - id: {}\n    navn: \"{}\"\n", m.id, quote(&m.name))).collect();
    let year = today.year();
    let fill = |text: &str| {
        let mut out = String::new();
        for line in text.split_inclusive('\n') {
            if line.trim_end() == "@@KOMMUNER@@" {
                out.push_str(&list);
            } else {
                out.push_str(line);
            }
        }
        out.replace("@@NAVN@@", &quoted)
            .replace("@@VERTSKOMMUNE@@", &host)
            .replace("@@NESTE_AAR@@", &(year + 1).to_string())
            .replace("@@AAR@@", &year.to_string())
    };
    Ok(embedded(&SKELETON)
        .into_iter()
        .map(|(rel, bytes)| {
            // Files in the program cannot be named `.gitignore` without being taken for one.
            let rel = if rel == Path::new("gitignore") { PathBuf::from(".gitignore") } else { rel };
            (rel, fill(&String::from_utf8_lossy(bytes)).into_bytes())
        })
        .collect())
}

/// Text for inside a double-quoted YAML value.
fn quote(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The sample site's content, and a `.gitignore`.
fn sample_files() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> =
        embedded(&SAMPLE).into_iter().map(|(rel, bytes)| (Path::new("content").join(rel), bytes.to_vec())).collect();
    if let Some(ignore) = SKELETON.get_file("gitignore") {
        files.push((PathBuf::from(".gitignore"), ignore.contents().to_vec()));
    }
    files
}

/// Every file of an embedded folder but hidden ones (an editor's schema folder, say), in order.
fn embedded(dir: &'static Dir<'static>) -> Vec<(PathBuf, &'static [u8])> {
    let hidden = |path: &Path| path.iter().any(|part| crate::content::load::is_skipped(&part.to_string_lossy()));
    crate::render::templates::embedded_files(dir).into_iter().filter(|(path, _)| !hidden(path)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipality_names_become_ids_and_names() {
        assert_eq!(
            Member::from_name("Nore og Uvdal").ok(),
            Some(Member { id: "nore-og-uvdal".into(), name: "Nore og Uvdal kommune".into() })
        );
        assert_eq!(
            Member::from_name(" Ål  kommune ").ok().map(|m| (m.id, m.name)),
            Some(("al".into(), "Ål kommune".into()))
        );
        assert!(Member::from_name("—").is_err());
        assert_eq!(split_names("Nes, Gol;Hol\n"), ["Nes", "Gol", "Hol"]);
    }
}
