"""HTML helpers of the web pages: escaping, relative links, download buttons, flow figures.
(An item's page body is made from its view model by the templates, item_templates.py.)

Every string that comes from data goes through `esc` (or `md_text` for Markdown
headings): a title such as `<script>` shows as text. Links are computed relative to the
page being rendered, because raw HTML is not rewritten by MkDocs.
"""

from __future__ import annotations

import posixpath
import re

from markupsafe import escape

from ..ui_text import label


def esc(text) -> str:
    return str(escape(text))


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|~<>])")


def md_text(text: str) -> str:
    """Text that is safe inside a Markdown heading: HTML-escaped, Markdown specials escaped."""
    return _MD_SPECIAL.sub(lambda m: "&#%d;" % ord(m.group(1)), str(text).replace("&", "&amp;"))


def relative(from_url: str, to_url: str) -> str:
    """Relative link from the page at `from_url` to `to_url` (both relative to the site root)."""
    base = from_url if from_url.endswith("/") or from_url == "" else posixpath.dirname(from_url) + "/"
    target_dir, target_name = posixpath.split(to_url)
    rel = posixpath.relpath(target_dir or ".", base.rstrip("/") or ".")
    rel = "" if rel == "." else rel + "/"
    return rel + target_name if (rel + target_name) else "./"


class Urls:
    """Where things are in the built site, for one language and URL style."""

    def __init__(self, lang: str, default_lang: str, directory_urls: bool = True):
        self.lang = lang
        self.prefix = "" if lang == default_lang else f"{lang}/"
        self.directory_urls = directory_urls

    def page(self, slug: str) -> str:
        """slug like 'worksheets/stakeholder-map' or 'glossary' or '' (home)."""
        if slug in ("", "index"):
            return self.prefix + ("" if self.directory_urls else "index.html")
        if self.directory_urls:
            return f"{self.prefix}{slug}/"
        return f"{self.prefix}{slug}/index.html" if slug.endswith("index") else f"{self.prefix}{slug}.html"

    def tool(self, item) -> str:
        return self.page(f"{item.kind}s/{item.id}")

    def download(self, item_id: str, extension: str) -> str:
        return f"downloads/{self.lang}/{item_id}.{extension}"


def sources_list(ids, sources: dict, lang: str) -> str:
    """The sources an item or a page cites (the partial templates/item/sections/sources.html)."""
    from .item_templates import section_html
    from .view_model import sources_section

    return section_html(sources_section(ids, sources, lang), lang)


def flow_figure(steps, caption: str | None, cyclic: bool = False) -> str:
    kind = "wps-cycle" if cyclic else "wps-flow"
    items = "".join(f"<li>{esc(step)}</li>" for step in steps)
    cap = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return f'<figure class="{kind}"><ol>{items}</ol>{cap}</figure>'


def buttons(links: list[tuple[str, str, int | None]], lang: str) -> str:
    """Download buttons: (label, href, size in bytes)."""
    out = []
    for text, href, size in links:
        size_text = f" · {esc(label(lang, 'size_kb', n=max(1, round(size / 1024))))}" if size else ""
        out.append(f'<a class="md-button wps-download" href="{esc(href)}" download>{esc(text)}{size_text}</a>')
    return f'<div class="wps-downloads" role="group" aria-label="{esc(label(lang, "downloads"))}">{"".join(out)}</div>'
