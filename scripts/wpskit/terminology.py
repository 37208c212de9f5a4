"""The glossary's "avoid" list, enforced on every Vietnamese page and every Vietnamese data text."""

from __future__ import annotations

import re

from . import DEFAULT_LANGUAGE  # the source language: avoid_vi lists its variants
from .errors import ProblemList
from .textfold import fold, nfc


def avoided_patterns(terms: dict) -> list[tuple[re.Pattern, str, object]]:
    patterns = []
    for term in terms.values():
        for variant in term.avoid_vi:
            pattern = re.compile(r"(?<!\w)" + re.escape(nfc(variant)) + r"(?!\w)", re.IGNORECASE)
            patterns.append((pattern, variant, term))
    return patterns


def _preferred_form(variant: str, term) -> str:
    """The words of the term that read like the variant ("hoà bình" → "hòa bình"), else the whole term."""
    size = len(variant.split())
    words = term.term[DEFAULT_LANGUAGE].split()
    for start in range(len(words) - size + 1):
        window = " ".join(words[start:start + size])
        if fold(window) == fold(variant):
            return window
    return term.term[DEFAULT_LANGUAGE]


def _message(variant: str, term, found: str) -> str:
    return (f'"{found}" is a spelling the glossary asks to avoid (see the term "{term.id}" in '
            f'glossary/terms.yml). Write "{_preferred_form(variant, term)}" instead.')


def check_text(text: str, first_line: int, path: str, patterns, allowed: set, problems: ProblemList) -> None:
    for number, line in enumerate(text.splitlines(), first_line):
        for pattern, variant, term in patterns:
            if variant in allowed:
                continue
            match = pattern.search(nfc(line))
            if match:
                problems.add(path, number, _message(variant, term, match.group(0)))


def _vietnamese_strings(data, location=()):
    if isinstance(data, dict):
        for key, value in data.items():
            if key == DEFAULT_LANGUAGE and isinstance(value, str):
                yield location + (key,), value
            else:
                yield from _vietnamese_strings(value, location + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _vietnamese_strings(value, location + (index,))


def check_toolkit(toolkit, problems: ProblemList) -> None:
    patterns = avoided_patterns(toolkit.terms)
    if not patterns:
        return
    seen_docs = {}
    for doc, _ in toolkit.places.values():
        if not doc.path.startswith("glossary/"):  # the glossary names the variants on purpose
            seen_docs[doc.path] = doc
    for doc in seen_docs.values():
        for location, text in _vietnamese_strings(doc.data):
            if location and location[-2:-1] == ("avoid_vi",):
                continue
            check_text(text, doc.line_of(location), doc.path, patterns, set(), problems)
    for page in toolkit.pages.values():
        if page.lang != DEFAULT_LANGUAGE:
            continue
        allowed = set(getattr(page.meta, "allow_terms", []) or [])
        check_text(page.body, page.body_line, page.path, patterns, allowed, problems)
        if page.front is not None:
            for location, text in _strings(page.front.data):
                check_text(text, page.front.line_of(location), page.path, patterns, allowed, problems)


def _strings(data, location=()):
    if isinstance(data, str):
        yield location, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key != "allow_terms":
                yield from _strings(value, location + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, location + (index,))
