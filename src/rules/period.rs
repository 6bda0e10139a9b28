//! Agreement periods: the status on a given day and the four-year rule.

use crate::model::dates::add_months;
use crate::model::{Agreement, Ending};
use chrono::NaiveDate;

/// The status of a framework agreement on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AgreementStatus {
    Upcoming,
    Active,
    ExpiringSoon,
    Expired,
    Terminated,
    Breached,
    Ended,
}

impl AgreementStatus {
    pub const ALL: [AgreementStatus; 7] = [
        AgreementStatus::Upcoming,
        AgreementStatus::Active,
        AgreementStatus::ExpiringSoon,
        AgreementStatus::Expired,
        AgreementStatus::Terminated,
        AgreementStatus::Breached,
        AgreementStatus::Ended,
    ];

    /// The key used in URLs, data attributes and CSS.
    pub fn key(self) -> &'static str {
        match self {
            AgreementStatus::Upcoming => "kommende",
            AgreementStatus::Active => "aktiv",
            AgreementStatus::ExpiringSoon => "utloper_snart",
            AgreementStatus::Expired => "utlopt",
            AgreementStatus::Terminated => "oppsagt",
            AgreementStatus::Breached => "hevet",
            AgreementStatus::Ended => "avsluttet",
        }
    }

    /// The word on the badge.
    pub fn label(self) -> &'static str {
        match self {
            AgreementStatus::Upcoming => "Kommende",
            AgreementStatus::Active => "Aktiv",
            AgreementStatus::ExpiringSoon => "Utløper snart",
            AgreementStatus::Expired => "Utløpt",
            AgreementStatus::Terminated => "Oppsagt",
            AgreementStatus::Breached => "Hevet",
            AgreementStatus::Ended => "Avsluttet",
        }
    }

    /// Whether staff may order under the agreement.
    pub fn in_force(self) -> bool {
        matches!(self, AgreementStatus::Active | AgreementStatus::ExpiringSoon)
    }

    /// The status an agreement ended before its time has from the day it ends.
    pub fn of_ending(ending: Ending) -> AgreementStatus {
        match ending {
            Ending::Terminated => AgreementStatus::Terminated,
            Ending::Breach => AgreementStatus::Breached,
            Ending::Ended => AgreementStatus::Ended,
        }
    }
}

/// The status on `today`. An agreement ended before its time has its ending's status from
/// `avsluttet_fra` on (at once without that day); before it, and for every other agreement,
/// the status follows the dates, to the day before `avsluttet_fra` at the latest.
pub fn status(agreement: &Agreement, today: NaiveDate, expiring_months: u32) -> AgreementStatus {
    if let Some(t) = agreement.termination
        && t.from.is_none_or(|from| today >= from)
    {
        return AgreementStatus::of_ending(t.ending);
    }
    let end = agreement.current_end();
    if today < agreement.valid_from {
        AgreementStatus::Upcoming
    } else if today > end {
        AgreementStatus::Expired
    } else if end < add_months(today, expiring_months) {
        AgreementStatus::ExpiringSoon
    } else {
        AgreementStatus::Active
    }
}

/// The last day a four-year agreement may run: `valid_from` + 4 years - 1 day.
pub fn four_year_limit(valid_from: NaiveDate) -> NaiveDate {
    add_months(valid_from, 48).pred_opt().unwrap_or(NaiveDate::MAX)
}

/// Whether the latest possible end breaks the four-year main rule.
pub fn exceeds_four_years(agreement: &Agreement) -> bool {
    agreement.latest_end() > four_year_limit(agreement.valid_from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ExtensionOption, Origin, Scope};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn agreement(from: &str, to: &str, options: &[(&str, bool)]) -> Agreement {
        Agreement {
            origin: Origin { slug: "a".into(), path: "rammeavtaler/a.md".into(), changed: None },
            title: "A".into(),
            summary: None,
            category: "c".into(),
            suppliers: vec![],
            municipalities: Scope::All,
            valid_from: d(from),
            valid_to: d(to),
            options: options.iter().map(|(t, u)| ExtensionOption { until: d(t), exercised: *u }).collect(),
            termination: None,
            number: None,
            doffin: None,
            ecommerce: None,
            ordering: None,
            call_off: None,
            catalogue: None,
            estimated_value: None,
            max_value: None,
            max_quantity: None,
            joining: Vec::new(),
            made_by: None,
            requirements: vec![],
            documents: vec![],
            contact: None,
            body: String::new(),
        }
    }

    #[test]
    fn four_years_exactly_does_not_warn() {
        assert!(!exceeds_four_years(&agreement("2025-02-01", "2027-01-31", &[("2029-01-31", false)])));
        assert!(exceeds_four_years(&agreement("2025-02-01", "2027-01-31", &[("2029-02-01", false)])));
    }

    #[test]
    fn status_follows_the_current_end() {
        let a = agreement("2024-01-01", "2025-12-31", &[("2026-12-31", true), ("2027-12-31", false)]);
        assert_eq!(a.current_end(), d("2026-12-31"));
        assert_eq!(a.latest_end(), d("2027-12-31"));
        assert!(a.has_open_option());
        assert_eq!(status(&a, d("2023-12-31"), 6), AgreementStatus::Upcoming);
        assert_eq!(status(&a, d("2026-01-01"), 6), AgreementStatus::Active);
        assert_eq!(status(&a, d("2026-07-01"), 6), AgreementStatus::ExpiringSoon);
        assert_eq!(status(&a, d("2026-12-31"), 6), AgreementStatus::ExpiringSoon);
        assert_eq!(status(&a, d("2027-01-01"), 6), AgreementStatus::Expired);
    }

    #[test]
    fn an_agreement_ended_early_is_in_force_until_the_day_before_it_ends() {
        use crate::model::{Ending, Termination};
        let mut a = agreement("2024-01-01", "2027-12-31", &[("2028-12-31", false)]);
        a.termination = Some(Termination { ending: Ending::Terminated, from: Some(d("2026-09-01")) });
        assert_eq!(a.current_end(), d("2026-08-31"));
        assert_eq!(a.latest_end(), d("2026-08-31"));
        assert!(!a.has_open_option());
        assert_eq!(status(&a, d("2025-01-01"), 6), AgreementStatus::Active);
        assert_eq!(status(&a, d("2026-06-01"), 6), AgreementStatus::ExpiringSoon);
        assert_eq!(status(&a, d("2026-08-31"), 6), AgreementStatus::ExpiringSoon);
        assert_eq!(status(&a, d("2026-09-01"), 6), AgreementStatus::Terminated);
        a.termination = Some(Termination { ending: Ending::Breach, from: None });
        assert_eq!(status(&a, d("2025-01-01"), 6), AgreementStatus::Breached);
        assert_eq!(a.current_end(), d("2027-12-31"), "without the day, the dates stand");
    }
}
