/* alignqa report: filters, j/k navigation between findings, deep links. No dependencies.
   The page is complete without this script; it only adds the controls (the form starts hidden). */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var status = document.getElementById("nav-status");
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var beads = Array.prototype.slice.call(document.querySelectorAll("tbody.bead"));
  var docSection = document.getElementById("doc-findings");
  var current = null;

  function say(text) { if (status) status.textContent = text; }

  function checked(name) {
    var out = {};
    var boxes = form.querySelectorAll("input[name='" + name + "']");
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) out[boxes[i].value] = true;
    return out;
  }

  function visibleFindings() {
    return findings.filter(function (f) { return !f.hidden && !(f.parentNode && f.parentNode.hidden); });
  }

  function applyFilters() {
    var sev = checked("sev"), chk = checked("check");
    var only = form.elements.only.checked;
    findings.forEach(function (f) {
      f.hidden = !(sev[f.getAttribute("data-severity")] && chk[f.getAttribute("data-check")]);
    });
    beads.forEach(function (b) {
      b.hidden = only && !b.querySelector(".finding:not([hidden])");
    });
    if (docSection) docSection.hidden = !docSection.querySelector(".finding:not([hidden])");
    var n = visibleFindings().length;
    say(n + " of " + findings.length + " findings shown");
  }

  function describe(el, list) {
    var label = el.getAttribute("data-severity") + ", " + el.getAttribute("data-check");
    return "Finding " + (list.indexOf(el) + 1) + " of " + list.length + ": " + label;
  }

  function select(el, updateHash) {
    if (current) current.classList.remove("current");
    current = el;
    el.classList.add("current");
    el.focus({ preventScroll: true });
    // Scroll the whole bead (segments and finding) into view, not only the finding line.
    var bead = el.closest("tbody.bead") || el;
    bead.scrollIntoView({ block: bead.offsetHeight < window.innerHeight ? "center" : "start" });
    if (updateHash && window.history && history.replaceState) {
      try { history.replaceState(null, "", "#" + el.id); } catch (e) { /* some file:// setups */ }
    }
    say(describe(el, visibleFindings()));
  }

  function step(dir) {
    var list = visibleFindings();
    if (!list.length) { say("No findings shown"); return; }
    var next = null;
    var at = current ? list.indexOf(current) : -1;
    if (at >= 0) {
      next = list[at + dir] || null;
    } else if (current) {
      // The current finding was filtered out: continue from where it stands in the page.
      var after = Node.DOCUMENT_POSITION_FOLLOWING;
      for (var i = 0; i < list.length; i++) {
        var follows = current.compareDocumentPosition(list[i]) & after;
        if (dir > 0 && follows) { next = list[i]; break; }
        if (dir < 0 && !follows) next = list[i];
      }
    } else {
      next = dir > 0 ? list[0] : list[list.length - 1];
    }
    if (!next) { say(dir > 0 ? "Last finding reached" : "First finding reached"); return; }
    select(next, true);
  }

  function typing(t) {
    if (!t) return false;
    if (t.isContentEditable) return true;
    var tag = t.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT") return true;
    return tag === "INPUT" && !/^(checkbox|radio|button|submit|reset)$/.test(t.type);
  }

  function showAll() {
    var boxes = form.querySelectorAll("input[type=checkbox]");
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = boxes[i].name !== "only";
    applyFilters();
  }

  function fromHash() {
    var id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) { return; }
    var el = id && document.getElementById(id);
    if (!el || !el.classList.contains("finding")) return;
    if (form && visibleFindings().indexOf(el) < 0) showAll();
    select(el, false);
  }

  if (form) {
    form.hidden = false;
    document.getElementById("finding-nav").hidden = false;
    form.addEventListener("change", applyFilters);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    document.getElementById("next-finding").addEventListener("click", function () { step(1); });
    document.getElementById("prev-finding").addEventListener("click", function () { step(-1); });
    document.addEventListener("keydown", function (e) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (e.key === "j") { e.preventDefault(); step(1); }
      else if (e.key === "k") { e.preventDefault(); step(-1); }
    });
    applyFilters();
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
