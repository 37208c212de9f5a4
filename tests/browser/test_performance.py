"""Size budgets a reader on a cheap phone feels: bytes of a first and of a repeat visit,
gzip-compressed, every request counted."""

import gzip
from urllib.parse import urlsplit

import pytest

from conftest import SITE

FIRST_VISIT = 100 * 1024
REPEAT_VISIT = 20 * 1024


def gzipped_size(base_url, url):
    path = SITE / urlsplit(url).path.lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return len(gzip.compress(path.read_bytes(), 6))


@pytest.mark.parametrize("first,second", [("modules/03-localization/", "modules/06-results-indicators/"),
                                          ("en/modules/03-localization/", "en/modules/06-results-indicators/")])
def test_module_page_weight(browser, base_url, first, second):
    context = browser.new_context(viewport={"width": 412, "height": 860})
    page = context.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(base_url + first, wait_until="networkidle")
    first_urls = list(dict.fromkeys(requested))
    first_bytes = sum(gzipped_size(base_url, u) for u in first_urls)
    assert first_bytes <= FIRST_VISIT, f"first visit {first_bytes} B > {FIRST_VISIT} B: {first_urls}"
    assert not any("search_index" in u for u in first_urls), "the search index loads before the reader searches"

    requested.clear()
    page.goto(base_url + second, wait_until="networkidle")
    new = [u for u in dict.fromkeys(requested) if u not in first_urls or u.rstrip("/").endswith(second.rstrip("/"))]
    repeat_bytes = sum(gzipped_size(base_url, u) for u in new)
    assert repeat_bytes <= REPEAT_VISIT, f"repeat visit {repeat_bytes} B > {REPEAT_VISIT} B: {new}"
    context.close()


def test_no_image_is_heavier_than_it_needs_to_be(site):
    heavy = [p for p in site.rglob("*") if p.suffix.lower() in (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
             and "assets/javascripts" not in p.as_posix() and p.stat().st_size > 50 * 1024]
    assert not heavy, heavy
