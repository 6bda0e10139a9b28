//! The procurement council's meetings: a list at `/innkjopsradet/moter/` with the newest
//! first (those to come marked), and a page per meeting with its agenda and its minutes.

use super::{Builder, WithHtml};
use crate::markdown::to_html_at;
use crate::model::sections::{MEETINGS, Section};
use crate::render::values::{DocumentView, WhenView};
use serde::Serialize;

#[derive(Serialize)]
struct MeetingView {
    url: String,
    title: String,
    when: WhenView,
    /// On or after the build day.
    upcoming: bool,
    place: Option<String>,
    agenda: Vec<String>,
    minutes: Option<DocumentView>,
    /// Whether the file's text is the minutes.
    written_minutes: bool,
}

pub(super) fn pages(b: &mut Builder) {
    let site = b.site;
    if site.model.meetings.is_empty() {
        return;
    }
    let views: Vec<MeetingView> = site
        .model
        .meetings
        .iter()
        .map(|m| MeetingView {
            url: b.urls.item(MEETINGS, &m.origin.slug),
            // Meetings often share a title: the day tells them apart.
            title: format!("{}, {}", m.title, crate::model::dates::long_date(m.when.date())),
            when: WhenView::of(m.when),
            upcoming: m.when.date() >= site.today,
            place: m.place.clone(),
            agenda: m.agenda.clone(),
            minutes: m.minutes.as_ref().map(|d| DocumentView::of(b.urls, d)),
            written_minutes: !m.body.trim().is_empty(),
        })
        .collect();
    let title = Section::Meetings.title();
    let meta = b.meta(title, b.urls.section(MEETINGS), MEETINGS, vec![]);
    b.page(format!("{MEETINGS}/index.html"), "meetings.html", meta, |c| c.insert("meetings", &views));
    for (m, view) in site.model.meetings.iter().zip(&views) {
        let meta =
            b.meta(&view.title, view.url.clone(), MEETINGS, b.crumb(MEETINGS, title)).of_item(&m.origin, site.today);
        b.page(format!("{MEETINGS}/{}/index.html", m.origin.slug), "meeting.html", meta, |c| {
            c.insert("meeting", &WithHtml { view, body_html: to_html_at(&m.body, 3, ""), ordering_html: None })
        });
    }
}
