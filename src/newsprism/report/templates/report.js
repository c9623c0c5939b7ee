// newsprism report: layer toggles, table filter, open a document when linked to.
// Inlined and pinned by hash in the CSP; it reads only the page, never article data as code.
(function () {
  "use strict";
  var body = document.body;
  document.querySelectorAll("input[data-layer]").forEach(function (box) {
    box.addEventListener("change", function () {
      body.classList.toggle("hide-" + box.getAttribute("data-layer"), !box.checked);
    });
  });
  var filter = document.getElementById("doc-filter");
  var count = document.getElementById("doc-count");
  if (filter) {
    var rows = Array.prototype.slice.call(document.querySelectorAll("#doc-table tbody tr"));
    var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
    filter.addEventListener("input", function () {
      var q = filter.value.trim().toLowerCase(), shown = 0;
      rows.forEach(function (r, i) {
        var hit = !q || texts[i].indexOf(q) !== -1;
        r.hidden = !hit;
        if (hit) { shown += 1; }
      });
      count.textContent = String(shown);
    });
  }
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) { return; }
    // Evidence links point at a span inside a collapsed document: open it, then scroll there.
    for (var p = el; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") { p.open = true; }
    }
    if (el.tagName !== "DETAILS") { el.scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
  function setAll(open) {
    document.querySelectorAll("details.doc").forEach(function (d) { d.open = open; });
  }
  var ex = document.getElementById("expand-all"), co = document.getElementById("collapse-all");
  if (ex) { ex.addEventListener("click", function () { setAll(true); }); }
  if (co) { co.addEventListener("click", function () { setAll(false); }); }
  // Tests read this to know the script ran, i.e. the CSP hash matches.
  document.documentElement.setAttribute("data-js", "ready");
})();
