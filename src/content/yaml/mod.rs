//! The YAML layer: the one place that calls the YAML parser. It turns text into raw
//! structs and every problem into a located diagnostic, reporting all of a file's
//! problems rather than only the first.

use crate::content::chars;
use crate::diagnostics::{Code, Diagnostic, codes};
use serde::de::DeserializeOwned;
use std::path::Path;
use yaml_serde::Value;

mod locate;
mod words;

pub use locate::locate;
pub use words::key_oddity;

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
    fn diagnostic(&self, code: Code, message: String, line: usize, column: usize) -> Diagnostic {
        Diagnostic::new(code, self.path, message).at(line + self.line_offset, column).with_source(self.file_text)
    }

    /// Where a key path (`opsjoner[1].til`) is written, as a line and column in the file.
    pub fn locate(&self, path: &[Segment]) -> (usize, usize) {
        let (line, col) = locate(self.yaml, path);
        (line + self.line_offset, col)
    }

    /// A diagnostic about a key that is missing at the top: at the opening `---` of a .md
    /// file, or without a line in a .yaml file, never under a key that is there.
    pub fn missing_key(&self, code: Code, name: &str, message: impl Into<String>) -> Diagnostic {
        let d = Diagnostic::new(code, self.path, message.into()).field(name.to_string());
        if self.line_offset > 0 { d.at(1, 1).with_source(self.file_text) } else { d }
    }

    /// A diagnostic about one field, located at the line where it is written.
    pub fn field(&self, code: Code, path: &[Segment], message: impl Into<String>) -> Diagnostic {
        let (line, col) = locate(self.yaml, path);
        self.diagnostic(code, message.into(), line, col).field(display_path(path))
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

/// Parses a YAML text into `T`, collecting every problem: syntax errors, keys written twice,
/// unknown keys (with a "did you mean"), values of the wrong type, control characters. Fields
/// with a problem are left out, so the rest of the file can still be checked. Every message
/// is Norwegian.
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
        Ok(v) => v,
        Err(e) => return (None, vec![syntax_error(source, &e)], settled),
    };
    if value.is_null() {
        // An empty file: no keys, or an empty list (leverandorer.yaml).
        let empty = [Value::Mapping(Default::default()), Value::Sequence(Vec::new())];
        return (empty.into_iter().find_map(|v| T::deserialize(v).ok()), diagnostics, settled);
    }
    keys_as_text(&mut value);
    for path in control_characters(&value) {
        let (line, col) = locate(source.yaml, &path);
        let field = display_path(&path);
        // Written as an escape in double quotes (`"Kontor\x01rekvisita"`): she sees the
        // escape, so it is named, at its column, with the line without it.
        let text = source.yaml.lines().nth(line.saturating_sub(1)).unwrap_or("");
        let diagnostic = match escape_in(text) {
            Some((at, escape)) => {
                let key = field.rsplit('.').next().unwrap_or(&field);
                let value = text.split_once(':').map_or("", |(_, v)| v.trim()).replacen(escape, "", 1);
                source
                    .diagnostic(
                        codes::CONTROL_CHARACTER,
                        format!("`{escape}` i `{field}` blir et usynlig styretegn"),
                        line,
                        at + 1,
                    )
                    .hint(format!("slett `{escape}`: `{key}: {value}`"))
            }
            None => source
                .diagnostic(codes::CONTROL_CHARACTER, format!("`{field}` har et usynlig styretegn"), line, col)
                .hint("slett tegnet og skriv ordet rundt på nytt (det kommer ofte med når tekst limes inn fra et annet program)"),
        };
        diagnostics.push(diagnostic.field(field.clone()));
        settled.push(field);
        remove_at(&mut value, &path);
    }
    for path in curly_quoted(&value) {
        let (line, col) = locate(source.yaml, &path);
        let field = display_path(&path);
        diagnostics.push(
            source
                .diagnostic(
                    codes::CURLY_QUOTES,
                    format!("`{field}` står i typografiske anførselstegn (“ ”), slik Word setter dem"),
                    line,
                    col,
                )
                .field(field)
                .hint("bytt dem til vanlige anførselstegn \"…\", eller fjern dem; i en tekst blir de ellers stående på nettsiden (i en id leses de bort)"),
        );
    }
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
                    // `tekst` is the body of a .yaml item; a .md file has its body under the keys.
                    let markdown = source.path.extension().is_some_and(|e| e.eq_ignore_ascii_case("md"));
                    let expected: Vec<String> = expected.into_iter().filter(|k| !(markdown && k == "tekst")).collect();
                    let hint = match did_you_mean(&unknown, &expected) {
                        Some(best) => {
                            let mut meant = path[..path.len() - 1].to_vec();
                            meant.push(Segment::Key(best.to_string()));
                            settled.push(display_path(&meant));
                            format!("mente du `{best}`?")
                        }
                        None if unknown.parse::<f64>().is_ok() => format!(
                            "står det et tall der navnet på nøkkelen skulle stå? En linje skrives `nøkkel: verdi`; gyldige nøkler her er: {}",
                            expected.join(", ")
                        ),
                        None => format!("gyldige nøkler her er: {}", expected.join(", ")),
                    };
                    let hint = match key_oddity(&unknown) {
                        Some(why) => format!("{why}; {hint}"),
                        None => hint,
                    };
                    diagnostics.push(
                        source
                            .diagnostic(codes::UNKNOWN_KEY, unknown_key_message(&unknown), line, col)
                            .field(display_path(&path))
                            .hint(hint),
                    );
                } else {
                    let (line, col) = locate(source.yaml, &path);
                    let field = display_path(&path);
                    let (code, text, hint) = words::value(&message, &field);
                    settled.push(field.clone());
                    diagnostics.push(source.diagnostic(code, text, line, col).field(field).hint_opt(hint));
                }
                if !remove_at(&mut value, &path) {
                    return (None, diagnostics, settled);
                }
            }
        }
    }
    (None, diagnostics, settled)
}

/// The first escape in a line that stands for a control character (`\x01`, `\u0007`, `\a`),
/// with its byte position.
fn escape_in(line: &str) -> Option<(usize, &str)> {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'\\' {
            let len = match bytes[i + 1] {
                b'\\' | b'"' => {
                    i += 2;
                    continue;
                }
                b'x' => 4,
                b'u' => 6,
                b'0' | b'a' | b'b' | b'e' | b'f' | b'v' => 2,
                _ => 0,
            };
            // `\x41` is a letter, not a control character: only those that stand for one.
            let control = |hex: &str| u32::from_str_radix(hex, 16).is_ok_and(|c| c < 0x20 || (0x7f..0xa0).contains(&c));
            if len > 0
                && let Some(escape) = line.get(i..i + len)
                && (len == 2 || control(&escape[2..]))
            {
                return Some((i, escape));
            }
        }
        i += 1;
    }
    None
}

/// «ukjent nøkkel `x`»; for a key with a character she cannot see (a hard space from a word
/// processor), the key as she sees it and where the character is, never an escape code.
fn unknown_key_message(key: &str) -> String {
    let visible = |c: char| !c.is_whitespace() && !c.is_control() && !matches!(c, '\u{200b}' | '\u{feff}');
    let clean: String = key.chars().filter(|&c| visible(c)).collect();
    if clean.len() == key.len() || clean.is_empty() {
        return format!("ukjent nøkkel `{}`", key.escape_debug());
    }
    let hard = key.chars().any(|c| matches!(c, '\u{a0}' | '\u{202f}'));
    let what = if hard { "et hardt mellomrom" } else { "et mellomrom eller et usynlig tegn" };
    if key.trim_end_matches(|c: char| !visible(c)) == clean {
        format!("det står {what} mellom `{clean}` og kolonet")
    } else {
        format!("nøkkelen `{clean}` har {what} i seg")
    }
}

/// A text the parser could not read, said in Norwegian at its line: a key written twice, a
/// .yaml file written like a .md file, a number too large, or a syntax error.
fn syntax_error(source: &Source, error: &yaml_serde::Error) -> Diagnostic {
    let message = error.to_string();
    let (line, col) = error.location().map(|l| (l.line(), l.column())).unwrap_or((1, 1));
    if let Some(rest) = message.split("duplicate entry with key ").nth(1) {
        let key = words::strip_location(rest).trim_matches('"').to_string();
        let (first, second) = locate::twice(source.yaml, &key).unwrap_or((line, line));
        let (first, second) = (first + source.line_offset, second + source.line_offset);
        return source
            .diagnostic(
                codes::DUPLICATE_KEY,
                format!("`{key}` står to ganger, på linje {first} og {second}"),
                second - source.line_offset,
                1,
            )
            .field(key)
            .hint("slett den ene av de to linjene");
    }
    if message.contains("more than one document") {
        let at = source.yaml.lines().skip(1).position(|l| l.trim_end() == "---").map_or(1, |i| i + 2);
        return source
            .diagnostic(
                codes::YAML_WITH_DASHES,
                "filen er skrevet som en .md-fil, med nøklene mellom linjer med `---`, men heter .yaml".to_string(),
                at,
                1,
            )
            .hint("gi filen endelsen .md; eller fjern linjene med `---` og skriv teksten under `tekst: |`");
    }
    if message.contains(" as u128") || message.contains(" as i128") {
        let number = message.split('`').nth(1).unwrap_or("").to_string();
        return source
            .diagnostic(codes::NUMBER_OUT_OF_RANGE, format!("tallet {number} er for stort"), line, col)
            .hint("skriv et mindre tall; beløp skrives i hele kroner, for eksempel 1250000");
    }
    if let Some(d) = plain_cause(source, line, message.contains("mapping values are not allowed")) {
        return d;
    }
    let (text, hint) = words::syntax(&message);
    let what = if source.line_offset > 0 { "nøklene øverst i filen" } else { "filen" };
    source.diagnostic(codes::YAML_SYNTAX, format!("{what} kan ikke leses: {text}"), line, col).hint(hint)
}

/// The three mistakes a parser names by their effect: a tab in the indent, a key indented
/// more than the key above it at the same level, and a colon in a text without quotes
/// (`colon`: the parser met a colon where it could not be). Said by their cause, at the line.
fn plain_cause(source: &Source, line: usize, colon: bool) -> Option<Diagnostic> {
    let lines: Vec<&str> = source.yaml.lines().collect();
    let at = line.checked_sub(1)?;
    let this = *lines.get(at)?;
    let indent = |l: &str| l.len() - l.trim_start_matches([' ', '\t']).len();
    let shown = line + source.line_offset;
    if this[..indent(this)].contains('\t') {
        let rest = this.trim_start_matches([' ', '\t']);
        return Some(
            source
                .diagnostic(codes::YAML_SYNTAX, format!("linje {shown} har en tabulator i innrykket"), line, 1)
                .hint(format!("slett tabulatoren og skriv mellomrom i stedet, to for hvert nivå: `  {rest}`")),
        );
    }
    let trimmed = this.trim_start().trim_start_matches("- ");
    if colon
        && let Some((key, text)) = trimmed.split_once(": ")
        && !key.contains(' ')
        && !text.trim_start().starts_with(['"', '\'', '[', '{', '|', '>'])
        && text.contains(": ")
    {
        let text = text.trim();
        let quoted = text.replace('"', "'");
        return Some(
            source
                .diagnostic(codes::YAML_SYNTAX, format!("teksten i `{key}` har et kolon (:) i seg"), line, 1)
                .hint(format!("sett hele teksten i anførselstegn: `{key}: \"{quoted}\"`")),
        );
    }
    // A text that begins with a sign YAML reads as its own (`*papir` as a reference).
    if let Some((key, text)) = trimmed.split_once(": ")
        && !key.contains(' ')
        && let Some(sign) = text.trim_start().chars().next().filter(|c| matches!(c, '*' | '&' | '!' | '@' | '`' | '%'))
    {
        let text = text.trim();
        return Some(
            source
                .diagnostic(
                    codes::YAML_SYNTAX,
                    format!("teksten i `{key}` begynner med {sign}, som ikke kan stå først uten anførselstegn"),
                    line,
                    1,
                )
                .hint(format!("sett hele teksten i anførselstegn: `{key}: \"{}\"`", text.replace('"', "'"))),
        );
    }
    // The nearest line above that is not empty or a comment.
    let above = lines[..at].iter().rev().find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let key_of = |l: &str| {
        let t = l.trim_start().trim_start_matches("- ");
        t.split_once(':').filter(|(k, v)| !k.contains(' ') && !v.trim().is_empty()).map(|(k, _)| k.to_string())
    };
    let (Some(key), Some(above_key)) = (key_of(this), key_of(above)) else { return None };
    let (mine, theirs) = (indent(this), indent(above) + if above.trim_start().starts_with("- ") { 2 } else { 0 });
    if mine <= theirs || mine > theirs + 4 {
        return None;
    }
    let extra = mine - theirs;
    let spaces = if extra == 1 { "ett mellomrom".to_string() } else { format!("{extra} mellomrom") };
    Some(
        source
            .diagnostic(codes::YAML_SYNTAX, format!("linje {shown} har {spaces} for mye foran `{key}`"), line, 1)
            .hint(format!(
                "`{key}` skal begynne rett under `{above_key}` på linjen over, med {theirs} mellomrom foran: `{}{}`",
                " ".repeat(theirs),
                this.trim_start()
            )),
    )
}

/// Makes every key of every mapping text: `1:` or `true:` is then an unknown key at its line,
/// not a puzzle at the top of the file.
fn keys_as_text(value: &mut Value) {
    match value {
        Value::Mapping(map) => {
            if map.keys().any(|k| !k.is_string()) {
                let old = std::mem::take(map);
                for (k, v) in old {
                    let k = match k {
                        Value::String(s) => s,
                        Value::Number(n) => n.to_string(),
                        Value::Bool(b) => b.to_string(),
                        Value::Null => "~".to_string(),
                        _ => "?".to_string(),
                    };
                    map.insert(Value::String(k), v);
                }
            }
            map.values_mut().for_each(keys_as_text);
        }
        Value::Sequence(items) => items.iter_mut().for_each(keys_as_text),
        Value::Tagged(t) => keys_as_text(&mut t.value),
        _ => {}
    }
}

/// The paths of the text values that hold a control character (written as an escape in
/// double quotes, such as `"\x01"`; one written as it is was refused when the file was read).
fn control_characters(value: &Value) -> Vec<Vec<Segment>> {
    let mut out = texts_where(value, |s| s.chars().any(chars::is_forbidden));
    // Removed from the last, so the indexes of the others stay right.
    out.reverse();
    out
}

/// The text values wrapped whole in typographic quotes (“…”, ”…”, ‘…’, „…“), as a word
/// processor writes `"…"`: YAML keeps the quotes as part of the value.
fn curly_quoted(value: &Value) -> Vec<Vec<Segment>> {
    texts_where(value, |s| {
        let mut chars = s.trim().chars();
        let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else { return false };
        matches!(first, '“' | '”' | '„' | '‘' | '’' | '‚') && matches!(last, '”' | '“' | '’' | '‘')
    })
}

/// The key paths of the text values for which `wanted` holds, in document order.
fn texts_where(value: &Value, wanted: fn(&str) -> bool) -> Vec<Vec<Segment>> {
    fn walk(value: &Value, wanted: fn(&str) -> bool, path: &mut Vec<Segment>, out: &mut Vec<Vec<Segment>>) {
        match value {
            Value::String(s) if wanted(s) => out.push(path.clone()),
            Value::Mapping(map) => {
                for (k, v) in map {
                    path.push(Segment::Key(k.as_str().unwrap_or("").to_string()));
                    walk(v, wanted, path, out);
                    path.pop();
                }
            }
            Value::Sequence(items) => {
                for (i, v) in items.iter().enumerate() {
                    path.push(Segment::Index(i));
                    walk(v, wanted, path, out);
                    path.pop();
                }
            }
            Value::Tagged(t) => walk(&t.value, wanted, path, out),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, wanted, &mut Vec::new(), &mut out);
    out
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

fn parse_unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (name, rest) = rest.split_once('`')?;
    let expected = rest.split('`').skip(1).step_by(2).map(str::to_string).collect();
    Some((name.to_string(), expected))
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
