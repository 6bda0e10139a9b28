//! Validation of the site settings (`nettsted.yaml`) and the supplier list (`leverandorer.yaml`).

use super::check::{Check, at, indexed};
use crate::content::raw::{RawEditing, RawSite, RawSupplier, Text};
use crate::content::yaml::{Segment, key};
use crate::diagnostics::codes;
use crate::model::{
    Category, ContractType, Editing, GitHost, Municipality, Settings, Supplier, Threshold, ThresholdKind,
};
use crate::rules::orgnr::{self, OrgnrError};

/// Converts the raw settings; `None` when a required part is missing (the errors say which).
pub fn settings(check: &mut Check, raw: &RawSite) -> Option<Settings> {
    let title = check.required(&raw.tittel, "tittel", "Innkjøpssamarbeidet i Kongsbergregionen");
    let base_url = match &raw.base_url {
        None => {
            check.missing("base_url", "https://innkjop.example.no/");
            None
        }
        Some(text) => match crate::model::BaseUrl::parse(text.as_str()) {
            Ok(url) => Some(url),
            Err(why) => {
                check.report(
                    codes::BAD_BASE_URL,
                    &at(&["base_url"]),
                    format!("`{}` kan ikke brukes som base_url: {why}", text.as_str().trim().escape_debug()),
                    Some(
                        "skriv adressen nettstedet publiseres på, for eksempel https://innkjop.kommune.no/".to_string(),
                    ),
                );
                None
            }
        },
    };
    let municipalities = list_of(check, raw.kommuner.as_deref(), "kommuner", |check, i, m| {
        let id = required_id(check, &m.id, "kommuner", i)?;
        let name = required_in(check, &m.navn, "kommuner", i, "navn")?;
        let website = check.url(&m.nettside, &indexed("kommuner", i, &["nettside"]));
        let orgnr = m.orgnr.as_ref().and_then(|t| checked_orgnr(check, t, &indexed("kommuner", i, &["orgnr"])));
        let invoice_address = check.line(&m.fakturaadresse, &indexed("kommuner", i, &["fakturaadresse"]));
        let purchasing_contact = check.contact_at(&m.innkjopskontakt, indexed("kommuner", i, &["innkjopskontakt"]));
        Some(Municipality { id, name, website, orgnr, invoice_address, purchasing_contact })
    });
    let categories = list_of(check, raw.kategorier.as_deref(), "kategorier", |check, i, c| {
        let id = required_id(check, &c.id, "kategorier", i)?;
        let name = required_in(check, &c.navn, "kategorier", i, "navn")?;
        Some(Category {
            id,
            name,
            description: check.line(&c.beskrivelse, &indexed("kategorier", i, &["beskrivelse"])),
        })
    });
    let municipality_ids: super::references::Ids = municipalities.iter().map(|m| m.id.clone()).collect();
    let host = match &raw.vertskommune {
        None => {
            check.missing("vertskommune", "kongsberg");
            None
        }
        Some(t) => check.reference(
            t.as_str(),
            &at(&["vertskommune"]),
            &municipality_ids,
            "kommune",
            "nettsted.yaml under `kommuner`",
        ),
    };
    let thresholds = raw
        .terskelverdier
        .iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, t)| {
            let name = required_in(check, &t.navn, "terskelverdier", i, "navn")?;
            let kinds = ThresholdKind::ALL;
            let kind = match &t.kind {
                None => {
                    check.report(
                        codes::MISSING_KEY,
                        &indexed("terskelverdier", i, &[]),
                        "terskelverdien mangler `type`",
                        Some("skriv `type: nasjonal`, `type: eos` eller `type: nedre_grense`".to_string()),
                    );
                    None
                }
                some => check.choice(some, &indexed("terskelverdier", i, &["type"]), &kinds),
            };
            let amount = t.belop.or_else(|| {
                // Written but not a number: that error is already given.
                if check.is_settled(&format!("terskelverdier[{i}].belop")) {
                    return None;
                }
                check.report(
                    codes::MISSING_KEY,
                    &indexed("terskelverdier", i, &[]),
                    "terskelverdien mangler `belop`",
                    Some("skriv beløpet i kroner uten mva., for eksempel `belop: 1300000`".to_string()),
                );
                None
            });
            let valid_from =
                check.date(&t.gjelder_fra, &indexed("terskelverdier", i, &["gjelder_fra"])).or_else(|| {
                    if t.gjelder_fra.is_none() {
                        check.report(
                            codes::MISSING_KEY,
                            &indexed("terskelverdier", i, &[]),
                            "terskelverdien mangler `gjelder_fra`",
                            Some(
                                "skriv datoen verdien gjelder fra, for eksempel `gjelder_fra: 2024-01-01`".to_string(),
                            ),
                        );
                    }
                    None
                });
            let contract_type =
                check.choice(&t.kontraktstype, &indexed("terskelverdier", i, &["kontraktstype"]), &ContractType::ALL);
            Some(Threshold { name, kind: kind?, amount: amount?, valid_from: valid_from?, contract_type })
        })
        .collect();
    let expiring_months = match raw.utloper_snart_maneder {
        Some(0) => {
            check.report(
                codes::NUMBER_OUT_OF_RANGE,
                &at(&["utloper_snart_maneder"]),
                "`utloper_snart_maneder` må være minst 1",
                Some("standard er 6 måneder".to_string()),
            );
            6
        }
        Some(n) => n,
        None => 6,
    };
    let settings = Settings {
        title: title?,
        description: check.text(&raw.beskrivelse),
        base_url: base_url?,
        language: check.text(&raw.sprak).unwrap_or_else(|| "nb".to_string()),
        host: host?,
        contact: check.contact(&raw.kontakt, "kontakt"),
        expiring_months,
        accessibility_statement: check.url(&raw.tilgjengelighetserklaering, &at(&["tilgjengelighetserklaering"])),
        ocid_prefix: check.text(&raw.ocid_prefiks),
        tendering_tool: check.url(&raw.konkurranseverktoy, &at(&["konkurranseverktoy"])),
        municipalities,
        categories,
        thresholds,
        editing: raw.redigering.as_ref().and_then(|r| editing(check, r)),
    };
    Some(settings)
}

/// `redigering`: the git host and the repository the published forms save to.
fn editing(check: &mut Check, raw: &RawEditing) -> Option<Editing> {
    let host = match &raw.backend {
        None => {
            check.report(
                codes::MISSING_KEY,
                &at(&["redigering", "backend"]),
                "`redigering` mangler `backend`",
                Some("skriv `backend: github`, `backend: gitlab` eller `backend: gitea`".to_string()),
            );
            None
        }
        some => check.choice(some, &at(&["redigering", "backend"]), &GitHost::ALL),
    };
    let repo = check.text(&raw.repo);
    let repo = match repo {
        Some(r) if r.split('/').filter(|p| !p.is_empty()).count() >= 2 && !r.contains(char::is_whitespace) => Some(r),
        other => {
            let message = match other {
                Some(r) => format!("`{r}` er ikke et repo på formen eier/navn"),
                None => "`redigering` mangler `repo`".to_string(),
            };
            check.report(
                codes::MISSING_KEY,
                &at(&["redigering", "repo"]),
                message,
                Some(
                    "skriv repoet slik det står i adressen, for eksempel `repo: kongsbergregionen/innkjop`".to_string(),
                ),
            );
            None
        }
    };
    let link = |check: &mut Check, value: &Option<Text>, name: &str| {
        let text = check.text(value)?;
        if text.starts_with("https://") || text.starts_with("http://") {
            return Some(text);
        }
        check.report(
            codes::BAD_CHOICE,
            &at(&["redigering", name]),
            format!("`{text}` er ikke en nettadresse"),
            Some("adressen begynner med https://".to_string()),
        );
        None
    };
    let api_root = link(check, &raw.api_root, "api_root");
    let login = link(check, &raw.innlogging, "innlogging");
    Some(Editing {
        host: host?,
        repo: repo?,
        branch: check.text(&raw.branch).unwrap_or_else(|| "main".to_string()),
        app_id: check.text(&raw.app_id),
        api_root,
        login,
    })
}

/// An organisation number with a valid check digit, or an error at `path` saying what is wrong.
fn checked_orgnr(check: &mut Check, text: &Text, path: &[Segment]) -> Option<String> {
    let (message, hint) = match orgnr::check(text.as_str()) {
        Ok(n) => return Some(n),
        Err(OrgnrError::Form) => (
            format!("`{}` er ikke et organisasjonsnummer", text.as_str()),
            "et organisasjonsnummer har 9 siffer; slå det opp i Enhetsregisteret",
        ),
        Err(OrgnrError::CheckDigit(_)) => (
            format!("organisasjonsnummeret `{}` har feil kontrollsiffer", text.as_str()),
            "sjekk at sifrene er skrevet av riktig; slå det opp i Enhetsregisteret",
        ),
    };
    check.report(codes::BAD_ORGNR, path, message, Some(hint.to_string()));
    None
}

/// Converts the supplier list.
pub fn suppliers(check: &mut Check, raw: &[RawSupplier]) -> Vec<Supplier> {
    let mut out: Vec<Supplier> = Vec::new();
    for (i, s) in raw.iter().enumerate() {
        let Some(id) = required_id(check, &s.id, "", i) else { continue };
        let name = required_in(check, &s.navn, "", i, "navn");
        let orgnr = match &s.orgnr {
            None if check.is_settled(&format!("[{i}].orgnr")) => None,
            None => {
                check.report(
                    codes::MISSING_KEY,
                    &item_path(i, &[]),
                    format!("leverandøren `{id}` mangler `orgnr`"),
                    Some("skriv organisasjonsnummeret, 9 siffer, for eksempel `orgnr: \"974760673\"`".to_string()),
                );
                None
            }
            Some(t) => checked_orgnr(check, t, &item_path(i, &["orgnr"])),
        };
        if out.iter().any(|o| o.id == id) {
            let first = raw.iter().position(|r| r.id.as_ref().is_some_and(|t| t.as_str().trim() == id)).unwrap_or(i);
            let line = |j: usize| check.src.locate(&item_path(j, &["id"])).0;
            let (first_line, this_line) = (line(first), line(i));
            let hint = match &name {
                Some(name) => {
                    let own = crate::rules::slug::slugify(name.trim_end_matches(" AS").trim_end_matches(" ASA"));
                    format!("gi {name} (linje {this_line}) sin egen id, for eksempel `- id: {own}`")
                }
                None => format!("gi leverandøren på linje {this_line} sin egen id"),
            };
            check.report(
                codes::DUPLICATE_ID,
                &item_path(i, &["id"]),
                format!("id-en `{id}` er brukt av to leverandører, på linje {first_line} og {this_line}"),
                Some(hint),
            );
            continue;
        }
        if id == crate::model::sections::lists::LOCAL_SUPPLIERS {
            check.report(
                codes::RESERVED_ADDRESS,
                &item_path(i, &["id"]),
                format!("leverandøren vil få adressen /leverandorer/{id}/, der nettstedet har listen over lokale leverandører"),
                Some(format!("gi leverandøren en annen id, for eksempel `{id}-as`, og bruk den samme id-en i avtalene")),
            );
        }
        let website = check.url(&s.nettside, &item_path(i, &["nettside"]));
        let contact = s.kontakt.as_ref().map(|c| crate::model::Contact {
            name: check.line(&c.navn, &item_path(i, &["kontakt", "navn"])),
            title: check.line(&c.tittel, &item_path(i, &["kontakt", "tittel"])),
            email: check.email(&c.epost, &item_path(i, &["kontakt", "epost"])),
            phone: check.line(&c.telefon, &item_path(i, &["kontakt", "telefon"])),
        });
        let (Some(name), Some(orgnr)) = (name, orgnr) else { continue };
        out.push(Supplier {
            id,
            name,
            orgnr,
            website,
            contact,
            address: check.line(&s.adresse, &item_path(i, &["adresse"])),
            local: s.lokal.unwrap_or(false),
        });
    }
    out
}

fn item_path(i: usize, rest: &[&str]) -> Vec<crate::content::yaml::Segment> {
    let mut path = vec![crate::content::yaml::Segment::Index(i)];
    path.extend(rest.iter().map(|k| key(k)));
    path
}

/// A required key of one line inside a list item (`list` empty for a top-level list).
fn required_in(check: &mut Check, value: &Option<Text>, list: &str, i: usize, name: &str) -> Option<String> {
    let present = check.text(value).is_some();
    let path = if list.is_empty() { item_path(i, &[]) } else { indexed(list, i, &[]) };
    let mut key_path = path.clone();
    key_path.push(key(name));
    if present {
        return check.line(value, &key_path);
    }
    required_missing(check, list, i, name, &path);
    None
}

/// A required id inside a list item: the slug rules apply (see `Check::id`).
fn required_id(check: &mut Check, value: &Option<Text>, list: &str, i: usize) -> Option<String> {
    let path = if list.is_empty() { item_path(i, &[]) } else { indexed(list, i, &[]) };
    if check.text(value).is_none() {
        required_missing(check, list, i, "id", &path);
        return None;
    }
    let mut key_path = path;
    key_path.push(key("id"));
    check.id(value, &key_path)
}

/// Reports a required key missing from a list item, unless the YAML layer reported it.
fn required_missing(check: &mut Check, list: &str, i: usize, name: &str, path: &[crate::content::yaml::Segment]) {
    let key_path = if list.is_empty() { format!("[{i}].{name}") } else { format!("{list}[{i}].{name}") };
    if !check.is_settled(&key_path) {
        let place = if list.is_empty() {
            format!("element {} i listen", i + 1)
        } else {
            format!("element {} i `{list}`", i + 1)
        };
        check.report(
            codes::MISSING_KEY,
            path,
            format!("{place} mangler `{name}`"),
            Some(format!("hvert element trenger `{name}: ...`")),
        );
    }
}

/// A required, non-empty list whose items have unique ids.
fn list_of<R, T: HasId>(
    check: &mut Check,
    raw: Option<&[R]>,
    name: &str,
    convert: impl Fn(&mut Check, usize, &R) -> Option<T>,
) -> Vec<T> {
    let Some(raw) = raw.filter(|r| !r.is_empty()) else {
        check.missing(name, "[...]");
        return Vec::new();
    };
    let mut out: Vec<T> = Vec::new();
    for (i, r) in raw.iter().enumerate() {
        let Some(t) = convert(check, i, r) else { continue };
        if out.iter().any(|o| o.id() == t.id()) {
            check.report(
                codes::DUPLICATE_ID,
                &indexed(name, i, &["id"]),
                format!("id-en `{}` er brukt før i `{name}`", t.id()),
                Some("hver id må være unik".to_string()),
            );
            continue;
        }
        out.push(t);
    }
    out
}

trait HasId {
    fn id(&self) -> &str;
}

impl HasId for Municipality {
    fn id(&self) -> &str {
        &self.id
    }
}

impl HasId for Category {
    fn id(&self) -> &str {
        &self.id
    }
}
