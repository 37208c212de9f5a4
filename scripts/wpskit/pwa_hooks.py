"""Build steps of the installable site (wpskit/pwa.py), called by the toolkit's MkDocs plugin (plugin.py).

  on_config      tell the templates whether this build gets a manifest (not the file:// copy)
  on_post_build  after everything else is written (downloads included): manifests, the
                 lists of "Keep this language offline", then the Workbox service worker
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from . import LANGUAGES, pwa
from .site_hooks import current_language, language_prefix, offline_build, state_of

log = logging.getLogger("mkdocs.plugins.wpskit.pwa")


def on_config(config):
    config.extra["wps_installable"] = not offline_build(config)
    return config


def on_env(env, config, files):
    state = state_of(config)
    state.site_names[current_language(config)] = (config.site_name, config.site_description or "")
    return env


@event_priority(-250)  # after site_hooks has published the downloads
def on_post_build(config):
    state = state_of(config)
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False) or offline_build(config):
        return
    site_dir = Path(config.site_dir)
    built = [lang for lang in LANGUAGES if lang in state.site_names]  # a preview builds one language
    pwa.write_site_files(site_dir, {lang: language_prefix(lang, config) for lang in built}, state.site_names)
    try:
        said = pwa.write_service_worker(site_dir)
    except RuntimeError as error:
        raise PluginError(f"The service worker could not be made (scripts/pwa/build-sw.mjs): {error}") from None
    if said.startswith("NOTICE"):
        print(said)
    else:
        log.info(said)
