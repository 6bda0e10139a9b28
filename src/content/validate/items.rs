//! Validation of content items: agreements, planned purchases, courses, requirements and pages.

use super::check::{Check, at};
use super::references::Ids;
use crate::content::load::SourceFile;
use crate::content::raw::{RawCourse, RawMeeting, RawPage, RawRequirement};
use crate::content::yaml::key;
use crate::diagnostics::codes;
use crate::model::*;
use crate::rules::cpv::CpvList;
use chrono::NaiveDate;
use std::path::Path;

/// What item validation needs to know of the rest of the site.
pub struct Context<'a> {
    pub content_dir: &'a Path,
    pub today: NaiveDate,
    pub expiring_months: u32,
    pub categories: Ids,
    pub municipalities: Ids,
    /// None when leverandorer.yaml cannot be read.
    pub suppliers: Option<Ids>,
    pub agreements: Ids,
    pub requirements: Ids,
    /// The addresses of the free pages (`om-samarbeidet`): a document may not take their folders.
    pub pages: Vec<String>,
    pub cpv: &'a CpvList,
    /// The names behind the ids, for suggestions.
    pub names: std::sync::Arc<super::references::Names>,
}

pub(super) const CATEGORIES_IN: &str = "nettsted.yaml under `kategorier`";
pub(super) const SUPPLIERS_IN: &str = "leverandorer.yaml";
pub(super) const AGREEMENTS_IN: &str = "content/rammeavtaler/";
pub(super) const REQUIREMENTS_IN: &str = "content/etiske-krav/";

pub(super) fn origin(file: &SourceFile) -> Origin {
    Origin { slug: file.slug.clone(), path: file.rel_path.clone(), changed: file.modified().map(Into::into) }
}

pub(super) fn category(check: &mut Check, value: &Option<crate::content::raw::Text>, ctx: &Context) -> Option<String> {
    let id = check.required(value, "kategori", ctx.categories.first().map(String::as_str).unwrap_or("kontor"))?;
    check.reference(&id, &at(&["kategori"]), &ctx.categories, "kategori", CATEGORIES_IN)
}

pub fn course(check: &mut Check, file: &SourceFile, raw: &RawCourse) -> Option<Course> {
    let title = check.required(&raw.tittel, "tittel", "Grunnkurs i offentlige anskaffelser");
    let start = match &raw.start {
        None => {
            check.missing("start", "2027-01-20T09:00");
            None
        }
        some => check.when(some, &at(&["start"])),
    };
    let end = check.when(&raw.slutt, &at(&["slutt"]));
    if let (Some(s), Some(e)) = (start, end)
        && (e.date() < s.date() || (e.time().is_some() && s.time().is_some() && e < s))
    {
        check.report(
            codes::ENDS_BEFORE_START,
            &at(&["slutt"]),
            format!("kurset slutter ({}) før det begynner ({})", e.long(), s.long()),
            Some("sjekk at start og slutt ikke er byttet om".to_string()),
        );
    }
    let venue = raw.sted.as_ref().map(|s| Venue {
        name: check.line(&s.navn, &at(&["sted", "navn"])),
        address: check.line(&s.adresse, &at(&["sted", "adresse"])),
    });
    let online = check.url(&raw.digitalt, &at(&["digitalt"]));
    if raw.sted.is_none() && raw.digitalt.is_none() {
        check.report(
            codes::COURSE_WITHOUT_PLACE,
            &[key("tittel")],
            "kurset mangler både `sted` og `digitalt`",
            Some("skriv hvor kurset holdes, `sted:` med `navn:` og `adresse:` på linjene under (to mellomrom foran), eller lenken til et digitalt kurs: `digitalt: \"https://teams.example.no/kurs\"`".to_string()),
        );
    }
    let registration = raw.pamelding.as_ref().map(|p| {
        if p.url.is_none() && p.epost.is_none() {
            check.report(
                codes::REGISTRATION_WITHOUT_WAY,
                &at(&["pamelding"]),
                "`pamelding` mangler `url` eller `epost`",
                Some("skriv hvor man melder seg på: `url: https://...` eller `epost: navn@kommune.no`".to_string()),
            );
        }
        Registration {
            url: check.url(&p.url, &at(&["pamelding", "url"])),
            email: check.email(&p.epost, &at(&["pamelding", "epost"])),
            deadline: check.when(&p.frist, &at(&["pamelding", "frist"])),
        }
    });
    let body = check.body(&file.body, file.is_markdown, &raw.tekst);
    Some(Course {
        origin: origin(file),
        title: title?,
        summary: check.text(&raw.sammendrag),
        start: start?,
        end,
        venue,
        online,
        audience: raw
            .malgruppe
            .iter()
            .flatten()
            .map(|t| t.as_str().trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
        registration,
        seats: raw.plasser,
        price: raw.pris,
        organiser: check.line(&raw.arrangor, &at(&["arrangor"])),
        body,
    })
}

pub fn requirement(check: &mut Check, file: &SourceFile, raw: &RawRequirement) -> Option<Requirement> {
    let title = check.required(&raw.tittel, "tittel", "Grunnleggende arbeidstakerrettigheter");
    let area = match &raw.omrade {
        None => {
            check.missing("omrade", "arbeidsforhold");
            None
        }
        some => check.choice(some, &at(&["omrade"]), &Area::ALL),
    };
    let body = check.body(&file.body, file.is_markdown, &raw.tekst);
    Some(Requirement {
        origin: origin(file),
        title: title?,
        summary: check.text(&raw.sammendrag),
        area: area?,
        legal_basis: check.text(&raw.hjemmel),
        clause: check.text(&raw.kontraktsklausul),
        body,
    })
}

pub fn page(check: &mut Check, file: &SourceFile, raw: &RawPage) -> Option<Page> {
    let title = check.required(&raw.tittel, "tittel", "Om samarbeidet");
    let body = check.body(&file.body, file.is_markdown, &raw.tekst);
    let menu = raw.meny.filter(|&n| {
        if n < 0 {
            check.report(
                codes::NUMBER_OUT_OF_RANGE,
                &at(&["meny"]),
                format!("`meny` er {n}, men plassen i menyen kan ikke være negativ"),
                Some(
                    "skriv plassen i menyen som et helt tall, 1 først, eller fjern `meny` for en side utenfor menyen"
                        .to_string(),
                ),
            );
        }
        n >= 0
    });
    Some(Page {
        origin: origin(file),
        title: title?,
        menu,
        in_header: raw.hovedmeny.unwrap_or(false),
        strategy: raw.strategi.unwrap_or(false),
        body,
    })
}

/// A meeting of the procurement council: a title and a day, the place, the agenda, and the
/// minutes as a document or as the text of the file.
pub fn meeting(check: &mut Check, file: &SourceFile, raw: &RawMeeting, ctx: &Context) -> Option<Meeting> {
    let title = check.required(&raw.tittel, "tittel", "Møte i innkjøpsrådet");
    let when = match &raw.dato {
        None => {
            check.missing("dato", "2027-02-10T09:00");
            None
        }
        some => check.when(some, &at(&["dato"])),
    };
    let agenda = raw
        .saksliste
        .iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, item)| check.line(&Some(item.clone()), &super::check::indexed("saksliste", i, &[])))
        .collect();
    let minutes = raw.referat.as_ref().and_then(|d| super::document::document(check, d, &at(&["referat"]), 1, ctx));
    let body = check.body(&file.body, file.is_markdown, &raw.tekst);
    Some(Meeting {
        origin: origin(file),
        title: title?,
        when: when?,
        place: check.line(&raw.sted, &at(&["sted"])),
        agenda,
        minutes,
        body,
    })
}
