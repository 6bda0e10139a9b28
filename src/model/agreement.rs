//! A framework agreement: its period, options, ending before its time, how orders are placed,
//! its size and who is in it from when.

use super::{Address, Contact, Origin, Scope};
use chrono::NaiveDate;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtensionOption {
    pub until: NaiveDate,
    pub exercised: bool,
}

/// How an agreement ended before its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ending {
    /// `oppsagt`: terminated by notice.
    Terminated,
    /// `hevet`: ended for breach.
    Breach,
    /// `avsluttet`: ended early by agreement or replaced.
    Ended,
}

impl Ending {
    pub const ALL: [(&'static str, Ending); 3] =
        [("oppsagt", Ending::Terminated), ("hevet", Ending::Breach), ("avsluttet", Ending::Ended)];
}

/// How orders are placed under a framework agreement (`avrop`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallOff {
    /// `direkte`: ordered from the agreement as it stands.
    Direct,
    /// `rangering`: from the first-ranked supplier, then the next.
    Ranking,
    /// `minikonkurranse`: a mini-competition among the suppliers for each order.
    MiniCompetition,
    /// `direkte_og_minikonkurranse`: direct below the limit (NOK excl. VAT), a
    /// mini-competition from it.
    DirectBelow(u64),
}

impl CallOff {
    /// The words of the content; the limit of the last comes from `avrop_grense`.
    pub const KEYS: [(&'static str, u8); 4] =
        [("direkte", 0), ("rangering", 1), ("minikonkurranse", 2), ("direkte_og_minikonkurranse", 3)];

    /// The name of a way of ordering, by its key: «Minikonkurranse».
    pub fn label_of(key: &str) -> &'static str {
        match key {
            "direkte" => "Direkte",
            "rangering" => "Rangering",
            "minikonkurranse" => "Minikonkurranse",
            _ => "Direkte og minikonkurranse",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            CallOff::Direct => "direkte",
            CallOff::Ranking => "rangering",
            CallOff::MiniCompetition => "minikonkurranse",
            CallOff::DirectBelow(_) => "direkte_og_minikonkurranse",
        }
    }

    /// How a purchaser orders, in one sentence.
    pub fn sentence(self) -> String {
        match self {
            CallOff::Direct => "Du bestiller direkte fra avtalen.".to_string(),
            CallOff::Ranking => {
                "Du bestiller fra leverandøren som er rangert først. Kan den ikke levere, går du videre \
                                 til den som er rangert som nummer to, og så videre."
                    .to_string()
            }
            CallOff::MiniCompetition => {
                "Hver bestilling avgjøres ved en minikonkurranse mellom leverandørene på avtalen.".to_string()
            }
            CallOff::DirectBelow(limit) => format!(
                "Under {} uten mva. bestiller du direkte fra avtalen. Fra dette beløpet avgjøres bestillingen ved en \
                 minikonkurranse mellom leverandørene.",
                crate::format::amount(limit)
            ),
        }
    }
}

/// An agreement ended before its time, and the day it ends or ended (`avsluttet_fra`): it
/// is in force until the day before. Without the day it counts as ended already.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Termination {
    pub ending: Ending,
    pub from: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DocumentTarget {
    /// A file in content/, copied to the site, with its size in bytes.
    File {
        path: PathBuf,
        size: u64,
    },
    Url(Address),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    pub target: DocumentTarget,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    pub origin: Origin,
    pub title: String,
    pub summary: Option<String>,
    pub category: String,
    pub suppliers: Vec<String>,
    pub municipalities: Scope,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub options: Vec<ExtensionOption>,
    pub termination: Option<Termination>,
    pub number: Option<String>,
    pub doffin: Option<String>,
    pub ecommerce: Option<bool>,
    pub ordering: Option<String>,
    /// How orders are placed (`avrop`).
    pub call_off: Option<CallOff>,
    /// The agreement's catalogue in the e-commerce system (`katalog`).
    pub catalogue: Option<Address>,
    /// The estimated value for the whole period with options, all municipalities (`anslatt_verdi`).
    pub estimated_value: Option<u64>,
    /// The most the agreement may be worth (`maks_verdi`), reckoned the same way.
    pub max_value: Option<u64>,
    /// The most that may be bought, when told as a quantity (`maks_mengde`).
    pub max_quantity: Option<String>,
    /// Municipalities that join after the agreement begins, with their own first day.
    pub joining: Vec<Joining>,
    /// The body that made the agreement, when another body made it and the members use it.
    pub made_by: Option<MadeBy>,
    pub requirements: Vec<String>,
    pub documents: Vec<Document>,
    pub contact: Option<Contact>,
    pub body: String,
}

/// A municipality with its own first day in an agreement (`{id: flesberg, fra: 2026-03-01}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joining {
    pub municipality: String,
    pub from: NaiveDate,
}

/// The body that made an agreement the members use (`gjennom`): the county, another
/// cooperation or a national one.
#[derive(Debug, Clone, PartialEq)]
pub struct MadeBy {
    pub name: String,
    pub website: Option<Address>,
}

impl Agreement {
    /// The first day a municipality is in the agreement, when it has a day of its own.
    pub fn joins_from(&self, municipality: &str) -> Option<NaiveDate> {
        self.joining.iter().find(|j| j.municipality == municipality).map(|j| j.from)
    }

    /// The last day in force: the last exercised option's end, or the base period's end;
    /// for an agreement ended before its time, the day before `avsluttet_fra` if that is sooner.
    pub fn current_end(&self) -> NaiveDate {
        let by_dates =
            self.options.iter().filter(|o| o.exercised).map(|o| o.until).next_back().unwrap_or(self.valid_to);
        match self.termination_day_before() {
            Some(last) => by_dates.min(last),
            None => by_dates,
        }
    }

    /// The end if every option is exercised (for an agreement ended before its time, its end).
    pub fn latest_end(&self) -> NaiveDate {
        if self.termination.is_some() {
            return self.current_end();
        }
        self.options.last().map(|o| o.until).unwrap_or(self.valid_to).max(self.valid_to)
    }

    /// Whether an option after the current end is still open (never once it is ended early).
    pub fn has_open_option(&self) -> bool {
        let end = self.current_end();
        self.termination.is_none() && self.options.iter().any(|o| !o.exercised && o.until > end)
    }

    /// The day before `avsluttet_fra`: the last day in force of an agreement ended early.
    fn termination_day_before(&self) -> Option<NaiveDate> {
        self.termination.and_then(|t| t.from).map(|d| d.pred_opt().unwrap_or(d))
    }
}
