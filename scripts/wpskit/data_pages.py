"""The kind-specific part of a generated data page (the `data_page` macro of macros.py).

`data_page` writes what every such page has: the title, the body's sections under their
headings, the sources. What lies between depends on the kind: its registry record
(kinds.py) names one function here, `page_parts`, which returns
(lines under the title, [(heading, block)…] of the body, lines after the body).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .render import html as web
from .render.html import esc
from .ui_text import label


@dataclass
class DataPage:
    """What a kind's part may use: the page being written and the helpers of macros.py."""

    toolkit: object
    language: str
    page: object  # the MkDocs page
    here: str  # its URL
    module_title: str | None
    module_href: str | None
    download_links: Callable  # item -> [(label, href, size)]
    item_link: Callable  # item id -> <a>
    relative: Callable  # site path -> URL relative to the page


def worksheet_parts(page: DataPage, item):
    """A worksheet: meta line, purpose, downloads, then a form the reader fills in
    (render/fill_html.py); after it, the indicators of the bank that use it."""
    from .indicator_macros import indicator_links
    from .render.fill_html import worksheet_form
    language = page.language
    bank = [f"{i.code} — {i.title[language]}" for i in sorted(page.toolkit.indicators.values(), key=lambda i: i.code)
            if item.id in i.worksheets]
    top, body = worksheet_form(item, language, page.relative("assets/javascripts/fill-in.js"),
                               page.relative(f"assets/fill/{language}/{item.id}.js"), bank)
    return _tool_head(page, item) + [top], body, [indicator_links(page.page, "worksheets", item.id, page.toolkit)]


def checklist_parts(page: DataPage, item):
    return _tool_head(page, item), web.checklist_body(item, page.language), []


def _tool_head(page: DataPage, item) -> list:
    language = page.language
    return [web.tool_meta_line(item, language, page.module_title, page.module_href),
            f'<p class="wps-purpose"><strong>{esc(label(language, "purpose"))}:</strong> {esc(item.purpose[language])}</p>',
            web.buttons(page.download_links(item), language)]


def session_parts(page: DataPage, item):
    language = page.language
    meta = [esc(label(language, "session_guide")), esc(label(language, "minutes_value", n=item.minutes))]
    if page.module_title:
        meta.insert(1, f'{esc(label(language, "module"))}: <a href="{esc(page.module_href)}">{esc(page.module_title)}</a>')
    head = [f'<p class="wps-meta">{" · ".join(meta)}</p>', web.buttons(page.download_links(item), language)]
    return head, web.session_body(item, language, page.item_link), []


def programme_parts(page: DataPage, item):
    language = page.language
    days = label(language, "days_count", n=len(item.days))
    head = [f'<p class="wps-meta">{esc(label(language, "programme"))} · {esc(days)}</p>',
            f'<p><strong>{esc(label(language, "audience_label"))}:</strong> {esc(item.audience[language])}</p>',
            f'<p><strong>{esc(label(language, "purpose"))}:</strong> {esc(item.purpose[language])}</p>',
            web.buttons(page.download_links(item), language)]
    return head, web.programme_body(item, language, page.toolkit.sessions, page.item_link), []
