"""One view model, several outputs, on the built site (issue #12, item 3): the web page, the
PDF and the Word file of an item show the same sections; the web links the design tokens
before its own stylesheet; LibreOffice opens the Word files made from the view model."""

from __future__ import annotations

import io
import shutil
import subprocess

import lxml.html
import pytest
from pypdf import PdfReader

from conftest import ROOT
from wpskit.downloads import RenderContext
from wpskit.kinds import items_with_pages
from wpskit.load import load_toolkit
from wpskit.render import tokens
from wpskit.render.view_model import item_view
from wpskit.site_hooks import page_slug

TOOLKIT = load_toolkit(ROOT)
CONTEXT = RenderContext.of(TOOLKIT)
ITEMS = [item for item in items_with_pages(TOOLKIT) if item.kind in ("worksheet", "checklist", "session", "programme")]


def _page(site, item, lang):
    prefix = "" if lang == "vi" else "en/"
    return lxml.html.parse(str(site / f"{prefix}{page_slug(item)}" / "index.html")).getroot()


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_data_page_and_its_pdf_show_the_view_models_sections(site, lang):
    for item in ITEMS:
        view = item_view(item, lang, CONTEXT)
        wanted = [s["heading"] for s in view.sections if s["heading"]]
        article = _page(site, item, lang).xpath("//article")[0]
        shown = [_words(h.text_content()).rstrip("¶").strip() for h in article.xpath(".//h2")]
        # the web page may add its own (the indicators a worksheet is named by), in between
        assert [h for h in shown if h in wanted] == wanted, item.id
        pdf = site / "downloads" / lang / f"{item.id}.pdf"
        if not pdf.exists():
            pytest.skip("built without downloads")
        text = _words(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages))
        position = 0
        for heading in wanted:  # in order
            found = text.find(_words(heading), position)
            assert found >= 0, f"{item.id} ({lang}): {heading!r} missing from the PDF"
            position = found


def test_the_web_links_the_design_tokens_before_its_own_stylesheet(site):
    assert (site / tokens.WEB_STYLESHEET).read_text(encoding="utf-8") == tokens.css()
    for item in ITEMS[:1] + ITEMS[-1:]:
        for lang in ("vi", "en"):
            links = [href for href in _page(site, item, lang).xpath("//link[@rel='stylesheet']/@href")]
            names = [href.rsplit("/", 1)[-1] for href in links]
            assert names.index("tokens.css") < names.index("toolkit.css")
            assert "style=" not in lxml.html.tostring(_page(site, item, lang).xpath("//article")[0], encoding="unicode")


def test_libreoffice_opens_the_word_file_of_each_kind(site, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is not installed"
    picked = [next(i for i in ITEMS if i.kind == kind) for kind in ("worksheet", "checklist", "programme")]
    files = [site / "downloads" / "vi" / f"{item.id}.docx" for item in picked]
    if not all(f.exists() for f in files):
        pytest.skip("built without downloads")
    result = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                             "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    for item, docx in zip(picked, files):
        pdf = tmp_path / (docx.stem + ".pdf")
        assert pdf.exists(), result.stdout + result.stderr
        text = _words(" ".join(p.extract_text() for p in PdfReader(str(pdf)).pages))
        view = item_view(item, "vi", CONTEXT)
        assert _words(view.title) in text
        for section in view.sections:
            if section["heading"]:
                assert _words(section["heading"]) in text, (item.id, section["heading"])
