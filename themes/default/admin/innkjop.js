// The forms at /admin/: registers how the supplier list is read and written (a plain YAML
// list, which the editor cannot hold at the top of a file), then starts the editor. In the
// preview it also shows, beside the form, what `innkjop check` finds in the file just saved,
// and says so before a file with comments is saved from the form.
(function () {
  "use strict";
  var yaml = window.jsyaml;
  var SUPPLIERS = "leverandorer";

  window.CMS.registerCustomFormat("innkjop-liste", "yaml", {
    fromFile: function (text) {
      var read = yaml.load(text || "", { schema: yaml.CORE_SCHEMA });
      var data = {};
      data[SUPPLIERS] = Array.isArray(read) ? read : (read && read[SUPPLIERS]) || [];
      return data;
    },
    toFile: function (data) {
      var list = (data && data[SUPPLIERS]) || [];
      return yaml.dump(list, { schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true });
    },
  });
  window.CMS.init();

  // Only the preview has a status and a local API; the published editor saves to git.
  fetch("/__innkjop/status", { cache: "no-store" })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (status) { if (status) preview(); })
    .catch(function () {});

  function preview() {
    var panel = document.createElement("section");
    panel.id = "innkjop-sjekk";
    panel.setAttribute("aria-live", "polite");
    panel.setAttribute("aria-label", "Kontroll av innholdet");
    panel.hidden = true;
    document.body.appendChild(panel);
    var warned = {};
    var finishedBefore = 0;

    function show(kind, heading, items, link) {
      panel.className = kind;
      panel.textContent = "";
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "Lukk";
      close.addEventListener("click", function () { panel.hidden = true; });
      var h = document.createElement("h2");
      h.textContent = heading;
      panel.append(close, h);
      if (items.length) {
        var ul = document.createElement("ul");
        items.forEach(function (text) {
          var li = document.createElement("li");
          li.textContent = text;
          ul.appendChild(li);
        });
        panel.appendChild(ul);
      }
      if (link) {
        var a = document.createElement("a");
        a.href = link;
        a.target = "_blank";
        a.textContent = "Se siden i forhåndsvisningen (åpnes i ny fane)";
        panel.appendChild(a);
      }
      panel.hidden = false;
    }

    function status() {
      return fetch("/__innkjop/status", { cache: "no-store" }).then(function (r) { return r.json(); });
    }

    function api(action, params) {
      return fetch("/admin/api/v1", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ action: action, params: params }),
      }).then(function (r) { return r.json(); });
    }

    // The file an address of the editor shows: #/collections/rammeavtaler/entries/kontorrekvisita.
    function fileOf(hash) {
      var m = /^#\/collections\/([^/]+)\/entries\/([^/?]+)/.exec(hash);
      if (!m) return null;
      if (m[1] === "innstillinger") return "content/nettsted.yaml";
      if (m[1] === SUPPLIERS) return "content/leverandorer.yaml";
      return "content/" + m[1] + "/" + decodeURIComponent(m[2]) + ".md";
    }

    function described(d) {
      var where = d.path + (d.line ? ", linje " + d.line : "") + (d.field ? ", " + d.field : "");
      var text = (/^error$/i.test(d.severity) ? "Feil" : "Advarsel") + " (" + where + "): " + d.message;
      return d.hint ? text + " Hjelp: " + d.hint : text;
    }

    function pageOf(path) {
      var m = /^content\/([^/]+)\/([^/]+)\.md$/.exec(path);
      if (!m) return "/";
      return m[1] === "sider" ? "/" + m[2] + "/" : "/" + m[1] + "/" + m[2] + "/";
    }

    window.addEventListener("hashchange", remarks);
    remarks();
    function remarks() {
      var path = fileOf(location.hash);
      if (!path || warned[path]) return;
      api("innkjop_merknader", { path: path }).then(function (answer) {
        if (answer && answer.kommentarer) {
          warned[path] = true;
          show("", "Fila har kommentarer", [
            path.replace(/^content\//, "") + " har kommentarer (linjer med #). Skjemaet tar vare på alt i feltene, " +
              "men kommentarene forsvinner når du lagrer herfra.",
          ]);
        }
      }).catch(function () {});
    }

    window.CMS.registerEventListener({
      name: "preSave",
      handler: function () {
        return status().then(function (s) { finishedBefore = s.finished; }).then(function () { return undefined; });
      },
    });
    function report(path) {
      var shown = path.replace(/^content\//, "");
      show("", "Lagret. Sjekker innholdet …", []);
      var tries = 0;
      (function wait() {
        status().then(function (s) {
          if (s.finished <= finishedBefore && tries++ < 100) return setTimeout(wait, 150);
          var mine = (s.diagnostics || []).filter(function (d) { return d.path === shown; });
          var others = (s.diagnostics || []).filter(function (d) { return d.path !== shown && /^error$/i.test(d.severity); });
          var items = mine.map(described);
          if (others.length) items.push(others.length + " feil i andre filer; se forhåndsvisningen.");
          if (s.failed) {
            show("feil", "Lagret, men nettstedet kan ikke bygges", items, pageOf(path));
          } else if (mine.length) {
            show("", "Lagret, med merknader", items, pageOf(path));
          } else {
            show("ok", "Lagret. Ingen feil i " + shown + ".", items, pageOf(path));
          }
        });
      })();
    }

    window.CMS.registerEventListener({
      name: "postSave",
      handler: function (event) {
        // A new entry has no path yet when the save is done: the editor moves to its address
        // right after, which names it.
        var known = event.entry.get("path");
        var waited = 0;
        (function find() {
          var path = known || fileOf(location.hash);
          if (!path && waited++ < 40) return setTimeout(find, 50);
          if (path) report(path);
        })();
      },
    });
  }
})();
