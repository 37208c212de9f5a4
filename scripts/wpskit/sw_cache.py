"""The service worker, kept while what Workbox reads is the same (`make build` with nothing changed).

Workbox (scripts/pwa/build-sw.mjs, in Node.js) takes seconds to start and hash the app
shell, and its output only depends on: the script, the pinned packages (package-lock.json)
and the files it precaches, all under assets/ or the two home pages and manifests. Those
are hashed here (a superset of what Workbox globs, so a change is never missed); when the
key is the one of the last run, the worker files it wrote are copied from .cache/ instead
of running Node.js again. The entries of the last few keys are kept (KEPT): a one-language
preview (`wpskit build --lang vi`) has an app shell of its own, and taking turns with the full
build must not make either run Workbox again.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

READ_BY_WORKBOX = ("index.html", "en/index.html", "manifest.webmanifest", "en/manifest.webmanifest")
WINDOW = "assets/javascripts/workbox-window.prod.umd.js"  # written by Workbox: not an input
KEPT = 4  # entries kept: the full build's, the preview's, and a couple of recent edits


def key(site_dir: Path, build_script: Path, lock_file: Path) -> str:
    digest = hashlib.sha256()
    for path in (build_script, lock_file):
        digest.update(path.read_bytes() if path.exists() else b"")
    site_dir = Path(site_dir)
    files = [site_dir / name for name in READ_BY_WORKBOX]
    files += sorted(p for p in (site_dir / "assets").rglob("*") if p.is_file() and p.relative_to(site_dir).as_posix() != WINDOW)
    for path in files:
        if path.exists():
            digest.update(path.relative_to(site_dir).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:20]


def outputs(site_dir: Path) -> list[Path]:
    site_dir = Path(site_dir)
    return [site_dir / "sw.js", *site_dir.glob("workbox-*.js"), site_dir / WINDOW]


def restore(cache_dir: Path, run_key: str, site_dir: Path) -> str | None:
    """Copy the worker files of an earlier run with this key into the site; return what Workbox said then."""
    entry = Path(cache_dir) / run_key
    said = entry / "said.txt"
    if not said.exists():
        return None
    os.utime(entry)  # recently used: kept when older entries are dropped
    for path in entry.rglob("*"):
        if path.is_file() and path != said:
            target = Path(site_dir) / path.relative_to(entry)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    return said.read_text(encoding="utf-8")


def store(cache_dir: Path, run_key: str, site_dir: Path, said: str) -> None:
    """Keep this run's worker files under its key (written aside, then renamed: a build
    reading the cache meanwhile never sees half an entry); drop all but the KEPT entries used last."""
    cache_dir = Path(cache_dir)
    entry = cache_dir / run_key
    partial = cache_dir / f"{run_key}.{os.getpid()}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    for path in outputs(site_dir):
        target = partial / path.relative_to(site_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    (partial / "said.txt").write_text(said, encoding="utf-8")
    try:
        partial.rename(entry)
    except OSError:  # the same entry, made by another build meanwhile
        shutil.rmtree(partial, ignore_errors=True)
    def last_used(entry: Path) -> float:
        try:
            return entry.stat().st_mtime
        except OSError:  # dropped by another build meanwhile
            return 0.0
    entries = [e for e in cache_dir.iterdir() if e.is_dir() and not e.name.endswith(".partial")]
    entries.sort(key=lambda e: (e.name == run_key, last_used(e)), reverse=True)
    for other in entries[KEPT:]:
        shutil.rmtree(other, ignore_errors=True)
