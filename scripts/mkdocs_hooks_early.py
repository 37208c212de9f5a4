"""Hooks that must run before mkdocs-macros (a hooks file has one function per event)."""

from wpskit.site_hooks import on_page_markdown_before_macros as on_page_markdown  # noqa: F401
