"""The indicator bank (toolkit/indicators/) → its outputs, in one language.

  bank_html          the filterable table of /indicators/ (the filter is indicators.js)
  page_markdown      the body of /indicators/<id>/
  links_markdown     the list of indicators shown on a worksheet or module page that they name
  csv_bytes, xlsx_bytes, pdf_bytes   the downloads (indicators.csv / .xlsx / .pdf)

Every text from data is escaped for where it lands: HTML (`esc`), Markdown (`md_text`), and
spreadsheet cells (`cell`: a text starting with = + - @ would be a formula in Excel).
"""

from __future__ import annotations

import csv
import io
import re

from ..ui_strings import group
from ..ui_text import label
from .html import esc, md_text

PILLARS = ("protection", "participation", "prevention", "relief-recovery")

WORDS = group("indicators")  # WORDS[lang][key], from l10n/ui/<lang>.yml

# (facet in the page and in the URL, the row attribute it matches, the values in order)
FACETS = (
    ("pillar", "pillar", PILLARS),
    ("objective", "objectives", (1, 2, 3, 4)),
    ("level", "levels", ("ministry", "province", "commune", "womens-union")),
    ("results_level", "results-level", ("impact", "outcome", "output", "process")),
    ("type", "type", ("quantitative", "qualitative")),
)
# facet → (the word that labels its control, the table of its values' names)
FACET_WORDS = {"pillar": ("pillar", "pillar"), "objective": ("objective", "objectives"), "level": ("levels", "levels"),
               "results_level": ("results_level", "results_level"), "type": ("type", "type")}


def word(lang: str, key: str, **values) -> str:
    text = WORDS[lang][key]
    return text.format(**values) if values else text


def value_name(lang: str, key: str, value) -> str:
    return WORDS[lang]["values"][key][value]


def ordered(indicators) -> list:
    """Pillar by pillar (protection, participation, prevention, relief and recovery), then by code."""
    return sorted(indicators, key=lambda i: (PILLARS.index(i.pillar), i.code))


def indicators_naming(indicators, key: str, target_id: str) -> list:
    """The indicators whose `worksheets` or `modules` list names `target_id`, in bank order."""
    return ordered(i for i in indicators if target_id in getattr(i, key))


def origin_text(indicator, lang: str, sources: dict) -> str:
    if indicator.origin is None:
        return word(lang, "proposed")
    text = word(lang, "from_source", source=sources[indicator.origin.source].title[lang])
    return f"{text}. {indicator.origin.note[lang]}" if indicator.origin.note else text


def fields(indicator, lang: str, context) -> list[tuple[str, str]]:
    """(label, text) of every filled field, in reading order: the one list the page, the CSV,
    the XLSX and the PDF all show. `context` gives source, worksheet and module titles."""
    values = WORDS[lang]["values"]

    def optional(key):
        text = getattr(indicator, key)
        return text[lang] if text else ""

    return [
        ("code", indicator.code),
        ("title", indicator.title[lang]),
        ("pillar", values["pillar"][indicator.pillar]),
        ("objectives", "; ".join(values["objectives"][o] for o in indicator.objectives)),
        ("results_level", values["results_level"][indicator.results_level]),
        ("type", values["type"][indicator.type]),
        ("definition", indicator.definition[lang]),
        ("numerator", optional("numerator")),
        ("denominator", optional("denominator")),
        ("unit", optional("unit")),
        ("disaggregation", ", ".join(values["disaggregation"][d] for d in indicator.disaggregation)),
        ("data_source", indicator.data_source[lang]),
        ("collected_by", indicator.collected_by[lang]),
        ("levels", ", ".join(values["levels"][v] for v in indicator.levels)),
        ("frequency", values["frequency"][indicator.frequency]),
        ("reporting", optional("reporting")),
        ("baseline_target", indicator.baseline_target[lang]),
        ("verification", indicator.verification[lang]),
        ("worksheets", "; ".join(context.tools[w].title[lang] for w in indicator.worksheets if w in context.tools)),
        ("modules", "; ".join(context.module_titles.get((lang, m), m) for m in indicator.modules)),
        ("related", ", ".join(context.indicators[r].code for r in indicator.related if r in context.indicators)),
        ("origin", origin_text(indicator, lang, context.sources)),
    ]


# --- the web page of the bank --------------------------------------------------

def _select(lang: str, facet: str, match: str, values) -> str:
    label_key, values_key = FACET_WORDS[facet]
    names = WORDS[lang]["values"][values_key]
    options = "".join(f'<option value="{esc(v)}">{esc(names[v])}</option>' for v in values)
    control = f"wps-bank-{facet.replace('_', '-')}"
    return (f'<div class="wps-bank-field"><label for="{control}">{esc(word(lang, label_key))}</label>'
            f'<select id="{control}" name="{esc(facet)}" data-filter="{esc(facet)}" data-match="{esc(match)}">'
            f'<option value="">{esc(word(lang, "all"))}</option>{options}</select></div>')


def bank_html(indicators, lang: str, href_of, script_href: str) -> str:
    """The filters, the count and the table; `href_of(indicator)` is the link to its page."""
    values = WORDS[lang]["values"]
    items = ordered(indicators)
    total = len(items)
    columns = ("code", "title", "pillar", "objectives", "results_level", "type", "levels")
    head = "".join(f'<th scope="col">{esc(word(lang, c))}</th>' for c in columns)
    rows = []
    for item in items:
        cells = {
            "code": esc(item.code),
            "title": f'<a href="{esc(href_of(item))}">{esc(item.title[lang])}</a>',
            "pillar": esc(values["pillar"][item.pillar]),
            "objectives": esc(", ".join(str(o) for o in item.objectives)),
            "results_level": esc(values["results_level"][item.results_level]),
            "type": esc(values["type"][item.type]),
            "levels": esc(", ".join(values["levels"][v] for v in item.levels)),
        }
        tds = "".join(f'<td data-label="{esc(word(lang, c))}">{cells[c]}</td>' for c in columns)
        rows.append(
            f'<tr data-indicator="{esc(item.id)}" data-pillar="{esc(item.pillar)}" '
            f'data-objectives="{esc(" ".join(str(o) for o in item.objectives))}" data-levels="{esc(" ".join(item.levels))}" '
            f'data-results-level="{esc(item.results_level)}" data-type="{esc(item.type)}" '
            f'data-search="{esc(item.definition[lang])}">{tds}</tr>')
    selects = "".join(_select(lang, facet, match, facet_values) for facet, match, facet_values in FACETS)
    form = (f'<form class="wps-bank-filters" role="search" aria-label="{esc(word(lang, "filters"))}" hidden>'
            f'<div class="wps-bank-field wps-bank-field--text"><label for="wps-bank-text">{esc(word(lang, "search"))}</label>'
            f'<input type="search" id="wps-bank-text" name="text" data-filter="text" autocomplete="off" spellcheck="false"></div>'
            f'{selects}<button type="reset" class="md-button wps-bank-reset">{esc(word(lang, "reset"))}</button></form>')
    count = (f'<p class="wps-bank-count" role="status" aria-live="polite" data-template="{esc(word(lang, "count"))}">'
             f'{esc(word(lang, "count", shown=total, total=total))}</p>')
    table = (f'<div class="wps-table-wrap"><table class="wps-bank-table"><caption>{esc(word(lang, "caption"))}</caption>'
             f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
             f'<p class="wps-bank-empty" hidden>{esc(word(lang, "none"))}</p>')
    return (f'<div class="wps-bank" data-bank>{form}{count}{table}</div>\n'
            f'<script src="{esc(script_href)}" defer></script>')


# --- Markdown of the pages that show indicators ---------------------------------

def _md_paragraph(text: str) -> str:
    """A data text as one Markdown paragraph: escaped, on one line, never read as a list or heading."""
    text = re.sub(r"^(\d+)\.", r"\1&#46;", md_text(" ".join(str(text).split())))
    return f"&#{ord(text[0])};{text[1:]}" if text.startswith(("-", "=", ":")) else text


def page_markdown(indicator, lang: str, context, link_to) -> str:
    """The body of /indicators/<id>/. `link_to(kind, id)` gives a Markdown link target (a .md source)."""
    values = WORDS[lang]["values"]
    meta = " · ".join([indicator.code, values["pillar"][indicator.pillar],
                       values["results_level"][indicator.results_level], values["type"][indicator.type]])
    out = [f'<h1 class="wps-title">{esc(indicator.title[lang])}</h1>', f'<p class="wps-meta">{esc(meta)}</p>', ""]
    objective_items = [f"{o}. {WORDS[lang]['objective_text'][o]}" for o in indicator.objectives]
    shown = {"code", "title", "pillar", "results_level", "type", "worksheets", "modules", "related", "objectives"}
    for key, text in fields(indicator, lang, context):
        if key in shown or not text:
            continue
        out += [md_text(word(lang, key)), f":   {_md_paragraph(text)}", ""]
        if key == "definition":
            out += [md_text(word(lang, "objectives")), f":   {_md_paragraph('; '.join(objective_items))}", ""]
    used = [f"- {md_text(label(lang, 'worksheet'))}: [{md_text(context.tools[w].title[lang])}]({link_to('worksheets', w)})"
            for w in indicator.worksheets]
    used += [f"- {md_text(label(lang, 'module'))}: [{md_text(context.module_titles.get((lang, m), m))}]({link_to('modules', m)})"
             for m in indicator.modules]
    if used:
        out += [f"## {md_text(word(lang, 'used_in'))}", "", *used, ""]
    if indicator.related:
        out += [f"## {md_text(word(lang, 'related'))}", ""]
        out += [f"- [{md_text(context.indicators[r].code)} — {md_text(context.indicators[r].title[lang])}]"
                f"({link_to('indicators', r)})" for r in indicator.related]
        out.append("")
    out.append(f"[{md_text(word(lang, 'back'))}]({link_to('indicators', 'index')}){{ .wps-bank-back }}")
    return "\n".join(out)


def links_markdown(items, lang: str, heading_key: str, link_to) -> str:
    """A heading, one link per indicator and a link to the whole bank ('' when there are none)."""
    if not items:
        return ""
    lines = [f"## {md_text(word(lang, heading_key))}", ""]
    lines += [f"- [{md_text(i.code)} — {md_text(i.title[lang])}]({link_to('indicators', i.id)})" for i in items]
    lines += ["", f"[{md_text(word(lang, 'whole_bank'))}]({link_to('indicators', 'index')})", ""]
    return "\n".join(lines)


# --- downloads ---------------------------------------------------------------

def cell(text: str) -> str:
    """A text a spreadsheet shows as text: one that starts like a formula gets a leading apostrophe."""
    text = str(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def table_rows(indicators, lang: str, context) -> list[list[str]]:
    """The header row, then one row per indicator, every cell safe for a spreadsheet."""
    items = ordered(indicators)
    if not items:
        return [[word(lang, key) for key in ("code", "title")]]
    keys = [key for key, _ in fields(items[0], lang, context)]
    rows = [[cell(word(lang, key)) for key in keys]]
    rows += [[cell(text) for _, text in fields(item, lang, context)] for item in items]
    return rows


def csv_bytes(indicators, lang: str, context) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows the Vietnamese letters right."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(table_rows(indicators, lang, context))
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(indicators, lang: str, context) -> bytes:
    """One row per indicator; the header row frozen and filters on."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = word(lang, "bank")[:31]
    rows = table_rows(indicators, lang, context)
    for row in rows:
        sheet.append(row)
    for column in sheet.iter_cols(min_row=1, max_row=len(rows)):
        for position, entry in enumerate(column):
            entry.data_type = "s"  # never a formula, whatever the text
            entry.alignment = Alignment(wrap_text=True, vertical="top")
            if position == 0:
                entry.font = Font(bold=True)
                entry.fill = PatternFill("solid", fgColor="EFE7F4")
        longest = max(len(str(entry.value or "")) for entry in column)
        sheet.column_dimensions[column[0].column_letter].width = max(8, min(60, longest * 0.9))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    book.properties.title = word(lang, "bank")
    book.properties.language = lang
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def print_document(indicators, lang: str, context) -> str:
    """The bank as an A4 document: pillar by pillar, one block per indicator."""
    items = ordered(indicators)
    body = [f'<div class="kind">{esc(label(lang, "licence").split(" · ")[0])}</div>',
            f"<h1>{esc(word(lang, 'bank'))}</h1>",
            f'<p class="meta">{esc(word(lang, "pdf_lead", n=len(items)))}</p>']
    for pillar in PILLARS:
        group = [i for i in items if i.pillar == pillar]
        if not group:
            continue
        body.append(f'<h2 class="pillar">{esc(value_name(lang, "pillar", pillar))}</h2>')
        for item in group:
            rows = "".join(f"<tr><th>{esc(word(lang, key))}</th><td>{esc(text)}</td></tr>"
                           for key, text in fields(item, lang, context) if text and key not in ("code", "title"))
            body.append(f'<section class="indicator"><h3>{esc(item.code)} · {esc(item.title[lang])}</h3>'
                        f'<table class="fields"><colgroup><col style="width:28%"><col style="width:72%"></colgroup>'
                        f"<tbody>{rows}</tbody></table></section>")
    style = ("<style>h2.pillar { break-before: page; } h2.pillar:first-of-type { break-before: auto; }"
             " h3 { font-size: 10.5pt; margin: 5mm 0 1.5mm; break-after: avoid; }"
             " table.fields th { background: #f5f0f9; font-weight: 700; font-size: 8.5pt; }"
             " section.indicator { break-inside: auto; }</style>")
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(word(lang, "bank"))}</title>'
            f'<link rel="stylesheet" href="print/print.css">{style}</head><body>'
            f'<footer class="running">{esc(label(lang, "licence"))}</footer>{"".join(body)}</body></html>')


def pdf_bytes(indicators, lang: str, context) -> bytes:
    from .pdf_file import html_to_pdf
    return html_to_pdf(print_document(indicators, lang, context))


BUILDERS = {"csv": csv_bytes, "xlsx": xlsx_bytes, "pdf": pdf_bytes}
