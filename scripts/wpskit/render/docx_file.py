"""Data → an editable Word file (python-docx): real headings, real tables, text to replace.

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
from docx.shared import Cm, Pt, RGBColor

from ..fill_fields import column_id, form_field_id, list_item_id, question_id, section_id
from ..model import Checklist, FormSection, ListSection, Programme, QuizSection, TableSection, Worksheet
from ..schedule import day_schedule
from .. import languages
from ..ui_text import label

FONT = "Noto Sans"  # falls back to the reader's sans-serif font when not installed; Word keeps the text editable
ACCENT = RGBColor(0x7A, 0x3E, 0x9D)
CHECKBOX = "\u2610"


def _base_document(lang: str) -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.orientation = WD_ORIENT.PORTRAIT
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.6))
    section.top_margin, section.bottom_margin = Cm(1.6), Cm(1.6)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for name in ("Title", "Heading 1", "Heading 2"):
        doc.styles[name].font.name = FONT
    doc.core_properties.language = languages.get(lang).word_tag  # l10n/ui/<lang>.yml: vi-VN, en-GB…
    footer = section.footer.paragraphs[0]
    footer.text = label(lang, "licence")
    footer.runs[0].font.size = Pt(8)
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


def _table(doc, section: TableSection, lang: str, table_id: str | None = None) -> None:
    columns = section.columns
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    total = sum(c.width for c in columns)
    usable = Cm(17.8)
    for i, column in enumerate(columns):
        cell = table.rows[0].cells[i]
        cell.text = column[lang]
        cell.paragraphs[0].runs[0].bold = True
        cell.width = int(usable * column.width / total)
        _shade(cell, "EFE7F4")
    _repeat_header(table.rows[0])
    if section.example:
        row = table.add_row()
        for i, value in enumerate(section.example):
            paragraph = row.cells[i].paragraphs[0]
            if i == 0:
                paragraph.add_run(label(lang, "example") + ": ").bold = True
            run = paragraph.add_run(value[lang])
            run.italic = True
            _shade(row.cells[i], "F3F3F3")
    if table_id is not None:  # a Word template for filled answers: one row, repeated per answer row
        row = table.add_row()
        row.height = Cm(1.0)
        for i, cell in enumerate(row.cells, 1):
            cell.text = placeholder("r", f"{table_id}.#.{column_id(i)}")
        return
    for _ in range(section.blank_rows):
        row = table.add_row()
        row.height = Cm(1.0)


def _form(doc, section: FormSection, lang: str, number: int | None = None) -> None:
    for index, field in enumerate(section.fields, 1):
        doc.add_paragraph().add_run(field.label[lang]).bold = True
        if field.prompt:
            doc.add_paragraph(field.prompt[lang]).runs[0].italic = True
        if field.example:
            paragraph = doc.add_paragraph()
            paragraph.add_run(label(lang, "example") + ": ").bold = True
            paragraph.add_run(field.example[lang]).italic = True
        box = doc.add_table(rows=1, cols=1)
        box.style = "Table Grid"
        box.rows[0].height = Cm(0.8 * field.lines)
        if number is not None:
            box.rows[0].cells[0].text = placeholder("f", form_field_id(number, index))


def _list(doc, section: ListSection, lang: str, number: int | None = None) -> None:
    for index, item in enumerate(section.items, 1):
        doc.add_paragraph(item[lang], style="List Number")
        for line in range(section.lines):
            doc.add_paragraph(placeholder("f", list_item_id(number, index)) if number is not None and line == 0 else "")
        if number is not None and section.lines == 0:
            doc.add_paragraph(placeholder("o", list_item_id(number, index)))


def _quiz(doc, section: QuizSection, lang: str, number: int | None = None) -> None:
    for q, question in enumerate(section.questions, 1):
        doc.add_paragraph(question.text[lang], style="List Number")
        for o, option in enumerate(question.options, 1):
            box = placeholder("c", f"{question_id(number, q)}={o}") if number is not None else CHECKBOX
            paragraph = doc.add_paragraph(f"{box} {option[lang]}")
            paragraph.paragraph_format.left_indent = Cm(0.8)


def _programme(doc, item: Programme, lang: str, context) -> None:
    kind = doc.add_paragraph()
    run = kind.add_run(label(lang, "programme").upper())
    run.bold, run.font.color.rgb, run.font.size = True, ACCENT, Pt(9)
    doc.add_heading(item.title[lang], level=1)
    for key, text in (("audience_label", item.audience[lang]), ("purpose", item.purpose[lang])):
        paragraph = doc.add_paragraph()
        paragraph.add_run(label(lang, key) + ": ").bold = True
        paragraph.add_run(text)
    for key in ("date", "venue"):
        doc.add_paragraph(f"{label(lang, key)}: ")
    for number, day in enumerate(item.days, 1):
        doc.add_heading(day.title[lang] if day.title else label(lang, "day_n", n=number), level=2)
        table = doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, key in zip(table.rows[0].cells, ("clock_col", "session_col", "duration_col")):
            cell.text = label(lang, key)
            cell.paragraphs[0].runs[0].bold = True
            _shade(cell, "EFE7F4")
        _repeat_header(table.rows[0])
        for slot in day_schedule(day, context.sessions)[0]:
            row = table.add_row().cells
            row[0].text = slot.clock
            name = slot.session.title[lang] if slot.session is not None else slot.item.label[lang]
            run = row[1].paragraphs[0].add_run(name)
            run.bold = slot.session is not None
            run.italic = slot.session is None
            row[2].text = label(lang, "minutes_value", n=slot.end - slot.start)


def placeholder(kind: str, field: str) -> str:
    """A mark the browser replaces by an answer (fill-in.js): f text, o text or drop the
    paragraph, l one paragraph per line, r one table row per answer row, c ☒ or ☐."""
    return "{{" + kind + ":" + field + "}}"


def build_docx(item, lang: str, context, template: bool = False) -> bytes:
    """The Word file of an item; `template=True` (worksheets) puts a placeholder where each
    answer goes, so the same layout carries the reader's answers (fill_assets.py)."""
    doc = _base_document(lang)
    if isinstance(item, Programme):
        _programme(doc, item, lang, context)
        buffer = io.BytesIO()
        doc.save(buffer)
        return buffer.getvalue()
    module_title = context.module_title(item, lang)
    sources = context.sources
    kind = doc.add_paragraph()
    run = kind.add_run(label(lang, item.kind).upper())
    run.bold, run.font.color.rgb, run.font.size = True, ACCENT, Pt(9)
    doc.add_heading(item.title[lang], level=1)
    meta = []
    if module_title:
        meta.append(f'{label(lang, "module")}: {module_title}')
    if getattr(item, "minutes", None):
        meta.append(label(lang, "minutes_value", n=item.minutes))
    if meta:
        doc.add_paragraph(" · ".join(meta))
    purpose = doc.add_paragraph()
    purpose.add_run(label(lang, "purpose") + ": ").bold = True
    purpose.add_run(item.purpose[lang])
    for key in ("name", "agency", "date"):
        doc.add_paragraph(f"{label(lang, key)}: " + (placeholder("f", key) if template else ""))
    if item.instructions:
        doc.add_heading(label(lang, "instructions"), level=2)
        for step in item.instructions:
            doc.add_paragraph(step[lang], style="List Number")
    if isinstance(item, Worksheet):
        for number, section in enumerate(item.sections, 1):
            doc.add_heading(section.title[lang], level=2)
            if section.intro:
                doc.add_paragraph(section.intro[lang])
            marked = number if template else None
            if isinstance(section, TableSection):
                _table(doc, section, lang, section_id(number) if template else None)
            elif isinstance(section, FormSection):
                _form(doc, section, lang, marked)
            elif isinstance(section, ListSection):
                _list(doc, section, lang, marked)
            elif isinstance(section, QuizSection):
                _quiz(doc, section, lang, marked)
    elif isinstance(item, Checklist):
        for group in item.groups:
            doc.add_heading(group.title[lang], level=2)
            for entry in group.items:
                paragraph = doc.add_paragraph(f"{CHECKBOX} {entry.text[lang]}")
                if entry.guidance:
                    hint = doc.add_paragraph(entry.guidance[lang])
                    hint.paragraph_format.left_indent = Cm(0.6)
                    hint.runs[0].italic = True
                    hint.runs[0].font.size = Pt(9)
                paragraph.paragraph_format.space_after = Pt(2)
    if item.sources:
        doc.add_heading(label(lang, "sources"), level=2)
        for source_id in item.sources:
            source = sources[source_id]
            doc.add_paragraph(f"{source.title[lang]}. {source.publisher[lang]}.", style="List Number")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
