//! The YAML layer: the one place that calls the YAML parser. It turns text into raw
//! structs and every problem into a located diagnostic, reporting all of a file's
//! problems rather than only the first.

use crate::diagnostics::Diagnostic;
use serde::de::DeserializeOwned;
use std::path::Path;
use yaml_serde::Value;

/// Where a YAML text sits: its file and the line its first line has in that file.
pub struct Source<'a> {
    /// The path shown to the user (relative to the content folder).
    pub path: &'a Path,
    /// The YAML text itself.
    pub yaml: &'a str,
    /// The number of lines in the file before the YAML text starts.
    pub line_offset: usize,
    /// The whole file, for excerpts.
    pub file_text: &'a str,
}

impl Source<'_> {
    fn diagnostic(&self, message: String, line: usize, column: usize) -> Diagnostic {
        Diagnostic::error(self.path, message).at(line + self.line_offset, column).with_source(self.file_text)
    }

    /// Where a key path (`opsjoner[1].til`) is written, as a line and column in the file.
    pub fn locate(&self, path: &[Segment]) -> (usize, usize) {
        let (line, col) = locate(self.yaml, path);
        (line + self.line_offset, col)
    }

    /// An error about one field, located at the line where it is written.
    pub fn field_error(&self, path: &[Segment], message: impl Into<String>) -> Diagnostic {
        let (line, col) = locate(self.yaml, path);
        self.diagnostic(message.into(), line, col).field(display_path(path))
    }

    /// A warning about one field.
    pub fn field_warning(&self, path: &[Segment], message: impl Into<String>) -> Diagnostic {
        let mut d = self.field_error(path, message);
        d.severity = crate::diagnostics::Severity::Warning;
        d
    }
}

/// One step of a key path: a key in a mapping or an index in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// A key path from string keys and indexes, as `key!["opsjoner", 1, "til"]` would read.
pub fn key(name: &str) -> Segment {
    Segment::Key(name.to_string())
}

/// `opsjoner[1].til`.
pub fn display_path(path: &[Segment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Segment::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Parses a YAML text into `T`, collecting every problem: syntax errors, unknown keys
/// (with a "did you mean"), values of the wrong type. Fields with a problem are left
/// out, so the rest of the file can still be checked.
pub fn parse<T: DeserializeOwned>(source: &Source) -> Parsed<T> {
    let (value, diagnostics, settled) = parse_inner(source);
    Parsed { value, diagnostics, settled }
}

/// What parsing one YAML text gave.
pub struct Parsed<T> {
    pub value: Option<T>,
    pub diagnostics: Vec<Diagnostic>,
    /// Key paths already reported (a wrong type, or the key an unknown key was likely meant
    /// to be), so that later checks do not report them again as missing.
    pub settled: Vec<String>,
}

fn parse_inner<T: DeserializeOwned>(source: &Source) -> (Option<T>, Vec<Diagnostic>, Vec<String>) {
    let mut diagnostics = Vec::new();
    let mut settled = Vec::new();
    let mut value: Value = match yaml_serde::from_str(source.yaml) {
        Ok(Value::Null) => Value::Mapping(Default::default()),
        Ok(v) => v,
        Err(e) => {
            let (line, col) = e.location().map(|l| (l.line(), l.column())).unwrap_or((1, 1));
            let d = source
                .diagnostic(format!("YAML-en kan ikke leses: {}", syntax_words(&strip_location(&e.to_string()))), line, col)
                .hint("sjekk innrykket (mellomrom, ikke tabulator), kolon etter hver nøkkel, og at tekst med kolon eller # står i anførselstegn");
            return (None, vec![d], settled);
        }
    };
    for _ in 0..64 {
        match serde_path_to_error::deserialize::<_, T>(&value) {
            Ok(t) => return (Some(t), diagnostics, settled),
            Err(error) => {
                let mut path = convert_path(error.path());
                let message = error.into_inner().to_string();
                if let Some((unknown, expected)) = parse_unknown_field(&message) {
                    if path.last() != Some(&Segment::Key(unknown.clone())) {
                        path.push(Segment::Key(unknown.clone()));
                    }
                    let (line, col) = locate(source.yaml, &path);
                    let oddity = key_oddity(&unknown);
                    let hint = match did_you_mean(&unknown, &expected) {
                        Some(best) => {
                            let mut meant = path[..path.len() - 1].to_vec();
                            meant.push(Segment::Key(best.to_string()));
                            settled.push(display_path(&meant));
                            format!("mente du `{best}`?")
                        }
                        None => format!("gyldige nøkler her er: {}", expected.join(", ")),
                    };
                    let hint = match oddity {
                        Some(why) => format!("{why}; {hint}"),
                        None => hint,
                    };
                    diagnostics.push(
                        source
                            .diagnostic(format!("ukjent nøkkel `{}`", unknown.escape_debug()), line, col)
                            .field(display_path(&path))
                            .hint(hint),
                    );
                } else {
                    let (line, col) = locate(source.yaml, &path);
                    let (text, hint) = translate(&message);
                    let field = display_path(&path);
                    settled.push(field.clone());
                    let text = if field.is_empty() { text } else { format!("`{field}`: {text}") };
                    diagnostics.push(source.diagnostic(text, line, col).field(field).hint_opt(hint));
                }
                if !remove_at(&mut value, &path) {
                    return (None, diagnostics, settled);
                }
            }
        }
    }
    (None, diagnostics, settled)
}

/// Parses a YAML text that is plain data (no diagnostics beyond the first error), such as a CPV list.
pub fn parse_data<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    yaml_serde::from_str(text).map_err(|e| e.to_string())
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: &'a [String]) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(&word_lower, &c.to_lowercase()), c))
        .filter(|(distance, c)| *distance <= 2.max(c.len() / 3))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c.as_str())
}

fn convert_path(path: &serde_path_to_error::Path) -> Vec<Segment> {
    use serde_path_to_error::Segment as S;
    path.iter()
        .filter_map(|s| match s {
            S::Map { key } => Some(Segment::Key(key.clone())),
            S::Seq { index } => Some(Segment::Index(*index)),
            _ => None,
        })
        .collect()
}

fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// What is odd about a key, beyond a typo: characters pasted from a word processor, capitals.
fn key_oddity(key: &str) -> Option<&'static str> {
    if key.chars().any(|c| c.is_whitespace()) {
        Some(
            "nøkkelen inneholder et mellomrom eller et usynlig tegn (ofte et hardt mellomrom fra Word); skriv den på nytt",
        )
    } else if key
        .chars()
        .any(|c| matches!(c, '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' | '«' | '»' | '\u{200b}' | '\u{feff}'))
    {
        Some(
            "nøkkelen inneholder et typografisk anførselstegn eller et usynlig tegn (ofte fra Word); skriv den på nytt",
        )
    } else if key.chars().any(char::is_uppercase) {
        Some("nøkler skrives med små bokstaver")
    } else {
        None
    }
}

/// The parser's common syntax errors in plain Norwegian, the original in parentheses.
fn syntax_words(message: &str) -> String {
    let known = [
        (
            "mapping values are not allowed",
            "et kolon står der det ikke kan stå (ofte tekst med kolon uten anførselstegn, eller feil innrykk)",
        ),
        (
            "found character that cannot start any token",
            "et tegn som ikke kan begynne en verdi (ofte en tabulator, eller @ eller ` først i en verdi)",
        ),
        ("did not find expected key", "fant ikke en nøkkel der den skulle stå (ofte feil innrykk)"),
        ("did not find expected '-'", "fant ikke `-` der et nytt listeelement skulle stå (ofte feil innrykk)"),
        ("could not find expected ':'", "mangler kolon etter en nøkkel"),
        ("found unexpected end of stream", "filen slutter midt i en verdi (mangler et avsluttende anførselstegn?)"),
        ("duplicate entry", "samme nøkkel står to ganger"),
        ("found a tab character", "innrykket har en tabulator; bruk mellomrom"),
        (
            "repetition limit exceeded",
            "YAML-en gjentar seg for mange ganger (ankere og alias med `&` og `*`); skriv verdiene ut",
        ),
        ("recursion limit exceeded", "YAML-en er nøstet for dypt"),
        ("block sequence entries are not allowed", "et listeelement står der det ikke kan stå (ofte feil innrykk)"),
    ];
    match known.iter().find(|(en, _)| message.contains(en)) {
        Some((_, nb)) => format!("{nb} ({message})"),
        None => message.to_string(),
    }
}

fn parse_unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (name, rest) = rest.split_once('`')?;
    let expected = rest.split('`').skip(1).step_by(2).map(str::to_string).collect();
    Some((name.to_string(), expected))
}

/// Turns serde's English type errors into plain Norwegian with a hint.
fn translate(message: &str) -> (String, Option<String>) {
    let message = strip_location(message);
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        let hint = match expected {
            "a boolean" => Some("bare `true` eller `false` er gyldige her (ikke ja/nei)".to_string()),
            e if e.starts_with('u') || e.starts_with('i') => {
                Some("skriv et helt tall uten mellomrom, punktum eller «kr», for eksempel 1250000".to_string())
            }
            "a sequence" => Some("skriv en liste, én verdi per linje med `- ` foran".to_string()),
            "tekst" | "a string" => {
                Some("skriv teksten på samme linje etter kolon, i anførselstegn hvis den har kolon eller starter med [ eller {".to_string())
            }
            _ => None,
        };
        return (format!("fant {}, men forventet {}", found_words(found), expected_words(expected)), hint);
    }
    if let Some(rest) = message.strip_prefix("invalid value: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return (format!("ugyldig verdi {}, forventet {}", found_words(found), expected_words(expected)), None);
    }
    (message, None)
}

fn found_words(found: &str) -> String {
    if let Some(s) = found.strip_prefix("string ") {
        return format!("teksten {s}");
    }
    if let Some(s) = found.strip_prefix("integer ") {
        return format!("tallet {}", s.trim_matches('`'));
    }
    if let Some(s) = found.strip_prefix("floating point ") {
        return format!("tallet {}", s.trim_matches('`'));
    }
    if let Some(s) = found.strip_prefix("boolean ") {
        return s.trim_matches('`').to_string();
    }
    match found {
        "sequence" => "en liste".into(),
        "map" => "nøkler med verdier".into(),
        "unit value" | "null" => "en tom verdi".into(),
        other => other.to_string(),
    }
}

fn expected_words(expected: &str) -> String {
    match expected {
        "a boolean" => "true eller false".into(),
        "a string" => "tekst".into(),
        "a sequence" => "en liste".into(),
        e if e.starts_with("struct ") || e == "a map" => "nøkler med verdier (nøkkel: verdi)".into(),
        e if e.starts_with('u') || e.starts_with('i') => "et helt tall".into(),
        other => other.to_string(),
    }
}

fn remove_at(value: &mut Value, path: &[Segment]) -> bool {
    let Some((last, parents)) = path.split_last() else {
        return false;
    };
    let mut current = value;
    for segment in parents {
        current = match (segment, current) {
            (Segment::Key(k), Value::Mapping(m)) => match m.get_mut(k.as_str()) {
                Some(v) => v,
                None => return false,
            },
            (Segment::Index(i), Value::Sequence(s)) => match s.get_mut(*i) {
                Some(v) => v,
                None => return false,
            },
            (_, Value::Tagged(t)) => &mut t.value,
            _ => return false,
        };
    }
    match (last, current) {
        (Segment::Key(k), Value::Mapping(m)) => m.remove(k.as_str()).is_some(),
        (Segment::Index(i), Value::Sequence(s)) if *i < s.len() => {
            s.remove(*i);
            true
        }
        _ => false,
    }
}

/// Finds the line (1-based, within `yaml`) and column where a key path is written,
/// by reading the indentation of block-style YAML. Falls back to the deepest part of
/// the path it can find, and to line 1.
pub fn locate(yaml: &str, path: &[Segment]) -> (usize, usize) {
    let lines: Vec<LineShape> = yaml.lines().map(LineShape::of).collect();
    let mut found = (1, 1);
    let mut range = 0..lines.len();
    // The indentation that the parent occupies; children are deeper.
    let mut parent_indent: Option<usize> = None;
    // When a list item starts on the line we are in, that line itself holds its first key.
    let mut include_first = true;
    for segment in path {
        let children: Vec<usize> = range
            .clone()
            .filter(|&i| !lines[i].blank)
            .filter(|&i| parent_indent.is_none_or(|p| lines[i].key_indent > p))
            .filter(|&i| include_first || i != range.start)
            .collect();
        match segment {
            Segment::Key(k) => {
                let level = children.iter().map(|&i| lines[i].key_indent).min();
                let hit = children.iter().copied().find(|&i| lines[i].key == *k && Some(lines[i].key_indent) == level);
                let Some(i) = hit else { break };
                found = (i + 1, lines[i].key_indent + 1);
                let indent = lines[i].key_indent;
                let end = (i + 1..range.end)
                    .find(|&j| {
                        !lines[j].blank
                            && lines[j].key_indent <= indent
                            && lines[j].dash_indent.is_none_or(|d| d < indent)
                    })
                    .unwrap_or(range.end);
                range = i..end;
                parent_indent = Some(indent);
                include_first = false;
            }
            Segment::Index(n) => {
                let items: Vec<usize> = range
                    .clone()
                    .filter(|&i| lines[i].dash_indent.is_some_and(|d| parent_indent.is_none_or(|p| d >= p)))
                    .collect();
                let Some(&first) = items.first() else { break };
                let item_indent = lines[first].dash_indent.unwrap_or(0);
                let items: Vec<usize> =
                    items.into_iter().filter(|&i| lines[i].dash_indent == Some(item_indent)).collect();
                let Some(&i) = items.get(*n) else { break };
                found = (i + 1, item_indent + 1);
                let end = items.get(n + 1).copied().unwrap_or_else(|| {
                    (i + 1..range.end)
                        .find(|&j| !lines[j].blank && lines[j].key_indent <= item_indent)
                        .unwrap_or(range.end)
                });
                range = i..end;
                parent_indent = Some(item_indent);
                include_first = true;
            }
        }
    }
    found
}

/// What locate needs of one line: its key, the indentation of that key, and of a leading `-`.
struct LineShape {
    blank: bool,
    key: String,
    key_indent: usize,
    dash_indent: Option<usize>,
}

impl LineShape {
    fn of(line: &str) -> LineShape {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let mut rest = &line[indent..];
        let blank = rest.is_empty() || rest.starts_with('#');
        let mut key_indent = indent;
        let mut dash_indent = None;
        while rest.starts_with("- ") || rest == "-" {
            if dash_indent.is_none() {
                dash_indent = Some(key_indent);
            }
            let after = rest.get(1..).unwrap_or("");
            let spaces = after.len() - after.trim_start_matches(' ').len();
            key_indent += 1 + spaces;
            rest = &after[spaces..];
        }
        let key = match rest.split_once(':') {
            Some((k, _)) if !k.contains(' ') || k.starts_with(['"', '\'']) => k.trim_matches(['"', '\'']).to_string(),
            _ => String::new(),
        };
        LineShape { blank, key, key_indent, dash_indent }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "tittel: Kontor\nopsjoner:\n  - til: 2026-01-01\n    utlost: true\n  - til: 2027-01-01\n    utlost: nei\nkontakt:\n  navn: Kari\n  epost: kari@example.no\n";

    #[test]
    fn locates_nested_keys_and_list_items() {
        assert_eq!(locate(YAML, &[key("tittel")]), (1, 1));
        assert_eq!(locate(YAML, &[key("opsjoner"), Segment::Index(1)]), (5, 3));
        assert_eq!(locate(YAML, &[key("opsjoner"), Segment::Index(1), key("utlost")]), (6, 5));
        assert_eq!(locate(YAML, &[key("opsjoner"), Segment::Index(0), key("til")]), (3, 5));
        assert_eq!(locate(YAML, &[key("kontakt"), key("epost")]), (9, 3));
        assert_eq!(locate(YAML, &[key("mangler")]), (1, 1));
        // `navn` exists only nested: a top-level lookup must not find it.
        assert_eq!(locate(YAML, &[key("navn")]), (1, 1));
    }

    #[test]
    fn suggests_close_keys_only() {
        let keys = vec!["gyldig_til".to_string(), "gyldig_fra".to_string(), "tittel".to_string()];
        assert_eq!(did_you_mean("gyldig_tl", &keys), Some("gyldig_til"));
        assert_eq!(did_you_mean("Tittel", &keys), Some("tittel"));
        assert_eq!(did_you_mean("leverandor_nummer", &keys), None);
    }
}
