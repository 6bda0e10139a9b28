//! The live-reload client: injected into every served page, it reloads when a new build
//! is complete and shows the errors of a failed build over the page.

/// Injects the client script before `</body>`.
pub fn inject(html: &[u8]) -> Vec<u8> {
    const TAG: &[u8] = b"<script src=\"/__innkjop/live.js\" defer></script>\n";
    let at = html.windows(7).rposition(|w| w.eq_ignore_ascii_case(b"</body>")).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + TAG.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(TAG);
    out.extend_from_slice(&html[at..]);
    out
}

/// Served when there has been no good build yet.
pub const EMPTY_PAGE: &str = "<!DOCTYPE html>\n<html lang=\"nb\"><head><meta charset=\"utf-8\"><title>Nettstedet er ikke bygget</title></head><body><main><h1>Nettstedet er ikke bygget ennå</h1><p>Rett feilene som vises, og lagre filen. Siden oppdateres av seg selv.</p></main></body></html>\n";

/// The client. It builds the overlay with DOM calls and sets its look through the CSSOM, so
/// the pages' Content-Security-Policy (no inline styles or scripts) lets it through.
pub const SCRIPT: &str = r#"(function () {
  "use strict";
  var box = null;
  function el(tag, text, css) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = String(text);
    if (css) e.style.cssText = css;
    return e;
  }
  function show(diagnostics) {
    if (box) { box.remove(); box = null; }
    var errors = diagnostics.filter(function (d) { return d.severity === "error"; });
    if (!errors.length) return;
    box = el("div", null, "position:fixed;inset:1rem;overflow:auto;z-index:2147483647;background:#fff;color:#1a1a1a;border:4px solid #b00020;border-radius:6px;padding:1.5rem;font:16px/1.5 system-ui,sans-serif;box-shadow:0 0 0 100vmax rgba(0,0,0,.45)");
    box.id = "innkjop-feil";
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-labelledby", "innkjop-feil-tittel");
    var title = el("h2", "Nettstedet kunne ikke bygges på nytt", "margin-top:0;color:#b00020");
    title.id = "innkjop-feil-tittel";
    box.appendChild(title);
    box.appendChild(el("p", "Du ser forrige versjon. Rett " + (errors.length === 1 ? "feilen" : "de " + errors.length + " feilene") + " under og lagre filen, så oppdateres siden av seg selv."));
    var list = el("ol");
    errors.forEach(function (d) {
      var item = el("li", null, "margin-bottom:1rem");
      var where = d.path + (d.line ? ", linje " + d.line : "") + (d.field ? " (" + d.field + ")" : "");
      item.appendChild(el("strong", (d.code ? d.code + " " : "") + where));
      item.appendChild(el("br"));
      item.appendChild(document.createTextNode(d.message));
      if (d.hint) {
        item.appendChild(el("br"));
        item.appendChild(el("em", "Hjelp: " + d.hint));
      }
      list.appendChild(item);
    });
    box.appendChild(list);
    var hide = el("button", "Skjul", "font:inherit;padding:.4rem 1rem");
    hide.type = "button";
    hide.addEventListener("click", function () { box.remove(); box = null; });
    box.appendChild(hide);
    document.body.appendChild(box);
  }
  function check() {
    fetch("/__innkjop/status", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (s) { show(s.failed ? s.diagnostics : []); })
      .catch(function () {});
  }
  var source = new EventSource("/__innkjop/events");
  source.addEventListener("reload", function () { window.location.reload(); });
  source.addEventListener("errors", check);
  check();
})();
"#;

#[cfg(test)]
mod tests {
    use super::inject;

    #[test]
    fn script_goes_before_the_closing_body() {
        let out = String::from_utf8(inject(b"<html><body><p>x</p></body></html>")).unwrap_or_default();
        assert!(out.ends_with("<script src=\"/__innkjop/live.js\" defer></script>\n</body></html>"), "{out}");
    }
}
