"""Every page of the site in headless Chromium: nothing from another host, no console error,
and no serious or critical accessibility violation (axe-core).

The list of pages comes from the sources (docs/ and the toolkit's data), so it is the same
on a fresh clone without site/ as after a build. The pages are visited a few at a time in one
Chromium (tests/parallel_pages.py), and each page stays a test of its own."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.async_playwright import Axe

from conftest import source_pages
from parallel_pages import visit_all

PAGES = source_pages()
AXE = Axe()


def url_of(base_url, lang, slug):
    return base_url + ("en/" if lang == "en" else "") + slug.removesuffix("index.html")


async def visit(context, base_url, lang, slug) -> dict:
    """What a reader's browser meets on one page (a new tab of a browser that has read other
    pages of the site before, as a reader's has)."""
    host = urlsplit(base_url).netloc
    found = {"foreign": [], "errors": []}
    page = await context.new_page()
    try:
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
        await page.close()
    return found


@pytest.fixture(scope="module")
def visited(request, browser, base_url):
    """The selected pages, visited once, a few at a time."""
    wanted = [tuple(item.callspec.params[name] for name in ("lang", "slug"))
              for item in request.session.items
              if item.originalname == "test_page_in_chromium" and item.module.__name__ == __name__]
    return visit_all(wanted, lambda context, page: visit(context, base_url, *page),
                     viewport={"width": 412, "height": 860})


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
