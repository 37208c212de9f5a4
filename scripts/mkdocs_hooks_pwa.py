"""Hooks of the installable, offline-capable site; the steps live in wpskit/pwa_hooks.py."""

from wpskit.pwa_hooks import on_config, on_env, on_post_build  # noqa: F401  (MkDocs looks these names up)
