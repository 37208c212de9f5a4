"""A page never links a download the site lacks (issue #12, 6a): a build with
WPS_SKIP_DOWNLOADS=1 and an offline bundle in dist/ deleted the whole download cache while
its pages still linked the files, and the strict build passed."""

import os
import subprocess
import sys
import zipfile

from conftest import run_cli
from wpskit.link_check import missing_downloads


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_check_names_each_page_and_the_file_it_lacks(tmp_path):
    write(tmp_path / "downloads" / "vi" / "a.pdf", "%PDF")
    write(tmp_path / "downloads" / "index.html", "<p>downloads</p>")
    write(tmp_path / "worksheets" / "a" / "index.html",
          '<a href="../../downloads/vi/a.pdf">PDF</a> <a href="../../downloads/vi/a.docx" download>Word</a>'
          '<a href="../../downloads/">all</a> <a href="https://example.org/x.pdf">elsewhere</a>')
    write(tmp_path / "en" / "index.html", '<a href="../downloads/en/indicators.xlsx?v=1">Excel</a>')
    assert missing_downloads(tmp_path) == [("en/index.html", "downloads/en/indicators.xlsx"),
                                           ("worksheets/a/index.html", "downloads/vi/a.docx")]


def build(project, *args, **env):
    """A build as a maintainer runs it: the project's own download cache (no WPS_CACHE_DIR)."""
    environment = {k: v for k, v in os.environ.items() if k != "WPS_CACHE_DIR"}
    environment.update(PYTHONPATH=str(project / "scripts"), NO_MKDOCS_2_WARNING="1", **env)
    return subprocess.run([sys.executable, "-m", "wpskit", "build", *args], cwd=project, env=environment,
                          capture_output=True, text=True, timeout=900)


def test_a_build_without_downloads_keeps_the_cache_and_links_no_missing_file(project_copy):
    cached = project_copy / ".cache" / "downloads" / "vi" / "local-action-plan-0123456789abcdef.pdf"
    write(cached, "%PDF made by an earlier build")
    bundle = project_copy / "dist" / "wps-toolkit-offline.zip"
    bundle.parent.mkdir()
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("wps-toolkit/index.html", "offline copy")
    result = build(project_copy, "--lang", "vi", WPS_SKIP_DOWNLOADS="1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert cached.exists(), "a build that made no download deleted the download cache"
    site = project_copy / "site"
    assert missing_downloads(site) == []
    assert (site / "downloads" / bundle.name).exists()  # what the site has is still linked
    assert 'wps-toolkit-offline.zip"' in (site / "downloads" / "index.html").read_text(encoding="utf-8")


def test_a_page_linking_a_missing_download_stops_the_build(project_copy):
    page = project_copy / "docs" / "en" / "about" / "index.md"
    page.write_text(page.read_text(encoding="utf-8")
                    + '\n\n<a href="downloads/en/no-such-file.pdf" download>PDF</a>\n', encoding="utf-8")
    result = run_cli("build", "--lang", "en", cwd=project_copy, env={"WPS_SKIP_DOWNLOADS": "1"})
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "about/index.html (built page): links about/downloads/en/no-such-file.pdf, which the site lacks" in output
    assert "Traceback" not in output
    assert not (project_copy / "site").exists()
