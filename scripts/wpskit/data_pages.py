"""The kind-specific extras of a generated data page (the `data_page` macro of macros.py).

`data_page` writes every item's page from its view model (render/view_model.py) through
its kind's web template (render/templates/). A kind whose page needs more than its view
model names a function here in its record (kinds.py, `page_extras`); it returns the
PageExtras below. Only HTML or Markdown made by the toolkit goes into them (contributor text
is escaped by the templates and the fill-in helpers).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass
class PageExtras:
    top: str = ""  # after the meta line and the buttons (e.g. the fill-in tool bar)
    before_sources: str | None = None  # just before the sources
    bank: list[str] | None = None  # the indicator bank entries offered to a table's indicator column


def worksheet_extras(toolkit, language: str, page, item, relative: Callable[[str], str]) -> PageExtras:
    """A worksheet is a form the reader fills in (render/fill_html.py): its tool bar, the
    indicators of the bank its tables may take, and after it the indicators that use it."""
    from .indicator_macros import indicator_links
    from .render.fill_html import worksheet_top
    bank = [f"{i.code} — {i.title[language]}" for i in sorted(toolkit.indicators.values(), key=lambda i: i.code)
            if item.id in i.worksheets]
    top = worksheet_top(item, language, relative("assets/javascripts/fill-in.js"),
                        relative(f"assets/fill/{language}/{item.id}.js"))
    return PageExtras(top, indicator_links(page, "worksheets", item.id, toolkit), bank)
