/* Load the search index only when the reader turns to search (focus, click, shortcut),
   so a first visit on a phone does not download it. Runs before Material's bundle. */
(function () {
  "use strict";
  var proto = XMLHttpRequest.prototype, open = proto.open, send = proto.send;
  var waiting = [], ready = false;
  function release() {
    if (ready) { return; }
    ready = true;
    waiting.forEach(function (call) { send.apply(call[0], call[1]); });
    waiting = [];
  }
  proto.open = function (method, url) {
    this.wpsLazy = /search\/search_index\.json(\?|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  proto.send = function () {
    if (this.wpsLazy && !ready) { waiting.push([this, arguments]); return; }
    return send.apply(this, arguments);
  };
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) { release(); }
  }, true);
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest('label[for="__search"], .md-search')) { release(); }
  }, true);
  document.addEventListener("keydown", function (event) {
    if (["/", "s", "S", "f", "F"].indexOf(event.key) !== -1) { release(); }
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") { release(); }
  }, true);
  if (/[?&]q=/.test(location.search)) { release(); }
})();
