//! Characters no content may hold: control characters and Unicode noncharacters. They are
//! invisible in an editor, make the Atom feeds ill-formed XML and the pages invalid HTML.

/// Whether `c` may not stand in content: a control character other than tab and line feed,
/// DEL and the C1 controls, or a noncharacter (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last
/// two of every plane).
pub fn is_forbidden(c: char) -> bool {
    let n = c as u32;
    (c < ' ' && c != '\t' && c != '\n')
        || (0x7f..=0x9f).contains(&n)
        || (0xfdd0..=0xfdef).contains(&n)
        || n & 0xfffe == 0xfffe
}

/// How a forbidden character is named in a message: `U+0001`.
pub fn name(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// The first forbidden character of `text`: its line and column (1-based, columns in
/// characters) and the character.
pub fn first_forbidden(text: &str) -> Option<(usize, usize, char)> {
    let (at, c) = text.char_indices().find(|(_, c)| is_forbidden(*c))?;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Some((line, column, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_noncharacters_are_found_with_their_place() {
        for c in ['\u{0}', '\u{1}', '\u{c}', '\r', '\u{7f}', '\u{85}', '\u{fffe}', '\u{ffff}', '\u{1fffe}'] {
            assert!(is_forbidden(c), "{}", name(c));
        }
        for c in ['\t', '\n', ' ', 'æ', '\u{a0}', '\u{2028}', '\u{fffd}'] {
            assert!(!is_forbidden(c), "{}", name(c));
        }
        assert_eq!(first_forbidden("a\nbø\u{c}c"), Some((2, 3, '\u{c}')));
        assert_eq!(first_forbidden("ren tekst"), None);
    }
}
