//! Feeds, calendars, open data and OCDS: the files suppliers and the public reuse.
//!
//! Nothing here reads the clock: every date in these files comes from the content or
//! from the build day, so two builds with the same `--today` are byte-identical.

pub mod calendar;
pub mod columns;
pub mod data;
pub mod feeds;
pub mod ocds;

use crate::diagnostics::Diagnostic;
use crate::model::PlannedPurchase;
use crate::output::{FileContent, OutputFile};
use crate::site::Site;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Europe::Oslo;

/// What the exports add to the site: files, and warnings for items that could only be
/// exported in part (they never fail a build).
#[derive(Debug, Default)]
pub struct Exported {
    pub files: Vec<OutputFile>,
    pub warnings: Vec<Diagnostic>,
}

impl Exported {
    fn add(&mut self, path: impl Into<String>, bytes: Vec<u8>) {
        self.files.push(OutputFile { path: path.into(), content: FileContent::Bytes(bytes) });
    }
}

/// Every export file of the site.
pub fn files(site: &Site) -> Exported {
    let mut out = Exported::default();
    // Side by side: the OCDS package alone is a tenth of a build's work.
    let ((feeds, calendars), (data, (ocds, warnings))) = rayon::join(
        || rayon::join(|| feeds::feeds(site), || calendar::calendars(site)),
        || rayon::join(|| data::files(site), || ocds::package(site)),
    );
    for (path, text) in feeds.into_iter().chain(calendars) {
        out.add(path, text.into_bytes());
    }
    for (path, bytes) in data {
        out.add(path, bytes);
    }
    if let Some(text) = ocds {
        out.add("data/ocds.json", text.into_bytes());
    }
    out.warnings.extend(warnings);
    out
}

/// A local date-time in Europe/Oslo as RFC 3339 with its offset: `2026-12-14T12:00:00+01:00`.
pub fn oslo_rfc3339(local: NaiveDateTime) -> String {
    match Oslo.from_local_datetime(&local).earliest() {
        Some(t) => t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        // A local time skipped by the spring change: an hour later exists.
        None => Oslo
            .from_local_datetime(&(local + chrono::Duration::hours(1)))
            .earliest()
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
            .unwrap_or_else(|| format!("{}Z", local.format("%Y-%m-%dT%H:%M:%S"))),
    }
}

/// Midnight at the start of a day in Europe/Oslo, RFC 3339.
pub fn start_of_day(date: NaiveDate) -> String {
    oslo_rfc3339(date.and_time(NaiveTime::MIN))
}

/// The last second of a day in Europe/Oslo, RFC 3339: the end of a period that includes the day.
pub fn end_of_day(date: NaiveDate) -> String {
    oslo_rfc3339(date.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN)))
}

/// When a planned purchase last changed in a way a supplier cares about, derived from the
/// content alone. The day is the date that goes with its status: the planned announcement
/// while planned, the market dialogue during it, the announcement once announced, the
/// deadline in evaluation and after the award, the latest date once cancelled (each falls
/// back to the others, and to the build day when the purchase has no date at all). The hour
/// is the pipeline stage (00 planned ... 05 cancelled) and the seconds a fingerprint of the
/// status and every date, so a change of status or of any date gives a new value.
pub fn purchase_updated(p: &PlannedPurchase, today: NaiveDate) -> NaiveDateTime {
    use crate::model::PurchaseStatus as S;
    let announcement = p.announcement.map(|a| a.first_day());
    let dialogue = p.dialogue.as_ref().and_then(|d| d.date);
    let deadline = p.deadline.map(|d| d.date());
    let start = p.contract_start.map(|c| c.first_day());
    let latest = [announcement, dialogue, deadline, start].into_iter().flatten().max();
    let preferred = match p.status {
        S::Planned => [announcement, dialogue, deadline],
        S::MarketDialogue => [dialogue, announcement, deadline],
        S::Announced => [announcement, deadline, dialogue],
        S::Evaluation | S::Awarded => [deadline, announcement, dialogue],
        S::Cancelled => [latest, None, None],
    };
    let day = preferred.into_iter().flatten().next().or(latest).unwrap_or(today);
    let stage = S::ALL.iter().position(|(_, s)| *s == p.status).unwrap_or(0);
    let fingerprint = format!(
        "{}|{}|{}|{}|{}",
        p.status.key(),
        p.announcement.map(|a| a.iso()).unwrap_or_default(),
        dialogue.map(|d| d.to_string()).unwrap_or_default(),
        p.deadline.map(|d| d.iso()).unwrap_or_default(),
        p.contract_start.map(|c| c.iso()).unwrap_or_default(),
    );
    let seconds = (fnv1a(fingerprint.as_bytes()) % 3600) as u32;
    let time =
        NaiveTime::from_num_seconds_from_midnight_opt(stage as u32 * 3600 + seconds, 0).unwrap_or(NaiveTime::MIN);
    day.and_time(time)
}

/// FNV-1a, 64 bits: a stable fingerprint (the standard library's hasher may change between releases).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oslo_offsets_follow_summer_time() {
        let d = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap();
        assert_eq!(oslo_rfc3339(d("2026-12-14T12:00")), "2026-12-14T12:00:00+01:00");
        assert_eq!(oslo_rfc3339(d("2027-06-01T09:00")), "2027-06-01T09:00:00+02:00");
        assert_eq!(oslo_rfc3339(d("2027-03-28T02:30")), "2027-03-28T03:30:00+02:00");
        assert_eq!(end_of_day(NaiveDate::from_ymd_opt(2027, 3, 31).unwrap()), "2027-03-31T23:59:59+02:00");
    }

    fn purchase() -> PlannedPurchase {
        use crate::model::dates::{FuzzyDate, When};
        use crate::model::*;
        PlannedPurchase {
            origin: Origin { slug: "x".into(), path: "planlagte-innkjop/x.md".into() },
            title: "X".into(),
            summary: None,
            category: "k".into(),
            municipalities: Scope::All,
            status: PurchaseStatus::Planned,
            contract_type: None,
            procedure: None,
            cpv: vec![],
            estimated_value: None,
            duration: None,
            announcement: FuzzyDate::parse("2027-Q2"),
            contract_start: FuzzyDate::parse("2028"),
            deadline: When::parse("2027-05-10T12:00"),
            dialogue: None,
            replaces: None,
            result: None,
            doffin: None,
            contact: None,
            body: String::new(),
        }
    }

    #[test]
    fn updated_follows_status_and_dates_and_never_the_clock() {
        use crate::model::PurchaseStatus;
        use crate::model::dates::When;
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let planned = purchase();
        let first = purchase_updated(&planned, today);
        assert_eq!(first.date().to_string(), "2027-04-01");
        assert_eq!(first, purchase_updated(&planned, today.succ_opt().unwrap()));
        let mut evaluated = planned.clone();
        evaluated.status = PurchaseStatus::Evaluation;
        let second = purchase_updated(&evaluated, today);
        assert_eq!(second.date().to_string(), "2027-05-10");
        let mut moved = planned.clone();
        moved.deadline = When::parse("2027-05-11T12:00");
        assert_ne!(purchase_updated(&moved, today), first);
    }
}
