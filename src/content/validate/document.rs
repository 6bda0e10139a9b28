//! Validation of a document: a title, and a file in content/ that the site may copy to the
//! same place, or a link.

use super::check::Check;
use super::items::Context;
use crate::content::raw::RawDocument;
use crate::content::yaml::Segment;
use crate::diagnostics::codes;
use crate::model::*;
use std::path::{Component, Path, PathBuf};

/// A document (`dokumenter[i]`, a meeting's `referat`) at `at`, the `number`th of its list:
/// a title, and a file in content/ or a link.
pub(super) fn document(
    check: &mut Check,
    d: &RawDocument,
    at: &[Segment],
    number: usize,
    ctx: &Context,
) -> Option<Document> {
    let under = |key: &str| -> Vec<Segment> { at.iter().cloned().chain([crate::content::yaml::key(key)]).collect() };
    {
        if check.text(&d.tittel).is_some() && check.line(&d.tittel, &under("tittel")).is_none() {
            return None;
        }
        let Some(title) = check.text(&d.tittel) else {
            check.report(
                codes::BAD_DOCUMENT,
                at,
                format!("dokument {number} mangler `tittel`"),
                Some("skriv navnet på dokumentet slik leseren skal se det".to_string()),
            );
            return None;
        };
        let target = match (check.text(&d.fil), &d.url) {
            (Some(_), Some(_)) => {
                check.report(
                    codes::BAD_DOCUMENT,
                    at,
                    format!("dokument {number} har både `fil` og `url`"),
                    Some("velg én: en fil i content/ eller en lenke".to_string()),
                );
                None
            }
            (Some(fil), None) => {
                document_file(check, &fil, &under("fil"), ctx).map(|(path, size)| DocumentTarget::File { path, size })
            }
            (None, Some(_)) => check.url(&d.url, &under("url")).map(DocumentTarget::Url),
            (None, None) => {
                check.report(
                    codes::BAD_DOCUMENT,
                    at,
                    format!("dokument {number} mangler `fil` eller `url`"),
                    Some(
                        "skriv `fil: dokumenter/navn.pdf` (relativt til content/) eller `url: https://...`".to_string(),
                    ),
                );
                None
            }
        };
        target.map(|target| Document { title, target })
    }
}

/// The place of a document in the site would be one the generator writes (or may write):
/// what it would take, for the message.
fn takes_generated_place<'a>(rel: &'a Path, pages: &[String]) -> Option<std::borrow::Cow<'a, str>> {
    let first = rel.components().next()?.as_os_str().to_string_lossy();
    crate::model::sections::is_generated_place(&first, pages).then_some(first)
}

/// A document file must stay inside content/, exist, and not take a place the site's own
/// pages and files have.
fn document_file(check: &mut Check, fil: &str, path: &[Segment], ctx: &Context) -> Option<(PathBuf, u64)> {
    let content_dir = ctx.content_dir;
    let path = path.to_vec();
    let rel = Path::new(fil);
    let escapes = rel.is_absolute()
        || fil.starts_with(['/', '\\'])
        || fil.contains('\\')
        || rel.components().any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if escapes {
        check.report(
            codes::DOCUMENT_NOT_FOUND,
            &path,
            format!("`{fil}` peker ut av content-mappen"),
            Some("dokumenter må ligge i content/, for eksempel `fil: dokumenter/prisliste.pdf`".to_string()),
        );
        return None;
    }
    if rel.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.')) {
        check.report(
            codes::DOCUMENT_TAKES_GENERATED_PATH,
            &path,
            format!("`{fil}` har et navn som begynner med punktum, og slike filer publiseres ikke"),
            Some("gi filen (og mappen) et navn uten punktum først".to_string()),
        );
        return None;
    }
    if let Some(place) = takes_generated_place(rel, &ctx.pages) {
        check.report(
            codes::DOCUMENT_TAKES_GENERATED_PATH,
            &path,
            format!("`{fil}` ville lagt seg over `{place}` på nettstedet, som nettstedet lager selv"),
            Some("legg dokumentet i content/dokumenter/ og skriv `fil: dokumenter/navn.pdf`".to_string()),
        );
        return None;
    }
    let full = content_dir.join(rel);
    let inside = match (full.canonicalize(), content_dir.canonicalize()) {
        (Ok(f), Ok(c)) => f.starts_with(c),
        _ => {
            check.report(
                codes::DOCUMENT_NOT_FOUND,
                &path,
                format!("finner ikke filen `{fil}`"),
                Some(format!("legg filen i content/{}, og sjekk at navnet er stavet helt likt, også store og små bokstaver og endelsen (.pdf)", fil.rsplit_once('/').map(|(d, _)| format!("{d}/")).unwrap_or_default())),
            );
            return None;
        }
    };
    if !inside {
        check.report(
            codes::LINK_OUTSIDE,
            &path,
            format!("`{fil}` peker ut av content-mappen (via en symbolsk lenke)"),
            Some("legg selve filen i content/".to_string()),
        );
        return None;
    }
    match std::fs::metadata(&full) {
        Ok(m) if m.is_file() => Some((rel.components().collect(), m.len())),
        _ => {
            check.report(
                codes::DOCUMENT_NOT_FOUND,
                &path,
                format!("`{fil}` er ikke en fil"),
                Some("oppgi en fil, ikke en mappe".to_string()),
            );
            None
        }
    }
}
