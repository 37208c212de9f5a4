"""The last check of a build: no page links a download the site lacks.

Downloads are made, cached and published apart from the pages (downloads.py, handbooks,
fill-in files, the offline bundle), so a page can name a file that is not there: a build
with WPS_SKIP_DOWNLOADS=1 did, and passed. MkDocs checks only the links written in
Markdown; these are written as HTML by the macros. Every built page is read once more (one
regular expression), and a link into downloads/ or to a PDF, Word, ZIP, Excel or CSV file
that is not in the site stops the build, naming the page and the file.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

FILE_LINK = re.compile(r'(?:href|src)="([^"#?:]*(?:downloads/|\.(?:pdf|docx|zip|xlsx|csv)\b)[^"#?]*)')


def missing_downloads(site_dir: Path) -> list[tuple[str, str]]:
    """(page, file) for each link of a built page to a download the site lacks, both relative to the site."""
    site_dir = Path(site_dir)
    missing = []
    for page in sorted(site_dir.rglob("*.html")):
        page_path = page.relative_to(site_dir).as_posix()
        html = page.read_text(encoding="utf-8")
        for href in set(FILE_LINK.findall(html)):
            if href.startswith("/"):
                continue  # not written by the toolkit (its links are relative)
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(href.replace("&amp;", "&"))))
            if target.startswith("../") or target == "..":
                missing.append((page_path, href))
                continue
            path = site_dir / target
            if not (path.is_file() or (path / "index.html").is_file()):
                missing.append((page_path, target))
    return missing


def report(missing: list[tuple[str, str]], limit: int = 20) -> str:
    lines = [f"{page} (built page): links {target}, which the site lacks" for page, target in missing[:limit]]
    if len(missing) > limit:
        lines.append(f"… and {len(missing) - limit} more such link(s).")
    return ("\n".join(lines) + "\nA page must never link a download the site does not have — make the file "
            "(build without WPS_SKIP_DOWNLOADS=1), or link it only where it is made.")
