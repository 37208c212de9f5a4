"""Print HTML → PDF with WeasyPrint, using the bundled Noto Sans (full Vietnamese coverage).

WeasyPrint was chosen because it lays out real HTML/CSS (tables that break across pages,
repeated table headers, page counters) and embeds subsets of the fonts it is given.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from . import tokens
from .print_html import document

HERE = Path(__file__).parent
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def missing_fonts() -> list[str]:
    """The bundled fonts that print.css names but that are not there (WeasyPrint would
    silently use the system's fonts instead, and the PDFs would change from machine to machine)."""
    css = (HERE / "print" / "print.css").read_text(encoding="utf-8")
    wanted = re.findall(r'url\("?(\.\./fonts/[^")]+)"?\)', css)
    return [name[3:] for name in wanted if not (HERE / "print" / name).is_file()]


def html_to_pdf(html: str) -> bytes:
    """The PDF of a print page; its stylesheets (print.css…) use the design tokens, given here
    as CSS custom properties (tokens.yml)."""
    from weasyprint import CSS, HTML

    return HTML(string=html, base_url=str(HERE) + "/").write_pdf(stylesheets=[CSS(string=tokens.css())])


def build_pdf(item, lang: str, context) -> bytes:
    return html_to_pdf(document(item, lang, context))
