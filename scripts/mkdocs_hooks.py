"""MkDocs hooks of the toolkit: a thin entry point; the steps live in wpskit/site_hooks.py."""

from wpskit.site_hooks import (  # noqa: F401  (MkDocs looks these names up)
    on_config,
    on_env,
    on_files,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_startup,
)
