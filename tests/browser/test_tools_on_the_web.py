"""What a participant does with the tools on the web: tick a checklist and find the ticks
again; read abbreviations; jump to a glossary term."""

import re

import pytest

from conftest import ROOT
from wpskit.load import load_toolkit

TOOLKIT = load_toolkit(ROOT)


def test_checklist_ticks_stay_on_the_device_and_can_be_reset(browser, base_url):
    checklist = sorted(TOOLKIT.checklists)[0]
    context = browser.new_context()
    page = context.new_page()
    url = base_url + f"checklists/{checklist}/"
    page.goto(url)
    boxes = page.locator("input[type=checkbox][data-key]")
    total = boxes.count()
    assert total == sum(len(g.items) for g in TOOLKIT.checklists[checklist].groups)
    boxes.nth(0).check()
    boxes.nth(2).check()
    assert re.search(rf"\b2\D+{total}\b", page.inner_text(".wps-progress"))
    page.goto(url)
    page.reload()
    assert boxes.nth(0).is_checked() and boxes.nth(2).is_checked() and not boxes.nth(1).is_checked()
    page.click(".wps-reset")
    assert all(not boxes.nth(i).is_checked() for i in range(total))
    page.reload()
    assert not boxes.nth(0).is_checked()
    context.close()


def test_checklist_ticks_are_printed(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + f"checklists/{sorted(TOOLKIT.checklists)[0]}/")
    page.locator("input[type=checkbox][data-key]").nth(0).check()
    page.emulate_media(media="print")
    assert page.is_visible("input[type=checkbox][data-key]")
    assert not page.is_visible(".wps-reset")
    page.close()


@pytest.mark.parametrize("lang,prefix", [("vi", ""), ("en", "en/")])
def test_abbreviations_show_their_meaning_in_the_page_language(site, lang, prefix):
    html = (site / prefix / "modules" / "06-results-indicators" / "index.html").read_text(encoding="utf-8")
    titles = dict(re.findall(r'<abbr title="([^"]+)">([^<]+)</abbr>', html)[::-1])
    found = {abbr: title for title, abbr in re.findall(r'<abbr title="([^"]+)">([^<]+)</abbr>', html)}
    assert found, "no abbreviation has a tooltip"
    expected = {}
    for term in TOOLKIT.terms.values():
        if term.abbr:
            for abbr in (term.abbr.vi + term.abbr.en if lang == "vi" else term.abbr.en):
                expected[abbr] = term.term[lang]
    for abbr, title in found.items():
        assert abbr in expected and expected[abbr].replace('"', "&quot;") in title.replace("&amp;", "&"), (abbr, title)


@pytest.mark.parametrize("lang,prefix", [("vi", ""), ("en", "en/")])
def test_glossary_page_anchors_every_term(site, lang, prefix):
    html = (site / prefix / "glossary" / "index.html").read_text(encoding="utf-8")
    assert len(TOOLKIT.terms) >= 60
    for term in TOOLKIT.terms.values():
        assert f'<dt id="{term.id}">' in html, term.id


def test_a_tapped_abbreviation_spells_out_its_term(browser, base_url):
    page = browser.new_page(viewport={"width": 390, "height": 844}, has_touch=True)
    page.goto(base_url + "modules/06-results-indicators/")
    abbr = page.locator("article abbr[title]").first
    title = abbr.get_attribute("title")
    abbr.scroll_into_view_if_needed()
    before = abbr.bounding_box()["width"]
    abbr.tap()
    assert abbr.bounding_box()["width"] > before, "tapping an abbreviation does not show its full term"
    shown = abbr.evaluate("el => getComputedStyle(el, '::after').content")
    assert title in shown, (title, shown)
    page.close()
