"""The kind registry: one record per kind of data that has a folder of YAML files and a page
of its own. Loading (load.py), page generation and URLs (site_hooks.py) iterate it instead
of naming each kind.

A new kind of this shape gets: its model (model.py), its record here, its collection on
Toolkit (load.py), its templates or macro, its tests. Still outside the registry: the
glossary and the sources (lists in one file), the plans (plan_sources.py), the download
formats (downloads.FORMATS, part of the download cache key) and the macros' labels.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Checklist, Indicator, Programme, Session, Worksheet


@dataclass(frozen=True)
class Kind:
    folder: str  # its YAML files, one item each
    model: type
    collection: str  # the Toolkit attribute holding its items by id
    url_section: str  # its pages: /<url_section>/<id>/
    page_macro: str  # the macro that writes a generated page's body
    # made from its view model (render/view_model.py): the templates of its web page body and of
    # its print page (render/templates/), and the render/docx_file.py function of its Word file
    web_template: str | None = None
    print_template: str | None = None
    word_builder: str | None = None

    @property
    def name(self) -> str:
        """The `kind` of its items, as its model fixes it."""
        return self.model.model_fields["kind"].default


ITEM_PAGES = {"web_template": "item/web.html", "print_template": "item/print.html"}

KINDS = (
    Kind("toolkit/worksheets", Worksheet, "worksheets", "worksheets", "data_page", **ITEM_PAGES, word_builder="build_docx"),
    Kind("toolkit/checklists", Checklist, "checklists", "checklists", "data_page", **ITEM_PAGES, word_builder="build_docx"),
    Kind("toolkit/sessions", Session, "sessions", "trainers/sessions", "data_page", **ITEM_PAGES),
    Kind("toolkit/programmes", Programme, "programmes", "trainers/programmes", "data_page", **ITEM_PAGES,
         word_builder="build_docx"),
    Kind("toolkit/indicators", Indicator, "indicators", "indicators", "indicator_page"),
)
BY_NAME = {kind.name: kind for kind in KINDS}


def find_item(toolkit, item_id: str):
    """The item with this id, whatever its kind (ids are unique across kinds); KeyError if none."""
    for kind in KINDS:
        item = getattr(toolkit, kind.collection).get(item_id)
        if item is not None:
            return item
    raise KeyError(item_id)


def items_with_pages(toolkit) -> list:
    """Every item that gets a page of its own, kind by kind in the registry's order."""
    return [item for kind in KINDS for item in getattr(toolkit, kind.collection).values()]
