"""Shared fixtures: the built site, a local web server, the system Chromium, project copies."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
SHARED = ROOT.parent / "shared"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
sys.path.insert(0, str(ROOT / "scripts"))

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def run_cli(*args, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(cwd / "scripts"), "NO_MKDOCS_2_WARNING": "1",
                   "WPS_CACHE_DIR": str(ROOT / ".cache" / "downloads"), **(env or {})}
    return subprocess.run([sys.executable, "-m", "wpskit", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=600)


@contextlib.contextmanager
def one_process_at_a_time():
    """Several test processes (tests/run_all.py) may want the same missing site or bundle:
    the first makes it while the others wait, then find it made."""
    import fcntl
    (ROOT / ".cache").mkdir(exist_ok=True)
    with open(ROOT / ".cache" / "tests-setup.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


@pytest.fixture(scope="session")
def site() -> Path:
    """The built site; `make test` builds it first, a bare `pytest` builds it here."""
    with one_process_at_a_time():
        if not (SITE / "index.html").exists():
            result = run_cli("build")
            assert result.returncode == 0, result.stdout + result.stderr
    return SITE


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def base_url(site):
    server = serve(site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if os.environ.get("WPS_SKIP_BROWSER") == "1":
        pytest.skip("WPS_SKIP_BROWSER=1: browser tests skipped on request")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium) "
                    "or set CHROMIUM to a Chromium binary. Browsers are never downloaded.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 412, "height": 860})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def offline_copy(tmp_path_factory, site) -> Path:
    """The offline bundle (made by every full build) unzipped once, as on a USB stick; the
    tests only read it."""
    bundle = ROOT / "dist" / "wps-toolkit-offline.zip"
    with one_process_at_a_time():
        if not bundle.exists():
            result = run_cli("offline")
            assert result.returncode == 0, result.stdout + result.stderr
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(target)
    return target / "wps-toolkit"


IGNORED = {".venv", "node_modules", "site", "site.partial", "site.old", ".cache", ".git", ".pytest_cache", "__pycache__", "dist"}


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project's sources to break on purpose."""
    target = tmp_path / "project"
    shutil.copytree(ROOT, target, ignore=lambda d, names: [n for n in names if n in IGNORED])
    return target


def built_pages(site_dir: Path):
    """(lang, slug, path) of every built HTML page except the 404 page."""
    for path in sorted(site_dir.rglob("index.html")):
        relative = path.relative_to(site_dir).as_posix()
        if relative.startswith(("assets/", "downloads/", "search/", "en/assets/")):
            continue
        from wpskit import DEFAULT_LANGUAGE, LANGUAGES  # mkdocs.yml's languages; the source at the root
        first = relative.split("/", 1)[0]
        lang = first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE
        slug = relative[len(lang) + 1:] if lang != DEFAULT_LANGUAGE else relative
        yield lang, slug, path


def source_pages(root: Path = ROOT):
    """(lang, slug) of every page the build makes, worked out from the sources alone (no
    site/ needed): the Markdown pages of docs/<lang>/ and one page per data item in each
    language, with the slugs of built_pages."""
    from wpskit.kinds import items_with_pages
    from wpskit.load import load_toolkit
    from wpskit.site_hooks import page_slug

    toolkit = load_toolkit(root)
    items = items_with_pages(toolkit)  # every kind of the registry with pages of its own
    pages = set()
    for folder in sorted(p for p in (root / "docs").iterdir() if p.is_dir()):
        for source in folder.rglob("*.md"):
            relative = source.relative_to(folder).with_suffix("").as_posix()
            slug = "index.html" if relative == "index" else relative.removesuffix("/index") + "/index.html"
            pages.add((folder.name, slug))
        pages.update((folder.name, page_slug(item) + "/index.html") for item in items)
    return sorted(pages)


from quiet_machine import pytest_runtest_protocol, quiet_machine  # noqa: E402,F401  (Lighthouse alone, tests/run_all.py)

LAYERS = ("unit", "build", "browser")


@pytest.hookimpl(tryfirst=True)  # before -m selects by these marks
def pytest_collection_modifyitems(config, items):
    """Mark each test with its layer: the folder it lives in (tests/unit, tests/build,
    tests/browser), or what it needs when that says more (a test that opens Chromium is a
    browser test, one that needs the built site a build test), unless it is marked already."""
    for item in items:
        if any(item.get_closest_marker(layer) for layer in LAYERS):
            continue
        folder = Path(str(item.fspath)).parent.name
        layer = folder if folder in LAYERS else "unit"
        if "browser" in item.fixturenames:
            layer = "browser"
        elif "site" in item.fixturenames and layer == "unit":
            layer = "build"
        item.add_marker(getattr(pytest.mark, layer))
