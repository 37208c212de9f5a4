"""The build's last check: no page links a download the site lacks (wpskit/link_check.py)."""

from wpskit.link_check_hooks import on_post_build  # noqa: F401  (MkDocs looks this name up)
