//! Norwegian formatting of amounts, file sizes, quarters and plain text, and the one escaper
//! for text put into HTML or XML.

use chrono::{Datelike, NaiveDate};

/// "1 250 000 kr", with non-breaking spaces.
pub fn amount(value: u64) -> String {
    format!("{}\u{a0}kr", group(value))
}

/// Digit groups of three separated by non-breaking spaces.
pub fn group(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

/// "2,4 kB", "1,3 MB", "812 byte".
pub fn file_size(bytes: u64) -> String {
    const KB: f64 = 1000.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes}\u{a0}byte")
    } else if b < KB * KB {
        format!("{}\u{a0}kB", decimal(b / KB))
    } else {
        format!("{}\u{a0}MB", decimal(b / KB / KB))
    }
}

fn decimal(value: f64) -> String {
    format!("{value:.1}").replace('.', ",")
}

/// "2. kvartal 2027" for the quarter a date falls in.
pub fn quarter_label(date: NaiveDate) -> String {
    format!("{}. kvartal {}", date.month0() / 3 + 1, date.year())
}

/// Text for HTML or XML: `&`, `<`, `>`, `"` and `'` escaped, so it can stand in an element or
/// an attribute.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// Plain text as HTML: escaped, each line break a `<br>`.
pub fn text_with_line_breaks(text: &str) -> String {
    escape(text.trim_end()).replace('\n', "<br>\n")
}

pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The start of an FNV-1a hash: the one hash of the project, for telling contents apart
/// (the search index's parts, a file the editor read), never for security.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Adds bytes to an FNV-1a hash.
pub fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The FNV-1a hash of some bytes, as 16 hex digits.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:016x}", fnv1a(FNV_OFFSET, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_group_with_non_breaking_spaces() {
        assert_eq!(amount(1_250_000), "1\u{a0}250\u{a0}000\u{a0}kr");
        assert_eq!(amount(0), "0\u{a0}kr");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1\u{a0}000");
    }

    #[test]
    fn escape_leaves_no_markup() {
        assert_eq!(escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    #[test]
    fn file_sizes_use_decimal_commas() {
        assert_eq!(file_size(812), "812\u{a0}byte");
        assert_eq!(file_size(2400), "2,4\u{a0}kB");
        assert_eq!(file_size(1_300_000), "1,3\u{a0}MB");
    }
}
