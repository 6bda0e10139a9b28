//! CPV codes: normalised to 8 digits (the check digit is never trusted) and looked up
//! in the site's own CPV list when it has one.

use std::collections::BTreeMap;

/// A CPV list: code (8 digits) to Norwegian name.
#[derive(Debug, Clone, Default)]
pub struct CpvList {
    names: BTreeMap<String, String>,
}

impl CpvList {
    pub fn new(names: BTreeMap<String, String>) -> Self {
        CpvList { names }
    }

    pub fn name(&self, code: &str) -> Option<&str> {
        self.names.get(code).map(String::as_str)
    }

    pub fn contains(&self, code: &str) -> bool {
        self.names.contains_key(code)
    }

    /// The listed code sharing the longest prefix with `code`, as a hint.
    pub fn closest(&self, code: &str) -> Option<&str> {
        (2..=code.len()).rev().find_map(|n| {
            let prefix = &code[..n];
            self.names
                .range(prefix.to_string()..)
                .next()
                .filter(|(k, _)| k.starts_with(prefix))
                .map(|(k, _)| k.as_str())
        })
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// Normalises a CPV code as written (`30192000`, `30192000-1`, `3000000`) to 8 digits.
pub fn normalise(text: &str) -> Option<String> {
    let text = text.trim();
    let digits = text.split_once('-').map(|(d, check)| (d, Some(check))).unwrap_or((text, None));
    let (digits, check) = digits;
    if digits.is_empty() || digits.len() > 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Some(check) = check
        && (check.len() != 1 || !check.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    Some(format!("{digits:0>8}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_padding_and_check_digits() {
        assert_eq!(normalise("30192000-1").as_deref(), Some("30192000"));
        assert_eq!(normalise("3000000").as_deref(), Some("03000000"));
        assert_eq!(normalise("30192000").as_deref(), Some("30192000"));
        assert_eq!(normalise("301920001"), None);
        assert_eq!(normalise("3019200x"), None);
        assert_eq!(normalise("30192000-12"), None);
    }

    #[test]
    fn closest_shares_the_longest_prefix() {
        let list = CpvList::new(
            [("30192000", "Kontorrekvisita"), ("30190000", "Diverse kontorutstyr")]
                .into_iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        );
        assert_eq!(list.closest("30192999"), Some("30192000"));
        assert!(list.contains("30190000"));
    }
}
