"""The indicator bank in Chromium, as a reader uses it: facets and free text narrow the
table, the count follows (and is announced), a shared address restores the view, the page
works at 360 px and from file://, and axe finds nothing serious."""

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT
from wpskit.load import load_toolkit
from wpskit.textfold import fold

INDICATORS = sorted(load_toolkit(ROOT).indicators.values(), key=lambda i: i.id)
TOTAL = len(INDICATORS)
LANGS = (("vi", ""), ("en", "en/"))
# facet in the page → what each indicator holds for it
FACETS = {
    "pillar": lambda i: [i.pillar],
    "objective": lambda i: [str(o) for o in i.objectives],
    "level": lambda i: list(i.levels),
    "results_level": lambda i: [i.results_level],
    "type": lambda i: [i.type],
}


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all("tr[data-indicator]:not([hidden])", "rows => rows.map(r => r.dataset.indicator)")


def count_number(page) -> int:
    return int(re.search(r"\d+", page.inner_text(".wps-bank-count")).group())


def open_bank(browser, url, width=1280):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(url, wait_until="load")
    page.wait_for_selector("form.wps-bank-filters:not([hidden])")
    return context, page, errors


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_each_facet_narrows_the_table_and_the_count(browser, base_url, lang, prefix):
    assert TOTAL >= 2
    context, page, errors = open_bank(browser, base_url + prefix + "indicators/")
    assert len(visible_ids(page)) == TOTAL and count_number(page) == TOTAL
    narrowed = 0
    for facet, values_of in FACETS.items():
        select = page.locator(f'select[data-filter="{facet}"]')
        options = [v for v in select.evaluate("s => Array.from(s.options).map(o => o.value)") if v]
        for value in options:
            select.select_option(value)
            expected = sorted(i.id for i in INDICATORS if value in values_of(i))
            assert sorted(visible_ids(page)) == expected, (facet, value)
            assert count_number(page) == len(expected), (facet, value)
            assert str(TOTAL) in page.inner_text(".wps-bank-count")
            assert page.is_visible(".wps-bank-empty") == (not expected)
            narrowed += 0 < len(expected) < TOTAL
        select.select_option("")
        assert len(visible_ids(page)) == TOTAL
    assert narrowed >= len(FACETS), "the data do not let every facet narrow the table"
    assert page.get_attribute(".wps-bank-count", "aria-live") == "polite"
    assert not errors, errors
    context.close()


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_facets_combine(browser, base_url, lang, prefix):
    context, page, _ = open_bank(browser, base_url + prefix + "indicators/")
    first = INDICATORS[0]
    page.select_option('select[data-filter="pillar"]', first.pillar)
    page.select_option('select[data-filter="level"]', first.levels[0])
    expected = sorted(i.id for i in INDICATORS if i.pillar == first.pillar and first.levels[0] in i.levels)
    assert sorted(visible_ids(page)) == expected and first.id in expected
    context.close()


def test_free_text_without_diacritics_finds_accented_titles(browser, base_url):
    context, page, _ = open_bank(browser, base_url + "indicators/")
    box = page.locator('input[data-filter="text"]')
    checked = 0
    for indicator in INDICATORS:
        words = indicator.title["vi"].split()
        accented = [w for w in words if fold(w) != w.lower()]
        if len(accented) < 2:
            continue
        query = fold(" ".join(words[:5]))
        assert query != " ".join(words[:5]).lower()
        box.fill(query)
        shown = visible_ids(page)
        assert indicator.id in shown, (query, indicator.id)
        expected = [i.id for i in INDICATORS if query in fold(" ".join(i.title["vi"].split()))]
        assert set(expected) <= set(shown)
        assert count_number(page) == len(shown)
        checked += 1
    assert checked, "no Vietnamese title has accents: nothing was checked"
    box.fill("zzzz khong co chi so nao")
    assert visible_ids(page) == [] and count_number(page) == 0 and page.is_visible(".wps-bank-empty")
    box.fill(INDICATORS[0].code.lower())
    assert INDICATORS[0].id in visible_ids(page)
    context.close()


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_a_shared_address_restores_the_view(browser, base_url, lang, prefix):
    target = INDICATORS[-1]
    context, page, _ = open_bank(browser, base_url + prefix + "indicators/")
    page.select_option('select[data-filter="results_level"]', target.results_level)
    page.select_option('select[data-filter="type"]', target.type)
    words = target.title[lang].split()[:3]
    page.fill('input[data-filter="text"]', fold(" ".join(words)))
    shown = sorted(visible_ids(page))
    assert target.id in shown
    shared = page.url
    assert "results_level=" in urlsplit(shared).query and "text=" in urlsplit(shared).query
    context.close()

    context, page, _ = open_bank(browser, shared)
    assert sorted(visible_ids(page)) == shown
    assert page.input_value('select[data-filter="results_level"]') == target.results_level
    assert page.input_value('select[data-filter="type"]') == target.type
    assert page.input_value('input[data-filter="text"]') == fold(" ".join(words))
    assert count_number(page) == len(shown)
    page.click(".wps-bank-reset")
    page.wait_for_function(f"() => document.querySelectorAll('tr[data-indicator]:not([hidden])').length === {TOTAL}")
    assert "?" not in page.url
    context.close()


def test_an_unknown_value_in_the_address_is_ignored(browser, base_url):
    context, page, errors = open_bank(browser, base_url + "indicators/?pillar=nonsense&level=%E0%A4")
    assert len(visible_ids(page)) == TOTAL and not errors
    context.close()


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_usable_at_360_px(browser, base_url, lang, prefix):
    context, page, _ = open_bank(browser, base_url + prefix + "indicators/", width=360)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the page scrolls sideways at 360 px"
    row = page.locator("tr[data-indicator]").first
    assert row.evaluate("r => getComputedStyle(r).display") == "block", "rows do not turn into cards"
    assert row.bounding_box()["width"] <= 360
    for control in page.locator("form.wps-bank-filters [data-filter]").all():
        box = control.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["height"] >= 24
    page.select_option('select[data-filter="pillar"]', INDICATORS[0].pillar)
    assert INDICATORS[0].id in visible_ids(page)
    context.close()


def test_keyboard_only(browser, base_url):
    context, page, _ = open_bank(browser, base_url + "indicators/")
    page.focus('input[data-filter="text"]')
    page.keyboard.type(INDICATORS[0].code)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.filter") == "pillar"
    assert INDICATORS[0].id in visible_ids(page)
    context.close()


AXE = Axe()


@pytest.mark.parametrize("path", ["indicators/", "en/indicators/", f"indicators/{INDICATORS[0].id}/",
                                  f"en/indicators/{INDICATORS[0].id}/"])
def test_no_serious_accessibility_violation(browser, base_url, path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + path, wait_until="networkidle")
    if path.endswith("indicators/"):
        page.select_option('select[data-filter="pillar"]', INDICATORS[0].pillar)
    results = AXE.run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(f'{v["id"]}: {v["help"]} — {[n["target"] for n in v["nodes"][:3]]}' for v in serious)
    context.close()


def test_the_filter_works_from_the_file_system(browser, offline_copy):
    url = (offline_copy / "indicators" / "index.html").as_uri()
    context, page, errors = open_bank(browser, url)
    remote = []
    page.on("request", lambda r: remote.append(r.url) if urlsplit(r.url).scheme in ("http", "https") else None)
    page.select_option('select[data-filter="pillar"]', INDICATORS[0].pillar)
    expected = sorted(i.id for i in INDICATORS if i.pillar == INDICATORS[0].pillar)
    assert sorted(visible_ids(page)) == expected
    link = page.get_attribute(f'tr[data-indicator="{INDICATORS[0].id}"] a', "href")
    assert link.endswith(".html")
    assert not errors and not remote, (errors, remote)
    context.close()


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_search_finds_an_indicator_by_title_and_by_code(page, base_url, lang, prefix):
    from search_steps import search
    indicator = INDICATORS[len(INDICATORS) // 2]
    by_title = search(page, base_url, prefix, " ".join(indicator.title[lang].split()[:6]))
    assert any(f"{prefix}indicators/{indicator.id}/" in u for u in by_title), by_title[:5]
    by_code = search(page, base_url, prefix, indicator.code)
    assert any(f"{prefix}indicators/{indicator.id}/" in u for u in by_code), by_code[:5]
    if lang == "vi":
        folded = search(page, base_url, prefix, fold(" ".join(indicator.title[lang].split()[:6])))
        assert any(f"indicators/{indicator.id}/" in u for u in folded), folded[:5]
