/* Runs inside the hidden frame that stands in for the search Web Worker when the offline copy
   is opened from file:// (shim.js). It gives the frame what a worker has: postMessage to its
   page, importScripts, and errors reported to the page. It replaces the inline script that
   iframe-worker 1.0.4 writes into the frame, which the Content-Security-Policy would block
   (its text holds the worker's address, so no hash can be known in advance). */
(function () {
  "use strict";
  var workerUrl = window.name;
  // Material's search worker finds its own address as the frame's first script[src]: leave it that
  document.currentScript.remove();
  window.postMessage = function (message, origin) { parent.postMessage(message, origin || "*"); };
  window.importScripts = function () {
    var urls = Array.prototype.slice.call(arguments);
    return urls.reduce(function (chain, url) {
      return chain.then(function () {
        return new Promise(function (resolve) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = resolve;
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  };
  addEventListener("error", function (event) {
    parent.dispatchEvent(new ErrorEvent("error", { filename: workerUrl, error: event.error }));
  });
})();
