"""The build's last step (called by the toolkit's MkDocs plugin, plugin.py): after every download, handbook,
fill-in file, offline bundle and service worker is in place, no page links a missing file."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from .link_check import missing_downloads, report


@event_priority(-300)  # after site_hooks (-200), handbook_hooks (-150) and pwa_hooks (-250)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return  # a nested build of another language; the outer build checks the whole site
    missing = missing_downloads(Path(config.site_dir))
    if missing:
        raise PluginError(report(missing))
