"""The last pass over the built pages: Material's markup made valid HTML, then the policy.

Material 9's templates write three things the W3C Nu checker rejects; each is removed
without changing what a reader sees or can do:
  - `tabindex=""` on navigation labels (an empty tabindex is ignored by browsers anyway);
  - `autocomplete="off"` on the drawer and search toggles, which are checkboxes (only
    Firefox reads it there, to forget the toggles' state on reload);
  - `for="__toc"` on the table-of-contents title of a page outside the navigation, where
    no `__toc` control exists (the label toggles nothing there).
Then every page gets its Content-Security-Policy (content_policy.py), computed from the
final HTML.
"""

from __future__ import annotations

import re
from pathlib import Path

from .content_policy import with_policy

EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?) tabindex=""')
TOGGLE_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"')
TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def valid_markup(html: str) -> str:
    html = EMPTY_TABINDEX.sub(r"\1", html)
    html = TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    if TOC_LABEL in html and 'id="__toc"' not in html:
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return html


def finish_pages(site_dir: Path) -> int:
    """Rewrite every HTML page of the built site; return how many there are."""
    pages = list(Path(site_dir).rglob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        new = with_policy(valid_markup(html))
        if new != html:
            path.write_text(new, encoding="utf-8")
    return len(pages)
