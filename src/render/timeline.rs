//! The timeline of framework agreements as inline SVG, made at build time: a bar per
//! agreement from start to current end, open options hatched with a dashed outline,
//! a diamond where a re-tender is to be announced, a dashed line on the build day; grouped
//! by category. The same facts go to a table for screen readers.

use super::views::{DateView, Link, StatusView, Urls, Views};
use crate::format::escape;
use crate::model::PurchaseStatus;
use crate::rules::period::AgreementStatus;
use crate::site::Site;
use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;
use std::fmt::Write as _;

/// What a timeline shows.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Prefix of the ids inside the SVG: unique per page.
    pub id: &'static str,
    /// Only agreements not yet expired, within a few years around the build day.
    pub compact: bool,
}

/// A drawn timeline and the facts behind it.
#[derive(Debug, Serialize)]
pub struct Timeline {
    /// Prefix of the ids inside the SVG.
    pub id: &'static str,
    pub svg: String,
    pub groups: Vec<Group>,
    pub count: usize,
    /// Rows before the compact timeline kept only the first to end.
    pub total: usize,
    pub first_year: i32,
    pub last_year: i32,
}

#[derive(Debug, Serialize)]
pub struct Group {
    pub category: Link,
    pub rows: Vec<Row>,
}

/// One agreement on the timeline.
#[derive(Debug, Serialize)]
pub struct Row {
    pub url: String,
    pub title: String,
    pub status: StatusView,
    pub valid_from: DateView,
    pub current_end: DateView,
    pub latest_end: DateView,
    pub open_option: bool,
    pub retender: Option<Retender>,
    #[serde(skip)]
    dates: (NaiveDate, NaiveDate, NaiveDate, Option<NaiveDate>),
}

/// The planned purchase that re-tenders an agreement.
#[derive(Debug, Serialize)]
pub struct Retender {
    pub url: String,
    pub title: String,
    /// "2. kvartal 2027", or empty when not yet set.
    pub announcement: String,
}

/// The drawing's width in user units; the style sheet keeps it at least this wide (`svg.timeline`).
const WIDTH: f64 = 960.0;
const LABEL: f64 = 270.0;
const RIGHT: f64 = 16.0;
const AXIS: f64 = 34.0;
const ROW: f64 = 22.0;
const HEADING: f64 = 28.0;
const BAR: f64 = 12.0;
const INK: &str = "#1b1f24";
const BRAND: &str = "#0b2f55";
const TODAY: &str = "#b3261e";

/// Builds the timeline of the site's agreements.
pub fn build(site: &Site, views: &Views, urls: &Urls, options: Options) -> Timeline {
    let today = site.today;
    let mut groups: Vec<Group> = Vec::new();
    for category in &site.model.settings.categories {
        let rows: Vec<Row> = site
            .model
            .agreements
            .iter()
            .enumerate()
            .filter(|(_, a)| a.category == category.id)
            .filter(|(i, _)| {
                !options.compact
                    || site.agreement_status.get(*i).is_some_and(|s| s.in_force() || *s == AgreementStatus::Upcoming)
            })
            .filter_map(|(i, a)| {
                let card = &views.agreements.get(i)?.card;
                let retender = site
                    .retender_of
                    .get(&a.origin.slug)
                    .and_then(|&p| site.model.purchases.get(p))
                    .filter(|p| p.status != PurchaseStatus::Cancelled);
                Some(Row {
                    url: card.url.clone(),
                    title: a.title.clone(),
                    status: card.status.clone(),
                    valid_from: card.valid_from,
                    current_end: card.current_end,
                    latest_end: card.latest_end,
                    open_option: a.has_open_option(),
                    retender: retender.map(|p| Retender {
                        url: urls.item("planlagte-innkjop", &p.origin.slug),
                        title: p.title.clone(),
                        announcement: p.announcement.map(|d| d.long()).unwrap_or_default(),
                    }),
                    dates: (
                        a.valid_from,
                        a.current_end(),
                        a.latest_end(),
                        retender.and_then(|p| p.announcement).map(|d| d.first_day()),
                    ),
                })
            })
            .collect();
        if !rows.is_empty() {
            groups.push(Group {
                category: Link { url: urls.item("kategorier", &category.id), name: category.name.clone() },
                rows,
            });
        }
    }
    let (first_year, last_year) = if options.compact {
        (today.year() - 1, today.year() + 3)
    } else {
        let rows = groups.iter().flat_map(|g| &g.rows);
        let first = rows.clone().map(|r| r.dates.0).min().unwrap_or(today).min(today);
        let last = rows.flat_map(|r| [Some(r.dates.2), r.dates.3]).flatten().max().unwrap_or(today).max(today);
        (first.year(), last.year())
    };
    let total = groups.iter().map(|g| g.rows.len()).sum();
    if options.compact && total > COMPACT_ROWS {
        keep_first_to_end(&mut groups, COMPACT_ROWS);
    }
    let count = groups.iter().map(|g| g.rows.len()).sum();
    let svg = draw(&groups, today, first_year, last_year, options, count);
    Timeline { id: options.id, svg, groups, count, total, first_year, last_year }
}

/// The compact timeline stays small on a large site: it keeps the agreements that end first.
const COMPACT_ROWS: usize = 30;

/// Keeps the `n` rows that end first, in their groups and order; drops emptied groups.
fn keep_first_to_end(groups: &mut Vec<Group>, n: usize) {
    let mut ends: Vec<NaiveDate> = groups.iter().flat_map(|g| g.rows.iter().map(|r| r.dates.1)).collect();
    ends.sort();
    let Some(&last) = ends.get(n.saturating_sub(1)) else { return };
    // Ties at the cut-off: the earliest rows in page order go first.
    let mut room = ends.iter().take(n).filter(|d| **d == last).count();
    for g in groups.iter_mut() {
        g.rows.retain(|r| match r.dates.1.cmp(&last) {
            std::cmp::Ordering::Less => true,
            std::cmp::Ordering::Equal if room > 0 => {
                room -= 1;
                true
            }
            _ => false,
        });
    }
    groups.retain(|g| !g.rows.is_empty());
}

/// Maps dates to x between the label column and the right edge.
struct Scale {
    start: NaiveDate,
    days: f64,
}

impl Scale {
    fn x(&self, date: NaiveDate) -> f64 {
        let d = (date - self.start).num_days() as f64;
        LABEL + (d / self.days).clamp(0.0, 1.0) * (WIDTH - LABEL - RIGHT)
    }
}

fn draw(groups: &[Group], today: NaiveDate, first_year: i32, last_year: i32, options: Options, count: usize) -> String {
    let start = NaiveDate::from_ymd_opt(first_year, 1, 1).unwrap_or(today);
    let end = NaiveDate::from_ymd_opt(last_year + 1, 1, 1).unwrap_or(today);
    let scale = Scale { start, days: ((end - start).num_days().max(1)) as f64 };
    let rows: usize = groups.iter().map(|g| g.rows.len()).sum();
    let height = AXIS + groups.len() as f64 * HEADING + rows as f64 * ROW + 8.0;
    let id = options.id;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" aria-labelledby="{id}-title {id}-desc" font-family="system-ui, sans-serif" font-size="12">"#
    );
    let _ = write!(s, r#"<title id="{id}-title">Tidslinje for {count} rammeavtaler, {first_year}–{last_year}</title>"#);
    let _ = write!(
        s,
        r#"<desc id="{id}-desc">Avtalene gruppert etter kategori. Mørke stolper viser avtaleperioden frem til gjeldende slutt. Skraverte stolper med stiplet kant viser opsjoner som ikke er utløst. Ruter viser når en ny konkurranse er planlagt kunngjort. Den stiplede loddrette linjen er byggedagen {}. Tabellen på siden har de samme opplysningene.</desc>"#,
        crate::model::dates::long_date(today)
    );
    let _ = write!(
        s,
        r##"<defs><pattern id="{id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="{BRAND}" stroke-width="2"/></pattern></defs>"##
    );
    // Years: a light line and a label at the start of each.
    for year in first_year..=last_year + 1 {
        let Some(d) = NaiveDate::from_ymd_opt(year, 1, 1) else { continue };
        let x = scale.x(d);
        let _ =
            write!(s, r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{height:.1}" stroke="#c9d1da"/>"##, AXIS - 6.0);
        if year <= last_year {
            let mid = scale.x(NaiveDate::from_ymd_opt(year, 7, 1).unwrap_or(d));
            let _ = write!(
                s,
                r#"<text x="{mid:.1}" y="{:.1}" text-anchor="middle" fill="{INK}">{year}</text>"#,
                AXIS - 12.0
            );
        }
    }
    let mut y = AXIS;
    for g in groups {
        let _ = write!(
            s,
            r#"<text x="4" y="{:.1}" font-weight="bold" fill="{INK}">{}</text>"#,
            y + HEADING - 9.0,
            escape(&g.category.name)
        );
        y += HEADING;
        for r in &g.rows {
            let (from, current, latest, retender) = r.dates;
            let mid = y + ROW / 2.0;
            let _ = write!(
                s,
                r#"<text x="12" y="{:.1}" fill="{INK}">{}</text>"#,
                mid + 4.0,
                escape(&shorten(&r.title, 38))
            );
            let (x0, x1) = (scale.x(from), scale.x(next(current)));
            let top = mid - BAR / 2.0;
            let _ = write!(
                s,
                r#"<rect class="tl-bar" x="{x0:.1}" y="{top:.1}" width="{:.1}" height="{BAR}" fill="{BRAND}"/>"#,
                (x1 - x0).max(1.0)
            );
            if latest > current {
                let x2 = scale.x(next(latest));
                let _ = write!(
                    s,
                    r#"<rect class="tl-option" x="{x1:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="url(#{id}-hatch)" stroke="{BRAND}" stroke-width="1" stroke-dasharray="3 2"/>"#,
                    top + 0.5,
                    (x2 - x1 - 0.5).max(1.0),
                    BAR - 1.0
                );
            }
            if let Some(d) = retender.filter(|d| *d >= start && *d < end) {
                let x = scale.x(d);
                let _ = write!(
                    s,
                    r##"<polygon class="tl-retender" points="{x:.1},{:.1} {:.1},{mid:.1} {x:.1},{:.1} {:.1},{mid:.1}" fill="#fff" stroke="{INK}" stroke-width="2"/>"##,
                    mid - 8.0,
                    x + 7.0,
                    mid + 8.0,
                    x - 7.0
                );
            }
            y += ROW;
        }
    }
    let x = scale.x(today);
    let _ = write!(
        s,
        r#"<line class="tl-today" x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{height:.1}" stroke="{TODAY}" stroke-width="2" stroke-dasharray="6 3"/>"#,
        AXIS - 4.0
    );
    let _ =
        write!(s, r#"<text x="{:.1}" y="{:.1}" fill="{TODAY}" font-weight="bold">I dag</text>"#, x + 4.0, AXIS + 8.0);
    s.push_str("</svg>");
    s
}

fn next(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(1)).unwrap_or(date)
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_map_inside_the_chart() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let scale = Scale { start: d(2024, 1, 1), days: (d(2028, 1, 1) - d(2024, 1, 1)).num_days() as f64 };
        assert_eq!(scale.x(d(2024, 1, 1)), LABEL);
        assert_eq!(scale.x(d(2028, 1, 1)), WIDTH - RIGHT);
        assert_eq!(scale.x(d(2030, 1, 1)), WIDTH - RIGHT);
        assert!(scale.x(d(2026, 1, 1)) > LABEL && scale.x(d(2026, 1, 1)) < WIDTH - RIGHT);
    }

    #[test]
    fn long_titles_are_shortened_and_text_escaped() {
        assert_eq!(shorten("Kort", 10), "Kort");
        assert_eq!(shorten("Anskaffelsesfaglig og juridisk", 12), "Anskaffelse…");
        assert_eq!(escape("A & B <c>"), "A &amp; B &lt;c&gt;");
    }
}
