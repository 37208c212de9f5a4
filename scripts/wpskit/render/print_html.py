"""Data → a complete HTML document for printing (the PDF is made from it).

The same model as the web page, laid out for paper: blank rows and ruled lines to fill
in by hand, a name/agency/date strip, and a footer with the licence.
"""

from __future__ import annotations

from ..model import Checklist, FormSection, ListSection, TableSection, Worksheet
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


def document(item, lang: str, module_title: str | None, sources: dict) -> str:
    body = [_header(item, lang, module_title), _instructions(item, lang)]
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
    elif isinstance(item, Checklist):
        for group in item.groups:
            body.append(f"<h2>{esc(group.title[lang])}</h2><ul class=\"check\">")
            for entry in group.items:
                guidance = f'<div class="guidance">{esc(entry.guidance[lang])}</div>' if entry.guidance else ""
                body.append(f"<li>{esc(entry.text[lang])}{guidance}</li>")
            body.append("</ul>")
    body.append(_sources(item, sources, lang))
    footer = f'<footer class="running">{esc(label(lang, "licence"))}</footer>'
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{esc(item.title[lang])}</title>"
            f'<link rel="stylesheet" href="{STYLESHEET}"></head><body>{footer}{"".join(body)}</body></html>')
