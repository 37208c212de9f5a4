"""Translation tracking: which version of its source each translation was made from.

Vietnamese is the source language; English is the translation. The record lives in one
sidecar file, `l10n/translations.yml`: for each English page (`docs/en/…`) and each data
file (`toolkit/…`, `glossary/…`, where the English texts translate the Vietnamese ones), the
short hash of the Vietnamese text it was translated from. When the Vietnamese text
changes and the record does not, the translation is *outdated*: the English page shows a
banner and the status lists it. After updating a translation, record it with
`make l10n-mark FILE=docs/en/…` (or paste the hash that `make l10n-status` shows).

Every language of mkdocs.yml other than the source is tracked the same way (languages.py):
its pages are `docs/<lang>/…`; its data translations are recorded as `<data file>#<lang>`
(e.g. `toolkit/worksheets/stakeholder-map.yml#th`), except for the first translation
language (English), whose records are the bare data file paths, as before there were more.
A page or data file an incomplete language lacks is "missing", which `l10n-status --check`
reports without failing (it falls back to the source on the site).
"""

from __future__ import annotations

import hashlib
import subprocess
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml

from . import kinds  # the kinds of data whose translations are tracked
from . import languages
from .yaml_source import Loader

RECORD = Path("l10n") / "translations.yml"


def _vietnamese_texts(data, lang: str | None = None) -> list[str]:
    """The texts of one language (the source's by default) in a data file, in order."""
    lang = lang or languages.source()
    if isinstance(data, dict):
        return [t for key, value in data.items()
                for t in ([value] if key == lang and isinstance(value, str) else _vietnamese_texts(value, lang))]
    if isinstance(data, list):
        return [t for value in data for t in _vietnamese_texts(value, lang)]
    return []


def translation_languages() -> list[str]:
    return [code for code in languages.codes() if code != languages.source()]


def record_key(data_path: str, lang: str) -> str:
    """The record's name of a data file's translation into `lang`."""
    first = translation_languages()[:1]
    return data_path if [lang] == first else f"{data_path}#{lang}"


def language_of(translated: str) -> str:
    if translated.startswith("docs/"):
        return translated.split("/")[1]
    return translated.rsplit("#", 1)[1] if "#" in translated else translation_languages()[0]


def _exists(root: Path, translated: str) -> bool:
    """A page exists as a file; a data file's translation when the file has a text in its language."""
    if translated.startswith("docs/") or "#" not in translated:
        return (root / translated).exists()
    path, lang = translated.rsplit("#", 1)
    try:
        data = yaml.load((root / path).read_text(encoding="utf-8"), Loader=Loader)
    except (OSError, yaml.YAMLError):
        return False
    return bool(_vietnamese_texts(data, lang))


def source_hash(root: Path, translated: str) -> str | None:
    """The hash of the Vietnamese source of `translated` (a path relative to root), or None."""
    source = source_of(translated)
    path = root / source
    if not path.exists():
        return None
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    if not source.startswith("docs/"):
        try:
            text = "\n".join(_vietnamese_texts(yaml.load(text, Loader=Loader)))
        except yaml.YAMLError:
            pass  # `make check` reports the syntax error; hash the raw text meanwhile
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def source_of(translated: str) -> str:
    if translated.startswith("docs/"):
        return f"docs/{languages.source()}/" + translated.split("/", 2)[2]
    return translated.rsplit("#", 1)[0]


def translations(root: Path) -> list[str]:
    """Every translation that exists or should exist, language by language: pages and data files."""
    out = []
    for lang in translation_languages():
        pages = {p.relative_to(root / "docs" / code).as_posix() for code in (languages.source(), lang)
                 for p in (root / "docs" / code).rglob("*.md")}
        data = [record_key(p.relative_to(root).as_posix(), lang) for kind in kinds.KINDS if kind.translated
                for p in kind.paths(root)]
        out += sorted(f"docs/{lang}/{slug}" for slug in pages) + data
    return out


def _git(root: Path, *args) -> str:
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


def head_commit(root: Path) -> str:
    """The commit checked out ("" outside git): translation dates depend on it."""
    return _git(root, "rev-parse", "HEAD").strip()


def last_changed_dates(root: Path) -> dict:
    """Date of the last commit that touched each source file, from one `git log` run.
    Files with uncommitted changes, or outside git, get the date of the file itself."""
    dates, current = {}, ""
    for line in _git(root, "log", "--format=%x00%cs", "--name-only", "--", "docs", "toolkit", "glossary").splitlines():
        if line.startswith("\0"):
            current = line[1:]
        elif line and line not in dates:
            dates[line] = current
    for line in _git(root, "status", "--porcelain", "--", "docs", "toolkit", "glossary").splitlines():
        dates.pop(line[3:].strip().strip('"'), None)
    return dates


def last_changed(root: Path, relative: str, dates: dict) -> str:
    if relative in dates:
        return dates[relative]
    path = root / relative
    return datetime.fromtimestamp(path.stat().st_mtime).date().isoformat() if path.exists() else ""


@dataclass(frozen=True)
class Status:
    translation: str  # the English page or the data file
    source: str  # the Vietnamese page or the data file
    state: str  # up-to-date | outdated | missing | orphaned | untracked
    recorded: str | None
    current: str | None
    source_changed: str
    lang: str = ""  # the language of the translation

    @property
    def source_lang(self) -> str:
        return languages.source()


def read_record(root: Path) -> dict:
    path = root / RECORD
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def write_record(root: Path, record: dict) -> None:
    path = root / RECORD
    path.parent.mkdir(exist_ok=True)
    header = ("# Translation record: for each English page and each data file, the hash of the\n"
              "# Vietnamese text it was translated from. Update with `make l10n-mark FILE=<file>`\n"
              "# after updating a translation (see CONTRIBUTING.md, \"Translating\").\n")
    body = "".join(f"{key}: \"{record[key]}\"\n" for key in sorted(record))  # quoted: a hash may look like a number
    path.write_text(header + body, encoding="utf-8")


def status(root: Path, with_dates: bool = True) -> list[Status]:
    root = Path(root)
    record = read_record(root)
    dates = last_changed_dates(root) if with_dates else {}
    out = []
    for translated in translations(root):
        source = source_of(translated)
        exists_t, exists_s = _exists(root, translated), (root / source).exists()
        current = source_hash(root, translated) if exists_s else None
        recorded = record.get(translated)
        if exists_s and not exists_t:
            state = "missing"
        elif exists_t and not exists_s:
            state = "orphaned"
        elif recorded is None:
            state = "untracked"
        elif str(recorded) != current:
            state = "outdated"
        else:
            state = "up-to-date"
        changed = last_changed(root, source, dates) if (with_dates and exists_s) else ""
        out.append(Status(translated, source, state, None if recorded is None else str(recorded), current, changed,
                          language_of(translated)))
    return out


def mark(root: Path, files: list[str]) -> list[str]:
    """Record the current source hash for each translation named (all when none is named)."""
    record = read_record(root)
    targets = files or [s.translation for s in status(root, with_dates=False) if s.state in ("outdated", "untracked")]
    done = []
    for translated in targets:
        translated = Path(translated).as_posix()
        current = source_hash(root, translated)
        if current is not None and _exists(root, translated):
            record[translated] = current
            done.append(translated)
    write_record(root, record)
    return done

