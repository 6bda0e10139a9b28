//! Markdown: the one module that calls the Markdown parser. To HTML (tables, footnotes,
//! heading ids; headings moved one level down so the
//! page keeps one `h1`), to plain words for search, and what a text has that the page will not
//! show as written: raw HTML, links and images to addresses that are not allowed, and heading
//! attributes other than an id never reach the page as markup.

use crate::rules::address::{self, Verdict};
use crate::rules::slug::slugify;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// Id prefixes the templates use; a heading id from content never takes one of them.
const RESERVED_IDS: [&str; 7] = ["innhold", "s-", "fot-", "sok-", "filter-", "gruppe-", "topp-"];

/// Renders a Markdown text to safe HTML for a place on a page where its top heading
/// level is `top` (2 right under the page's `h1`, 3 inside a section): the body's
/// largest heading becomes `top`, and the rest keep their distance to it.
/// Heading ids start with `id_prefix`, so two texts on one page never share an id.
pub fn to_html_at(markdown: &str, top: u8, id_prefix: &str) -> String {
    convert(markdown, top, id_prefix)
}

/// The Markdown the site reads: tables, footnotes, strikethrough, and `{#id}` after a heading.
const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

/// What in a Markdown text is not shown as written, for the coordinator's warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Raw HTML, shown as text.
    RawHtml,
    /// A link or image to an address whose scheme is not allowed (`javascript`), shown as text.
    RefusedAddress(String),
    /// A link or image whose address cannot be read, shown as text.
    UnreadableAddress,
    /// A heading with classes or attributes in `{ }`, which are left out.
    HeadingAttributes,
    /// An image from another site, which the pages' Content-Security-Policy does not load.
    ImageElsewhere,
}

/// Every problem of a Markdown text, with its byte offset.
pub fn problems(markdown: &str) -> Vec<(usize, Problem)> {
    // Each problem needs a `<`, a `:` (a scheme), a `{` or an image: a text without them
    // needs no parse.
    if !markdown.contains(['<', ':', '{', '&', '!']) {
        return Vec::new();
    }
    Parser::new_ext(markdown, OPTIONS)
        .into_offset_iter()
        .filter_map(|(event, range)| {
            let problem = match event {
                Event::Html(_) | Event::InlineHtml(_) => Problem::RawHtml,
                Event::Start(Tag::Image { ref dest_url, .. })
                    if address::judge(dest_url) == (Verdict::Allowed { relative: false }) =>
                {
                    Problem::ImageElsewhere
                }
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    match address::judge(&dest_url) {
                        Verdict::Allowed { .. } => return None,
                        Verdict::Refused(scheme) => Problem::RefusedAddress(scheme),
                        Verdict::Unreadable => Problem::UnreadableAddress,
                    }
                }
                Event::Start(Tag::Heading { classes, attrs, .. }) if !classes.is_empty() || !attrs.is_empty() => {
                    Problem::HeadingAttributes
                }
                _ => return None,
            };
            Some((range.start, problem))
        })
        .collect()
}

/// Whether a link or image may keep its address.
fn allowed(dest: &str) -> bool {
    matches!(address::judge(dest), Verdict::Allowed { .. })
}

fn convert(markdown: &str, top: u8, id_prefix: &str) -> String {
    let events: Vec<Event> = Parser::new_ext(markdown, OPTIONS).collect();
    let largest = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as u8),
            _ => None,
        })
        .min()
        .unwrap_or(top);
    let shift = |level: HeadingLevel| level_of((level as u8 + top).saturating_sub(largest));
    let mut used_ids: Vec<String> = Vec::new();
    let mut footnotes: Vec<String> = Vec::new();
    let mut open_footnote: Option<String> = None;
    // Links whose address is refused: their text stays, followed by the address as text.
    let mut refused_links: Vec<Option<String>> = Vec::new();
    let mut out_events = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading { level, id, .. }) => {
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
                let base = if RESERVED_IDS.iter().any(|r| base == *r || (r.ends_with('-') && base.starts_with(r))) {
                    format!("avsnitt-{base}")
                } else {
                    base
                };
                let base = format!("{id_prefix}{base}");
                let mut unique = base.clone();
                let mut n = 1;
                while used_ids.contains(&unique) {
                    n += 1;
                    unique = format!("{base}-{n}");
                }
                used_ids.push(unique.clone());
                // Only the id is kept: classes and attributes (`onfocus=...`) never reach the page.
                out_events.push(Event::Start(Tag::Heading {
                    level: shift(*level),
                    id: Some(CowStr::from(unique)),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }));
            }
            Event::End(TagEnd::Heading(level)) => out_events.push(Event::End(TagEnd::Heading(shift(*level)))),
            Event::Html(raw) | Event::InlineHtml(raw) => out_events.push(Event::Text(raw.clone())),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if allowed(dest_url) {
                    refused_links.push(None);
                    out_events.push(events[i].clone());
                } else {
                    refused_links.push(Some(dest_url.to_string()));
                }
            }
            Event::End(TagEnd::Link) => match refused_links.pop().flatten() {
                Some(dest) => out_events.push(Event::Text(CowStr::from(format!(" ({dest})")))),
                None => out_events.push(events[i].clone()),
            },
            Event::Start(Tag::Image { dest_url, .. }) if !allowed(dest_url) => {
                // The image's alt text, then its address, as text; the image is left out.
                let dest = dest_url.to_string();
                let mut depth = 0;
                while let Some(e) = events.get(i + 1) {
                    match e {
                        Event::Start(_) => depth += 1,
                        Event::End(TagEnd::Image) if depth == 0 => break,
                        Event::End(_) => depth -= 1,
                        Event::Text(t) | Event::Code(t) => out_events.push(Event::Text(t.clone())),
                        _ => {}
                    }
                    i += 1;
                }
                out_events.push(Event::Text(CowStr::from(format!(" ({dest})"))));
                i += 1;
            }
            Event::FootnoteReference(label) => {
                let n = footnote_number(&mut footnotes, label);
                let id = slugify(label);
                out_events.push(Event::Html(CowStr::from(format!(
                    "<sup class=\"footnote-ref\"><a href=\"#{id_prefix}fotnote-{id}\" id=\"{id_prefix}fotnote-ref-{id}\" aria-label=\"Fotnote {n}\">{n}</a></sup>"
                ))));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let n = footnote_number(&mut footnotes, label);
                let id = slugify(label);
                open_footnote = Some(id.clone());
                out_events.push(Event::Html(CowStr::from(format!(
                    "<div class=\"footnote\" id=\"{id_prefix}fotnote-{id}\"><span class=\"footnote-label\">{n}.</span> "
                ))));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                let id = open_footnote.take().unwrap_or_default();
                out_events.push(Event::Html(CowStr::from(format!(
                    " <a class=\"footnote-back\" href=\"#{id_prefix}fotnote-ref-{id}\" aria-label=\"Tilbake til teksten\">↩</a></div>\n"
                ))));
            }
            Event::Start(Tag::Table(_)) => {
                out_events.push(Event::Html(CowStr::from(
                    "<div class=\"table-wrap\" role=\"region\" aria-label=\"Tabell\" tabindex=\"0\">",
                )));
                out_events.push(events[i].clone());
            }
            Event::End(TagEnd::Table) => {
                out_events.push(events[i].clone());
                out_events.push(Event::Html(CowStr::from("</div>")));
            }
            other => out_events.push(other.clone()),
        }
        i += 1;
    }
    let mut html_out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut html_out, out_events.into_iter());
    html_out
}

/// The words of a Markdown text without markup, for the search index.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, OPTIONS) {
        push_words(&mut out, &event);
    }
    out
}

/// What an event adds to the words of a text: its text, or a space where a block or a line ends.
fn push_words(out: &mut String, event: &Event) {
    match event {
        Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => out.push_str(t),
        Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
        _ => {}
    }
}

/// Footnotes are numbered in the order they are first seen.
fn footnote_number(seen: &mut Vec<String>, label: &str) -> usize {
    match seen.iter().position(|l| l == label) {
        Some(i) => i + 1,
        None => {
            seen.push(label.to_string());
            seen.len()
        }
    }
}

fn level_of(n: u8) -> HeadingLevel {
    match n {
        0..=2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::{Problem, problems, to_html_at};

    #[test]
    fn headings_get_unique_ids_and_start_at_the_given_level() {
        let html = to_html_at("# Slik bestiller du\n\n## Priser\n\n## Priser\n", 2, "");
        assert!(html.contains("<h2 id=\"slik-bestiller-du\">Slik bestiller du</h2>"), "{html}");
        assert!(html.contains("<h3 id=\"priser\">"), "{html}");
        assert!(html.contains("<h3 id=\"priser-2\">"), "{html}");
        let inside = to_html_at("## Priser\n\n### Frakt\n", 3, "bestilling-");
        assert!(inside.contains("<h3 id=\"bestilling-priser\">"), "{inside}");
        assert!(inside.contains("<h4 id=\"bestilling-frakt\">"), "{inside}");
    }

    #[test]
    fn heading_ids_never_take_the_templates_ids() {
        let html = to_html_at("## Innhold\n\n## S - tiltak\n", 2, "");
        assert!(html.contains("id=\"avsnitt-innhold\""), "{html}");
        assert!(html.contains("id=\"avsnitt-s-tiltak\""), "{html}");
    }

    #[test]
    fn tables_and_footnotes_render() {
        let html = to_html_at("| a | b |\n|---|---|\n| 1 | 2 |\n\nTekst[^1]\n\n[^1]: Note\n", 2, "");
        assert!(
            html.contains("<div class=\"table-wrap\" role=\"region\" aria-label=\"Tabell\" tabindex=\"0\"><table>"),
            "{html}"
        );
        assert!(html.contains("href=\"#fotnote-1\" id=\"fotnote-ref-1\""), "{html}");
        assert!(html.contains("id=\"fotnote-1\""), "{html}");
        assert!(html.contains("href=\"#fotnote-ref-1\""), "{html}");
    }

    #[test]
    fn plain_text_keeps_the_words_only() {
        assert_eq!(
            super::plain_text("## Priser\n\n*Billig* papir").split_whitespace().collect::<Vec<_>>(),
            ["Priser", "Billig", "papir"]
        );
    }

    #[test]
    fn script_addresses_and_heading_attributes_never_reach_the_page() {
        let text = "## Tittel {autofocus tabindex=0 onfocus=alert(1)}\n\n[klikk](javascript:alert(1)) [ok](https://doffin.no/) \
            [x](JaVaScRiPt:alert(2)) ![bilde](data:text/html,x) <vbscript:msgbox(1)>\n\n[ref]\n\n[ref]: java\tscript:alert(3)\n";
        let html = to_html_at(text, 2, "");
        for bad in [
            "onfocus",
            "autofocus",
            "tabindex",
            "href=\"javascript",
            "href=\"JaVaScRiPt",
            "<img",
            "href=\"vbscript",
            "href=\"java",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(html.contains("<a href=\"https://doffin.no/\">ok</a>"), "{html}");
        assert!(html.contains("klikk (javascript:alert(1))"), "{html}");
        assert!(html.contains("bilde (data:text/html,x)"), "{html}");
        let found: Vec<Problem> = problems(text).into_iter().map(|(_, p)| p).collect();
        assert_eq!(found.iter().filter(|p| matches!(p, Problem::RefusedAddress(_))).count(), 4, "{found:?}");
        assert!(found.contains(&Problem::HeadingAttributes), "{found:?}");
        assert!(to_html_at("## Priser {#priser-2027}\n", 2, "").contains("id=\"priser-2027\""));
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_html_at("<script>alert(1)</script>\n\nHei <img src=x onerror=alert(1)>\n", 2, "");
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }
}
