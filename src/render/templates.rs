//! The theme: Tera templates and static files from the theme folder. The one place that
//! calls the template engine.

use crate::diagnostics::{Diagnostic, codes, io_words};
use serde::Serialize;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// The templates every theme must have.
pub const REQUIRED: [&str; 20] = [
    "index.html",
    "agreements.html",
    "agreement.html",
    "purchases.html",
    "purchase.html",
    "courses.html",
    "course.html",
    "requirements.html",
    "requirement.html",
    "municipalities.html",
    "municipality.html",
    "categories.html",
    "category.html",
    "suppliers.html",
    "supplier.html",
    "page.html",
    "search.html",
    "404.html",
    "data.html",
    "timeline.html",
];

/// A loaded theme: compiled templates and the list of static files.
#[derive(Clone)]
pub struct Theme {
    tera: tera::Tera,
    /// Static files: (path relative to the theme's static/ folder, full path).
    pub static_files: Vec<(PathBuf, PathBuf)>,
}

impl Theme {
    /// Loads and compiles every template in `<theme>/templates/`.
    pub fn load(theme_dir: &Path, shown_as: &Path) -> Result<Theme, Vec<Diagnostic>> {
        let templates_dir = theme_dir.join("templates");
        if !templates_dir.is_dir() {
            return Err(vec![
                Diagnostic::new(
                    codes::THEME,
                    shown_as,
                    format!("temaet har ingen mappe templates/ ({})", templates_dir.display()),
                )
                .hint("oppgi temamappen med --theme, for eksempel themes/default")
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
                        shown_as.join("templates").join(rel),
                        format!("malen kan ikke leses: {}", io_words(&e)),
                    )
                    .outside_content(),
                ),
            }
        }
        for required in REQUIRED {
            if !sources.iter().any(|(n, _)| n == required) {
                errors.push(
                    Diagnostic::new(
                        codes::THEME,
                        shown_as.join("templates").join(required),
                        format!("temaet mangler malen {required}"),
                    )
                    .hint("kopier den fra themes/default/templates/")
                    .outside_content(),
                );
            }
        }
        let mut tera = tera::Tera::new();
        if let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str()))) {
            errors.push(template_error(shown_as, &e));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let static_dir = theme_dir.join("static");
        let static_files = WalkDir::new(&static_dir)
            .sort_by_file_name()
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .filter_map(|e| {
                e.path().strip_prefix(&static_dir).ok().map(|rel| (rel.to_path_buf(), e.path().to_path_buf()))
            })
            .collect();
        Ok(Theme { tera, static_files })
    }

    /// Sets what every page sees.
    pub fn set_globals<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        self.tera.global_context().insert(name, value);
    }

    /// Renders one template with its context.
    pub fn render(&self, template: &str, context: &tera::Context, shown_as: &Path) -> Result<String, Diagnostic> {
        self.tera.render(template, context).map_err(|e| template_error(shown_as, &e))
    }
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
