"""Hooks of the two PDF handbooks per language; the steps live in wpskit/handbook_hooks.py."""

from wpskit.handbook_hooks import on_env, on_post_build  # noqa: F401  (MkDocs looks these names up)
