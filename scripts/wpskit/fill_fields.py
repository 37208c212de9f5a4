"""The fillable fields of a worksheet: their ids (the same on the web page, in the saved
answers and in the Word template) and a version key computed from the worksheet's shape.

Ids: `name`, `agency`, `date` (the header lines); a form field `s<section>-f<n>`; the answer
to a list item `s<section>-i<n>`; a quiz question `s<section>-q<n>` (its value is the
number of the option chosen, from 1); a table cell `s<section>.<row>.c<column>` (rows
from 1, added and removed by the reader). Sections and fields are numbered from 1.

The version changes only when the shape changes (a field, column, item or option added or
removed), not when a text is reworded: answers saved under another version are kept and
the ones that no longer have a place are listed on the page (fill-in.js).
"""

from __future__ import annotations

import hashlib
import json

from .model import FormSection, ListSection, QuizSection, TableSection, Worksheet

HEADER_FIELDS = ("name", "agency", "date")


def section_id(number: int) -> str:
    return f"s{number}"


def form_field_id(section: int, field: int) -> str:
    return f"s{section}-f{field}"


def list_item_id(section: int, item: int) -> str:
    return f"s{section}-i{item}"


def question_id(section: int, question: int) -> str:
    return f"s{section}-q{question}"


def column_id(column: int) -> str:
    return f"c{column}"


def shape(worksheet: Worksheet) -> list:
    out = []
    for section in worksheet.sections:
        if isinstance(section, TableSection):
            out.append(["table", len(section.columns)])
        elif isinstance(section, FormSection):
            out.append(["form", len(section.fields)])
        elif isinstance(section, ListSection):
            out.append(["list", len(section.items)])
        elif isinstance(section, QuizSection):
            out.append(["quiz", [len(q.options) for q in section.questions]])
    return out


def version_key(worksheet: Worksheet) -> str:
    payload = json.dumps([worksheet.id, list(HEADER_FIELDS), shape(worksheet)], separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()[:12]
