"""The per-language search indexes of the last build, kept in .cache/search/ for the next one.

Splitting Material's merged index by language and adding the folded words of every entry
(search_index.py) takes a tenth of a second per build. Its result depends only on the
merged index, on the built pages it reads (the glossary's terms become entries of their
own), on the languages and on the code that makes it (search_index.py, textfold.py); when
all of these are those of the last build of the same kind, the indexes written then are
written again. One entry per kind of build (languages built, offline or not).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path

HERE = Path(__file__).resolve().parent
CODE = (HERE / "search_index.py", HERE / "textfold.py", Path(__file__).resolve())


def _key(merged_text: str, pages: dict, variant: str) -> str:
    digest = hashlib.sha256(variant.encode() + b"\0")
    for path in CODE:
        digest.update(path.read_bytes())
    digest.update(merged_text.encode())
    for name, page in sorted(pages.items()):
        digest.update(f"\0{name}\0".encode())
        digest.update(page.read_bytes() if page.is_file() else b"(none)")
    return digest.hexdigest()


def folded_indexes(cache_dir: Path | None, merged_text: str, pages: dict, variant: str, make) -> dict:
    """{lang: index JSON text}: from the cache when the key is the one of the last build of this
    variant, else made (make()) and kept. `pages` are every file the making reads, by their
    path in the site."""
    if cache_dir is None:
        return make()
    path = Path(cache_dir) / f"{hashlib.sha256(variant.encode()).hexdigest()[:16]}.pickle"
    key = _key(merged_text, pages, variant)
    try:
        stored_key, texts = pickle.loads(path.read_bytes())
        if stored_key == key:
            return texts
    except Exception:  # none yet, or unreadable: make it
        pass
    texts = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(pickle.dumps((key, texts), protocol=pickle.HIGHEST_PROTOCOL))
    temporary.replace(path)
    return texts


def dumps(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))
