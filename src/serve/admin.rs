//! The forms at `/admin/` in the preview: the editor's files, its configuration made anew for
//! each visit (so a municipality just added can be picked), and the local API that writes the
//! content files. Only the preview's own pages may write: a request must come from its own
//! origin, as JSON, or it is refused before it is read.

use crate::editor::config::{self, Backend, LOCAL_API};
use crate::editor::local::Workspace;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::path::PathBuf;
use std::sync::Arc;

/// What the forms need: the content folder with what the editor has read of it, and the
/// editor's own files, picked from the built-in theme once.
pub struct Admin {
    workspace: Workspace,
    files: Vec<(String, &'static [u8])>,
}

/// The routes of the forms.
pub fn routes(content: PathBuf) -> Router {
    let files = crate::editor::static_files(crate::render::templates::built_in_files());
    let admin = Arc::new(Admin { workspace: Workspace::new(&content), files });
    Router::new()
        .route(LOCAL_API, post(api))
        .route("/admin", get(|| async { redirect("/admin/") }))
        .route("/admin/config.yml", get(configuration))
        .route("/admin/{*file}", get(file))
        .route("/admin/", get(file))
        .with_state(admin)
}

fn redirect(to: &'static str) -> Response {
    Response::builder()
        .status(StatusCode::MOVED_PERMANENTLY)
        .header(header::LOCATION, to)
        .body(Body::empty())
        .unwrap_or_default()
}

/// Whether a request to write comes from the preview's own pages: its `Origin` is the address
/// it was sent to, it says it is JSON (which a form on another site cannot send without asking
/// first), and the browser does not call it cross-site.
pub fn is_own_page(headers: &HeaderMap) -> bool {
    let get = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let (Some(host), Some(origin)) = (get(header::HOST), get(header::ORIGIN)) else { return false };
    let json = get(header::CONTENT_TYPE).is_some_and(|t| t.trim_start().starts_with("application/json"));
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    origin == format!("http://{host}") && is_loopback(host) && json && fetch_site.is_none_or(|s| s == "same-origin")
}

/// Whether a `Host` names this machine itself: `localhost`, 127.0.0.0/8 or `[::1]`, with a port.
fn is_loopback(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split_once(']').map(|(ip, _)| ip).unwrap_or_default(),
        None => host.rsplit_once(':').map(|(name, _)| name).unwrap_or(host),
    };
    name.eq_ignore_ascii_case("localhost") || name.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

async fn api(State(admin): State<Arc<Admin>>, headers: HeaderMap, body: Bytes) -> Response {
    if !is_own_page(&headers) {
        return error(
            StatusCode::FORBIDDEN,
            "Skjemaene tar bare imot lagring fra forhåndsvisningens egne sider. Åpne /admin/ på forhåndsvisningens adresse.",
        );
    }
    let Ok(request) = serde_json::from_slice::<serde_json::Value>(&body) else {
        return error(StatusCode::BAD_REQUEST, "Forespørselen er ikke JSON.");
    };
    let answer = tokio::task::spawn_blocking(move || admin.workspace.handle(&request)).await;
    match answer {
        Ok(Ok(value)) => json(StatusCode::OK, value.to_string()),
        Ok(Err(e)) => error(StatusCode::from_u16(e.status).unwrap_or(StatusCode::BAD_REQUEST), &e.message),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "Lagringen stoppet uventet."),
    }
}

fn error(status: StatusCode, message: &str) -> Response {
    json(status, serde_json::json!({ "error": message }).to_string())
}

fn json(status: StatusCode, body: String) -> Response {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body))
        .unwrap_or_default()
}

async fn configuration(State(admin): State<Arc<Admin>>, headers: HeaderMap) -> Response {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("127.0.0.1");
    let choices = crate::editor::choices(admin.workspace.content());
    let text = config::to_yaml(&config::config(Backend::Local, &choices, &format!("http://{host}/")));
    ([(header::CONTENT_TYPE, "text/yaml; charset=utf-8")], text).into_response()
}

async fn file(State(admin): State<Arc<Admin>>, request: Request) -> Response {
    let path = request.uri().path().trim_start_matches('/');
    let key = if path.ends_with('/') { format!("{path}index.html") } else { path.to_string() };
    match admin.files.iter().find(|(p, _)| *p == key) {
        Some((_, bytes)) => ([(header::CONTENT_TYPE, super::http::content_type(&key))], *bytes).into_response(),
        None => (StatusCode::NOT_FOUND, "Finnes ikke.\n").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::is_loopback;

    #[test]
    fn the_forms_save_only_through_the_loopback_address() {
        for ok in ["127.0.0.1:1111", "localhost:1111", "[::1]:1111", "127.0.0.2:80"] {
            assert!(is_loopback(ok), "{ok}");
        }
        for bad in ["192.168.1.5:1111", "10.0.0.1:1111", "evil.example:1111", "[fe80::1]:1111"] {
            assert!(!is_loopback(bad), "{bad}");
        }
    }
}
