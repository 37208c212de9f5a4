"""The built HTML: languages, switcher, edit links, heading ids, links and anchors."""

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT, built_pages


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links, self.resources, self.headings = set(), [], [], []
        self.lang = None
        self.edit = None
        self.alternates = {}
        self._heading = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
            if attrs.get("rel") == "edit":
                self.edit = attrs["href"]
            if attrs.get("hreflang") and "md-select__link" in (attrs.get("class") or ""):
                self.alternates[attrs["hreflang"]] = attrs["href"]
        for key in ("src", "href"):
            if tag == "link" and attrs.get("rel") in ("canonical", "alternate"):
                continue  # not fetched by the browser
            if tag in ("script", "img", "link", "source", "iframe") and attrs.get(key):
                self.resources.append(attrs[key])
        if tag in ("h2", "h3") and "id" in attrs:
            self._heading = [attrs["id"], ""]

    def handle_data(self, data):
        if self._heading is not None:
            self._heading[1] += data

    def handle_endtag(self, tag):
        if tag in ("h2", "h3") and self._heading is not None:
            self.headings.append(tuple(self._heading))
            self._heading = None


_parsed = {}


def parse(path: Path) -> PageParser:
    if path not in _parsed:
        parser = PageParser()
        parser.feed(path.read_text(encoding="utf-8"))
        _parsed[path] = parser
    return _parsed[path]


def test_every_source_page_is_built_in_both_languages(site):
    for lang in ("vi", "en"):
        for source in (ROOT / "docs" / lang).rglob("*.md"):
            slug = source.relative_to(ROOT / "docs" / lang).with_suffix("").as_posix()
            slug = slug[:-len("index")] if slug.endswith("index") else slug + "/"
            built = site / ("en/" if lang == "en" else "") / slug / "index.html"
            assert built.exists(), f"{source} was not built as {built}"


def test_html_lang_is_the_page_language(site):
    pages = list(built_pages(site))
    assert len(pages) > 40
    for lang, slug, path in pages:
        assert parse(path).lang == lang, f"{path} has lang={parse(path).lang}"


def test_language_switcher_lands_on_the_same_page(site):
    for lang, slug, path in built_pages(site):
        alternates = parse(path).alternates
        other = "en" if lang == "vi" else "vi"
        assert other in alternates and lang in alternates, f"{path} has no language switcher"
        target, _ = _resolve(site, path, alternates[other])
        expected = site / ("en" if other == "en" else "") / slug
        assert target == expected, f"{path}: the switcher goes to {target}, not {expected}"
        assert _resolve(site, path, alternates[lang])[0] == path


def test_edit_link_opens_the_source_file_of_the_page(site):
    for lang, slug, path in built_pages(site):
        edit = parse(path).edit
        if slug == "404.html":
            continue
        assert edit and "/edit/main/" in edit, f"{path} has no edit link"
        source = edit.split("/edit/main/", 1)[1]
        assert (ROOT / source).is_file(), f"{path}: edit link opens {source}, which does not exist"
        if source.startswith("docs/"):
            assert source.startswith(f"docs/{lang}/"), f"{path}: edit link opens the other language ({source})"
        else:
            assert source.startswith("toolkit/"), source


def test_heading_ids_keep_vietnamese_letters(site):
    seen_d = False
    for lang, slug, path in built_pages(site):
        if lang != "vi":
            continue
        for anchor, text in parse(path).headings:
            letters = [ch for ch in text.lower() if ch.isalpha() and not ch.isascii()]
            for ch in letters:
                assert ch in unquote(anchor), f"{path}: id {anchor!r} lost {ch!r} of {text!r}"
            seen_d = seen_d or "đ" in anchor
    assert seen_d, "no heading id with đ was found"


def _resolve(site: Path, page: Path, href: str):
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    if parts.path.startswith("/"):  # root-relative (the 404 page): the site is served at /
        target = site / unquote(parts.path).lstrip("/")
    else:
        target = page.parent if not parts.path else (page.parent / unquote(parts.path))
    target = Path(posixpath.normpath(str(target)))
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    for html in site.rglob("*.html"):
        for href in parse(html).links:
            resolved = _resolve(site, html, href)
            if resolved is None:
                continue
            target, fragment = resolved
            if not target.exists():
                broken.append(f"{html.relative_to(site)} → {href}")
            elif fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                broken.append(f"{html.relative_to(site)} → {href} (no #{fragment})")
    assert not broken, "\n".join(broken[:30])


def test_pages_load_nothing_from_another_host(site):
    for html in site.rglob("*.html"):
        for resource in parse(html).resources:
            assert not urlsplit(resource).netloc, f"{html}: loads {resource}"
        text = html.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
