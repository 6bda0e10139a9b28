//! Markdown to HTML: tables, footnotes, heading ids; headings moved one level down so the
//! page keeps one `h1`; raw HTML shown as text, never passed through.

use crate::content::slug::slugify;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// Renders a Markdown text to safe HTML.
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let mut used_ids: Vec<String> = Vec::new();
    let mut out_events = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                let text: String = events[i + 1..]
                    .iter()
                    .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
                    .filter_map(|e| match e {
                        Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                let base = id.as_ref().map(|s| s.to_string()).unwrap_or_else(|| slugify(&text));
                let base = if base.is_empty() { "avsnitt".to_string() } else { base };
                let mut unique = base.clone();
                let mut n = 1;
                while used_ids.contains(&unique) {
                    n += 1;
                    unique = format!("{base}-{n}");
                }
                used_ids.push(unique.clone());
                out_events.push(Event::Start(Tag::Heading {
                    level: demote(*level),
                    id: Some(CowStr::from(unique)),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
            }
            Event::End(TagEnd::Heading(level)) => out_events.push(Event::End(TagEnd::Heading(demote(*level)))),
            Event::Html(raw) | Event::InlineHtml(raw) => out_events.push(Event::Text(raw.clone())),
            other => out_events.push(other.clone()),
        }
        i += 1;
    }
    let mut html_out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut html_out, out_events.into_iter());
    html_out
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn headings_get_ids_and_move_down_one_level() {
        let html = to_html("# Slik bestiller du\n\n## Priser\n\n## Priser\n");
        assert!(html.contains("<h2 id=\"slik-bestiller-du\">Slik bestiller du</h2>"), "{html}");
        assert!(html.contains("<h3 id=\"priser\">"), "{html}");
        assert!(html.contains("<h3 id=\"priser-2\">"), "{html}");
    }

    #[test]
    fn tables_and_footnotes_render() {
        let html = to_html("| a | b |\n|---|---|\n| 1 | 2 |\n\nTekst[^1]\n\n[^1]: Note\n");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("footnote"), "{html}");
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_html("<script>alert(1)</script>\n\nHei <img src=x onerror=alert(1)>\n");
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }
}
