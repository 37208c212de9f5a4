"""A worksheet, checklist, session guide or programme → plain data, in one language: the one
view model that the web page, the print page (PDF) and the Word file are all made from.

Nothing here decides how a thing looks; everything here decides what is shown: the title,
the meta line, the facts (purpose, audience), the lines to fill in by hand, and the sections
in order, each a plain dict with a `type` naming its partial (templates/item/sections/
<type>.html) and its Word builder (docx_file.SECTION_BUILDERS). Labels are already in the
language (`ui_text.label`); texts are plain strings, escaped by whatever writes them (Jinja's
autoescape, python-docx).

Links: `href(item_id)` gives the web page's link to another item (None on paper, where a
reference is plain text); `module_href` is the link to the item's module page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..kinds import BY_NAME, function_of
from ..fill_fields import form_field_id, list_item_id, question_id, section_id
from ..model import FormSection, ListSection, QuizSection, TableSection
from ..schedule import day_schedule
from ..ui_text import label
from .fill_html import indicator_column

# the kinds of section; each names a partial templates/item/sections/<type>.html and a Word builder
SECTION_TYPES = ("steps", "bullets", "tools", "table", "form", "prompts", "quiz", "checklist_bar", "checks",
                 "session_steps", "agenda", "sources")


@dataclass
class ItemView:
    id: str
    kind: str
    lang: str
    kind_label: str  # "Worksheet", "Session guide"…
    title: str
    meta: list[dict]  # the meta line: {"label", "text", "href"} each
    facts: list[dict]  # {"key", "label", "text"}: purpose, audience
    identity: list[dict]  # lines filled in by hand on paper: {"key", "label"}
    sections: list[dict]
    licence: str
    labels: dict = field(default_factory=dict)  # a few words the outputs share ("example"…)


def _section(type_: str, heading: str, intro: str | None = None, number: int | None = None,
             role: str | None = None, **data) -> dict:
    """One section of the view model: the same keys for every type, plus the type's own data."""
    assert type_ in SECTION_TYPES, type_
    return {"type": type_, "heading": heading, "intro": intro, "number": number, "role": role, **data}


def _ref(text: str, target: str | None, href) -> dict:
    """A mention of another item: linked on the web (`href`), plain text on paper."""
    return {"text": text, "href": href(target) if href and target else None, "id": target}


def _meta(item, lang: str, module_title: str | None, module_href: str | None) -> list[dict]:
    parts = []
    if module_title:
        parts.append({"label": label(lang, "module"), "text": module_title, "href": module_href})
    if getattr(item, "minutes", None):
        parts.append({"label": None, "text": label(lang, "minutes_value", n=item.minutes), "href": None})
    if getattr(item, "days", None):  # a programme
        parts.append({"label": None, "text": label(lang, "days_count", n=len(item.days)), "href": None})
    return parts


def _fact(lang: str, key: str, text: str) -> dict:
    return {"key": key, "label": label(lang, key), "text": text}


def _identity(lang: str, keys) -> list[dict]:
    return [{"key": key, "label": label(lang, key)} for key in keys]


def _instructions(item, lang: str) -> list[dict]:
    if not item.instructions:
        return []
    return [_section("steps", label(lang, "instructions"), items=[i[lang] for i in item.instructions])]


def sources_section(ids, sources: dict, lang: str) -> dict:
    return _section("sources", label(lang, "sources"), items=[
        {"id": s, "title": sources[s].title[lang], "publisher": sources[s].publisher[lang], "year": sources[s].year}
        for s in ids])


def _table(part: TableSection, number: int, lang: str) -> dict:
    total = sum(c.width for c in part.columns)
    return {
        "columns": [{"text": c[lang], "width": c.width / total * 100} for c in part.columns],
        "example": [v[lang] for v in part.example] if part.example else [],
        "blank_rows": part.blank_rows,
        "id": section_id(number),
        "indicator_column": indicator_column(part.columns),  # the one the indicator bank fills in
    }


def _form(part: FormSection, number: int, lang: str) -> dict:
    return {"fields": [{
        "label": f.label[lang], "prompt": f.prompt[lang] if f.prompt else None,
        "example": f.example[lang] if f.example else None, "lines": f.lines, "id": form_field_id(number, index),
    } for index, f in enumerate(part.fields, 1)]}


def _prompts(part: ListSection, number: int, lang: str) -> dict:
    return {"lines": part.lines,
            "items": [{"text": i[lang], "id": list_item_id(number, index)} for index, i in enumerate(part.items, 1)]}


def _quiz(part: QuizSection, number: int, lang: str) -> dict:
    return {"questions": [{
        "text": q.text[lang], "options": [o[lang] for o in q.options], "id": question_id(number, index),
        "answer": f"{chr(96 + q.answer)}) {q.options[q.answer - 1][lang]}",
    } for index, q in enumerate(part.questions, 1)]}


SECTION_DATA = {TableSection: ("table", _table), FormSection: ("form", _form), ListSection: ("prompts", _prompts),
                QuizSection: ("quiz", _quiz)}


def worksheet_sections(item, lang: str, context, href) -> list[dict]:
    sections = _instructions(item, lang)
    for number, part in enumerate(item.sections, 1):
        kind, data = SECTION_DATA[type(part)]
        sections.append(_section(kind, part.title[lang], part.intro[lang] if part.intro else None, number,
                                 **data(part, number, lang)))
    return sections


def checklist_sections(item, lang: str, context, href) -> list[dict]:
    sections = _instructions(item, lang)
    sections.append(_section("checklist_bar", "", id=item.id,
                             progress=label(lang, "ticked", done="{done}", total="{total}"),
                             reset=label(lang, "reset"), saved_note=label(lang, "saved_note")))
    for g, group in enumerate(item.groups, 1):
        sections.append(_section("checks", group.title[lang], number=g, items=[{
            "text": entry.text[lang], "guidance": entry.guidance[lang] if entry.guidance else None,
            "key": f"{item.id}:{g}.{i}", "box_id": f"check-{item.id}-{g}-{i}",
        } for i, entry in enumerate(group.items, 1)]))
    return sections


def session_sections(item, lang: str, context, href) -> list[dict]:
    sections = [_section("bullets", label(lang, "outcomes"), items=[o[lang] for o in item.outcomes])]
    if item.materials:
        sections.append(_section("bullets", label(lang, "materials"), items=[m[lang] for m in item.materials]))
    if item.tools:
        sections.append(_section("tools", label(lang, "to_print"),
                                 items=[_ref(context.tools[t].title[lang], t, href) for t in item.tools]))
    rows, elapsed = [], 0
    for number, step in enumerate(item.steps, 1):
        rows.append({
            "number": number, "time": f"{elapsed}–{elapsed + step.minutes}′", "title": step.title[lang],
            "method": label(lang, "methods")[step.method], "minutes": label(lang, "minutes_value", n=step.minutes),
            "instructions": step.instructions[lang],
            "tool": _ref(context.tools[step.uses].title[lang], step.uses, href) if step.uses else None,
        })
        elapsed += step.minutes
    sections.append(_section(
        "session_steps", label(lang, "steps"),
        caption=f"{label(lang, 'steps')} · {label(lang, 'total')}: {label(lang, 'minutes_value', n=elapsed)}",
        columns=[label(lang, key) for key in ("step_col", "time_col", "activity_col", "instructions", "tool_col")],
        widths=(5, 11, 22, 44, 18), rows=rows))
    if item.tips:
        sections.append(_section("bullets", label(lang, "tips"), role="tips", items=[t[lang] for t in item.tips]))
    return sections


def programme_sections(item, lang: str, context, href) -> list[dict]:
    sections = []
    for number, day in enumerate(item.days, 1):
        rows = []
        for slot in day_schedule(day, context.sessions)[0]:
            if slot.session is not None:
                name = _ref(slot.session.title[lang], slot.session.id, href)
            else:
                name = _ref(slot.item.label[lang], None, None)
            rows.append({"clock": slot.clock, "name": name, "is_session": slot.session is not None,
                         "duration": label(lang, "minutes_value", n=slot.end - slot.start)})
        sections.append(_section("agenda", day.title[lang] if day.title else label(lang, "day_n", n=number),
                                 number=number, widths=(20, 62, 18), rows=rows,
                                 columns=[label(lang, key) for key in ("clock_col", "session_col", "duration_col")]))
    return sections


FACT_LABELS = {"purpose": "purpose", "audience": "audience_label"}


def item_view(item, lang: str, context, href: Callable[[str], str] | None = None,
              module_href: str | None = None) -> ItemView:
    """The view model of `item`; `context` is a downloads.RenderContext (sources, tools,
    sessions, module titles); `href`/`module_href` only for the web page."""
    kind = BY_NAME[item.kind]  # its record (kinds.py) names its sections, facts and hand-filled lines
    sections = function_of(kind.view_sections)(item, lang, context, href)
    if getattr(item, "sources", None):
        sections.append(sources_section(item.sources, context.sources, lang))
    return ItemView(
        id=item.id, kind=item.kind, lang=lang, kind_label=label(lang, kind.label), title=item.title[lang],
        meta=_meta(item, lang, context.module_title(item, lang), module_href),
        facts=[_fact(lang, FACT_LABELS[key], getattr(item, key)[lang]) for key in kind.facts],
        identity=_identity(lang, kind.identity), sections=sections,
        licence=label(lang, "licence"),
        labels={key: label(lang, key) for key in ("example", "example_row", "answers", "guidance")},
    )
