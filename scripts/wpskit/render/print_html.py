"""Data → a complete HTML document for printing (the PDF is made from it).

The same model as the web page, laid out for paper: blank rows and ruled lines to fill
in by hand, a name/agency/date strip, and a footer with the licence.
"""

from __future__ import annotations

from ..model import Checklist, FormSection, ListSection, Programme, QuizSection, Session, TableSection, Worksheet
from ..schedule import day_schedule
from ..ui_text import label
from .html import esc

STYLESHEET = "print/print.css"


def _lines(count: int) -> str:
    return '<div class="line"></div>' * count


def _table(section: TableSection, lang: str) -> str:
    widths = "".join(f'<col style="width:{c.width / sum(x.width for x in section.columns) * 100:.1f}%">'
                     for c in section.columns)
    head = "".join(f"<th>{esc(c[lang])}</th>" for c in section.columns)
    rows = ""
    if section.example:
        tag = f'<span class="tag">{esc(label(lang, "example"))}:</span> '
        cells = "".join(f"<td>{tag if i == 0 else ''}{esc(v[lang])}</td>" for i, v in enumerate(section.example))
        rows += f'<tr class="example">{cells}</tr>'
    rows += ('<tr class="blank">' + "<td></td>" * len(section.columns) + "</tr>") * section.blank_rows
    return f"<table><colgroup>{widths}</colgroup><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _form(section: FormSection, lang: str) -> str:
    out = []
    for field in section.fields:
        out.append('<div class="field">')
        out.append(f'<div class="label">{esc(field.label[lang])}</div>')
        if field.prompt:
            out.append(f'<p class="prompt">{esc(field.prompt[lang])}</p>')
        if field.example:
            out.append(f'<p class="example-text"><span class="tag">{esc(label(lang, "example"))}:</span> '
                       f"{esc(field.example[lang])}</p>")
        out.append(_lines(field.lines))
        out.append("</div>")
    return "".join(out)


def _list(section: ListSection, lang: str) -> str:
    items = "".join(f"<li>{esc(i[lang])}{_lines(section.lines)}</li>" for i in section.items)
    return f'<ol class="items">{items}</ol>'


def _quiz(section: QuizSection, lang: str) -> str:
    questions = []
    for question in section.questions:
        options = "".join(f"<li>{esc(o[lang])}</li>" for o in question.options)
        questions.append(f'<li>{esc(question.text[lang])}<ul class="check">{options}</ul></li>')
    return f'<ol class="items">{"".join(questions)}</ol>'


def _header(item, lang: str, module_title: str | None) -> str:
    meta = []
    if module_title:
        meta.append(f'{esc(label(lang, "module"))}: {esc(module_title)}')
    if getattr(item, "minutes", None):
        meta.append(esc(label(lang, "minutes_value", n=item.minutes)))
    identity = "".join(f'<div>{esc(label(lang, key))}: <span></span></div>' for key in ("name", "agency", "date"))
    return (f'<div class="kind">{esc(label(lang, item.kind))}</div>'
            f"<h1>{esc(item.title[lang])}</h1>"
            f'<p class="meta">{" · ".join(meta)}</p>'
            f'<p class="purpose"><strong>{esc(label(lang, "purpose"))}:</strong> {esc(item.purpose[lang])}</p>'
            f'<div class="identity">{identity}</div>')


def _instructions(item, lang: str) -> str:
    if not item.instructions:
        return ""
    steps = "".join(f"<li>{esc(i[lang])}</li>" for i in item.instructions)
    return f'<h2>{esc(label(lang, "instructions"))}</h2><ol>{steps}</ol>'


def _sources(item, sources: dict, lang: str) -> str:
    if not item.sources:
        return ""
    entries = "".join(f"<li>{esc(sources[s].title[lang])}. {esc(sources[s].publisher[lang])}.</li>"
                      for s in item.sources)
    return f'<h2>{esc(label(lang, "sources"))}</h2><ol class="sources">{entries}</ol>'


def _session(item: Session, lang: str, context) -> list[str]:
    module_title = context.module_title(item, lang)
    meta = [esc(label(lang, "session_guide")), esc(label(lang, "minutes_value", n=item.minutes))]
    if module_title:
        meta.insert(1, f'{esc(label(lang, "module"))}: {esc(module_title)}')
    body = [f'<div class="kind">{esc(label(lang, "session_guide"))}</div><h1>{esc(item.title[lang])}</h1>',
            f'<p class="meta">{" · ".join(meta[1:])}</p>',
            f'<h2>{esc(label(lang, "outcomes"))}</h2><ul>' + "".join(f"<li>{esc(o[lang])}</li>" for o in item.outcomes) + "</ul>"]
    if item.materials:
        body.append(f'<h2>{esc(label(lang, "materials"))}</h2><ul>' + "".join(f"<li>{esc(m[lang])}</li>" for m in item.materials) + "</ul>")
    if item.tools:
        body.append(f'<h2>{esc(label(lang, "to_print"))}</h2><ul>' + "".join(
            f"<li>{esc(context.tools[t].title[lang])} ({esc(t)}.pdf, {esc(t)}.docx)</li>" for t in item.tools) + "</ul>")
    rows, elapsed = [], 0
    for number, step in enumerate(item.steps, 1):
        uses = esc(context.tools[step.uses].title[lang]) if step.uses else ""
        rows.append(f"<tr><td>{number}</td><td>{elapsed}–{elapsed + step.minutes}′</td>"
                    f"<td><strong>{esc(step.title[lang])}</strong><br>{esc(label(lang, 'methods')[step.method])}</td>"
                    f"<td>{esc(step.instructions[lang])}</td><td>{uses}</td></tr>")
        elapsed += step.minutes
    head = "".join(f"<th>{esc(label(lang, key))}</th>" for key in ("step_col", "time_col", "activity_col", "instructions", "tool_col"))
    widths = '<colgroup><col style="width:5%"><col style="width:11%"><col style="width:22%"><col style="width:44%"><col style="width:18%"></colgroup>'
    body.append(f'<h2>{esc(label(lang, "steps"))}</h2><table>{widths}<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    if item.tips:
        body.append(f'<h2>{esc(label(lang, "tips"))}</h2><ul>' + "".join(f"<li>{esc(t[lang])}</li>" for t in item.tips) + "</ul>")
    return body


def _programme(item: Programme, lang: str, context) -> list[str]:
    body = [f'<div class="kind">{esc(label(lang, "programme"))}</div><h1>{esc(item.title[lang])}</h1>',
            f'<p class="purpose"><strong>{esc(label(lang, "audience_label"))}:</strong> {esc(item.audience[lang])}</p>',
            f'<p class="purpose"><strong>{esc(label(lang, "purpose"))}:</strong> {esc(item.purpose[lang])}</p>',
            f'<div class="identity"><div>{esc(label(lang, "date"))}: <span></span></div><div>{esc(label(lang, "venue"))}: <span></span></div></div>']
    for number, day in enumerate(item.days, 1):
        title = day.title[lang] if day.title else label(lang, "day_n", n=number)
        rows = []
        for slot in day_schedule(day, context.sessions)[0]:
            if slot.session is not None:
                name = f"<strong>{esc(slot.session.title[lang])}</strong>"
            else:
                name = f"<em>{esc(slot.item.label[lang])}</em>"
            rows.append(f"<tr><td>{slot.clock}</td><td>{name}</td><td>{esc(label(lang, 'minutes_value', n=slot.end - slot.start))}</td></tr>")
        head = "".join(f"<th>{esc(label(lang, key))}</th>" for key in ("clock_col", "session_col", "duration_col"))
        body.append(f'<h2>{esc(title)}</h2><table><colgroup><col style="width:20%"><col style="width:62%"><col style="width:18%"></colgroup>'
                    f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    return body


def document(item, lang: str, context) -> str:
    if isinstance(item, (Session, Programme)):
        body = _session(item, lang, context) if isinstance(item, Session) else _programme(item, lang, context)
        return _wrap(item, lang, body)
    body = [_header(item, lang, context.module_title(item, lang)), _instructions(item, lang)]
    if isinstance(item, Worksheet):
        for section in item.sections:
            body.append(f"<h2>{esc(section.title[lang])}</h2>")
            if section.intro:
                body.append(f"<p>{esc(section.intro[lang])}</p>")
            if isinstance(section, TableSection):
                body.append(_table(section, lang))
            elif isinstance(section, FormSection):
                body.append(_form(section, lang))
            elif isinstance(section, ListSection):
                body.append(_list(section, lang))
            elif isinstance(section, QuizSection):
                body.append(_quiz(section, lang))
    elif isinstance(item, Checklist):
        for group in item.groups:
            body.append(f"<h2>{esc(group.title[lang])}</h2><ul class=\"check\">")
            for entry in group.items:
                guidance = f'<div class="guidance">{esc(entry.guidance[lang])}</div>' if entry.guidance else ""
                body.append(f"<li>{esc(entry.text[lang])}{guidance}</li>")
            body.append("</ul>")
    body.append(_sources(item, context.sources, lang))
    return _wrap(item, lang, body)


def _wrap(item, lang: str, body: list[str]) -> str:
    footer = f'<footer class="running">{esc(label(lang, "licence"))}</footer>'
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{esc(item.title[lang])}</title>"
            f'<link rel="stylesheet" href="{STYLESHEET}"></head><body>{footer}{"".join(body)}</body></html>')
