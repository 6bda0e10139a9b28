//! The checker: small, uniform conversions from raw values to model values, each
//! reporting a located diagnostic with a hint when the value is wrong.

use super::date_advice;
use crate::content::raw::{RawContact, Text};
use crate::content::yaml::{Segment, Source, did_you_mean, key};
use crate::diagnostics::{Code, Diagnostic, codes};
use crate::markdown::{self, Problem};
use crate::model::dates::{self, FuzzyDate, When};
use crate::model::{Address, Contact};
use crate::rules::address::{self, Verdict};
use chrono::NaiveDate;
use std::sync::Arc;

/// Words a coordinator may write for a valid value, and the value they mean.
const SYNONYMS: [(&str, &str); 12] = [
    ("utlyst", "kunngjort"),
    ("utlysning", "kunngjort"),
    ("annonsert", "kunngjort"),
    ("publisert", "kunngjort"),
    ("kansellert", "avlyst"),
    ("klima", "miljo"),
    ("miljø", "miljo"),
    ("miljo_og_klima", "miljo"),
    ("korrupsjon", "antikorrupsjon"),
    ("uu", "universell_utforming"),
    ("åpen konkurranse", "åpen anbudskonkurranse"),
    ("anbudskonkurranse", "åpen anbudskonkurranse"),
];

/// Checks the fields of one file, collecting diagnostics.
pub struct Check<'a> {
    pub src: Source<'a>,
    pub out: Vec<Diagnostic>,
    /// Key paths the YAML layer already reported.
    pub settled: Vec<String>,
    /// The names of what ids refer to, for suggesting an id by its name.
    pub names: Arc<super::references::Names>,
}

/// A key path from plain keys.
pub fn at(keys: &[&str]) -> Vec<Segment> {
    keys.iter().map(|k| key(k)).collect()
}

/// A key path with an index: `opsjoner[1].til` is `indexed("opsjoner", 1, &["til"])`.
pub fn indexed(list: &str, index: usize, rest: &[&str]) -> Vec<Segment> {
    let mut path = vec![key(list), Segment::Index(index)];
    path.extend(rest.iter().map(|k| key(k)));
    path
}

impl<'a> Check<'a> {
    pub fn new(src: Source<'a>) -> Self {
        Check { src, out: Vec::new(), settled: Vec::new(), names: Arc::default() }
    }

    /// Reports a problem of kind `code` at the key `path`: an error or a warning as the code says.
    pub fn report(
        &mut self,
        code: Code,
        path: &[Segment],
        message: impl Into<String>,
        hint: impl Into<Option<String>>,
    ) {
        let d = self.src.field(code, path, message).hint_opt(hint.into());
        self.out.push(d);
    }

    /// The value as written on its line in the file (`01.2028`), which YAML may have read
    /// as something else (the number 1.2028); falls back to the value as read.
    pub fn written(&self, path: &[Segment], read: &str) -> String {
        let (line, _) = self.src.locate(path);
        let text = self.src.file_text.lines().nth(line.saturating_sub(1)).unwrap_or("");
        let Some(Segment::Key(key)) = path.last() else { return read.to_string() };
        let value =
            text.trim_start().trim_start_matches("- ").strip_prefix(key.as_str()).and_then(|r| r.strip_prefix(':'));
        match value.map(|v| v.split(" #").next().unwrap_or("").trim().trim_matches(['"', '\''])) {
            Some(v) if !v.is_empty() => v.to_string(),
            _ => read.to_string(),
        }
    }

    /// Optional text: trimmed, empty is absent.
    pub fn text(&self, value: &Option<Text>) -> Option<String> {
        value.as_ref().map(|t| t.as_str().trim().to_string()).filter(|t| !t.is_empty())
    }

    /// Text that must stand on one line (a title, a name): a line break inside it is an error,
    /// since it would break the calendars and the lists.
    pub fn line(&mut self, value: &Option<Text>, path: &[Segment]) -> Option<String> {
        let text = self.text(value)?;
        if text.contains('\n') {
            let name = crate::content::yaml::display_path(path);
            // On one line in the file, the break is a `\n` written inside double quotes.
            let written = self.written(path, &text);
            let (message, hint) = if written.contains("\\n") {
                (
                    format!("`{name}` har `\\n` i seg, og det blir et linjeskift"),
                    format!(
                        "fjern `\\n`: skriv `{}: {}`",
                        name.rsplit('.').next().unwrap_or(&name),
                        written.replace("\\n", " ").trim()
                    ),
                )
            } else {
                (
                    format!("`{name}` går over flere linjer"),
                    "skriv verdien på én linje, rett etter kolonet (uten `|` eller `>`)".to_string(),
                )
            };
            self.report(codes::MULTI_LINE, path, message, Some(hint));
            return None;
        }
        Some(text)
    }

    /// A required key of one line (`tittel`): a missing key is an error at the top of the file.
    pub fn required(&mut self, value: &Option<Text>, name: &str, example: &str) -> Option<String> {
        if self.text(value).is_none() {
            self.missing(name, example);
            return None;
        }
        self.line(value, &[key(name)])
    }

    /// An id of a municipality, category or supplier: it is part of addresses and file names,
    /// so it follows the slug rules (`a-z`, `0-9` and `-`).
    pub fn id(&mut self, value: &Option<Text>, path: &[Segment]) -> Option<String> {
        let id = self.line(value, path)?;
        let valid = !id.starts_with('-')
            && !id.ends_with('-')
            && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if valid {
            return Some(id);
        }
        let slug = crate::rules::slug::slugify(&id);
        let hint = if slug.is_empty() || !slug.is_ascii() {
            "en id skrives med små bokstaver a–z, sifre og bindestrek, for eksempel `nore-og-uvdal`".to_string()
        } else {
            format!(
                "skriv `{slug}`: en id skrives med små bokstaver a–z, sifre og bindestrek (æ, ø og å blir ae, o og a)"
            )
        };
        self.report(codes::BAD_ID, path, format!("`{}` er ikke en gyldig id", id.escape_debug()), Some(hint));
        None
    }

    /// Whether a key path was already reported by the YAML layer.
    pub fn is_settled(&self, path: &str) -> bool {
        self.settled.iter().any(|s| s == path)
    }

    /// Reports a missing required key.
    pub fn missing(&mut self, name: &str, example: &str) {
        if self.is_settled(name) {
            return;
        }
        let present = self.src.yaml.lines().any(|l| l.starts_with(&format!("{name}:")));
        if present {
            let hint = format!("skriv for eksempel `{name}: {example}`");
            self.report(codes::MISSING_KEY, &[key(name)], format!("`{name}` er tom"), Some(hint));
            return;
        }
        let hint = if self.src.line_offset > 0 {
            format!("legg til en linje rett under `---` øverst: `{name}: {example}`")
        } else {
            format!("legg til en linje øverst i filen: `{name}: {example}`")
        };
        let d =
            self.src.missing_key(codes::MISSING_KEY, name, format!("`{name}` mangler, og den må være med")).hint(hint);
        self.out.push(d);
    }

    pub fn date(&mut self, value: &Option<Text>, path: &[Segment]) -> Option<NaiveDate> {
        let text = self.text(value)?;
        let date = dates::parse_date(&text);
        if date.is_none() && !self.year_out_of_range(&text, codes::BAD_DATE, path) {
            let text = self.written(path, &text);
            let advice = date_advice::date(&text);
            self.report_date(codes::BAD_DATE, path, &text, advice, dates::DATE_FORM);
        }
        date
    }

    pub fn when(&mut self, value: &Option<Text>, path: &[Segment]) -> Option<When> {
        let text = self.text(value)?;
        let when = When::parse(&text);
        if when.is_none() && !self.year_out_of_range(&text, codes::BAD_DATE_TIME, path) {
            let text = self.written(path, &text);
            let advice = date_advice::date_time(&text);
            let form = format!("{}; for en hel dag holder datoen", dates::DATE_TIME_FORM);
            self.report_date(codes::BAD_DATE_TIME, path, &text, advice, &form);
        }
        when
    }

    pub fn fuzzy(&mut self, value: &Option<Text>, path: &[Segment]) -> Option<FuzzyDate> {
        let text = self.text(value)?;
        let date = FuzzyDate::parse(&text);
        if date.is_none() && !self.year_out_of_range(&text, codes::BAD_FUZZY_DATE, path) {
            let text = self.written(path, &text);
            let advice = date_advice::fuzzy(&text);
            self.report_date(codes::BAD_FUZZY_DATE, path, &text, advice, dates::FUZZY_FORM);
        }
        date
    }

    /// A date that cannot be read: why, when it can be told, and the line she most likely
    /// meant, ready to copy.
    fn report_date(&mut self, code: Code, path: &[Segment], text: &str, advice: date_advice::Advice, form: &str) {
        let message = match &advice.why {
            Some(why) => format!("`{text}` er ikke en gyldig dato: {why}"),
            None if code == codes::BAD_DATE_TIME => {
                format!("`{text}` er ikke en dato eller et tidspunkt verktøyet kan lese")
            }
            None => format!("`{text}` er ikke en dato verktøyet kan lese"),
        };
        let key = match path.last() {
            Some(Segment::Key(k)) => k.as_str(),
            _ => "",
        };
        let sentence = |form: &str| {
            let mut chars = form.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
        };
        let hint = match advice.meant {
            Some(meant) if !key.is_empty() => format!("mente du `{key}: {meant}`? {}", sentence(form)),
            Some(meant) => format!("mente du `{meant}`? {}", sentence(form)),
            None => form.to_string(),
        };
        self.report(code, path, message, Some(hint));
    }

    /// Reports a date whose year is outside the years content may use; whether it did.
    fn year_out_of_range(&mut self, text: &str, code: Code, path: &[Segment]) -> bool {
        let Some(year) = dates::year_out_of_range(text) else { return false };
        let (first, last) = (dates::YEARS.start(), dates::YEARS.end());
        let message = format!("året {year} i `{text}` kan ikke stemme: året må være mellom {first} og {last}");
        self.report(
            code,
            path,
            message,
            Some(format!("sjekk årstallet; for eksempel `{}`", text.replacen(&format!("{year:04}"), "2027", 1))),
        );
        true
    }

    /// One of a fixed set of words.
    pub fn choice<T: Copy>(&mut self, value: &Option<Text>, path: &[Segment], options: &[(&str, T)]) -> Option<T> {
        let text = self.text(value)?;
        let lower = text.to_lowercase();
        if let Some((_, v)) = options.iter().find(|(k, _)| *k == lower) {
            return Some(*v);
        }
        let names: Vec<String> = options.iter().map(|(k, _)| k.to_string()).collect();
        let synonym = SYNONYMS
            .iter()
            .find(|(word, _)| *word == lower)
            .map(|(_, to)| *to)
            .filter(|to| names.iter().any(|n| n == to));
        let first_word = lower.split_whitespace().next().unwrap_or("");
        let same_start = names.iter().find(|n| lower.contains(' ') && n.split_whitespace().next() == Some(first_word));
        let best = synonym.or(same_start.map(String::as_str)).or_else(|| did_you_mean(&text, &names));
        let hint = match best {
            Some(best) => format!("mente du `{best}`? Gyldige verdier: {}", names.join(", ")),
            None => format!("gyldige verdier: {}", names.join(", ")),
        };
        self.report(codes::BAD_CHOICE, path, format!("`{text}` er ikke en gyldig verdi"), Some(hint));
        None
    }

    /// A web address: a link when its scheme is allowed (`https`, `http`, `mailto`, `tel`) or it
    /// is an address on the site (`/kurs/`); any other scheme (`javascript:`, `data:`) is kept
    /// as text with a warning, never as a link.
    pub fn url(&mut self, value: &Option<Text>, path: &[Segment]) -> Option<Address> {
        let text = self.line(value, path)?;
        match address::judge(&text) {
            Verdict::Allowed { relative: false } => Some(Address::Link(text)),
            Verdict::Allowed { relative: true }
                if text.starts_with(['/', '#', '?']) || text.starts_with("./") || text.starts_with("../") =>
            {
                Some(Address::Link(text))
            }
            Verdict::Refused(scheme) => {
                self.report(
                    codes::ADDRESS_SHOWN_AS_TEXT,
                    path,
                    format!("adressen begynner med `{scheme}:`, som ikke er tillatt i lenker; den vises som tekst"),
                    Some("skriv en adresse som begynner med https://".to_string()),
                );
                Some(Address::Text(text))
            }
            Verdict::Allowed { relative: true } | Verdict::Unreadable => {
                self.report(
                    codes::BAD_URL,
                    path,
                    format!("`{text}` er ikke en nettadresse"),
                    Some("skriv hele adressen, med https:// foran".to_string()),
                );
                None
            }
        }
    }

    pub fn email(&mut self, value: &Option<Text>, path: &[Segment]) -> Option<String> {
        let text = self.text(value)?;
        let valid = text.split_once('@').is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !text.contains(' '));
        if valid {
            Some(text)
        } else {
            self.report(
                codes::BAD_EMAIL,
                path,
                format!("`{text}` er ikke en e-postadresse"),
                Some("skriv for eksempel navn@kommune.no".to_string()),
            );
            None
        }
    }

    pub fn contact(&mut self, value: &Option<RawContact>, name: &str) -> Option<Contact> {
        self.contact_at(value, at(&[name]))
    }

    /// A contact person at a key path (`kommuner[2].innkjopskontakt`).
    pub fn contact_at(&mut self, value: &Option<RawContact>, base: Vec<Segment>) -> Option<Contact> {
        let c = value.as_ref()?;
        let at = |name: &str| {
            let mut path = base.clone();
            path.push(key(name));
            path
        };
        Some(Contact {
            name: self.line(&c.navn, &at("navn")),
            title: self.line(&c.tittel, &at("tittel")),
            email: self.email(&c.epost, &at("epost")),
            phone: self.line(&c.telefon, &at("telefon")),
        })
    }

    /// A Doffin notice id, `YYYY-NNNNNN`.
    pub fn doffin(&mut self, value: &Option<Text>) -> Option<String> {
        let text = self.text(value)?;
        let valid = text.split_once('-').is_some_and(|(y, n)| {
            y.len() == 4 && n.len() == 6 && y.bytes().chain(n.bytes()).all(|b| b.is_ascii_digit())
        });
        if valid {
            Some(text)
        } else {
            self.report(
                codes::BAD_DOFFIN,
                &[key("doffin")],
                format!("`{text}` er ikke et Doffin-nummer"),
                Some("Doffin-numre skrives ÅÅÅÅ-NNNNNN, for eksempel 2025-104233".to_string()),
            );
            None
        }
    }

    /// Warns about what a Markdown text has that the page will not show as written: raw HTML
    /// (shown as text), links and images to addresses that are not allowed (shown as text),
    /// and attributes on headings (left out). `first_line` is the text's first line in the file.
    pub fn markdown(&mut self, text: &str, first_line: usize, field: &str) {
        let problems = markdown::problems(text);
        let line_of = |offset: usize| first_line + text[..offset.min(text.len())].matches('\n').count();
        let html: Vec<usize> =
            problems.iter().filter_map(|(at, p)| matches!(p, Problem::RawHtml).then_some(*at)).collect();
        let mut found: Vec<(Code, usize, String, &str)> = Vec::new();
        if let Some(&first) = html.first() {
            let places = if html.len() == 1 { "på 1 sted".to_string() } else { format!("på {} steder", html.len()) };
            found.push((
                codes::RAW_HTML,
                line_of(first),
                format!("teksten har HTML {places}, som vises som tekst på siden"),
                "skriv Markdown i stedet: **fet**, *kursiv*, [lenke](https://...), lister med `- `",
            ));
        }
        for (at, problem) in &problems {
            let (code, message, hint) = match problem {
                Problem::RawHtml => continue,
                Problem::RefusedAddress(scheme) => (
                    codes::ADDRESS_SHOWN_AS_TEXT,
                    format!(
                        "en lenke eller et bilde går til en `{scheme}:`-adresse, som ikke er tillatt; den vises som tekst"
                    ),
                    "lenk til en adresse som begynner med https://, http://, mailto: eller tel:, eller til en side på nettstedet",
                ),
                Problem::UnreadableAddress => (
                    codes::ADDRESS_SHOWN_AS_TEXT,
                    "en lenke har en adresse som ikke kan leses; den vises som tekst".to_string(),
                    "skriv hele adressen, med https:// foran",
                ),
                Problem::HeadingAttributes => (
                    codes::HEADING_ATTRIBUTES,
                    "en overskrift har egenskaper i { } som ikke tas med på siden".to_string(),
                    "fjern { } etter overskriften; bare en id, `{#navn}`, tas med",
                ),
                Problem::ImageElsewhere => (
                    codes::IMAGE_ELSEWHERE,
                    "et bilde ligger på et annet nettsted og vises ikke: sidene henter bare sine egne filer"
                        .to_string(),
                    "legg bildet i content/dokumenter/, lenk til det som et dokument, eller lenk til bildet med [tekst](https://...)",
                ),
            };
            found.push((code, line_of(*at), message, hint));
        }
        for (code, line, message, hint) in found {
            let mut d =
                Diagnostic::new(code, self.src.path, message).at(line, 1).hint(hint).with_source(self.src.file_text);
            if !field.is_empty() {
                d = d.field(field);
            }
            self.out.push(d);
        }
    }

    /// Markdown in a key (`bestilling`): its problems, at the lines of its text.
    pub fn markdown_key(&mut self, value: &Option<Text>, name: &str) -> Option<String> {
        let text = self.text(value)?;
        let (line, _) = self.src.locate(&[key(name)]);
        // A block (`bestilling: |`) starts on the next line; a one-line value on the key's own.
        let on_key_line = self.src.file_text.lines().nth(line.saturating_sub(1)).is_some_and(|l| {
            let rest = l.split_once(':').map(|(_, r)| r.trim()).unwrap_or("");
            !rest.is_empty() && !rest.starts_with(['|', '>'])
        });
        self.markdown(&text, if on_key_line { line } else { line + 1 }, name);
        Some(text)
    }

    /// The body: the Markdown after the front matter, or `tekst` in a .yaml file.
    pub fn body(&mut self, markdown_body: &str, is_markdown: bool, tekst: &Option<Text>) -> String {
        if is_markdown {
            let first_line =
                self.src.file_text[..self.src.file_text.len() - markdown_body.len()].matches('\n').count() + 1;
            self.markdown(markdown_body, first_line, "");
        } else {
            self.markdown_key(tekst, "tekst");
        }
        match (is_markdown, tekst) {
            (true, Some(_)) => {
                self.report(
                    codes::TEXT_IN_MARKDOWN_FILE,
                    &[key("tekst")],
                    "`tekst` brukes bare i .yaml-filer",
                    Some("i en .md-fil skriver du brødteksten under den avsluttende `---`".to_string()),
                );
                markdown_body.to_string()
            }
            (true, None) => markdown_body.to_string(),
            (false, t) => t.as_ref().map(|t| t.as_str().to_string()).unwrap_or_default(),
        }
    }
}
