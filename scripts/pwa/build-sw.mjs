// The service worker of the published site, made by Workbox (workbox-build, pinned in
// package.json) after MkDocs has written the site: `node scripts/pwa/build-sw.mjs <site dir>`.
// Called by scripts/wpskit/pwa.py; the caching rules are Workbox's own strategies, no
// hand-written fetch handler. Writes sw.js, its Workbox runtime (workbox-<hash>.js) and
// assets/javascripts/workbox-window.prod.umd.js (the page side, loaded by pwa.js).
import { copyFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { generateSW } from "workbox-build";

const site = process.argv[2];
if (!site) {
  console.error("usage: node scripts/pwa/build-sw.mjs <site dir>");
  process.exit(2);
}
const require = createRequire(import.meta.url);
copyFileSync(require.resolve("workbox-window/build/workbox-window.prod.umd.js"),
             join(site, "assets/javascripts/workbox-window.prod.umd.js"));

const { count, size, warnings } = await generateSW({
  globDirectory: site,
  swDest: join(site, "sw.js"),
  // the app shell: styles, scripts (with the two Lunr files the search uses, not the other
  // languages Lunr ships), icons, both home pages and manifests
  globPatterns: ["assets/stylesheets/**/*.css", "assets/javascripts/*.js", "assets/javascripts/workers/*.js",
                 "assets/javascripts/lunr/min/lunr.{stemmer.support,vi}.min.js",
                 "assets/images/**/*.{svg,png}", "index.html", "en/index.html", "manifest.webmanifest", "en/manifest.webmanifest"],
  globIgnores: ["**/*.map"],
  cacheId: "wps",
  skipWaiting: true,       // a new version takes over on the next visit…
  clientsClaim: true,
  cleanupOutdatedCaches: true,   // …and the old precache is dropped
  inlineWorkboxRuntime: false,   // the runtime is a file of the site: no request to another host
  sourcemap: false,
  navigateFallback: null,
  runtimeCaching: [
    {
      // pages: the network first (the newest text), the copy last read when offline;
      // a page never read and not kept offline falls back to the precached home page of its language
      urlPattern: ({ request, url, sameOrigin }) => sameOrigin && request.mode === "navigate" && url.pathname.includes("/en/"),
      handler: "NetworkFirst",
      options: { cacheName: "wps-pages", networkTimeoutSeconds: 6, precacheFallback: { fallbackURL: "en/index.html" } },
    },
    {
      urlPattern: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate",
      handler: "NetworkFirst",
      options: { cacheName: "wps-pages", networkTimeoutSeconds: 6, precacheFallback: { fallbackURL: "index.html" } },
    },
    {
      urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.endsWith("/search_index.json"),
      handler: "StaleWhileRevalidate",
      options: { cacheName: "wps-pages" },
    },
    {
      // downloads (PDF, Word, ZIP): served from the cache only when the reader kept them
      // (pwa.js stores them there); never stored on their own (no status is cacheable)
      urlPattern: ({ url, sameOrigin }) => sameOrigin && /\.(pdf|docx|zip)$/.test(url.pathname),
      handler: "CacheFirst",
      options: { cacheName: "wps-downloads", cacheableResponse: { statuses: [599] } },
    },
    {
      urlPattern: ({ request, sameOrigin }) => sameOrigin && ["style", "script", "image", "font"].includes(request.destination),
      handler: "StaleWhileRevalidate",
      options: { cacheName: "wps-assets" },
    },
  ],
});
for (const warning of warnings) console.error(`workbox: ${warning}`);
console.log(`sw.js: ${count} files precached (${Math.round(size / 1024)} KB)`);
