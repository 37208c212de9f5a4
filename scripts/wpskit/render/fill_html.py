"""Worksheet pages and the plan builder as forms a reader fills in (fill-in.js keeps the
answers on the device and makes the Word file).

Every control carries `data-field="<field id>"` (fill_fields.py); a table cell
`data-field="<table id>.<row>.<column id>"`; the buttons carry `data-action`. Text from
data goes through `esc`. Without JavaScript the fields still show (the tool bar stays
hidden): a reader can type and print.
"""

from __future__ import annotations

import json

from ..fill_fields import HEADER_FIELDS, column_id, version_key
from ..ui_text import label
from .html import esc

INITIAL_ROWS = 2  # answer rows a table starts with on the web (the reader adds more)
ACTIONS = ("download-docx", "print", "save-file", "open-file", "clear")


def control_id(field: str) -> str:
    return "fill-" + field.replace(".", "-")


def textarea(field: str, lines: int = 2, labelled_by: str | None = None, aria_label: str | None = None) -> str:
    attributes = f' aria-labelledby="{esc(labelled_by)}"' if labelled_by else ""
    attributes += f' aria-label="{esc(aria_label)}"' if aria_label else ""
    return (f'<textarea id="{control_id(field)}" class="wps-answer" data-field="{esc(field)}" rows="{lines}"'
            f"{attributes}></textarea>")


def toolbar(kind: str, item_id: str, lang: str, version: str, template_src: str, file_name: str,
            extra: str = "") -> str:
    """The buttons and the message area; `data-fill-*` tell fill-in.js what to keep and where."""
    buttons = "".join(f'<button type="button" class="md-button" data-action="{a}">{esc(label(lang, "fill_" + a))}</button>'
                      for a in ACTIONS)
    messages = json.dumps({key: label(lang, key) for key in FILL_MESSAGES}, ensure_ascii=False)
    return (f'<div class="wps-fill-bar" hidden data-fill-kind="{esc(kind)}" data-fill-id="{esc(item_id)}" '
            f'data-fill-lang="{esc(lang)}" data-fill-version="{esc(version)}" data-fill-template="{esc(template_src)}" '
            f'data-fill-file="{esc(file_name)}" data-fill-messages="{esc(messages)}">'
            f'<p class="wps-fill-note">{esc(label(lang, "fill_note"))}</p>{extra}'
            f'<div class="wps-fill-actions" role="group" aria-label="{esc(label(lang, "fill_actions"))}">{buttons}'
            f'<input type="file" accept=".json,application/json" class="wps-fill-file" hidden tabindex="-1" '
            f'aria-label="{esc(label(lang, "fill_open-file"))}"></div>'
            f'<p class="wps-fill-status" role="status" aria-live="polite"></p>'
            f'<p class="wps-fill-error" role="alert"></p>'
            f'<div class="wps-fill-orphans" hidden><p>{esc(label(lang, "fill_orphans"))}</p><dl></dl></div></div>')


FILL_MESSAGES = ("fill_saved", "fill_cleared", "fill_confirm_clear", "fill_opened", "fill_broken_file",
                 "fill_foreign_file", "fill_other_version", "fill_downloaded", "fill_download_failed",
                 "fill_row", "fill_remove_row", "fill_example_loaded", "fill_confirm_example", "fill_storage_off",
                 "fill_pick_first", "fill_indicator_added")


def header_fields(lang: str) -> str:
    rows = "".join(
        f'<p class="wps-fill-line"><label for="{control_id(key)}">{esc(label(lang, key))}</label> '
        f'<input type="text" id="{control_id(key)}" class="wps-answer" data-field="{key}" autocomplete="off"></p>'
        for key in HEADER_FIELDS)
    return f'<div class="wps-fill-header">{rows}</div>'


def row_cells(table_id: str, columns, lang: str, row: str, column_ids=None) -> str:
    column_ids = column_ids or [column_id(i) for i in range(1, len(columns) + 1)]
    cells = "".join(
        f'<td data-label="{esc(c[lang])}">' + textarea(f"{table_id}.{row}.{key}", 2,
                                                       aria_label=f"{c[lang]} · {label(lang, 'fill_row')} {row}") + "</td>"
        for key, c in zip(column_ids, columns))
    remove = (f'<td class="wps-row-tools"><button type="button" class="wps-remove-row" data-row-action="remove" '
              f'aria-label="{esc(label(lang, "fill_remove_row"))} {row}">×</button></td>')
    return f'<tr class="wps-answer-row" data-row="{row}">{cells}{remove}</tr>'


def bank_picker(table_id: str, column: str, lang: str, bank: list[str]) -> str:
    """A list of the indicator bank's entries ("PA-01 — title") and a button that puts the chosen
    one in the table's indicator column: the first empty cell, or a new row (fill-in.js)."""
    pick = control_id(f"{table_id}-bank")
    options = "".join(f'<option value="{esc(entry)}">{esc(entry)}</option>' for entry in bank)
    return (f'<p class="wps-from-bank"><label for="{pick}">{esc(label(lang, "fill_from_bank"))}</label> '
            f'<select id="{pick}" class="wps-bank-pick"><option value="">—</option>{options}</select> '
            f'<button type="button" class="md-button" data-row-action="from-bank" data-table="{esc(table_id)}" '
            f'data-column="{esc(column)}">{esc(label(lang, "fill_take_indicator"))}</button></p>')


def indicator_column(columns) -> str | None:
    """The key of a table's indicator column (its English header names an indicator), if any."""
    for number, column in enumerate(columns, 1):
        if "indicator" in column["en"].lower():
            return column_id(number)
    return None


def answer_table(table_id: str, columns, lang: str, caption: str, example=None, rows: int = INITIAL_ROWS,
                 column_ids=None, extra: str = "") -> str:
    head = "".join(f'<th scope="col">{esc(c[lang])}</th>' for c in columns)
    head += f'<th scope="col"><span class="wps-visually-hidden">{esc(label(lang, "fill_row_tools"))}</span></th>'
    body = ""
    if example:
        cells = "".join(f'<td data-label="{esc(c[lang])}">{esc(v[lang])}</td>' for c, v in zip(columns, example))
        body += f'<tr class="wps-example" aria-label="{esc(label(lang, "example_row"))}">{cells}<td></td></tr>'
    body += "".join(row_cells(table_id, columns, lang, str(n), column_ids) for n in range(1, rows + 1))
    template = row_cells(table_id, columns, lang, "__ROW__", column_ids)
    # one outer <div>: Markdown keeps a raw HTML block whole only up to the end of its first element
    return (f'<div class="wps-answers-block"><div class="wps-table-wrap"><table class="wps-fill wps-answers" data-table="{esc(table_id)}">'
            f"<caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
            f'<template data-row-template="{esc(table_id)}">{template}</template>'
            f'<p><button type="button" class="md-button wps-add-row" data-row-action="add" data-table="{esc(table_id)}">'
            f'{esc(label(lang, "fill_add_row"))}</button></p>{extra}</div>')


def worksheet_top(item, lang: str, script_src: str, template_src: str) -> str:
    """The tool bar, the name/agency/date fields and the script of a fillable worksheet page
    (its sections are the view model's, templates/item/sections/)."""
    return (toolbar("worksheet", item.id, lang, version_key(item), template_src, f"{item.id}-{lang}")
            + header_fields(lang) + f'<script src="{esc(script_src)}" defer></script>')
