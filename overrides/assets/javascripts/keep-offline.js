/* "Keep this language offline" on /downloads/ (loaded by pwa.js once the worker is registered):
   says the size first, shows progress, saves every page of the language (and the downloads
   only when the reader ticks the box) into the caches the Workbox worker reads from. */
(function () {
  "use strict";
  var box = document.querySelector(".wps-keep-offline");
  var script = document.currentScript;
  if (!box || !script || !("caches" in window)) return;
  var root = new URL("../../", script.src);
  var lang = document.documentElement.lang === "en" ? "en" : "vi";  /* the words below (another language: Vietnamese's) */
  var listLang = document.documentElement.lang || lang;  /* whose pages to keep: every language has its list */
  var TEXT = {
    vi: {
      size: function (n, size) { return n + " trang, dung lượng khoảng " + size; },
      downloads: function (n, size) { return "Lưu cả " + n + " tệp tải về (PDF, Word, ZIP), thêm " + size; },
      saving: function (i, n) { return "Đang lưu " + i + "/" + n + "…"; },
      done: function (n) { return "Đã lưu xong " + n + " mục; anh/chị có thể đọc khi không có mạng."; },
      failed: function (k) { return "Chưa lưu được " + k + " mục; anh/chị hãy thử lại khi có mạng."; },
      unavailable: "Không lấy được danh sách trang; anh/chị hãy thử lại khi có mạng."
    },
    en: {
      size: function (n, size) { return n + " pages, about " + size; },
      downloads: function (n, size) { return "Also keep the " + n + " downloads (PDF, Word, ZIP), " + size + " more"; },
      saving: function (i, n) { return "Saving " + i + " of " + n + "…"; },
      done: function (n) { return "Done: " + n + " items saved; you can read them without a connection."; },
      failed: function (k) { return k + " items could not be saved; please try again when online."; },
      unavailable: "The list of pages could not be fetched; please try again when online."
    }
  }[lang];
  var PAGES = "wps-pages", DOWNLOADS = "wps-downloads";

  function megabytes(bytes) {
    var text = bytes < 1048576 ? Math.max(1, Math.round(bytes / 1024)) + " KB" : (bytes / 1048576).toFixed(1) + " MB";
    return lang === "vi" ? text.replace(".", ",") : text;
  }

  function save(cacheName, urls, progress) {
    return caches.open(cacheName).then(function (cache) {
      var next = 0, failed = 0;
      function worker() {
        if (next >= urls.length) return Promise.resolve();
        var url = urls[next++];
        return fetch(url, { cache: "no-cache", credentials: "same-origin" })
          .then(function (response) {
            if (!response.ok) throw new Error(response.status);
            return cache.put(url, response);
          })
          .catch(function () { failed += 1; })
          .then(function () { progress(); return worker(); });
      }
      return Promise.all([worker(), worker(), worker()]).then(function () { return failed; });
    });
  }

  function keepOffline(box) {
    var button = box.querySelector("button");
    var size = box.querySelector(".wps-keep-size");
    var withDownloads = box.querySelector("input[type=checkbox]");
    var downloadsLabel = box.querySelector(".wps-keep-downloads");
    var bar = box.querySelector("progress");
    var status = box.querySelector(".wps-keep-status");
    fetch(new URL("pwa/offline-" + listLang + ".json", root).href, { cache: "no-cache" })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
      .then(function (list) {
        size.textContent = TEXT.size(list.pages.length, megabytes(list.bytes));
        downloadsLabel.textContent = TEXT.downloads(list.downloads.length, megabytes(list.download_bytes));
        box.hidden = false;
        button.addEventListener("click", function () {
          var pages = list.pages.map(function (p) { return new URL(p, root).href; });
          var files = withDownloads.checked ? list.downloads.map(function (p) { return new URL(p, root).href; }) : [];
          var total = pages.length + files.length, done = 0;
          button.disabled = true;
          box.removeAttribute("data-state");
          bar.hidden = false;
          bar.max = total;
          bar.value = 0;
          status.textContent = TEXT.saving(0, total);
          function progress() { done += 1; bar.value = done; status.textContent = TEXT.saving(done, total); }
          if (navigator.storage && navigator.storage.persist) navigator.storage.persist();
          save(PAGES, pages, progress)
            .then(function (failed) { return save(DOWNLOADS, files, progress).then(function (more) { return failed + more; }); })
            .then(function (failed) {
              status.textContent = failed ? TEXT.failed(failed) : TEXT.done(total);
              button.disabled = false;
              box.setAttribute("data-state", failed ? "failed" : "done");
            });
        });
      })
      .catch(function () { status.textContent = TEXT.unavailable; box.hidden = false; button.disabled = true; });
  }

  keepOffline(box);
})();
