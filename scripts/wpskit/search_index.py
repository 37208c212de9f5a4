"""One search index per language, with a folded copy of the words for diacritics-free queries.

mkdocs-static-i18n merges both languages into site/search/search_index.json. We split it:
Vietnamese pages stay there, English pages go to site/en/search/search_index.json (their
locations made relative to /en/, which the `config` block of overrides/main.html gives
English pages as their search base). Material's search lets an index declare extra
fields; each document gets `folded_title` and `folded` holding only the words that change
when folded ("bình" → "binh"), once each, so the index grows little and an accented query
still ranks exact matches first (folded fields have a lower boost).
"""

from __future__ import annotations

import json
from pathlib import Path

from .textfold import folded_words, nfc

FOLDED_FIELDS = {"folded_title": {"boost": 100.0}, "folded": {"boost": 0.5}}


def _language_of(location: str, languages, default: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in languages and first != default else default


def split_and_fold(index: dict, languages, default: str) -> dict:
    out = {}
    for lang in languages:
        config = dict(index["config"])
        config["lang"] = [lang]
        config["fields"] = {**config.get("fields", {}), **FOLDED_FIELDS}
        out[lang] = {"config": config, "docs": []}
    for doc in index["docs"]:
        lang = _language_of(doc["location"], languages, default)
        doc = dict(doc)
        if lang != default:
            doc["location"] = doc["location"][len(lang) + 1:]
        doc["title"] = nfc(doc.get("title", ""))
        doc["text"] = nfc(doc.get("text", ""))
        title_words = folded_words(doc["title"])
        if title_words:
            doc["folded_title"] = " ".join(title_words)
        text_words = [w for w in folded_words(doc["text"]) if w not in title_words]
        if text_words:
            doc["folded"] = " ".join(text_words)
        out[lang]["docs"].append(doc)
    return out


def index_path(site_dir: Path, lang: str, default: str) -> Path:
    return Path(site_dir) / ("" if lang == default else lang) / "search" / "search_index.json"


def write_language_indexes(site_dir: Path, default: str, languages, with_script: bool = False) -> dict:
    """Write each language's index; with_script also writes search_index.js for file:// use."""
    merged_path = index_path(site_dir, default, default)
    if not merged_path.exists():
        return {}
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    per_language = split_and_fold(merged, languages, default)
    for lang, index in per_language.items():
        path = index_path(site_dir, lang, default)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
        if with_script:
            path.with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")
    return per_language


def unfolded_size(index: dict) -> int:
    """Bytes the same index would take without the folded fields (the yardstick for growth)."""
    docs = [{k: v for k, v in d.items() if k not in FOLDED_FIELDS} for d in index["docs"]]
    config = {**index["config"], "fields": {k: v for k, v in index["config"]["fields"].items() if k not in FOLDED_FIELDS}}
    return len(json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")).encode())
