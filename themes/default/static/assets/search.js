/* Instant search on /sok/: our own small UI over Pagefind's JavaScript API.
   The query and filters live in the URL (?q=renhold&kommune=flesberg), so a result
   list can be linked and the back button works. */
(function () {
  "use strict";
  var box = document.getElementById("sok");
  if (!box || !window.URLSearchParams || !window.Promise || !window.fetch) return;
  var form = box.querySelector("form");
  var input = document.getElementById("sok-q");
  var status = document.getElementById("sok-melding");
  var list = document.getElementById("sok-resultater");
  var empty = document.getElementById("sok-ingen");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var pagefind = null;
  var latest = 0;
  // Everyday words for what the site calls otherwise (assets/synonymer.json: "vask" finds
  // "renhold"); a theme of one's own may change the list.
  var synonyms = {};

  /** The query with each word that has a synonym replaced by it; the words as typed otherwise. */
  function expand(q) {
    return q
      .split(/\s+/)
      .map(function (w) {
        var s = synonyms[w.toLowerCase()];
        return typeof s === "string" ? s : w;
      })
      .join(" ");
  }

  // On a phone the filters fold behind one button, so the first results are in view.
  var fold = form.querySelector(".filter-fold");
  var params = new URLSearchParams(window.location.search);
  if (fold && window.matchMedia && window.matchMedia("(max-width: 55.99em)").matches) {
    fold.open = ["type", "kommune", "kategori", "status", "leverandor"].some(function (f) { return params.get(f); });
  }
  input.value = params.get("q") || "";
  selects.forEach(function (s) {
    var v = params.get(s.name);
    if (v) s.value = v;
  });

  function chosenFilters() {
    var f = {};
    selects.forEach(function (s) {
      if (s.value) f[s.name] = s.value;
    });
    return f;
  }

  function remember() {
    var p = new URLSearchParams();
    var q = input.value.trim();
    if (q) p.set("q", q);
    selects.forEach(function (s) {
      if (s.value) p.set(s.name, s.value);
    });
    var query = p.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }

  function showCounts(counts) {
    selects.forEach(function (s) {
      var group = (counts && counts[s.name]) || {};
      Array.prototype.forEach.call(s.options, function (o) {
        if (!o.value) return;
        var n = group[o.value] || 0;
        o.textContent = o.getAttribute("data-label") + " (" + n + ")";
      });
    });
  }

  function item(d) {
    var li = document.createElement("li");
    li.className = "result";
    var h = document.createElement("h2");
    h.className = "result-title";
    var a = document.createElement("a");
    a.href = d.url;
    a.textContent = d.meta.title || d.url;
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement("p");
    meta.className = "card-meta";
    if (d.meta.status) {
      var badge = document.createElement("span");
      badge.className = "status status-" + (d.meta.statusnokkel || "");
      badge.textContent = d.meta.status;
      meta.appendChild(badge);
      meta.appendChild(document.createTextNode(" "));
    }
    meta.appendChild(document.createTextNode(d.meta.type || ""));
    if (d.meta.detaljer) meta.appendChild(document.createTextNode(" · " + d.meta.detaljer));
    li.appendChild(meta);
    if (d.meta.sammendrag) {
      var p = document.createElement("p");
      p.textContent = d.meta.sammendrag;
      li.appendChild(p);
    }
    return li;
  }

  var PAGE = 10;
  var shown = [];
  var more = document.getElementById("sok-flere");
  var moreRow = document.getElementById("sok-flere-rad");

  // Shows the next results of the current search; with `focusFirst`, moves focus to the
  // first of them (after "Vis flere treff"), so keyboard users continue where they were.
  function showMore(mine, focusFirst) {
    var next = shown.slice(list.children.length, list.children.length + PAGE);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (data) {
      if (mine !== latest) return;
      var first = null;
      data.forEach(function (d) {
        var li = item(d);
        if (!first) first = li;
        list.appendChild(li);
      });
      moreRow.hidden = list.children.length >= shown.length;
      if (focusFirst && first) first.querySelector("a").focus();
    });
  }

  // One search at a time, always for what the field says now: typing while a search runs
  // queues one more, never a pile.
  var busy = false;
  var again = false;
  // The filter counts need every filter of the index; they load once results have stood for
  // a second (or when a filter is first used), so a query fetches only what its results need,
  // however fast or slowly it is typed.
  var countsLoaded = false;
  var countsTimer = null;

  function loadCountsSoon() {
    window.clearTimeout(countsTimer);
    if (!countsLoaded) countsTimer = window.setTimeout(loadCounts, 1000);
  }

  // Only the counts change: the results stay as they are, and so does the focus of someone
  // tabbing through them.
  function loadCounts() {
    if (countsLoaded) return;
    countsLoaded = true;
    pagefind.filters().then(function (all) {
      var q = input.value.trim();
      var filters = chosenFilters();
      if (!q && !Object.keys(filters).length) return showCounts(all);
      if (busy) {
        again = true;
        return;
      }
      var mine = latest;
      return pagefind.search(q ? expand(q) : null, searchOptions(q, filters)).then(function (search) {
        if (mine === latest) showCounts(search.filters);
      });
    });
  }

  function searchOptions(q, filters) {
    var options = { filters: filters };
    if (!q) options.sort = { dato: "desc" };
    return options;
  }

  function run() {
    if (!pagefind) return;
    if (busy) {
      again = true;
      return;
    }
    var mine = ++latest;
    var q = input.value.trim();
    var filters = chosenFilters();
    remember();
    if (q.length < 2 && !Object.keys(filters).length) {
      list.innerHTML = "";
      moreRow.hidden = true;
      empty.hidden = true;
      status.textContent = q ? "Skriv minst to bokstaver." : "Skriv et søkeord, eller velg et filter.";
      return;
    }
    busy = true;
    pagefind
      .search(q ? expand(q) : null, searchOptions(q, filters))
      .then(function (search) {
        if (again) return null;
        var n = search.results.length;
        shown = search.results;
        // Only the first results are fetched; more follow on request.
        list.innerHTML = "";
        return showMore(mine, false).then(function () {
          if (mine !== latest) return;
          var meant = q ? expand(q) : q;
          var what = q ? " for «" + meant + "»" + (meant !== q ? " (du skrev «" + q + "»)" : "") : "";
          status.textContent = n === 0 ? "Ingen treff" + what + "." : n + " treff" + what + (n > PAGE ? ", viser de " + PAGE + " beste først." : ".");
          empty.hidden = n !== 0;
          if (countsLoaded) showCounts(search.filters);
        });
      })
      .catch(function () {
        status.textContent = "Søket virker ikke akkurat nå. Bla i rammeavtalene eller de planlagte innkjøpene i stedet.";
      })
      .then(function () {
        busy = false;
        if (again) {
          again = false;
          run();
        } else {
          loadCountsSoon();
        }
      });
  }

  more.addEventListener("click", function () { showMore(latest, true); });
  // A keystroke searches at once. Two things wait for a pause instead, so the words on the
  // way are not searched and their index chunks are not fetched: a burst of keystrokes closer
  // than 30 ms (a key held down, a typing program), and a word of two or three letters, which
  // is most often the start of a longer one (it is searched when typing stops for 150 ms).
  var BURST = 30;
  var SHORT = 150;
  var typing = null;
  var lastKey = 0;
  input.addEventListener("input", function () {
    var now = Date.now();
    var inBurst = now - lastKey < BURST;
    lastKey = now;
    window.clearTimeout(typing);
    window.clearTimeout(countsTimer);
    var words = input.value.trim().split(/\s+/);
    var short = words[words.length - 1].length < 4;
    if (inBurst || short) typing = window.setTimeout(run, short ? SHORT : BURST);
    else run();
  });
  selects.forEach(function (s) {
    s.addEventListener("change", run);
    s.addEventListener("focus", function () { if (pagefind) loadCounts(); });
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    run();
  });

  status.textContent = "Laster søket …";
  var bundle = box.getAttribute("data-bundle");
  var root = box.getAttribute("data-root");
  // The index comes in parts (pagefind/deler.json): the first holds Pagefind itself, the
  // others are merged into it.
  Promise.all([
    import(bundle + "pagefind.js"),
    window.fetch(bundle + "deler.json").then(function (r) { return r.ok ? r.json() : { deler: [] }; }),
    window
      .fetch(root + "assets/synonymer.json")
      .then(function (r) { return r.ok ? r.json() : {}; })
      .catch(function () { return {}; })
      .then(function (s) { synonyms = s && typeof s === "object" ? s : {}; }),
  ])
    .then(function (loaded) {
      var pf = loaded[0];
      var others = (loaded[1].deler || []).slice(1);
      return pf.options({ baseUrl: root }).then(function () {
        return pf.init();
      }).then(function () {
        return Promise.all(others.map(function (part) { return pf.mergeIndex(root + part.mappe, { baseUrl: root }); }));
      }).then(function () {
        pagefind = pf;
      });
    })
    .then(function () {
      // On the search page the field is where the user works: keep focus there.
      if (document.activeElement === document.body) input.focus();
      run();
    })
    .catch(function () {
      status.textContent = "Søket kunne ikke lastes. Bla i rammeavtalene eller de planlagte innkjøpene i stedet.";
    });
})();
