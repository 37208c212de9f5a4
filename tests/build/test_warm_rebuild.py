"""A rebuild takes what did not change from the caches (page_cache.py, source_cache.py, the
downloads, the service worker) and never serves a stale page: change one source and the
rebuilt site shows the change. A one-language preview leaves the full build's caches alone."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from conftest import ROOT, run_cli

QUICK = {"WPS_SKIP_DOWNLOADS": "1"}  # the caches under test are those of the pages, not of the downloads
MARK = "Zephyrine"  # a word found nowhere in the sources


def _build(project: Path, *args, env=None):
    result = run_cli("build", "--no-offline", *args, cwd=project, env={**QUICK, **(env or {})})
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _pages(site: Path) -> dict:
    """Every built HTML page and search index, by path (the sitemap carries the build's date)."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.suffix in (".html", ".json") and p.is_file()}


def _replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _change_ui_label(project: Path) -> None:
    """The English "Purpose" label of the data pages, wherever the interface strings live."""
    ui_file = project / "l10n" / "ui" / "en.yml"
    if ui_file.exists():
        text = ui_file.read_text(encoding="utf-8")
        changed = re.sub(r'^(\s*purpose:\s*)"?Purpose"?\s*$', rf'\1"Purpose {MARK}-ui"', text, count=1, flags=re.M)
        assert changed != text, "no `purpose: Purpose` line in l10n/ui/en.yml"
        ui_file.write_text(changed, encoding="utf-8")
    else:
        _replace_once(project / "scripts" / "wpskit" / "ui_text.py", '"purpose": "Purpose"', f'"purpose": "Purpose {MARK}-ui"')


def test_an_unchanged_rebuild_gives_the_same_site_and_each_change_shows(project_copy):
    site = project_copy / "site"
    _build(project_copy)
    first = _pages(site)
    assert list((project_copy / ".cache" / "pages").glob("*.pickle")), "the rendered pages are kept for the next build"
    _build(project_copy)
    second = _pages(site)
    assert second.keys() == first.keys()
    assert [path for path in first if first[path] != second[path]] == [], "pages from the cache differ from fresh ones"

    _replace_once(project_copy / "toolkit" / "worksheets" / "local-action-plan.yml",
                  'en: "Local action plan on Women, Peace and Security"',
                  f'en: "Local action plan on Women, Peace and Security {MARK}-title"')
    _replace_once(project_copy / "docs" / "en" / "modules" / "01-wps-agenda.md", "\n## ", f"\nA {MARK}-page sentence.\n\n## ")
    _replace_once(project_copy / "glossary" / "terms.yml",
                  "A yearly report on the progress and results of a plan",
                  f"A yearly {MARK}-term report on the progress and results of a plan")
    _change_ui_label(project_copy)
    _build(project_copy)

    def page(path):
        return (site / path).read_text(encoding="utf-8")
    worksheet = page("en/worksheets/local-action-plan/index.html")
    assert f"{MARK}-title" in worksheet, "the worksheet's new title"
    assert f"{MARK}-title" in page("en/worksheets/index.html"), "the new title in the list of worksheets"
    assert f"Purpose {MARK}-ui" in worksheet, "the new interface label"
    assert f"{MARK}-page sentence" in page("en/modules/01-wps-agenda/index.html")
    assert f"{MARK}-term" in page("en/glossary/index.html")
    index = page("en/search/search_index.json")
    assert f"{MARK}-page" in index and f"{MARK}-term" in index, "the search index follows the pages"
    vietnamese = page("worksheets/local-action-plan/index.html")
    assert MARK not in vietnamese and vietnamese == first["worksheets/local-action-plan/index.html"].decode()


def test_a_page_whose_rendering_warned_is_never_taken_from_the_cache(project_copy):
    """A strict build that failed on a page's warning fails again on the next build."""
    page = project_copy / "docs" / "vi" / "about" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Trang không có](khong-co-trang-nay.md)\n", encoding="utf-8")
    for attempt in ("first", "second"):
        result = run_cli("build", "--lang", "vi", cwd=project_copy, env=QUICK)
        assert result.returncode != 0, f"{attempt} build passed although a link points to no page"
        assert "khong-co-trang-nay.md" in result.stdout + result.stderr


def _files(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_a_preview_keeps_what_the_full_build_made(project_copy):
    """Preview (`--lang vi`) and full build taking turns: neither re-makes nor drops the other's files.
    Before, the preview pruned the English handbooks from the download cache (WeasyPrint made them
    again on the next full build) and replaced the service worker's cache entry (Workbox ran again);
    no cache of pages, macros or search indexes may be taken over by the preview either."""
    downloads = project_copy / ".cache" / "downloads"
    shared = ROOT / ".cache" / "downloads"
    if shared.is_dir():  # this copy's own cache (pruned, unlike the shared one), seeded with links
        shutil.copytree(shared, downloads, copy_function=os.link)
    (project_copy / "dist").mkdir()
    (project_copy / "dist" / "wps-toolkit-offline.zip").write_bytes(b"PK\x05\x06" + bytes(18))  # pruning needs a bundle
    own_cache = {"WPS_CACHE_DIR": "", "WPS_SKIP_DOWNLOADS": "0"}
    _build(project_copy, env=own_cache)
    made = _files(project_copy / ".cache")
    assert any("/en/" in f"/{name}" and "handbook" in name for name in made), "the English handbooks are cached"
    _build(project_copy, "--lang", "vi", "--site-dir", "preview-site", env=own_cache)
    _build(project_copy, env=own_cache)
    after = _files(project_copy / ".cache")
    kept = {name for name in made if not name.startswith("jinja/")}  # Jinja's own cache
    assert [name for name in kept if after.get(name) != made[name]] == [], "files the full build made were dropped or made again"
