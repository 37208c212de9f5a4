"""Data → an editable Word file (python-docx): real headings, real tables, text to replace.

The file walks the item's view model (view_model.py), the one the web and print pages are
made from: one builder per section type (SECTION_BUILDERS), colours and sizes from the
design tokens (tokens.yml).

python-docx writes text as text, so a title such as `<script>` is stored as those
characters — nothing to escape, nothing interpreted.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from ..fill_fields import column_id
from . import tokens
from .view_model import item_view
from .. import languages

FONT = "Noto Sans"  # falls back to the reader's sans-serif font when not installed; Word keeps the text editable
CHECKBOX = "\u2610"


def _rgb(name: str) -> RGBColor:
    return RGBColor.from_string(tokens.hex_digits(name))


def _base_document(view, lang: str) -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.orientation = WD_ORIENT.PORTRAIT
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(tokens.space("page-side")))
    section.top_margin, section.bottom_margin = Mm(tokens.space("page-top")), Mm(tokens.space("page-bottom"))
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(tokens.size("body"))
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for name in ("Title", "Heading 1", "Heading 2"):
        doc.styles[name].font.name = FONT
    doc.core_properties.language = languages.get(lang).word_tag  # l10n/ui/<lang>.yml: vi-VN, en-GB…
    footer = section.footer.paragraphs[0]
    footer.text = view.licence
    footer.runs[0].font.size = Pt(tokens.size("footer"))
    return doc


def _shade(cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _grid_table(doc, header: list[str]):
    """A bordered table whose first row is its bold, shaded header, repeated on each page."""
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    _header_row(table, header)
    return table


def _header_row(table, texts) -> None:
    for cell, text in zip(table.rows[0].cells, texts):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
        _shade(cell, tokens.hex_digits("table-head"))
    _repeat_header(table.rows[0])


def _usable_width():
    return Cm(21.0) - 2 * Mm(tokens.space("page-side"))


def _steps(doc, section: dict, view, template: bool) -> None:
    for text in section["items"]:
        doc.add_paragraph(text, style="List Number")


def _bullets(doc, section: dict, view, template: bool) -> None:
    for text in section["items"]:
        doc.add_paragraph(text, style="List Bullet")


def _tools(doc, section: dict, view, template: bool) -> None:
    for tool in section["items"]:
        doc.add_paragraph(f"{tool['text']} ({tool['id']}.pdf, {tool['id']}.docx)", style="List Bullet")


def _table(doc, section: dict, view, template: bool) -> None:
    columns = section["columns"]
    table = _grid_table(doc, [c["text"] for c in columns])
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, column in zip(table.rows[0].cells, columns):
        cell.width = int(_usable_width() * column["width"] / 100)
    if section["example"]:
        row = table.add_row()
        for i, value in enumerate(section["example"]):
            paragraph = row.cells[i].paragraphs[0]
            if i == 0:
                paragraph.add_run(view.labels["example"] + ": ").bold = True
            paragraph.add_run(value).italic = True
            _shade(row.cells[i], tokens.hex_digits("example"))
    if template:  # a Word template for filled answers: one row, repeated per answer row
        row = table.add_row()
        row.height = Cm(1.0)
        for i, cell in enumerate(row.cells, 1):
            cell.text = placeholder("r", f"{section['id']}.#.{column_id(i)}")
        return
    for _ in range(section["blank_rows"]):
        table.add_row().height = Cm(1.0)


def _form(doc, section: dict, view, template: bool) -> None:
    for field in section["fields"]:
        doc.add_paragraph().add_run(field["label"]).bold = True
        if field["prompt"]:
            doc.add_paragraph(field["prompt"]).runs[0].italic = True
        if field["example"]:
            paragraph = doc.add_paragraph()
            paragraph.add_run(view.labels["example"] + ": ").bold = True
            paragraph.add_run(field["example"]).italic = True
        box = doc.add_table(rows=1, cols=1)
        box.style = "Table Grid"
        box.rows[0].height = Cm(0.8 * field["lines"])
        if template:
            box.rows[0].cells[0].text = placeholder("f", field["id"])


def _prompts(doc, section: dict, view, template: bool) -> None:
    lines = section["lines"]
    for prompt in section["items"]:
        doc.add_paragraph(prompt["text"], style="List Number")
        for line in range(lines):
            doc.add_paragraph(placeholder("f", prompt["id"]) if template and line == 0 else "")
        if template and lines == 0:
            doc.add_paragraph(placeholder("o", prompt["id"]))


def _quiz(doc, section: dict, view, template: bool) -> None:
    for question in section["questions"]:
        doc.add_paragraph(question["text"], style="List Number")
        for o, option in enumerate(question["options"], 1):
            box = placeholder("c", f"{question['id']}={o}") if template else CHECKBOX
            paragraph = doc.add_paragraph(f"{box} {option}")
            paragraph.paragraph_format.left_indent = Cm(0.8)


def _checks(doc, section: dict, view, template: bool) -> None:
    for entry in section["items"]:
        paragraph = doc.add_paragraph(f"{CHECKBOX} {entry['text']}")
        if entry["guidance"]:
            hint = doc.add_paragraph(entry["guidance"])
            hint.paragraph_format.left_indent = Cm(0.6)
            hint.runs[0].italic = True
            hint.runs[0].font.size = Pt(tokens.size("small"))
        paragraph.paragraph_format.space_after = Pt(2)


def _session_steps(doc, section: dict, view, template: bool) -> None:
    table = _grid_table(doc, section["columns"])
    for step in section["rows"]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = str(step["number"]), step["time"]
        cells[2].paragraphs[0].add_run(step["title"]).bold = True
        cells[2].add_paragraph(f"{step['method']} · {step['minutes']}")
        cells[3].text = step["instructions"]
        cells[4].text = step["tool"]["text"] if step["tool"] else ""


def _agenda(doc, section: dict, view, template: bool) -> None:
    table = _grid_table(doc, section["columns"])
    for slot in section["rows"]:
        row = table.add_row().cells
        row[0].text = slot["clock"]
        run = row[1].paragraphs[0].add_run(slot["name"]["text"])
        run.bold, run.italic = slot["is_session"], not slot["is_session"]
        row[2].text = slot["duration"]


def _sources(doc, section: dict, view, template: bool) -> None:
    for source in section["items"]:
        year = f", {source['year']}" if source["year"] else ""
        doc.add_paragraph(f"{source['title']}. {source['publisher']}{year}.", style="List Number")


def _nothing(doc, section: dict, view, template: bool) -> None:
    """A part of the web page only (the checklist's progress bar)."""


SECTION_BUILDERS = {
    "steps": _steps, "bullets": _bullets, "tools": _tools, "table": _table, "form": _form, "prompts": _prompts,
    "quiz": _quiz, "checklist_bar": _nothing, "checks": _checks, "session_steps": _session_steps,
    "agenda": _agenda, "sources": _sources,
}


def _header(doc, view, template: bool) -> None:
    kind = doc.add_paragraph()
    run = kind.add_run(view.kind_label.upper())
    run.bold, run.font.color.rgb, run.font.size = True, _rgb("brand-light"), Pt(tokens.size("kicker"))
    doc.add_heading(view.title, level=1)
    if view.meta:
        doc.add_paragraph(" · ".join(f"{part['label']}: {part['text']}" if part["label"] else part["text"]
                                     for part in view.meta))
    for fact in view.facts:
        paragraph = doc.add_paragraph()
        paragraph.add_run(fact["label"] + ": ").bold = True
        paragraph.add_run(fact["text"])
    for line in view.identity:
        doc.add_paragraph(f"{line['label']}: " + (placeholder("f", line["key"]) if template else ""))


def placeholder(kind: str, field: str) -> str:
    """A mark the browser replaces by an answer (fill-in.js): f text, o text or drop the
    paragraph, l one paragraph per line, r one table row per answer row, c ☒ or ☐."""
    return "{{" + kind + ":" + field + "}}"


def build_docx(item, lang: str, context, template: bool = False) -> bytes:
    """The Word file of an item (the `word_builder` of its kind, kinds.py); `template=True`
    (worksheets) puts a placeholder where each answer goes, so the same layout carries the
    reader's answers (fill_assets.py)."""
    view = item_view(item, lang, context)
    doc = _base_document(view, lang)
    _header(doc, view, template)
    for section in view.sections:
        if section["heading"]:
            doc.add_heading(section["heading"], level=2)
        if section["intro"]:
            doc.add_paragraph(section["intro"])
        SECTION_BUILDERS[section["type"]](doc, section, view, template)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
