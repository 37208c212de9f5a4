"""A local action plan → a Word draft laid out as an administrative plan (python-docx).

Layout from Decree 30/2020/NĐ-CP, Annex I (../shared/facts/viet_nam_admin_facts.md §6):
A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman, black;
page numbers centred in the top margin from page 2; the national title (upper case, bold,
13 pt) and the motto (bold, 13 pt) top right; the parent body (upper case, 13 pt) and the
issuing body (upper case, bold, 13 pt) top left with the number and symbol (13 pt) below;
place and date in italics; the document type (upper case, bold, 14 pt) and summary (bold,
14 pt) centred; the body in 14 pt; "Nơi nhận:" bold italic 12 pt with the list in 11 pt;
the signing authority (TM./KT., upper case, bold, 14 pt) and the signer's name (bold).
The activities are an annex table on landscape pages (tables may be landscape).

One renderer for two uses (fill_assets.py): the worked example (toolkit/plans/), rendered
at build time, and the template the plan builder fills in the browser, where each value is
a placeholder (see `docx_file.placeholder`).
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .. import languages
from .docx_file import _repeat_header, placeholder

FONT = "Times New Roman"
BLACK = RGBColor(0, 0, 0)
LISTS = ("basis", "purpose", "requirements", "objectives", "targets", "funding", "implementation", "reporting",
         "recipients")
SCALARS = ("parent_body", "issuing_body", "number_symbol", "place", "date", "summary", "signature.authority",
           "signature.signer", "illustrative")
ACTIVITY_COLUMNS = ("title", "lead", "partners", "timeline", "resources", "outputs", "indicators")


def indicator_names(indicators, lang: str) -> dict:
    """{indicator id: "PA-01 — its title"}: how a plan names the bank's indicators."""
    return {i.id: f"{i.code} — {i.title[lang]}" for i in indicators}


def plan_values(plan, lang: str, texts, names: dict | None = None) -> dict:
    """The values a plan (model.Plan) gives to the renderer, in one language; `names` turns the
    indicator ids of its activities into codes and titles (indicator_names)."""
    values = {key: [t[lang] for t in getattr(plan, key)] for key in LISTS}
    values.update(parent_body=plan.parent_body[lang] if plan.parent_body else "",
                  issuing_body=plan.issuing_body[lang], number_symbol=plan.number_symbol[lang],
                  place=plan.place[lang], date=plan.date[lang], summary=plan.summary[lang],
                  illustrative=texts.document["illustrative"][lang] if plan.illustrative else "")
    values["signature.authority"] = plan.signature.authority[lang]
    values["signature.signer"] = plan.signature.signer[lang]
    values["activities"] = [{**{c: getattr(a, c)[lang] for c in ACTIVITY_COLUMNS if c != "indicators"},
                             "indicators": "\n".join((names or {}).get(i, i) for i in a.indicators)} for a in plan.activities]
    return values


def template_values() -> dict:
    """Placeholders in place of every value: the plan builder's Word template."""
    values = {key: [placeholder("l", key)] for key in LISTS}
    values.update({key: placeholder("f", key) for key in SCALARS})
    values["parent_body"] = placeholder("o", "parent_body")
    values["illustrative"] = placeholder("o", "illustrative")
    values["activities"] = [{c: placeholder("r", f"activities.#.{c}") for c in ACTIVITY_COLUMNS}]
    return values


def _run(paragraph, text: str, size: float = 14, bold: bool = False, italic: bool = False, upper: bool = False):
    """Text with line breaks kept; every run black, in the document font."""
    lines = str(text).split("\n")
    for number, line in enumerate(lines):
        run = paragraph.add_run(line.upper() if upper and "{{" not in line else line)
        run.font.size, run.font.bold, run.font.italic = Pt(size), bold, italic
        run.font.name = FONT
        run.font.color.rgb = BLACK
        if number < len(lines) - 1:
            run.add_break()
    return paragraph


def _para(container, text: str = "", size: float = 14, bold=False, italic=False, align=None, indent=False,
          after: float = 0, upper=False):
    paragraph = container.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.space_before = Pt(0)
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1.0)
    if text:
        _run(paragraph, text, size, bold, italic, upper)
    return paragraph


def _short_rule(paragraph, inset_cm: float) -> None:
    _rule(paragraph)
    paragraph.paragraph_format.left_indent = Cm(inset_cm)
    paragraph.paragraph_format.right_indent = Cm(inset_cm)


def _rule(paragraph) -> None:
    """A short line under the issuing body and the motto, drawn as a bottom border of an empty paragraph."""
    properties = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    properties.append(borders)


def _widths(table, *widths_cm) -> None:
    """Column widths LibreOffice and Word both keep: the grid and every cell."""
    table.autofit = False
    for column, width in zip(table.columns, widths_cm):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def _keep_row_together(row) -> None:
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    properties.append(element)


def _no_borders(table) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def _page_number(section) -> None:
    """PAGE field centred in the top margin; the first page shows none."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    run.font.size, run.font.name = Pt(13), FONT
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _margins(section, landscape: bool = False) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long_side, short_side = Cm(29.7), Cm(21.0)
    section.page_width, section.page_height = (long_side, short_side) if landscape else (short_side, long_side)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
    section.header_distance = Cm(1.0)


def _document(lang: str) -> Document:
    doc = Document()
    _margins(doc.sections[0])
    _page_number(doc.sections[0])
    for name in ("Normal", "Table Grid"):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(14)
        style.font.color.rgb = BLACK
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(key), FONT)
    doc.core_properties.language = languages.get(lang).word_tag  # l10n/ui/<lang>.yml: vi-VN, en-GB…
    return doc


def _header_block(doc, values: dict, texts, lang: str) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, 6.3, 10.2)
    left, right = table.rows[0].cells
    centre = WD_ALIGN_PARAGRAPH.CENTER
    left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
    right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
    if values["parent_body"]:
        _para(left, values["parent_body"], 13, align=centre, upper=True)
    _para(left, values["issuing_body"], 13, bold=True, align=centre, upper=True)
    _short_rule(_para(left, "", 6, align=centre), 2.0)
    _para(left, values["number_symbol"], 13, align=centre, after=0).paragraph_format.space_before = Pt(6)
    _para(right, texts.document["national-title"][lang], 12, bold=True, align=centre)
    _para(right, texts.document["motto"][lang], 13, bold=True, align=centre)
    _short_rule(_para(right, "", 6, align=centre), 2.4)
    place_date = _para(right, "", 14, align=centre)
    place_date.paragraph_format.space_before = Pt(6)
    _run(place_date, f'{values["place"]}, {values["date"]}', 14, italic=True)


def _items(doc, items: list, prefix: str = "- ", size: float = 14, indent: bool = True) -> None:
    for item in items:
        _para(doc, prefix + item, size, indent=indent, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=3)


def _heading(doc, text: str, level: int = 1) -> None:
    paragraph = _para(doc, text, 14, bold=True, indent=True, after=3)
    paragraph.paragraph_format.space_before = Pt(6 if level == 1 else 3)
    paragraph.paragraph_format.keep_with_next = True


def _signature_block(doc, values: dict, texts, lang: str) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, 8.0, 8.5)
    _keep_row_together(table.rows[0])
    left, right = table.rows[0].cells
    _run(left.paragraphs[0], texts.document["recipients"][lang], 12, bold=True, italic=True)
    for item in values["recipients"]:
        _para(left, "- " + item, 11)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(right.paragraphs[0], values["signature.authority"], 14, bold=True, upper=True)
    for _ in range(3):
        _para(right, "", 14)
    _para(right, values["signature.signer"], 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)


def _annex(doc, values: dict, texts, lang: str) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _margins(section, landscape=True)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc, texts.document["annex"][lang], 14, bold=True, align=centre)
    _para(doc, texts.document["annex-title"][lang], 14, bold=True, align=centre)
    _para(doc, texts.document["annex-reference"][lang], 14, italic=True, align=centre, after=8)
    columns = ("number", *ACTIVITY_COLUMNS)
    widths = (1.2, 5.4, 3.2, 3.4, 2.4, 3.0, 3.2, 3.4)  # cm, 25.2 cm between the margins
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, *widths)
    for cell, column in zip(table.rows[0].cells, columns):
        cell.paragraphs[0].alignment = centre
        _run(cell.paragraphs[0], texts.columns[column][lang], 12, bold=True)
    _repeat_header(table.rows[0])
    for number, activity in enumerate(values["activities"], 1):
        row = table.add_row()
        _keep_row_together(row)
        cells = row.cells
        row_number = placeholder("r", "activities.#") if "{{" in activity["title"] else str(number)
        for cell, column, width in zip(cells, columns, widths):
            cell.width = Cm(width)
            _run(cell.paragraphs[0], row_number if column == "number" else activity[column], 12)


def build_plan_docx(values: dict, texts, lang: str) -> bytes:
    """The Word plan: values from `plan_values` (an example) or `template_values` (the builder)."""
    doc = _document(lang)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    if values["illustrative"]:
        _para(doc, values["illustrative"], 12, bold=True, align=centre, after=6)
    if lang != languages.source():  # a translation of a Vietnamese legal document
        _para(doc, texts.document["working-translation"][lang], 11, italic=True, align=centre, after=6)
    _header_block(doc, values, texts, lang)
    title = _para(doc, texts.document["document-type"][lang], 14, bold=True, align=centre)
    title.paragraph_format.space_before = Pt(18)
    _para(doc, values["summary"], 14, bold=True, align=centre, after=12)
    _items(doc, values["basis"], prefix="")
    doc_text = texts.document
    _heading(doc, doc_text["purpose-requirements"][lang])
    _heading(doc, doc_text["purpose"][lang], 2)
    _items(doc, values["purpose"])
    _heading(doc, doc_text["requirements"][lang], 2)
    _items(doc, values["requirements"])
    _heading(doc, doc_text["objectives-targets"][lang])
    _heading(doc, doc_text["objectives"][lang], 2)
    _items(doc, values["objectives"])
    _heading(doc, doc_text["targets"][lang], 2)
    _items(doc, values["targets"])
    _heading(doc, doc_text["activities"][lang])
    _para(doc, doc_text["activities-lead"][lang], 14, indent=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=3)
    _heading(doc, doc_text["funding"][lang])
    _items(doc, values["funding"])
    _heading(doc, doc_text["implementation-reporting"][lang])
    _heading(doc, doc_text["implementation"][lang], 2)
    _items(doc, values["implementation"])
    _heading(doc, doc_text["reporting"][lang], 2)
    _items(doc, values["reporting"])
    _para(doc, "", 14)
    _signature_block(doc, values, texts, lang)
    _annex(doc, values, texts, lang)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
