"""Every page of the site in headless Chromium: nothing from another host, no console error,
and no serious or critical accessibility violation (axe-core).

The list of pages comes from the sources (docs/ and the toolkit's data), so it is the same
on a fresh clone without site/ as after a build. The pages are visited a few at a time, each
in a fresh browser context of one Chromium, and each page stays a test of its own."""

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.async_playwright import Axe

from conftest import CHROMIUM, CHROMIUM_ARGS, source_pages

PAGES = source_pages()
AXE = Axe()
AT_ONCE = int(os.environ.get("WPS_BROWSER_PAGES_AT_ONCE", "3"))


def url_of(base_url, lang, slug):
    return base_url + ("en/" if lang == "en" else "") + slug.removesuffix("index.html")


async def visit(browser, base_url, lang, slug) -> dict:
    """What a reader's browser meets on one page, in a context of its own (no storage,
    no service worker carried over from another page)."""
    host = urlsplit(base_url).netloc
    found = {"foreign": [], "errors": []}
    context = await browser.new_context(viewport={"width": 412, "height": 860})
    try:
        page = await context.new_page()
        page.on("request", lambda request: found["foreign"].append(request.url)
                if urlsplit(request.url).scheme in ("http", "https") and urlsplit(request.url).netloc != host else None)
        page.on("console", lambda message: found["errors"].append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: found["errors"].append(str(error)))
        response = await page.goto(url_of(base_url, lang, slug), wait_until="networkidle")
        found["status"] = response.status if response else None
        found["lang"] = await page.evaluate("document.documentElement.lang")
        results = await AXE.run(page)
        found["serious"] = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    except Exception as error:  # reported by the page's own test, not by the others
        found["failure"] = f"{type(error).__name__}: {error}"
    finally:
        await context.close()
    return found


async def visit_all(base_url, pages) -> dict:
    from playwright.async_api import async_playwright

    results, queue = {}, list(pages)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        async def worker():
            while queue:
                lang, slug = queue.pop(0)
                results[lang, slug] = await visit(browser, base_url, lang, slug)

        await asyncio.gather(*(worker() for _ in range(AT_ONCE)))
        await browser.close()
    return results


@pytest.fixture(scope="module")
def visited(request, browser, base_url):
    """The selected pages, visited once, a few at a time (Playwright's async API, in a thread
    of its own: the session's synchronous browser keeps the main thread)."""
    wanted = [tuple(item.callspec.params[name] for name in ("lang", "slug"))
              for item in request.session.items
              if item.originalname == "test_page_in_chromium" and item.module.__name__ == __name__]
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, visit_all(base_url, wanted)).result()


@pytest.mark.parametrize("lang,slug", PAGES, ids=[f"{l}/{s}" for l, s in PAGES])
def test_page_in_chromium(visited, lang, slug):
    found = visited[lang, slug]
    assert "failure" not in found, found["failure"]
    assert found["status"] and 200 <= found["status"] < 300, f"HTTP {found['status']}"
    assert found["lang"] == lang
    assert not found["foreign"], f"requests to other hosts: {found['foreign']}"
    assert not found["errors"], f"console errors: {found['errors']}"
    serious = found["serious"]
    assert not serious, "\n".join(f'{v["id"]} ({v["impact"]}): {v["help"]} — {[n["target"] for n in v["nodes"][:3]]}'
                                  for v in serious)
