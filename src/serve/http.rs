//! The HTTP side: files of the current build from memory (never a path on disk chosen by
//! the request), the live-reload events, and the status the error overlay reads.

use super::live;
use super::state::{Served, Shared, is_safe_path};
use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::convert::Infallible;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;
use tower_http::set_header::SetResponseHeaderLayer;

/// Serves until the process stops.
pub async fn serve(listener: tokio::net::TcpListener, shared: Shared) -> std::io::Result<()> {
    let app = Router::new()
        .route("/__innkjop/events", get(events))
        .route("/__innkjop/status", get(status))
        .route("/__innkjop/live.js", get(script))
        .fallback(file)
        .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .with_state(shared);
    axum::serve(listener, app).await
}

async fn events(State(shared): State<Shared>) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let stream = BroadcastStream::new(shared.events.subscribe())
        .filter_map(|message| message.ok())
        .map(|name| Ok(Event::default().event(name).data(name)));
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn status(State(shared): State<Shared>) -> Response {
    let body = {
        let inner = shared.inner.read().unwrap_or_else(|e| e.into_inner());
        serde_json::json!({
            "failed": inner.failed,
            "generation": inner.generation,
            "diagnostics": inner.diagnostics,
        })
    };
    ([(header::CONTENT_TYPE, "application/json")], body.to_string()).into_response()
}

async fn script() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], live::SCRIPT).into_response()
}

async fn file(State(shared): State<Shared>, uri: Uri) -> Response {
    let Some(path) = decode(uri.path()) else { return not_found(&shared) };
    if !is_safe_path(&path) {
        return not_found(&shared);
    }
    let key = path.trim_start_matches('/');
    let key = if key.is_empty() || key.ends_with('/') { format!("{key}index.html") } else { key.to_string() };
    match shared.lookup(&key) {
        Some(served) => respond(StatusCode::OK, &key, served).await,
        None if !key.ends_with(".html") && shared.has(&format!("{key}/index.html")) => Response::builder()
            .status(StatusCode::MOVED_PERMANENTLY)
            .header(header::LOCATION, format!("{path}/"))
            .body(Body::empty())
            .unwrap_or_default(),
        None => not_found(&shared),
    }
}

fn not_found(shared: &Shared) -> Response {
    let page = shared.lookup("404.html");
    let body = match page {
        Some(Served::Bytes(b)) => live::inject(&b),
        _ => live::inject(live::EMPTY_PAGE.as_bytes()),
    };
    Response::builder()
        .status(StatusCode::NOT_FOUND)
        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
        .body(Body::from(body))
        .unwrap_or_default()
}

/// A page whose template failed: the message on the page, and the overlay over it.
fn broken(error: &crate::diagnostics::Diagnostic) -> Response {
    let mut text = String::new();
    pulldown_cmark_escape::escape_html(&mut text, &error.message).ok();
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"nb\"><head><meta charset=\"utf-8\"><title>Siden kunne ikke lages</title></head><body><main><h1>Siden kunne ikke lages</h1><pre>{text}</pre></main></body></html>\n"
    );
    Response::builder()
        .status(StatusCode::INTERNAL_SERVER_ERROR)
        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
        .body(Body::from(live::inject(page.as_bytes())))
        .unwrap_or_default()
}

async fn respond(status: StatusCode, key: &str, served: Served) -> Response {
    let bytes = match served {
        Served::Bytes(b) => b.as_ref().clone(),
        Served::File(path) => match tokio::fs::read(&path).await {
            Ok(b) => b,
            Err(_) => return StatusCode::NOT_FOUND.into_response(),
        },
        Served::Broken(error) => return broken(&error),
    };
    let kind = content_type(key);
    let body = if kind.starts_with("text/html") { live::inject(&bytes) } else { bytes };
    Response::builder().status(status).header(header::CONTENT_TYPE, kind).body(Body::from(body)).unwrap_or_default()
}

/// Percent-decodes a path; `None` for invalid UTF-8.
fn decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(key: &str) -> &'static str {
    match key.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "svg" => "image/svg+xml",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(decode("/m%C3%B8bler/").as_deref(), Some("/møbler/"));
        assert_eq!(decode("/%2e%2e/etc").as_deref(), Some("/../etc"));
        assert_eq!(decode("/%5c").as_deref(), Some("/\\"));
        assert_eq!(decode("/%zz"), None);
        assert_eq!(decode("/%"), Some("/%".into()));
    }
}
