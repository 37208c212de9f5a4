"""One view model, several outputs (issue #12, item 3): the web page body, the print page and
the Word file of every worksheet, checklist, session guide and programme are made from one
view model (render/view_model.py); the web and print pages from the same templates; colours,
sizes and margins from one file of design tokens (render/tokens.yml)."""

from __future__ import annotations

import html
import io
import re

import lxml.html
import pytest
import yaml
from docx import Document
from pypdf import PdfReader

from conftest import ROOT
from wpskit.downloads import RenderContext
from wpskit.kinds import items_with_pages
from wpskit.load import load_toolkit
from wpskit.render import docx_file, tokens
from wpskit.render.item_templates import TEMPLATES, print_document, web_body
from wpskit.render.pdf_file import html_to_pdf
from wpskit.render.view_model import SECTION_TYPES, item_view
from wpskit.ui_text import label

TOOLKIT = load_toolkit(ROOT)
CONTEXT = RenderContext.of(TOOLKIT)
ITEMS = [item for item in items_with_pages(TOOLKIT) if item.kind in ("worksheet", "checklist", "session", "programme")]
CASES = [(item, lang) for item in ITEMS for lang in ("vi", "en")]
IDS = [f"{item.id}-{lang}" for item, lang in CASES]


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _web_headings(body: str) -> list[str]:
    """The `## …` headings of a web page body, as the reader sees them (entities decoded)."""
    return [html.unescape(line[3:]) for line in body.split("\n") if line.startswith("## ")]


def _tables(root) -> list[list[list[str]]]:
    """Every table: its rows, each a list of cell texts (header row first)."""
    return [[[_text(cell) for cell in row.xpath("./th|./td")] for row in table.xpath(".//tr")]
            for table in root.xpath("//table")]


@pytest.mark.parametrize("item,lang", CASES, ids=IDS)
def test_web_page_print_page_and_word_file_show_the_same_sections(item, lang):
    view = item_view(item, lang, CONTEXT)
    wanted = [s["heading"] for s in view.sections if s["heading"]]
    assert wanted, "every item has sections"

    web = web_body(view)
    printed = lxml.html.document_fromstring(print_document(view))
    assert [h for h in _web_headings(web)] == wanted
    assert [_text(h) for h in printed.xpath("//h2")] == wanted
    assert _text(printed.xpath("//h1")[0]) == item.title[lang]

    if item.kind != "session":  # sessions have no Word file (downloads.FORMATS)
        document = Document(io.BytesIO(docx_file.build_docx(item, lang, CONTEXT)))
        headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
        assert headings == wanted
        assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [item.title[lang]]


@pytest.mark.parametrize("item,lang", [c for c in CASES if c[0].kind in ("session", "programme")],
                         ids=[i for i, c in zip(IDS, CASES) if c[0].kind in ("session", "programme")])
def test_the_session_table_and_the_programme_day_read_the_same_on_the_web_and_on_paper(item, lang):
    """Written once (templates/item/sections/session_steps.html, agenda.html): every row, every
    cell the same text; the Word agenda has the same rows too."""
    href = lambda target: f"../{target}/"  # noqa: E731  (links on the web, plain text on paper)
    web = lxml.html.fragment_fromstring(
        "".join(line for line in web_body(item_view(item, lang, CONTEXT, href=href)).split("\n")
                if line.startswith("<table") or "<table" in line), create_parent="div")
    printed = lxml.html.document_fromstring(print_document(item_view(item, lang, CONTEXT)))
    web_tables, print_tables = _tables(web), _tables(printed)
    assert web_tables and web_tables == print_tables
    if item.kind == "session":
        minutes = label(lang, "minutes_value", n=item.steps[0].minutes)
        assert print_tables[0][1][2].endswith(minutes), "each step shows its duration on paper as on the web"
    else:
        document = Document(io.BytesIO(docx_file.build_docx(item, lang, CONTEXT)))
        assert [[cell.text for cell in row.cells] for table in document.tables for row in table.rows] == \
            [row for table in print_tables for row in table]


def test_every_section_type_has_a_partial_and_a_word_builder():
    partials = {path.stem for path in (TEMPLATES / "item" / "sections").glob("*.html")}
    assert partials == set(SECTION_TYPES) == set(docx_file.SECTION_BUILDERS)
    used = {s["type"] for item, lang in CASES for s in item_view(item, lang, CONTEXT).sections}
    assert used == set(SECTION_TYPES), "every type is used by some item"


def _hostile(value):
    """Every text of an item (its `vi` and `en`) turned into markup and Markdown a contributor might write."""
    if isinstance(value, dict):
        return {k: f'<img src=x onerror="alert(1)"> **{v}** [x](javascript:alert(1))'
                if k in ("vi", "en") and isinstance(v, str) else _hostile(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_hostile(v) for v in value]
    return value


@pytest.mark.parametrize("kind", ["worksheet", "checklist", "session", "programme"])
def test_contributor_text_stays_text_in_every_output(kind):
    item = next(i for i in ITEMS if i.kind == kind)
    hostile = type(item).model_validate(_hostile(item.model_dump(by_alias=True)))
    for lang in ("vi", "en"):
        web = web_body(item_view(hostile, lang, CONTEXT))
        printed = print_document(item_view(hostile, lang, CONTEXT))
        for output in (web, printed):
            assert "<img" not in output and not lxml.html.document_fromstring(output).xpath("//img|//*[@onerror]")
            assert "&lt;img src=x onerror=" in output
        if kind != "session":
            document = Document(io.BytesIO(docx_file.build_docx(hostile, lang, CONTEXT)))
            assert any(p.text.startswith('<img src=x onerror="alert(1)">') for p in document.paragraphs)


def test_the_templates_write_no_style_attribute_on_the_web():
    """Content-Security-Policy: style-src 'self' (column widths are for paper only)."""
    for item, lang in CASES:
        assert "style=" not in web_body(item_view(item, lang, CONTEXT))


# --- design tokens ------------------------------------------------------------------------

def test_a_token_colour_reaches_the_web_css_the_print_css_and_the_word_styles():
    data = yaml.safe_load(tokens.TOKENS_FILE.read_text(encoding="utf-8"))
    head = data["colour"]["table-head"]  # header cells on paper and in Word
    kicker = data["colour"]["brand-light"]  # the kind above a title
    assert f"--wps-colour-table-head: {head};" in tokens.css()
    print_css = (ROOT / "scripts/wpskit/render/print/print.css").read_text(encoding="utf-8")
    assert "background: var(--wps-colour-table-head)" in print_css and head not in print_css
    web_css = (ROOT / "overrides/assets/stylesheets/toolkit.css").read_text(encoding="utf-8")
    assert "var(--wps-colour-brand)" in web_css and data["colour"]["brand"] not in web_css
    worksheet = next(i for i in ITEMS if i.kind == "worksheet" and i.sections[0].kind == "table")
    document = Document(io.BytesIO(docx_file.build_docx(worksheet, "en", CONTEXT)))
    xml = document.element.xml
    assert f'w:fill="{head.lstrip("#").upper()}"' in xml
    assert f'w:color w:val="{kicker.lstrip("#").upper()}"' in xml


def test_a_changed_token_changes_the_pdf_and_the_word_file(monkeypatch):
    """Change one colour in the tokens: the PDF's table headers and the Word file's follow."""
    changed = yaml.safe_load(tokens.TOKENS_FILE.read_text(encoding="utf-8"))
    changed["colour"]["table-head"] = "#ff0000"
    monkeypatch.setattr(tokens, "tokens", lambda: changed)
    worksheet = next(i for i in ITEMS if i.kind == "worksheet" and i.sections[0].kind == "table")
    pdf = PdfReader(io.BytesIO(html_to_pdf(print_document(item_view(worksheet, "en", CONTEXT)))))
    content = b"".join(page.get_contents().get_data() for page in pdf.pages)
    assert re.search(rb"(^|\s)1 0 0 (rg|sc)\b", content), "a red fill drawn on the page"
    document = Document(io.BytesIO(docx_file.build_docx(worksheet, "en", CONTEXT)))
    assert 'w:fill="FF0000"' in document.element.xml


def test_a_bad_token_is_named_with_its_file(monkeypatch, tmp_path):
    bad = tmp_path / "tokens.yml"
    bad.write_text("colour:\n  brand: purple\n", encoding="utf-8")
    monkeypatch.setattr(tokens, "TOKENS_FILE", bad)
    tokens.tokens.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"tokens.yml: colour brand is 'purple' — write a colour as \"#rrggbb\""):
            tokens.tokens()
    finally:
        monkeypatch.undo()
        tokens.tokens.cache_clear()


def test_each_kind_names_its_templates_and_word_builder_in_the_registry():
    from wpskit.downloads import FORMATS
    from wpskit.kinds import KINDS, function_of

    for kind in KINDS:
        if kind.page_macro != "data_page":
            continue  # a page of its own (the indicator bank)
        assert (TEMPLATES / kind.web_template).is_file() and (TEMPLATES / kind.print_template).is_file()
        assert ("docx" in FORMATS[kind.name]) == (kind.word_builder is not None), kind.name
        assert kind.word_builder is None or callable(function_of(kind.word_builder))
