//! The YAML parser's and serde's messages in plain Norwegian. No text of theirs reaches the
//! coordinator: every message they can give is matched here, and one we do not know becomes
//! a general Norwegian message.

use crate::diagnostics::{Code, codes};

/// A syntax error of the parser, said in Norwegian: the message and a hint that fits it.
pub fn syntax(message: &str) -> (&'static str, &'static str) {
    const INDENT: &str =
        "sjekk innrykket: nøkler på samme nivå begynner i samme kolonne, og innrykk skrives med mellomrom";
    const QUOTE: &str =
        "sett teksten i anførselstegn hvis den har kolon (:) eller # i seg, eller begynner med [, {, &, *, ! eller @";
    let known: [(&str, &str, &str); 28] = [
        (
            "mapping values are not allowed",
            "et kolon står der det ikke kan stå",
            "sjekk innrykket (nøkler på samme nivå begynner i samme kolonne), og sett tekst med kolon (:) eller # i anførselstegn",
        ),
        (
            "found character that cannot start any token",
            "en verdi begynner med et tegn som ikke kan stå først (ofte en tabulator, @ eller `)",
            "bruk mellomrom til innrykk, og sett teksten i anførselstegn hvis den begynner med @ eller `",
        ),
        ("found a tab character", "innrykket har en tabulator", "bruk mellomrom til innrykk, ikke tabulator"),
        ("did not find expected key", "fant ikke en nøkkel der den skulle stå", INDENT),
        ("did not find expected '-'", "fant ikke `-` der et nytt listeelement skulle stå", INDENT),
        (
            "could not find expected ':'",
            "mangler kolon etter en nøkkel",
            "skriv `nøkkel: verdi`, med kolon og mellomrom",
        ),
        ("block sequence entries are not allowed", "et listeelement (`- `) står der det ikke kan stå", INDENT),
        (
            "did not find expected ',' or ']'",
            "en liste i [ ] er ikke avsluttet med ]",
            "avslutt listen med ], og sett verdier med komma i anførselstegn",
        ),
        (
            "did not find expected ',' or '}'",
            "nøkler i { } er ikke avsluttet med }",
            "avslutt med }, og sett verdier med komma i anførselstegn",
        ),
        ("did not find expected node content", "mangler en verdi der den skulle stå", QUOTE),
        (
            "found unexpected end of stream",
            "filen slutter midt i en verdi",
            "sjekk at hvert anførselstegn og hver [ og { er avsluttet",
        ),
        (
            "found unknown escape character",
            "en skråstrek (\\) i tekst i doble anførselstegn er ikke gyldig her",
            "skriv \\\\ for én skråstrek, eller bruk enkle anførselstegn ('...')",
        ),
        (
            "found invalid Unicode character escape code",
            "en \\u-kode i tekst i doble anførselstegn er ikke gyldig",
            "skriv tegnet selv, eller bruk enkle anførselstegn ('...')",
        ),
        (
            "did not find expected hexdecimal number",
            "en \\x- eller \\u-kode i tekst i doble anførselstegn er ikke gyldig",
            "skriv tegnet selv, eller bruk enkle anførselstegn ('...')",
        ),
        (
            "did not find expected hexadecimal number",
            "en \\x- eller \\u-kode i tekst i doble anførselstegn er ikke gyldig",
            "skriv tegnet selv, eller bruk enkle anførselstegn ('...')",
        ),
        ("found undefined tag handle", "en verdi begynner med ! (en YAML-tagg) som ikke er kjent", QUOTE),
        ("did not find URI escaped octet", "en verdi med ! (en YAML-tagg) kan ikke leses", QUOTE),
        ("did not find expected tag URI", "en verdi med ! (en YAML-tagg) kan ikke leses", QUOTE),
        (
            "did not find expected alphabetic or numeric character",
            "& eller * står først i en verdi uten et navn etter",
            QUOTE,
        ),
        (
            "unknown anchor",
            "*navn viser til et anker (&navn) som ikke finnes",
            "sett teksten i anførselstegn hvis den begynner med *",
        ),
        (
            "found incompatible YAML document",
            "filen har en %YAML-linje som ikke kan leses",
            "fjern linjen som begynner med %",
        ),
        ("found duplicate %YAML directive", "filen har to %YAML-linjer", "fjern linjene som begynner med %"),
        (
            "did not find expected <document start>",
            "en linje med --- eller ... står der den ikke kan stå",
            "fjern linjen, eller sett teksten i anførselstegn",
        ),
        (
            "did not find expected <stream-end>",
            "en linje med --- eller ... står der den ikke kan stå",
            "fjern linjen, eller sett teksten i anførselstegn",
        ),
        ("found unexpected ':'", "et kolon står der det ikke kan stå", QUOTE),
        (
            "control characters are not allowed",
            "filen har et usynlig styretegn",
            "slett tegnet og skriv teksten på nytt",
        ),
        ("recursion limit exceeded", "YAML-en er nøstet for dypt", "skriv verdiene med færre nivåer av innrykk"),
        (
            "repetition limit exceeded",
            "YAML-en gjentar seg for mange ganger (ankere og alias med & og *)",
            "skriv verdiene ut i stedet for & og *",
        ),
    ];
    known.iter().find(|(en, _, _)| message.contains(en)).map(|(_, nb, hint)| (*nb, *hint)).unwrap_or((
        "YAML-en kan ikke leses her",
        "se på linjen over og under; ofte er det et kolon eller # i tekst uten anførselstegn, eller feil innrykk",
    ))
}

/// What went wrong when a value was read into its field, in Norwegian: the code, the message
/// and a hint. `field` is the key the value stands at, for a hint that fits it.
pub fn value(message: &str, field: &str) -> (Code, String, Option<String>) {
    let message = strip_location(message);
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        let hint = match expected {
            "a boolean" => Some("bare `true` eller `false` er gyldige her (ikke ja/nei)".to_string()),
            e if is_integer(e) => Some(number_hint(field)),
            "a sequence" => Some("skriv en liste, én verdi per linje med `- ` foran".to_string()),
            "tekst" | "a string" => Some(
                "skriv teksten på samme linje etter kolon, i anførselstegn hvis den har kolon eller begynner med [ eller {"
                    .to_string(),
            ),
            e if e.starts_with("struct ") || e == "a map" => {
                Some("skriv nøklene under, med innrykk: `navn: ...` på hver sin linje".to_string())
            }
            _ => None,
        };
        return (
            codes::WRONG_TYPE,
            format!("fant {}, men forventet {}", found_words(found), expected_words(expected)),
            hint,
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        if is_integer(expected) && found.starts_with("integer ") {
            let number = found.trim_start_matches("integer ").trim_matches('`');
            let why = if number.starts_with('-') { "negativt" } else { "for stort" };
            return (codes::NUMBER_OUT_OF_RANGE, format!("tallet {number} er {why}"), Some(number_hint(field)));
        }
        return (
            codes::WRONG_TYPE,
            format!("fant {}, men forventet {}", found_words(found), expected_words(expected)),
            None,
        );
    }
    if let Some(rest) = message.strip_prefix("invalid length ")
        && let Some((length, expected)) = rest.split_once(", expected ")
    {
        return (codes::WRONG_TYPE, format!("listen har {length} elementer, men skulle ha {expected}"), None);
    }
    if message.starts_with("unknown variant") {
        return (codes::BAD_CHOICE, "verdien er ikke en av de tillatte".to_string(), None);
    }
    if message.starts_with("missing field") || message.starts_with("duplicate field") {
        return (codes::WRONG_TYPE, "nøklene her kan ikke leses".to_string(), None);
    }
    // Our own visitors speak Norwegian; any other text from a library is not shown.
    if message.is_ascii() && message.split_whitespace().any(|w| ENGLISH.contains(&w)) {
        return (codes::WRONG_TYPE, "verdien kan ikke leses".to_string(), None);
    }
    (codes::WRONG_TYPE, message, None)
}

/// Words that tell a library's English message from our own Norwegian ones.
const ENGLISH: [&str; 10] = ["expected", "invalid", "the", "found", "value", "type", "a", "an", "of", "with"];

/// The hint for a whole number, by the field it is written in.
fn number_hint(field: &str) -> String {
    match field.rsplit('.').next().unwrap_or(field) {
        "meny" => "skriv plassen i menyen som et helt tall, 1 først".to_string(),
        "plasser" => "skriv antall plasser som et helt tall, for eksempel 30".to_string(),
        "utloper_snart_maneder" => "skriv antall måneder som et helt tall, for eksempel 6".to_string(),
        _ => "skriv et helt tall i kroner uten mellomrom, punktum eller «kr», for eksempel 1250000".to_string(),
    }
}

fn is_integer(expected: &str) -> bool {
    matches!(expected, "u8" | "u16" | "u32" | "u64" | "u128" | "i8" | "i16" | "i32" | "i64" | "i128")
        || expected.starts_with("an integer")
}

/// The message without the parser's " at line 3 column 5" and what follows.
pub fn strip_location(message: &str) -> String {
    let cut = [" at line ", " at position ", ", while "].iter().filter_map(|m| message.find(m)).min();
    match cut {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// What is odd about a key, beyond a typo: characters pasted from a word processor, capitals.
pub fn key_oddity(key: &str) -> Option<&'static str> {
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

fn found_words(found: &str) -> String {
    if let Some(s) = found.strip_prefix("string ") {
        return format!("teksten {s}");
    }
    for prefix in ["integer ", "floating point "] {
        if let Some(s) = found.strip_prefix(prefix) {
            return format!("tallet {}", s.split(" as ").next().unwrap_or(s).trim_matches('`'));
        }
    }
    if let Some(s) = found.strip_prefix("boolean ") {
        return s.trim_matches('`').to_string();
    }
    match found {
        "sequence" => "en liste".into(),
        "map" => "nøkler med verdier".into(),
        "unit value" | "null" | "unit" => "en tom verdi".into(),
        "char" | "unit variant" | "newtype variant" | "tuple variant" | "struct variant" | "enum" => "en verdi".into(),
        _ => "en verdi".into(),
    }
}

fn expected_words(expected: &str) -> String {
    match expected {
        "a boolean" => "true eller false".into(),
        "a string" | "tekst" => "tekst".into(),
        "a sequence" => "en liste".into(),
        e if e.starts_with("struct ") || e == "a map" => "nøkler med verdier (nøkkel: verdi)".into(),
        e if is_integer(e) => "et helt tall".into(),
        e if e.is_ascii() && e.split_whitespace().any(|w| ENGLISH.contains(&w)) => "en annen verdi".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn library_messages_become_norwegian() {
        let (code, text, hint) = value("invalid type: string \"tre\", expected i64", "meny");
        assert_eq!(code, codes::WRONG_TYPE);
        assert_eq!(text, "fant teksten \"tre\", men forventet et helt tall");
        assert!(hint.unwrap_or_default().contains("menyen"));
        let (code, text, _) = value("invalid value: integer `-1`, expected u32", "plasser");
        assert_eq!((code, text.as_str()), (codes::NUMBER_OUT_OF_RANGE, "tallet -1 er negativt"));
        let (_, text, _) = value("some new message the library invented, expected nothing", "");
        assert_eq!(text, "verdien kan ikke leses");
        assert_eq!(syntax("mapping values are not allowed in this context").0, "et kolon står der det ikke kan stå");
        assert_eq!(syntax("a message never seen").0, "YAML-en kan ikke leses her");
        assert_eq!(strip_location("found x at line 2 column 1, while scanning"), "found x");
    }
}
