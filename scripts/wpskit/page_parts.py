"""Parts added around prose pages and data pages, in the page's language.

Module pages get their objectives and key messages (from front matter) at the top and
their tools and sources at the bottom; every page gets the glossary's abbreviations
(Material shows them as tooltips).
"""

from __future__ import annotations

import math
import posixpath
import re
from functools import lru_cache

from .kinds import kind_of
from .model import CaseStudyMeta, ModuleMeta
from .render.html import esc, md_text, sources_list
from .render.indicators import indicators_naming, links_markdown
from .ui_text import label

from . import languages


@lru_cache(maxsize=512)
def body_words(markdown: str) -> int:
    text = re.sub(r"\{\{.*?\}\}", " ", markdown, flags=re.S)
    text = re.sub(r"^\s*(!!!|\?\?\?)\+?\s*[\w-]+", " ", text, flags=re.M)
    text = re.sub(r"[#*_>|`\[\]()!-]+", " ", text)
    return sum(_word_count(w) for w in text.split() if any(ch.isalnum() for ch in w))


# Scripts written without spaces between words: Thai, Lao, Myanmar (Burmese), Khmer. A
# run of them is one "word" to str.split(); it is counted as one word per CHARACTERS_PER_WORD
# of its characters instead (a rough estimate, said so in the README: no word segmenter here).
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\uaa60-\uaa7f\ua9e0-\ua9ff]")
CHARACTERS_PER_WORD = 6


def _word_count(token: str) -> int:
    unspaced = len(_UNSPACED.findall(token))
    return 1 if not unspaced else max(1, round(unspaced / CHARACTERS_PER_WORD))


def reading_minutes(markdown: str, lang: str) -> int:
    return max(1, math.ceil(body_words(markdown) / languages.get(lang).words_per_minute))


def language_table_head(first: str) -> str:
    """The head of a table with one column per language (the downloads), each named in itself."""
    names = [language.name for language in languages.languages()]
    return f"| {first} | " + " | ".join(names) + " |\n|" + "---|" * (len(names) + 1)


def language_table_row(first: str, cells: list) -> str:
    return f"| {first} | " + " | ".join(cells) + " |"


def link_from(page_src: str, target_src: str) -> str:
    return posixpath.relpath(target_src, posixpath.dirname(page_src))


def tool_markdown_link(item, lang: str, page_src: str) -> str:
    kind = kind_of(item)
    target = f"{lang}/{kind.url_section}/{item.id}.md"
    return f"[{md_text(label(lang, kind.label))}: {md_text(item.title[lang])}]({link_from(page_src, target)})"


def module_header(page, lang: str, toolkit) -> str:
    meta = page.meta
    if not isinstance(meta, ModuleMeta):
        return ""
    facts = [label(lang, "level")[meta.level],
             ", ".join(label(lang, "audience")[a] for a in meta.audience),
             label(lang, "reading_time", n=reading_minutes(page.body, lang))]
    objectives = "".join(f"<li>{esc(o)}</li>" for o in meta.objectives)
    messages = "".join(f"<li>{esc(m)}</li>" for m in meta.key_messages)
    return (
        f'<p class="wps-meta">{" · ".join(esc(f) for f in facts)}</p>\n\n'
        f'<div class="admonition wps-objectives"><p class="admonition-title">{esc(label(lang, "objectives"))}</p>'
        f'<p>{esc(label(lang, "objectives_lead"))}</p><ul>{objectives}</ul></div>\n\n'
        f'<div class="admonition wps-key-messages"><p class="admonition-title">{esc(label(lang, "key_messages"))}</p>'
        f"<ul>{messages}</ul></div>\n"
    )


def module_footer(page, lang: str, toolkit) -> str:
    meta = page.meta
    if not isinstance(meta, (ModuleMeta, CaseStudyMeta)):
        return ""
    parts = []
    tools = [toolkit.worksheets[i] for i in meta.related.worksheets] + [toolkit.checklists[i] for i in meta.related.checklists]
    if tools:
        parts.append(f"## {md_text(label(lang, 'related_tools'))}\n")
        parts += [f"- {tool_markdown_link(item, lang, page.path.split('/', 1)[1])}" for item in tools]
        parts.append("")
    sessions = [s for s in toolkit.sessions.values() if s.module == meta.id]
    if sessions:
        parts.append(f"## {md_text(label(lang, 'session_for_module'))}\n")
        page_src = page.path.split("/", 1)[1]
        parts += [f"- [{md_text(s.title[lang])}]({link_from(page_src, f'{lang}/{kind_of(s).url_section}/{s.id}.md')}) "
                  f"({md_text(label(lang, 'minutes_value', n=s.minutes))})" for s in sessions]
        parts.append("")
    if isinstance(meta, ModuleMeta):
        page_src = page.path.split("/", 1)[1]
        indicators = indicators_naming(toolkit.indicators.values(), "modules", meta.id)
        parts.append(links_markdown(indicators, lang, "for_module",
                                    lambda section, item_id: link_from(page_src, f"{lang}/{section}/{item_id}.md")))
    parts.append(f"## {md_text(label(lang, 'sources'))}\n")
    parts.append(sources_list(meta.sources, toolkit.sources, lang))
    return "\n".join(parts) + "\n"


_abbreviation_cache: dict = {}


def abbreviation_definitions(toolkit, lang: str) -> str:
    key = (id(toolkit), lang)
    if key not in _abbreviation_cache:
        lines = []
        for term in toolkit.terms.values():
            if not term.abbr:
                continue
            shown = term.abbr.shown(lang)
            for abbreviation in dict.fromkeys(shown):
                meaning = term.term[lang].replace("\n", " ")
                lines.append(f"*[{abbreviation}]: {meaning}")
        _abbreviation_cache.clear()
        _abbreviation_cache[key] = "\n".join(lines)
    return _abbreviation_cache[key]


def outdated_banner(lang: str, row, source_href: str, edit_href: str) -> str:
    """Shown on a translation whose Vietnamese source changed after it was translated."""
    return (f'<div class="admonition warning wps-outdated" role="note">'
            f'<p class="admonition-title">{esc(label(lang, "outdated_title"))}</p>'
            f'<p>{esc(label(lang, "outdated_text", date=row.source_changed))} '
            f'<a href="{esc(source_href)}" hreflang="{languages.source()}">{esc(label(lang, "outdated_source"))}</a> · '
            f'<a href="{esc(edit_href)}">{esc(label(lang, "outdated_edit"))}</a></p></div>')
