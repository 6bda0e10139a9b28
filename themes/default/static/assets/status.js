/* Recompute agreement statuses if the site was built before today. "Today" is the date in
   Europe/Oslo, as in the build, whatever the visitor's time zone; the rule is the build's
   (src/rules/period.rs), and a browser test compares the two on the same days. */
(function () {
 var d = document, b = d.body, i, el;
 if (!b || !d.querySelectorAll) return;
 function p(s) {
  var m = /^(\d{4})-(\d\d)-(\d\d)/.exec(s || "");
  return m ? [+m[1], +m[2], +m[3]] : null;
 }
 function n(a) { return a[0] * 1e4 + a[1] * 100 + a[2]; }
 function u(a) { return Date.UTC(a[0], a[1] - 1, a[2]); }
 function oslo(at) {
  try {
   var v = {};
   new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Oslo", year: "numeric", month: "numeric", day: "numeric" })
    .formatToParts(at).forEach(function (x) { v[x.type] = x.value; });
   if (v.year && v.month && v.day) return [+v.year, +v.month, +v.day];
  } catch (e) { /* an old browser: its own time zone */ }
  return [at.getFullYear(), at.getMonth() + 1, at.getDate()];
 }
 function txt(e, s) {
  while (e.firstChild) e.removeChild(e.firstChild);
  e.appendChild(d.createTextNode(s));
 }
 var built = p(b.getAttribute("data-bygget")), now = new Date(),
  today = oslo(now), t = n(today);
 if (!built || t <= n(built)) return;
 var days = Math.round((u(today) - u(built)) / 864e5),
  mo = parseInt(b.getAttribute("data-utloper-snart-maneder"), 10),
  nm = { kommende: "Kommende", utlopt: "Utl\u00f8pt", utloper_snart: "Utl\u00f8per snart", aktiv: "Aktiv",
   oppsagt: "Oppsagt", hevet: "Hevet", avsluttet: "Avsluttet" },
  ch = false;
 if (mo >= 0) {
  var k = today[1] - 1 + mo, y = today[0] + Math.floor(k / 12), m = k % 12 + 1,
   lim = n([y, m, Math.min(today[2], new Date(Date.UTC(y, m, 0)).getUTCDate())]),
   all = d.querySelectorAll("span.status[data-slutt]");
  for (i = 0; i < all.length; i++) {
   el = all[i];
   var from = p(el.getAttribute("data-gyldig-fra")), end = p(el.getAttribute("data-slutt"));
   if (!end) continue;
   end = n(end);
   var key = from && t < n(from) ? "kommende" : t > end ? (el.getAttribute("data-avsluttet") || "utlopt") :
    end < lim ? "utloper_snart" : "aktiv", c = " " + el.className + " ";
   if (c.indexOf(" status-" + key + " ") < 0) {
    el.className = (c.replace(/\sstatus-[a-z_]+(?=\s)/g, "") + "status-" + key).replace(/^\s+/, "");
    txt(el, nm[key]);
    ch = true;
   }
  }
 }
 if (ch || days > 7) {
  all = d.querySelectorAll(".stale-note");
  for (i = 0; i < all.length; i++) {
   txt(all[i], "Statusene er justert etter dagens dato fordi nettstedet ble bygget for " +
    days + (days == 1 ? " dag" : " dager") + " siden.");
   all[i].removeAttribute("hidden");
  }
 }
})();
