//! The HTTP side: files of the current build from memory (never a path on disk chosen by
//! the request), the live-reload events, and the status the error overlay reads. It answers
//! only requests to its own address (a page elsewhere cannot reach it through a name that
//! points here, "DNS rebinding"), and only `GET` and `HEAD`.

use super::live;
use super::state::{Served, Shared, is_safe_path};
use crate::editor::config::LOCAL_API;
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::convert::Infallible;
use std::path::PathBuf;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;
use tower_http::set_header::SetResponseHeaderLayer;

/// Serves until the process stops.
pub async fn serve(listener: tokio::net::TcpListener, shared: Shared, content: PathBuf) -> std::io::Result<()> {
    let port = listener.local_addr()?.port();
    let app = Router::new()
        .route("/__innkjop/events", get(events))
        .route("/__innkjop/status", get(status))
        .route("/__innkjop/live.js", get(script))
        .fallback(file)
        .with_state(shared)
        .merge(super::admin::routes(content))
        .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(middleware::from_fn(move |request: Request, next: Next| guard(port, request, next)));
    axum::serve(listener, app).await
}

/// Refuses a request to another host than this server's address, and any method but `GET`
/// and `HEAD` (but `POST` to the forms' local API, which checks where it comes from).
async fn guard(port: u16, request: Request, next: Next) -> Response {
    let host = request.headers().get(header::HOST).map(|h| h.to_str().unwrap_or("?"));
    if !host.is_none_or(|h| is_own_host(h, port)) {
        return plain(
            StatusCode::FORBIDDEN,
            "Forhåndsvisningen svarer bare på sin egen adresse, for eksempel http://127.0.0.1:1111/.\n",
        );
    }
    let to_forms = request.method() == Method::POST && request.uri().path() == LOCAL_API;
    if !matches!(*request.method(), Method::GET | Method::HEAD) && !to_forms {
        let mut response = plain(StatusCode::METHOD_NOT_ALLOWED, "Forhåndsvisningen tar bare imot GET og HEAD.\n");
        response.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    next.run(request).await
}

/// Whether a `Host` header names this server: `localhost` or an IP address, with its port.
/// A host name (which someone else's DNS may point here) is refused.
pub fn is_own_host(host: &str, port: u16) -> bool {
    let (name, given_port) = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((ip, after)) => (ip, after.strip_prefix(':')),
            None => return false,
        },
        None => match host.rsplit_once(':') {
            Some((name, p)) => (name, Some(p)),
            None => (host, None),
        },
    };
    let name_ok = name.eq_ignore_ascii_case("localhost") || name.parse::<std::net::IpAddr>().is_ok();
    let port_ok = given_port.is_none_or(|p| p.parse::<u16>() == Ok(port));
    name_ok && port_ok
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(Body::from(text))
        .unwrap_or_default()
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
            "finished": inner.finished,
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
        Some(served) if served.bytes().is_some() => {
            live::inject(served.bytes().map(|b| b.as_slice()).unwrap_or_default())
        }
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
    let text = crate::format::escape(&error.message);
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
        Served::Bytes(b) | Served::Copied { bytes: b, .. } => b.as_ref().clone(),
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

/// The `Content-Type` of a file of the site, by its extension.
pub(super) fn content_type(key: &str) -> &'static str {
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
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::{decode, is_own_host};

    #[test]
    fn answers_only_its_own_address() {
        for ok in ["127.0.0.1:1111", "localhost:1111", "LOCALHOST", "[::1]:1111", "192.168.1.5:1111"] {
            assert!(is_own_host(ok, 1111), "{ok}");
        }
        for bad in ["evil.example:1111", "127.0.0.1:2222", "rebind.attacker.test", "[::1", "127.0.0.1.nip.io:1111"] {
            assert!(!is_own_host(bad, 1111), "{bad}");
        }
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(decode("/m%C3%B8bler/").as_deref(), Some("/møbler/"));
        assert_eq!(decode("/%2e%2e/etc").as_deref(), Some("/../etc"));
        assert_eq!(decode("/%5c").as_deref(), Some("/\\"));
        assert_eq!(decode("/%zz"), None);
        assert_eq!(decode("/%"), Some("/%".into()));
    }
}
