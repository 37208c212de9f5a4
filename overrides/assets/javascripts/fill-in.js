/* WPS Localization Toolkit — fill-in mode of worksheets and the plan builder.
   Loaded only on those pages. Answers are kept on this device (localStorage, one entry per
   worksheet and language, with the worksheet's version key) and never sent anywhere.
   "Download my answers" fills the Word template made at build time by the same renderer as
   the blank download (scripts/wpskit/fill_assets.py); the zip library (fflate) and the
   template are loaded only on that click, as same-origin scripts (they work from file://). */
(function () {
  "use strict";
  var bar = document.querySelector(".wps-fill-bar[data-fill-id]");
  if (!bar) { return; }
  var here = (document.currentScript && document.currentScript.src) || "";
  var scriptBase = here.replace(/fill-in\.js(\?.*)?$/, "");
  var conf = {
    kind: bar.getAttribute("data-fill-kind"), id: bar.getAttribute("data-fill-id"),
    lang: bar.getAttribute("data-fill-lang"), version: bar.getAttribute("data-fill-version"),
    template: bar.getAttribute("data-fill-template"), file: bar.getAttribute("data-fill-file")
  };
  var text = JSON.parse(bar.getAttribute("data-fill-messages"));
  var FORMAT = "wps-toolkit-answers";
  var key = "wps-fill:" + conf.kind + ":" + conf.id + ":" + conf.lang;
  var statusBox = bar.querySelector(".wps-fill-status");
  var errorBox = bar.querySelector(".wps-fill-error");
  var orphansBox = bar.querySelector(".wps-fill-orphans");
  var state = { fields: {}, orphans: {} };
  var storageWorks = true;

  function say(message) { errorBox.textContent = ""; statusBox.textContent = message; }
  function warn(message) { statusBox.textContent = ""; errorBox.textContent = message; }
  function controls() { return Array.prototype.slice.call(document.querySelectorAll("[data-field]")); }
  function byField(field) {
    return controls().filter(function (c) { return c.getAttribute("data-field") === field; });
  }

  /* --- table rows ------------------------------------------------------ */
  function tableOf(id) { return document.querySelector('table[data-table="' + id + '"]'); }
  function rowsOf(id) { return Array.prototype.slice.call(tableOf(id).querySelectorAll("tr[data-row]")); }
  function addRow(id, number) {
    var rows = rowsOf(id);
    if (!number) {
      number = rows.reduce(function (max, r) { return Math.max(max, +r.getAttribute("data-row")); }, 0) + 1;
    }
    var template = document.querySelector('template[data-row-template="' + id + '"]');
    var holder = document.createElement("tbody");
    holder.innerHTML = template.innerHTML.replace(/__ROW__/g, String(number));
    var row = holder.firstElementChild;
    tableOf(id).tBodies[0].appendChild(row);
    return row;
  }
  function ensureRowFor(field) {
    var match = /^([^.]+)\.(\d+)\./.exec(field);
    if (match && tableOf(match[1]) && !byField(field).length) { addRow(match[1], +match[2]); }
  }

  /* --- reading and writing the fields ---------------------------------- */
  function collect() {
    var fields = {};
    controls().forEach(function (c) {
      var field = c.getAttribute("data-field");
      if (c.type === "radio") { if (c.checked) { fields[field] = c.value; } }
      else if (c.type === "checkbox") { if (c.checked) { fields[field] = true; } }
      else if (c.value !== "") { fields[field] = c.value; }
    });
    return fields;
  }
  function setControl(c, value) {
    if (c.type === "radio") { c.checked = String(value) === c.value; }
    else if (c.type === "checkbox") { c.checked = value === true || value === "true"; }
    else { c.value = value == null ? "" : String(value); grow(c); }
  }
  function apply(fields) {
    var orphans = {};
    controls().forEach(function (c) { setControl(c, c.tagName === "SELECT" ? c.value : ""); });
    Object.keys(fields).forEach(function (field) {
      ensureRowFor(field);
      var found = byField(field);
      if (!found.length) { orphans[field] = fields[field]; return; }
      found.forEach(function (c) { setControl(c, fields[field]); });
    });
    return orphans;
  }
  function showOrphans() {
    var list = orphansBox.querySelector("dl");
    list.textContent = "";
    var keys = Object.keys(state.orphans);
    keys.forEach(function (field) {
      var dt = document.createElement("dt"); dt.textContent = field;
      var dd = document.createElement("dd"); dd.textContent = String(state.orphans[field]);
      list.appendChild(dt); list.appendChild(dd);
    });
    orphansBox.hidden = !keys.length;
  }
  function record() {
    return { format: FORMAT, kind: conf.kind, id: conf.id, lang: conf.lang, version: conf.version,
             saved: new Date().toISOString(), fields: state.fields, orphans: state.orphans };
  }
  function store() {
    try { localStorage.setItem(key, JSON.stringify(record())); storageWorks = true; }
    catch (e) { if (storageWorks) { warn(text.fill_storage_off); } storageWorks = false; }
  }
  function changed() {
    state.fields = collect();
    store();
    if (storageWorks && statusBox.textContent !== text.fill_saved) { say(text.fill_saved); }
  }
  function grow(area) {
    if (area.tagName !== "TEXTAREA") { return; }
    area.style.height = "auto";
    area.style.height = Math.max(area.scrollHeight + 2, 0) + "px";
  }

  /* --- the plan builder's variant and example ---------------------------- */
  var variant = document.querySelector('select[data-field="variant"]');
  var defaults = variant ? JSON.parse(variant.getAttribute("data-variant-defaults")) : {};
  var changesLine = document.querySelector(".wps-variant-changes");
  var shownVariant = variant ? variant.value : null;
  function describeVariant() {
    if (variant && changesLine) { changesLine.textContent = (defaults[variant.value] || {}).changes || ""; }
  }
  function applyVariant(force) {
    var before = defaults[shownVariant] || {}, after = defaults[variant.value] || {};
    Object.keys(after).forEach(function (field) {
      if (field === "changes") { return; }
      byField(field).forEach(function (c) {
        if (force || c.value === "" || c.value === (before[field] || "")) { setControl(c, after[field]); }
      });
    });
    shownVariant = variant.value;
    describeVariant();
  }

  /* --- files ------------------------------------------------------------ */
  function download(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }
  function openFile(file) {
    var reader = new FileReader();
    reader.addEventListener("load", function () {
      var data;
      try { data = JSON.parse(String(reader.result)); } catch (e) { data = null; }
      if (!data || data.format !== FORMAT || typeof data.fields !== "object" || data.fields === null) {
        warn(text.fill_broken_file); return;
      }
      if (data.kind !== conf.kind || data.id !== conf.id) {
        warn(text.fill_foreign_file.replace("{other}", String(data.id))); return;
      }
      if (data.version !== conf.version) {
        warn(text.fill_other_version.replace("{other}", String(data.version))); return;
      }
      var orphans = apply(data.fields);
      state.orphans = Object.assign({}, data.orphans || {}, orphans);
      shownVariant = variant ? variant.value : null;
      describeVariant();
      state.fields = collect();
      store(); showOrphans();
      say(text.fill_opened);
    });
    reader.addEventListener("error", function () { warn(text.fill_broken_file); });
    reader.readAsText(file);
  }

  var loaded = {};
  function loadScript(src) {
    if (!loaded[src]) {
      loaded[src] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.addEventListener("load", resolve);
        script.addEventListener("error", function () { delete loaded[src]; reject(new Error(src)); });
        document.head.appendChild(script);
      });
    }
    return loaded[src];
  }

  /* --- the Word file: the template's placeholders replaced by the answers -- */
  var W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  var MARK = /\{\{([a-z]):([^}]*)\}\}/g;
  function valueOf(field) {
    var value = state.fields[field];
    if (value === true) {
      var box = byField(field)[0];
      return (box && box.getAttribute("data-docx-text")) || "";
    }
    return value == null ? "" : String(value);
  }
  function writeText(node, value) {
    var parts = value.split("\n");
    node.textContent = parts[0];
    node.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:space", "preserve");
    var after = node;
    for (var i = 1; i < parts.length; i++) {
      var br = node.ownerDocument.createElementNS(W, "w:br");
      var t = node.ownerDocument.createElementNS(W, "w:t");
      t.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:space", "preserve");
      t.textContent = parts[i];
      after.parentNode.insertBefore(br, after.nextSibling);
      br.parentNode.insertBefore(t, br.nextSibling);
      after = t;
    }
  }
  function texts(node) { return Array.prototype.slice.call(node.getElementsByTagNameNS(W, "t")); }
  function replaceIn(node, lookup) {
    texts(node).forEach(function (t) {
      if (t.textContent.indexOf("{{") < 0) { return; }
      writeText(t, t.textContent.replace(MARK, function (all, kind, field) { return lookup(kind, field); }));
    });
  }
  function closest(node, name) {
    while (node && !(node.namespaceURI === W && node.localName === name)) { node = node.parentNode; }
    return node;
  }
  function answeredRows(id) {
    return rowsOf(id).map(function (r) { return r.getAttribute("data-row"); }).filter(function (n) {
      return Object.keys(state.fields).some(function (f) { return f.indexOf(id + "." + n + ".") === 0; });
    });
  }
  function fillDocument(xml) {
    var doc = new DOMParser().parseFromString(xml, "application/xml");
    var rows = Array.prototype.slice.call(doc.getElementsByTagNameNS(W, "tr")).filter(function (tr) {
      return tr.textContent.indexOf("{{r:") >= 0;
    });
    rows.forEach(function (tr) {
      var id = /\{\{r:([^.}]+)/.exec(tr.textContent)[1];
      var numbers = answeredRows(id);
      (numbers.length ? numbers : [null]).forEach(function (number, index) {
        var copy = tr.cloneNode(true);
        replaceIn(copy, function (kind, field) {
          if (field === id + ".#") { return number === null ? "" : String(index + 1); }
          return number === null ? "" : valueOf(field.replace(".#.", "." + number + "."));
        });
        tr.parentNode.insertBefore(copy, tr);
      });
      tr.parentNode.removeChild(tr);
    });
    texts(doc).forEach(function (t) {
      var match = /\{\{([lo]):([^}]*)\}\}/.exec(t.textContent);
      if (!match) { return; }
      var paragraph = closest(t, "p");
      var value = valueOf(match[2]);
      var lines = match[1] === "l" ? value.split("\n").filter(function (l) { return l.trim(); }) : (value ? [value] : []);
      lines.forEach(function (line) {
        var copy = paragraph.cloneNode(true);
        replaceIn(copy, function (kind, field) { return field === match[2] ? line : ""; });
        paragraph.parentNode.insertBefore(copy, paragraph);
      });
      paragraph.parentNode.removeChild(paragraph);
    });
    replaceIn(doc, function (kind, field) {
      if (kind === "c") {
        var parts = field.split("=");
        return valueOf(parts[0]) === parts[1] ? "\u2612" : "\u2610";
      }
      return valueOf(field);
    });
    var out = new XMLSerializer().serializeToString(doc);
    return out.indexOf("<?xml") === 0 ? out : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + out;
  }
  function makeWord() {
    var name = conf.id + ":" + conf.lang;
    return Promise.all([loadScript(scriptBase + "vendor/fflate/fflate.js"), loadScript(conf.template)]).then(function () {
      var binary = atob(window.wpsFillTemplates[name]);
      var bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
      var files = window.fflate.unzipSync(bytes);
      var xml = window.fflate.strFromU8(files["word/document.xml"]);
      files["word/document.xml"] = window.fflate.strToU8(fillDocument(xml));
      return new Blob([window.fflate.zipSync(files, { level: 6 })], {
        type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
    });
  }

  /* --- wiring ------------------------------------------------------------ */
  var actions = {
    "download-docx": function () {
      state.fields = collect();
      makeWord().then(function (blob) { download(blob, conf.file + ".docx"); say(text.fill_downloaded); },
                      function () { warn(text.fill_download_failed); });
    },
    "print": function () { controls().forEach(grow); window.print(); },
    "save-file": function () {
      state.fields = collect();
      download(new Blob([JSON.stringify(record(), null, 2)], { type: "application/json" }), conf.file + ".json");
    },
    "open-file": function () { bar.querySelector(".wps-fill-file").click(); },
    "clear": function () {
      if (!window.confirm(text.fill_confirm_clear)) { return; }
      apply({});
      state.orphans = {};
      if (variant) { applyVariant(true); }
      state.fields = collect();
      store(); showOrphans();
      say(text.fill_cleared);
    },
    "start-example": function () {
      var source = document.getElementById("wps-plan-example");
      var now = collect(), preset = defaults[variant.value] || {};
      var typed = Object.keys(now).some(function (f) { return f !== "variant" && now[f] !== preset[f]; });
      if (typed && !window.confirm(text.fill_confirm_example)) { return; }
      apply(JSON.parse(source.textContent));
      shownVariant = variant.value;
      describeVariant();
      state.fields = collect();
      store();
      say(text.fill_example_loaded);
    }
  };
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-action], [data-row-action]");
    if (!button) { return; }
    var action = button.getAttribute("data-action");
    if (action && actions[action]) { actions[action](); return; }
    if (button.getAttribute("data-row-action") === "add") {
      var row = addRow(button.getAttribute("data-table"));
      row.querySelector("[data-field]").focus();
    } else if (button.getAttribute("data-row-action") === "from-bank") {
      var pick = button.parentNode.querySelector("select");
      if (!pick.value) { warn(text.fill_pick_first); pick.focus(); return; }
      var id = button.getAttribute("data-table"), selector = '[data-field$=".' + button.getAttribute("data-column") + '"]';
      var cell = rowsOf(id).map(function (r) { return r.querySelector(selector); })
        .filter(function (c) { return c && !c.value; })[0] || addRow(id).querySelector(selector);
      cell.value = pick.value;
      grow(cell);
      changed();
      say(text.fill_indicator_added);
      cell.focus();
    } else if (button.getAttribute("data-row-action") === "remove") {
      var tr = button.closest("tr");
      var table = tr.closest("table");
      var next = tr.nextElementSibling || tr.previousElementSibling;
      tr.parentNode.removeChild(tr);
      changed();
      var target = next && next.querySelector("[data-field]");
      (target || table.closest(".wps-answers-block").querySelector(".wps-add-row")).focus();
    }
  });
  document.addEventListener("input", function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute("data-field")) { grow(event.target); changed(); }
  });
  document.addEventListener("change", function (event) {
    if (!(event.target.hasAttribute && event.target.hasAttribute("data-field"))) { return; }
    if (event.target === variant) { applyVariant(false); }
    changed();
  });
  bar.querySelector(".wps-fill-file").addEventListener("change", function (event) {
    if (event.target.files && event.target.files[0]) { openFile(event.target.files[0]); }
    event.target.value = "";
  });
  window.addEventListener("beforeprint", function () { controls().forEach(grow); });

  /* --- start: what this device kept ------------------------------------ */
  var saved = null;
  try { saved = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { saved = null; }
  if (saved && saved.format === FORMAT && saved.fields) {
    var orphans = apply(saved.fields);
    state.orphans = Object.assign({}, saved.orphans || {}, orphans);
    shownVariant = variant ? variant.value : null;
  } else if (variant) {
    applyVariant(true);
  }
  state.fields = collect();
  if (saved && (saved.version !== conf.version || Object.keys(state.orphans).length)) { store(); }
  describeVariant();
  showOrphans();
  bar.hidden = false;
})();
