//! The theme: Tera templates and static files, built into the program or from a theme folder.
//! The one place that calls the template engine.

use crate::diagnostics::{Diagnostic, codes, io_words};
use crate::output::{FileContent, OutputFile};
use serde::Serialize;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Where the theme comes from: the default theme built into the program, or a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThemeSource {
    BuiltIn,
    Folder(PathBuf),
}

/// The default theme (`themes/default/`), carried in the program.
static BUILT_IN: include_dir::Dir<'static> = include_dir::include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// How the built-in theme is named in messages.
pub const BUILT_IN_NAME: &str = "innebygd tema";

/// Every file of the built-in theme: (path relative to the theme, bytes), in path order.
pub fn built_in_files() -> Vec<(String, &'static [u8])> {
    embedded_files(&BUILT_IN)
        .into_iter()
        .map(|(path, bytes)| (path.to_string_lossy().replace('\\', "/"), bytes))
        .collect()
}

/// Every file of a folder carried in the program: (path relative to it, bytes), in path order.
pub fn embedded_files(dir: &'static include_dir::Dir<'static>) -> Vec<(PathBuf, &'static [u8])> {
    fn walk(dir: &'static include_dir::Dir<'static>, out: &mut Vec<(PathBuf, &'static [u8])>) {
        for entry in dir.entries() {
            match entry {
                include_dir::DirEntry::Dir(d) => walk(d, out),
                include_dir::DirEntry::File(f) => out.push((f.path().to_path_buf(), f.contents())),
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out.sort();
    out
}

/// The built-in theme as the theme loader takes it: templates by name, and static files at
/// their paths in the site.
fn built_in_parts() -> (Templates, Vec<OutputFile>) {
    let (mut templates, mut statics) = (Vec::new(), Vec::new());
    for (path, bytes) in built_in_files() {
        if let Some(name) = path.strip_prefix("templates/") {
            templates.push((name.to_string(), String::from_utf8_lossy(bytes).into_owned()));
        } else if let Some(rel) = path.strip_prefix("static/") {
            statics.push(OutputFile::bytes(rel, bytes.to_vec()));
        }
    }
    (templates, statics)
}

/// A loaded theme: compiled templates and the static files it adds to the site.
#[derive(Clone)]
pub struct Theme {
    tera: tera::Tera,
    /// Static files, at their paths in the site (what the theme has under static/).
    pub static_files: Vec<OutputFile>,
    /// How the theme is named in messages: its folder, or [`BUILT_IN_NAME`].
    pub shown_as: PathBuf,
}

impl Theme {
    /// Loads and compiles every template of the theme.
    pub fn load(source: &ThemeSource) -> Result<Theme, Vec<Diagnostic>> {
        let (sources, static_files, shown_as, mut errors) = match source {
            ThemeSource::BuiltIn => {
                let (templates, statics) = built_in_parts();
                (templates, statics, PathBuf::from(BUILT_IN_NAME), Vec::new())
            }
            ThemeSource::Folder(dir) => {
                let (mut templates, errors) = read_templates(dir)?;
                let mut statics = read_static(dir);
                // A file the folder does not have is the built-in one: a theme made before a
                // page was added keeps building, and a theme may change only a few files.
                let (built_in_templates, built_in_statics) = built_in_parts();
                for (name, text) in built_in_templates {
                    if !templates.iter().any(|(n, _)| *n == name) {
                        templates.push((name, text));
                    }
                }
                for file in built_in_statics {
                    if !statics.iter().any(|f| f.path == file.path) {
                        statics.push(file);
                    }
                }
                (templates, statics, dir.clone(), errors)
            }
        };
        let mut tera = tera::Tera::new();
        if let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str()))) {
            errors.push(template_error(&shown_as, &e));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Theme { tera, static_files, shown_as })
    }

    /// Sets what every page sees.
    pub fn set_globals<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        self.tera.global_context().insert(name, value);
    }

    /// Renders one template with its context.
    pub fn render(&self, template: &str, context: &tera::Context) -> Result<String, Diagnostic> {
        self.tera.render(template, context).map_err(|e| template_error(&self.shown_as, &e))
    }
}

/// Templates by name, with their text.
type Templates = Vec<(String, String)>;

/// The templates in `<theme>/templates/`, and what could not be read.
fn read_templates(theme_dir: &Path) -> Result<(Templates, Vec<Diagnostic>), Vec<Diagnostic>> {
    let templates_dir = theme_dir.join("templates");
    if !templates_dir.is_dir() {
        return Err(vec![
            Diagnostic::new(
                codes::THEME,
                theme_dir,
                format!("temaet har ingen mappe templates/ ({})", templates_dir.display()),
            )
            .hint("oppgi en temamappe med templates/ og static/; `innkjop tema MAPPE` skriver ut det innebygde temaet")
            .outside_content(),
        ]);
    }
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for entry in WalkDir::new(&templates_dir).sort_by_file_name().into_iter().flatten() {
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(&templates_dir) else { continue };
        let name = rel.to_string_lossy().replace('\\', "/");
        match std::fs::read_to_string(entry.path()) {
            Ok(text) => sources.push((name, text)),
            Err(e) => errors.push(
                Diagnostic::new(
                    codes::THEME,
                    theme_dir.join("templates").join(rel),
                    format!("malen kan ikke leses: {}", io_words(&e)),
                )
                .outside_content(),
            ),
        }
    }
    Ok((sources, errors))
}

/// The files in `<theme>/static/`, copied to the same paths in the site.
fn read_static(theme_dir: &Path) -> Vec<OutputFile> {
    let static_dir = theme_dir.join("static");
    WalkDir::new(&static_dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(&static_dir).ok()?;
            let path = rel.to_string_lossy().replace('\\', "/");
            Some(OutputFile { path, content: FileContent::Copy(e.path().to_path_buf()) })
        })
        .collect()
}

fn template_error(shown_as: &Path, error: &tera::Error) -> Diagnostic {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(s) = source {
        message.push_str(&format!("\n{s}"));
        source = s.source();
    }
    Diagnostic::new(codes::THEME, shown_as.join("templates"), format!("feil i en mal i temaet:\n{message}"))
        .hint("rett malen og bygg på nytt; forrige versjon av nettstedet er urørt")
        .outside_content()
}
