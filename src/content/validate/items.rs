//! Validation of content items: agreements, planned purchases, courses, requirements and pages.

use super::check::{Check, at, indexed};
use crate::content::load::SourceFile;
use crate::content::raw::{RawAgreement, RawCourse, RawPage, RawPlannedPurchase, RawRequirement};
use crate::content::yaml::key;
use crate::diagnostics::codes;
use crate::model::dates;
use crate::model::*;
use crate::rules::cpv::{self, CpvList};
use crate::rules::period::{self, AgreementStatus};
use chrono::NaiveDate;
use std::path::{Component, Path, PathBuf};

/// What item validation needs to know of the rest of the site.
pub struct Context<'a> {
    pub content_dir: &'a Path,
    pub today: NaiveDate,
    pub expiring_months: u32,
    pub categories: Vec<String>,
    pub municipalities: Vec<String>,
    pub suppliers: Vec<String>,
    pub agreements: Vec<String>,
    pub requirements: Vec<String>,
    /// The addresses of the free pages (`om-samarbeidet`): a document may not take their folders.
    pub pages: Vec<String>,
    pub cpv: &'a CpvList,
}

const CATEGORIES_IN: &str = "nettsted.yaml under `kategorier`";
const SUPPLIERS_IN: &str = "leverandorer.yaml";
const AGREEMENTS_IN: &str = "content/rammeavtaler/ (id-en er adressen: filnavnet uten .md, med små bokstaver)";
const REQUIREMENTS_IN: &str = "content/etiske-krav/ (id-en er adressen: filnavnet uten .md, med små bokstaver)";

fn origin(file: &SourceFile) -> Origin {
    Origin { slug: file.slug.clone(), path: file.rel_path.clone(), changed: file.modified().map(Into::into) }
}

fn category(check: &mut Check, value: &Option<crate::content::raw::Text>, ctx: &Context) -> Option<String> {
    let id = check.required(value, "kategori", ctx.categories.first().map(String::as_str).unwrap_or("kontor"))?;
    check.reference(&id, &at(&["kategori"]), &ctx.categories, "kategori", CATEGORIES_IN)
}

pub fn agreement(check: &mut Check, file: &SourceFile, raw: &RawAgreement, ctx: &Context) -> Option<Agreement> {
    let title = check.required(&raw.tittel, "tittel", "Kontorrekvisita");
    let category = category(check, &raw.kategori, ctx);
    let suppliers = match &raw.leverandorer {
        None => {
            check.missing("leverandorer", "[leverandor-id]");
            None
        }
        Some(list) if list.is_empty() => {
            check.report(
                codes::EMPTY_LIST,
                &at(&["leverandorer"]),
                "`leverandorer` er en tom liste",
                Some("skriv minst én leverandør-id fra leverandorer.yaml".to_string()),
            );
            None
        }
        list => Some(check.references(list, "leverandorer", &ctx.suppliers, "leverandør", SUPPLIERS_IN)),
    };
    let municipalities = check.scope(&raw.kommuner, &ctx.municipalities);
    let valid_from = required_date(check, &raw.gyldig_fra, "gyldig_fra");
    let valid_to = required_date(check, &raw.gyldig_til, "gyldig_til");
    if let (Some(from), Some(to)) = (valid_from, valid_to)
        && to < from
    {
        check.report(
            codes::ENDS_BEFORE_START,
            &at(&["gyldig_til"]),
            format!("avtalen slutter ({}) før den begynner ({})", dates::long_date(to), dates::long_date(from)),
            Some("sjekk at gyldig_fra og gyldig_til ikke er byttet om".to_string()),
        );
    }
    let mut options = Vec::new();
    let mut previous_end = valid_to;
    let mut seen_open = false;
    for (i, o) in raw.opsjoner.iter().flatten().enumerate() {
        let until = match &o.til {
            None => {
                check.report(
                    codes::MISSING_KEY,
                    &indexed("opsjoner", i, &[]),
                    format!("opsjon {} mangler `til`", i + 1),
                    Some("skriv datoen opsjonen forlenger avtalen til, for eksempel `til: 2027-12-31`".to_string()),
                );
                None
            }
            some => check.date(some, &indexed("opsjoner", i, &["til"])),
        };
        let exercised = o.utlost.unwrap_or(false);
        if let (Some(until), Some(prev)) = (until, previous_end)
            && until <= prev
        {
            check.report(
                codes::OPTIONS_OUT_OF_ORDER,
                &indexed("opsjoner", i, &["til"]),
                format!(
                    "opsjon {} slutter {}, men må slutte etter {}",
                    i + 1,
                    dates::long_date(until),
                    dates::long_date(prev)
                ),
                Some("opsjonene skrives i rekkefølge, hver med sluttdatoen den forlenger avtalen til".to_string()),
            );
        }
        if exercised && seen_open {
            check.report(
                codes::OPTION_EXERCISED_OUT_OF_ORDER,
                &indexed("opsjoner", i, &["utlost"]),
                format!("opsjon {} er utløst, men en tidligere opsjon er ikke", i + 1),
                Some("opsjoner utløses i rekkefølge; sett `utlost: true` på de tidligere også".to_string()),
            );
        }
        seen_open |= !exercised;
        previous_end = until.or(previous_end);
        if let Some(until) = until {
            options.push(ExtensionOption { until, exercised });
        }
    }
    let termination = termination(check, raw);
    let requirements =
        check.references(&raw.etiske_krav, "etiske_krav", &ctx.requirements, "etisk krav", REQUIREMENTS_IN);
    let documents = documents(check, raw, ctx);
    let body = check.body(&file.body, file.is_markdown, &raw.tekst);
    let agreement = Agreement {
        origin: origin(file),
        title: title?,
        summary: check.text(&raw.sammendrag),
        category: category?,
        suppliers: suppliers?,
        municipalities: municipalities?,
        valid_from: valid_from?,
        valid_to: valid_to?,
        options,
        termination,
        number: check.line(&raw.avtalenummer, &at(&["avtalenummer"])),
        doffin: check.doffin(&raw.doffin),
        ecommerce: raw.ehandel,
        ordering: check.markdown_key(&raw.bestilling, "bestilling"),
        call_off: call_off(check, raw),
        catalogue: check.url(&raw.katalog, &at(&["katalog"])),
        requirements,
        documents,
        contact: check.contact(&raw.kontakt, "kontakt"),
        body,
    };
    if period::exceeds_four_years(&agreement) {
        let path = if agreement.options.is_empty() {
            at(&["gyldig_til"])
        } else {
            indexed("opsjoner", agreement.options.len() - 1, &["til"])
        };
        check.report(
            codes::LONGER_THAN_FOUR_YEARS,
            &path,
            format!("avtalen kan vare til {}, mer enn fire år fra {}", dates::long_date(agreement.latest_end()), dates::long_date(agreement.valid_from)),
            Some(format!("hovedregelen er høyst fire år med opsjoner (FOA § 11-1 (4) og § 26-1 (4)), altså til og med {}; begrunn unntaket i avtaleteksten", dates::long_date(period::four_year_limit(agreement.valid_from)))),
        );
    }
    if period::status(&agreement, ctx.today, ctx.expiring_months) == AgreementStatus::ExpiringSoon
        && agreement.has_open_option()
    {
        let next = agreement.options.iter().find(|o| !o.exercised).map(|o| o.until).unwrap_or(agreement.valid_to);
        let index = agreement.options.iter().position(|o| !o.exercised).unwrap_or(0);
        check.report(
            codes::OPTION_UNDECIDED,
            &indexed("opsjoner", index, &["utlost"]),
            format!(
                "avtalen utløper {}, og en opsjon til {} er ikke utløst",
                dates::long_date(agreement.current_end()),
                dates::long_date(next)
            ),
            Some(
                "avgjør om opsjonen skal utløses; skriv `utlost: true` når den er det, ellers planlegg ny konkurranse"
                    .to_string(),
            ),
        );
    }
    Some(agreement)
}

/// `status` and `avsluttet_fra`: how and when an agreement ended before its time.
fn termination(check: &mut Check, raw: &RawAgreement) -> Option<Termination> {
    let ending = check.choice(&raw.status, &at(&["status"]), &Ending::ALL);
    let from = check.date(&raw.avsluttet_fra, &at(&["avsluttet_fra"]));
    match (ending, from) {
        (Some(ending), from) => {
            if from.is_none() && raw.avsluttet_fra.is_none() {
                check.report(
                    codes::ENDED_WITHOUT_DATE,
                    &at(&["status"]),
                    format!("avtalen er `{}`, men datoen den slutter eller sluttet mangler", check.text(&raw.status).unwrap_or_default()),
                    Some("skriv `avsluttet_fra: ÅÅÅÅ-MM-DD`, dagen avtalen slutter; til da vises den som gjeldende, og siden sier når den slutter".to_string()),
                );
            }
            Some(Termination { ending, from })
        }
        (None, Some(_)) if raw.status.is_none() => {
            check.report(
                codes::MISSING_KEY,
                &at(&["avsluttet_fra"]),
                "`avsluttet_fra` står uten `status`",
                Some("skriv også `status: oppsagt`, `status: hevet` eller `status: avsluttet`".to_string()),
            );
            None
        }
        (None, _) => None,
    }
}

fn required_date(check: &mut Check, value: &Option<crate::content::raw::Text>, name: &str) -> Option<NaiveDate> {
    if check.text(value).is_none() {
        check.missing(name, "2026-03-01");
        return None;
    }
    check.date(value, &at(&[name]))
}

fn documents(check: &mut Check, raw: &RawAgreement, ctx: &Context) -> Vec<Document> {
    let mut out = Vec::new();
    for (i, d) in raw.dokumenter.iter().flatten().enumerate() {
        if check.text(&d.tittel).is_some() && check.line(&d.tittel, &indexed("dokumenter", i, &["tittel"])).is_none() {
            continue;
        }
        let Some(title) = check.text(&d.tittel) else {
            check.report(
                codes::BAD_DOCUMENT,
                &indexed("dokumenter", i, &[]),
                format!("dokument {} mangler `tittel`", i + 1),
                Some("skriv navnet på dokumentet slik leseren skal se det".to_string()),
            );
            continue;
        };
        let target = match (check.text(&d.fil), &d.url) {
            (Some(_), Some(_)) => {
                check.report(
                    codes::BAD_DOCUMENT,
                    &indexed("dokumenter", i, &[]),
                    format!("dokument {} har både `fil` og `url`", i + 1),
                    Some("velg én: en fil i content/ eller en lenke".to_string()),
                );
                None
            }
            (Some(fil), None) => {
                document_file(check, &fil, i, ctx).map(|(path, size)| DocumentTarget::File { path, size })
            }
            (None, Some(_)) => check.url(&d.url, &indexed("dokumenter", i, &["url"])).map(DocumentTarget::Url),
            (None, None) => {
                check.report(
                    codes::BAD_DOCUMENT,
                    &indexed("dokumenter", i, &[]),
                    format!("dokument {} mangler `fil` eller `url`", i + 1),
                    Some(
                        "skriv `fil: dokumenter/navn.pdf` (relativt til content/) eller `url: https://...`".to_string(),
                    ),
                );
                None
            }
        };
        if let Some(target) = target {
            out.push(Document { title, target });
        }
    }
    out
}

/// The place of a document in the site would be one the generator writes (or may write):
/// what it would take, for the message.
fn takes_generated_place<'a>(rel: &'a Path, pages: &[String]) -> Option<std::borrow::Cow<'a, str>> {
    let first = rel.components().next()?.as_os_str().to_string_lossy();
    crate::model::sections::is_generated_place(&first, pages).then_some(first)
}

/// A document file must stay inside content/, exist, and not take a place the site's own
/// pages and files have.
fn document_file(check: &mut Check, fil: &str, i: usize, ctx: &Context) -> Option<(PathBuf, u64)> {
    let content_dir = ctx.content_dir;
    let path = indexed("dokumenter", i, &["fil"]);
    let rel = Path::new(fil);
    let escapes = rel.is_absolute()
        || fil.starts_with(['/', '\\'])
        || fil.contains('\\')
        || rel.components().any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if escapes {
        check.report(
            codes::DOCUMENT_NOT_FOUND,
            &path,
            format!("`{fil}` peker ut av content-mappen"),
            Some("dokumenter må ligge i content/, for eksempel `fil: dokumenter/prisliste.pdf`".to_string()),
        );
        return None;
    }
    if rel.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.')) {
        check.report(
            codes::DOCUMENT_TAKES_GENERATED_PATH,
            &path,
            format!("`{fil}` har et navn som begynner med punktum, og slike filer publiseres ikke"),
            Some("gi filen (og mappen) et navn uten punktum først".to_string()),
        );
        return None;
    }
    if let Some(place) = takes_generated_place(rel, &ctx.pages) {
        check.report(
            codes::DOCUMENT_TAKES_GENERATED_PATH,
            &path,
            format!("`{fil}` ville lagt seg over `{place}` på nettstedet, som nettstedet lager selv"),
            Some("legg dokumentet i content/dokumenter/ og skriv `fil: dokumenter/navn.pdf`".to_string()),
        );
        return None;
    }
    let full = content_dir.join(rel);
    let inside = match (full.canonicalize(), content_dir.canonicalize()) {
        (Ok(f), Ok(c)) => f.starts_with(c),
        _ => {
            check.report(
                codes::DOCUMENT_NOT_FOUND,
                &path,
                format!("finner ikke filen `{fil}`"),
                Some("stien er relativ til content/; sjekk stavemåten og at filen er lagt der".to_string()),
            );
            return None;
        }
    };
    if !inside {
        check.report(
            codes::LINK_OUTSIDE,
            &path,
            format!("`{fil}` peker ut av content-mappen (via en symbolsk lenke)"),
            Some("legg selve filen i content/".to_string()),
        );
        return None;
    }
    match std::fs::metadata(&full) {
        Ok(m) if m.is_file() => Some((rel.components().collect(), m.len())),
        _ => {
            check.report(
                codes::DOCUMENT_NOT_FOUND,
                &path,
                format!("`{fil}` er ikke en fil"),
                Some("oppgi en fil, ikke en mappe".to_string()),
            );
            None
        }
    }
}

pub fn purchase(
    check: &mut Check,
    file: &SourceFile,
    raw: &RawPlannedPurchase,
    ctx: &Context,
) -> Option<PlannedPurchase> {
    let title = check.required(&raw.tittel, "tittel", "Nye kontormøbler");
    let category = category(check, &raw.kategori, ctx);
    let municipalities = check.scope(&raw.kommuner, &ctx.municipalities);
    let status = match &raw.status {
        None => {
            check.missing("status", "planlagt");
            None
        }
        some => check.choice(some, &at(&["status"]), &PurchaseStatus::ALL),
    };
    let contract_type = check.choice(&raw.kontraktstype, &at(&["kontraktstype"]), &ContractType::ALL);
    let procedures: Vec<(&str, Procedure)> = Procedure::ALL.iter().map(|p| (p.label(), *p)).collect();
    let procedure = check.choice(&raw.prosedyre, &at(&["prosedyre"]), &procedures);
    let mut cpv_codes = Vec::new();
    for (i, code) in raw.cpv.iter().flatten().enumerate() {
        let path = indexed("cpv", i, &[]);
        let Some(normal) = cpv::normalise(code.as_str()) else {
            check.report(
                codes::BAD_CPV,
                &path,
                format!("`{}` er ikke en CPV-kode", code.as_str()),
                Some(
                    "en CPV-kode har 8 siffer, eventuelt med kontrollsiffer: `30192000` eller `30192000-1`".to_string(),
                ),
            );
            continue;
        };
        if !ctx.cpv.is_empty() && !ctx.cpv.contains(&normal) {
            let hint = match ctx.cpv.closest(&normal) {
                Some(c) => format!("nærmeste kode i listen er `{c}` ({})", ctx.cpv.name(c).unwrap_or("")),
                None => "slå opp koden i CPV-listen".to_string(),
            };
            check.report(codes::BAD_CPV, &path, format!("CPV-koden `{normal}` finnes ikke i CPV-listen"), Some(hint));
            continue;
        }
        let name = ctx.cpv.name(&normal).map(str::to_string);
        cpv_codes.push(Cpv { code: normal, name });
    }
    let estimated_value = match raw.anslatt_verdi {
        Some(v) if v < 0 => {
            check.report(
                codes::NUMBER_OUT_OF_RANGE,
                &at(&["anslatt_verdi"]),
                format!("anslått verdi kan ikke være negativ ({v})"),
                Some("skriv verdien i hele kroner uten mva., for eksempel `anslatt_verdi: 1250000`".to_string()),
            );
            None
        }
        v => v.map(|v| v as u64),
    };
    let deadline = check.when(&raw.tilbudsfrist, &at(&["tilbudsfrist"]));
    if let Some(dates::When::Date(_)) = deadline {
        check.report(
            codes::DEADLINE_WITHOUT_TIME,
            &at(&["tilbudsfrist"]),
            "tilbudsfristen mangler klokkeslett",
            Some("skriv for eksempel `tilbudsfrist: 2027-02-14T12:00`".to_string()),
        );
    }
    let dialogue = raw
        .markedsdialog
        .as_ref()
        .map(|d| Dialogue { date: check.date(&d.dato, &at(&["markedsdialog", "dato"])), text: check.text(&d.tekst) });
    let replaces = check
        .text(&raw.erstatter)
        .and_then(|id| check.reference(&id, &at(&["erstatter"]), &ctx.agreements, "rammeavtale", AGREEMENTS_IN));
    let result = check
        .text(&raw.resultat)
        .and_then(|id| check.reference(&id, &at(&["resultat"]), &ctx.agreements, "rammeavtale", AGREEMENTS_IN));
    if result.is_some() && status.is_some_and(|s| s != PurchaseStatus::Awarded) {
        check.report(
            codes::RESULT_NOT_AWARDED,
            &at(&["resultat"]),
            "`resultat` er satt, men status er ikke `tildelt`",
            Some("sett `status: tildelt` når avtalen er inngått".to_string()),
        );
    }
    let body = check.body(&file.body, file.is_markdown, &raw.tekst);
    Some(PlannedPurchase {
        origin: origin(file),
        title: title?,
        summary: check.text(&raw.sammendrag),
        category: category?,
        municipalities: municipalities?,
        status: status?,
        contract_type,
        procedure,
        cpv: cpv_codes,
        estimated_value,
        duration: check.line(&raw.varighet, &at(&["varighet"])),
        announcement: check.fuzzy(&raw.kunngjoring, &at(&["kunngjoring"])),
        contract_start: check.fuzzy(&raw.kontraktstart, &at(&["kontraktstart"])),
        deadline: deadline.filter(|d| d.time().is_some()),
        dialogue,
        replaces,
        result,
        doffin: check.doffin(&raw.doffin),
        requirements: check.references(
            &raw.etiske_krav,
            "etiske_krav",
            &ctx.requirements,
            "etisk krav",
            REQUIREMENTS_IN,
        ),
        contact: check.contact(&raw.kontakt, "kontakt"),
        body,
    })
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
            Some("skriv hvor kurset holdes (`sted: {navn: ..., adresse: ...}`) og/eller en lenke (`digitalt: https://...`)".to_string()),
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
    Some(Page { origin: origin(file), title: title?, menu, in_header: raw.hovedmeny.unwrap_or(false), body })
}

/// `avrop`, with `avrop_grense` for direct orders below a limit.
fn call_off(check: &mut Check, raw: &RawAgreement) -> Option<CallOff> {
    let kind = check.choice(&raw.avrop, &at(&["avrop"]), &CallOff::KEYS)?;
    Some(match kind {
        0 => CallOff::Direct,
        1 => CallOff::Ranking,
        2 => CallOff::MiniCompetition,
        _ => match raw.avrop_grense {
            Some(limit) => CallOff::DirectBelow(limit),
            None => {
                check.report(
                    codes::MISSING_KEY,
                    &at(&["avrop"]),
                    "`avrop: direkte_og_minikonkurranse` mangler beløpsgrensen `avrop_grense`",
                    Some("skriv grensen i kroner uten mva., for eksempel `avrop_grense: 500000`".to_string()),
                );
                return None;
            }
        },
    })
}
