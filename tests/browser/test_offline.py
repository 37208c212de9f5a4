"""The offline bundle, unzipped and opened from the file system in Chromium."""

import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT, run_cli

BUNDLE = ROOT / "dist" / "wps-toolkit-offline.zip"


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory, site):
    if not BUNDLE.exists():
        assert run_cli("offline").returncode == 0
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(BUNDLE) as archive:
        archive.extractall(target)
    return target / "wps-toolkit"


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


def test_online_downloads_page_links_the_bundle_with_its_size(site):
    html = (site / "downloads" / "index.html").read_text(encoding="utf-8")
    assert 'href="../downloads/wps-toolkit-offline.zip"' in html or 'href="wps-toolkit-offline.zip"' in html
    size = f"{BUNDLE.stat().st_size / 1024 / 1024:.1f}".replace(".", ",")
    assert f"{size} MB" in html
    assert (site / "downloads" / "wps-toolkit-offline.zip").stat().st_size == BUNDLE.stat().st_size
