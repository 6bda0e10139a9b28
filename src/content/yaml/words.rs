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
/// and a hint. `field` is the key the value stands at (`terskelverdier[0].belop`): the message
/// names its last key and says what it must be, and the hint has a line to copy.
pub fn value(message: &str, field: &str) -> (Code, String, Option<String>) {
    let message = strip_location(message);
    let key = last_key(field);
    let subject = if key.is_empty() { "verdien".to_string() } else { format!("`{key}`") };
    let shown = if key.is_empty() { "nøkkel" } else { key };
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        let is_empty = matches!(found, "unit value" | "null" | "unit");
        let (text, hint) = match expected {
            "a boolean" => (
                format!("{subject} må være true (ja) eller false (nei)"),
                Some(format!("skriv `{shown}: true` for ja eller `{shown}: false` for nei")),
            ),
            e if is_integer(e) => {
                // «1 250 000 kr» or «1.250.000» is a number written for people: say it back.
                let written = found.strip_prefix("string ").map(|s| s.trim_matches('"')).unwrap_or("");
                let digits: String = written
                    .trim_end_matches("kr")
                    .trim_end_matches("NOK")
                    .chars()
                    .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '.'))
                    .collect();
                let hint = match digits.parse::<u64>() {
                    Ok(number) if !key.is_empty() => {
                        format!("skriv `{key}: {number}`: tall skrives uten mellomrom, punktum eller «kr»")
                    }
                    _ => number_hint(field),
                };
                (format!("{subject} må være et helt tall"), Some(hint))
            }
            "a sequence" => {
                let one = found.strip_prefix("string ").map(|s| s.trim_matches('"'));
                let hint = match one {
                    Some(one) if !one.is_empty() && !one.contains([',', '[', ']', ':']) => {
                        format!("skriv `{shown}: [{one}]`, eller én verdi per linje med `- ` foran")
                    }
                    _ => "skriv én verdi per linje med `- ` foran, eller `[a, b]`".to_string(),
                };
                (format!("{subject} må være en liste, også når den har bare én verdi"), Some(hint))
            }
            "tekst" | "a string" if found == "sequence" => (
                format!("{subject} skal ha én tekst, men står som en liste (med [ ] eller `- `)"),
                Some(format!(
                    "fjern [ og ]: skriv `{shown}: ...` med teksten rett etter kolonet; skal teksten begynne med [, setter du hele teksten i anførselstegn"
                )),
            ),
            "tekst" | "a string" => (
                format!("{subject} skal være tekst"),
                Some("skriv teksten på samme linje etter kolonet; har den kolon (:) i seg, eller begynner den med [ eller {, setter du hele teksten i anførselstegn".to_string()),
            ),
            e if e.starts_with("struct ") || e == "a map" => (
                format!("{subject} skal ha nøkler under seg"),
                Some("skriv nøklene på linjene under, med to mellomrom foran: `  navn: ...` på hver sin linje".to_string()),
            ),
            e => (format!("{subject} må være {}", expected_words(e)), None),
        };
        // A list where one value belongs, or one value where a list belongs: the message and
        // its hint already show what was written.
        let about_a_list =
            expected == "a sequence" || (matches!(expected, "tekst" | "a string") && found == "sequence");
        let text = match (is_empty, about_a_list) {
            (true, _) => format!("{text}, men er tom"),
            (false, true) => text,
            (false, false) => format!("{text}, ikke {}", found_words(found)),
        };
        return (codes::WRONG_TYPE, text, hint);
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
            format!("{subject} må være {}, ikke {}", expected_words(expected), found_words(found)),
            None,
        );
    }
    if let Some(rest) = message.strip_prefix("invalid length ")
        && let Some((length, expected)) = rest.split_once(", expected ")
    {
        return (codes::WRONG_TYPE, format!("listen har {length} elementer, men skulle ha {expected}"), None);
    }
    if message.starts_with("unknown variant") {
        return (codes::BAD_CHOICE, format!("{subject} har ikke en av de tillatte verdiene"), None);
    }
    if message.starts_with("missing field") || message.starts_with("duplicate field") {
        return (codes::WRONG_TYPE, format!("nøklene under {subject} kan ikke leses"), None);
    }
    // Our own visitors speak Norwegian; any other text from a library is not shown.
    if message.is_ascii() && message.split_whitespace().any(|w| ENGLISH.contains(&w)) {
        return (codes::WRONG_TYPE, format!("{subject} kan ikke leses"), None);
    }
    let text = if key.is_empty() { message } else { format!("`{key}`: {message}") };
    (codes::WRONG_TYPE, text, None)
}

/// The last key of a field's path: `belop` of `terskelverdier[0].belop`, `kommuner` of
/// `kommuner[2]`; empty for a path of indexes alone.
fn last_key(field: &str) -> &str {
    let last = field.rsplit('.').next().unwrap_or(field);
    last.split('[').next().unwrap_or(last)
}

/// Words that tell a library's English message from our own Norwegian ones.
const ENGLISH: [&str; 10] = ["expected", "invalid", "the", "found", "value", "type", "a", "an", "of", "with"];

/// The hint for a whole number, by the field it is written in.
fn number_hint(field: &str) -> String {
    match last_key(field) {
        "meny" => "skriv plassen i menyen som et helt tall, 1 først: `meny: 1`".to_string(),
        "plasser" => "skriv antall plasser som et helt tall, for eksempel `plasser: 30`".to_string(),
        "utloper_snart_maneder" => {
            "skriv antall måneder som et helt tall, for eksempel `utloper_snart_maneder: 6`".to_string()
        }
        "pris" => {
            "skriv prisen i hele kroner, for eksempel `pris: 1500`; for et gratis kurs skriver du `pris: 0`".to_string()
        }
        "" => "skriv et helt tall i kroner uten mellomrom, punktum eller «kr», for eksempel 1250000".to_string(),
        key => format!(
            "skriv hele kroner uten mellomrom, punktum, komma, «kr» eller «mill», for eksempel `{key}: 1250000` for 1,25 millioner"
        ),
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
            "slett tegnene mellom nøkkelen og kolonet, og skriv dem på nytt (et hardt mellomrom kommer ofte med fra Word)",
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
        return format!("«{}»", s.trim_matches('"'));
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
        assert_eq!(text, "`meny` må være et helt tall, ikke «tre»");
        assert!(hint.unwrap_or_default().contains("menyen"));
        let (_, text, hint) = value("invalid type: string \"ja\", expected a boolean", "opsjoner[0].utlost");
        assert_eq!(text, "`utlost` må være true (ja) eller false (nei), ikke «ja»");
        assert_eq!(hint.as_deref(), Some("skriv `utlost: true` for ja eller `utlost: false` for nei"));
        let (_, text, hint) = value("invalid type: string \"numedal\", expected a sequence", "leverandorer");
        assert_eq!(text, "`leverandorer` må være en liste, også når den har bare én verdi");
        assert!(hint.unwrap_or_default().starts_with("skriv `leverandorer: [numedal]`"));
        let (_, text, _) = value("invalid type: sequence, expected a string", "kategori");
        assert!(text.starts_with("`kategori` skal ha én tekst, men står som en liste"), "{text}");
        let (_, _, hint) = value("invalid type: string \"gratis\", expected u64", "pris");
        assert!(hint.unwrap_or_default().contains("`pris: 0`"));
        let (code, text, _) = value("invalid value: integer `-1`, expected u32", "plasser");
        assert_eq!((code, text.as_str()), (codes::NUMBER_OUT_OF_RANGE, "tallet -1 er negativt"));
        let (_, text, _) = value("some new message the library invented, expected nothing", "");
        assert_eq!(text, "verdien kan ikke leses");
        assert_eq!(syntax("mapping values are not allowed in this context").0, "et kolon står der det ikke kan stå");
        assert_eq!(syntax("a message never seen").0, "YAML-en kan ikke leses her");
        assert_eq!(strip_location("found x at line 2 column 1, while scanning"), "found x");
    }
}
