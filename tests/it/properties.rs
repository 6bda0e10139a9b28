//! No panics on any input: property tests over the front-matter splitter, the YAML layer,
//! the date parsers, the slug maker and the Markdown renderer.

use innkjop::content::load::split_front_matter;
use innkjop::content::raw::RawAgreement;
use innkjop::content::yaml;
use innkjop::markdown::{plain_text, to_html_at};
use innkjop::model::dates::{FuzzyDate, When};
use innkjop::rules::slug::slugify;
use proptest::prelude::*;
use std::path::Path;

fn config() -> ProptestConfig {
    ProptestConfig { cases: 400, ..ProptestConfig::default() }
}

/// Text that looks a little like content: YAML-ish lines, dashes, quotes, Norwegian letters.
fn contentish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("---\n".to_string()),
            Just("tittel: Kontor\n".to_string()),
            Just("opsjoner:\n  - til: 2027-01-01\n    utlost: true\n".to_string()),
            Just("kommuner: [alle, \"x\"]\n".to_string()),
            Just("a: &a [*a]\n".to_string()),
            Just("  - ".to_string()),
            Just("\t".to_string()),
            "[a-zæøåÆØÅ:#&*!|>{}\\[\\]\"' \n-]{0,12}",
            any::<String>(),
        ],
        0..12,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn front_matter_splitter_never_panics_and_ranges_fit(text in contentish()) {
        if let Some((yaml, body)) = split_front_matter(&text) {
            prop_assert!(yaml.end <= body.start && body.end == text.len());
            prop_assert!(text.is_char_boundary(yaml.start) && text.is_char_boundary(body.start));
        }
    }

    #[test]
    fn yaml_layer_never_panics_and_always_locates(text in contentish()) {
        let source = yaml::Source { path: Path::new("x.md"), yaml: &text, line_offset: 1, file_text: &text };
        let parsed = yaml::parse::<RawAgreement>(&source);
        for d in parsed.diagnostics {
            prop_assert!(d.line.is_some_and(|l| l >= 1));
        }
    }

    #[test]
    fn date_parsers_never_panic(text in "[0-9QqT:. -]{0,20}") {
        let _ = FuzzyDate::parse(&text);
        let _ = When::parse(&text);
    }

    #[test]
    fn fuzzy_dates_round_trip(year in 1900i32..2200, quarter in 1u32..=4, month in 1u32..=12) {
        for date in [FuzzyDate::Year(year), FuzzyDate::Quarter(year, quarter), FuzzyDate::Month(year, month)] {
            prop_assert_eq!(FuzzyDate::parse(&date.iso()), Some(date));
            prop_assert!(date.first_day() <= date.last_day());
        }
    }

    #[test]
    fn slugs_are_url_safe(name in any::<String>()) {
        let slug = slugify(&name);
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
        prop_assert!(slug.chars().all(|c| c == '-' || c.is_alphanumeric()));
        prop_assert_eq!(slugify(&slug), slug.clone(), "a slug is its own slug");
        prop_assert!(!slug.contains(['æ', 'ø', 'å']));
    }

    #[test]
    fn markdown_never_panics_and_never_passes_html_through(text in contentish(), top in 2u8..=4) {
        let html = to_html_at(&text, top, "p-");
        prop_assert!(!html.contains("<script"));
        prop_assert!(!html.contains("<h1"));
        let _ = plain_text(&text);
    }
}
