/* The installable site, page side (the worker is made by Workbox at build time, scripts/pwa/).
   - registers sw.js once the page has loaded, never under file:// (the offline copy);
   - keeps the first page read before the worker existed, so it too opens offline;
   - says so when a new version of the site has taken over (Workbox's "controlling");
   - loads keep-offline.js on /downloads/ ("Keep this language offline").
   workbox-window (pinned in package.json) is loaded only after the load event, when idle. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !("caches" in window) || !/^https?:$/.test(location.protocol)) return;
  var script = document.currentScript;
  if (!script) return;
  var root = new URL("../../", script.src);
  var lang = document.documentElement.lang === "en" ? "en" : "vi";
  var TEXT = {
    vi: { updated: "Bộ công cụ đã có phiên bản mới.", reload: "Tải lại trang" },
    en: { updated: "The toolkit has been updated to a new version.", reload: "Reload the page" }
  }[lang];
  var PAGES = "wps-pages";

  function notice() {
    if (document.querySelector(".wps-update-notice")) return;
    var box = document.createElement("div");
    box.className = "wps-update-notice";
    box.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = TEXT.updated + " ";
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = TEXT.reload;
    button.addEventListener("click", function () { location.reload(); });
    box.appendChild(text);
    box.appendChild(button);
    document.body.appendChild(box);
  }

  function register() {
    var controlled = !!navigator.serviceWorker.controller;
    var wb = new window.workbox.Workbox(new URL("sw.js", root).href, { scope: root.pathname });
    wb.addEventListener("controlling", function (event) {
      if (event.isUpdate || controlled) notice();
    });
    wb.register()
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function () {
        if (document.querySelector(".wps-keep-offline")) {  // /downloads/ only: "Keep this language offline"
          var extra = document.createElement("script");
          extra.src = new URL("assets/javascripts/keep-offline.js", root).href;
          document.head.appendChild(extra);
        }
        // a page read before the worker existed: keep it too (later pages are kept by the worker)
        if (!controlled) return caches.open(PAGES).then(function (cache) { return cache.add(location.href.split("#")[0]); });
      })
      .catch(function () { /* no worker (a build without Node.js): the site works as before */ });
  }

  function start() {
    var loader = document.createElement("script");
    loader.src = new URL("assets/javascripts/workbox-window.prod.umd.js", root).href;
    loader.addEventListener("load", register);
    document.head.appendChild(loader);
  }

  function later() {  // after the load event, when the page is idle: the first visit stays light
    if ("requestIdleCallback" in window) window.requestIdleCallback(start, { timeout: 3000 });
    else setTimeout(start, 1000);
  }
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later);
})();
