//! The small values every view is made of: links, dates, statuses and contacts, each already
//! written out in Norwegian, and the site's URLs.

use crate::model::dates::{self, FuzzyDate, When};
use crate::model::{Address, Contact, Termination};
use crate::rules::period::AgreementStatus;
use chrono::NaiveDate;
use serde::Serialize;

/// URLs of the site, under the base path of `base_url`.
#[derive(Debug, Clone)]
pub struct Urls {
    pub root: String,
}

impl Urls {
    pub fn section(&self, dir: &str) -> String {
        format!("{}{dir}/", self.root)
    }
    pub fn item(&self, dir: &str, slug: &str) -> String {
        format!("{}{dir}/{slug}/", self.root)
    }
    pub fn page(&self, slug: &str) -> String {
        format!("{}{slug}/", self.root)
    }
    pub fn asset(&self, path: &str) -> String {
        format!("{}{path}", self.root)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub url: String,
    pub name: String,
}

/// A day as templates see it: `iso` (2025-03-01), `long` («1. mars 2025») and `short`
/// (01.03.2025). Written out when a page that shows it is rendered, not when the views are
/// made: the preview renders only the pages that are opened.
#[derive(Debug, Clone, Copy)]
pub struct DateView {
    pub date: NaiveDate,
}

impl DateView {
    pub fn of(date: NaiveDate) -> DateView {
        DateView { date }
    }

    pub fn iso(&self) -> String {
        dates::iso_date(self.date)
    }

    pub fn short(&self) -> String {
        dates::short_date(self.date)
    }
}

impl Serialize for DateView {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("DateView", 3)?;
        out.serialize_field("iso", &self.iso())?;
        out.serialize_field("long", &dates::long_date(self.date))?;
        out.serialize_field("short", &self.short())?;
        out.end()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    pub key: String,
    pub label: String,
}

impl StatusView {
    pub fn agreement(s: AgreementStatus) -> StatusView {
        StatusView { key: s.key().to_string(), label: s.label().to_string() }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactView {
    pub name: Option<String>,
    pub title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// `tel:+4732004010` for a number written with digits, spaces, dashes and a leading `+`.
    pub phone_href: Option<String>,
}

impl ContactView {
    pub fn of(c: &Contact) -> ContactView {
        ContactView {
            name: c.name.clone(),
            title: c.title.clone(),
            email: c.email.clone(),
            phone: c.phone.clone(),
            phone_href: c.phone.as_deref().and_then(tel_href),
        }
    }
}

/// A `tel:` address for a phone number as people write it ("+47 32 00 40 10", "32 00-40 10"),
/// or `None` when it has anything else in it (then it is shown as text only).
pub fn tel_href(number: &str) -> Option<String> {
    let number = number.trim();
    let (plus, rest) = match number.strip_prefix('+') {
        Some(rest) => ("+", rest),
        None => ("", number),
    };
    let digits: String = rest.chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '\u{a0}')).collect();
    let plain = digits.len() >= 3 && digits.len() <= 15 && digits.bytes().all(|b| b.is_ascii_digit());
    plain.then(|| format!("tel:{plus}{digits}"))
}

/// A web address: `href` when it may be a link, and its text either way (an address that may
/// not be a link is shown as text only).
#[derive(Debug, Clone, Serialize)]
pub struct AddressView {
    pub href: Option<String>,
    pub text: String,
}

impl AddressView {
    pub fn of(address: &Address) -> AddressView {
        AddressView { href: address.href().map(str::to_string), text: address.text().to_string() }
    }
}

/// How an agreement ended before its time: "Oppsagt", from when, and whether that day has come.
#[derive(Debug, Clone, Serialize)]
pub struct EndingView {
    pub key: String,
    pub label: String,
    /// The day it ends or ended (`avsluttet_fra`), if known.
    pub from: Option<DateView>,
    /// Whether it has ended on the build day.
    pub ended: bool,
}

impl EndingView {
    pub fn of(termination: Termination, today: NaiveDate) -> EndingView {
        let status = AgreementStatus::of_ending(termination.ending);
        EndingView {
            key: status.key().to_string(),
            label: status.label().to_string(),
            from: termination.from.map(DateView::of),
            ended: termination.from.is_none_or(|from| today >= from),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FuzzyView {
    pub iso: String,
    pub long: String,
    /// Known only to a month, quarter or year, and still to come.
    pub tentative: bool,
    /// Passed, and what was to happen then has not happened.
    pub overdue: bool,
}

impl FuzzyView {
    pub fn of(date: FuzzyDate) -> FuzzyView {
        // `datetime` takes a year, a month or a day; a quarter is given as its first month.
        let iso = match date {
            FuzzyDate::Quarter(..) => date.first_day().format("%Y-%m").to_string(),
            _ => date.iso(),
        };
        FuzzyView { iso, long: date.long(), tentative: date.is_tentative(), overdue: false }
    }

    /// A purchase's announcement: tentative only while it awaits announcement, overdue when
    /// its time has passed without it.
    pub fn announcement(p: &crate::model::PlannedPurchase, today: chrono::NaiveDate) -> Option<FuzzyView> {
        p.announcement.map(|date| FuzzyView {
            tentative: p.announcement_is_tentative(),
            overdue: p.announcement_is_overdue(today),
            ..FuzzyView::of(date)
        })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct WhenView {
    pub iso: String,
    pub long: String,
}

impl WhenView {
    pub fn of(w: When) -> WhenView {
        WhenView { iso: w.iso(), long: w.long() }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    pub title: String,
    pub address: AddressView,
    /// "PDF, 2,4 kB" for files; empty for links.
    pub about: String,
    pub external: bool,
}

impl DocumentView {
    /// A file in content/ is copied to the same place on the site; a link is external.
    pub fn of(urls: &Urls, d: &crate::model::Document) -> DocumentView {
        match &d.target {
            crate::model::DocumentTarget::File { path, size } => {
                let rel = path.to_string_lossy().replace('\\', "/");
                let ext = path.extension().map(|e| e.to_string_lossy().to_uppercase()).unwrap_or_default();
                let url = urls.asset(&rel);
                let size = crate::format::file_size(*size);
                DocumentView {
                    title: d.title.clone(),
                    address: AddressView { href: Some(url.clone()), text: url },
                    about: if ext.is_empty() { size } else { format!("{ext}, {size}") },
                    external: false,
                }
            }
            crate::model::DocumentTarget::Url(u) => DocumentView {
                title: d.title.clone(),
                address: AddressView::of(u),
                about: String::new(),
                external: true,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tel_href;

    #[test]
    fn phone_numbers_as_written_become_tel_addresses() {
        assert_eq!(tel_href("+47 32 00 40 10").as_deref(), Some("tel:+4732004010"));
        assert_eq!(tel_href("32 00-40 10").as_deref(), Some("tel:32004010"));
        assert_eq!(tel_href("sentralbord: 32 00 40 10"), None);
        assert_eq!(tel_href("+"), None);
    }
}
