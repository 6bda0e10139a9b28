//! Slugs: the URL-safe name of an item, made from its file name.

use unicode_normalization::UnicodeNormalization;

/// Makes a slug: Unicode NFC, lower-cased, æ→ae, ø→o, å→a, every other run of
/// non-alphanumerics → `-`, no leading or trailing `-`.
pub fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    let mut pending_dash = false;
    for c in name.nfc().flat_map(char::to_lowercase) {
        let replacement = match c {
            'æ' => Some("ae"),
            'ø' => Some("o"),
            'å' => Some("a"),
            _ => None,
        };
        if replacement.is_some() || c.is_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            match replacement {
                Some(r) => slug.push_str(r),
                None => slug.push(c),
            }
        } else {
            pending_dash = true;
        }
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn norwegian_letters_are_folded() {
        assert_eq!(slugify("Møbler og Årstider"), "mobler-og-arstider");
        assert_eq!(slugify("ÆØÅ"), "aeoa");
        assert_eq!(slugify("kontorrekvisita"), "kontorrekvisita");
    }

    #[test]
    fn runs_of_other_characters_become_one_dash() {
        assert_eq!(slugify("  Renhold -- formålsbygg (2025) "), "renhold-formalsbygg-2025");
        assert_eq!(slugify("..."), "");
    }

    #[test]
    fn decomposed_input_is_normalised_first() {
        // "å" written as "a" + combining ring above
        assert_eq!(slugify("A\u{30a}rsplan"), "arsplan");
    }
}
