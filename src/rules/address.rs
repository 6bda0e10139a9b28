//! Which addresses may become links on the site: `http`, `https`, `mailto`, `tel` and
//! addresses on the site itself. Anything else (`javascript:`, `vbscript:`, `data:`, `file:`,
//! in any spelling a browser would accept) is never a link; it is shown as text. The address
//! is read as a browser reads it (the WHATWG URL standard), so tabs, line breaks, capitals and
//! leading control characters hide nothing.

/// The schemes a link may use.
pub const ALLOWED: [&str; 4] = ["http", "https", "mailto", "tel"];

/// What an address is, as a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// It may be a link: an allowed scheme, or an address on the site (`/kurs/`, `prisliste.pdf`, `#mål`).
    Allowed { relative: bool },
    /// It uses a scheme that is not allowed (lower case, as a browser reads it).
    Refused(String),
    /// It cannot be read as an address at all.
    Unreadable,
}

/// Judges an address as written in content.
pub fn judge(address: &str) -> Verdict {
    // Any base will do: it only tells a relative address from an absolute one.
    let Ok(base) = url::Url::parse("https://relativ.invalid/") else { return Verdict::Unreadable };
    let absolute = url::Url::parse(address).is_ok();
    match base.join(address) {
        Ok(url) if ALLOWED.contains(&url.scheme()) => Verdict::Allowed { relative: !absolute },
        Ok(url) => Verdict::Refused(url.scheme().to_string()),
        Err(_) => Verdict::Unreadable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_addresses_are_refused_in_every_spelling() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
        ] {
            assert!(matches!(judge(bad), Verdict::Refused(_)), "{bad:?}");
        }
        assert_eq!(judge("JAVASCRIPT:x"), Verdict::Refused("javascript".into()));
    }

    #[test]
    fn web_mail_phone_and_site_addresses_are_allowed() {
        for good in ["https://www.doffin.no/", "HTTP://example.no", "mailto:a@b.no", "tel:+4732004010"] {
            assert_eq!(judge(good), Verdict::Allowed { relative: false }, "{good}");
        }
        for good in ["/kurs/", "dokumenter/prisliste.pdf", "#kontakt", "../a/", "?q=renhold"] {
            assert_eq!(judge(good), Verdict::Allowed { relative: true }, "{good}");
        }
        assert_eq!(judge("https://"), Verdict::Unreadable);
    }
}
