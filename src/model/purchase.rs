//! A planned purchase in the tender pipeline: its status, procedure, CPV codes, milestones
//! and lots.

use super::dates::{FuzzyDate, Moment, When};
use super::{Contact, ContractType, Origin, Scope};
use chrono::NaiveDate;

/// Where a planned purchase is in the tender pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PurchaseStatus {
    Planned,
    MarketDialogue,
    Announced,
    Evaluation,
    Awarded,
    Cancelled,
}

impl PurchaseStatus {
    pub const ALL: [(&'static str, PurchaseStatus); 6] = [
        ("planlagt", PurchaseStatus::Planned),
        ("markedsdialog", PurchaseStatus::MarketDialogue),
        ("kunngjort", PurchaseStatus::Announced),
        ("evaluering", PurchaseStatus::Evaluation),
        ("tildelt", PurchaseStatus::Awarded),
        ("avlyst", PurchaseStatus::Cancelled),
    ];

    pub fn key(self) -> &'static str {
        PurchaseStatus::ALL.iter().find(|(_, s)| *s == self).map(|(k, _)| *k).unwrap_or("planlagt")
    }

    pub fn label(self) -> &'static str {
        match self {
            PurchaseStatus::Planned => "Planlagt",
            PurchaseStatus::MarketDialogue => "Markedsdialog",
            PurchaseStatus::Announced => "Kunngjort",
            PurchaseStatus::Evaluation => "Evaluering",
            PurchaseStatus::Awarded => "Tildelt",
            PurchaseStatus::Cancelled => "Avlyst",
        }
    }
}

/// The procedures, with their labels as Doffin shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Procedure {
    Open,
    Restricted,
    Negotiated,
    CompetitiveDialogue,
    InnovationPartnership,
    OpenCompetition,
    RestrictedCompetition,
    MiniCompetition,
    Direct,
}

impl Procedure {
    pub const ALL: [Procedure; 9] = [
        Procedure::Open,
        Procedure::Restricted,
        Procedure::Negotiated,
        Procedure::CompetitiveDialogue,
        Procedure::InnovationPartnership,
        Procedure::OpenCompetition,
        Procedure::RestrictedCompetition,
        Procedure::MiniCompetition,
        Procedure::Direct,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Procedure::Open => "åpen anbudskonkurranse",
            Procedure::Restricted => "begrenset anbudskonkurranse",
            Procedure::Negotiated => "konkurranse med forhandling",
            Procedure::CompetitiveDialogue => "konkurransepreget dialog",
            Procedure::InnovationPartnership => "innovasjonspartnerskap",
            Procedure::OpenCompetition => "åpen tilbudskonkurranse",
            Procedure::RestrictedCompetition => "begrenset tilbudskonkurranse",
            Procedure::MiniCompetition => "minikonkurranse",
            Procedure::Direct => "direkteanskaffelse",
        }
    }
}

/// A CPV code, 8 digits, with its Norwegian name when the site has a CPV list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cpv {
    pub code: String,
    pub name: Option<String>,
    /// The name of its division (the code's first two digits, `45000000`), from the list.
    pub division_name: Option<String>,
}

impl Cpv {
    /// The division: the first two digits, the trade a supplier follows.
    pub fn division(&self) -> &str {
        self.code.get(..2).unwrap_or(&self.code)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dialogue {
    pub date: Option<NaiveDate>,
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedPurchase {
    pub origin: Origin,
    pub title: String,
    pub summary: Option<String>,
    pub category: String,
    pub municipalities: Scope,
    pub status: PurchaseStatus,
    pub contract_type: Option<ContractType>,
    pub procedure: Option<Procedure>,
    pub cpv: Vec<Cpv>,
    pub estimated_value: Option<u64>,
    pub duration: Option<String>,
    pub announcement: Option<FuzzyDate>,
    pub contract_start: Option<FuzzyDate>,
    pub deadline: Option<When>,
    pub dialogue: Option<Dialogue>,
    pub replaces: Option<String>,
    pub result: Option<String>,
    pub doffin: Option<String>,
    /// The tender's milestones (`frister`), in the order a tender runs.
    pub milestones: Vec<Milestone>,
    /// The lots (`delkontrakter`).
    pub lots: Vec<Lot>,
    /// The tender in the e-tendering tool (`konkurranseverktoy`).
    pub tendering_tool: Option<super::Address>,
    /// The ethical requirements the tender sets (ids).
    pub requirements: Vec<String>,
    pub contact: Option<Contact>,
    pub body: String,
}

impl PlannedPurchase {
    /// Whether the tender is yet to be announced (planned, or in market dialogue).
    pub fn awaits_announcement(&self) -> bool {
        matches!(self.status, PurchaseStatus::Planned | PurchaseStatus::MarketDialogue)
    }

    /// Whether the announcement date is still only a month, quarter or year: never once the
    /// tender is announced (its date is then what it was).
    pub fn announcement_is_tentative(&self) -> bool {
        self.awaits_announcement() && self.announcement.is_some_and(|a| a.is_tentative())
    }

    /// Whether the announcement was due before `today` and the tender is still not announced.
    pub fn announcement_is_overdue(&self, today: NaiveDate) -> bool {
        self.awaits_announcement() && self.announcement.is_some_and(|a| a.last_day() < today)
    }
}

/// A milestone of a tender (`frister`), in the order a tender runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MilestoneKind {
    /// `sporsmal`: the last day for questions.
    Questions,
    /// `foresporsel_om_deltakelse`: the deadline for requests to participate (two stages).
    RequestToParticipate,
    /// `tilbud`: the deadline for tenders.
    Tenders,
    /// `tildeling`: the expected award.
    Award,
    /// `karens`: the end of the standstill period.
    Standstill,
    /// `kontraktssignering`: the contract is signed.
    Signing,
}

impl MilestoneKind {
    pub const ALL: [(&'static str, MilestoneKind); 6] = [
        ("sporsmal", MilestoneKind::Questions),
        ("foresporsel_om_deltakelse", MilestoneKind::RequestToParticipate),
        ("tilbud", MilestoneKind::Tenders),
        ("tildeling", MilestoneKind::Award),
        ("karens", MilestoneKind::Standstill),
        ("kontraktssignering", MilestoneKind::Signing),
    ];

    pub fn key(self) -> &'static str {
        MilestoneKind::ALL.iter().find(|(_, k)| *k == self).map(|(key, _)| *key).unwrap_or("tilbud")
    }

    pub fn label(self) -> &'static str {
        match self {
            MilestoneKind::Questions => "Frist for spørsmål",
            MilestoneKind::RequestToParticipate => "Frist for forespørsel om deltakelse",
            MilestoneKind::Tenders => "Tilbudsfrist",
            MilestoneKind::Award => "Forventet tildeling",
            MilestoneKind::Standstill => "Karensperioden slutter",
            MilestoneKind::Signing => "Kontraktssignering",
        }
    }

    /// The milestones that come before this one in every tender: questions and requests to
    /// participate before the tenders, then award, standstill and signing, each after the
    /// one before. (Questions may come after the requests in a tender of two stages.)
    pub fn after(self) -> &'static [MilestoneKind] {
        use MilestoneKind::*;
        match self {
            Questions | RequestToParticipate => &[],
            Tenders => &[Questions, RequestToParticipate],
            Award => &[Questions, RequestToParticipate, Tenders],
            Standstill => &[Questions, RequestToParticipate, Tenders, Award],
            Signing => &[Questions, RequestToParticipate, Tenders, Award, Standstill],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Milestone {
    pub kind: MilestoneKind,
    pub when: Moment,
}

/// A lot of a tender (`delkontrakter`).
#[derive(Debug, Clone, PartialEq)]
pub struct Lot {
    pub title: String,
    pub estimated_value: Option<u64>,
    pub cpv: Vec<Cpv>,
}

impl PlannedPurchase {
    /// Every CPV code of the purchase and of its lots.
    pub fn all_cpv(&self) -> impl Iterator<Item = &Cpv> {
        self.cpv.iter().chain(self.lots.iter().flat_map(|l| &l.cpv))
    }

    /// The date of a milestone, if the purchase gives it.
    pub fn milestone(&self, kind: MilestoneKind) -> Option<Moment> {
        self.milestones.iter().find(|m| m.kind == kind).map(|m| m.when)
    }

    /// The milestones a calendar has events for: those known to a day, but the deadline for
    /// tenders, which is the purchase's own `deadline` event when it is known to the minute.
    pub fn dated_milestones(&self) -> impl Iterator<Item = (MilestoneKind, When)> + '_ {
        self.milestones
            .iter()
            .filter_map(|m| m.when.when().map(|w| (m.kind, w)))
            .filter(|(kind, _)| *kind != MilestoneKind::Tenders || self.deadline.is_none())
    }

    /// Whether the purchase has a calendar of its own: a deadline or a dated milestone.
    pub fn has_calendar(&self) -> bool {
        self.deadline.is_some() || self.dated_milestones().next().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::MilestoneKind;

    /// Each milestone comes after every one listed before it, but questions and requests to
    /// participate, which may come in either order in a tender of two stages.
    #[test]
    fn milestones_follow_the_order_of_a_tender() {
        let kinds: Vec<MilestoneKind> = MilestoneKind::ALL.iter().map(|(_, k)| *k).collect();
        for (i, later) in kinds.iter().enumerate() {
            for earlier in &kinds[..i] {
                let free = matches!(
                    (earlier, later),
                    (MilestoneKind::Questions, MilestoneKind::RequestToParticipate)
                        | (MilestoneKind::RequestToParticipate, MilestoneKind::Questions)
                );
                assert_eq!(later.after().contains(earlier), !free, "{} after {}", later.key(), earlier.key());
            }
            assert!(!later.after().contains(later));
        }
        assert_eq!(MilestoneKind::Award.key(), "tildeling");
    }
}
