"""One search index per language, with a folded copy of the words for diacritics-free queries.

mkdocs-static-i18n merges both languages into site/search/search_index.json. We split it:
Vietnamese pages stay there, English pages go to site/en/search/search_index.json (their
locations made relative to /en/, which the `config` block of overrides/main.html gives
English pages as their search base). Material's search lets an index declare extra
fields; each document gets `folded_title` and `folded` holding only the words that change
when folded ("bình" → "binh"), once each, so the index grows little and an accented query
still ranks exact matches first (folded fields have a lower boost).

Phrases: the config also declares `pairs_title` and `pairs`, the pairs of adjacent words
("binh_dang dang_gioi") of a document's title and text. The search worker
(overrides/assets/javascripts/workers/search-phrases.js) fills them in the reader's browser
and adds the query's own pairs to it, so a page holding "bình đẳng giới", and a title above
all, ranks above one holding the three syllables apart; the downloaded index does not grow.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .textfold import folded_words, nfc

# Weights (tests/browser/test_search_ranking.py measures them on a judged set of queries). Material
# gives a title 1000 × the weight of the text; one Vietnamese syllable of a title ("bình" of
# "hòa bình") says little, so a title weighs 100 × here and its folded words 10 ×; a title
# holding a pair of the query's words weighs 500 ×, a pair in the text 30 ×.
TITLE_BOOST = 100.0
FOLDED_FIELDS = {"folded_title": {"boost": 10.0}, "folded": {"boost": 0.5}}
PAIR_FIELDS = {"pairs_title": {"boost": 500.0}, "pairs": {"boost": 30.0}}
EXTRA_FIELDS = {**FOLDED_FIELDS, **PAIR_FIELDS}

_TAG = re.compile(r"<[^>]+>")
_TERM = re.compile(r'<dt id="([^"]+)">(.*?)</dt>\s*<dd>(.*?)</dd>', re.S)
_P_OPEN = re.compile(r"<p\b[^>]*>")
_NOT_P = re.compile(r"<(?!/?p>)[^>]+>")


def _language_of(location: str, languages, default: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in languages and first != default else default


def _built_page(site_dir: Path, location: str) -> Path:
    return Path(site_dir) / (location if location.endswith(".html") else location + "index.html")


def _plain(html_text: str) -> str:
    return " ".join(_TAG.sub(" ", html_text).split())


def _paragraphs(html_text: str) -> str:
    """Text with its paragraphs, like Material's own index entries: <p>…</p> <p>…</p>."""
    return " ".join(_NOT_P.sub("", _P_OPEN.sub("<p>", html_text)).split())


def term_sections(doc: dict, site_dir: Path | None) -> list[dict]:
    """A page listing anchored terms (the glossary's <dt id>) gets one search section per
    term, so a query for a term finds its definition (glossary/#gender-equality) instead of
    the whole glossary, which would otherwise match every query a little. The page's own
    entry keeps its introduction."""
    if site_dir is None or "#" in doc["location"]:
        return []
    page = _built_page(site_dir, doc["location"])
    html = page.read_text(encoding="utf-8") if page.is_file() else ""
    terms = _TERM.findall(html) if '<dt id="' in html else []
    if not terms:
        return []
    start = doc["text"].find(_plain(terms[0][1]).split(" (")[0])
    if start < 0:
        return []
    doc["text"] = doc["text"][:start].rstrip()
    base = doc["location"].split("#")[0]
    return [{"location": f"{base}#{anchor}", "title": _plain(title),
             "text": _paragraphs(definition)} for anchor, title, definition in terms]


# Indicator pages (/indicators/<id>/) share the same section headings ("Definition",
# "Baseline and target"…): as separate entries those headings would rank like titles, and 53
# such pages crowd the modules that explain a topic out of the first results; the bank's own
# page (/indicators/) holds every indicator's text in its table and matched almost any query.
# Each is therefore one entry, weighted below prose pages (the bank's filter is where
# indicators are looked for; search still finds one by its title or code).
WHOLE_PAGE_SECTIONS = ("indicators/",)
WHOLE_PAGE_BOOST = 0.15


def whole_pages(docs: list[dict], languages) -> list[dict]:
    """Fold the sections of the pages under WHOLE_PAGE_SECTIONS into their page's entry."""
    pages, out = {}, []
    for doc in docs:
        base, _, anchor = doc["location"].partition("#")
        parts = base.split("/", 1)
        local = parts[1] if parts[0] in languages and len(parts) > 1 else base
        if not local.startswith(WHOLE_PAGE_SECTIONS):
            out.append(doc)
            continue
        if not anchor:
            page = pages[base] = dict(doc, boost=WHOLE_PAGE_BOOST)
            out.append(page)
        elif base in pages:
            page = pages[base]
            page["text"] = f'{page["text"]} <p>{doc.get("title", "")}</p> {doc.get("text", "")}'.strip()
        else:
            out.append(doc)
    return out


def lunr_language(lang: str, site_dir: Path | None) -> str:
    """The language Material's search worker sets Lunr up for. Material ships a stemmer and a
    word splitter for some languages (vi, th with its wordcut, ja, zh…: assets/javascripts/lunr/
    min/lunr.<lang>.min.js), and would fail loading one it lacks (Khmer, Lao, Burmese): such a
    language's index uses Lunr's built-in English set-up, which splits words at spaces only."""
    if site_dir is None or (Path(site_dir) / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{lang}.min.js").exists():
        return lang
    return "en"  # Lunr's built-in language, not the site's English


def split_and_fold(index: dict, languages, default: str, site_dir: Path | None = None) -> dict:
    out = {}
    for lang in languages:
        config = dict(index["config"])
        config["lang"] = [lunr_language(lang, site_dir)]
        config["fields"] = {**config.get("fields", {}), **EXTRA_FIELDS}
        config["fields"]["title"] = {**config["fields"].get("title", {}), "boost": TITLE_BOOST}
        out[lang] = {"config": config, "docs": []}
    docs = []
    for doc in whole_pages([dict(d) for d in index["docs"]], languages):
        docs += [doc, *term_sections(doc, site_dir)]
    for doc in docs:
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


def write_language_indexes(site_dir: Path, default: str, languages, with_script: bool = False,
                           cache_dir: Path | None = None) -> dict:
    """Write each language's index; with_script also writes search_index.js for file:// use.
    Returns {lang: the index's JSON text}. With a cache_dir, the indexes of the last build
    are reused while nothing they are made from changed (search_cache.py)."""
    from .search_cache import dumps, folded_indexes
    merged_path = index_path(site_dir, default, default)
    if not merged_path.exists():
        return {}
    merged_text = merged_path.read_text(encoding="utf-8")
    merged = json.loads(merged_text)
    read = {doc["location"]: _built_page(site_dir, doc["location"]) for doc in merged["docs"] if "#" not in doc["location"]}

    def make():
        return {lang: dumps(index) for lang, index in split_and_fold(merged, languages, default, site_dir).items()}
    texts = folded_indexes(cache_dir, merged_text, read, f"{default}|{'+'.join(languages)}", make)
    for lang, text in texts.items():
        path = index_path(site_dir, lang, default)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if with_script:
            path.with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")
    return texts


def unfolded_size(index: dict) -> int:
    """Bytes the same index would take without the folded and pair fields (the yardstick for growth)."""
    docs = [{k: v for k, v in d.items() if k not in EXTRA_FIELDS} for d in index["docs"]]
    config = {**index["config"], "fields": {k: v for k, v in index["config"]["fields"].items() if k not in EXTRA_FIELDS}}
    return len(json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")).encode())
