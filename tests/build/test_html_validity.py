"""Every built page is valid HTML for the W3C Nu checker (vnu.jar, pinned in package.json),
both languages, and the offline copy's pages when they are there (dist/wps-toolkit/, made by
every full build); Material's template errors are
removed after the build (scripts/wpskit/finish_pages.py)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(pages) -> list[dict]:
    """All pages in one Java process; the checker's errors as dicts (url, line, message)."""
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail("the Nu checker needs Java (apt-get install default-jre-headless) and node_modules/vnu-jar "
                    "(npm ci); .ci/run installs both")
    result = subprocess.run([java, "-Xss4m", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, timeout=600)
    return [m for m in json.loads(result.stderr or '{"messages": []}')["messages"] if m["type"] == "error"]


def test_every_built_page_passes_the_nu_checker(site):
    pages = []
    for folder in (site, ROOT / "dist" / "wps-toolkit"):
        pages += sorted(p for p in folder.rglob("*.html") if not p.relative_to(folder).as_posix().startswith("assets/"))
    assert len(pages) > 100 and any("/en/" in str(p) for p in pages)
    errors = nu_errors(pages)
    shown = [f"{e['url'].split(str(ROOT))[-1]}:{e.get('lastLine')}: {e['message']}" for e in errors[:20]]
    print(f"Nu checker: {len(pages)} pages, {len(errors)} errors")
    assert errors == [], "\n".join(shown)


def test_the_checker_does_find_materials_errors_without_the_fixes(site, tmp_path):
    """The fixes are what makes the pages valid: the same page without them has the three
    kinds of errors Material's templates write (the checker is really looking)."""
    from wpskit.finish_pages import TOC_LABEL
    html = (site / "checklists/civil-society-engagement/index.html").read_text(encoding="utf-8")
    html = html.replace('<label class="md-nav__title">', TOC_LABEL, 1)
    html = html.replace('id="__drawer"', 'id="__drawer" autocomplete="off"', 1)
    html = html.replace('<label class="md-nav__link " for="__nav_3" id="__nav_3_label"',
                        '<label class="md-nav__link " for="__nav_3" id="__nav_3_label" tabindex=""', 1)
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    messages = " ".join(e["message"] for e in nu_errors([page]))
    assert "autocomplete" in messages and "tabindex" in messages and "non-hidden form control" in messages, messages
