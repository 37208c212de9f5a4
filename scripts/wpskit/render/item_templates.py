"""The Jinja templates (render/templates/) that write an item's web page body and its print
page from one view model (view_model.py).

Autoescape is on: every text from the view model is HTML-escaped where it lands; only HTML
made by the toolkit itself (download buttons, the fill-in tool bar) is passed in as Markup.
Line breaks and indentation in the templates are for reading only: the loader removes them,
because a raw HTML block in Markdown must not contain a blank line and the print pages were
always written on one line. `{{ nl }}` writes the blank line between two Markdown blocks.

The templates live next to print.css and the fonts (render/), not in overrides/: they are
rendered by the engine itself — in the download workers and the handbook build too, outside
MkDocs' theme — and they are part of the download cache's fingerprint (downloads.py).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .fill_html import answer_table, bank_picker, control_id, textarea
from .html import md_text

TEMPLATES = Path(__file__).parent / "templates"
PRINT_STYLESHEETS = ("print/print.css",)


class _OneLineLoader(FileSystemLoader):
    """Templates without the line breaks and indentation written for reading."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        return re.sub(r"\n[ \t]*", "", source), filename, uptodate


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=_OneLineLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined)
    env.filters["md"] = lambda text: Markup(md_text(text))  # a Markdown heading's text
    env.filters["control_id"] = control_id
    env.globals["nl"] = "\n\n"
    env.globals["textarea"] = lambda *args: Markup(textarea(*args))
    return env


def _fillable_table(lang: str, bank: list[str] | None):
    """The web's answer table of a worksheet table section (fill_html, shared with the plan
    builder), from the view model's columns and example row."""
    def table(section) -> Markup:
        columns = [{lang: c["text"]} for c in section["columns"]]
        example = [{lang: v} for v in section["example"]] or None
        column = section["indicator_column"] if bank else None
        extra = bank_picker(section["id"], column, lang, bank) if column else ""
        return Markup(answer_table(section["id"], columns, lang, section["heading"], example, extra=extra))
    return table


def web_body(view, buttons: str = "", top: str = "", before_sources: str | None = None,
             bank: list[str] | None = None, template: str = "item/web.html") -> str:
    """The Markdown body of an item's web page; `buttons`, `top` and `before_sources` are HTML
    or Markdown made by the toolkit (not from data), `bank` the indicator entries offered to a
    worksheet table's indicator column."""
    extras = {"buttons": Markup(buttons), "top": Markup(top),
              "before_sources": None if before_sources is None else Markup(before_sources)}
    return environment().get_template(template).render(
        view=view, out="web", extras=extras, fillable_table=_fillable_table(view.lang, bank))


def print_document(view, stylesheets=PRINT_STYLESHEETS, template: str = "item/print.html") -> str:
    """An item as a complete HTML document for paper (the PDF is made from it)."""
    return environment().get_template(template).render(
        view=view, out="print", stylesheets=stylesheets, fillable_table=None)


def section_html(section: dict, lang: str, out: str = "web") -> str:
    """One section partial on its own (e.g. the sources list of a module page)."""
    return environment().get_template(f"item/sections/{section['type']}.html").render(
        section=section, out=out, view=None, fillable_table=_fillable_table(lang, None))
