"""Every kind of the registry (scripts/wpskit/kinds.py) has, in the built site and in both
languages, what its record promises: a page per item at /<url_section>/<id>/ with the
item's title, its downloads (linked from its page and from /downloads/), and the files made
from all its items together."""

import html
import re

import pytest

from conftest import ROOT
from wpskit import LANGUAGES
from wpskit.kinds import KINDS, items_with_pages, listed
from wpskit.load import load_toolkit
from wpskit.site_hooks import page_slug
from wpskit.ui_text import label

TOOLKIT = load_toolkit(ROOT)


def _page(site, lang, slug):
    prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
    return site / f"{prefix}{slug}" / "index.html"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_item_with_a_page_has_it_in_each_language(site, lang):
    items = items_with_pages(TOOLKIT)
    assert {item.kind for item in items} == {kind.name for kind in KINDS if kind.url_section}
    for item in items:
        path = _page(site, lang, page_slug(item))
        assert path.exists(), f"no page for {item.kind} {item.id} in {lang}"
        text = path.read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in text
        assert f">{item.title[lang]}<" in html.unescape(text), f"{path}: the title is missing"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_download_a_kind_promises_is_made_and_linked_from_its_page(site, lang):
    for kind in KINDS:
        for item in kind.items(TOOLKIT).values():
            names = [f"{item.id}.{extension}" for extension in kind.downloads]
            names += [f"{item.id}-pack.zip"] if kind.pack else []
            page = _page(site, lang, page_slug(item)).read_text(encoding="utf-8") if names else ""
            for name in names:
                assert (site / "downloads" / lang / name).stat().st_size > 0, f"{lang}/{name}"
                assert re.search(rf'href="[^"]*downloads/{lang}/{re.escape(name)}"', page), f"{item.id}: no link to {name}"
        if kind.collection_files:
            from wpskit.kinds import function_of
            for extension in function_of(kind.collection_files):
                assert (site / "downloads" / lang / f"{kind.collection}.{extension}").stat().st_size > 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_downloads_page_lists_every_kind_with_downloads_in_registry_order(site, lang):
    text = _page(site, lang, "downloads").read_text(encoding="utf-8")
    headings = [html.unescape(h) for h in re.findall(r"<h2[^>]*>(.*?)<", text)]
    expected = [label(lang, kind.heading) for kind in listed(KINDS) if kind.downloads]
    assert [h for h in headings if h in expected] == expected
