// Saves an application section a moment after each change, and says when the applicant is
// offline. The page works without it: this only adds comfort.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) { return; }
  var status = document.getElementById("autosave-status");
  var timer = null;
  var dirty = false;

  function say(key) {
    if (status) { status.textContent = status.getAttribute("data-" + key) || ""; }
  }

  function save() {
    timer = null;
    if (!navigator.onLine) { say("offline"); return; }
    var data = new FormData(form);
    data.set("action", "autosave");
    // Files go up only when the applicant sends the form.
    Array.prototype.forEach.call(form.querySelectorAll("input[type=file]"), function (input) { data.delete(input.name); });
    say("saving");
    fetch(form.action, { method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (response.ok) { dirty = false; say("saved"); } else { say("failed"); }
      })
      .catch(function () { say("offline"); });
  }

  function changed(event) {
    if (event && event.target && event.target.type === "file") { return; }
    dirty = true;
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, 1500);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  window.addEventListener("online", function () { if (dirty) { save(); } });
  window.addEventListener("offline", function () { say("offline"); });
})();
