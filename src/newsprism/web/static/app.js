// newsprism web app: layer toggles, the ingest form, focus on linked evidence.
// Served from our origin (CSP script-src 'self'); it never evaluates article data.
(function () {
  "use strict";
  var body = document.body;
  document.querySelectorAll("input[data-layer]").forEach(function (box) {
    var apply = function () { body.classList.toggle("hide-" + box.getAttribute("data-layer"), !box.checked); };
    box.addEventListener("change", apply);
    apply();
  });
  var ev = document.getElementById("evidence");
  if (ev && location.hash === "#evidence") {
    ev.focus({ preventScroll: true });
    var mark = document.querySelector(".hl." + ev.getAttribute("data-mark"));
    if (mark) { mark.scrollIntoView({ block: "center" }); }
  }
  var form = document.getElementById("ingest-form");
  if (form) {
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var out = document.getElementById("ingest-result");
      var urls = form.elements.urls.value.split(/\s+/).filter(function (u) { return u; });
      out.textContent = "ingesting " + urls.length + " URL(s)…";
      fetch("/api/ingest", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Newsprism-Token": form.elements.token.value },
        body: JSON.stringify({ urls: urls }),
        credentials: "omit"
      }).then(function (r) { return r.json(); })
        .then(function (j) { out.textContent = JSON.stringify(j, null, 2); })
        .catch(function (err) { out.textContent = "failed: " + err; });
    });
  }
  // Tests read this to know the script ran under the CSP.
  document.documentElement.setAttribute("data-js", "ready");
})();
