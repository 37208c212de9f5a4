"""Search typed into Material's search box in headless Chromium, as a reader would."""

import json
import re

import pytest

from conftest import SITE
from search_steps import search
from wpskit.search_index import FOLDED_FIELDS, unfolded_size


def pages_of(urls):
    return {re.sub(r"[?#].*$", "", u) for u in urls}


PHRASE_QUERIES = ["bình đẳng giới", "binh dang gioi", "BÌNH ĐẲNG GIỚI", "binh đẳng gioi", "Binh Dang Gioi"]


@pytest.fixture(scope="module")
def exact_pages(browser, base_url):
    page = browser.new_page()
    found = pages_of(search(page, base_url, "", "bình đẳng giới"))
    page.close()
    assert found, "the accented phrase finds nothing"
    return found


@pytest.mark.parametrize("query", PHRASE_QUERIES[1:])
def test_vietnamese_query_with_or_without_diacritics_finds_the_same_pages(page, base_url, exact_pages, query):
    found = pages_of(search(page, base_url, "", query))
    missing = exact_pages - found
    assert not missing, f"{query!r} misses {sorted(missing)[:5]}"


def test_accented_query_ranks_exact_matches_first(page, base_url):
    results = search(page, base_url, "", "đang")  # folds to "dang", like "đẳng", "dạng", "đăng"
    assert results
    page.goto(results[0])
    assert re.search(r"(?<!\\w)đang(?!\\w)", page.inner_text("article").lower())


def test_d_finds_đ(page, base_url):
    found = pages_of(search(page, base_url, "", "dia phuong"))
    exact = pages_of(search(page, base_url, "", "địa phương"))
    assert exact and exact <= found


def test_vietnamese_pages_get_vietnamese_results_only(page, base_url):
    results = search(page, base_url, "", "gender")  # an English word some Vietnamese pages quote too
    assert results, "searching the Vietnamese pages for \"gender\" found nothing"
    for url in results:
        assert "/en/" not in url, url


def test_english_pages_get_english_results_only(page, base_url):
    results = search(page, base_url, "en/", "gender equality")
    assert results
    for url in results:
        assert "/en/" in url, url


def test_worksheet_found_by_its_title_in_each_language(page, base_url):
    from wpskit.load import load_toolkit
    from conftest import ROOT
    item = load_toolkit(ROOT).worksheets["stakeholder-map"]
    assert any("worksheets/stakeholder-map/" in u for u in search(page, base_url, "", item.title["vi"]))
    from wpskit.textfold import fold
    assert any("worksheets/stakeholder-map/" in u for u in search(page, base_url, "", fold(item.title["vi"])))
    assert any("en/worksheets/stakeholder-map/" in u for u in search(page, base_url, "en/", item.title["en"]))


def test_glossary_term_found(page, base_url):
    assert any("/glossary/" in u for u in search(page, base_url, "", "duong co so"))
    assert any("/en/glossary/" in u for u in search(page, base_url, "en/", "baseline"))


def test_text_that_reaches_the_index_in_nfd_is_found(site):
    import unicodedata
    from wpskit.search_index import split_and_fold
    index = {"config": {"lang": ["vi", "en"], "separator": "[\\s\\-]+", "pipeline": [], "fields": {}},
             "docs": [{"location": "x/", "title": "T", "text": unicodedata.normalize("NFD", "Bình đẳng giới")}]}
    doc = split_and_fold(index, ["vi", "en"], "vi")["vi"]["docs"][0]
    assert "Bình đẳng giới" in doc["text"] and "binh dang gioi" in doc["folded"]


def test_nfd_query_is_normalised(page, base_url, exact_pages):
    import unicodedata
    found = pages_of(search(page, base_url, "", unicodedata.normalize("NFD", "bình đẳng giới")))
    assert exact_pages <= found


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_index_growth_from_folding_is_within_budget(site, lang):
    path = SITE / ("en/" if lang == "en" else "") / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]
    assert set(FOLDED_FIELDS) <= set(index["config"]["fields"])
    size = path.stat().st_size
    assert size <= 1.5 * unfolded_size(index), f"{lang} index {size} bytes > 1.5 × {unfolded_size(index)}"
