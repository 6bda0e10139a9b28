//! Thresholds: whether a planned purchase is announced nationally (Doffin), also in the EEA
//! (TED), or not at all, from the threshold values the site keeps in its content and the
//! procedure it uses. The law's values are data; only their meaning is code.

use crate::model::{ContractType, Procedure, Threshold, ThresholdKind};
use chrono::NaiveDate;

/// Where a planned purchase's value stands against the thresholds in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ThresholdClass {
    /// No value given: the class is unknown.
    Unknown,
    /// No national threshold is in force on the day that decides (before the first entry):
    /// the class is unknown too.
    NoThresholdInForce,
    /// Below the value under which the procurement act does not apply.
    BelowLawLimit,
    /// Below the national threshold.
    BelowNational,
    /// At or above the national threshold: announced in Doffin.
    National,
    /// At or above the EEA threshold for its contract type: Doffin and TED.
    Eea,
    /// Health and social services and other special services below their EEA threshold: no
    /// duty to announce.
    SpecialBelowEea,
}

impl ThresholdClass {
    /// The key in the open data: `ukjent`, `under_nedre_grense`, `under_nasjonal`, `nasjonal`,
    /// `eos`, `saerlige_under_eos`.
    pub fn key(self) -> &'static str {
        match self {
            ThresholdClass::Unknown | ThresholdClass::NoThresholdInForce => "ukjent",
            ThresholdClass::BelowLawLimit => "under_nedre_grense",
            ThresholdClass::BelowNational => "under_nasjonal",
            ThresholdClass::National => "nasjonal",
            ThresholdClass::Eea => "eos",
            ThresholdClass::SpecialBelowEea => "saerlige_under_eos",
        }
    }

    /// What the class means for the announcement, on its own.
    pub fn label(self) -> &'static str {
        match self {
            ThresholdClass::Unknown => "Ukjent (verdien er ikke anslått)",
            ThresholdClass::NoThresholdInForce => "Ukjent (ingen terskelverdi gjelder på datoen som avgjør)",
            ThresholdClass::BelowLawLimit => "Under lovens nedre grense: anskaffelsesloven gjelder ikke",
            ThresholdClass::BelowNational => "Under nasjonal terskelverdi: ingen plikt til å kunngjøre i Doffin",
            ThresholdClass::National => "Over nasjonal terskelverdi: kunngjøres i Doffin",
            ThresholdClass::Eea => "Over EØS-terskelverdi: kunngjøres i Doffin og TED",
            ThresholdClass::SpecialBelowEea => {
                "Særlige tjenester under EØS-terskelverdien: ingen plikt til å kunngjøre i Doffin"
            }
        }
    }
}

/// What applies to the announcement of a purchase: its class, unless the procedure decides
/// (a mini-competition is a call-off under a framework agreement; a direct award is not
/// announced and must be justified). Below the law's lower limit the act does not apply,
/// whatever the procedure.
pub fn announcement(class: ThresholdClass, procedure: Option<Procedure>) -> &'static str {
    match procedure {
        _ if class == ThresholdClass::BelowLawLimit => class.label(),
        Some(Procedure::MiniCompetition) => {
            "Minikonkurranse (avrop på en rammeavtale): kunngjøres ikke; leverandørene på rammeavtalen inviteres"
        }
        Some(Procedure::Direct) => "Direkteanskaffelse: kunngjøres ikke, og valget må begrunnes og dokumenteres",
        _ => class.label(),
    }
}

/// The threshold of a kind in force on `on` for a contract type: the latest `valid_from`
/// on or before the day, preferring one that names the contract type.
pub fn in_force(
    thresholds: &[Threshold],
    kind: ThresholdKind,
    contract_type: Option<ContractType>,
    on: NaiveDate,
) -> Option<&Threshold> {
    thresholds
        .iter()
        .filter(|t| t.kind == kind && t.valid_from <= on)
        .filter(|t| t.contract_type.is_none() || t.contract_type == contract_type)
        .max_by_key(|t| (t.valid_from, t.contract_type.is_some()))
}

/// Classifies a value on a day.
pub fn classify(
    thresholds: &[Threshold],
    value: Option<u64>,
    contract_type: Option<ContractType>,
    on: NaiveDate,
) -> ThresholdClass {
    let Some(value) = value else { return ThresholdClass::Unknown };
    let threshold = |kind| in_force(thresholds, kind, contract_type, on).map(|t| t.amount);
    if threshold(ThresholdKind::LowerLimit).is_some_and(|limit| value < limit) {
        return ThresholdClass::BelowLawLimit;
    }
    if contract_type == Some(ContractType::SpecialServices) {
        return match threshold(ThresholdKind::Eea) {
            None => ThresholdClass::NoThresholdInForce,
            Some(eea) if value >= eea => ThresholdClass::Eea,
            Some(_) => ThresholdClass::SpecialBelowEea,
        };
    }
    let Some(national) = threshold(ThresholdKind::National) else { return ThresholdClass::NoThresholdInForce };
    if contract_type.is_some() && threshold(ThresholdKind::Eea).is_some_and(|eea| value >= eea) {
        ThresholdClass::Eea
    } else if value >= national {
        ThresholdClass::National
    } else {
        ThresholdClass::BelowNational
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(kind: ThresholdKind, amount: u64, from: &str, ct: Option<ContractType>) -> Threshold {
        Threshold {
            name: "t".into(),
            kind,
            amount,
            valid_from: NaiveDate::parse_from_str(from, "%Y-%m-%d").unwrap(),
            contract_type: ct,
        }
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn table() -> Vec<Threshold> {
        vec![
            t(ThresholdKind::LowerLimit, 100_000, "2017-01-01", None),
            t(ThresholdKind::LowerLimit, 500_000, "2026-07-01", None),
            t(ThresholdKind::National, 1_300_000, "2018-04-06", None),
            t(ThresholdKind::Eea, 2_300_000, "2024-03-14", Some(ContractType::Goods)),
            t(ThresholdKind::Eea, 57_800_000, "2024-03-14", Some(ContractType::Works)),
            t(ThresholdKind::Eea, 7_800_000, "2022-03-23", Some(ContractType::SpecialServices)),
        ]
    }

    #[test]
    fn classifies_against_the_values_in_force() {
        let list = table();
        let on = day("2027-01-01");
        let goods = Some(ContractType::Goods);
        assert_eq!(classify(&list, None, goods, on), ThresholdClass::Unknown);
        assert_eq!(classify(&list, Some(1_299_999), goods, on), ThresholdClass::BelowNational);
        assert_eq!(classify(&list, Some(1_300_000), goods, on), ThresholdClass::National);
        assert_eq!(classify(&list, Some(2_300_000), goods, on), ThresholdClass::Eea);
        assert_eq!(classify(&list, Some(3_000_000), Some(ContractType::Works), on), ThresholdClass::National);
        assert_eq!(classify(&list, Some(2_300_000), goods, day("2024-03-01")), ThresholdClass::National);
    }

    #[test]
    fn special_services_have_their_own_eea_threshold_and_no_duty_below_it() {
        let list = table();
        let special = Some(ContractType::SpecialServices);
        let on = day("2026-12-01");
        let class = classify(&list, Some(1_800_000), special, on);
        assert_eq!(class, ThresholdClass::SpecialBelowEea);
        assert!(!class.label().contains("kunngjøres i Doffin"), "{}", class.label());
        assert_eq!(classify(&list, Some(7_800_000), special, on), ThresholdClass::Eea);
    }

    #[test]
    fn before_the_first_entry_the_class_is_unknown_and_below_the_law_limit_the_act_does_not_apply() {
        let list = table();
        let goods = Some(ContractType::Goods);
        assert_eq!(classify(&list, Some(200_000), goods, day("2018-01-01")), ThresholdClass::NoThresholdInForce);
        assert_eq!(ThresholdClass::NoThresholdInForce.key(), "ukjent");
        assert_eq!(classify(&list, Some(400_000), goods, day("2026-06-30")), ThresholdClass::BelowNational);
        assert_eq!(classify(&list, Some(400_000), goods, day("2026-07-01")), ThresholdClass::BelowLawLimit);
    }

    #[test]
    fn the_procedure_decides_too() {
        let said = announcement(ThresholdClass::Eea, Some(Procedure::MiniCompetition));
        assert!(said.contains("avrop") && !said.contains("kunngjøres i Doffin"), "{said}");
        let said = announcement(ThresholdClass::National, Some(Procedure::Direct));
        assert!(said.contains("begrunnes") && !said.contains("kunngjøres i Doffin"), "{said}");
        assert_eq!(announcement(ThresholdClass::National, Some(Procedure::Open)), ThresholdClass::National.label());
        let below = announcement(ThresholdClass::BelowLawLimit, Some(Procedure::Direct));
        assert!(below.contains("gjelder ikke") && !below.contains("begrunnes"), "{below}");
    }
}
