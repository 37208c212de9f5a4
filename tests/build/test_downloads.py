"""Downloads: every PDF read back, every DOCX opened; cached; linked with sizes."""

import io
import re
import unicodedata
import warnings

import pytest
from docx import Document
from pypdf import PdfReader

from conftest import ROOT
from wpskit.downloads import DownloadCache, RenderContext, item_key, link_or_copy
from wpskit.load import load_toolkit

TOOLKIT = load_toolkit(ROOT)
ITEMS = sorted(TOOLKIT.tools.values(), key=lambda i: i.id)
PRINTED = ITEMS + sorted([*TOOLKIT.programmes.values(), *TOOLKIT.sessions.values()], key=lambda i: i.id)
CASES = [(item, lang) for item in PRINTED for lang in ("vi", "en")]
EDITABLE = [(item, lang) for item, lang in CASES if item.kind != "session"]
A4 = (595.3, 841.9)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@pytest.mark.parametrize("item,lang", CASES, ids=[f"{i.id}-{l}" for i, l in CASES])
def test_pdf_reads_back_with_its_title_and_only_the_bundled_font(site, item, lang):
    reader = PdfReader(site / "downloads" / lang / f"{item.id}.pdf")
    text = squash(" ".join(page.extract_text() for page in reader.pages))
    assert squash(item.title[lang]) in text
    fonts = set()
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4[0]) < 2 and abs(height - A4[1]) < 2, "not A4"
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    assert fonts and all(f.startswith(("Toolkit-Sans", "Toolkit-Symbols")) for f in fonts), f"fallback fonts embedded: {fonts}"


@pytest.mark.parametrize("item,lang", EDITABLE, ids=[f"{i.id}-{l}" for i, l in EDITABLE])
def test_docx_opens_with_title_and_real_tables(site, item, lang):
    document = Document(site / "downloads" / lang / f"{item.id}.docx")
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == item.title[lang]
    if item.kind == "programme":
        assert len(document.tables) == len(item.days)
    elif item.kind == "worksheet":
        table_sections = [s for s in item.sections if s.kind == "table"]
        for section in table_sections:
            assert any([c.text for c in t.rows[0].cells] == [c[lang] for c in section.columns] for t in document.tables), \
                f"no Word table with the columns of {section.title[lang]!r}"
    else:
        items = [p.text for p in document.paragraphs if p.text.startswith("\u2610")]
        assert len(items) == sum(len(g.items) for g in item.groups)


def test_item_pages_link_their_downloads_with_sizes(site):
    for item in ITEMS:
        for lang, prefix in (("vi", ""), ("en", "en/")):
            html = (site / f"{prefix}{item.kind}s" / item.id / "index.html").read_text(encoding="utf-8")
            for extension in ("pdf", "docx"):
                match = re.search(rf'href="([^"]*downloads/{lang}/{item.id}\.{extension})"[^>]*>[^<]*· (\d+) KB', html)
                assert match, f"{item.id} ({lang}) has no {extension} link with a size"
                size = (site / "downloads" / lang / f"{item.id}.{extension}").stat().st_size
                assert int(match.group(2)) == max(1, round(size / 1024))


def test_downloads_page_lists_every_file(site):
    for prefix in ("", "en/"):
        page = site / prefix / "downloads" / "index.html"
        targets = {(page.parent / href).resolve() for href in re.findall(r'href="([^"]+\.(?:pdf|docx))"', page.read_text(encoding="utf-8"))}
        for item in ITEMS:
            for lang in ("vi", "en"):
                for extension in ("pdf", "docx"):
                    assert (site / "downloads" / lang / f"{item.id}.{extension}").resolve() in targets


def test_downloads_are_made_again_only_when_their_source_changes(tmp_path):
    cache = DownloadCache(tmp_path)
    items = [TOOLKIT.worksheets["stakeholder-map"], TOOLKIT.checklists[sorted(TOOLKIT.checklists)[0]]]
    context = RenderContext.of(TOOLKIT)
    first = cache.prepare(items, context, workers=1)
    assert len(cache.made) == 8
    again = DownloadCache(tmp_path)
    assert again.prepare(items, context, workers=1) == first
    assert again.made == []
    changed = items[0].model_copy(update={"minutes": items[0].minutes + 5})
    third = DownloadCache(tmp_path)
    third.prepare([changed, items[1]], context, workers=1)
    assert len(third.made) == 4 and all("stakeholder-map" in name for name in third.made)


def test_a_programme_agenda_is_made_again_when_its_sessions_change():
    programme = TOOLKIT.programmes["commune-half-day"]
    context = RenderContext.of(TOOLKIT)
    day = programme.days[0]
    position, listed = next((n, i) for n, i in enumerate(day.items) if getattr(i, "session", None))
    other = next(s for s in sorted(TOOLKIT.sessions) if s != listed.session)
    items = [*day.items[:position], listed.model_copy(update={"session": other}), *day.items[position + 1:]]
    changed = programme.model_copy(update={"days": [day.model_copy(update={"items": items}), *programme.days[1:]]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. pydantic's "serialized value may not be as expected"
        assert item_key(changed, "vi", context, "same code") != item_key(programme, "vi", context, "same code")


def test_publishing_a_download_never_changes_the_cached_file(tmp_path):
    """The site gets hard links to cached files; a rebuild into the same folder (mkdocs serve)
    must replace the link, not write the new file into the old cached one."""
    old, new = tmp_path / "stakeholder-map-aaaa.pdf", tmp_path / "stakeholder-map-bbbb.pdf"
    old.write_bytes(b"old version")
    new.write_bytes(b"new version")
    published = tmp_path / "site" / "stakeholder-map.pdf"
    published.parent.mkdir()
    link_or_copy(old, published)
    link_or_copy(new, published)
    assert published.read_bytes() == b"new version"
    assert old.read_bytes() == b"old version"
