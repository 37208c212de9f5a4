"""The site's Content-Security-Policy and referrer policy, written into every built page.

A static host (GitHub Pages) sends no such headers, so each page carries them as <meta>
tags, placed right after <meta charset> (before any script). The policy is the one place
that says what a page may load and run:

- scripts only from the site's own files (any new file under assets/ is covered by 'self'),
  plus the few small inline scripts Material's templates write into each page, allowed by
  their SHA-256 hash (computed here from the built page, so a new Material version or a
  page at another depth still matches, and a script injected into a page does not);
- nothing from another host, ever; no eval, no inline event handlers, no javascript: links.

From file:// (the offline copy) a page's origin is opaque; Chromium then lets 'self' match
the file: URLs of the copy itself, which is what the offline copy needs (tested in
tests/browser/test_csp.py).
"""

from __future__ import annotations

import base64
import hashlib
import re

POLICY = {
    "default-src": ["'self'"],  # anything not named below: the site's own files only
    "script-src": ["'self'"],  # script files of the site; inline scripts by hash (added per page)
    "style-src": ["'self'"],  # the site's stylesheets; no <style> blocks or style="" attributes
    "img-src": ["'self'", "data:"],  # images of the site; Material's icons are data: SVGs in its CSS
    "font-src": ["'self'"],  # no web fonts today; bundled ones only
    "connect-src": ["'self'"],  # the search index, fetched by the search worker
    "worker-src": ["'self'"],  # the search worker and the service worker
    "manifest-src": ["'self'"],  # the web app manifest
    "frame-src": ["'self'"],  # offline search: the worker runs in a same-origin frame (iframe-worker shim)
    "media-src": ["'self'"],  # audio or video of the site, if ever
    "object-src": ["'none'"],  # no plugins (<object>, <embed>)
    "base-uri": ["'none'"],  # no <base>: relative links cannot be redirected elsewhere
    "form-action": ["'self'"],  # the search form never posts anywhere else
}
REFERRER = "same-origin"  # other sites learn nothing of the page a reader came from

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
CHARSET = re.compile(r'<meta charset="utf-8">', re.I)
MARK = 'http-equiv="Content-Security-Policy"'


def _runs(attrs: str) -> bool:
    """Whether a <script> element with these attributes is run by the browser (not data)."""
    if re.search(r"\ssrc\s*=", attrs, re.I):
        return False
    kind = re.search(r"\stype\s*=\s*[\"']?([^\"'\s>]+)", attrs, re.I)
    return kind is None or kind.group(1).lower() in ("text/javascript", "module", "application/javascript")


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        if _runs(match.group("attrs")):
            digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
            hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return list(dict.fromkeys(hashes))


def policy_for(html: str) -> str:
    directives = {**POLICY, "script-src": POLICY["script-src"] + inline_script_hashes(html)}
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def with_policy(html: str) -> str:
    """The page with its policy tags after <meta charset> (unchanged if it has them already)."""
    if MARK in html or not CHARSET.search(html):
        return html
    tags = (f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
            f'<meta name="referrer" content="{REFERRER}">')
    return CHARSET.sub(lambda m: m.group(0) + tags, html, count=1)
