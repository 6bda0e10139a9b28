//! What templates see of a tender's milestones and lots: each date written out in Norwegian
//! with the `datetime` a `<time>` takes, whether it has passed, each lot with its value.

use super::values::FuzzyView;
use super::views::CpvView;
use crate::format;
use crate::model::dates::Moment;
use crate::model::{Lot, Milestone};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct MilestoneView {
    pub key: &'static str,
    pub label: &'static str,
    /// For `<time datetime>`: a day, a moment, a month or a year (a quarter as its first month).
    pub iso: String,
    pub long: String,
    /// Known only to a month, quarter or year.
    pub tentative: bool,
    /// Its last day is before the build day.
    pub past: bool,
}

impl MilestoneView {
    pub fn of(m: &Milestone, today: NaiveDate) -> MilestoneView {
        let (iso, tentative) = match m.when {
            Moment::At(w) => (w.iso(), false),
            Moment::Around(f) => {
                let view = FuzzyView::of(f);
                (view.iso, view.tentative)
            }
        };
        MilestoneView {
            key: m.kind.key(),
            label: m.kind.label(),
            iso,
            long: m.when.long(),
            tentative,
            past: m.when.last_day() < today,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct LotView {
    pub number: usize,
    pub title: String,
    pub value: Option<String>,
    pub cpv: Vec<CpvView>,
}

impl LotView {
    pub fn of(i: usize, lot: &Lot) -> LotView {
        LotView {
            number: i + 1,
            title: lot.title.clone(),
            value: lot.estimated_value.map(format::amount),
            cpv: lot.cpv.iter().map(|c| CpvView { code: c.code.clone(), name: c.name.clone() }).collect(),
        }
    }
}
