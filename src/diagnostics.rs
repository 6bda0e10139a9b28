//! Diagnostics: every problem a run finds, with file, line, field, message and hint, and their rendering.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How serious a diagnostic is: errors fail a build, warnings never do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in the content, the theme or the run, located as precisely as we can.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site's content folder (or the theme folder), `/`-separated.
    pub path: PathBuf,
    /// 1-based line in the file, if known.
    pub line: Option<usize>,
    /// 1-based column, if known.
    pub column: Option<usize>,
    /// The content key concerned, as the coordinator writes it (`gyldig_til`, `opsjoner[1].til`).
    pub field: Option<String>,
    pub message: String,
    pub hint: Option<String>,
    /// The source line the diagnostic points at, for the excerpt.
    #[serde(skip)]
    pub excerpt: Option<String>,
    /// The path is not in the content folder (a theme file, the output folder): shown as is.
    #[serde(skip)]
    pub outside_content: bool,
}

impl Diagnostic {
    pub fn error(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, path, message)
    }

    pub fn warning(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, path, message)
    }

    fn new(severity: Severity, path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            path: path.into(),
            line: None,
            column: None,
            field: None,
            message: message.into(),
            hint: None,
            excerpt: None,
            outside_content: false,
        }
    }

    /// Marks the path as not relative to the content folder.
    pub fn outside_content(mut self) -> Self {
        self.outside_content = true;
        self
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column.max(1));
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn hint_opt(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    /// Fills in the excerpt from the file's text, once the line is known.
    pub fn with_source(mut self, source: &str) -> Self {
        if let Some(line) = self.line {
            self.excerpt = source.lines().nth(line.saturating_sub(1)).map(|l| l.trim_end().to_string());
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// All the diagnostics of a run, in a stable order: by file, then line.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sorted: errors first, then by file and line, so output is stable from run to run.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (a.severity, &a.path, a.line, a.column, &a.message)
                .cmp(&(b.severity, &b.path, b.line, b.column, &b.message))
        });
        self.items.dedup();
        self.items
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// Renders diagnostics as text for a terminal: a numbered list, each with an excerpt and a caret.
pub fn render(diagnostics: &[Diagnostic], base: &Path) -> String {
    let mut out = String::new();
    for (n, d) in diagnostics.iter().enumerate() {
        let label = match d.severity {
            Severity::Error => "feil",
            Severity::Warning => "advarsel",
        };
        let _ = writeln!(out, "{}. {label}: {}", n + 1, d.message);
        let path = if d.outside_content { d.path.clone() } else { base.join(&d.path) };
        let mut location = path.display().to_string().replace('\\', "/");
        if let Some(line) = d.line {
            let _ = write!(location, ":{line}");
            if let Some(col) = d.column {
                let _ = write!(location, ":{col}");
            }
        }
        let _ = write!(out, "   --> {location}");
        if let Some(field) = &d.field {
            let _ = write!(out, " (felt `{field}`)");
        }
        out.push('\n');
        if let (Some(line), Some(text)) = (d.line, &d.excerpt) {
            let number = line.to_string();
            let pad = " ".repeat(number.len());
            let col = d.column.unwrap_or(1);
            let prefix: String =
                text.chars().take(col.saturating_sub(1)).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
            let width =
                text.chars().skip(col.saturating_sub(1)).take_while(|c| !c.is_whitespace() && *c != ':').count().max(1);
            let _ = writeln!(out, "    {pad} |");
            let _ = writeln!(out, "    {number} | {text}");
            let _ = writeln!(out, "    {pad} | {prefix}{}", "^".repeat(width));
        }
        if let Some(hint) = &d.hint {
            let _ = writeln!(out, "    = hjelp: {hint}");
        }
        out.push('\n');
    }
    out
}

/// The closing line: how many errors and warnings.
pub fn summary(errors: usize, warnings: usize) -> String {
    let e = if errors == 1 { "1 feil".to_string() } else { format!("{errors} feil") };
    let w = if warnings == 1 { "1 advarsel".to_string() } else { format!("{warnings} advarsler") };
    format!("{e} og {w}")
}
