"""An incomplete language (languages.py) shows the source language's page where its own is
missing, with a notice in its own language; the Vietnamese text is marked lang="vi".

load.py calls add_fallback_pages: each missing page of an incomplete language is the source
language's Page under that language's key, so module lists, boxes and links of the
language's site find it. mkdocs-static-i18n writes these pages (its fallback_to_default,
switched on for the incomplete languages only: site_hooks.on_config), and on_page_content
puts the notice above the page's HTML and marks the HTML with the source language (after
Markdown, so the page's own markup is never re-read).
"""

from __future__ import annotations

from . import languages
from .render.html import esc
from .ui_text import label


def add_fallback_pages(toolkit) -> None:
    source = languages.source()
    for code in languages.codes():
        if languages.is_complete(code):
            continue
        for (lang, slug), page in list(toolkit.pages.items()):
            if lang == source and (code, slug) not in toolkit.pages:
                toolkit.pages[(code, slug)] = page


def fallback_notice(lang: str, shown_lang: str) -> str:
    """The notice above a page shown in the source language in place of a missing translation:
    an admonition in the page's language (its own words from l10n/ui/<lang>.yml; a word the
    file lacks is the source's, marked as such)."""
    title, title_lang = _text(lang, "fallback_title")
    text, text_lang = _text(lang, "fallback_text")
    return (f'<div class="admonition note wps-fallback" role="note">\n'
            f'<p class="admonition-title"{_lang_attr(title_lang, lang)}>{esc(title)}</p>\n'
            f'<p{_lang_attr(text_lang, lang)}>{esc(text)}</p>\n</div>\n')


def _text(lang: str, key: str) -> tuple[str, str]:
    from .ui_strings import own_keys
    written = key in own_keys(lang, "labels")
    return label(lang, key), (lang if written else languages.source())


def _lang_attr(text_lang: str, page_lang: str) -> str:
    return "" if text_lang == page_lang else f' lang="{esc(text_lang)}"'


def fallback_page(html: str, page_lang: str, shown_lang: str, title_html: str | None) -> str:
    """A page shown in `shown_lang` in place of its `page_lang` translation: its title (the
    heading Material would add above the content, here marked with its language), the notice,
    then the content marked with its language."""
    heading = ""
    if title_html and "<h1" not in html:
        heading = f'<h1 lang="{esc(shown_lang)}">{title_html}</h1>\n'
    return f'{heading}{fallback_notice(page_lang, shown_lang)}<div lang="{esc(shown_lang)}">\n{html}\n</div>'


def on_page_content(html, page, config, files):
    """The plugin's step after Markdown: a page an incomplete language shows in the source's words."""
    lang = getattr(page.file, "locale_alternate_of", None) or getattr(page.file, "locale", None)
    if lang is None or lang not in languages.codes():
        return html
    shown = shown_language(page, lang)
    if shown == lang:
        return html
    return fallback_page(html, lang, shown, page.meta.get("title"))  # the title is escaped (site_hooks)


def shown_language(page, lang: str) -> str:
    """The language a page's content is in: its own, or the source's where an incomplete
    language lacks the page or (a data page) any text of its item."""
    if languages.is_complete(lang):
        return lang
    if getattr(page.file, "generated_by", None) == "wpskit":
        item = getattr(page.file, "wps_item", None)
        return lang if item is None or translated_in(item, lang) else languages.source()
    return getattr(page.file, "locale", None) or lang


def translated_in(value, lang: str) -> bool:
    """Whether every text of a data item (or part of one) is written in `lang`."""
    from .model import Translated
    if isinstance(value, Translated):
        return value.has(lang)
    if hasattr(value, "__pydantic_fields__"):
        return all(translated_in(getattr(value, name), lang) for name in type(value).model_fields)
    if isinstance(value, (list, tuple)):
        return all(translated_in(part, lang) for part in value)
    if isinstance(value, dict):
        return all(translated_in(part, lang) for part in value.values())
    return True
