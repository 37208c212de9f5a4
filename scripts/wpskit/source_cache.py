"""The checked sources of the last build, kept in .cache/sources.pickle for the next one.

Every build starts by reading and checking all YAML data and every page's front matter
(load.py), and by comparing translations with their sources (l10n.py). When nothing they
read has changed since the last build, the result is the same, so it is read back from the
cache instead (about 0.3 s saved on each build and each `mkdocs serve` reload).

The cache is used only when its key matches: a hash of the content of every file those steps
read (docs/, toolkit/, glossary/, l10n/), of the code that checks them (scripts/wpskit/*.py,
and the library versions in constraints.txt), of the commit checked out (translation dates
come from git) and of the project's folder.
Any change, even of one character, makes a full check; a problem found is reported as
always and nothing is cached.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path

CACHE_FILE = Path(".cache") / "sources.pickle"
READ_BY_THE_CHECKS = ("docs/**/*", "toolkit/**/*", "glossary/**/*", "l10n/**/*", "scripts/wpskit/**/*.py",
                      "constraints.txt", "mkdocs.yml")  # mkdocs.yml: the languages (languages.py)


def sources_key(root: Path) -> str:
    from .l10n import head_commit
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{root.resolve()}|{sys.version}|{head_commit(root)}".encode())
    for pattern in READ_BY_THE_CHECKS:
        for path in sorted(root.glob(pattern)):
            if path.is_file():
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _read(cache: Path, key: str):
    try:
        stored_key, value = pickle.loads(cache.read_bytes())
    except Exception:  # no cache yet, or one written by another version: check again
        return None
    return value if stored_key == key else None


def _write(cache: Path, key: str, value) -> None:
    cache.parent.mkdir(parents=True, exist_ok=True)
    temporary = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")  # two builds at once never share one
    temporary.write_bytes(pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
    temporary.replace(cache)


def checked_sources(root: Path):
    """(toolkit, translation status rows): from the cache when no source changed, else
    checked afresh (raising SourceError on a problem) and cached."""
    root = Path(root)
    cache, key = root / CACHE_FILE, sources_key(root)
    cached = _read(cache, key)
    if cached is not None:
        return cached
    from . import l10n
    from .load import load_toolkit
    value = (load_toolkit(root), l10n.status(root))
    _write(cache, key, value)
    return value
