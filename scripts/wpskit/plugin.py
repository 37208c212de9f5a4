"""The toolkit's MkDocs plugin (`plugins: - wpskit:` in mkdocs.yml), with a typed config as
Material's own plugins have. Its build steps live in small modules, each a set of event
functions; the plugin puts them in their order:

  site_hooks      validate and load the sources, make the downloads, generate the data
                  pages, module boxes and abbreviations, per-language search indexes
  handbook_hooks  the participant and trainer handbooks (one PDF each per language)
  pwa_hooks       manifests and the Workbox service worker of the installable site
  link_check_hooks  last: no page links a download the site lacks
  render.tokens   the web's tokens.css, made from the design tokens (render/tokens.yml)
  page_cache      a page whose final Markdown (and all it is rendered with) is the same as in
                  the last build gets its HTML from .cache/pages/ instead of Markdown again
  macros_cache    the macros' compiled page templates kept in .cache/macros/; git asked once

The build's state (sources, downloads, sizes, handbook jobs…) is a BuildState held by the
plugin instance; the steps and the macros reach it through the config (state_of(config)).

Registered as the `mkdocs.plugins` entry point `wpskit` of the toolkit's own package
metadata, scripts/wps_toolkit-0.dist-info/: Python finds it on the path the Makefile sets
(PYTHONPATH=scripts), so nothing is installed into the virtual environment.

Options (each overridable from the environment in mkdocs.yml with MkDocs' !ENV):
  skip_downloads   make, publish and link no download (fast previews, tests)
  cache_dir        the download cache, when not the project's .cache/downloads (tests
                   share one between project copies; a shared cache is never pruned)
  export_markdown  a folder to write each page's final Markdown into (`make bench`)
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.plugins import BasePlugin, CombinedEvent

from . import fallback_pages, handbook_hooks, link_check_hooks, macros_cache, page_cache, pwa_hooks, site_hooks
from .render import tokens


class Switch(c.BaseConfigOption[bool]):
    """true/false, also written 1/0 (as in WPS_SKIP_DOWNLOADS=1)."""

    def __init__(self, default: bool = False):
        super().__init__()
        self.default = default

    def run_validation(self, value) -> bool:
        if isinstance(value, bool):
            return value
        if value in (0, 1, "0", "1", "", None):
            return value in (1, "1")
        raise ValidationError(f"expected true or false (or 1 or 0), not {value!r}")


class ToolkitConfig(base.Config):
    skip_downloads = Switch(default=False)
    cache_dir = c.Optional(c.Type(str))
    export_markdown = c.Optional(c.Type(str))


def _steps(*functions) -> CombinedEvent:
    """Event functions of the step modules as one event of the plugin, each at its own priority."""
    return CombinedEvent(*(staticmethod(function) for function in functions))


class ToolkitPlugin(BasePlugin[ToolkitConfig]):
    supports_multiple_instances = False

    def __init__(self):
        super().__init__()
        self.state = site_hooks.BuildState()

    def on_startup(self, *, command, dirty):
        site_hooks.on_startup(command, dirty)
        macros_cache.on_startup(command, dirty)

    def _configure(self, config):
        self.state.options = self.config
        return site_hooks.on_config(config)

    _configure.mkdocs_priority = site_hooks.on_config.mkdocs_priority  # type: ignore[attr-defined]

    on_config = CombinedEvent(_configure, staticmethod(pwa_hooks.on_config))
    on_env = _steps(site_hooks.on_env, handbook_hooks.on_env, pwa_hooks.on_env)
    on_pre_page = _steps(page_cache.on_pre_page, macros_cache.on_pre_page)
    on_files = _steps(site_hooks.on_files, tokens.on_files)
    on_page_markdown = _steps(site_hooks.on_page_markdown_before_macros, site_hooks.on_page_markdown)
    on_page_content = _steps(fallback_pages.on_page_content)
    on_page_context = _steps(site_hooks.on_page_context)
    on_post_build = _steps(page_cache.on_post_build, handbook_hooks.on_post_build, site_hooks.on_post_build,
                           pwa_hooks.on_post_build, link_check_hooks.on_post_build, macros_cache.on_post_build)
