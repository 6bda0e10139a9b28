//! Where a key is written: line and column of a key path in block-style YAML, read from the
//! indentation, and the lines of a key written twice.

use super::Segment;

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

/// The lines (1-based, within `yaml`) of the first key written twice in one mapping.
pub fn twice(yaml: &str, key: &str) -> Option<(usize, usize)> {
    let lines: Vec<LineShape> = yaml.lines().map(LineShape::of).collect();
    for (i, first) in lines.iter().enumerate().filter(|(_, l)| !l.blank && l.key == key) {
        for (j, later) in lines.iter().enumerate().skip(i + 1).filter(|(_, l)| !l.blank) {
            // A line further out, or a new list item, ends the mapping the key is in.
            if later.key_indent < first.key_indent || later.dash_indent.is_some_and(|d| d < first.key_indent) {
                break;
            }
            if later.key == key && later.key_indent == first.key_indent {
                return Some((i + 1, j + 1));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_two_lines_of_a_key_written_twice_in_one_mapping() {
        let yaml = "tittel: A\nopsjoner:\n  - til: 2026-01-01\n  - til: 2027-01-01\n    til: 2028-01-01\ngyldig_til: x\n\ngyldig_til: y\n";
        assert_eq!(twice(yaml, "til"), Some((4, 5)));
        assert_eq!(twice(yaml, "gyldig_til"), Some((6, 8)));
        assert_eq!(twice(yaml, "tittel"), None);
    }
}
