//! iCalendar files (RFC 5545): courses, tender deadlines and planned announcements, in one
//! calendar for everything, one per category and one per item. The one module that calls
//! `icalendar`.

use crate::model::BaseUrl;
use crate::model::dates::When;
use crate::model::{Course, PlannedPurchase, PurchaseStatus};
use crate::site::Site;
use chrono::{Days, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Oslo;
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus, Property};
use rayon::prelude::*;

/// The calendar with everything, relative to the site root.
pub const ALL: &str = "kalender.ics";

/// The courses alone.
pub const COURSES: &str = "kurs/kalender.ics";

/// The path of a category's calendar.
pub fn category_path(category: &str) -> String {
    format!("kategorier/{category}/kalender.ics")
}

/// Every calendar: (path relative to the output folder, text with CRLF line ends). Each
/// event is written out once, on all cores, and goes as text into every calendar it is in.
pub fn calendars(site: &Site) -> Vec<(String, String)> {
    let settings = &site.model.settings;
    let courses: Vec<String> = site.model.courses.par_iter().map(|c| text(&course_event(site, c))).collect();
    // Each purchase's announcement, and its own events: the deadline and the dated milestones.
    let purchases: Vec<(Option<String>, Vec<String>)> = site
        .model
        .purchases
        .par_iter()
        .map(|p| (announcement_event(site, p).as_ref().map(text), own_events(site, p).iter().map(text).collect()))
        .collect();
    let all_of = |(announcement, own): &(Option<String>, Vec<String>)| {
        announcement.clone().into_iter().chain(own.iter().cloned()).collect::<Vec<String>>()
    };
    let every: Vec<Vec<String>> = purchases.iter().map(all_of).collect();
    let mut out = vec![(ALL.to_string(), calendar(&settings.title, courses.iter().chain(every.iter().flatten())))];
    for c in &settings.categories {
        let events = site.model.purchases.iter().zip(&every).filter(|(p, _)| p.category == c.id).flat_map(|(_, e)| e);
        out.push((category_path(&c.id), calendar(&format!("{}: {}", settings.title, c.name), events)));
    }
    for d in super::trades::divisions(site) {
        let events = d.purchases.iter().flat_map(|&i| &every[i]);
        let name = format!("{}: {}", settings.title, d.label());
        out.push((super::trades::calendar_path(&d.code), calendar(&name, events)));
    }
    out.push((COURSES.to_string(), calendar(&format!("{}: kurs", settings.title), courses.iter())));
    let per_course =
        site.model.courses.par_iter().zip(&courses).map(|(c, event)| {
            (format!("kurs/{}/kalender.ics", c.origin.slug), calendar(&c.title, std::iter::once(event)))
        });
    let per_deadline =
        site.model.purchases.par_iter().zip(&purchases).filter(|(_, (_, own))| !own.is_empty()).map(|(p, (_, own))| {
            (format!("planlagte-innkjop/{}/kalender.ics", p.origin.slug), calendar(&p.title, own.iter()))
        });
    out.par_extend(per_course);
    out.par_extend(per_deadline);
    out
}

/// An event as it stands in a calendar: its lines folded, each ending in CRLF.
fn text(event: &Event) -> String {
    refold(&event.try_into_string().unwrap_or_default())
}

/// A stable UID: `<kind>-<slug>@<host of base_url>`.
pub fn uid(kind: &str, slug: &str, base_url: &BaseUrl) -> String {
    format!("{kind}-{slug}@{}", base_url.host())
}

/// The time zone the local times refer to, with the EU rules for summer time since 1996.
pub const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Oslo\r\n\
X-LIC-LOCATION:Europe/Oslo\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:CEST\r\n\
DTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\n\
TZNAME:CET\r\n\
DTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// A calendar of events written out by [`text`], with the time zone before the first.
fn calendar<'a>(name: &str, events: impl Iterator<Item = &'a String>) -> String {
    let mut cal = Calendar::empty();
    for (k, v) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//innkjop//Innkjøpssamarbeid//NB"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("X-WR-TIMEZONE", "Europe/Oslo"),
    ] {
        cal.append_property(Property::new(k, v));
    }
    // `icalendar` escapes the text properties it knows (SUMMARY, DESCRIPTION, LOCATION,
    // X-WR-CALNAME), not NAME (RFC 7986): a line break in it would start new properties.
    cal.append_property(Property::new("NAME", escape_text(name)));
    cal.append_property(Property::new("X-WR-CALNAME", name));
    // `icalendar` has no VTIMEZONE component of its own (a custom component would get a
    // DTSTAMP and a random UID): the time zone goes in as text, before the first event.
    let head = refold(&cal.to_string());
    let mut text = head.strip_suffix(END).unwrap_or(&head).to_string();
    text.push_str(VTIMEZONE);
    events.for_each(|e| text.push_str(e));
    text.push_str(END);
    text
}

const END: &str = "END:VCALENDAR\r\n";

/// A TEXT value escaped as RFC 5545 3.3.11 says: backslash, semicolon, comma and line break;
/// any other control character (content has none; this is a second guard) is left out.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds every content line at 75 octets including the leading space of a continuation
/// (RFC 5545 3.1), on character boundaries; `icalendar` lets a continuation reach 76.
pub fn refold(text: &str) -> String {
    let unfolded = text.replace("\r\n ", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 24);
    for line in unfolded.split_terminator("\r\n") {
        let mut rest = line;
        let mut limit = 75;
        while rest.len() > limit {
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            limit = 74;
        }
        out.push_str(rest);
        out.push_str("\r\n");
    }
    out
}

/// A new event with the fields every event has: a stable UID and a DTSTAMP from the build
/// day (midnight in Oslo), never the clock.
fn event(site: &Site, kind: &str, slug: &str) -> Event {
    let mut e = Event::new();
    e.uid(&uid(kind, slug, &site.model.settings.base_url));
    let stamp = Oslo
        .from_local_datetime(&site.today.and_time(NaiveTime::MIN))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default();
    e.timestamp(stamp);
    e
}

fn course_event(site: &Site, c: &Course) -> Event {
    let base = &site.model.settings.base_url;
    let mut e = event(site, "kurs", &c.origin.slug);
    let url = format!("{base}kurs/{}/", c.origin.slug);
    e.summary(&c.title);
    match (c.start, c.end) {
        (When::DateTime(start), Some(When::DateTime(end))) if end > start => {
            e.starts(oslo(start));
            e.ends(oslo(end));
        }
        (When::DateTime(start), _) => {
            e.starts(oslo(start));
        }
        (When::Date(_), _) => {
            e.starts(c.start.date());
            e.ends(next_day(c.last_day()));
        }
    }
    let place: Vec<&str> = c.venue.iter().flat_map(|v| [v.name.as_deref(), v.address.as_deref()]).flatten().collect();
    if !place.is_empty() {
        e.location(&place.join(", "));
    } else if c.online.is_some() {
        e.location("Digitalt");
    }
    let mut description = c.summary.clone().unwrap_or_default();
    if let Some(online) = &c.online {
        description.push_str(&format!("\n\nDigitalt: {}", online.text()));
    }
    description.push_str(&format!("\n\nMer informasjon og påmelding: {url}"));
    e.description(description.trim_start());
    e.url(&url);
    e.status(EventStatus::Confirmed);
    e.done()
}

/// The announcement of a planned purchase, as far as it is known.
fn announcement_event(site: &Site, p: &PlannedPurchase) -> Option<Event> {
    let a = p.announcement?;
    let base = &site.model.settings.base_url;
    let mut e = event(site, "kunngjoring", &p.origin.slug);
    let verb = if matches!(p.status, PurchaseStatus::Planned | PurchaseStatus::MarketDialogue) {
        "Planlagt kunngjøring"
    } else {
        "Kunngjøring"
    };
    let tentative = p.announcement_is_tentative();
    let when = if tentative { format!(" ({})", a.long()) } else { String::new() };
    e.summary(&format!("{verb}{when}: {}", p.title));
    e.starts(a.first_day());
    e.ends(next_day(a.first_day()));
    e.description(&describe(p, base, tentative));
    e.url(&format!("{base}planlagte-innkjop/{}/", p.origin.slug));
    e.status(status(p, tentative));
    e.add_property("TRANSP", "TRANSPARENT");
    Some(e.done())
}

/// A purchase's own events: its deadline for tenders, and one per milestone known to a day.
fn own_events(site: &Site, p: &PlannedPurchase) -> Vec<Event> {
    let mut events: Vec<Event> = p.deadline.map(|d| deadline_event(site, p, d)).into_iter().collect();
    for (kind, when) in p.dated_milestones() {
        let mut e = event(site, &format!("frist-{}", kind.key()), &p.origin.slug);
        e.summary(&format!("{}: {}", kind.label(), p.title));
        on(&mut e, when);
        e.description(&describe(p, &site.model.settings.base_url, false));
        e.url(&format!("{}planlagte-innkjop/{}/", site.model.settings.base_url, p.origin.slug));
        e.status(status(p, false));
        events.push(e.done());
    }
    events
}

/// A moment, or an all-day event on a day.
fn on(e: &mut Event, when: When) {
    match when {
        // A moment: RFC 5545 lets an event with a DTSTART and no DTEND end where it starts.
        When::DateTime(t) => {
            e.starts(oslo(t));
        }
        When::Date(d) => {
            e.starts(d);
            e.ends(next_day(d));
        }
    }
}

fn deadline_event(site: &Site, p: &PlannedPurchase, deadline: When) -> Event {
    let base = &site.model.settings.base_url;
    let mut e = event(site, "tilbudsfrist", &p.origin.slug);
    e.summary(&format!("Tilbudsfrist: {}", p.title));
    on(&mut e, deadline);
    e.description(&describe(p, base, false));
    e.url(&format!("{base}planlagte-innkjop/{}/", p.origin.slug));
    e.status(status(p, false));
    e.done()
}

fn describe(p: &PlannedPurchase, base: &str, tentative: bool) -> String {
    let mut text = p.summary.clone().unwrap_or_default();
    if tentative {
        text.push_str("\n\nTidspunktet er foreløpig: bare måned, kvartal eller år er kjent.");
    }
    text.push_str(&format!("\n\nStatus: {}.", p.status.label()));
    text.push_str(&format!("\nMer informasjon: {base}planlagte-innkjop/{}/", p.origin.slug));
    text.trim_start().to_string()
}

/// A cancelled purchase cancels its events; a date known only to a month, quarter or year
/// is tentative.
fn status(p: &PlannedPurchase, tentative: bool) -> EventStatus {
    if p.status == PurchaseStatus::Cancelled {
        EventStatus::Cancelled
    } else if tentative {
        EventStatus::Tentative
    } else {
        EventStatus::Confirmed
    }
}

/// A local time in Europe/Oslo: `DTSTART;TZID=Europe/Oslo:20270120T090000`.
fn oslo(local: chrono::NaiveDateTime) -> CalendarDateTime {
    CalendarDateTime::WithTimezone { date_time: local, tzid: "Europe/Oslo".into() }
}

/// DTEND of an all-day event is the day after (RFC 5545 3.6.1).
fn next_day(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(1)).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fold_at_75_octets_with_the_leading_space() {
        let long = format!("DESCRIPTION:{}", "å".repeat(60));
        let folded = refold(&format!("BEGIN:VEVENT\r\n{long}\r\nEND:VEVENT\r\n"));
        assert!(folded.split("\r\n").all(|l| l.len() <= 75), "{folded}");
        assert_eq!(folded.replace("\r\n ", ""), format!("BEGIN:VEVENT\r\n{long}\r\nEND:VEVENT\r\n"));
    }

    #[test]
    fn names_are_escaped_so_a_line_break_starts_no_property() {
        let cal = calendar("Kurs\nMETHOD:REQUEST\r\nATTENDEE:mailto:x@y.no; ja, nei", std::iter::empty());
        assert!(!cal.contains("\r\nMETHOD:REQUEST"), "{cal}");
        assert!(!cal.contains("\r\nATTENDEE"), "{cal}");
        assert!(cal.contains("\r\nNAME:Kurs\\nMETHOD:REQUEST\\nATTENDEE:mailto:x@y.no\\; ja\\, nei\r\n"), "{cal}");
        assert!(cal.contains("\r\nX-WR-CALNAME:Kurs\\nMETHOD:REQUEST"), "{cal}");
    }

    #[test]
    fn uids_are_stable_and_name_the_host() {
        assert_eq!(
            uid("kurs", "grunnkurs", &BaseUrl::parse("https://innkjop.kongsbergregionen.no/").expect("url")),
            "kurs-grunnkurs@innkjop.kongsbergregionen.no"
        );
    }

    #[test]
    fn the_time_zone_has_both_rules_and_crlf_lines() {
        assert!(VTIMEZONE.contains("TZNAME:CET\r\n") && VTIMEZONE.contains("TZNAME:CEST\r\n"));
        assert!(VTIMEZONE.split_inclusive('\n').all(|l| l.ends_with("\r\n")));
        assert_eq!(next_day(NaiveDate::from_ymd_opt(2027, 12, 31).unwrap()).to_string(), "2028-01-01");
    }
}
