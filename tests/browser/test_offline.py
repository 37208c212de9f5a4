"""The offline bundle, unzipped and opened from the file system in Chromium."""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

@pytest.fixture(scope="module")
def unzipped(offline_copy):
    return offline_copy


def local_file(url: str) -> Path:
    return Path(unquote(urlsplit(url).path))


def open_page(browser, url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    remote = []
    page.on("request", lambda r: remote.append(r.url) if urlsplit(r.url).scheme in ("http", "https") else None)
    page.goto(url)
    page.wait_for_load_state("load")
    return page, remote


def test_navigation_and_language_switcher_work_from_the_file_system(browser, unzipped):
    page, remote = open_page(browser, (unzipped / "index.html").as_uri())
    with page.expect_navigation(wait_until="load"):
        page.click("article a[href$='modules/index.html']")
    assert page.url.endswith("/modules/index.html")
    links = page.eval_on_selector_all("article a[href$='.html']", "links => links.map(a => a.href)")
    assert links and all(local_file(link).exists() for link in links)
    switcher = page.eval_on_selector_all("a.md-select__link", "links => links.map(a => a.href)")
    assert any(s.endswith("/en/modules/index.html") for s in switcher)
    assert all(local_file(s).exists() for s in switcher)
    assert not remote, remote
    page.close()


@pytest.mark.parametrize("path,query,prefix", [("modules/03-localization.html", "binh dang gioi", "/wps-toolkit/modules"),
                                               ("en/modules/03-localization.html", "gender equality", "/wps-toolkit/en/")])
def test_search_works_offline_in_each_language(browser, unzipped, path, query, prefix):
    page, remote = open_page(browser, (unzipped / path).as_uri())
    page.fill("input.md-search__input", query)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=15000)
    results = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    assert results and all(local_file(r).exists() for r in results)
    if "/en/" in prefix:
        assert all("/wps-toolkit/en/" in r for r in results)
    else:
        assert all("/wps-toolkit/en/" not in r for r in results)
    assert not remote, remote
    page.close()


def test_downloads_work_offline(browser, unzipped):
    page, _ = open_page(browser, (unzipped / "downloads" / "index.html").as_uri())
    links = page.eval_on_selector_all("a[download]", "links => links.map(a => a.href)")
    assert len(links) > 40 and all(local_file(link).is_file() for link in links)
    page.close()


@pytest.mark.parametrize("lang,prefix,href,comma", [("vi", "", "wps-toolkit-offline.zip", ","),
                                                     ("en", "en/", "../../downloads/wps-toolkit-offline.zip", ".")])
def test_online_downloads_page_links_the_bundle_with_its_size(site, lang, prefix, href, comma):
    """What the site itself publishes, whatever was built or zipped since: the link on the
    downloads page leads to a file of the site, and the size shown is that file's."""
    page = site / prefix / "downloads" / "index.html"
    html = page.read_text(encoding="utf-8")
    link = re.search(rf'<a [^>]*href="{re.escape(href)}"[^>]*>([^<]*)</a>', html)
    assert link, f"{page.relative_to(site)} does not link the offline bundle ({href})"
    published = (page.parent / href).resolve()
    assert published.is_file() and published.is_relative_to(site.resolve()), f"{href} is not a file of the site"
    size = f"{published.stat().st_size / 1024 / 1024:.1f}".replace(".", comma)
    assert f"{size} MB" in link.group(1), link.group(1)
