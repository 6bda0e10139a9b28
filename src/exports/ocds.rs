//! OCDS 1.1: a release package `/data/ocds.json` with a `planning` release per planned
//! purchase and an award/contract release per framework agreement.

use super::{end_of_day, oslo_rfc3339, purchase_updated, start_of_day};
use crate::diagnostics::{Diagnostic, codes};
use crate::model::*;
use crate::rules::period::AgreementStatus;
use crate::site::Site;
use rayon::prelude::*;
use serde_json::{Value, json};

/// The package and the warnings for what could not be exported. No package without an
/// `ocid_prefiks`: every ocid needs one.
pub fn package(site: &Site) -> (Option<String>, Vec<Diagnostic>) {
    let settings = &site.model.settings;
    let Some(prefix) = settings.ocid_prefix.as_deref().filter(|p| !p.trim().is_empty()) else {
        let warning = Diagnostic::new(
            codes::EXPORT_PARTIAL,
            "nettsted.yaml",
            "ocid_prefiks mangler, så /data/ocds.json lages ikke",
        )
        .field("ocid_prefiks")
        .hint("skriv prefikset fra Open Contracting Partnership, for eksempel ocid_prefiks: \"ocds-abc123-kbr\"");
        return (None, vec![warning]);
    };
    // Each release is made and written out on its own, side by side; the package around
    // them is written with a placeholder where they go.
    let planned = site.model.purchases.par_iter().map(|p| {
        let mut warnings = Vec::new();
        let release = planning(site, prefix, p, &mut warnings);
        (in_package(&release), warnings)
    });
    let contracts = site
        .model
        .agreements
        .par_iter()
        .enumerate()
        .map(|(i, a)| (in_package(&contract(site, prefix, i, a)), Vec::new()));
    let (releases, warnings): (Vec<String>, Vec<Vec<Diagnostic>>) = planned.chain(contracts).collect();
    let package = json!({
        "uri": format!("{}data/ocds.json", settings.base_url),
        "version": "1.1",
        "publishedDate": start_of_day(site.today),
        "publisher": { "name": settings.title, "uri": settings.base_url.as_str() },
        "releases": RELEASES,
    });
    (Some(write_package(&package, &releases)), warnings.into_iter().flatten().collect())
}

/// The package's outline written out, with the releases (each from [`in_package`]) in place of
/// its placeholder: the same text as writing the whole package at once.
fn write_package(outline: &Value, releases: &[String]) -> String {
    let outline = serde_json::to_string_pretty(outline).unwrap_or_default();
    let releases = if releases.is_empty() { "[]".to_string() } else { format!("[\n{}\n  ]", releases.join(",\n")) };
    let mut text = outline.replacen(&format!("\"{RELEASES}\""), &releases, 1);
    text.push('\n');
    text
}

/// Where the releases go in the package's outline.
const RELEASES: &str = "innkjop:releases";

/// A release written as it stands in the package: pretty, one level into its list.
fn in_package(release: &Value) -> String {
    let text = serde_json::to_string_pretty(release).unwrap_or_default();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.lines() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str("    ");
        out.push_str(line);
    }
    out
}

/// `<prefix>-<kind>-<slug>`.
pub fn ocid(prefix: &str, kind: &str, slug: &str) -> String {
    format!("{prefix}-{kind}-{slug}")
}

/// The OCDS tender status of a pipeline status.
pub fn tender_status(status: PurchaseStatus) -> &'static str {
    match status {
        PurchaseStatus::Planned | PurchaseStatus::MarketDialogue => "planning",
        PurchaseStatus::Announced | PurchaseStatus::Evaluation => "active",
        PurchaseStatus::Awarded => "complete",
        PurchaseStatus::Cancelled => "cancelled",
    }
}

/// The OCDS procurement method of a procedure: open to all, open to the qualified, to
/// invited suppliers only, or none.
pub fn procurement_method(procedure: Procedure) -> &'static str {
    match procedure {
        Procedure::Open | Procedure::OpenCompetition => "open",
        Procedure::Restricted
        | Procedure::RestrictedCompetition
        | Procedure::Negotiated
        | Procedure::CompetitiveDialogue
        | Procedure::InnovationPartnership => "selective",
        // Only the suppliers of the framework agreement may take part.
        Procedure::MiniCompetition => "limited",
        Procedure::Direct => "direct",
    }
}

/// The OCDS main procurement category of a contract type.
pub fn procurement_category(contract_type: ContractType) -> &'static str {
    match contract_type {
        ContractType::Goods => "goods",
        ContractType::Services | ContractType::SpecialServices => "services",
        ContractType::Works => "works",
    }
}

/// The OCDS contract status of an agreement on the build day.
pub fn contract_status(status: AgreementStatus) -> &'static str {
    match status {
        AgreementStatus::Upcoming => "pending",
        AgreementStatus::Active | AgreementStatus::ExpiringSoon => "active",
        AgreementStatus::Expired | AgreementStatus::Terminated | AgreementStatus::Breached | AgreementStatus::Ended => {
            "terminated"
        }
    }
}

fn buyer(site: &Site) -> (Value, Value) {
    let settings = &site.model.settings;
    let id = format!("kjoper-{}", settings.host);
    let mut party = json!({
        "id": id,
        "name": settings.title,
        "roles": ["buyer", "procuringEntity"],
        "details": { "vertskommune": site.municipality(&settings.host).map(|m| m.name.clone()) },
    });
    if let Some(c) = &settings.contact {
        party["contactPoint"] = json!({ "name": c.name, "email": c.email, "telephone": c.phone });
    }
    (party, json!({ "id": id, "name": settings.title }))
}

fn planning(site: &Site, prefix: &str, p: &PlannedPurchase, warnings: &mut Vec<Diagnostic>) -> Value {
    let base = &site.model.settings.base_url;
    let id = ocid(prefix, "planlagt", &p.origin.slug);
    let date = purchase_updated(p, site.today);
    let (party, buyer) = buyer(site);
    let mut tender = json!({
        "id": format!("{id}-tender"),
        "title": p.title,
        "status": tender_status(p.status),
        "procuringEntity": buyer,
    });
    if let Some(s) = &p.summary {
        tender["description"] = json!(s);
    }
    if let Some(v) = p.estimated_value {
        tender["value"] = json!({ "amount": v, "currency": "NOK" });
    }
    if !p.cpv.is_empty() {
        let items: Vec<Value> = p
            .cpv
            .iter()
            .enumerate()
            .map(|(n, c)| {
                let mut classification = json!({ "scheme": "CPV", "id": c.code });
                if let Some(name) = &c.name {
                    classification["description"] = json!(name);
                }
                json!({ "id": (n + 1).to_string(), "description": c.name.clone().unwrap_or_else(|| p.title.clone()), "classification": classification })
            })
            .collect();
        tender["items"] = json!(items);
    }
    match p.contract_type {
        Some(t) => tender["mainProcurementCategory"] = json!(procurement_category(t)),
        None => {
            warnings.push(partial(p, "kontraktstype", "tender.mainProcurementCategory", "kontraktstype: tjenester"))
        }
    }
    match p.procedure {
        Some(x) => {
            tender["procurementMethod"] = json!(procurement_method(x));
            tender["procurementMethodDetails"] = json!(x.label());
        }
        None => warnings.push(partial(p, "prosedyre", "tender.procurementMethod", "prosedyre: åpen anbudskonkurranse")),
    }
    if let Some(d) = p.deadline {
        tender["tenderPeriod"] = json!({ "endDate": when(d) });
    }
    tender_milestones(p, &mut tender);
    if let Some(c) = p.contract_start {
        tender["contractPeriod"] = json!({ "startDate": start_of_day(c.first_day()) });
    }
    let mut release = json!({
        "ocid": id,
        "id": format!("{id}-planning-{}", date.format("%Y%m%dT%H%M%S")),
        "date": oslo_rfc3339(date),
        "tag": ["planning"],
        "initiationType": "tender",
        "language": site.model.settings.language,
        "parties": [party],
        "buyer": buyer,
        "planning": { "rationale": p.summary, "documents": [{ "id": "side", "documentType": "procurementPlan", "url": format!("{base}planlagte-innkjop/{}/", p.origin.slug), "title": p.title }] },
        "tender": tender,
    });
    if let Some(agreement) = &p.replaces {
        release["relatedProcesses"] = json!([{
            "id": "1",
            "relationship": ["replacementProcess"],
            "title": site.agreement_index(agreement).map(|i| site.model.agreements[i].title.clone()),
            "scheme": "ocid",
            "identifier": ocid(prefix, "rammeavtale", agreement),
            "uri": format!("{base}rammeavtaler/{agreement}/"),
        }]);
    }
    release
}

fn contract(site: &Site, prefix: &str, i: usize, a: &Agreement) -> Value {
    let base = &site.model.settings.base_url;
    let id = ocid(prefix, "rammeavtale", &a.origin.slug);
    let (buyer_party, buyer) = buyer(site);
    let mut parties = vec![buyer_party];
    let mut suppliers = Vec::new();
    for s in a.suppliers.iter().filter_map(|s| site.supplier(s)) {
        let party_id = format!("NO-BRC-{}", s.orgnr);
        let mut party = json!({
            "id": party_id,
            "name": s.name,
            "identifier": { "scheme": "NO-BRC", "id": s.orgnr, "legalName": s.name },
            "roles": ["supplier"],
        });
        if let Some(address) = &s.address {
            party["address"] = json!({ "streetAddress": address, "countryName": "Norge" });
        }
        parties.push(party);
        suppliers.push(json!({ "id": party_id, "name": s.name }));
    }
    let period = json!({
        "startDate": start_of_day(a.valid_from),
        "endDate": end_of_day(a.current_end()),
        "maxExtentDate": end_of_day(a.latest_end()),
    });
    let status = site.agreement_status.get(i).copied().unwrap_or(AgreementStatus::Active);
    let award_id = format!("{id}-award");
    let mut release = json!({
        "ocid": id,
        "id": format!("{id}-contract-{}", a.current_end().format("%Y%m%d")),
        "date": start_of_day(a.valid_from),
        "tag": ["award", "contract"],
        "initiationType": "tender",
        "language": site.model.settings.language,
        "parties": parties,
        "buyer": buyer,
        "awards": [{
            "id": award_id,
            "title": a.title,
            "description": a.summary,
            "status": "active",
            "suppliers": suppliers,
            "contractPeriod": period,
        }],
        "contracts": [{
            "id": format!("{id}-contract"),
            "awardID": award_id,
            "title": a.title,
            "description": a.summary,
            "status": contract_status(status),
            "period": period,
            "documents": [{ "id": "side", "documentType": "contractSigned", "url": format!("{base}rammeavtaler/{}/", a.origin.slug), "title": a.title }],
        }],
    });
    if let Some(tender) = agreement_tender(&id, a, &mut release) {
        release["tender"] = tender;
    }
    if let Some(&p) = site.produced_by.get(&a.origin.slug) {
        let purchase = &site.model.purchases[p];
        release["relatedProcesses"] = json!([{
            "id": "1",
            "relationship": ["planning"],
            "title": purchase.title,
            "scheme": "ocid",
            "identifier": ocid(prefix, "planlagt", &purchase.origin.slug),
            "uri": format!("{base}planlagte-innkjop/{}/", purchase.origin.slug),
        }]);
    }
    release
}

/// The milestones, the lots and the e-tendering tool of a tender: `tender.milestones` (the
/// questions as an enquiry period, the rest as milestones), the lots
/// extension's `tender.lots` with items in them, and `submissionMethodDetails`.
fn tender_milestones(p: &PlannedPurchase, tender: &mut Value) {
    if let Some(q) = p.milestone(MilestoneKind::Questions) {
        tender["enquiryPeriod"] = json!({ "endDate": moment_end(q) });
    }
    let milestones: Vec<Value> = p
        .milestones
        .iter()
        .filter(|m| !matches!(m.kind, MilestoneKind::Questions | MilestoneKind::Tenders))
        .map(|m| {
            // The open milestoneType codelist: suppliers take part, or the buyer decides.
            let kind = if m.kind == MilestoneKind::RequestToParticipate { "engagement" } else { "approval" };
            json!({ "id": m.kind.key(), "title": m.kind.label(), "type": kind, "dueDate": moment_end(m.when), "status": "scheduled" })
        })
        .collect();
    if !milestones.is_empty() {
        tender["milestones"] = json!(milestones);
    }
    if !p.lots.is_empty() {
        let lots: Vec<Value> = p
            .lots
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let mut lot =
                    json!({ "id": format!("delkontrakt-{}", i + 1), "title": l.title, "status": tender["status"] });
                if let Some(v) = l.estimated_value {
                    lot["value"] = json!({ "amount": v, "currency": "NOK" });
                }
                lot
            })
            .collect();
        let mut items = tender["items"].as_array().cloned().unwrap_or_default();
        for (i, l) in p.lots.iter().enumerate() {
            for c in &l.cpv {
                let mut classification = json!({ "scheme": "CPV", "id": c.code });
                if let Some(name) = &c.name {
                    classification["description"] = json!(name);
                }
                items.push(json!({
                    "id": format!("delkontrakt-{}-{}", i + 1, c.code),
                    "description": c.name.clone().unwrap_or_else(|| l.title.clone()),
                    "classification": classification,
                    "relatedLot": format!("delkontrakt-{}", i + 1),
                }));
            }
        }
        tender["lots"] = json!(lots);
        if !items.is_empty() {
            tender["items"] = json!(items);
        }
    }
    if let Some(href) = p.tendering_tool.as_ref().and_then(|t| t.href()) {
        tender["submissionMethod"] = json!(["electronicSubmission"]);
        tender["submissionMethodDetails"] = json!(href);
    }
}

/// The end of a milestone: its moment, or the end of its last day.
fn moment_end(m: crate::model::dates::Moment) -> String {
    match m {
        crate::model::dates::Moment::At(w) => when(w),
        crate::model::dates::Moment::Around(_) => end_of_day(m.last_day()),
    }
}

/// The tender that made the agreement, for its size (`tender.value`, and `tender.maxValue`
/// beside the core schema, which has only `minValue`) and for the body that made it when
/// another did (`gjennom`: a party of its own, the procuring entity).
fn agreement_tender(id: &str, a: &Agreement, release: &mut Value) -> Option<Value> {
    if a.estimated_value.is_none() && a.max_value.is_none() && a.made_by.is_none() {
        return None;
    }
    let mut tender = json!({ "id": format!("{id}-tender"), "title": a.title, "status": "complete" });
    if let Some(v) = a.estimated_value {
        tender["value"] = json!({ "amount": v, "currency": "NOK" });
    }
    if let Some(v) = a.max_value {
        tender["maxValue"] = json!({ "amount": v, "currency": "NOK" });
    }
    if let Some(by) = &a.made_by {
        let party_id = format!("{id}-inngatt-av");
        let mut party = json!({ "id": party_id, "name": by.name, "roles": ["procuringEntity"] });
        if let Some(href) = by.website.as_ref().and_then(|w| w.href()) {
            party["details"] = json!({ "url": href });
        }
        if let Some(parties) = release["parties"].as_array_mut() {
            parties.push(party);
        }
        tender["procuringEntity"] = json!({ "id": party_id, "name": by.name });
    }
    Some(tender)
}

fn when(w: crate::model::dates::When) -> String {
    match w {
        crate::model::dates::When::Date(d) => end_of_day(d),
        crate::model::dates::When::DateTime(t) => oslo_rfc3339(t),
    }
}

fn partial(p: &PlannedPurchase, key: &str, field: &str, example: &str) -> Diagnostic {
    Diagnostic::new(
        codes::EXPORT_PARTIAL,
        p.origin.path.clone(),
        format!("{key} mangler, så OCDS-feltet {field} står tomt i /data/ocds.json"),
    )
    .field(key)
    .hint(format!("legg til for eksempel `{example}`; resten av innkjøpet er eksportert"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_the_tender_status_codelist() {
        let mapped: Vec<&str> = PurchaseStatus::ALL.iter().map(|(_, s)| tender_status(*s)).collect();
        assert_eq!(mapped, ["planning", "planning", "active", "active", "complete", "cancelled"]);
    }

    #[test]
    fn procedures_map_to_the_method_codelist() {
        let mapped: Vec<&str> = Procedure::ALL.iter().map(|p| procurement_method(*p)).collect();
        assert_eq!(
            mapped,
            ["open", "selective", "selective", "selective", "selective", "open", "selective", "limited", "direct"]
        );
    }

    #[test]
    fn a_package_written_in_pieces_equals_one_written_whole() {
        let releases = [json!({"ocid": "a", "tag": ["planning"], "planning": {"budget": {"amount": 1}}}), json!({})];
        for n in [0, 1, 2] {
            let whole = json!({"uri": "u", "releases": &releases[..n], "version": "1.1"});
            let outline = json!({"uri": "u", "releases": RELEASES, "version": "1.1"});
            let pieces: Vec<String> = releases[..n].iter().map(in_package).collect();
            let expected = serde_json::to_string_pretty(&whole).expect("json") + "\n";
            assert_eq!(write_package(&outline, &pieces), expected, "{n} releases");
        }
    }

    #[test]
    fn contract_types_and_agreement_statuses_map() {
        assert_eq!(procurement_category(ContractType::Works), "works");
        assert_eq!(contract_status(AgreementStatus::Upcoming), "pending");
        assert_eq!(contract_status(AgreementStatus::ExpiringSoon), "active");
        assert_eq!(contract_status(AgreementStatus::Terminated), "terminated");
        assert_eq!(ocid("ocds-abc-kbr", "rammeavtale", "drivstoff"), "ocds-abc-kbr-rammeavtale-drivstoff");
    }
}
