"""Every built page in headless Chromium: nothing from another host, no console error,
and no serious or critical accessibility violation (axe-core)."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import SITE, built_pages

PAGES = [(lang, slug) for lang, slug, _ in built_pages(SITE)] if SITE.exists() else []
AXE = Axe()


def url_of(base_url, lang, slug):
    return base_url + ("en/" if lang == "en" else "") + slug.removesuffix("index.html")


@pytest.mark.parametrize("lang,slug", PAGES, ids=[f"{l}/{s}" for l, s in PAGES])
def test_page_in_chromium(page, base_url, lang, slug):
    host = urlsplit(base_url).netloc
    foreign, errors = [], []
    page.on("request", lambda request: foreign.append(request.url)
            if urlsplit(request.url).scheme in ("http", "https") and urlsplit(request.url).netloc != host else None)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(url_of(base_url, lang, slug), wait_until="networkidle")
    assert response.ok
    assert page.evaluate("document.documentElement.lang") == lang
    assert not foreign, f"requests to other hosts: {foreign}"
    assert not errors, f"console errors: {errors}"
    results = AXE.run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(f'{v["id"]} ({v["impact"]}): {v["help"]} — {[n["target"] for n in v["nodes"][:3]]}'
                                  for v in serious)
