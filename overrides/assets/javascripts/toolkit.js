/* WPS Localization Toolkit — small behaviours, no dependencies.
   1. Checklists: ticks are kept on this device (localStorage), with a progress line and a reset.
   2. Search: a query typed in decomposed Unicode (NFD) is normalised to NFC, like the index.
   3. Wide tables that scroll sideways can be reached and scrolled with the keyboard.
   4. Abbreviations: a tap (phones have no hover) spells out the full term after it. */
(function () {
  "use strict";

  function storageKey(id) { return "wps-checklist:" + id; }

  function load(id) {
    // only a plain object of ticks is used; anything else stored there (null, 42, "abc", [1,2],
    // broken JSON) starts an empty list, which the next tick overwrites
    var state;
    try { state = JSON.parse(localStorage.getItem(storageKey(id)) || "{}"); } catch (e) { return {}; }
    return Object.prototype.toString.call(state) === "[object Object]" ? state : {};
  }

  function save(id, state) {
    try { localStorage.setItem(storageKey(id), JSON.stringify(state)); } catch (e) { /* private mode: ticks stay for this visit */ }
  }

  function setupChecklist(bar) {
    var id = bar.getAttribute("data-checklist");
    var boxes = Array.prototype.slice.call(document.querySelectorAll("input[type=checkbox][data-key]"));
    var progress = bar.querySelector(".wps-progress");
    var state = load(id);

    function update() {
      var done = boxes.filter(function (b) { return b.checked; }).length;
      progress.textContent = progress.getAttribute("data-template")
        .replace("{done}", done).replace("{total}", boxes.length);
    }

    boxes.forEach(function (box) {
      box.checked = !!state[box.getAttribute("data-key")];
      box.addEventListener("change", function () {
        state[box.getAttribute("data-key")] = box.checked;
        if (!box.checked) { delete state[box.getAttribute("data-key")]; }
        save(id, state);
        update();
      });
    });
    bar.querySelector(".wps-reset").addEventListener("click", function () {
      boxes.forEach(function (b) { b.checked = false; });
      state = {};
      save(id, state);
      update();
    });
    update();
  }

  function normaliseSearch() {
    var input = document.querySelector("input.md-search__input");
    if (!input || !String.prototype.normalize) { return; }
    input.addEventListener("input", function () {
      var nfc = input.value.normalize("NFC");
      if (nfc !== input.value) { input.value = nfc; }
    }, true);
  }

  function focusableScrollAreas() {
    var areas = document.querySelectorAll(".md-typeset__scrollwrap, .wps-table-wrap");
    Array.prototype.forEach.call(areas, function (area) {
      if (area.scrollWidth > area.clientWidth + 1) {
        area.setAttribute("tabindex", "0");
        area.setAttribute("role", "region");
        var table = area.querySelector("table");
        var caption = table && table.querySelector("caption, th");
        area.setAttribute("aria-label", caption ? caption.textContent.trim() : "table");
      } else if (area.getAttribute("tabindex") === "0") {
        area.removeAttribute("tabindex");
        area.removeAttribute("role");
        area.removeAttribute("aria-label");
      }
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".wps-checklist-bar[data-checklist]"), setupChecklist);
    normaliseSearch();
  }

  function spellOutAbbreviations() {
    document.addEventListener("click", function (event) {
      var abbr = event.target.closest && event.target.closest(".md-typeset abbr[title]");
      if (abbr) { abbr.classList.toggle("wps-abbr-open"); }
    });
  }

  spellOutAbbreviations();
  window.addEventListener("load", focusableScrollAreas);
  window.addEventListener("resize", function () {
    clearTimeout(focusableScrollAreas.timer);
    focusableScrollAreas.timer = setTimeout(focusableScrollAreas, 200);
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
