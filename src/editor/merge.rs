//! Saving from a form changes only what the form changed: each top-level key of the file whose
//! value the form left as it was keeps its old text (its quotes, its line breaks, its comments),
//! in the old order; a changed key gets the form's text; the body is kept when unchanged.

use yaml_serde::Value;

/// The file to write: `new` (what the form wrote) with every unchanged part of `old` kept.
pub fn keep_unchanged(old: &str, new: &str, markdown: bool) -> String {
    let (Some((old_yaml, old_body)), Some((new_yaml, new_body))) = (split(old, markdown), split(new, markdown)) else {
        return new.to_string();
    };
    let old_parts = parts(old_yaml);
    let new_parts = parts(new_yaml);
    let new_keys: Vec<&Part> = new_parts.iter().filter(|p| p.key.is_some()).collect();
    let mut out = String::new();
    for part in &old_parts {
        match &part.key {
            None => out.push_str(&part.text),
            Some(key) => {
                if let Some(changed) = new_keys.iter().find(|n| n.key.as_deref() == Some(key.as_str())) {
                    let days = (key == "kommuner").then(|| with_first_days(&part.text, &changed.text)).flatten();
                    let changed = days.as_deref().unwrap_or(&changed.text);
                    out.push_str(if same_value(&part.text, changed) { &part.text } else { changed });
                }
            }
        }
    }
    for part in new_keys {
        if !old_parts.iter().any(|o| o.key == part.key) {
            out.push_str(&part.text);
        }
    }
    if !markdown {
        return out;
    }
    let body = if old_body.trim() == new_body.trim() { old_body } else { new_body };
    format!("---\n{out}---\n{body}")
}

/// The YAML and the body of a file (a Markdown file's front matter, or the whole YAML file).
fn split(text: &str, markdown: bool) -> Option<(&str, &str)> {
    if !markdown {
        return Some((text, ""));
    }
    let rest = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n"))?;
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some((&rest[..at], &rest[at + line.len()..]));
        }
        at += line.len();
    }
    None
}

/// A top-level key with all its lines, or lines outside any key (comments, blank lines).
#[derive(Debug)]
struct Part {
    key: Option<String>,
    text: String,
}

fn parts(yaml: &str) -> Vec<Part> {
    let lines: Vec<&str> = yaml.split_inclusive('\n').collect();
    let continues = |line: &str| line.starts_with([' ', '\t', '-']);
    let blank = |line: &str| line.trim().is_empty();
    let mut out: Vec<Part> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let starts_key = !line.starts_with([' ', '\t', '#', '-']) && !blank(line) && line.contains(':');
        // A blank line inside a block (a literal text, a list) belongs to it when the block
        // goes on after it.
        let inside = blank(line) && lines[i + 1..].iter().find(|l| !blank(l)).is_some_and(|l| continues(l));
        if starts_key {
            let key = line.split(':').next().unwrap_or_default().trim().trim_matches(['"', '\'']).to_string();
            out.push(Part { key: Some(key), text: line.to_string() });
        } else if (continues(line) || inside)
            && let Some(last) = out.last_mut().filter(|p| p.key.is_some())
        {
            last.text.push_str(line);
        } else {
            out.push(Part { key: None, text: line.to_string() });
        }
    }
    out
}

/// Whether two texts of one key say the same. The form writes «all municipalities» as the
/// list `[alle]`, which means the same as the word `alle`.
fn same_value(old: &str, new: &str) -> bool {
    let read = |text: &str| yaml_serde::from_str::<Value>(text).ok();
    match (read(old), read(new)) {
        (Some(a), Some(b)) if a == b => true,
        (Some(Value::Mapping(a)), Some(Value::Mapping(b))) => {
            let alle = Value::String("alle".into());
            let one = |m: &yaml_serde::Mapping| m.values().next().cloned();
            matches!((one(&a), one(&b)), (Some(x), Some(Value::Sequence(list))) if x == alle && list == [alle.clone()])
        }
        _ => false,
    }
}

/// `kommuner` as the form wrote it, with the first day of each municipality that had one of
/// its own in the file (`{id, fra}`): the form picks municipalities from a list and knows no
/// days, so a day is kept while its municipality stays. None when the file had no days, or
/// when the form's text is not a list of ids.
fn with_first_days(old: &str, new: &str) -> Option<String> {
    let read = |text: &str| yaml_serde::from_str::<yaml_serde::Mapping>(text).ok()?.into_iter().next().map(|(_, v)| v);
    let days: Vec<(String, Value)> = match read(old)? {
        Value::Sequence(items) => items
            .into_iter()
            .filter_map(|item| {
                let Value::Mapping(m) = item else { return None };
                let id = m.get("id")?.as_str()?.to_string();
                Some((id, m.get("fra")?.clone()))
            })
            .collect(),
        _ => return None,
    };
    let Value::Sequence(ids) = read(new)? else { return None };
    if days.is_empty() {
        return None;
    }
    let mut out = String::from("kommuner:\n");
    for id in &ids {
        let id = id.as_str()?;
        match days.iter().find(|(d, _)| d == id) {
            Some((_, day)) => {
                let day = yaml_serde::to_string(day).ok()?;
                out.push_str(&format!("  - id: {id}\n    fra: {}\n", day.trim()));
            }
            None => out.push_str(&format!("  - {id}\n")),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::keep_unchanged;

    const OLD: &str = "---\n# Avtalen om kontorrekvisita\ntittel: Kontor\nsammendrag: Lang tekst\n  over to linjer.\nkommuner: alle\ndoffin: \"2025-104512\"\nopsjoner:\n  - til: 2027-01-01  # ett år\n---\nTeksten.\n";

    #[test]
    fn an_unchanged_key_keeps_its_text_and_comments() {
        let new = "---\ntittel: Kontorrekvisita\nsammendrag: Lang tekst over to linjer.\nkommuner:\n  - alle\ndoffin: 2025-104512\nopsjoner:\n  - til: 2027-01-01\n---\nTeksten.\n";
        let merged = keep_unchanged(OLD, new, true);
        assert_eq!(merged, OLD.replace("tittel: Kontor\n", "tittel: Kontorrekvisita\n"));
    }

    #[test]
    fn changed_removed_and_new_keys_and_the_body_follow_the_form() {
        let new = "---\ntittel: Kontor\nkommuner:\n  - kongsberg\nopsjoner:\n  - til: 2028-01-01\nehandel: true\n---\nNy tekst.\n";
        let merged = keep_unchanged(OLD, new, true);
        assert_eq!(
            merged,
            "---\n# Avtalen om kontorrekvisita\ntittel: Kontor\nkommuner:\n  - kongsberg\nopsjoner:\n  - til: 2028-01-01\nehandel: true\n---\nNy tekst.\n"
        );
    }

    #[test]
    fn a_text_with_blank_lines_is_one_value() {
        let old = "---\nbestilling: |\n  Linje en.\n  Linje to.\n\n  - punkt\n  - punkt\ntittel: X\n---\n";
        let new = "---\nbestilling: >\n  Linje en.\n\n  Linje to.\n\n\n  - punkt\n\n  - punkt\ntittel: Y\n---\n";
        assert_eq!(keep_unchanged(old, new, true), old.replace("tittel: X", "tittel: Y"));
    }

    #[test]
    fn a_municipality_keeps_its_first_day_when_the_form_changes_the_list() {
        let old = "---\ntittel: T\nkommuner:\n  - kongsberg\n  - {id: sigdal, fra: 2027-01-01}\n---\n";
        // The form knows the ids only: it writes them back as they were, or with one added.
        let same = "---\ntittel: T\nkommuner:\n  - kongsberg\n  - sigdal\n---\n";
        assert_eq!(keep_unchanged(old, same, true), old);
        let added = "---\ntittel: T\nkommuner:\n  - rollag\n  - kongsberg\n  - sigdal\n---\n";
        assert_eq!(
            keep_unchanged(old, added, true),
            "---\ntittel: T\nkommuner:\n  - rollag\n  - kongsberg\n  - id: sigdal\n    fra: 2027-01-01\n---\n"
        );
        let dropped = "---\ntittel: T\nkommuner:\n  - kongsberg\n---\n";
        assert_eq!(keep_unchanged(old, dropped, true), dropped);
    }

    #[test]
    fn a_file_without_front_matter_is_written_as_the_form_wrote_it() {
        assert_eq!(keep_unchanged("bare tekst\n", "---\ntittel: X\n---\n", true), "---\ntittel: X\n---\n");
    }
}
