"""Build-time steps, called by the toolkit's MkDocs plugin (plugin.py), its state in BuildState.

Order inside one `mkdocs build` (mkdocs-static-i18n builds Vietnamese, then English):
  on_startup     once per process: the garbage collector skips what lives until the end
  on_config      load and validate all sources (stop before anything is written; the
                 last build's result is reused while no source changed), make the
                 downloads (cached)
  on_files       add the generated pages: /worksheets/<id>/, /checklists/<id>/, /indicators/<id>/
  on_page_markdown  after the macros: module boxes, abbreviations
  on_page_context   "edit this page" of a generated page opens its YAML file
  on_post_build  per-language search indexes with diacritics folding; copy downloads
"""

from __future__ import annotations

import atexit
import gc
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from . import DEFAULT_LANGUAGE, LANGUAGES, languages
from .downloads import FORMATS, DownloadCache, RenderContext, link_or_copy
from .errors import SourceError
from .finish_pages import finish_pages
from .kinds import BY_NAME, KINDS, items_with_pages
from .model import CaseStudyMeta, ModuleMeta
from .page_parts import abbreviation_definitions, module_footer, module_header, outdated_banner
from .render.html import esc, relative
from .search_index import write_language_indexes
from . import page_cache
from .source_cache import checked_sources

SCRIPTS = str(Path(__file__).resolve().parents[1])


class BuildState:
    """What one build (both languages) knows, held by the plugin instance (plugin.py): the
    checked sources, the downloads and their sizes, the handbook PDFs being made, the site
    names of the built languages."""

    def __init__(self, options=None):
        self.options = options  # the plugin's config (plugin.ToolkitConfig)
        self.toolkit = None
        self.context = None
        self.l10n: dict = {}
        self.downloads: dict = {}
        self.sizes: dict = {}
        self.cache: DownloadCache | None = None
        self.fill_assets: dict = {}  # site path -> cached file (fill_assets.py)
        self.fill_cache: Path | None = None
        self.skip_downloads = False  # no download made, published, linked or pruned
        self.handbook_pool = None  # handbook_hooks.py: the worker processes making the PDFs
        self.handbook_jobs: dict = {}  # (lang, kind) -> (future or None, Path)
        self.site_names: dict = {}  # pwa_hooks.py: lang -> (site name, description)
        self.page_caches: dict = {}  # page_cache.py: lang -> the rendered pages of the last build
        self.compiled_pages = None  # macros_cache.py: the compiled page templates of the macros


def state_of(config) -> BuildState:
    """The build state of the toolkit's plugin, found through the MkDocs config."""
    return config.plugins["wpskit"].state


def current_language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE


def root_language(config) -> str:
    """The language built at the site root: the default one, or the only one in a preview build."""
    i18n = config.plugins.get("i18n")
    only = getattr(getattr(i18n, "config", None), "build_only_locale", None)
    return only or DEFAULT_LANGUAGE


def built_languages(config) -> tuple:
    """The languages this build makes: both, or the one of a preview (`wpskit build --lang`)."""
    i18n = config.plugins.get("i18n")
    only = getattr(getattr(i18n, "config", None), "build_only_locale", None)
    return (only,) if only else LANGUAGES


def language_prefix(lang: str, config) -> str:
    return "" if lang == root_language(config) else f"{lang}/"


def language_switcher() -> list:
    """Material's `extra.alternate`, with relative links, so the switcher also works offline
    and under a sub-path: the source language at the root, every other one in its folder."""
    return [{"name": language.name, "link": "./" if language.source else f"{language.code}/", "lang": language.code}
            for language in languages.languages()]


def project_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def offline_bundle(root: Path) -> Path:
    """The ZIP made by `make offline`, published on /downloads/ by the next site build."""
    return root / "dist" / "wps-toolkit-offline.zip"


def offline_build(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def on_startup(command, dirty):
    """Once per `mkdocs build` or `mkdocs serve`, after MkDocs, its plugins and the
    configuration are loaded. What is loaded by then lives until the process ends, so the
    garbage collector is told to stop walking it (gc.freeze): collections during a build
    take half the time (0.19 s → 0.09 s for both languages here). A build is a short
    process: when it ends, Python would walk all its objects once more, looking for cycles
    to free (0.2 s); freezing them first skips that walk, and the memory goes back to the
    system with the process all the same."""
    gc.freeze()
    atexit.register(gc.freeze)


@event_priority(100)
def on_config(config):
    state = state_of(config)
    if SCRIPTS not in sys.path:
        sys.path.insert(0, SCRIPTS)
    if "alternate" not in config.extra:  # the language switcher: every language of mkdocs.yml's i18n list
        config.extra["alternate"] = language_switcher()
    if offline_build(config):
        # the worker shim Material would fetch from a CDN, shipped with the site instead;
        # language switcher links that open index.html from the file system
        config.extra["polyfills"] = ["assets/javascripts/iframe-worker/shim.js"]
        for alternate in config.extra.get("alternate", []):
            if not alternate["link"].endswith(".html"):
                alternate["link"] = alternate["link"].replace("./", "") + "index.html"
    i18n = config.plugins.get("i18n")
    if i18n is not None:  # a missing page falls back to the source in an incomplete language only
        complete = languages.is_complete(current_language(config))
        i18n.config.fallback_to_default = not complete
        # every language build writes the one site/404.html, the last one's staying (English, as
        # before a third language): an incomplete language, built after, leaves it as it is
        (config.theme.static_templates.add if complete else config.theme.static_templates.discard)("404.html")
    if current_language(config) != DEFAULT_LANGUAGE and state.toolkit is not None:
        return config  # second language of the same build: the sources are already checked
    root = project_root(config)
    from .ui_strings import forget
    forget()  # interface strings read again (l10n/ui/ is watched)
    try:
        state.toolkit, translations = checked_sources(root)
    except SourceError as error:
        raise PluginError(error.report()) from None
    toolkit = state.toolkit
    state.context = RenderContext.of(toolkit)
    state.l10n = {row.translation: row for row in translations}
    shared_cache = state.options.cache_dir  # tests share one cache between project copies
    state.cache = DownloadCache(Path(shared_cache) if shared_cache else root / ".cache" / "downloads")
    state.cache.prunable = not shared_cache
    state.skip_downloads = state.options.skip_downloads
    if not state.skip_downloads:
        items = [item for item in items_with_pages(toolkit) if item.kind in FORMATS]  # the kinds with downloads
        try:
            state.downloads = state.cache.prepare(items, state.context)
            for kind in (kind for kind in KINDS if kind.collection_files):  # the indicator bank's files
                state.downloads.update(state.cache.prepare_bank(kind.items(toolkit), state.context, kind))
        except SourceError as error:
            raise PluginError(error.report()) from None
    else:
        state.downloads = {}
    state.sizes = {key: path.stat().st_size for key, path in state.downloads.items()}
    from . import fill_assets  # Word templates of the fill-in mode and the plan builder, example plans
    state.fill_cache = (Path(shared_cache).parent if shared_cache else root / ".cache") / "fill"
    state.fill_assets = fill_assets.prepare(toolkit, state.context, state.fill_cache)
    for folder in ("toolkit", "glossary", "l10n", "scripts/wpskit"):
        path = str(root / folder)
        if path not in config.watch:
            config.watch.append(path)
    return config


def on_env(env, config, files):
    """Material's templates compiled once and kept in .cache/jinja: each language build (and
    each rebuild) loads them instead of compiling them again. Jinja checks every template's
    source against its cached copy, so an edited override is recompiled."""
    from jinja2 import FileSystemBytecodeCache
    folder = project_root(config) / ".cache" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env


def _generated_page(config, lang: str, slug: str, content: str, locale_files: dict) -> File:
    src_uri = f"{lang}/{slug}.md"
    prefix = language_prefix(lang, config)
    dest = f"{prefix}{slug}/index.html" if config.use_directory_urls else f"{prefix}{slug}.html"
    file = File(src_uri, src_dir=None, dest_dir=config.site_dir,
                use_directory_urls=config.use_directory_urls, dest_uri=dest)
    file.generated_by = "wpskit"
    file.content_string = content
    # what mkdocs-static-i18n attaches to its own files (language switcher, sitemap)
    file.locale = lang
    file.localization = lang
    file.locale_alternate_of = lang
    file.norm_src_uri = f"{slug}.md"
    file.alternates = locale_files
    return file


class _Alternate:
    def __init__(self, url):
        self.url = url


@event_priority(-110)  # after mkdocs-static-i18n has sorted the files by language
def on_files(files, config):
    state = state_of(config)
    lang = current_language(config)
    toolkit = state.toolkit
    for item in items_with_pages(toolkit):
        slug = page_slug(item)
        alternates = {}
        for other in LANGUAGES:
            prefix = language_prefix(other, config)
            alternates[other] = _Alternate(f"{prefix}{slug}/" if config.use_directory_urls else f"{prefix}{slug}.html")
        # no front matter: the title is set after the macros have run (on_page_markdown), so
        # no text from the data ever goes through the template engine
        macro = BY_NAME[item.kind].page_macro
        content = f'{{{{ {macro}("{item.id}") }}}}\n'
        file = _generated_page(config, lang, slug, content, alternates)
        alternates[lang] = file
        file.edit_path = toolkit.files[item.id]
        file.wps_title = item.title[lang]
        file.wps_item = item
        files.append(file)
    return files


def page_slug(item) -> str:
    """Where a data item's page lives, the same in every language."""
    return f"{BY_NAME[item.kind].url_section}/{item.id}"


def page_language(page) -> str:
    # a page an incomplete language borrows from the source is the source's file (its locale)
    # built for that language (locale_alternate_of, set by mkdocs-static-i18n)
    return (getattr(page.file, "locale_alternate_of", None) or getattr(page.file, "locale", None)
            or page.file.src_uri.split("/", 1)[0])


@event_priority(10)  # before mkdocs-macros: pages without a macro are not rendered as templates
def on_page_markdown_before_macros(markdown, page, config, files):
    if "{{" not in markdown and "{%" not in markdown:
        page.meta["render_macros"] = False
    return markdown


@event_priority(-50)  # after mkdocs-macros has rendered the page
def on_page_markdown(markdown, page, config, files):
    state = state_of(config)
    lang = page_language(page)
    toolkit = state.toolkit
    escape_page_meta(page)
    slug = page.file.src_uri.split("/", 1)[1] if "/" in page.file.src_uri else page.file.src_uri
    source_page = toolkit.pages.get((lang, slug))
    if source_page is not None and isinstance(source_page.meta, (ModuleMeta, CaseStudyMeta)):
        markdown = module_header(source_page, lang, toolkit) + "\n\n" + markdown + "\n\n" + module_footer(source_page, lang, toolkit)
    if lang != DEFAULT_LANGUAGE:
        from .l10n import record_key
        edit_path = getattr(page.file, "edit_path", None)
        translated = record_key(edit_path, lang) if edit_path else f"docs/{lang}/{slug}"
        row = state.l10n.get(translated)
        if row is not None and row.state == "outdated":
            markdown = outdated_banner(lang, row, relative(page.url, default_language_url(slug, config)),
                                       config.repo_url.rstrip("/") + "/edit/main/" + translated) + "\n\n" + markdown
    markdown += "\n\n" + abbreviation_definitions(toolkit, lang) + "\n"
    if state.options.export_markdown:  # `make bench`: the final Markdown, for its yardstick build
        target = Path(state.options.export_markdown) / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    return markdown


def escape_page_meta(page) -> None:
    """The title and description land unescaped in Material's templates (<title>, navigation,
    <meta content="…">, search index): they are given as HTML-escaped text. A generated page
    gets its data item's title here, after the macros ran."""
    title = getattr(page.file, "wps_title", None) or page.meta.get("title")
    if title is not None:
        page.meta["title"] = esc(title)
    if page.meta.get("description") is not None:
        page.meta["description"] = esc(page.meta["description"])


def default_language_url(slug: str, config) -> str:
    """The URL of the default-language page with this slug (e.g. modules/01-wps-agenda.md)."""
    stem = slug[:-len(".md")]
    if config.use_directory_urls:
        return "" if stem == "index" else (stem[:-len("index")] if stem.endswith("/index") else stem + "/")
    return stem + ".html"


def on_page_context(context, page, config, nav):
    edit_path = getattr(page.file, "edit_path", None)
    if edit_path and config.repo_url:
        page.edit_url = config.repo_url.rstrip("/") + "/edit/main/" + edit_path
    return context


@event_priority(-200)  # after mkdocs-static-i18n has built every language and merged the index
def on_post_build(config):
    state = state_of(config)
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return  # a nested build of another language; the outer build finishes the job
    site_dir = Path(config.site_dir)
    root = root_language(config)
    built = LANGUAGES if root == DEFAULT_LANGUAGE else (root,)
    write_language_indexes(site_dir, root, built, with_script=offline_build(config),
                           cache_dir=project_root(config) / ".cache" / "search" / page_cache.build_variant(config))
    finish_pages(site_dir)  # valid markup, then the policy (it hashes the pages' final inline scripts)
    if state.downloads:
        DownloadCache.publish(state.downloads, site_dir)
    from . import fill_assets
    fill_assets.publish(state.fill_assets, site_dir)
    if state.cache is not None and state.cache.prunable and not offline_build(config):
        fill_assets.prune(state.fill_assets, state.fill_cache)
    bundle = offline_bundle(project_root(config))
    if bundle.exists() and not offline_build(config):
        link_or_copy(bundle, site_dir / "downloads" / bundle.name)
        # a build that made no download keeps them all; a one-language preview keeps the other
        # language's (its handbooks are not among this build's downloads)
        if state.cache.prunable and not state.skip_downloads and tuple(built_languages(config)) == tuple(LANGUAGES):
            state.cache.prune(state.downloads)
