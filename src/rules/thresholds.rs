//! Thresholds: whether a planned purchase is announced nationally (Doffin) or also in
//! the EEA (TED), from the threshold values the site keeps in its content.

use crate::content::model::{ContractType, Threshold, ThresholdKind};
use chrono::NaiveDate;

/// How a planned purchase must be announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThresholdClass {
    /// No value given: the class is unknown.
    Unknown,
    /// Below the national threshold.
    BelowNational,
    /// At or above the national threshold: announced in Doffin.
    National,
    /// At or above the EEA threshold for its contract type: Doffin and TED.
    Eea,
}

impl ThresholdClass {
    pub fn key(self) -> &'static str {
        match self {
            ThresholdClass::Unknown => "ukjent",
            ThresholdClass::BelowNational => "under_nasjonal",
            ThresholdClass::National => "nasjonal",
            ThresholdClass::Eea => "eos",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ThresholdClass::Unknown => "Ukjent (verdien er ikke anslått)",
            ThresholdClass::BelowNational => "Under nasjonal terskelverdi",
            ThresholdClass::National => "Over nasjonal terskelverdi: kunngjøres i Doffin",
            ThresholdClass::Eea => "Over EØS-terskelverdi: kunngjøres i Doffin og TED",
        }
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
    let reaches = |kind| in_force(thresholds, kind, contract_type, on).is_some_and(|t| value >= t.amount);
    if contract_type.is_some() && reaches(ThresholdKind::Eea) {
        ThresholdClass::Eea
    } else if reaches(ThresholdKind::National) {
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

    #[test]
    fn classifies_against_the_values_in_force() {
        let list = vec![
            t(ThresholdKind::National, 1_300_000, "2024-01-01", None),
            t(ThresholdKind::Eea, 2_300_000, "2024-03-14", Some(ContractType::Goods)),
            t(ThresholdKind::Eea, 57_800_000, "2024-01-01", Some(ContractType::Works)),
        ];
        let day = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let goods = Some(ContractType::Goods);
        assert_eq!(classify(&list, None, goods, day), ThresholdClass::Unknown);
        assert_eq!(classify(&list, Some(1_299_999), goods, day), ThresholdClass::BelowNational);
        assert_eq!(classify(&list, Some(1_300_000), goods, day), ThresholdClass::National);
        assert_eq!(classify(&list, Some(2_300_000), goods, day), ThresholdClass::Eea);
        assert_eq!(classify(&list, Some(3_000_000), Some(ContractType::Works), day), ThresholdClass::National);
        let before = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
        assert_eq!(classify(&list, Some(2_300_000), goods, before), ThresholdClass::National);
    }
}
