//! Feeds, calendars, open data and OCDS: the files suppliers and the public reuse.
//!
//! Nothing here reads the clock: every date in these files comes from the content or
//! from the build day, so two builds with the same `--today` are byte-identical.

pub mod calendar;
pub mod columns;
pub mod data;
pub mod feeds;
pub mod ocds;
pub mod trades;

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

/// When a planned purchase last changed, as a local time in Europe/Oslo: when its file was last
/// changed, never after the end of the build day (a build for a day in the past, or a clock set
/// wrong, never dates an entry after the build). Without a time of change, the start of the
/// build day.
pub fn purchase_updated(p: &PlannedPurchase, today: NaiveDate) -> NaiveDateTime {
    let end_of_build_day = today.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN));
    match p.origin.changed {
        Some(changed) => changed.with_timezone(&Oslo).naive_local().min(end_of_build_day),
        None => today.and_time(NaiveTime::MIN),
    }
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

    #[test]
    fn a_purchase_is_updated_when_its_file_changed_never_after_the_build_day() {
        use crate::model::*;
        let mut p = PlannedPurchase {
            origin: Origin { slug: "x".into(), path: "planlagte-innkjop/x.md".into(), changed: None },
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
            announcement: None,
            contract_start: None,
            deadline: None,
            dialogue: None,
            replaces: None,
            result: None,
            doffin: None,
            milestones: Vec::new(),
            lots: Vec::new(),
            tendering_tool: None,
            requirements: Vec::new(),
            contact: None,
            body: String::new(),
        };
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&chrono::Utc);
        assert_eq!(purchase_updated(&p, day("2026-11-26")).to_string(), "2026-11-26 00:00:00");
        p.origin.changed = Some(at("2026-11-20T13:45:10Z"));
        assert_eq!(purchase_updated(&p, day("2026-11-26")).to_string(), "2026-11-20 14:45:10");
        // Saved after the day the site is built for: dated at the end of that day.
        p.origin.changed = Some(at("2026-12-04T09:00:00Z"));
        assert_eq!(purchase_updated(&p, day("2026-11-26")).to_string(), "2026-11-26 23:59:59");
    }
}
