"""The installable site in real Chromium: manifest and icons, the Workbox worker, reading
offline, "Keep this language offline", the notice of a new version, nothing under file://."""

import contextlib
import json
import shutil
import struct
from urllib.request import urlopen

import pytest

from conftest import ROOT, serve
from wpskit import pwa

TIMEOUT = 60_000
# predicates as functions: the site's Content-Security-Policy forbids eval, which a bare
# expression string would need
CONTROLLED = "() => navigator.serviceWorker.controller !== null"


def cached(cache_name: str) -> str:
    return f"() => caches.open('{cache_name}').then(c => c.match(location.href.split('#')[0])).then(r => !!r)"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 412, "height": 860})
    yield context
    context.close()


@pytest.mark.parametrize("lang,home", [("vi", ""), ("en", "en/")])
def test_install_criteria_manifest_icons_and_a_worker_controlling_the_page(context, base_url, lang, home):
    page = context.new_page()
    page.goto(base_url + home + "modules/03-localization/")
    href = page.eval_on_selector('link[rel="manifest"]', "l => l.href")
    assert href == base_url + home + "manifest.webmanifest"
    manifest = json.loads(urlopen(href).read())
    assert manifest["lang"] == lang and manifest["start_url"] == "./" and manifest["scope"] == "./"
    assert manifest["display"] == "standalone" and manifest["theme_color"].startswith("#")
    assert manifest["name"] and 0 < len(manifest["short_name"]) <= 20
    sizes = {}
    for icon in manifest["icons"]:
        data = urlopen(base_url + home + icon["src"]).read()
        assert png_size(data) == tuple(int(n) for n in icon["sizes"].split("x"))
        sizes.setdefault(icon["purpose"], set()).add(icon["sizes"])
    assert {"192x192", "512x512"} <= sizes["any"] and "512x512" in sizes["maskable"]
    page.wait_for_function(CONTROLLED, timeout=TIMEOUT)
    script = page.evaluate("navigator.serviceWorker.controller.scriptURL")
    assert script == base_url + "sw.js"
    assert page.evaluate("document.querySelector('link[rel=manifest]') && navigator.serviceWorker.controller.state") == "activated"


def test_a_read_page_reloads_offline_and_a_kept_language_opens_offline(context, base_url):
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((base_url, "data:")) else None)
    page.goto(base_url + "modules/03-localization/")
    title = page.inner_text("h1")
    page.wait_for_function(CONTROLLED, timeout=TIMEOUT)
    page.wait_for_function(cached("wps-pages"), timeout=TIMEOUT)
    context.set_offline(True)
    page.reload()
    assert page.inner_text("h1") == title

    context.set_offline(False)
    page.goto(base_url + "en/downloads/")
    box = page.locator(".wps-keep-offline")
    box.wait_for(state="visible", timeout=TIMEOUT)
    listing = json.loads((ROOT / "site" / "pwa" / "offline-en.json").read_text(encoding="utf-8"))
    assert f"{len(listing['pages'])} pages, about" in box.inner_text()  # the size, before anything starts
    assert not box.locator("input[type=checkbox]").is_checked()  # downloads only when asked
    box.locator("button").click()
    page.wait_for_selector(".wps-keep-offline[data-state=done]", timeout=TIMEOUT * 2)
    assert page.eval_on_selector(".wps-keep-offline progress", "p => [p.value, p.max]") == [len(listing["pages"])] * 2
    assert page.evaluate("caches.open('wps-downloads').then(c => c.keys()).then(k => k.length)") == 0
    box.locator("input[type=checkbox]").check()  # now the reader asks for the downloads too
    box.locator("button").click()
    page.wait_for_selector(".wps-keep-offline[data-state=done]", timeout=TIMEOUT * 2)
    kept = page.evaluate("caches.open('wps-downloads').then(c => c.keys()).then(k => k.map(r => r.url))")
    assert sorted(kept) == sorted(base_url + p for p in listing["downloads"])

    context.set_offline(True)
    never_read = "en/modules/06-results-indicators/"
    page.goto(base_url + never_read)
    assert page.inner_text("h1") == "Results and indicators"
    page.goto(base_url + "en/glossary/")
    assert page.locator("h1").count() == 1
    fetched = "url => fetch(url).then(r => r.ok, () => false)"
    assert page.evaluate(fetched, base_url + listing["downloads"][0])  # kept on request
    assert not page.evaluate(fetched, base_url + listing["downloads"][0].replace("/en/", "/vi/"))  # not kept
    assert not outside, outside


@contextlib.contextmanager
def _published_site(browser, tmp_path):
    """A copy of the built site (without downloads) served over http, as a host publishes it,
    and a phone-sized browser context: (its folder, its URL, the context)."""
    published = tmp_path / "site"
    shutil.copytree(ROOT / "site", published, ignore=shutil.ignore_patterns("downloads"))
    server = serve(published)
    context = browser.new_context(viewport={"width": 412, "height": 860})
    try:
        yield published, f"http://127.0.0.1:{server.server_address[1]}/", context
    finally:
        context.close()
        server.shutdown()


def test_a_new_version_replaces_the_old_cache_with_a_notice(browser, tmp_path):
    with _published_site(browser, tmp_path) as (published, base, context):
        page = context.new_page()
        page.goto(base + "en/")
        page.wait_for_function(CONTROLLED, timeout=TIMEOUT)
        assert page.locator(".wps-update-notice").count() == 0

        # the second build: a changed stylesheet and page, and the worker made again from them
        stylesheet = published / "assets" / "stylesheets" / "toolkit.css"
        stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n/* second build */\n", encoding="utf-8")
        home = published / "en" / "index.html"
        home.write_text(home.read_text(encoding="utf-8").replace("</h1>", " (2)</h1>", 1), encoding="utf-8")
        assert "precached" in pwa.write_service_worker(published)

        page.goto(base + "en/")
        notice = page.locator(".wps-update-notice")
        notice.wait_for(state="visible", timeout=TIMEOUT)
        assert notice.get_attribute("role") == "status" and "updated" in notice.inner_text()
        # the old precache entries go once the new worker has activated (a moment after it took over)
        page.wait_for_function("""() => caches.keys().then(names => Promise.all(names.map(n => caches.open(n)
            .then(c => c.keys().then(keys => Promise.all(keys.filter(k => k.url.includes('toolkit.css'))
            .map(k => c.match(k).then(r => r.text())))))))).then(l => l.flat())
            .then(texts => texts.length > 0 && texts.every(t => t.includes('second build')))""", timeout=TIMEOUT)
        notice.locator("button").click()
        page.wait_for_load_state()
        context.set_offline(True)
        page.reload()
        assert page.inner_text("h1").endswith("(2)")


def test_the_file_copy_registers_no_worker(browser):
    bundle = ROOT / "dist" / "wps-toolkit"
    assert (bundle / "index.html").exists(), "run `make build` (it makes the offline copy) first"
    assert not (bundle / "sw.js").exists() and not (bundle / "manifest.webmanifest").exists()
    assert 'rel="manifest"' not in (bundle / "index.html").read_text(encoding="utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        requests, errors = [], []
        page.on("request", lambda r: requests.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((bundle / "downloads" / "index.html").as_uri(), wait_until="load")
        page.wait_for_timeout(1500)
        assert not any("workbox" in url or url.endswith("sw.js") for url in requests)
        assert not errors
        assert page.locator(".wps-keep-offline").count() == 0
    finally:
        context.close()


def test_without_node_the_site_is_built_without_a_worker_and_says_so(tmp_path, monkeypatch):
    (tmp_path / "sw.js").write_text("old worker")
    monkeypatch.setattr(pwa.shutil, "which", lambda name: None)
    said = pwa.write_service_worker(tmp_path)
    assert said.startswith("NOTICE") and "without its service worker" in said
    assert not (tmp_path / "sw.js").exists()


def test_a_broken_update_keeps_the_old_version_working(browser, tmp_path):
    """A second build published half-way (a file of its app shell missing): Workbox's install
    fails, the old worker and its cache stay, and the reader still gets a styled page."""
    with _published_site(browser, tmp_path) as (published, base, context):
        page = context.new_page()
        page.goto(base + "modules/03-localization/")
        page.wait_for_function(CONTROLLED, timeout=TIMEOUT)
        page.wait_for_function(cached("wps-pages"), timeout=TIMEOUT)
        stylesheet = published / "assets" / "stylesheets" / "toolkit.css"
        stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n/* second build */\n", encoding="utf-8")
        assert "precached" in pwa.write_service_worker(published)
        stylesheet.unlink()  # the upload stopped before this file

        page.goto(base + "modules/03-localization/")
        page.wait_for_function("""() => navigator.serviceWorker.getRegistration().then(r => r && !r.installing)""", timeout=TIMEOUT)
        page.reload()
        assert page.locator(".wps-update-notice").count() == 0
        assert page.inner_text("h1")
        styled = "getComputedStyle(document.querySelector('.md-header')).backgroundColor"
        assert page.evaluate(styled) == "rgb(91, 42, 134)"  # the toolkit's colour: toolkit.css came from the old cache
        context.set_offline(True)
        page.reload()
        assert page.inner_text("h1") and page.evaluate(styled) == "rgb(91, 42, 134)"
        for never_read, lang in (("about/", "vi"), ("en/about/", "en")):  # no blank page: the home page of its language
            page.goto(base + never_read)
            assert page.evaluate("document.documentElement.lang") == lang and page.locator("h1").count() == 1
