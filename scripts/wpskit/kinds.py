"""The kind registry: one record per kind of data in toolkit/ and glossary/.

Loading and validation (load.py), page generation and URLs (site_hooks.py), the data pages
and index tables (macros.py, data_pages.py), downloads (downloads.py), translation tracking
(l10n.py) and the links to items (page_parts.py) read these records instead of naming
kinds. A new kind is its model (model.py), its record here, its templates (web and print
templates in render/templates/ fed by its view model, or a page macro of its own; a Word
builder; any page extras in data_pages.py) and its tests.

Functions are named as "module:function" inside the package (e.g.
"render.docx_file:build_docx") and looked up when used (`function_of`): the registry
imports no renderer, so loading the data stays light.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module

from .model import Checklist, GlossaryTerm, Indicator, Plan, Programme, Session, Source, Worksheet


@dataclass(frozen=True)
class Kind:
    folder: str  # where its YAML files are, relative to the project root
    model: type  # the pydantic model of one item
    collection: str  # the Toolkit attribute holding its items by id
    name: str = ""  # the `kind` of its items; by default the one its model fixes
    files: str = "*.y*ml"  # which files of the folder hold it
    one_item_per_file: bool = True  # False: each file is a list of items ("- id: …")
    label: str | None = None  # ui_text key of the kind's name on an item ("Phiếu bài tập: …")
    heading: str | None = None  # ui_text key of the heading over a list of its items
    url_section: str | None = None  # its pages: /<url_section>/<id>/ (None: no page of its own)
    page_macro: str | None = None  # the macro that writes a generated page's body
    page_extras: str | None = None  # data_page's kind-specific extras: a function of data_pages.py, if any
    index_macro: str | None = None  # the macro that lists all its items on an index page
    tool: bool = False  # a worksheet or checklist: tool_link(), session print lists, module "related"
    downloads: tuple = ()  # the files made for each item in each language, by extension
    download_labels: dict = field(default_factory=dict)  # extension -> ui_text key of its button
    download_inputs: str = "item_inputs"  # RenderContext method: what else its files show (cache key)
    pack: bool = False  # also <id>-pack.zip: its PDF and the files of the tools it uses
    # made from its view model (render/view_model.py): the templates of its web page body and of
    # its print page (render/templates/), and the function that writes its Word file
    web_template: str | None = None
    print_template: str | None = None
    word_builder: str | None = None
    view_sections: str | None = None  # the function giving its view model's sections (render/view_model.py)
    facts: tuple = ()  # fields shown as "label: text" under the title (purpose, audience)
    identity: tuple = ()  # the lines filled in by hand on paper (name, agency, date, venue)
    collection_files: str | None = None  # builders of files made from all its items together (by extension)
    translated: bool = True  # its English texts are tracked in l10n/translations.yml
    listed: int = 0  # its place among the kinds on a page listing several (/downloads/); ties: registry order
    handbook: str | None = None  # the handbook (handbooks.NAMES) that prints its items as chapters
    handbook_order: str = "title"  # its chapters sorted by "title" (in the handbook's language) or by "id"

    def __post_init__(self):
        if not self.name:
            object.__setattr__(self, "name", self.model.model_fields["kind"].default)

    def items(self, toolkit) -> dict:
        return getattr(toolkit, self.collection)

    def paths(self, root) -> list:
        """Its YAML files under the project root `root`, sorted."""
        return sorted((root / self.folder).glob(self.files))


def function_of(name: str):
    """The function a record names, e.g. "render.docx_file:build_docx"."""
    module, _, attribute = name.partition(":")
    return getattr(import_module(f"{__package__}.{module}"), attribute)


_WORD = "render.docx_file:build_docx"
ITEM_PAGES = {"web_template": "item/web.html", "print_template": "item/print.html"}


def _view(kind: str, facts: tuple = (), identity: tuple = ()) -> dict:
    return {**ITEM_PAGES, "view_sections": f"render.view_model:{kind}_sections", "facts": facts, "identity": identity}


KINDS = (
    Kind("toolkit", Source, "sources", name="source", files="sources.yml", one_item_per_file=False,
         index_macro="source_list", translated=False),
    Kind("toolkit/worksheets", Worksheet, "worksheets", label="worksheet", heading="worksheets_heading",
         url_section="worksheets", page_macro="data_page", page_extras="worksheet_extras", index_macro="tool_index",
         tool=True, downloads=("pdf", "docx"), download_labels={"pdf": "pdf", "docx": "docx"},
         **_view("worksheet", ("purpose",), ("name", "agency", "date")), word_builder=_WORD,
         handbook="participant-handbook"),
    Kind("toolkit/checklists", Checklist, "checklists", label="checklist", heading="checklists_heading",
         url_section="checklists", page_macro="data_page", index_macro="tool_index",
         tool=True, downloads=("pdf", "docx"), download_labels={"pdf": "pdf", "docx": "docx"},
         **_view("checklist", ("purpose",), ("name", "agency", "date")), word_builder=_WORD,
         handbook="participant-handbook"),
    Kind("toolkit/sessions", Session, "sessions", label="session_guide", heading="sessions_heading",
         url_section="trainers/sessions", page_macro="data_page", index_macro="session_index", downloads=("pdf",),
         download_labels={"pdf": "guide_pdf", "zip": "pack"}, download_inputs="session_inputs", pack=True,
         **_view("session"), listed=2, handbook="trainer-handbook", handbook_order="id"),  # s01…: teaching order
    Kind("toolkit/programmes", Programme, "programmes", label="programme", heading="programmes_heading",
         url_section="trainers/programmes", page_macro="data_page", index_macro="programme_index",
         downloads=("pdf", "docx"), download_labels={"pdf": "agenda_pdf", "docx": "agenda_docx"},
         download_inputs="programme_inputs",
         **_view("programme", ("audience", "purpose"), ("date", "venue")), word_builder=_WORD,
         handbook="trainer-handbook", listed=1),  # on /downloads/ and in the handbook: programmes, then sessions
    Kind("toolkit/indicators", Indicator, "indicators", url_section="indicators", page_macro="indicator_page",
         index_macro="indicator_bank", collection_files="render.indicators:BUILDERS"),
    Kind("glossary", GlossaryTerm, "terms", name="term", one_item_per_file=False, index_macro="glossary"),
    # the worked example plans: no page of their own (the plan builder starts from them, fill_assets.py makes their
    # Word files); not yet in the translation record
    Kind("toolkit/plans", Plan, "plans", index_macro="plan_builder", word_builder="render.plan_docx:build_plan_docx",
         translated=False),
)
BY_NAME = {kind.name: kind for kind in KINDS}


def kind_of(item) -> Kind:
    """The record of a data item with a page (its model's `kind`)."""
    return BY_NAME[item.kind]


def listed(kinds) -> list:
    """Kinds in the order a page listing several of them shows them."""
    return sorted(kinds, key=lambda kind: kind.listed)


def with_pages() -> list:
    return [kind for kind in KINDS if kind.url_section]


def find_item(toolkit, item_id: str):
    """The item with this id, whatever its kind (ids are unique across kinds); KeyError if none."""
    for kind in with_pages():
        item = kind.items(toolkit).get(item_id)
        if item is not None:
            return item
    raise KeyError(item_id)


def items_with_pages(toolkit) -> list:
    """Every item that gets a page of its own, kind by kind in the registry's order."""
    return [item for kind in with_pages() for item in kind.items(toolkit).values()]
