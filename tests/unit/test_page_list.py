"""The browser tests' list of pages comes from the sources: a fresh clone, with no site/
yet, collects one axe test per page (issue 12, 6b: it used to collect a single empty one)."""

import re
import subprocess
import sys

from wpskit.kinds import KINDS

DATA_FOLDERS = [kind.folder for kind in KINDS if kind.url_section]  # the kinds with a page per item (kinds.py)


def test_a_fresh_clone_without_site_collects_every_page(project_copy):
    assert not (project_copy / "site").exists()
    languages = [folder for folder in (project_copy / "docs").iterdir() if folder.is_dir()]
    markdown_pages = sum(1 for _ in (project_copy / "docs").rglob("*.md"))
    data_pages = sum(1 for folder in DATA_FOLDERS for _ in (project_copy / folder).glob("*.yml"))
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
                             "tests/browser/test_browser.py"], cwd=project_copy, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    collected = re.search(r"(\d+) tests? collected", result.stdout)
    assert collected, result.stdout[-3000:]
    assert int(collected.group(1)) == markdown_pages + len(languages) * data_pages, result.stdout[-3000:]
    assert not (project_copy / "site").exists(), "collecting the tests built the site"
