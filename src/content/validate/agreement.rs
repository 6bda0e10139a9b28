//! Validation of a framework agreement: its period and options, how it ended, its documents,
//! how orders are placed, its size, who is in it from when, and who made it.

use super::check::{Check, at, indexed};
use super::document;
use super::items::{Context, REQUIREMENTS_IN, SUPPLIERS_IN, category, origin};
use crate::content::load::SourceFile;
use crate::content::raw::RawAgreement;
use crate::diagnostics::codes;
use crate::model::dates;
use crate::model::*;
use crate::rules::period::{self, AgreementStatus};
use chrono::NaiveDate;

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
        list => Some(match &ctx.suppliers {
            Some(ids) => check.references(list, "leverandorer", ids, "leverandør", SUPPLIERS_IN),
            // The list cannot be read, and its own error says so: the ids stand as written.
            None => list.iter().flatten().map(|t| t.as_str().trim().to_string()).collect(),
        }),
    };
    let (municipalities, joining) = check.scope(&raw.kommuner, &ctx.municipalities).unzip();
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
        joining: joining.unwrap_or_default(),
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
        estimated_value: raw.anslatt_verdi,
        max_value: raw.maks_verdi,
        max_quantity: check.line(&raw.maks_mengde, &at(&["maks_mengde"])),
        made_by: made_by(check, raw),
        requirements,
        documents,
        contact: check.contact(&raw.kontakt, "kontakt"),
        body,
    };
    size(check, &agreement);
    joining_days(check, &agreement, raw);
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
    let documents = raw.dokumenter.iter().flatten().enumerate();
    documents.filter_map(|(i, d)| document::document(check, d, &indexed("dokumenter", i, &[]), i + 1, ctx)).collect()
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

/// `anslatt_verdi` and `maks_verdi`: the most it may be worth is not below the estimate.
fn size(check: &mut Check, a: &Agreement) {
    if let (Some(estimate), Some(max)) = (a.estimated_value, a.max_value)
        && max < estimate
    {
        check.report(
            codes::MAX_BELOW_ESTIMATE,
            &at(&["maks_verdi"]),
            format!(
                "maks_verdi ({}) er lavere enn anslatt_verdi ({})",
                crate::format::amount(max),
                crate::format::amount(estimate)
            ),
            Some(
                "begge regnes for hele perioden med opsjoner og alle kommunene; sjekk at de ikke er byttet om"
                    .to_string(),
            ),
        );
    }
}

/// The first days of municipalities that join late: after the agreement begins, before it ends.
fn joining_days(check: &mut Check, a: &Agreement, raw: &RawAgreement) {
    let Some(crate::content::raw::Scope::List(members)) = &raw.kommuner else { return };
    for j in &a.joining {
        let i = members.iter().position(|m| m.id.as_str().trim() == j.municipality).unwrap_or(0);
        let path = indexed("kommuner", i, &["fra"]);
        if j.from <= a.valid_from {
            check.report(
                codes::JOINS_AT_START,
                &path,
                format!(
                    "{} er med fra {}, men avtalen begynner {}",
                    j.municipality,
                    dates::long_date(j.from),
                    dates::long_date(a.valid_from)
                ),
                Some(format!("skriv bare `- {}`: kommunen er med fra avtalen begynner", j.municipality)),
            );
        } else if j.from > a.latest_end() {
            check.report(
                codes::JOINS_AFTER_END,
                &path,
                format!(
                    "{} blir med {}, etter at avtalen slutter {}",
                    j.municipality,
                    dates::long_date(j.from),
                    dates::long_date(a.latest_end())
                ),
                Some("sjekk året i `fra`; en kommune kan bare bli med mens avtalen gjelder".to_string()),
            );
        }
    }
}

/// `gjennom`: the body that made the agreement, when another body did.
fn made_by(check: &mut Check, raw: &RawAgreement) -> Option<MadeBy> {
    let by = raw.gjennom.as_ref()?;
    let website = check.url(&by.url, &at(&["gjennom", "url"]));
    let Some(name) = check.line(&by.navn, &at(&["gjennom", "navn"])) else {
        check.report(
            codes::MISSING_KEY,
            &at(&["gjennom"]),
            "`gjennom` mangler `navn`",
            Some("skriv hvem som inngikk avtalen, for eksempel `navn: Statens innkjøpssenter`".to_string()),
        );
        return None;
    };
    Some(MadeBy { name, website })
}
