/* WPS Localization Toolkit — the indicator bank's filters (loaded by /indicators/ only).
   Each row of the table carries its facets (data-pillar, data-objectives, …); a row that does
   not match every chosen facet and every word typed gets the `hidden` attribute. Words are
   compared folded (no accents, đ → d, lower case), so "ty le nu" finds "Tỷ lệ nữ".
   The filters live in the address (?pillar=…&text=…), so a filtered view can be shared;
   "text" rather than "q", which Material's search would take for itself. */
(function () {
  "use strict";

  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  function setup(bank) {
    var form = bank.querySelector(".wps-bank-filters");
    var controls = Array.prototype.slice.call(form.querySelectorAll("[data-filter]"));
    var rows = Array.prototype.slice.call(bank.querySelectorAll("tr[data-indicator]"));
    var count = bank.querySelector(".wps-bank-count");
    var empty = bank.querySelector(".wps-bank-empty");
    var haystacks = rows.map(function (row) {
      return fold(row.textContent + " " + (row.getAttribute("data-search") || "")).replace(/\s+/g, " ");
    });

    function matches(row, index) {
      return controls.every(function (control) {
        var value = control.value.trim();
        if (!value) { return true; }
        if (control.getAttribute("data-filter") === "text") {
          return fold(value).split(/\s+/).every(function (word) { return haystacks[index].indexOf(word) !== -1; });
        }
        var own = (row.getAttribute("data-" + control.getAttribute("data-match")) || "").split(" ");
        return own.indexOf(value) !== -1;
      });
    }

    function remember() {
      var params = [];
      controls.forEach(function (control) {
        if (control.value.trim()) {
          params.push(encodeURIComponent(control.name) + "=" + encodeURIComponent(control.value.trim()));
        }
      });
      var address = location.pathname + (params.length ? "?" + params.join("&") : "") + location.hash;
      try { history.replaceState(history.state, "", address); } catch (e) { /* some file:// browsers refuse: the view still filters */ }
    }

    function apply(save) {
      var shown = 0;
      rows.forEach(function (row, index) {
        var visible = matches(row, index);
        if (visible) { shown += 1; row.removeAttribute("hidden"); } else { row.setAttribute("hidden", ""); }
      });
      count.textContent = count.getAttribute("data-template")
        .replace("{shown}", shown).replace("{total}", rows.length);
      empty.hidden = shown !== 0;
      if (save) { remember(); }
    }

    function restore() {
      var params = {};
      location.search.replace(/^\?/, "").split("&").forEach(function (pair) {
        if (!pair) { return; }
        var cut = pair.indexOf("=");
        var name = cut === -1 ? pair : pair.slice(0, cut), value = cut === -1 ? "" : pair.slice(cut + 1);
        try { params[decodeURIComponent(name)] = decodeURIComponent(value.replace(/\+/g, " ")); } catch (e) { /* ignore a broken pair */ }
      });
      controls.forEach(function (control) {
        var value = params[control.name];
        if (value === undefined) { return; }
        if (control.tagName === "SELECT" && !Array.prototype.some.call(control.options, function (o) { return o.value === value; })) {
          return;
        }
        control.value = value;
      });
    }

    form.addEventListener("input", function () { apply(true); });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    restore();
    form.hidden = false;
    apply(false);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-bank]"), setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
