// Shows a call's deadline in the reader's own time zone when it is not the call's.
// Without it the page still states the deadline in the call's zone.
(function () {
  "use strict";
  var el = document.querySelector("[data-at]");
  if (!el || !window.Intl) { return; }
  var at = new Date(el.getAttribute("data-at"));
  var lang = el.getAttribute("data-lang") || undefined;
  var options = { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" };
  try {
    var own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!own) { return; }
    options.timeZone = own;
    var local = new Intl.DateTimeFormat(lang, options).format(at);
    options.timeZone = el.getAttribute("data-zone");
    if (local === new Intl.DateTimeFormat(lang, options).format(at)) { return; }
    el.textContent = el.getAttribute("data-label") + " " + local;
    el.hidden = false;
  } catch (e) { /* an unknown zone or language: the stated deadline stands */ }
})();
