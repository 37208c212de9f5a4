"""Build steps of the handbooks (wpskit/handbooks.py), called by the toolkit's MkDocs plugin (plugin.py).

  on_env         each language, once every page's article is written (before the pages
                 are put into templates): compose both handbooks; make each PDF that is
                 not in the cache yet in a worker process, while MkDocs goes on
  on_post_build  after the last language: wait for the PDFs, hand them to the downloads
                 (published and pruned with them), write their sizes on /downloads/
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from . import handbooks
from .site_hooks import current_language, language_prefix, page_slug, root_language, state_of


def on_env(env, config, files):
    state = state_of(config)
    if state.skip_downloads or state.toolkit is None or state.cache is None:
        return env
    lang = current_language(config)
    chapters = handbooks.page_chapters(files)
    prefix = language_prefix(lang, config)
    code = handbooks.fingerprint()
    for kind in handbooks.NAMES:
        parts = handbooks.contents(kind, lang, state.toolkit, state.context, chapters,
                                   lambda item: f"{prefix}{page_slug(item)}/")
        document = handbooks.handbook_html(kind, lang, parts, config.site_url or "/")
        target = handbooks.cache_path(state.cache.cache_dir, lang, kind, document, code)
        future = None
        if not target.exists():
            if state.handbook_pool is None:
                state.handbook_pool = ProcessPoolExecutor(max_workers=2)
            future = state.handbook_pool.submit(handbooks.render, document, str(target))
        state.handbook_jobs[(lang, kind)] = (future, target)
    return env


@event_priority(-150)  # after mkdocs-static-i18n built every language, before site_hooks publishes downloads
def on_post_build(config):
    state = state_of(config)
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False) or not state.handbook_jobs:
        return
    jobs, state.handbook_jobs = state.handbook_jobs, {}
    try:
        for (lang, kind), (future, target) in jobs.items():
            if future is not None:
                try:
                    future.result()
                except Exception as error:  # WeasyPrint's own message, in one line
                    raise PluginError(f"The {lang} {kind}.pdf could not be made: {error} — "
                                      "run `make build` again; if it fails again, report it with this message.") from None
            state.downloads[(lang, kind, "pdf")] = target
    finally:
        if state.handbook_pool is not None:
            state.handbook_pool.shutdown()
            state.handbook_pool = None
    sizes = {f"{lang}/{kind}.pdf": path.stat().st_size for (lang, kind, _e), path in state.downloads.items()
             if kind in handbooks.NAMES}
    site_dir, root = Path(config.site_dir), root_language(config)
    for page in site_dir.rglob("downloads/index.html"):
        first = page.relative_to(site_dir).parts[0]
        lang = first if first in handbooks.TEXT and first != "downloads" else root
        text = page.read_text(encoding="utf-8")
        filled = handbooks.fill_sizes(text, sizes, lang)
        if filled != text:
            page.write_text(filled, encoding="utf-8")
