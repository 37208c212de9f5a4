"""The thin layer mkdocs-macros calls: look up validated data, render it, escape it.

Pages call these in Markdown, e.g. `{{ tool_link("stakeholder-map") }}`. The language is
the page's own; links are relative to the page, so they work online and offline.
"""

from __future__ import annotations

from . import DEFAULT_LANGUAGE, LANGUAGES
from .page_parts import link_from, reading_minutes, tool_markdown_link
from .render import html as web
from .render.html import esc, md_text
from .site_hooks import STATE, page_language
from .textfold import fold
from .ui_text import label


def _toolkit():
    return STATE.toolkit


def define_env(env):  # noqa: C901  (one small function per macro, registered here)
    def page():
        return env.page

    def lang():
        return page_language(env.page)

    def src():
        return env.page.file.src_uri

    def here():
        return env.page.url

    def urls():
        return web.Urls(lang(), DEFAULT_LANGUAGE, env.conf["use_directory_urls"])

    def module_link(module_id):
        for module in _toolkit().modules(lang()):
            if module.meta.id == module_id:
                return module.meta.title, link_from(src(), f"{lang()}/modules/{module_id}.md")
        return None, None

    @env.macro
    def tool_link(tool_id: str) -> str:
        """A link to a worksheet or checklist, titled in the page's language."""
        item = _toolkit().tools[tool_id]
        return tool_markdown_link(item, lang(), src()) + "{ .wps-tool-link }"

    @env.macro
    def flow(steps, caption=None) -> str:
        return web.flow_figure(steps, caption)

    @env.macro
    def cycle(steps, caption=None) -> str:
        return web.flow_figure(steps, caption, cyclic=True)

    @env.macro
    def tool_page(tool_id: str) -> str:
        """The whole body of /worksheets/<id>/ or /checklists/<id>/."""
        toolkit, language = _toolkit(), lang()
        item = toolkit.tools[tool_id]
        title, module_src = module_link(item.module) if item.module else (None, None)
        module_href = None
        if module_src:
            module_href = web.relative(here(), web.Urls(language, DEFAULT_LANGUAGE, env.conf["use_directory_urls"]).page(f"modules/{item.module}"))
        parts = [
            f'<h1 class="wps-title">{esc(item.title[language])}</h1>',
            web.tool_meta_line(item, language, title, module_href),
            f'<p class="wps-purpose"><strong>{esc(label(language, "purpose"))}:</strong> {esc(item.purpose[language])}</p>',
            web.downloads_box(item, language, here(), urls(), STATE.sizes),
        ]
        body = web.worksheet_body(item, language) if item.kind == "worksheet" else web.checklist_body(item, language)
        for heading, block in body:
            if heading:
                parts.append(f"## {md_text(heading)}")
            parts.append(block)
        if item.sources:
            parts.append(f"## {md_text(label(language, 'sources'))}")
            parts.append(web.sources_list(item.sources, toolkit.sources, language))
        return "\n\n".join(parts)

    @env.macro
    def tool_index(kind: str) -> str:
        """A table of every worksheet or checklist: title, purpose, module, time."""
        toolkit, language = _toolkit(), lang()
        items = toolkit.worksheets if kind == "worksheet" else toolkit.checklists
        modules = {m.meta.id: m.meta for m in toolkit.modules(language)}
        rows = []
        ordered = sorted(items.values(), key=lambda i: (modules[i.module].order if i.module in modules else 99, i.title[language]))
        for item in ordered:
            module = modules.get(item.module)
            module_cell = f"[{md_text(module.title)}]({link_from(src(), f'{language}/modules/{module.id}.md')})" if module else "—"
            minutes = label(language, "minutes_value", n=item.minutes) if item.minutes else "—"
            rows.append(f"| {_titled_link(item, language)} | {md_text(item.purpose[language])} | {module_cell} | {md_text(minutes)} |")
        head = (f"| {label(language, 'title_col')} | {label(language, 'purpose_col')} | "
                f"{label(language, 'module_col')} | {label(language, 'time_col')} |\n|---|---|---|---|")
        return head + "\n" + "\n".join(rows)

    def _titled_link(item, language):
        return f"[{md_text(item.title[language])}]({link_from(src(), f'{language}/{item.kind}s/{item.id}.md')})"

    @env.macro
    def module_index() -> str:
        """The learning path: every module with its description, level and reading time."""
        language = lang()
        rows = []
        for module in _toolkit().modules(language):
            meta = module.meta
            target = link_from(src(), f"{language}/modules/{meta.id}.md")
            rows.append(
                f"{meta.order}. **[{md_text(meta.title)}]({target})** — {md_text(meta.description)} "
                f"*({md_text(label(language, 'level')[meta.level])} · "
                f"{md_text(label(language, 'reading_time', n=reading_minutes(module.body, language)))})*"
            )
        return "\n".join(rows)

    @env.macro
    def case_study_index() -> str:
        language = lang()
        rows = []
        for case in _toolkit().case_studies(language):
            target = link_from(src(), f"{language}/case-studies/{case.meta.id}.md")
            rows.append(f"- **[{md_text(case.meta.title)}]({target})** — {md_text(case.meta.description)}")
        return "\n".join(rows)

    @env.macro
    def glossary() -> str:
        """Every term, alphabetical in the page's language, each anchored by its id."""
        toolkit, language = _toolkit(), lang()
        terms = sorted(toolkit.terms.values(), key=lambda t: (fold(t.term[language]), t.term[language]))
        other = [x for x in LANGUAGES if x != language][0]
        out = [f'<p class="wps-meta">{esc(label(language, "all_terms", n=len(terms)))}</p>', '<dl class="wps-glossary">']
        for term in terms:
            abbreviations = []
            if term.abbr:
                abbreviations = term.abbr.vi + [a for a in term.abbr.en if a not in term.abbr.vi] if language == "vi" else term.abbr.en
            abbr_html = f' <span class="wps-abbr">({esc(", ".join(abbreviations))})</span>' if abbreviations else ""
            out.append(f'<dt id="{esc(term.id)}">{esc(term.term[language])}{abbr_html} '
                       f'<span class="wps-other-lang" lang="{other}">{esc(term.term[other])}</span></dt><dd>')
            out.append(f"<p>{esc(term.definition[language])}</p>")
            if term.note:
                out.append(f'<p class="wps-note"><strong>{esc(label(language, "note"))}:</strong> {esc(term.note[language])}</p>')
            if language == "vi" and term.avoid_vi:
                out.append(f'<p class="wps-avoid"><strong>{esc(label(language, "avoid"))}:</strong> '
                           f'{esc(", ".join(term.avoid_vi))}</p>')
            if term.related:
                links = ", ".join(f'<a href="#{esc(r)}">{esc(toolkit.terms[r].term[language])}</a>' for r in term.related)
                out.append(f'<p class="wps-related"><strong>{esc(label(language, "related_terms"))}:</strong> {links}</p>')
            out.append("</dd>")
        out.append("</dl>")
        return "\n".join(out)

    @env.macro
    def downloads_index() -> str:
        """Every download of every tool, per language, with its size."""
        toolkit, language = _toolkit(), lang()
        out = []
        for kind in ("worksheet", "checklist"):
            items = [i for i in toolkit.tools.values() if i.kind == kind]
            out.append(f"## {md_text(label(language, kind + 's_heading'))}\n")
            out.append(f"| {label(language, 'title_col')} | Tiếng Việt | English |\n|---|---|---|" )
            for item in sorted(items, key=lambda i: i.title[language]):
                cells = []
                for file_lang in LANGUAGES:
                    links = []
                    for extension in ("pdf", "docx"):
                        target = f"downloads/{file_lang}/{item.id}.{extension}"
                        size = STATE.sizes.get((file_lang, item.id, extension))
                        size_text = f" ({max(1, round(size / 1024))} KB)" if size else ""
                        links.append(f'<a href="{esc(web.relative(here(), target))}" download>{extension.upper()}{size_text}</a>')
                    cells.append(" · ".join(links))
                out.append(f"| {_titled_link(item, language)} | {cells[0]} | {cells[1]} |")
            out.append("")
        return "\n".join(out)

    @env.macro
    def source_list(kind: str | None = None) -> str:
        toolkit, language = _toolkit(), lang()
        ids = [s.id for s in toolkit.sources.values() if kind is None or s.kind == kind]
        return web.sources_list(ids, toolkit.sources, language)
