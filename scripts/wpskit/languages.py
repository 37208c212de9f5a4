"""The site's languages, read once from configuration: nothing else in the engine names one.

  mkdocs.yml      the i18n plugin's `languages:` list: which languages exist, in which
                  order, their names; the one with `default: true` is the source language
                  (Vietnamese), the one every text is written in first
  l10n/ui/<code>.yml  each language's interface strings, and under `language:` whether it
                  is complete (`complete: true`: every page and every data text exists in
                  it, and a missing one is an error) — a new language starts incomplete,
                  and its missing texts and pages fall back to the source with a notice

Completeness lives in the ui file, not in mkdocs.yml: it is a fact about the translation
(translators change it when they are done), and mkdocs-static-i18n checks the keys of its
own `languages:` entries.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Language:
    code: str  # as in docs/<code>/ and the i18n `locale:`
    name: str  # its own name (the language switcher's)
    source: bool  # the i18n default: texts are written in it first
    complete: bool  # a missing text or page is an error (else: falls back to the source)
    english_name: str  # in messages to contributors ("has no English text")
    word_tag: str  # the language tag of its Word files (vi-VN, en-GB…)
    words_per_minute: int = 200  # reading speed for "n min read" (Vietnamese counts syllables)


class _AnyTag(yaml.SafeLoader):
    """mkdocs.yml with its tags (!ENV, !!python/…) read as plain values: only the list of
    languages is wanted here, and nothing in the file is run."""


def _untagged(loader, suffix, node):
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)


_AnyTag.add_multi_constructor("!", _untagged)
_AnyTag.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)


class LanguageConfigError(SystemExit):
    """mkdocs.yml cannot say which languages there are: the program stops with the message
    (a SystemExit: no traceback), before anything is read or built."""


def _i18n_entries(root: Path) -> list[dict]:
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTag) or {}
    except OSError as error:
        raise LanguageConfigError(f"mkdocs.yml: cannot be read ({error.strerror}). Run the command from the "
                                  "project folder, the one holding mkdocs.yml.") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"mkdocs.yml:{mark.line + 1}" if mark else "mkdocs.yml"
        raise LanguageConfigError(f"{where}: this is not valid YAML ({getattr(error, 'problem', None) or error}). "
                                  "Check the indentation and the quotes.") from None
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return [entry for entry in (plugin["i18n"] or {}).get("languages") or []
                    if isinstance(entry, dict) and entry.get("locale") not in (None, "null")]
    return []


def _ui_language(root: Path, code: str) -> dict:
    """The `language:` block of l10n/ui/<code>.yml ({} when the file is missing or unreadable:
    ui_strings.py reports that file's problems)."""
    path = root / "l10n" / "ui" / f"{code}.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    block = data.get("language") if isinstance(data, dict) else None
    return block if isinstance(block, dict) else {}


@functools.cache
def languages(root: Path = ROOT) -> tuple[Language, ...]:
    """Every configured language, the source first, then in mkdocs.yml's order."""
    found = []
    for entry in _i18n_entries(Path(root)):
        code = str(entry["locale"])
        if not code.isidentifier():
            raise LanguageConfigError(
                f"mkdocs.yml: the language \"{code}\" cannot be a key of the data texts (\"{code}: …\" beside "
                f"the other languages' texts). Use a code of letters and underscores only, e.g. \"{code.replace('-', '_')}\".")
        ui = _ui_language(Path(root), code)
        source = entry.get("default") is True
        found.append(Language(
            code=code, name=str(entry.get("name") or code), source=source,
            complete=source or ui.get("complete") is True,
            english_name=str(ui.get("english_name") or entry.get("name") or code),
            word_tag=str(ui.get("word_tag") or code),
            words_per_minute=ui.get("words_per_minute") if isinstance(ui.get("words_per_minute"), int) and ui.get("words_per_minute") > 0 else 200))
    found.sort(key=lambda language: not language.source)
    return tuple(found)


def codes(root: Path = ROOT) -> tuple[str, ...]:
    return tuple(language.code for language in languages(root))


def source(root: Path = ROOT) -> str:
    """The source language (the i18n `default: true` one)."""
    for language in languages(root):
        if language.source:
            return language.code
    raise LanguageConfigError("mkdocs.yml: no language of the i18n plugin's `languages:` has `default: true`. "
                              "Mark the source language (Vietnamese) with `default: true`.")


def get(code: str, root: Path = ROOT) -> Language:
    for language in languages(root):
        if language.code == code:
            return language
    raise KeyError(code)


def is_complete(code: str, root: Path = ROOT) -> bool:
    return get(code, root).complete


def complete_codes(root: Path = ROOT) -> tuple[str, ...]:
    return tuple(language.code for language in languages(root) if language.complete)


def english_name(code: str, root: Path = ROOT) -> str:
    try:
        return get(code, root).english_name
    except KeyError:
        return code


def counterpart(code: str, root: Path = ROOT) -> str:
    """The language a text is shown beside (the glossary's second name): the source for
    every other language, the next configured language for the source itself."""
    src = source(root)
    if code != src:
        return src
    others = [c for c in codes(root) if c != src]
    return others[0] if others else src
