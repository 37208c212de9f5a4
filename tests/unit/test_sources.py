"""Sources: UTF-8 and NFC everywhere; every page in both languages; clear errors otherwise."""

import unicodedata

import pytest

from conftest import ROOT, run_cli
from wpskit.errors import SourceError
from wpskit.load import load_toolkit

SOURCE_GLOBS = ["docs/**/*.md", "toolkit/**/*.yml", "glossary/**/*.yml", "mkdocs.yml", "*.md"]


def source_files():
    for pattern in SOURCE_GLOBS:
        yield from ROOT.glob(pattern)


@pytest.mark.parametrize("path", sorted(source_files()), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_source_is_utf8_and_nfc(path):
    text = path.read_bytes().decode("utf-8")
    assert unicodedata.normalize("NFC", text) == text, f"{path} is not NFC"


def test_every_page_exists_in_both_languages():
    vi = {p.relative_to(ROOT / "docs" / "vi").as_posix() for p in (ROOT / "docs" / "vi").rglob("*.md")}
    en = {p.relative_to(ROOT / "docs" / "en").as_posix() for p in (ROOT / "docs" / "en").rglob("*.md")}
    assert vi == en, f"only in vi: {sorted(vi - en)}; only in en: {sorted(en - vi)}"


def test_deleting_a_translation_fails_and_names_the_file(project_copy):
    (project_copy / "docs" / "en" / "start" / "index.md").unlink()
    result = run_cli("check", cwd=project_copy)
    assert result.returncode == 1
    assert "docs/en/start/index.md" in result.stderr
    assert "Create docs/en/start/index.md" in result.stderr
    assert "Traceback" not in result.stderr


def test_new_vietnamese_only_page_says_which_english_file_to_create(project_copy):
    (project_copy / "docs" / "vi" / "start" / "moi.md").write_text("---\ntitle: Trang mới\n---\n\nNội dung.\n", encoding="utf-8")
    result = run_cli("check", cwd=project_copy)
    assert result.returncode == 1
    assert "Create docs/en/start/moi.md" in result.stderr


def test_text_in_nfd_is_reported_with_its_line(project_copy):
    page = project_copy / "docs" / "vi" / "about" / "index.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines[5] = unicodedata.normalize("NFD", "Hòa bình và an ninh")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SourceError) as error:
        load_toolkit(project_copy)
    assert "docs/vi/about/index.md:6:" in error.value.report()
    assert "NFC" in error.value.report()


def test_fix_unicode_converts_sources_to_nfc(project_copy):
    page = project_copy / "docs" / "vi" / "about" / "index.md"
    page.write_text(unicodedata.normalize("NFD", page.read_text(encoding="utf-8")), encoding="utf-8")
    assert run_cli("fix-unicode", cwd=project_copy).returncode == 0
    text = page.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    load_toolkit(project_copy)


def test_avoided_vietnamese_variant_fails_with_file_and_line(project_copy):
    page = project_copy / "docs" / "vi" / "start" / "index.md"
    text = page.read_text(encoding="utf-8").replace("## Ngôn ngữ", "## Ngôn ngữ\n\nVì hoà bình bền vững.", 1)
    page.write_text(text, encoding="utf-8")
    line = text.splitlines().index("Vì hoà bình bền vững.") + 1
    result = run_cli("check", cwd=project_copy)
    assert result.returncode == 1
    assert f"docs/vi/start/index.md:{line}:" in result.stderr
    assert "hòa bình" in result.stderr
