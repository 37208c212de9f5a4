"""Bad data gets a clear `path:line` error and loses nothing; data text is always escaped."""

import re

import pytest

from conftest import run_cli
from source_edits import edit, line_of
from wpskit.errors import SourceError
from wpskit.load import load_toolkit

WORKSHEET = "toolkit/worksheets/stakeholder-map.yml"
# builds whose pages (or messages) are what is checked make no download: an edited page or
# title would otherwise make PDFs and both handbooks again, most of such a build's time
PAGES_ONLY = {"WPS_SKIP_DOWNLOADS": "1"}


def problems_of(project):
    with pytest.raises(SourceError) as error:
        load_toolkit(project)
    return error.value.report()


def test_yaml_syntax_error(project_copy):
    text = edit(project_copy, WORKSHEET, lambda t: t.replace("minutes:", "minutes: [", 1))
    report = problems_of(project_copy)
    assert re.search(rf"{WORKSHEET}:\d+: this is not valid YAML", report)
    assert "indentation" in report


def test_missing_translation(project_copy):
    original = (project_copy / WORKSHEET).read_text(encoding="utf-8")
    lines = original.splitlines()
    start = line_of(original, "purpose:")
    # remove the English line of "purpose" (the first en: line after it)
    en_index = next(i for i in range(start, len(lines)) if lines[i].lstrip().startswith("en:"))
    del lines[en_index]
    (project_copy / WORKSHEET).write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = problems_of(project_copy)
    assert f'{WORKSHEET}:{start}: "purpose" has no English text' in report


def test_unknown_key_names_the_line_and_a_guess(project_copy):
    text = edit(project_copy, WORKSHEET, lambda t: t.replace("minutes:", "minuts:", 1))
    report = problems_of(project_copy)
    assert f'{WORKSHEET}:{line_of(text, "minuts:")}: unknown key "minuts"' in report
    assert 'Did you mean "minutes"?' in report


def test_wrong_type(project_copy):
    text = edit(project_copy, WORKSHEET, lambda t: re.sub(r"minutes: \d+", "minutes: nửa tiếng", t, count=1))
    report = problems_of(project_copy)
    assert f'{WORKSHEET}:{line_of(text, "minutes:")}: "minutes" must be a whole number' in report


def test_text_written_in_one_language_only(project_copy):
    text = edit(project_copy, WORKSHEET, lambda t: re.sub(r"^title:.*(\n  .*)*", 'title: "Bản đồ"', t, count=1, flags=re.M))
    report = problems_of(project_copy)
    assert f'{WORKSHEET}:{line_of(text, "title:")}: "title" must be written in both languages' in report


def test_duplicate_id(project_copy):
    second = project_copy / "toolkit" / "worksheets" / "stakeholder-map-copy.yml"
    second.write_text((project_copy / WORKSHEET).read_text(encoding="utf-8"), encoding="utf-8")
    report = problems_of(project_copy)
    assert 'toolkit/worksheets/stakeholder-map-copy.yml:1: the id "stakeholder-map" must be the same as the file name' in report
    glossary = project_copy / "glossary" / "terms.yml"
    text = glossary.read_text(encoding="utf-8") + (
        "\n- id: stakeholder-map\n  term: {vi: Bản đồ, en: Map}\n  definition: {vi: Bản đồ., en: A map.}\n"
        "  sources: [decision-101-2024]\n")
    glossary.write_text(text, encoding="utf-8")
    second.unlink()
    report = problems_of(project_copy)
    line = len(text.splitlines()) - 3
    assert f'glossary/terms.yml:{line}: the id "stakeholder-map" is already used by toolkit/worksheets/stakeholder-map.yml' in report


def test_dangling_module_reference(project_copy):
    text = edit(project_copy, WORKSHEET, lambda t: re.sub(r"module: \S+", "module: 99-nowhere", t, count=1))
    report = problems_of(project_copy)
    assert f'{WORKSHEET}:{line_of(text, "module:")}: the module "99-nowhere" does not exist' in report


def test_dangling_tool_link_in_a_page(project_copy):
    page = "docs/vi/trainers/index.md"
    text = edit(project_copy, page, lambda t: t + '\n{{ tool_link("no-such-tool") }}\n')
    report = problems_of(project_copy)
    assert f'{page}:{line_of(text, "no-such-tool")}: tool_link("no-such-tool") names no worksheet' in report


def test_key_written_twice(project_copy):
    text = edit(project_copy, WORKSHEET, lambda t: re.sub(r"(minutes: \d+)", r"\1\nminutes: 30", t, count=1))
    report = problems_of(project_copy)
    assert 'the key "minutes" is written twice' in report


@pytest.mark.build  # builds a copy of the project
def test_bad_build_stops_without_traceback_and_keeps_the_previous_site(project_copy):
    previous = project_copy / "site"
    previous.mkdir()
    (previous / "index.html").write_text("previous site", encoding="utf-8")
    edit(project_copy, WORKSHEET, lambda t: t.replace("minutes:", "minuts:", 1))
    result = run_cli("build", cwd=project_copy)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert f"{WORKSHEET}:" in output and 'unknown key "minuts"' in output
    assert "Traceback" not in output
    assert (previous / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not (project_copy / "site.partial").exists()


@pytest.mark.build  # builds a copy of the project
def test_bad_markdown_link_fails_the_strict_build_and_keeps_the_previous_site(project_copy):
    previous = project_copy / "site"
    previous.mkdir()
    (previous / "index.html").write_text("previous site", encoding="utf-8")
    edit(project_copy, "docs/en/trainers/index.md", lambda t: t + "\nSee [nothing](../no-such-page.md).\n")
    result = run_cli("build", "--lang", "en", cwd=project_copy, env=PAGES_ONLY)
    assert result.returncode == 1
    assert "no-such-page.md" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert (previous / "index.html").read_text(encoding="utf-8") == "previous site"


@pytest.mark.build  # builds a copy of the project
def test_an_edited_template_override_shows_on_the_next_build(project_copy):
    """Compiled templates are cached in .cache/jinja; an edit to an override must still show."""
    first = run_cli("build", "--lang", "en", "--site-dir", "site", cwd=project_copy, env=PAGES_ONLY)
    assert first.returncode == 0, first.stderr
    assert any((project_copy / ".cache" / "jinja").iterdir()), "no compiled template was cached"
    edit(project_copy, "overrides/main.html",
         lambda t: t.replace("{% block site_meta %}", '{% block site_meta %}\n  <meta name="wps-test" content="edited">', 1))
    second = run_cli("build", "--lang", "en", "--site-dir", "site", cwd=project_copy, env=PAGES_ONLY)
    assert second.returncode == 0, second.stderr
    assert '<meta name="wps-test" content="edited">' in (project_copy / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.build  # builds a copy of the project
def test_a_source_edited_after_a_build_is_checked_again(project_copy):
    """A build keeps the checked sources in .cache/sources.pickle; the next build must still see
    every edit: a new title shows, and a mistake stops the build with its file and line."""
    first = run_cli("build", "--lang", "en", cwd=project_copy, env=PAGES_ONLY)
    assert first.returncode == 0, first.stderr
    assert (project_copy / ".cache" / "sources.pickle").exists(), "the checked sources were not cached"
    edit(project_copy, WORKSHEET, lambda t: t.replace('en: "Stakeholder map"', 'en: "Map of the people who matter"', 1))
    second = run_cli("build", "--lang", "en", cwd=project_copy, env=PAGES_ONLY)
    assert second.returncode == 0, second.stderr
    page = project_copy / "site" / "worksheets" / "stakeholder-map" / "index.html"
    assert "Map of the people who matter" in page.read_text(encoding="utf-8")
    text = edit(project_copy, WORKSHEET, lambda t: t.replace("minutes:", "minuts:", 1))
    third = run_cli("build", "--lang", "en", cwd=project_copy, env=PAGES_ONLY)
    assert third.returncode == 1
    assert f"{WORKSHEET}:{line_of(text, 'minuts:')}:" in third.stderr and 'unknown key "minuts"' in third.stderr
