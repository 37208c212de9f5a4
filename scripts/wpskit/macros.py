"""The thin layer mkdocs-macros calls: look up validated data, render it, escape it.

Pages call these in Markdown, e.g. `{{ tool_link("stakeholder-map") }}`. The language is
the page's own; links are relative to the page, so they work online and offline.
"""

from __future__ import annotations


from . import DEFAULT_LANGUAGE, LANGUAGES, languages
from .page_parts import language_table_head, language_table_row, link_from, reading_minutes, tool_markdown_link
from .render import html as web
from .render.html import esc, md_text
from .site_hooks import built_languages, offline_build, offline_bundle, page_language, page_slug, root_language, state_of
from .textfold import fold
from .ui_text import label
from .indicator_macros import define_indicator_macros
from .kinds import BY_NAME, KINDS, find_item, kind_of, listed
from . import data_pages


def _toolkit(env):
    return state_of(env.conf).toolkit


def define_env(env):  # noqa: C901  (one small function per macro, registered here)
    define_indicator_macros(env)

    def page():
        return env.page

    def lang():
        return page_language(env.page)

    def src():
        return env.page.file.src_uri

    def here():
        return env.page.url

    def urls():
        return web.Urls(lang(), root_language(env.conf), env.conf["use_directory_urls"])

    def module_link(module_id):
        for module in _toolkit(env).modules(lang()):
            if module.meta.id == module_id:
                return module.meta.title, link_from(src(), f"{lang()}/modules/{module_id}.md")
        return None, None

    @env.macro
    def tool_link(tool_id: str) -> str:
        """A link to a worksheet or checklist, titled in the page's language."""
        item = _toolkit(env).tools[tool_id]
        return tool_markdown_link(item, lang(), src()) + "{ .wps-tool-link }"

    @env.macro
    def flow(steps, caption=None) -> str:
        return web.flow_figure(steps, caption)

    @env.macro
    def cycle(steps, caption=None) -> str:
        return web.flow_figure(steps, caption, cyclic=True)

    def item_link(item_id: str) -> str:
        """An <a> to a tool, session or programme page, titled in the page's language."""
        toolkit, language = _toolkit(env), lang()
        item = find_item(toolkit, item_id)
        href = web.relative(here(), urls().page(page_slug(item)))
        return f'<a href="{esc(href)}">{md_text(item.title[language])}</a>'  # also in Markdown tables

    def download_links(item) -> list:
        language, out, kind = lang(), [], kind_of(item)
        for extension in kind.downloads:
            size = state_of(env.conf).sizes.get((language, item.id, extension))
            if size:  # only a file the site has (none when WPS_SKIP_DOWNLOADS=1)
                out.append((label(language, kind.download_labels[extension]),
                            web.relative(here(), urls().download(item.id, extension)), size))
        if kind.pack:
            size = state_of(env.conf).sizes.get((language, f"{item.id}-pack", "zip"))
            if size:
                out.append((label(language, kind.download_labels["zip"]), web.relative(here(), urls().download(f"{item.id}-pack", "zip")), size))
        return out

    @env.macro
    def data_page(item_id: str) -> str:
        """The whole body of a generated page: a worksheet, checklist, session guide or programme,
        from its view model (render/view_model.py) through the templates the print page shares."""
        from .render.item_templates import web_body
        from .render.view_model import item_view
        toolkit, language = _toolkit(env), lang()
        item = find_item(toolkit, item_id)
        module_href = web.relative(here(), urls().page(f"modules/{item.module}")) if getattr(item, "module", None) else None
        view = item_view(item, language, state_of(env.conf).context, module_href=module_href,
                         href=lambda target: web.relative(here(), urls().page(page_slug(find_item(toolkit, target)))))
        kind = kind_of(item)
        if not kind.web_template:
            raise ValueError(f'data_page cannot show a {item.kind} ("{item_id}"): name its web template '
                             "or a page macro of its own in its record in scripts/wpskit/kinds.py")
        extras = data_pages.PageExtras()
        if kind.page_extras:
            extras = getattr(data_pages, kind.page_extras)(toolkit, language, env.page, item,
                                                          lambda path: web.relative(here(), path))
        return web_body(view, web.buttons(download_links(item), language), extras.top, extras.before_sources,
                        extras.bank, template=kind.web_template)

    def indicator_bank_exists(toolkit) -> bool:
        """/indicators/ is built from toolkit/indicators/ (or a page docs/<lang>/indicators/index.md)."""
        return (toolkit.root / "toolkit" / "indicators").is_dir() or (lang(), "indicators/index.md") in toolkit.pages

    @env.macro
    def plan_builder() -> str:
        """The plan builder's guided form (render/plan_form.py, texts from toolkit/plan-builder.yml)."""
        from .render.plan_docx import indicator_names
        from .render.plan_form import builder_blocks
        toolkit, language = _toolkit(env), lang()
        example = next(iter(sorted(toolkit.plans.values(), key=lambda p: p.id)), None)
        example_href = web.relative(here(), f"downloads/{language}/{example.id}.docx") if example else None
        top, blocks = builder_blocks(
            toolkit.plan_builder, language, web.relative(here(), "assets/javascripts/fill-in.js"),
            web.relative(here(), f"assets/fill/{language}/plan-builder.js"), example, example_href,
            web.relative(here(), urls().page("indicators")) if indicator_bank_exists(toolkit) else None,
            web.relative(here(), urls().page("modules/05-local-action-plan")),
            indicator_names(toolkit.indicators.values(), language))
        parts = [top]
        for heading, block in blocks:
            parts += [f"## {md_text(heading)}", block]
        return "\n\n".join(parts)

    @env.macro
    def session_index() -> str:
        """Every session guide: title, module, duration, with a link."""
        toolkit, language = _toolkit(env), lang()
        rows = []
        for session in sorted(toolkit.sessions.values(), key=lambda s: s.id):
            title, target = module_link(session.module) if session.module else (None, None)
            module_cell = f"[{md_text(title)}]({target})" if title else "—"
            rows.append(f"| {item_link(session.id)} | {module_cell} | {md_text(label(language, 'minutes_value', n=session.minutes))} |")
        head = f"| {label(language, 'session_col')} | {label(language, 'module_col')} | {label(language, 'duration_col')} |\n|---|---|---|"
        return head + "\n" + "\n".join(rows)

    @env.macro
    def programme_index() -> str:
        toolkit, language = _toolkit(env), lang()
        rows = []
        for programme in toolkit.programmes.values():
            rows.append(f"| {item_link(programme.id)} | {md_text(programme.audience[language])} | {len(programme.days)} |")
        head = f"| {label(language, 'title_col')} | {label(language, 'audience_label')} | {label(language, 'days_col')} |\n|---|---|---|"
        return head + "\n" + "\n".join(rows)

    @env.macro
    def tool_index(kind: str) -> str:
        """A table of every worksheet or checklist: title, purpose, module, time."""
        toolkit, language = _toolkit(env), lang()
        items = BY_NAME[kind].items(toolkit)
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
        return f"[{md_text(item.title[language])}]({link_from(src(), f'{language}/{page_slug(item)}.md')})"

    @env.macro
    def module_index() -> str:
        """The learning path: every module with its description, level and reading time."""
        language = lang()
        rows = []
        for module in _toolkit(env).modules(language):
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
        for case in _toolkit(env).case_studies(language):
            target = link_from(src(), f"{language}/case-studies/{case.meta.id}.md")
            rows.append(f"- **[{md_text(case.meta.title)}]({target})** — {md_text(case.meta.description)}")
        return "\n".join(rows)

    @env.macro
    def glossary() -> str:
        """Every term, alphabetical in the page's language, each anchored by its id."""
        toolkit, language = _toolkit(env), lang()
        terms = sorted(toolkit.terms.values(), key=lambda t: (fold(t.term[language]), t.term[language]))
        other = languages.counterpart(language)
        out = [f'<p class="wps-meta">{esc(label(language, "all_terms", n=len(terms)))}</p>', '<dl class="wps-glossary">']
        for term in terms:
            abbreviations = []
            if term.abbr:
                abbreviations = term.abbr.shown(language)
            abbr_html = f' <span class="wps-abbr">({esc(", ".join(abbreviations))})</span>' if abbreviations else ""
            shown = other if term.term.has(language) else languages.counterpart(DEFAULT_LANGUAGE)  # not the source twice
            out.append(f'<dt id="{esc(term.id)}">{esc(term.term[language])}{abbr_html} '
                       f'<span class="wps-other-lang" lang="{shown}">{esc(term.term[shown])}</span></dt><dd>')
            out.append(f"<p>{esc(term.definition[language])}</p>")
            if term.note:
                out.append(f'<p class="wps-note"><strong>{esc(label(language, "note"))}:</strong> {esc(term.note[language])}</p>')
            if language == DEFAULT_LANGUAGE and term.avoid_vi:  # avoid_vi: words the source should avoid
                out.append(f'<p class="wps-avoid"><strong>{esc(label(language, "avoid"))}:</strong> '
                           f'{esc(", ".join(term.avoid_vi))}</p>')
            if term.related:
                links = ", ".join(f'<a href="#{esc(r)}">{esc(toolkit.terms[r].term[language])}</a>' for r in term.related)
                out.append(f'<p class="wps-related"><strong>{esc(label(language, "related_terms"))}:</strong> {links}</p>')
            out.append("</dd>")
        out.append("</dl>")
        return "\n".join(out)

    @env.macro
    def handbook_links() -> str:
        """The participant and trainer handbooks (one PDF each per language), with their sizes."""
        from .handbooks import download_table
        if state_of(env.conf).skip_downloads:
            return ""  # not made in this build: not linked
        return download_table(lang(), lambda path: web.relative(here(), path), built_languages(env.conf))

    @env.macro
    def keep_offline_box() -> str:
        """"Keep this language offline" (overrides/assets/javascripts/pwa.js shows it where it can work)."""
        from .pwa import keep_offline_html
        return "" if offline_build(env.conf) else keep_offline_html(lang())

    @env.macro
    def offline_bundle_link() -> str:
        """The offline copy of the whole site, with its size (not shown inside that copy)."""
        language = lang()
        if offline_build(env.conf):
            return f'<p class="wps-meta">{esc(label(language, "offline_here"))}</p>'
        bundle = offline_bundle(state_of(env.conf).toolkit.root)
        if not bundle.exists():
            return f'<p class="wps-meta">{esc(label(language, "offline_missing"))}</p>'
        size = f"{bundle.stat().st_size / 1024 / 1024:.1f}".replace(".", label(language, "decimal_separator"))
        href = web.relative(here(), f"downloads/{bundle.name}")
        return web.buttons([(label(language, "offline_zip", size=size), href, None)], language)

    @env.macro
    def downloads_index() -> str:
        """Every download of every tool, programme and session, per language, with its size."""
        toolkit, language = _toolkit(env), lang()
        groups = [(kind.heading, kind.items(toolkit), kind.downloads + (("zip",) if kind.pack else ()))
                  for kind in listed(KINDS) if kind.downloads]
        out = []
        for heading, collection, extensions in groups:
            out.append(f"## {md_text(label(language, heading))}\n")
            out.append(language_table_head(label(language, 'title_col')))
            for item in sorted(collection.values(), key=lambda i: i.title[language]):
                cells = []
                for file_lang in LANGUAGES:
                    links = []
                    for extension in extensions:
                        name = f"{item.id}-pack" if extension == "zip" else item.id
                        size = state_of(env.conf).sizes.get((file_lang, name, extension))
                        if not size:
                            continue  # not made in this build (WPS_SKIP_DOWNLOADS=1): not linked
                        size_text = f" ({max(1, round(size / 1024))} KB)"
                        href = web.relative(here(), f"downloads/{file_lang}/{name}.{extension}")
                        links.append(f'<a href="{esc(href)}" download>{extension.upper()}{size_text}</a>')
                    cells.append(" · ".join(links) or "—")
                out.append(language_table_row(item_link(item.id), cells))
            out.append("")
        return "\n".join(out)

    @env.macro
    def translation_status() -> str:
        """Every translation with its state and the date its source last changed."""
        language = lang()
        states = label(language, "l10n_states")
        order = {"missing": 0, "orphaned": 1, "outdated": 2, "untracked": 3, "up-to-date": 4}
        rows = sorted(state_of(env.conf).l10n.values(), key=lambda r: (order[r.state], r.translation))
        counts = {state: sum(1 for r in rows if r.state == state) for state in order}
        summary = " · ".join(f"{states[s]}: {n}" for s, n in counts.items() if n)
        head = (f"| {label(language, 'l10n_translation')} | {label(language, 'l10n_source')} | "
                f"{label(language, 'l10n_state')} | {label(language, 'l10n_changed')} | {label(language, 'l10n_hash')} |\n"
                "|---|---|---|---|---|")
        lines = [f"| `{r.translation}` | `{r.source}` | **{states[r.state]}** | {r.source_changed} | "
                 f"{'`' + r.current + '`' if r.state in ('outdated', 'untracked') and r.current else ''} |" for r in rows]
        return f'<p class="wps-meta" id="l10n-summary">{esc(summary)}</p>\n\n' + head + "\n" + "\n".join(lines)

    @env.macro
    def source_list(kind: str | None = None) -> str:
        toolkit, language = _toolkit(env), lang()
        ids = [s.id for s in toolkit.sources.values() if kind is None or s.kind == kind]
        return web.sources_list(ids, toolkit.sources, language)
