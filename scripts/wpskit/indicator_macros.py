"""The macros of the indicator bank (registered by macros.py): the filterable table of
/indicators/, the body of /indicators/<id>/, the bank's downloads, and the lists of
indicators shown on the worksheet and module pages they name."""

from __future__ import annotations


from . import LANGUAGES
from .page_parts import language_table_head, language_table_row, link_from
from .render import html as web
from .render import indicators as bank
from .render.html import esc, md_text
from .site_hooks import page_language, root_language, state_of
from .ui_text import label

EXTENSIONS = ("csv", "xlsx", "pdf")


def markdown_link_to(page_src: str, lang: str):
    """A function giving the Markdown link target (a .md source MkDocs resolves) of a page."""
    def link_to(section: str, item_id: str) -> str:
        return link_from(page_src, f"{lang}/{section}/{item_id}.md")
    return link_to


def indicator_links(page, key: str, target_id: str, toolkit) -> str:
    """Markdown: the indicators whose `key` ("worksheets" or "modules") names `target_id`."""
    lang = page_language(page)
    items = bank.indicators_naming(toolkit.indicators.values(), key, target_id)
    heading = "for_worksheet" if key == "worksheets" else "for_module"
    return bank.links_markdown(items, lang, heading, markdown_link_to(page.file.src_uri, lang))


def define_indicator_macros(env):
    def lang():
        return page_language(env.page)

    def urls():
        return web.Urls(lang(), root_language(env.conf), env.conf["use_directory_urls"])

    def download_buttons(language):
        links = []
        for extension in EXTENSIONS:
            size = state_of(env.conf).sizes.get((language, "indicators", extension))
            if size:  # only a file the site has (none when WPS_SKIP_DOWNLOADS=1)
                href = web.relative(env.page.url, urls().download("indicators", extension))
                links.append((bank.word(language, extension), href, size))
        return web.buttons(links, language)

    @env.macro
    def indicator_bank() -> str:
        """The bank's downloads, its filters and its table (filtered by indicators.js)."""
        language, here = lang(), env.page.url
        script = web.relative(here, "assets/javascripts/indicators.js")
        table = bank.bank_html(state_of(env.conf).toolkit.indicators.values(), language,
                               lambda item: web.relative(here, urls().page(f"indicators/{item.id}")), script)
        return download_buttons(language) + "\n\n" + table

    @env.macro
    def indicator_page(indicator_id: str) -> str:
        """The whole body of /indicators/<id>/."""
        language = lang()
        indicator = state_of(env.conf).toolkit.indicators[indicator_id]
        return bank.page_markdown(indicator, language, state_of(env.conf).context, markdown_link_to(env.page.file.src_uri, language))

    @env.macro
    def indicator_downloads() -> str:
        """The bank's three files in each language, with their sizes, for /downloads/."""
        language = lang()
        out = [f"## {md_text(bank.word(language, 'bank'))}\n",
               language_table_head(label(language, 'title_col'))]
        cells = []
        for file_lang in LANGUAGES:
            links = []
            for extension in EXTENSIONS:
                size = state_of(env.conf).sizes.get((file_lang, "indicators", extension))
                if not size:
                    continue  # not made in this build (WPS_SKIP_DOWNLOADS=1): not linked
                size_text = f" ({max(1, round(size / 1024))} KB)"
                href = web.relative(env.page.url, f"downloads/{file_lang}/indicators.{extension}")
                links.append(f'<a href="{esc(href)}" download>{extension.upper()}{size_text}</a>')
            cells.append(" · ".join(links) or "—")
        title = f"[{md_text(bank.word(language, 'bank'))}]({link_from(env.page.file.src_uri, f'{language}/indicators/index.md')})"
        out.append(language_table_row(title, cells) + "\n")
        return "\n".join(out)
