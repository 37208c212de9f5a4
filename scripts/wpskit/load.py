"""Load and check every source of the site before anything is built.

`load_toolkit(root)` reads the YAML data and the front matter of every Markdown page,
validates them, checks references between them, and either returns a `Toolkit` or
raises `SourceError` listing every problem as `path:line: what is wrong — how to fix`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from . import LANGUAGES, languages
from .errors import ProblemList
from .terminology import check_toolkit as check_terminology
from .model import PILLAR_CODES, CaseStudyMeta, ModuleMeta, PageMeta
from .schedule import day_schedule
from .page_templates import markup_problems, template_problems
from .validation_messages import explain
from .yaml_source import YamlDocument, YamlProblem, parse_yaml, read_yaml, split_front_matter, too_large

LANGUAGE_NAMES = {language.code: language.english_name for language in languages.languages()}
TOOL_LINK = re.compile(r"tool_link\(\s*[\"']([^\"']+)[\"']\s*\)")


@dataclass
class Page:
    """A Markdown page of one language."""

    lang: str
    path: str  # e.g. docs/vi/modules/01-wps-agenda.md
    slug: str  # the same in both languages: modules/01-wps-agenda.md
    meta: object
    body: str
    body_line: int
    front: YamlDocument | None = None

    def line_of(self, *keys) -> int:
        return self.front.line_of(keys) if self.front else 1


@dataclass
class Toolkit:
    root: Path
    sources: dict = field(default_factory=dict)
    worksheets: dict = field(default_factory=dict)
    checklists: dict = field(default_factory=dict)
    sessions: dict = field(default_factory=dict)
    programmes: dict = field(default_factory=dict)
    terms: dict = field(default_factory=dict)
    indicators: dict = field(default_factory=dict)  # the indicator bank, by id
    pages: dict = field(default_factory=dict)  # (lang, slug) -> Page
    files: dict = field(default_factory=dict)  # item id -> YAML path (for "edit this page")
    places: dict = field(default_factory=dict)  # item id -> (YamlDocument, location of the item in it)
    broken: set = field(default_factory=set)  # ids of items that exist but failed validation
    unreadable: set = field(default_factory=set)  # id() of the collections whose file could not be read
    plans: dict = field(default_factory=dict)  # toolkit/plans/*.yml (plan_sources.py)
    plan_builder: object = None  # toolkit/plan-builder.yml

    def __post_init__(self):
        from .kinds import KINDS
        for kind in KINDS:  # a kind added to the registry gets its collection here
            if not hasattr(self, kind.collection):
                setattr(self, kind.collection, {})

    def line_of(self, item_id: str, *keys) -> int:
        doc, location = self.places[item_id]
        return doc.line_of(tuple(location) + keys)

    @property
    def tools(self) -> dict:
        """The worksheets and checklists (the registry's kinds marked `tool`), by id."""
        from .kinds import KINDS
        return {item_id: item for kind in KINDS if kind.tool for item_id, item in kind.items(self).items()}

    def modules(self, lang: str) -> list[Page]:
        found = [p for (l, s), p in self.pages.items() if l == lang and isinstance(p.meta, ModuleMeta)]
        return sorted(found, key=lambda p: p.meta.order)

    def case_studies(self, lang: str) -> list[Page]:
        found = [p for (l, s), p in self.pages.items() if l == lang and isinstance(p.meta, CaseStudyMeta)]
        return sorted(found, key=lambda p: p.meta.order)

    def module_ids(self) -> set:
        return {p.meta.id for lang in LANGUAGES for p in self.modules(lang)}


def _validate(model, doc: YamlDocument, location: tuple, problems: ProblemList, value=None, broken=None):
    value = doc.data if value is None else value
    try:
        return model.model_validate(value)
    except ValidationError as error:
        errors = [dict(item, loc=tuple(location) + tuple(item["loc"])) for item in error.errors(include_url=False)]
        missing = {e["loc"][:-1]: e["loc"][-1] for e in errors if e["type"] == "missing"}
        misspelt = _misspelt_keys(errors)
        for item in errors:
            if item["type"] == "missing" and item["loc"] in misspelt.values():
                continue  # one problem: the misspelt key says "did you mean" the missing one
            if item["type"] == "extra_forbidden":
                meant = misspelt.get(item["loc"])
                sibling = meant[-1] if meant else missing.get(item["loc"][:-1])
            else:
                sibling = None
            line, message = explain(item, doc, sibling)
            problems.add(doc.path, line, message)
        if broken is not None and isinstance(value, dict) and isinstance(value.get("id"), str):
            broken.add(value["id"])  # exists, but invalid: references to it are not "dangling"
        return None


def _misspelt_keys(errors: list) -> dict:
    """{location of an unknown key: location of the missing key it was meant to be}, when a
    block has both: "minutess: 30" is one mistake, not an unknown key and a missing one."""
    missing = {}
    for e in errors:
        if e["type"] == "missing" and e["loc"] and isinstance(e["loc"][-1], str):
            missing.setdefault(e["loc"][:-1], []).append(e["loc"][-1])
    pairs = {}
    for e in errors:
        if e["type"] != "extra_forbidden" or not isinstance(e["loc"][-1], str):
            continue
        parent, key = e["loc"][:-1], e["loc"][-1]
        left = missing.get(parent, [])
        guess = difflib.get_close_matches(key, left, n=1, cutoff=0.5)
        if guess:
            left.remove(guess[0])
            pairs[e["loc"]] = parent + (guess[0],)
    return pairs


def check_text_file(file: Path, root: Path, problems: ProblemList) -> str | None:
    """UTF-8 and NFC, or a problem naming the first line that is not."""
    relative = file.relative_to(root).as_posix()
    problem = too_large(file, relative)
    if problem:
        problems.append(problem)
        return None
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.add(relative, 0, "the file is not saved as UTF-8. Save it again with UTF-8 encoding.")
        return None
    if unicodedata.normalize("NFC", text) != text:
        for number, line in enumerate(text.splitlines(), 1):
            if unicodedata.normalize("NFC", line) != line:
                problems.add(relative, number, (
                    "this line has letters written with separate accent marks (Unicode NFD). "
                    "Retype the accented letters, or run `make fix-unicode` to convert the file to NFC."
                ))
                break
    return text


def _load_list(root: Path, relative: str, model, problems: ProblemList, toolkit: Toolkit, into: dict):
    file = root / relative
    if not file.exists():
        return
    if check_text_file(file, root, problems) is None:
        toolkit.unreadable.add(id(into))
        return
    try:
        doc = read_yaml(file, root)
    except YamlProblem as error:
        problems.append(error.problem)
        toolkit.unreadable.add(id(into))  # references to its entries would only repeat the problem
        return
    if not isinstance(doc.data, list):
        problems.add(doc.path, 1, 'this file must be a list of entries, each starting with "- id: …".')
        return
    for index, raw in enumerate(doc.data):
        item = _validate(model, doc, (index,), problems, raw, broken=toolkit.broken)
        if item is None:
            continue
        _register(item, doc, (index,), into, toolkit, problems)


def _load_folder(root: Path, kind, problems: ProblemList, toolkit: Toolkit, into: dict):
    model = kind.model
    for file in kind.paths(root):
        toolkit.broken.add(file.stem)  # until it is read and valid: no follow-on "does not exist"
        if check_text_file(file, root, problems) is None:
            continue
        try:
            doc = read_yaml(file, root)
        except YamlProblem as error:
            problems.append(error.problem)
            continue
        if not isinstance(doc.data, dict):
            problems.add(doc.path, 1, 'this file must be a block of keys starting with "id: …".')
            continue
        item = _validate(model, doc, (), problems, broken=toolkit.broken)
        if item is None:
            continue
        if item.id != file.stem:  # one problem: not also "already used" when it copies another file's id
            problems.add(doc.path, doc.line_of(("id",)), (
                f'the id "{item.id}" must be the same as the file name "{file.stem}". '
                f"Rename the file to {item.id}.yml or change the id."))
            toolkit.broken.add(item.id)
            continue
        toolkit.broken.discard(file.stem)
        _register(item, doc, (), into, toolkit, problems)


def _register(item, doc, location, into, toolkit, problems):
    item_id = item.id
    if item_id in toolkit.files:
        problems.add(doc.path, doc.line_of(tuple(location) + ("id",)), (
            f'the id "{item_id}" is already used by {toolkit.files[item_id]}. '
            "Ids must be unique across the toolkit: choose another id."))
        toolkit.broken.add(item_id)  # references to it (as this kind) would only repeat the problem
        return
    toolkit.files[item_id] = doc.path
    toolkit.places[item_id] = (doc, location)
    into[item_id] = item


def _page_model(slug: str):
    parts = slug.split("/")
    if len(parts) == 2 and parts[1] != "index.md":
        if parts[0] == "modules":
            return ModuleMeta
        if parts[0] == "case-studies":
            return CaseStudyMeta
    return PageMeta


def _load_pages(root: Path, problems: ProblemList, toolkit: Toolkit):
    docs = root / "docs"
    slugs = {lang: set() for lang in LANGUAGES}
    for lang in LANGUAGES:
        for file in sorted((docs / lang).rglob("*.md")):
            slug = file.relative_to(docs / lang).as_posix()
            slugs[lang].add(slug)
            relative = file.relative_to(root).as_posix()
            model = _page_model(slug)
            if model is not PageMeta:
                toolkit.broken.add(file.stem)  # until it is read and valid: no follow-on "does not exist"
            text = check_text_file(file, root, problems)
            if text is None:
                continue
            if text.startswith("\ufeff"):
                problems.add(relative, 1, (
                    "the file starts with an invisible byte-order mark (BOM), so its front matter is not "
                    'read. Save it as "UTF-8" without BOM (in VS Code: click "UTF-8 with BOM" in the '
                    'status bar, then "Save with Encoding" › "UTF-8").'))
                continue
            front, body, body_line = split_front_matter(text)
            if front is None:
                problems.add(relative, 1, (
                    'the page has no front matter. Start it with a line "---", then "title: …", then "---".'))
                continue
            try:
                doc = parse_yaml(front, relative, line_offset=1)
            except YamlProblem as error:
                problems.append(error.problem)
                continue
            meta = _validate(model, doc, (), problems, doc.data if isinstance(doc.data, dict) else {})
            for line, message in template_problems(body, body_line) + markup_problems(body, body_line):
                problems.add(relative, line, message)
            if meta is None:
                continue
            toolkit.broken.discard(file.stem)
            if model is not PageMeta and meta.id != file.stem:
                problems.add(relative, doc.line_of(("id",)), (
                    f'the id "{meta.id}" must be the same as the file name "{file.stem}".'))
            toolkit.pages[(lang, slug)] = Page(lang, relative, slug, meta, body, body_line, doc)
    for lang in LANGUAGES:
        for other in LANGUAGES:
            if other == lang or not languages.is_complete(other):
                continue  # an incomplete language's missing page is the source's (fallback_pages.py)
            for slug in sorted(slugs[lang] - slugs[other]):
                problems.add(f"docs/{other}/{slug}", 0, (
                    f"missing {LANGUAGE_NAMES[other]} page: docs/{lang}/{slug} exists but has no "
                    f"translation. Create docs/{other}/{slug} (same file name) with the "
                    f"{LANGUAGE_NAMES[other]} text. Every page must exist in both languages."))


def _check_references(toolkit: Toolkit, problems: ProblemList):
    modules = toolkit.module_ids()

    def check(path, line, kind, ids, known, hint):
        if id(known) in toolkit.unreadable:
            return  # its file could not be read: that problem is reported already
        for ref in ids:
            if ref not in known and ref not in toolkit.broken:
                problems.add(path, line, f'{kind} "{ref}" does not exist. {hint}')

    source_hint = "Use an id from toolkit/sources.yml, or add the source there."
    for item in toolkit.tools.values():
        path = toolkit.files[item.id]
        if item.module is not None:
            check(path, toolkit.line_of(item.id, "module"), "the module", [item.module], modules,
                  "Use the id of a page in docs/vi/modules/ (e.g. 04-participation-coordination).")
        check(path, toolkit.line_of(item.id, "sources"), "the source", item.sources, toolkit.sources, source_hint)
    for session in toolkit.sessions.values():
        path = toolkit.files[session.id]
        if session.module is not None:
            check(path, toolkit.line_of(session.id, "module"), "the module", [session.module], modules,
                  "Use the id of a page in docs/vi/modules/ (e.g. 05-local-action-plan).")
        check(path, toolkit.line_of(session.id, "print"), "the worksheet or checklist", session.print,
              toolkit.tools, "Use the id of a file in toolkit/worksheets/ or toolkit/checklists/.")
        for index, step in enumerate(session.steps):
            if step.uses:
                check(path, toolkit.line_of(session.id, "steps", index, "uses"), "the worksheet or checklist",
                      [step.uses], toolkit.tools, "Use the id of a file in toolkit/worksheets/ or toolkit/checklists/.")
    for programme in toolkit.programmes.values():
        path = toolkit.files[programme.id]
        for day_index, day in enumerate(programme.days):
            for index, item in enumerate(day.items):
                if getattr(item, "session", None):
                    check(path, toolkit.line_of(programme.id, "days", day_index, "items", index, "session"),
                          "the session", [item.session], toolkit.sessions, "Use the id of a file in toolkit/sessions/.")
            for index, message in day_schedule(day, toolkit.sessions)[1]:
                where = ("days", day_index, "items", index) if index is not None else ("days", day_index, "end")
                problems.add(path, toolkit.line_of(programme.id, *where), message)
    for term in toolkit.terms.values():
        path = toolkit.files[term.id]
        check(path, toolkit.line_of(term.id, "related"), "the related term", term.related, toolkit.terms,
              "Use the id of a term in glossary/terms.yml.")
        check(path, toolkit.line_of(term.id, "sources"), "the source", term.sources, toolkit.sources, source_hint)
    for page in toolkit.pages.values():
        meta = page.meta
        if isinstance(meta, (ModuleMeta, CaseStudyMeta)):
            for kind, known in (("worksheets", toolkit.worksheets), ("checklists", toolkit.checklists)):
                check(page.path, page.line_of("related", kind), f"the {kind[:-1]}", getattr(meta.related, kind),
                      known, f"Use the id of a file in toolkit/{kind}/.")
            check(page.path, page.line_of("sources"), "the source", meta.sources, toolkit.sources, source_hint)
        for number, line in enumerate(page.body.splitlines(), page.body_line):
            for tool_id in TOOL_LINK.findall(line):
                if tool_id not in toolkit.tools and tool_id not in toolkit.broken:
                    problems.add(page.path, number, (
                        f'tool_link("{tool_id}") names no worksheet or checklist. Use the id of a file in '
                        "toolkit/worksheets/ or toolkit/checklists/."))


def _check_indicators(toolkit: Toolkit, problems: ProblemList):
    """What the indicator model cannot see alone: codes unique and matching the pillar, a unit
    and a numerator for a quantitative indicator, and every reference pointing somewhere."""
    modules = toolkit.module_ids()
    codes = {}
    for indicator in sorted(toolkit.indicators.values(), key=lambda i: toolkit.files[i.id]):
        path, line = toolkit.files[indicator.id], lambda *keys: toolkit.line_of(indicator.id, *keys)
        if indicator.code in codes:
            problems.add(path, line("code"), (
                f'the code "{indicator.code}" is already used by {toolkit.files[codes[indicator.code]]}. '
                "Codes must be unique: take the next free number of the pillar."))
        codes.setdefault(indicator.code, indicator.id)
        prefix = PILLAR_CODES[indicator.pillar]
        if not indicator.code.startswith(prefix + "-"):
            problems.add(path, line("code"), (
                f'the code "{indicator.code}" does not match the pillar "{indicator.pillar}", whose codes start '
                f'with "{prefix}-". Change the code or the pillar.'))
        if indicator.type == "quantitative":
            for key in ("numerator", "unit"):
                if getattr(indicator, key) is None:
                    problems.add(path, line("type"), (
                        f'a quantitative indicator needs a "{key}" (in both languages). Add "{key}:" with vi: and en:, '
                        'or write "type: qualitative" if it is not counted.'))
        for index, worksheet in enumerate(indicator.worksheets):
            if worksheet not in toolkit.worksheets and worksheet not in toolkit.broken:
                problems.add(path, line("worksheets", index), (
                    f'the worksheet "{worksheet}" does not exist. Use the id of a file in toolkit/worksheets/ '
                    "(e.g. results-framework)."))
        for index, module in enumerate(indicator.modules):
            if module not in modules and module not in toolkit.broken:
                problems.add(path, line("modules", index), (
                    f'the module "{module}" does not exist. Use the id of a page in docs/vi/modules/ '
                    "(e.g. 06-results-indicators)."))
        for index, other in enumerate(indicator.related):
            if other == indicator.id:
                problems.add(path, line("related", index), "an indicator cannot be related to itself. Remove this id.")
            elif other not in toolkit.indicators and other not in toolkit.broken:
                problems.add(path, line("related", index), (
                    f'the indicator "{other}" does not exist. Use the id (file name) of another file in toolkit/indicators/.'))
        if indicator.origin and indicator.origin.source not in toolkit.sources:
            problems.add(path, line("origin", "source"), (
                f'the source "{indicator.origin.source}" does not exist. Use an id from toolkit/sources.yml, or add '
                'the source there (leave "origin" out for an indicator proposed by this toolkit).'))


def load_toolkit(root: Path) -> Toolkit:
    """Read, validate and cross-check all sources; raise SourceError on any problem."""
    root = Path(root)
    problems = ProblemList()
    toolkit = Toolkit(root=root)
    from .kinds import KINDS
    for kind in KINDS:
        if kind.one_item_per_file:
            _load_folder(root, kind, problems, toolkit, kind.items(toolkit))
        else:
            for file in kind.paths(root):
                _load_list(root, file.relative_to(root).as_posix(), kind.model, problems, toolkit, kind.items(toolkit))
    _load_pages(root, problems, toolkit)
    from .plan_sources import load_plans
    load_plans(root, problems, toolkit)
    _check_references(toolkit, problems)
    _check_indicators(toolkit, problems)
    check_terminology(toolkit, problems)
    from .ui_strings import check as check_ui_strings
    problems.extend(check_ui_strings(root)[1])
    problems.raise_if_any()
    from .fallback_pages import add_fallback_pages
    add_fallback_pages(toolkit)
    return toolkit
