//! Diagnostics: every problem a run finds, with its code, file, line, field, message and hint,
//! and their rendering.

pub mod codes;

pub use codes::Code;
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
    /// The stable code of this kind of problem (see [`codes`]).
    pub code: Code,
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
    /// The source line the diagnostic points at (the part around the column, if it is long).
    #[serde(skip)]
    pub excerpt: Option<String>,
    /// The column within the excerpt (it differs from `column` when the line was cut).
    #[serde(skip)]
    pub excerpt_column: Option<usize>,
    /// The path is not in the content folder (a theme file, the output folder): shown as is.
    #[serde(skip)]
    pub outside_content: bool,
}

impl Diagnostic {
    /// A diagnostic of kind `code` about the file at `path`: an error or a warning as the code says.
    pub fn new(code: Code, path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        let severity = if code.is_error() { Severity::Error } else { Severity::Warning };
        Diagnostic {
            severity,
            code,
            path: path.into(),
            line: None,
            column: None,
            field: None,
            message: message.into(),
            hint: None,
            excerpt: None,
            excerpt_column: None,
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

    /// Fills in the excerpt from the file's text, once the line is known. A long line is cut
    /// to the part around the column, so a diagnostic never echoes a whole pasted document.
    pub fn with_source(mut self, source: &str) -> Self {
        if let Some(line) = self.line {
            let text = source.lines().nth(line.saturating_sub(1)).map(str::trim_end);
            if let Some((excerpt, column)) = text.map(|t| cut_excerpt(t, self.column.unwrap_or(1))) {
                self.excerpt = Some(excerpt);
                self.excerpt_column = Some(column);
            }
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
        let _ = writeln!(out, "{}. {label} [{}]: {}", n + 1, d.code.id, d.message);
        let path = if d.outside_content { d.path.clone() } else { base.join(&d.path) };
        let mut location = path.display().to_string().replace('\\', "/");
        if let Some(line) = d.line {
            let _ = write!(location, ":{line}");
            if let Some(col) = d.column {
                let _ = write!(location, ":{col}");
            }
        }
        let _ = write!(out, "   --> {location}");
        if let Some(field) = d.field.as_ref().filter(|f| !f.is_empty()) {
            let _ = write!(out, " (felt `{field}`)");
        }
        out.push('\n');
        if let (Some(line), Some(text)) = (d.line, &d.excerpt) {
            let number = line.to_string();
            let pad = " ".repeat(number.len());
            let col = d.excerpt_column.or(d.column).unwrap_or(1);
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

/// What went wrong with a file operation, in Norwegian (the system's own text is English).
pub fn io_words(error: &std::io::Error) -> &'static str {
    use std::io::ErrorKind as K;
    match error.kind() {
        K::NotFound => "finnes ikke",
        K::PermissionDenied => "mangler tilgang (lese- eller skrivetilgang)",
        K::AlreadyExists => "finnes allerede",
        K::NotADirectory => "en del av stien er en fil, ikke en mappe",
        K::IsADirectory => "er en mappe, ikke en fil",
        K::DirectoryNotEmpty => "mappen er ikke tom",
        K::StorageFull | K::QuotaExceeded => "disken er full",
        K::ReadOnlyFilesystem => "disken kan bare leses, ikke skrives til",
        K::InvalidFilename => "filnavnet er for langt eller har tegn som ikke er tillatt",
        K::FileTooLarge => "filen er for stor",
        K::ResourceBusy | K::ExecutableFileBusy => "filen er i bruk av et annet program",
        K::CrossesDevices => "kan ikke flyttes til en annen disk",
        K::TooManyLinks => "for mange lenker i stien",
        K::Interrupted | K::WouldBlock | K::TimedOut => "ble avbrutt; prøv igjen",
        K::AddrInUse => "adressen (porten) er i bruk av et annet program",
        K::AddrNotAvailable => "adressen finnes ikke på denne maskinen",
        K::InvalidData => "innholdet kan ikke leses",
        K::OutOfMemory => "maskinen har ikke nok minne",
        _ => "en feil fra operativsystemet",
    }
}

/// The longest excerpt shown, in characters.
const EXCERPT_CHARS: usize = 120;

/// The excerpt of `line` shown for `column` (1-based, in characters), and the column within it:
/// the whole line when it is short, else about [`EXCERPT_CHARS`] characters around the column,
/// with `…` where it was cut.
fn cut_excerpt(line: &str, column: usize) -> (String, usize) {
    let count = line.chars().count();
    if count <= EXCERPT_CHARS {
        return (line.to_string(), column);
    }
    let at = column.saturating_sub(1).min(count);
    let start = at.saturating_sub(EXCERPT_CHARS / 3);
    let end = (start + EXCERPT_CHARS).min(count);
    let mut excerpt = String::new();
    if start > 0 {
        excerpt.push('…');
    }
    excerpt.extend(line.chars().skip(start).take(end - start));
    if end < count {
        excerpt.push('…');
    }
    (excerpt, at - start + 1 + usize::from(start > 0))
}

/// The closing line: how many errors and warnings.
pub fn summary(errors: usize, warnings: usize) -> String {
    let e = if errors == 1 { "1 feil".to_string() } else { format!("{errors} feil") };
    let w = if warnings == 1 { "1 advarsel".to_string() } else { format!("{warnings} advarsler") };
    format!("{e} og {w}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_cut_around_the_column() {
        let line = format!("tittel: {}FEIL{}", "a".repeat(5000), "b".repeat(5000));
        let d = Diagnostic::new(codes::YAML_SYNTAX, "a.md", "x").at(1, 5009).with_source(&line);
        let excerpt = d.excerpt.clone().unwrap_or_default();
        assert!(excerpt.chars().count() <= EXCERPT_CHARS + 2, "{}", excerpt.len());
        let column = d.excerpt_column.unwrap_or(0);
        assert_eq!(excerpt.chars().skip(column - 1).take(4).collect::<String>(), "FEIL");
        let shown = render(&[d], Path::new("content"));
        assert!(shown.contains("feil [E020]: x"), "{shown}");
        assert!(shown.len() < 600, "{shown}");
    }
}
