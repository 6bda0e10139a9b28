//! Validation of a planned purchase: its status, procedure, CPV codes, the tender's
//! milestones in order, and its lots.

use super::check::{Check, at, indexed};
use super::items::{AGREEMENTS_IN, Context, REQUIREMENTS_IN, category, origin};
use crate::content::load::SourceFile;
use crate::content::raw::{RawPlannedPurchase, Text};
use crate::content::yaml::Segment;
use crate::diagnostics::codes;
use crate::model::dates::{self, Moment, When};
use crate::model::*;
use crate::rules::cpv;

pub fn purchase(
    check: &mut Check,
    file: &SourceFile,
    raw: &RawPlannedPurchase,
    ctx: &Context,
) -> Option<PlannedPurchase> {
    let title = check.required(&raw.tittel, "tittel", "Nye kontormøbler");
    let category = category(check, &raw.kategori, ctx);
    let municipalities = check.scope(&raw.kommuner, &ctx.municipalities).map(|(scope, joining)| {
        if let Some(j) = joining.first() {
            let i = match &raw.kommuner {
                Some(crate::content::raw::Scope::List(m)) => {
                    m.iter().position(|m| m.id.as_str().trim() == j.municipality).unwrap_or(0)
                }
                _ => 0,
            };
            check.report(
                codes::JOINING_ONLY_IN_AGREEMENTS,
                &indexed("kommuner", i, &["fra"]),
                format!("{} har `fra`, men et planlagt innkjøp har ingen egen startdato per kommune", j.municipality),
                Some(format!("skriv bare `- {}`; når avtalen er inngått, skrives datoen i avtalen", j.municipality)),
            );
        }
        scope
    });
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
    let cpv_codes = cpv_codes(check, &raw.cpv, &[], ctx);
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
    let milestones = milestones(check, raw);
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
        deadline: deadline.filter(|d| d.time().is_some()).or_else(|| tenders_due(&milestones)),
        dialogue,
        replaces,
        result,
        doffin: check.doffin(&raw.doffin),
        milestones,
        lots: lots(check, raw, ctx),
        tendering_tool: check.url(&raw.konkurranseverktoy, &at(&["konkurranseverktoy"])),
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

/// CPV codes, checked against the site's CPV list when it has one; `within` is where the
/// list stands (a lot's codes are under `delkontrakter[i]`).
fn cpv_codes(check: &mut Check, codes: &Option<Vec<Text>>, within: &[Segment], ctx: &Context) -> Vec<Cpv> {
    let mut cpv_codes = Vec::new();
    for (i, code) in codes.iter().flatten().enumerate() {
        let path: Vec<Segment> = within.iter().cloned().chain(indexed("cpv", i, &[])).collect();
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
        let division_name = normal.get(..2).and_then(|d| ctx.cpv.name(&format!("{d}000000"))).map(str::to_string);
        cpv_codes.push(Cpv { code: normal, name, division_name });
    }
    cpv_codes
}

/// `frister`: each milestone as precise as it is known, none before one that comes earlier in
/// a tender; `tilbud` and `tilbudsfrist` say the same when both are written.
fn milestones(check: &mut Check, raw: &RawPlannedPurchase) -> Vec<Milestone> {
    let Some(f) = &raw.frister else { return Vec::new() };
    let written =
        [&f.sporsmal, &f.foresporsel_om_deltakelse, &f.tilbud, &f.tildeling, &f.karens, &f.kontraktssignering];
    let mut out: Vec<Milestone> = Vec::new();
    for ((key, kind), value) in MilestoneKind::ALL.into_iter().zip(written) {
        let Some(text) = check.text(value) else { continue };
        let path = at(&["frister", key]);
        match Moment::parse(&text) {
            Some(when) => out.push(Milestone { kind, when }),
            None => {
                let shown = check.written(&path, &text);
                check.report(
                    codes::BAD_FUZZY_DATE,
                    &path,
                    format!("`{shown}` er ikke en gyldig dato for `{key}`"),
                    Some(format!("{}, eller med klokkeslett: 2027-03-15T12:00", dates::FUZZY_FORM)),
                );
            }
        }
    }
    let tenders = out.iter().find(|m| m.kind == MilestoneKind::Tenders).map(|m| m.when);
    let deadline = When::parse(&check.text(&raw.tilbudsfrist).unwrap_or_default());
    // `tilbudsfrist` is the deadline among the milestones when `frister` does not give it.
    if let (None, Some(d), false) = (tenders, deadline, out.is_empty()) {
        let at = out.iter().position(|m| m.kind > MilestoneKind::Tenders).unwrap_or(out.len());
        out.insert(at, Milestone { kind: MilestoneKind::Tenders, when: Moment::At(d) });
    }
    for m in &out {
        // The nearest milestone that should come before it, but comes after.
        let later = out.iter().rfind(|e| m.kind.after().contains(&e.kind) && e.when.surely_after(&m.when));
        if let Some(earlier) = later {
            check.report(
                codes::MILESTONES_OUT_OF_ORDER,
                &at(&["frister", m.kind.key()]),
                format!(
                    "`{}` ({}) er før `{}` ({})",
                    m.kind.key(),
                    m.when.long(),
                    earlier.kind.key(),
                    earlier.when.long()
                ),
                Some(format!(
                    "{} kommer etter {}; sjekk datoene",
                    m.kind.label().to_lowercase(),
                    earlier.kind.label().to_lowercase()
                )),
            );
        }
    }
    if let (Some(Moment::At(a)), Some(b)) = (tenders, deadline)
        && a != b
    {
        check.report(
            codes::MILESTONES_OUT_OF_ORDER,
            &at(&["frister", "tilbud"]),
            format!("`frister.tilbud` ({}) og `tilbudsfrist` ({}) er ulike", a.long(), b.long()),
            Some("skriv tilbudsfristen ett sted: under `frister` som `tilbud`, eller som `tilbudsfrist`".to_string()),
        );
    }
    out
}

/// The deadline for tenders from `frister.tilbud`, when it is known to the minute.
fn tenders_due(milestones: &[Milestone]) -> Option<When> {
    milestones.iter().find(|m| m.kind == MilestoneKind::Tenders).and_then(|m| match m.when {
        Moment::At(w) if w.time().is_some() => Some(w),
        _ => None,
    })
}

/// `delkontrakter`: each with a title, its value and its CPV codes.
fn lots(check: &mut Check, raw: &RawPlannedPurchase, ctx: &Context) -> Vec<Lot> {
    let mut out = Vec::new();
    for (i, lot) in raw.delkontrakter.iter().flatten().enumerate() {
        let within = indexed("delkontrakter", i, &[]);
        let cpv = cpv_codes(check, &lot.cpv, &within, ctx);
        let Some(title) = check.line(&lot.tittel, &indexed("delkontrakter", i, &["tittel"])) else {
            check.report(
                codes::MISSING_KEY,
                &within,
                format!("delkontrakt {} mangler `tittel`", i + 1),
                Some("gi hver delkontrakt et navn, for eksempel `tittel: Delkontrakt 1: Kongsberg`".to_string()),
            );
            continue;
        };
        out.push(Lot { title, estimated_value: lot.anslatt_verdi, cpv });
    }
    out
}
