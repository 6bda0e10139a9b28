//! Why a date the coordinator wrote cannot be read, and the date she most likely meant:
//! a month 13 (day and month swapped), a day the month does not have, a Norwegian date
//! (`1. mars 2028`, `1.3.2028`), a time with a full stop (`9.00`).

use crate::model::dates::{self, FuzzyDate, When, iso_date};
use chrono::{Datelike, NaiveDate};

/// What is wrong with a date, and what to write instead, when either can be told.
#[derive(Debug, Default, PartialEq)]
pub struct Advice {
    /// «måned 13 finnes ikke».
    pub why: Option<String>,
    /// The value she most likely meant, in the form the format reads: `2025-01-13`.
    pub meant: Option<String>,
}

/// A date (`YYYY-MM-DD`) that did not parse.
pub fn date(text: &str) -> Advice {
    let text = text.trim();
    if let Some(d) = norwegian(text) {
        return Advice { why: None, meant: Some(iso_date(d)) };
    }
    let parts: Vec<&str> = text.split('-').collect();
    let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    match (parts.as_slice(), numbers.as_deref()) {
        ([y, _, _], Some(&[year, month, day])) if y.len() == 4 => impossible(year as i32, month, day),
        ([y], Some(_)) if y.len() == 4 => {
            Advice { why: Some("bare året er skrevet, og her må hele datoen stå".into()), meant: None }
        }
        ([y, _], Some(_)) if y.len() == 4 => {
            Advice { why: Some("bare året og måneden er skrevet, og her må hele datoen stå".into()), meant: None }
        }
        _ => Advice::default(),
    }
}

/// A date or a date with a time (`YYYY-MM-DDTHH:MM`) that did not parse.
pub fn date_time(text: &str) -> Advice {
    let text = text.trim();
    let (day, time) = match text.split_once(['T', 't', ' ']) {
        Some((d, t)) => (d, Some(t.trim().trim_start_matches("kl.").trim_start_matches("kl").trim())),
        None => (text, None),
    };
    let Some(day_read) = dates::parse_date(day).or_else(|| norwegian(day)) else {
        return date(day);
    };
    let day_text = iso_date(day_read);
    let Some(time) = time else { return Advice { why: None, meant: Some(day_text) } };
    let (h, m) = time.split_once([':', '.']).unwrap_or((time, "00"));
    match (h.parse::<u32>(), m.parse::<u32>()) {
        (Ok(h), Ok(m)) if h < 24 && m < 60 && m.to_string().len() <= 2 && !m.to_string().is_empty() => {
            let meant = format!("{day_text}T{h:02}:{m:02}");
            Advice { why: None, meant: When::parse(&meant).is_some().then_some(meant) }
        }
        (Ok(h), _) if h >= 24 => Advice { why: Some(format!("klokken {h} finnes ikke")), meant: None },
        _ => Advice { why: Some(format!("`{time}` er ikke et klokkeslett")), meant: None },
    }
}

/// A fuzzy date (`2027`, `2027-Q2`, `2027-03`, `2027-03-15`) that did not parse.
pub fn fuzzy(text: &str) -> Advice {
    let text = text.trim();
    // `01.2028` or `1.2028`: a month and a year, the Norwegian way.
    if let Some((m, y)) = text.split_once(['.', '/'])
        && y.len() == 4
        && let (Ok(month), Ok(_)) = (m.parse::<u32>(), y.parse::<i32>())
        && (1..=12).contains(&month)
    {
        let meant = format!("{y}-{month:02}");
        return Advice { why: None, meant: FuzzyDate::parse(&meant).is_some().then_some(meant) };
    }
    if let Some((y, q)) = text.split_once("-Q").or_else(|| text.split_once("-q"))
        && y.len() == 4
        && q.parse::<u32>().is_ok_and(|q| !(1..=4).contains(&q))
    {
        return Advice { why: Some(format!("kvartal {q} finnes ikke; et år har kvartalene Q1 til Q4")), meant: None };
    }
    match date(text) {
        Advice { why: Some(why), meant } if why.starts_with("bare") => Advice { why: None, meant },
        advice => advice,
    }
}

/// Why year, month and day are no date: a month that does not exist (with the date she meant
/// when day and month were swapped), or a day the month does not have.
fn impossible(year: i32, month: u32, day: u32) -> Advice {
    if !(1..=12).contains(&month) {
        let swapped = NaiveDate::from_ymd_opt(year, day, month).filter(|d| dates::YEARS.contains(&d.year()));
        return Advice {
            why: Some(format!("måned {month} finnes ikke (måneden står i midten)")),
            meant: swapped.map(iso_date),
        };
    }
    if day == 0 {
        return Advice { why: Some("dag 0 finnes ikke".into()), meant: None };
    }
    let first = NaiveDate::from_ymd_opt(year, month, 1);
    let next = first.and_then(|f| f.checked_add_months(chrono::Months::new(1)));
    match (first, next) {
        (Some(first), Some(next)) if NaiveDate::from_ymd_opt(year, month, day).is_none() => {
            let days = (next - first).num_days();
            let month_name = dates::month_name(month);
            Advice { why: Some(format!("{month_name} {year} har bare {days} dager")), meant: None }
        }
        _ => Advice::default(),
    }
}

/// A date written the Norwegian way: `1.3.2028`, `01.03.2028`, `1. mars 2028`, `1 mars 2028`.
fn norwegian(text: &str) -> Option<NaiveDate> {
    if let Some(d) = dates::parse_norwegian_date(text) {
        return Some(d);
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let [day, month, year] = words.as_slice() else { return None };
    let day: u32 = day.trim_end_matches('.').parse().ok()?;
    let month = (1..=12).find(|&m| dates::month_name(m).eq_ignore_ascii_case(month.trim_end_matches('.')))?;
    NaiveDate::from_ymd_opt(year.parse().ok()?, month, day).filter(|d| dates::YEARS.contains(&d.year()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn advice(why: Option<&str>, meant: Option<&str>) -> Advice {
        Advice { why: why.map(Into::into), meant: meant.map(Into::into) }
    }

    #[test]
    fn a_swapped_month_and_a_missing_day_are_named() {
        assert_eq!(
            date("2025-13-01"),
            advice(Some("måned 13 finnes ikke (måneden står i midten)"), Some("2025-01-13"))
        );
        assert_eq!(date("2027-02-30"), advice(Some("februar 2027 har bare 28 dager"), None));
        assert_eq!(date("2028"), advice(Some("bare året er skrevet, og her må hele datoen stå"), None));
        assert_eq!(date("1. januar 2024").meant.as_deref(), Some("2024-01-01"));
        assert_eq!(date("1.3.2028").meant.as_deref(), Some("2028-03-01"));
        assert_eq!(date("noe annet"), Advice::default());
    }

    #[test]
    fn a_time_with_a_full_stop_is_read_back() {
        assert_eq!(date_time("2027-01-20T9.00").meant.as_deref(), Some("2027-01-20T09:00"));
        assert_eq!(date_time("2027-01-20 kl. 12.30").meant.as_deref(), Some("2027-01-20T12:30"));
        assert_eq!(date_time("2027-01-20T25:00").why.as_deref(), Some("klokken 25 finnes ikke"));
        assert_eq!(date_time("2027-01-32").why.as_deref(), Some("januar 2027 har bare 31 dager"));
        assert_eq!(date_time("halv fire"), Advice::default());
    }

    #[test]
    fn a_month_the_norwegian_way_becomes_a_month() {
        assert_eq!(fuzzy("01.2028").meant.as_deref(), Some("2028-01"));
        assert_eq!(fuzzy("2027-Q5").why.as_deref(), Some("kvartal 5 finnes ikke; et år har kvartalene Q1 til Q4"));
        assert_eq!(fuzzy("2027-13").why, None);
    }
}
