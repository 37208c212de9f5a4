"""The installable site: a web app manifest per language, the list of what "Keep this
language offline" saves, and the service worker (made by Workbox, scripts/pwa/build-sw.mjs).

Workbox runs in Node.js after MkDocs has written the site: it hashes the app shell for the
precache and writes the worker with Workbox's own strategies (no caching logic written by
hand). Where Node.js or node_modules/ is missing, the site is built all the same, without
a worker, and the build says so: every page works as before, only the offline features of
a visited site are missing. The file:// copy (`make offline`) never gets a worker.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from . import languages
from .ui_strings import group

ROOT = Path(__file__).resolve().parents[2]
BUILD_SW = ROOT / "scripts" / "pwa" / "build-sw.mjs"
THEME = "#5b2a86"
NAMES = group("app")  # NAMES[lang]["short_name"], from l10n/ui/<lang>.yml
ICONS = [
    {"src": "assets/images/icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
    {"src": "assets/images/icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
    {"src": "assets/images/icons/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
]
SKIPPED = ("assets/", "downloads/", "search/", "pwa/",  # and the other languages' folders (of the source's list)
           *(f"{code}/" for code in languages.codes() if code != languages.source()))


def manifest(lang: str, prefix: str, site_name: str, description: str) -> dict:
    """The manifest of one language; it lives at <prefix>manifest.webmanifest."""
    up = "../" * prefix.count("/")
    return {
        "name": site_name,
        "short_name": NAMES[lang]["short_name"],
        "description": description,
        "lang": lang,
        "dir": "ltr",
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME,
        "icons": [{**icon, "src": up + icon["src"]} for icon in ICONS],
    }


def language_pages(site_dir: Path, prefix: str) -> list[str]:
    """Every page of one language (addresses relative to the site root, directory form)."""
    base = site_dir / prefix if prefix else site_dir
    pages = []
    for path in sorted(base.rglob("index.html")):
        relative = path.relative_to(base).as_posix()
        if relative.startswith(SKIPPED):
            continue
        pages.append(prefix + relative[: -len("index.html")])
    return pages


def offline_list(site_dir: Path, lang: str, prefix: str) -> dict:
    """What "Keep this language offline" saves: pages and search index, and, only when the
    reader asks, the downloads of that language; with their sizes, shown before it starts."""
    pages = language_pages(site_dir, prefix)
    search = f"{prefix}search/search_index.json"
    entries = [*pages, search] if (site_dir / search).exists() else pages
    size = sum((site_dir / (p + "index.html" if p.endswith("/") or not p else p)).stat().st_size for p in entries)
    folder = site_dir / "downloads" / lang
    downloads = sorted(folder.iterdir()) if folder.exists() else []
    return {
        "lang": lang,
        "pages": entries,
        "bytes": size,
        "downloads": [f"downloads/{lang}/{p.name}" for p in downloads],
        "download_bytes": sum(p.stat().st_size for p in downloads),
    }


def write_site_files(site_dir: Path, languages: dict, names: dict) -> None:
    """Manifests and offline lists of the built languages: {lang: prefix}, names {lang: (name, description)}."""
    for lang, prefix in languages.items():
        name, description = names[lang]
        target = site_dir / prefix / "manifest.webmanifest"
        target.write_text(json.dumps(manifest(lang, prefix, name, description), ensure_ascii=False, indent=1), encoding="utf-8")
        listing = site_dir / "pwa" / f"offline-{lang}.json"
        listing.parent.mkdir(exist_ok=True)
        listing.write_text(json.dumps(offline_list(site_dir, lang, prefix), ensure_ascii=False), encoding="utf-8")


def write_service_worker(site_dir: Path) -> str:
    """Run Workbox on the written site. Returns what it said (or why there is no worker)."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "workbox-build").exists():
        for name in ("sw.js",):
            (Path(site_dir) / name).unlink(missing_ok=True)
        return ("NOTICE: Node.js or node_modules/workbox-build not found: the site is built without its service "
                "worker (no install, no offline reading after a visit). Install Node.js and run `make setup` to have it.")
    from . import sw_cache  # the worker of the last run, when Workbox would read the same files
    cache_dir = ROOT / ".cache" / "service-worker"
    run_key = sw_cache.key(site_dir, BUILD_SW, ROOT / "package-lock.json")
    said = sw_cache.restore(cache_dir, run_key, site_dir)
    if said is not None:
        return said
    result = subprocess.run([node, str(BUILD_SW), str(site_dir)], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip() or result.stdout.strip())
    sw_cache.store(cache_dir, run_key, site_dir, result.stdout.strip())
    return result.stdout.strip()


KEEP_LABEL = NAMES  # KEEP_LABEL[lang]["keep_offline"]


def keep_offline_html(lang: str) -> str:
    """The box of "Keep this language offline": hidden until pwa.js has its list and sizes."""
    return ('<div class="wps-keep-offline" hidden>'
            f'<p><button type="button" class="md-button md-button--primary">{KEEP_LABEL[lang]["keep_offline"]}</button> '
            '<span class="wps-keep-size"></span></p>'
            '<p><label><input type="checkbox"> <span class="wps-keep-downloads"></span></label></p>'
            '<progress max="1" value="0" hidden></progress>'
            '<p class="wps-keep-status" role="status" aria-live="polite"></p></div>')
