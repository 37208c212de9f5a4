"""A third language from configuration alone (issue #12, item 4 and "Done when"): in a copy of
the project, one entry in mkdocs.yml's i18n languages and one ui file with a few strings, no
translated page and no translated data text. The build makes /th/ pages in Thai's <html
lang>, each showing the Vietnamese source under a notice in Thai, the Vietnamese text marked
lang="vi"; the Vietnamese and English pages are the same as without the third language, but
for the language switcher that now offers it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from conftest import IGNORED, ROOT, run_cli

pytestmark = pytest.mark.build

THAI_ENTRY = "        - locale: th\n          name: ไทย\n          build: true\n"
THAI_UI = """# A throwaway third language: a few strings, the rest falls back to Vietnamese.
language:
  english_name: Thai
labels:
  worksheet: ใบงาน
  fallback_title: ยังไม่ได้แปล
  fallback_text: หน้านี้ยังไม่ได้แปลเป็นภาษาไทย จึงแสดงเป็นภาษาเวียดนาม ซึ่งเป็นภาษาต้นฉบับ
"""
NOTICE = "ยังไม่ได้แปล"
PAGES = ("index.html", "modules/01-wps-agenda/index.html", "worksheets/stakeholder-map/index.html",
         "glossary/index.html", "checklists/gbv-data-ethics/index.html", "indicators/index.html")
FAST = {"WPS_SKIP_DOWNLOADS": "1"}  # no PDF or Word file: the pages are what is checked


def add_thai(project) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("\n  - offline:") == 1  # the plugin after i18n: the new entry ends the i18n list
    config.write_text(text.replace("\n  - offline:", "\n" + THAI_ENTRY.rstrip("\n") + "\n  - offline:"), encoding="utf-8")
    (project / "l10n" / "ui" / "th.yml").write_text(THAI_UI, encoding="utf-8")


def build(project, site_dir: str):
    result = run_cli("build", "--no-offline", "--site-dir", site_dir, cwd=project, env=FAST)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / site_dir


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """(site without Thai, site with Thai, project): the same copy built before and after."""
    project = tmp_path_factory.mktemp("third-language") / "project"
    shutil.copytree(ROOT, project, ignore=lambda d, names: [n for n in names if n in IGNORED])
    before = build(project, "site-before")
    add_thai(project)
    after = build(project, "site-after")
    return before, after, project


def read(path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES)
def test_thai_pages_exist_in_thai_with_the_fallback_notice(sites, page):
    _, site, _ = sites
    html = read(site / "th" / page)
    assert re.search(r'<html lang="th"', html)
    notice = re.search(r'<div class="admonition note wps-fallback" role="note">\s*<p class="admonition-title">([^<]+)</p>\s*'
                       r'<p>([^<]+)</p>\s*</div>\s*<div lang="vi">', html)
    assert notice, "no fallback notice followed by the Vietnamese text marked lang=vi"
    assert notice.group(1) == NOTICE and "ภาษาเวียดนาม" in notice.group(2)


def test_the_vietnamese_text_inside_a_thai_page_is_marked_vietnamese(sites):
    _, site, _ = sites
    html = read(site / "th" / "modules" / "01-wps-agenda" / "index.html")
    heading = re.search(r'<h1 lang="vi">([^<]+)</h1>', html)
    assert heading and "hòa bình" in heading.group(1)
    vietnamese = html.split('<div lang="vi">', 1)[1]
    assert "Mục tiêu học tập" in vietnamese  # the module's objectives box, from the Vietnamese page
    assert "<h1>" not in html  # Material adds no unmarked heading of its own


def test_a_thai_page_uses_the_thai_ui_strings_it_has_and_the_source_for_the_rest(sites):
    _, site, _ = sites
    html = read(site / "th" / "worksheets" / "stakeholder-map" / "index.html")
    meta = re.search(r'<p class="wps-meta">(.*?)</p>', html).group(1)
    assert meta.startswith("ใบงาน")  # the ui file's word
    assert "Mục đích" in html  # "purpose", not in the ui file: the Vietnamese word


def test_thai_links_stay_in_the_thai_site_and_search_has_its_own_index(sites):
    _, site, _ = sites
    html = read(site / "th" / "worksheets" / "index.html")
    links = re.findall(r'href="([^"]*stakeholder-map/)"', html)
    assert links and all((site / "th" / "worksheets" / link / "index.html").resolve().is_file() for link in links)
    assert all((site / "th" / "worksheets" / link).resolve().is_relative_to(site / "th") for link in links)
    index = json.loads(read(site / "th" / "search" / "search_index.json"))
    assert index["config"]["lang"] == ["th"]
    assert any(doc["location"].startswith("modules/01-wps-agenda/") for doc in index["docs"])


def test_the_language_switcher_offers_thai_on_every_language(sites):
    _, site, _ = sites
    for page in (site / "index.html", site / "en" / "index.html", site / "th" / "index.html"):
        assert re.search(r'<a href="[^"]*" hreflang="th" class="md-select__link">\s*ไทย\s*</a>', read(page))


def test_the_translation_status_lists_thai_as_missing_without_failing_the_check(sites):
    _, _, project = sites
    result = run_cli("l10n-status", "--check", cwd=project)
    assert result.returncode == 0, result.stdout
    assert re.search(r"^MISSING\s+docs/th/modules/01-wps-agenda\.md\b", result.stdout, re.M)
    assert re.search(r"^MISSING\s+toolkit/worksheets/stakeholder-map\.yml#th\b", result.stdout, re.M)
    assert not re.search(r"^MISSING\s+docs/en/", result.stdout, re.M)


def test_a_thai_word_file_is_tagged_thai(sites):
    _, _, project = sites
    code = ("import io, sys; from docx import Document; from wpskit.load import load_toolkit; "
            "from wpskit.downloads import RenderContext; from wpskit.render.docx_file import build_docx; "
            "t = load_toolkit('.'); d = Document(io.BytesIO(build_docx(t.worksheets['stakeholder-map'], 'th', RenderContext.of(t)))); "
            "print(d.core_properties.language)")
    result = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True,
                            env={"PYTHONPATH": str(project / "scripts"), "PATH": "/usr/bin:/bin"}, timeout=300)
    assert result.stdout.strip() == "th", result.stderr


SWITCHER_ITEM = re.compile(r'\s*<li class="md-select__item">\s*<a href="[^"]*" hreflang="th" class="md-select__link">'
                           r'\s*ไทย\s*</a>\s*</li>')


def comparable(html: str) -> str:
    """A Vietnamese or English page without its switcher's Thai item and the hashes of the
    page's own inline scripts in its Content-Security-Policy (they hash the page's config)."""
    html = SWITCHER_ITEM.sub("", html)
    return re.sub(r"'sha256-[A-Za-z0-9+/=]+'", "'sha256-…'", html)


def test_the_vietnamese_and_english_pages_are_unchanged_but_for_the_switcher(sites):
    before, after, _ = sites
    pages = [p.relative_to(before) for p in before.rglob("*.html") if not p.relative_to(before).as_posix().startswith("th/")]
    assert len(pages) > 150
    changed = {p.as_posix() for p in pages if comparable(read(before / p)) != comparable(read(after / p))}
    # intended: the downloads tables have a column per language, the translation status lists Thai
    assert changed == {f"{lang}{page}/index.html" for lang in ("", "en/")
                       for page in ("downloads", "contribute/translation-status")}
    for lang in ("", "en/"):
        downloads = comparable(read(after / lang / "downloads" / "index.html"))
        without_thai = re.sub(r"\s*<th>ไทย</th>", "", downloads)
        without_thai = re.sub(r"(<td>[^\n]*</td>)\s*<td>—</td>(\s*</tr>)", r"\1\2", without_thai)
        assert without_thai == comparable(read(before / lang / "downloads" / "index.html"))
    for lang in ("", "en/"):
        indexes = [json.loads(read(site / lang / "search" / "search_index.json")) for site in (before, after)]
        assert indexes[0]["config"] == indexes[1]["config"]
        same = [[doc for doc in index["docs"] if not doc["location"].startswith(("downloads/", "contribute/translation-status/"))]
                for index in indexes]
        assert same[0] == same[1] and len(same[0]) > 300


def test_keep_offline_lists_each_language_its_own_pages(sites):
    before, after, _ = sites
    lists = {lang: json.loads(read(after / "pwa" / f"offline-{lang}.json")) for lang in ("vi", "en", "th")}
    assert lists["th"]["pages"] and all(page.startswith("th/") for page in lists["th"]["pages"])
    assert not any(page.startswith("th/") for page in lists["vi"]["pages"] + lists["en"]["pages"])
    assert lists["vi"]["pages"] == json.loads(read(before / "pwa" / "offline-vi.json"))["pages"]


def test_once_marked_complete_a_missing_thai_page_or_text_stops_the_check(project_copy):
    add_thai(project_copy)
    ui = project_copy / "l10n" / "ui" / "th.yml"
    ui.write_text(read(ui).replace("language:\n", "language:\n  complete: true\n"), encoding="utf-8")
    result = run_cli("check", cwd=project_copy)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert ("docs/th/about/index.md: missing Thai page: docs/vi/about/index.md exists but has no translation. "
            "Create docs/th/about/index.md (same file name) with the Thai text.") in output
    assert re.search(r"toolkit/worksheets/stakeholder-map\.yml:\d+: .* has no Thai text\. Add a line \"th: …\"", output)
    assert re.search(r'l10n/ui/th\.yml:\d+: "labels" has no "purpose"\. This language is complete', output)
