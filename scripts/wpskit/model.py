"""One definition per kind of data: what a valid worksheet, checklist, term… looks like.

pydantic does the checking (types, required keys, unknown keys); load.py turns its
findings into `file:line` messages. Cross-references (a module or term that must exist)
are checked in load.py, where all the data is known.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

import re
from typing import Optional

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, StringConstraints, Tag, create_model, model_validator

from . import languages as _languages

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]

TITLE_MAX = 200  # characters of a title (page, worksheet, section, step…)
TEXT_MAX = 5000  # characters of any other text
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_TEMPLATE = re.compile(r"\{[{%#]")


def plain_text(value: str) -> str:
    """Text from data or front matter is shown, never run: no template code (the site's
    pages go through Jinja), no control characters (Word files cannot hold them)."""
    found = _TEMPLATE.search(value)
    if found:
        raise ValueError(f'contains "{found.group()}", which starts template code. Template code is not '
                         "allowed in data or front matter: remove it, or write the braces apart (\"{ {\")")
    found = _CONTROL.search(value)
    if found:
        raise ValueError(f"contains an invisible control character (U+{ord(found.group()):04X}) at character "
                         f"{found.start() + 1}. Delete it and type the text again")
    return value


Plain = Annotated[str, StringConstraints(max_length=TEXT_MAX), AfterValidator(plain_text)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TEXT_MAX),
                     AfterValidator(plain_text)]
TitleText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TITLE_MAX),
                      AfterValidator(plain_text)]


class Strict(BaseModel):
    # defer_build: each model's validator is made when it is first used, not at import, so a
    # build whose sources come from the cache (source_cache.py) does not pay for making them
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Translated(Strict):
    """A text with one field per configured language (languages.py): required in a complete
    language, optional in an incomplete one, where the source language's text stands in."""

    def __getitem__(self, lang: str) -> str:
        value = getattr(self, lang, None)
        return value if value is not None else getattr(self, _languages.source())

    def has(self, lang: str) -> bool:
        """Whether the text is written in this language (not the source's standing in)."""
        return getattr(self, lang, None) is not None


def in_every_language(name: str, text, base=Translated, doc: str = ""):
    """The model `name` with one field per configured language, each of type `text`."""
    fields = {code: (text, ...) if _languages.is_complete(code) else (Optional[text], None)
              for code in _languages.codes()}
    return create_model(name, __base__=base, __module__=__name__, __doc__=doc, **fields)


Text = in_every_language("Text", NonEmpty, doc="A text in every language.")
Title = in_every_language("Title", TitleText, base=Text,
                          doc="A title in every language: at most TITLE_MAX characters each.")


class Source(Strict):
    id: Id
    kind: Literal["seed", "legal", "reference", "news"]
    title: Text  # a citation (a decision's full title can be longer than a page title)
    publisher: Text
    year: int | None = None
    brief: Plain | None = None


# --- worksheets ---------------------------------------------------------------

class Column(in_every_language("ColumnHeading", NonEmpty)):
    """A table column: its heading in every language, and its width."""

    width: Annotated[float, Field(gt=0, le=10)] = 1


class TableSection(Strict):
    kind: Literal["table"]
    title: Title
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
    title: Title
    intro: Text | None = None
    fields: Annotated[list[FormField], Field(min_length=1)]


class ListSection(Strict):
    kind: Literal["list"]
    title: Title
    intro: Text | None = None
    items: Annotated[list[Text], Field(min_length=1)]
    lines: Annotated[int, Field(ge=0, le=10)] = 2


class QuizQuestion(Strict):
    text: Text
    options: Annotated[list[Text], Field(min_length=2, max_length=6)]
    answer: Annotated[int, Field(ge=1)]

    @model_validator(mode="after")
    def answer_is_an_option(self):
        if self.answer > len(self.options):
            raise ValueError(f"answer {self.answer} points past the {len(self.options)} options (answers are numbered from 1)")
        return self


class QuizSection(Strict):
    kind: Literal["quiz"]
    title: Title
    intro: Text | None = None
    questions: Annotated[list[QuizQuestion], Field(min_length=1)]


Section = Annotated[Union[TableSection, FormSection, ListSection, QuizSection], Field(discriminator="kind")]


class Worksheet(Strict):
    id: Id
    title: Title
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
    title: Title
    items: Annotated[list[ChecklistItem], Field(min_length=1)]


class Checklist(Strict):
    id: Id
    title: Title
    purpose: Text
    module: Id | None = None
    minutes: Annotated[int, Field(ge=1, le=600)] | None = None
    instructions: list[Text] = []
    groups: Annotated[list[ChecklistGroup], Field(min_length=1)]
    sources: list[Id] = []

    kind: Literal["checklist"] = "checklist"


# --- training: sessions and programmes --------------------------------------

Method = Literal["presentation", "group-work", "plenary", "case-study", "role-play", "energiser",
                 "individual", "pair-work", "quiz"]


def _clock(value):
    """"08:30" → "08:30"; YAML 1.1 reads an unquoted 08:30 as 510 (minutes): accept that too."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return f"{value // 60:02d}:{value % 60:02d}"  # 24:30 (1470) then fails the pattern, as written
    return value


ClockTime = Annotated[str, BeforeValidator(_clock), StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]


def minutes_of(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def clock_of(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class SessionStep(Strict):
    title: Title
    minutes: Annotated[int, Field(ge=1, le=240)]
    method: Method
    instructions: Text
    uses: Id | None = None


class Session(Strict):
    id: Id
    title: Title
    module: Id | None = None
    outcomes: Annotated[list[Text], Field(min_length=1)]
    materials: list[Text] = []
    print: list[Id] = []
    steps: Annotated[list[SessionStep], Field(min_length=1)]
    tips: list[Text] = []

    kind: Literal["session"] = "session"

    @property
    def minutes(self) -> int:
        return sum(step.minutes for step in self.steps)

    @property
    def tools(self) -> list[str]:
        """Every worksheet or checklist the session prints or uses, once, in order."""
        return list(dict.fromkeys([*self.print, *(s.uses for s in self.steps if s.uses)]))


class AgendaSession(Strict):
    session: Id


class AgendaBreak(Strict):
    model_config = ConfigDict(populate_by_name=True)  # merged with Strict's
    label: Text = Field(alias="break")
    minutes: Annotated[int, Field(ge=1, le=240)]
    at: ClockTime | None = None


def _agenda_kind(value) -> str:
    """Which kind of agenda item: called on the YAML mapping when checking, and on the item
    itself when it is serialized (for the download cache's fingerprint)."""
    is_session = isinstance(value, AgendaSession) or (isinstance(value, dict) and "session" in value)
    return "agenda-session" if is_session else "agenda-break"


AgendaItem = Annotated[
    Union[Annotated[AgendaSession, Tag("agenda-session")], Annotated[AgendaBreak, Tag("agenda-break")]],
    Discriminator(_agenda_kind),
]


class Day(Strict):
    title: Title | None = None
    start: ClockTime
    end: ClockTime
    items: Annotated[list[AgendaItem], Field(min_length=1)]


class Programme(Strict):
    id: Id
    title: Title
    audience: Text
    purpose: Text
    days: Annotated[list[Day], Field(min_length=1)]

    kind: Literal["programme"] = "programme"


# --- indicator bank ------------------------------------------------------------

Pillar = Literal["protection", "participation", "prevention", "relief-recovery"]
PILLAR_CODES = {"protection": "PR", "participation": "PA", "prevention": "PV", "relief-recovery": "RR"}
ResultsLevel = Literal["impact", "outcome", "output", "process"]
MeasuredAt = Literal["ministry", "province", "commune", "womens-union"]
Disaggregation = Literal["sex", "age", "ethnicity", "disability", "locality", "role"]
Frequency = Literal["monthly", "quarterly", "six-monthly", "annual", "mid-term", "end-of-term"]


class IndicatorOrigin(Strict):
    source: Id
    note: Text | None = None


class Indicator(Strict):
    """One indicator of the bank (toolkit/indicators/<id>.yml). Cross-references and the
    rules that span keys (code prefix, quantitative needs unit and numerator) are checked in
    load.py, where each gets the line of its own key."""

    id: Id
    code: Annotated[str, StringConstraints(pattern=r"^(PR|PA|PV|RR)-\d{2}$")]
    title: Text
    pillar: Pillar
    objectives: Annotated[list[Literal[1, 2, 3, 4]], Field(min_length=1, max_length=4)]
    results_level: ResultsLevel
    type: Literal["quantitative", "qualitative"]
    definition: Text
    numerator: Text | None = None
    denominator: Text | None = None
    unit: Text | None = None
    disaggregation: list[Disaggregation] = []
    data_source: Text
    collected_by: Text
    levels: Annotated[list[MeasuredAt], Field(min_length=1)]
    frequency: Frequency
    reporting: Text | None = None
    baseline_target: Text
    verification: Text
    worksheets: list[Id] = []
    modules: list[Id] = []
    related: list[Id] = []
    origin: IndicatorOrigin | None = None

    kind: Literal["indicator"] = "indicator"


# --- glossary -----------------------------------------------------------------

class _AbbreviationLists(Strict):
    def of(self, lang: str) -> list:
        """A language's abbreviations (none written: none)."""
        return getattr(self, lang, None) or []

    def shown(self, lang: str) -> list:
        """The abbreviations a page in `lang` explains: its own; the source language's page
        also those of the other languages (an English abbreviation used in Vietnamese text)."""
        own = self.of(lang)
        if lang != _languages.source():
            return own
        return own + [a for code in _languages.codes() if code != lang for a in self.of(code) if a not in own]


Abbreviations = create_model("Abbreviations", __base__=_AbbreviationLists, __module__=__name__,
                             **{code: (list[NonEmpty], []) for code in _languages.codes()})


class GlossaryTerm(Strict):
    id: Id
    term: Title
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


class ModuleMeta(Strict):
    id: Id
    title: TitleText
    description: NonEmpty
    order: Annotated[int, Field(ge=1, le=99)]
    level: Literal["basic", "intermediate", "advanced"]
    audience: Annotated[list[Audience], Field(min_length=1)]
    objectives: Annotated[list[NonEmpty], Field(min_length=3, max_length=6)]
    key_messages: Annotated[list[NonEmpty], Field(min_length=3, max_length=6)]
    related: RelatedTools = RelatedTools()
    sources: Annotated[list[Id], Field(min_length=1)]
    allow_terms: list[Plain] = []
    translation: dict | None = None  # translation record, see l10n.py


class CaseStudyMeta(Strict):
    id: Id
    title: TitleText
    description: NonEmpty
    order: Annotated[int, Field(ge=1, le=99)]
    related: RelatedTools = RelatedTools()
    sources: Annotated[list[Id], Field(min_length=1)]
    allow_terms: list[Plain] = []
    translation: dict | None = None


class PageMeta(Strict):
    """Any other page: a title is required, a few known keys are allowed."""

    title: TitleText
    description: NonEmpty | None = None
    hide: list[Literal["navigation", "toc", "footer", "path"]] = []
    allow_terms: list[Plain] = []  # Vietnamese variants this page may quote on purpose
    translation: dict | None = None



# --- plans (the plan builder) -------------------------------------------------

PlanVariant = Literal["province", "commune", "womens-union"]


class PlanActivity(Strict):
    title: Text
    lead: Text
    partners: Text
    timeline: Text
    resources: Text
    outputs: Text
    indicators: list[Id] = []  # ids in toolkit/indicators/, checked when that folder exists


class PlanSignature(Strict):
    authority: Text  # e.g. "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    signer: Text


class Plan(Strict):
    """A local action plan laid out as an administrative plan (Decree 30/2020/NĐ-CP)."""

    id: Id
    title: Text
    illustrative: bool = False
    variant: PlanVariant
    parent_body: Text | None = None
    issuing_body: Text
    number_symbol: Text
    place: Text
    date: Text
    summary: Text
    basis: list[Text] = []
    purpose: list[Text] = []
    requirements: list[Text] = []
    objectives: list[Text] = []
    targets: list[Text] = []
    activities: list[PlanActivity] = []
    funding: list[Text] = []
    implementation: list[Text] = []
    reporting: list[Text] = []
    recipients: list[Text] = []
    signature: PlanSignature

    kind: Literal["plan"] = "plan"


class PlanStep(Strict):
    """One step of the plan builder's guided form: its heading and the help beside it."""

    id: Id
    title: Text
    help: Annotated[list[Text], Field(min_length=1)]
    fields: Annotated[list[NonEmpty], Field(min_length=1)]  # keys of `fields` (or "activities")


class PlanFieldText(Strict):
    label: Text
    hint: Text | None = None


class PlanVariantDefaults(Strict):
    """What choosing a variant puts into the form (the reader may change every value)."""

    label: Text
    changes: Text  # one sentence: what this variant changes
    parent_body: Text | None = None
    issuing_body: Text
    number_symbol: Text
    place: Text
    signature: PlanSignature
    recipients: list[Text] = []


class PlanBuilderTexts(Strict):
    """toolkit/plan-builder.yml: every text of the plan builder and of the Word plan it makes."""

    steps: Annotated[list[PlanStep], Field(min_length=1)]
    fields: dict[NonEmpty, PlanFieldText]  # plan keys; signature.authority, signature.signer
    columns: dict[Id, Text]  # the activities table's column headings
    document: dict[Id, Text]  # headings and fixed lines of the Word plan
    variants: dict[PlanVariant, PlanVariantDefaults]
