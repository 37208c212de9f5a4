"""The offline bundle's content key: the bundle is made again only when what it is built from changed.

`make build` first makes dist/wps-toolkit-offline.zip (a whole second build of the site, for
file://). Most builds change nothing in it, so, like the downloads (downloads.py), it is
keyed by its inputs: every file of the folders the site is built from (pages, data,
glossary, translations record, templates, the toolkit's code, fonts), the configuration,
the pinned dependencies, and the environment variables the build reads. The key is kept in
the ZIP's own comment, so it travels with the file and cannot go stale beside it.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

SOURCE_FOLDERS = ("docs", "toolkit", "glossary", "l10n", "overrides", "scripts")
SOURCE_FILES = ("mkdocs.yml", "requirements.lock", "package-lock.json")
# what the build reads from the environment and shows in the pages (WPS_CACHE_DIR only says
# where the download cache is; WPS_BUILD_ONLY is never set for the bundle)
ENVIRONMENT = ("SITE_URL", "REPO_URL", "WPS_SKIP_DOWNLOADS")
SKIPPED = {"__pycache__", ".DS_Store"}
PREFIX = b"wpskit-content-key:"


def _files(root: Path):
    for folder in SOURCE_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and not SKIPPED.intersection(path.relative_to(root).parts) and path.suffix != ".pyc":
                yield path
    for name in SOURCE_FILES:
        if (root / name).is_file():
            yield root / name


def content_key(root: Path, environment: dict | None = None) -> str:
    environment = os.environ if environment is None else environment
    digest = hashlib.sha256()
    for path in _files(Path(root)):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for name in ENVIRONMENT:
        digest.update(f"{name}={environment.get(name, '')}\0".encode())
    return digest.hexdigest()


def comment_of(key: str) -> bytes:
    return PREFIX + key.encode()


def is_current(bundle: Path, folder: Path, key: str) -> bool:
    """True when the bundle (and its unzipped folder) were made from these very inputs."""
    if not bundle.is_file() or not folder.is_dir():
        return False
    try:
        with zipfile.ZipFile(bundle) as archive:
            return archive.comment == comment_of(key)
    except (OSError, zipfile.BadZipFile):
        return False
