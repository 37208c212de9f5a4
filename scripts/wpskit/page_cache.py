"""Rendered pages of the last build, kept in .cache/pages/ for the next one.

Turning a page's final Markdown into HTML (Python-Markdown and its extensions, in MkDocs'
`Page.render`) is the largest part of a build after the templates: about a third of `make
build` with nothing changed. Its result depends only on
  - the page's final Markdown (after the macros and every plugin's page_markdown step),
  - where the page lives and where every other file of this build lives (relative links),
  - the Markdown settings (mkdocs.yml and the language's own settings) and the versions of
    the libraries that render it (and of this module),
so a page whose key (a hash of all of these) is the one of an earlier build gets the same
HTML, table of contents, title and anchors back from the cache instead. Any change, even
of one character in one page, or one file added, renamed or removed anywhere in the
build, gives a new key: that page (or, for a file list change, every page) is rendered
afresh. A page whose rendering logged a warning is never cached, so the warning (an error
in a strict build) comes back on every build until the page is mended.

One cache file per kind of build and language (a one-language preview has its own), holding
the pages of the last such build only: the cache cannot grow without end.

The same goes for the search index: Material's search plugin cuts each page's final HTML
into sections (an HTML parser over every page, a quarter of a warm build); the sections
depend on that HTML alone, so they are kept by a hash of it and of Material's version.
The entries are still made from them by Material itself, page by page.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import os
import pickle
import sys
from importlib import metadata
from pathlib import Path

from mkdocs.plugins import event_priority

FOLDER = Path(".cache") / "pages"
RENDERED_BY = ("mkdocs", "Markdown", "pymdown-extensions", "mkdocs-material", "mkdocs-static-i18n")
log = logging.getLogger("mkdocs.plugins.wpskit.page_cache")
# Material's SearchIndex.add_entry_from_context, as search_sections() repeats it: with another
# version of it, the sections are not cached (the build stays right, only slower)
MATERIAL_ADD_ENTRY = "4ca78ac4321f7704"


def _stable(value) -> str:
    """Settings as text that is the same from one run to the next (a function is named, not addressed)."""
    def name(thing):
        if hasattr(thing, "func"):  # functools.partial
            return [name(thing.func), list(thing.args), thing.keywords]
        return f"{getattr(thing, '__module__', '')}.{getattr(thing, '__qualname__', type(thing).__qualname__)}"
    return json.dumps(value, sort_keys=True, default=name, ensure_ascii=False)


def _code_version(config_file: Path) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for package in RENDERED_BY:
        try:
            digest.update(f"{package}={metadata.version(package)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=none\0".encode())
    digest.update(Path(__file__).read_bytes())
    digest.update(config_file.read_bytes() if config_file.is_file() else b"")
    return digest.hexdigest()


class _Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.seen = 0

    def emit(self, record):
        self.seen += 1


class PageCache:
    """The rendered pages of one language of one kind of build (see the module's docstring)."""

    def __init__(self, root: Path, variant: str, config):
        self.path = Path(root) / FOLDER / f"{hashlib.sha256(variant.encode()).hexdigest()[:16]}.pickle"
        self.code = _code_version(Path(config.config_file_path))
        self.stored = self._read()
        self.kept: dict = {"pages": {}, "sections": {}}  # this build's: written back at its end
        self.files = None
        self.settings = ""
        self.hits = self.misses = 0

    def _read(self) -> dict:
        empty = {"pages": {}, "sections": {}}
        try:
            code, entries = pickle.loads(self.path.read_bytes())
        except Exception:  # no cache yet, or one written by another version: render everything
            return empty
        return entries if code == self.code and entries.keys() == empty.keys() else empty

    def _settings(self, config, files) -> str:
        """What every page of this language build shares: Markdown settings and the file list."""
        if files is not self.files:
            self.files = files
            digest = hashlib.sha256(_stable([config["markdown_extensions"], config["mdx_configs"],
                                             config["use_directory_urls"], str(config["validation"])]).encode())
            for file in sorted(files, key=lambda f: f.src_uri):
                digest.update(f"{file.src_uri}\0{file.dest_uri}\0{file.url}\0".encode())
            self.settings = digest.hexdigest()
        return self.settings

    def key(self, page, config, files) -> str:
        digest = hashlib.sha256(self._settings(config, files).encode())
        digest.update(f"{page.file.src_uri}\0{page.file.dest_uri}\0{page.file.url}\0{page.url}\0".encode())
        digest.update(page.markdown.encode())
        return digest.hexdigest()

    def wrap(self, page) -> None:
        """Make this page's render() look in the cache first (MkDocs calls it right after the
        page_markdown step, with the final Markdown)."""
        render = page.render

        def cached_render(config, files):
            key = self.key(page, config, files)
            entry = self.stored["pages"].get(key)
            if entry is not None and _restore(page, entry, files):
                self.kept["pages"][key] = entry
                self.hits += 1
                return
            self.misses += 1
            warnings = _Warnings()
            loggers = [logging.getLogger("mkdocs"), logging.getLogger()]
            for logger in loggers:
                logger.addHandler(warnings)
            try:
                render(config, files)
            finally:
                for logger in loggers:
                    logger.removeHandler(warnings)
            if not warnings.seen:
                self.kept["pages"][key] = _entry(page)  # as bytes: later steps may change the page's toc

        page.render = cached_render

    def search_sections(self, search_index, page) -> None:
        """Material's SearchIndex.add_entry_from_context, with the page's sections from the cache."""
        from material.plugins.search.plugin import Parser
        search = page.meta.get("search") or {}
        if search.get("exclude"):
            return
        key = hashlib.sha256(page.content.encode()).hexdigest()
        stored = self.stored["sections"].get(key)
        if stored is None:
            parser = Parser()
            parser.feed(page.content)
            parser.close()
            stored = pickle.dumps(parser.data, protocol=pickle.HIGHEST_PROTOCOL)
            self.misses += 1
        self.kept["sections"][key] = stored
        for section in pickle.loads(stored):  # a copy: Material fills in a missing title
            if not section.is_excluded():
                search_index.create_entry_for_section(section, page.toc, page.url, page)

    def use_for_search(self, config) -> None:
        search = config.plugins.get("material/search") or config.plugins.get("search")
        index = getattr(search, "search_index", None)
        if index is None or not hasattr(index, "create_entry_for_section"):
            return
        try:
            source = inspect.getsource(type(index).add_entry_from_context)
        except (OSError, TypeError):
            return
        if hashlib.sha256(source.encode()).hexdigest()[:16] == MATERIAL_ADD_ENTRY:
            index.add_entry_from_context = lambda page: self.search_sections(index, page)

    def save(self) -> None:
        """Keep this build's pages (only them) for the next build, when anything is new."""
        unchanged = all(self.kept[part].keys() == self.stored[part].keys() for part in self.kept)
        if self.misses == 0 and unchanged:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")  # two builds at once never share one
        temporary.write_bytes(pickle.dumps((self.code, self.kept), protocol=pickle.HIGHEST_PROTOCOL))
        temporary.replace(self.path)


def _entry(page) -> bytes:
    links = page.links_to_anchors
    return pickle.dumps({
        "content": page.content,
        "toc": page.toc,
        "title": page._title_from_render,
        "anchors": page.present_anchor_ids,
        "links": None if links is None else {file.src_uri: dict(anchors) for file, anchors in links.items()},
    }, protocol=pickle.HIGHEST_PROTOCOL)


def _restore(page, stored: bytes, files) -> bool:
    entry = pickle.loads(stored)
    links = None
    if entry["links"] is not None:
        links = {}
        for src_uri, anchors in entry["links"].items():
            file = files.get_file_from_path(src_uri)
            if file is None:  # cannot happen with the file list in the key; render afresh all the same
                return False
            links[file] = dict(anchors)
    page.content = entry["content"]
    page.toc = entry["toc"]
    page._title_from_render = entry["title"]
    page.present_anchor_ids = entry["anchors"]
    page.links_to_anchors = links
    return True


# Build steps, called by the toolkit's plugin (plugin.py)

def build_variant(config) -> str:
    """The kind of build: which languages (a preview builds one), file:// copy or not. Each
    kind keeps its own cache entries, so taking turns never makes one evict the other's."""
    from .site_hooks import built_languages, offline_build
    return f"{'+'.join(built_languages(config))}-{'offline' if offline_build(config) else 'site'}"


def on_pre_page(page, config, files):
    from .site_hooks import current_language, project_root, state_of
    caches = state_of(config).page_caches
    lang = current_language(config)
    if lang not in caches:
        caches[lang] = PageCache(project_root(config), f"{build_variant(config)}|{lang}", config)
        caches[lang].use_for_search(config)
    caches[lang].wrap(page)
    return page


@event_priority(100)  # before mkdocs-static-i18n builds the other languages
def on_post_build(config):
    """Every page of this language is built by now: keep them for the next build."""
    from .site_hooks import state_of
    caches = state_of(config).page_caches
    for lang in list(caches):
        cache = caches.pop(lang)
        cache.save()
        log.debug(f"{lang}: rendered afresh {cache.misses}, from the cache {cache.hits}")
