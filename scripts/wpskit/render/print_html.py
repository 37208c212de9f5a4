"""Data → a complete HTML document for printing (the PDF is made from it).

The same view model (view_model.py) and templates (templates/item/) as the web page, laid
out for paper: blank rows and ruled lines to fill in by hand, a name/agency/date strip, and
a footer with the licence.
"""

from __future__ import annotations

from .item_templates import print_document
from .view_model import item_view


def document(item, lang: str, context) -> str:
    from ..kinds import BY_NAME  # the kind's print template (kinds.py)

    return print_document(item_view(item, lang, context), template=BY_NAME[item.kind].print_template)
