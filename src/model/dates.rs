//! Dates as the coordinator writes them: ISO dates, local date-times, and fuzzy dates
//! (`2027`, `2027-Q2`, `2027-03`, `2027-03-15`), with their Norwegian spelling.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use std::cmp::Ordering;

/// The years content may use: a year outside them is surely a typo (`0202`, `9999`).
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// The expected form of a date, for hints.
pub const DATE_FORM: &str = "datoer skrives ÅÅÅÅ-MM-DD, for eksempel 2026-03-01";
/// The expected form of a date-time, for hints.
pub const DATE_TIME_FORM: &str =
    "et tidspunkt skrives som datoen, en stor T og klokkeslettet med kolon: 2026-03-01T09:00 (norsk tid)";
/// The expected form of a fuzzy date, for hints.
pub const FUZZY_FORM: &str = "skriv datoen så nøyaktig du vet den: 2027-03-15 (dag), 2027-03 (måned), 2027-Q2 (kvartal, Q1 til Q4) eller 2027 (år)";

const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];

/// The Norwegian name of a month, 1 to 12: `mars`.
pub fn month_name(month: u32) -> &'static str {
    MONTHS[(month as usize).saturating_sub(1) % 12]
}

/// Reads a date written the Norwegian way, `1.3.2028` or `01.03.2028`, to suggest the ISO form.
pub fn parse_norwegian_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Parses an ISO date `YYYY-MM-DD` in [`YEARS`].
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok().filter(|d| YEARS.contains(&d.year()))
}

/// The year of a date written with four digits first (`9999-01-01`, `0000-Q1`), when it is
/// outside [`YEARS`]: the reason such a date is refused.
pub fn year_out_of_range(text: &str) -> Option<i32> {
    let text = text.trim();
    let digits = text.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?;
    if text.len() > 4 && !text[4..].starts_with('-') {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    (!YEARS.contains(&year)).then_some(year)
}

/// A point in time as written in content: a date alone (all day) or a local date-time.
/// Ordered by when it is: by day, and on one day the all-day one first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Date(NaiveDate),
    DateTime(NaiveDateTime),
}

impl Ord for When {
    fn cmp(&self, other: &When) -> std::cmp::Ordering {
        (self.date(), self.time()).cmp(&(other.date(), other.time()))
    }
}

impl PartialOrd for When {
    fn partial_cmp(&self, other: &When) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl When {
    pub fn parse(text: &str) -> Option<When> {
        let text = text.trim();
        if let Some(date) = parse_date(text) {
            return Some(When::Date(date));
        }
        let (date, time) = text.split_once(['T', ' '])?;
        let date = parse_date(date)?;
        let time =
            NaiveTime::parse_from_str(time, "%H:%M").or_else(|_| NaiveTime::parse_from_str(time, "%H:%M:%S")).ok()?;
        Some(When::DateTime(date.and_time(time)))
    }

    pub fn date(&self) -> NaiveDate {
        match self {
            When::Date(d) => *d,
            When::DateTime(dt) => dt.date(),
        }
    }

    pub fn time(&self) -> Option<NaiveTime> {
        match self {
            When::Date(_) => None,
            When::DateTime(dt) => Some(dt.time()),
        }
    }

    /// "1. mars 2025" or "1. mars 2025 kl. 09.00".
    pub fn long(&self) -> String {
        match self.time() {
            None => long_date(self.date()),
            Some(t) => format!("{} {}", long_date(self.date()), clock(t)),
        }
    }

    /// `2025-03-01` or `2025-03-01T09:00`, for machine-readable attributes.
    pub fn iso(&self) -> String {
        match self {
            When::Date(d) => iso_date(*d),
            When::DateTime(dt) => format!("{}T{:02}:{:02}", iso_date(dt.date()), dt.hour(), dt.minute()),
        }
    }
}

/// A date known to a year, quarter, month or day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FuzzyDate {
    Year(i32),
    Quarter(i32, u32),
    Month(i32, u32),
    Day(NaiveDate),
}

impl FuzzyDate {
    pub fn parse(text: &str) -> Option<FuzzyDate> {
        let text = text.trim();
        if let Some(date) = parse_date(text) {
            return Some(FuzzyDate::Day(date));
        }
        let year = |s: &str| -> Option<i32> {
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
                .filter(|y| YEARS.contains(y))
        };
        if let Some(y) = year(text) {
            return Some(FuzzyDate::Year(y));
        }
        let (y, rest) = text.split_once('-')?;
        let y = year(y)?;
        if let Some(q) = rest.strip_prefix(['Q', 'q']) {
            let q: u32 = q.parse().ok()?;
            return (1..=4).contains(&q).then_some(FuzzyDate::Quarter(y, q));
        }
        if rest.len() == 2 {
            let m: u32 = rest.parse().ok()?;
            return (1..=12).contains(&m).then_some(FuzzyDate::Month(y, m));
        }
        None
    }

    /// The first day of the period: where it sorts and where a calendar places it.
    pub fn first_day(&self) -> NaiveDate {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
        match *self {
            FuzzyDate::Year(y) => ymd(y, 1, 1),
            FuzzyDate::Quarter(y, q) => ymd(y, (q - 1) * 3 + 1, 1),
            FuzzyDate::Month(y, m) => ymd(y, m, 1),
            FuzzyDate::Day(d) => d,
        }
    }

    /// The last day of the period.
    pub fn last_day(&self) -> NaiveDate {
        let end_of_month = |y: i32, m: u32| {
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
        };
        match *self {
            FuzzyDate::Year(y) => end_of_month(y, 12),
            FuzzyDate::Quarter(y, q) => end_of_month(y, q * 3),
            FuzzyDate::Month(y, m) => end_of_month(y, m),
            FuzzyDate::Day(d) => d,
        }
    }

    /// How precise the date is, from 0 (year) to 3 (day): a sort tie-breaker.
    fn precision(&self) -> u8 {
        match self {
            FuzzyDate::Year(_) => 0,
            FuzzyDate::Quarter(..) => 1,
            FuzzyDate::Month(..) => 2,
            FuzzyDate::Day(_) => 3,
        }
    }

    /// "2027", "2. kvartal 2027", "mars 2027", "15. mars 2027".
    pub fn long(&self) -> String {
        match *self {
            FuzzyDate::Year(y) => y.to_string(),
            FuzzyDate::Quarter(y, q) => format!("{q}. kvartal {y}"),
            FuzzyDate::Month(y, m) => format!("{} {y}", MONTHS[(m as usize).saturating_sub(1) % 12]),
            FuzzyDate::Day(d) => long_date(d),
        }
    }

    /// As written in content: `2027`, `2027-Q2`, `2027-03`, `2027-03-15`.
    pub fn iso(&self) -> String {
        match *self {
            FuzzyDate::Year(y) => y.to_string(),
            FuzzyDate::Quarter(y, q) => format!("{y}-Q{q}"),
            FuzzyDate::Month(y, m) => format!("{y}-{m:02}"),
            FuzzyDate::Day(d) => iso_date(d),
        }
    }

    /// Whether the tentative flag applies: anything less precise than a day.
    pub fn is_tentative(&self) -> bool {
        !matches!(self, FuzzyDate::Day(_))
    }
}

impl Ord for FuzzyDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day().cmp(&other.first_day()).then(self.precision().cmp(&other.precision()))
    }
}

impl PartialOrd for FuzzyDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A date of a tender milestone, as precise as it is known: a day or a moment
/// (`2027-03-15`, `2027-03-15T12:00`), or only a month, quarter or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    At(When),
    Around(FuzzyDate),
}

impl Moment {
    pub fn parse(text: &str) -> Option<Moment> {
        When::parse(text).map(Moment::At).or_else(|| FuzzyDate::parse(text).map(Moment::Around))
    }

    pub fn first_day(&self) -> NaiveDate {
        match self {
            Moment::At(w) => w.date(),
            Moment::Around(f) => f.first_day(),
        }
    }

    pub fn last_day(&self) -> NaiveDate {
        match self {
            Moment::At(w) => w.date(),
            Moment::Around(f) => f.last_day(),
        }
    }

    /// Whether it is surely later than `other`: by the moment when both are known to the
    /// minute, else by the days (a month is later than a day only when it begins after it).
    pub fn surely_after(&self, other: &Moment) -> bool {
        match (self, other) {
            (Moment::At(a), Moment::At(b)) if a.time().is_some() && b.time().is_some() => a > b,
            _ => self.first_day() > other.last_day(),
        }
    }

    /// The day, when the milestone is known to a day or a moment.
    pub fn when(&self) -> Option<When> {
        match self {
            Moment::At(w) => Some(*w),
            Moment::Around(FuzzyDate::Day(d)) => Some(When::Date(*d)),
            Moment::Around(_) => None,
        }
    }

    /// "15. mars 2027 kl. 12.00", "mars 2027", "2. kvartal 2027".
    pub fn long(&self) -> String {
        match self {
            Moment::At(w) => w.long(),
            Moment::Around(f) => f.long(),
        }
    }

    /// As written in content.
    pub fn iso(&self) -> String {
        match self {
            Moment::At(w) => w.iso(),
            Moment::Around(f) => f.iso(),
        }
    }
}

/// "1. mars 2025".
pub fn long_date(date: NaiveDate) -> String {
    format!("{}. {} {}", date.day(), MONTHS[date.month0() as usize], date.year())
}

/// "2025-03-01". Written from the parts, not through a format string: a build writes a few
/// of these per item, and parsing the pattern each time was a tenth of a preview's reload.
pub fn iso_date(date: NaiveDate) -> String {
    match date.year() {
        year @ 0..=9999 => format!("{year:04}-{:02}-{:02}", date.month(), date.day()),
        _ => date.format("%Y-%m-%d").to_string(),
    }
}

/// "01.03.2025".
pub fn short_date(date: NaiveDate) -> String {
    match date.year() {
        year @ 0..=9999 => format!("{:02}.{:02}.{year:04}", date.day(), date.month()),
        _ => date.format("%d.%m.%Y").to_string(),
    }
}

/// "kl. 09.00".
pub fn clock(time: NaiveTime) -> String {
    format!("kl. {:02}.{:02}", time.hour(), time.minute())
}

/// A date range the Norwegian way: "3.–6. juni 2027", "30. mai–2. juni 2027", or one date.
pub fn range(start: NaiveDate, end: NaiveDate) -> String {
    if end <= start {
        return long_date(start);
    }
    if start.year() != end.year() {
        return format!("{}–{}", long_date(start), long_date(end));
    }
    if start.month() != end.month() {
        return format!("{}. {}–{}", start.day(), MONTHS[start.month0() as usize], long_date(end));
    }
    format!("{}.–{}", start.day(), long_date(end))
}

/// Adds whole months, clamping the day to the end of a shorter month.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(chrono::Months::new(months)).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_written_from_their_parts_read_as_chrono_writes_them() {
        for (y, m, day) in
            [(2025, 3, 1), (2026, 12, 31), (1900, 1, 9), (0, 1, 1), (9999, 12, 31), (10000, 1, 1), (-5, 6, 7)]
        {
            let date = d(y, m, day);
            assert_eq!(iso_date(date), date.format("%Y-%m-%d").to_string());
            assert_eq!(short_date(date), date.format("%d.%m.%Y").to_string());
        }
        let at = d(2027, 2, 3).and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(clock(at.time()), "kl. 09.05");
        assert_eq!(When::DateTime(at).iso(), "2027-02-03T09:05");
    }

    #[test]
    fn fuzzy_dates_parse_every_precision() {
        assert_eq!(FuzzyDate::parse("2027"), Some(FuzzyDate::Year(2027)));
        assert_eq!(FuzzyDate::parse("2027-Q2"), Some(FuzzyDate::Quarter(2027, 2)));
        assert_eq!(FuzzyDate::parse("2027-q4"), Some(FuzzyDate::Quarter(2027, 4)));
        assert_eq!(FuzzyDate::parse("2027-03"), Some(FuzzyDate::Month(2027, 3)));
        assert_eq!(FuzzyDate::parse("2027-03-15"), Some(FuzzyDate::Day(d(2027, 3, 15))));
        for bad in ["2027-Q5", "2027-13", "27", "mars 2027", "2027-02-30", "", "2027-Q", "9999", "0000-Q1", "1899-12"] {
            assert_eq!(FuzzyDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn fuzzy_dates_print_in_norwegian() {
        assert_eq!(FuzzyDate::Quarter(2027, 2).long(), "2. kvartal 2027");
        assert_eq!(FuzzyDate::Month(2027, 3).long(), "mars 2027");
        assert_eq!(FuzzyDate::Day(d(2025, 3, 1)).long(), "1. mars 2025");
    }

    #[test]
    fn fuzzy_dates_sort_by_first_day_then_precision() {
        let mut dates = [
            FuzzyDate::Day(d(2027, 4, 2)),
            FuzzyDate::Year(2027),
            FuzzyDate::Quarter(2027, 2),
            FuzzyDate::Month(2027, 1),
        ];
        dates.sort();
        assert_eq!(dates.iter().map(FuzzyDate::iso).collect::<Vec<_>>(), ["2027", "2027-01", "2027-Q2", "2027-04-02"]);
        assert_eq!(FuzzyDate::Quarter(2027, 1).last_day(), d(2027, 3, 31));
    }

    #[test]
    fn times_and_ranges() {
        let w = When::parse("2026-03-01T09:00").unwrap();
        assert_eq!(w.long(), "1. mars 2026 kl. 09.00");
        assert_eq!(range(d(2027, 6, 3), d(2027, 6, 6)), "3.–6. juni 2027");
        assert_eq!(range(d(2027, 5, 30), d(2027, 6, 2)), "30. mai–2. juni 2027");
        assert_eq!(short_date(d(2025, 3, 1)), "01.03.2025");
        assert_eq!(When::parse("2026-03-01T25:00"), None);
        assert_eq!(When::parse("9999-03-01T09:00"), None);
        assert_eq!(year_out_of_range("9999-12-31"), Some(9999));
        assert_eq!(year_out_of_range("0000"), Some(0));
        assert_eq!(year_out_of_range("2026-03-01"), None);
        assert_eq!(year_out_of_range("12.03.2026"), None);
    }

    #[test]
    fn a_milestone_is_surely_after_another_only_when_no_reading_of_them_agrees() {
        let m = |t: &str| Moment::parse(t).expect(t);
        assert!(m("2027-01-09").surely_after(&m("2027-01-08")));
        assert!(!m("2027-01-08").surely_after(&m("2027-01-08T12:00")), "a day holds the moment");
        assert!(m("2027-01-08T12:01").surely_after(&m("2027-01-08T12:00")));
        assert!(!m("2027-01").surely_after(&m("2027-01-08")), "January may be after the 8th");
        assert!(m("2027-Q2").surely_after(&m("2027-03-31")));
        assert!(!m("2027").surely_after(&m("2027-Q4")));
        assert_eq!(m("2027-Q2").when(), None);
        assert_eq!(m("2027-03-15").when(), Some(When::Date(d(2027, 3, 15))));
        assert_eq!(Moment::parse("etter jul"), None);
    }
}
