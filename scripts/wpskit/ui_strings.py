"""Interface strings, one file per language: l10n/ui/<code>.yml (see languages.py).

The source language's file (l10n/ui/vi.yml) names every key. Another language's file
uses the same keys in the same groups (`labels:`, `handbook:`, `app:`, `indicators:`):
  - a key the source does not have is an error (a typo would otherwise be ignored);
  - a key missing from a complete language (English) is an error, as a missing data text is;
  - a key missing from an incomplete language falls back to the source's string;
  - a placeholder ({n}, {size}…) the source string does not have is an error (the engine
    would have no value for it).
Problems are reported as `path:line: what — how to fix`, as load.py reports the data's.
"""

from __future__ import annotations

import functools
import string
from pathlib import Path

from . import languages
from .errors import Problem, ProblemList, SourceError
from .yaml_source import YamlDocument, YamlProblem, read_yaml

GROUPS = ("labels", "handbook", "app", "indicators")  # `language:` holds the language's settings
SETTINGS = {"complete": bool, "english_name": str, "word_tag": str, "words_per_minute": int}


def ui_path(code: str) -> str:
    return f"l10n/ui/{code}.yml"


def _placeholders(text: str) -> set:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return {"{"}


def _compare(doc: YamlDocument, value, reference, location: tuple, complete: bool, problems: ProblemList):
    """Check one group (or nested table) of a language's file against the source's."""
    path = doc.path
    where = ".".join(str(part) for part in location)
    if isinstance(reference, dict):
        if not isinstance(value, dict):
            problems.add(path, doc.line_of(location), (
                f'"{where}" must be a list of keys (as in {ui_path(languages.source())}), not a single text. '
                "Indent its keys under it, one per line."))
            return
        for key in value:
            if key not in reference:
                known = ", ".join(str(k) for k in list(reference)[:8])
                problems.add(path, doc.line_of(location + (key,)), (
                    f'unknown key "{key}" in "{where}": the source language\'s file has no such key '
                    f"(it has {known}…). Check the spelling, or delete the line."))
        for key, expected in reference.items():
            if key in value:
                _compare(doc, value[key], expected, location + (key,), complete, problems)
            elif complete:
                problems.add(path, doc.line_of(location), (
                    f'"{where}" has no "{key}". This language is complete (`complete: true`), so every '
                    f'string must be translated: add "{key}: …" (the source has "{_shown(expected)}").'))
        return
    if not isinstance(value, str) or not value.strip():
        problems.add(path, doc.line_of(location), (
            f'"{where}" must be a text (the source has "{_shown(reference)}"). Write the translation after '
            "the colon, in double quotes if it contains \": \" or \" #\"."))
        return
    unknown = _placeholders(value) - _placeholders(str(reference))
    if unknown:
        problems.add(path, doc.line_of(location), (
            f'"{where}" uses {{{sorted(unknown)[0]}}}, which the engine does not fill in here (the source '
            f'string is "{_shown(reference)}"). Use only the placeholders of the source string.'))


def _shown(value) -> str:
    return value if isinstance(value, str) else "…"


def _read(root: Path, code: str, problems: ProblemList) -> YamlDocument | None:
    file = root / ui_path(code)
    if not file.exists():
        if languages.is_complete(code, root) and not languages.get(code, root).source:
            problems.add(ui_path(code), 0, "this file is missing. Copy the source language's file and translate it.")
        return None
    try:
        doc = read_yaml(file, root)
    except YamlProblem as error:
        problems.append(error.problem)
        return None
    if not isinstance(doc.data, dict):
        problems.add(doc.path, 1, 'the file must be a list of keys ("language:", "labels:"…), as in '
                     f"{ui_path(languages.source(root))}.")
        return None
    return doc


def check(root: Path = languages.ROOT) -> tuple[dict, list[Problem]]:
    """({code: that language's groups}, problems) for every configured language."""
    root = Path(root)
    problems = ProblemList()
    source_code = languages.source(root)
    docs = {code: _read(root, code, problems) for code in languages.codes(root)}
    source_doc = docs.get(source_code)
    if source_doc is None:
        if not problems:
            problems.add(ui_path(source_code), 0, "this file is missing: the source language's interface "
                         "strings are needed to build the site.")
        return {}, list(problems)
    for code, doc in docs.items():
        if doc is None:
            continue
        for key, value in doc.data.items():
            if key == "language":
                if not isinstance(value, dict):
                    problems.add(doc.path, doc.line_of(("language",)), '"language" must hold keys such as "complete: true".')
                    continue
                for setting, wanted in value.items():
                    if setting not in SETTINGS:
                        problems.add(doc.path, doc.line_of(("language", setting)), (
                            f'unknown setting "{setting}" under "language". The settings are '
                            f"{', '.join(SETTINGS)}: check the spelling, or delete the line."))
                    elif not isinstance(wanted, SETTINGS[setting]):
                        kind = "true or false" if SETTINGS[setting] is bool else "a text"
                        problems.add(doc.path, doc.line_of(("language", setting)), (
                            f'"language.{setting}" must be {kind}.'))
            elif key not in GROUPS:
                problems.add(doc.path, doc.line_of((key,)), (
                    f'unknown group "{key}". The groups are language, {", ".join(GROUPS)}: check the spelling, '
                    "or move its keys into one of them."))
        complete = languages.is_complete(code, root)
        for group in GROUPS:
            reference = source_doc.data.get(group) or {}
            if code == source_code:
                continue
            if group in doc.data:
                _compare(doc, doc.data[group], reference, (group,), complete, problems)
            elif complete:
                problems.add(doc.path, 0, f'the group "{group}:" is missing. This language is complete: copy '
                             f"that group from {ui_path(source_code)} and translate it.")
    tables = {code: {group: (doc.data.get(group) if isinstance(doc.data.get(group), dict) else {})
                     for group in GROUPS} for code, doc in docs.items() if doc is not None}
    return tables, list(problems)


def _merged(reference: dict, own: dict) -> dict:
    """A language's table, each missing key taken from the source's."""
    merged = dict(reference)
    for key, value in own.items():
        if key in reference and isinstance(reference[key], dict) and isinstance(value, dict):
            merged[key] = _merged(reference[key], value)
        elif key in reference:
            merged[key] = value
    return merged


@functools.cache
def tables(root: Path = languages.ROOT) -> dict:
    """{code: {group: strings}}, complete for every configured language (missing strings of an
    incomplete language are the source's). Raises SourceError when a ui file has a problem."""
    own, problems = check(Path(root))
    if problems:
        raise SourceError(problems)
    source_code = languages.source(Path(root))
    reference = own[source_code]
    return {code: {group: _merged(reference[group], own.get(code, {}).get(group, {})) for group in GROUPS}
            for code in languages.codes(Path(root))}


def forget() -> None:
    """Read the ui files again when next used (`mkdocs serve` after an edit of l10n/ui/)."""
    tables.cache_clear()
    own_keys.cache_clear()


def group(name: str) -> "LanguageTable":
    """One group of strings for every language, e.g. group("handbook")["en"]["contents"]."""
    return LanguageTable(name)


@functools.cache
def own_keys(code: str, name: str, root: Path = languages.ROOT) -> frozenset:
    """The keys of a group the language's file itself translates (the rest is the source's)."""
    own, _ = check(Path(root))
    return frozenset(own.get(code, {}).get(name, {}))


class LanguageTable:
    """A group of strings by language code, read from the ui files when first used."""

    def __init__(self, name: str):
        self.name = name

    def __getitem__(self, code: str) -> dict:
        return tables()[code][self.name]

    def __contains__(self, code: str) -> bool:
        return code in tables()

    def __iter__(self):
        return iter(tables())

    def items(self):
        return ((code, groups[self.name]) for code, groups in tables().items())
