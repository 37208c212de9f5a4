"""One definition per kind of data: what a valid worksheet, checklist, term… looks like.

pydantic does the checking (types, required keys, unknown keys); load.py turns its
findings into `file:line` messages. Cross-references (a module or term that must exist)
are checked in load.py, where all the data is known.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in both languages."""

    vi: NonEmpty
    en: NonEmpty

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


class Source(Strict):
    id: Id
    kind: Literal["seed", "legal", "reference", "news"]
    title: Text
    publisher: Text
    year: int | None = None
    brief: str | None = None


# --- worksheets ---------------------------------------------------------------

class Column(Strict):
    vi: NonEmpty
    en: NonEmpty
    width: Annotated[float, Field(gt=0, le=10)] = 1

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


class TableSection(Strict):
    kind: Literal["table"]
    title: Text
    intro: Text | None = None
    columns: Annotated[list[Column], Field(min_length=1, max_length=8)]
    example: list[Text] | None = None
    blank_rows: Annotated[int, Field(ge=0, le=30)] = 5

    @model_validator(mode="after")
    def example_fits_columns(self):
        if self.example is not None and len(self.example) != len(self.columns):
            raise ValueError(
                f"the example row has {len(self.example)} cells but the table has "
                f"{len(self.columns)} columns: give exactly one example cell per column"
            )
        return self


class FormField(Strict):
    label: Text
    prompt: Text | None = None
    example: Text | None = None
    lines: Annotated[int, Field(ge=1, le=20)] = 2


class FormSection(Strict):
    kind: Literal["form"]
    title: Text
    intro: Text | None = None
    fields: Annotated[list[FormField], Field(min_length=1)]


class ListSection(Strict):
    kind: Literal["list"]
    title: Text
    intro: Text | None = None
    items: Annotated[list[Text], Field(min_length=1)]
    lines: Annotated[int, Field(ge=0, le=10)] = 2


Section = Annotated[Union[TableSection, FormSection, ListSection], Field(discriminator="kind")]


class Worksheet(Strict):
    id: Id
    title: Text
    purpose: Text
    module: Id | None = None
    minutes: Annotated[int, Field(ge=1, le=600)]
    instructions: list[Text] = []
    sections: Annotated[list[Section], Field(min_length=1)]
    sources: list[Id] = []

    kind: Literal["worksheet"] = "worksheet"


# --- checklists ---------------------------------------------------------------

class ChecklistItem(Strict):
    text: Text
    guidance: Text | None = None


class ChecklistGroup(Strict):
    title: Text
    items: Annotated[list[ChecklistItem], Field(min_length=1)]


class Checklist(Strict):
    id: Id
    title: Text
    purpose: Text
    module: Id | None = None
    minutes: Annotated[int, Field(ge=1, le=600)] | None = None
    instructions: list[Text] = []
    groups: Annotated[list[ChecklistGroup], Field(min_length=1)]
    sources: list[Id] = []

    kind: Literal["checklist"] = "checklist"


# --- glossary -----------------------------------------------------------------

class Abbreviations(Strict):
    vi: list[NonEmpty] = []
    en: list[NonEmpty] = []


class GlossaryTerm(Strict):
    id: Id
    term: Text
    abbr: Abbreviations | None = None
    definition: Text
    related: list[Id] = []
    sources: Annotated[list[Id], Field(min_length=1)]
    avoid_vi: list[NonEmpty] = []
    note: Text | None = None


# --- front matter of prose pages ---------------------------------------------

Audience = Literal["participant", "trainer", "planner"]


class RelatedTools(Strict):
    worksheets: list[Id] = []
    checklists: list[Id] = []
    sessions: list[Id] = []


class ModuleMeta(Strict):
    id: Id
    title: NonEmpty
    description: NonEmpty
    order: Annotated[int, Field(ge=1, le=99)]
    level: Literal["basic", "intermediate", "advanced"]
    audience: Annotated[list[Audience], Field(min_length=1)]
    objectives: Annotated[list[NonEmpty], Field(min_length=3, max_length=6)]
    key_messages: Annotated[list[NonEmpty], Field(min_length=3, max_length=6)]
    related: RelatedTools = RelatedTools()
    sources: Annotated[list[Id], Field(min_length=1)]
    allow_terms: list[str] = []
    translation: dict | None = None  # translation record, see l10n.py


class CaseStudyMeta(Strict):
    id: Id
    title: NonEmpty
    description: NonEmpty
    order: Annotated[int, Field(ge=1, le=99)]
    related: RelatedTools = RelatedTools()
    sources: Annotated[list[Id], Field(min_length=1)]
    allow_terms: list[str] = []
    translation: dict | None = None


class PageMeta(BaseModel):
    """Any other page: a title is required, a few known keys are allowed."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    title: NonEmpty
    description: NonEmpty | None = None
    hide: list[Literal["navigation", "toc", "footer", "path"]] = []
    allow_terms: list[str] = []  # Vietnamese variants this page may quote on purpose
    translation: dict | None = None

