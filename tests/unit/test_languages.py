"""Languages come from configuration (issue #12, item 4): mkdocs.yml's i18n list names them,
l10n/ui/<lang>.yml holds each one's interface strings and says whether it is complete; a
bad ui file stops the check with `path:line: what — how to fix`."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from docx import Document

from conftest import ROOT
from wpskit import languages, ui_strings
from wpskit.errors import SourceError

I18N = """plugins:
  - search
  - i18n:
      docs_structure: folder
      build_only_locale: !ENV [WPS_BUILD_ONLY]
      languages:
        - locale: vi
          default: true
          name: Tiếng Việt
        - locale: en
          name: English
{extra}
markdown_extensions:
  - toc:
      slugify: !!python/object/apply:pymdownx.slugs.slugify {{kwds: {{case: lower}}}}
"""
THAI = "        - locale: th\n          name: ไทย\n          build: true\n"


def project(tmp_path: Path, extra: str = THAI, ui: dict | None = None) -> Path:
    """A folder with a mkdocs.yml naming the languages and the project's own ui files."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(I18N.format(extra=extra), encoding="utf-8")
    (tmp_path / "l10n" / "ui").mkdir(parents=True)
    for code in ("vi", "en"):
        shutil.copy(ROOT / "l10n" / "ui" / f"{code}.yml", tmp_path / "l10n" / "ui" / f"{code}.yml")
    for code, text in (ui or {}).items():
        (tmp_path / "l10n" / "ui" / f"{code}.yml").write_text(text, encoding="utf-8")
    return tmp_path


def test_the_project_languages_are_those_of_mkdocs_yml():
    assert languages.codes() == ("vi", "en")
    assert languages.source() == "vi"
    assert [language.complete for language in languages.languages()] == [True, True]
    assert languages.get("en").word_tag == "en-GB" and languages.get("vi").word_tag == "vi-VN"
    assert languages.counterpart("vi") == "en" and languages.counterpart("en") == "vi"


def test_a_third_language_is_one_entry_in_mkdocs_yml_and_starts_incomplete(tmp_path):
    root = project(tmp_path)
    assert languages.codes(root) == ("vi", "en", "th")
    thai = languages.get("th", root)
    assert thai.name == "ไทย" and not thai.complete and not thai.source
    assert thai.word_tag == "th" and thai.english_name == "ไทย"  # no ui file yet: the i18n name
    assert languages.counterpart("th", root) == "vi"


def test_the_source_is_the_default_language_wherever_it_is_listed(tmp_path):
    text = I18N.format(extra="").replace("          default: true\n", "").replace(
        "          name: English\n", "          name: English\n          default: true\n")
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    assert languages.source(tmp_path) == "en" and languages.codes(tmp_path) == ("en", "vi")


def test_a_language_marked_complete_in_its_ui_file_is_complete(tmp_path):
    root = project(tmp_path, ui={"th": "language:\n  complete: true\n  english_name: Thai\n  word_tag: th-TH\n"})
    thai = languages.get("th", root)
    assert thai.complete and thai.english_name == "Thai" and thai.word_tag == "th-TH"


def test_the_project_ui_files_are_valid_and_complete():
    tables, problems = ui_strings.check(ROOT)
    assert problems == []
    for group in ui_strings.GROUPS:
        assert set(tables["en"][group]) == set(tables["vi"][group]), group


def test_an_incomplete_language_falls_back_to_the_source_string(tmp_path):
    root = project(tmp_path, ui={"th": "labels:\n  worksheet: ใบงาน\n"})
    merged = ui_strings.tables.__wrapped__(root)
    assert merged["th"]["labels"]["worksheet"] == "ใบงาน"
    assert merged["th"]["labels"]["purpose"] == merged["vi"]["labels"]["purpose"] == "Mục đích"
    assert merged["th"]["handbook"]["contents"] == "Mục lục"


def problems_of(root: Path) -> list[str]:
    return [str(problem) for problem in ui_strings.check(root)[1]]


def test_an_unknown_key_is_named_with_its_line(tmp_path):
    root = project(tmp_path, ui={"th": "labels:\n  worksheet: ใบงาน\n  worksheeet: ใบงาน\n"})
    assert problems_of(root) == [
        'l10n/ui/th.yml:3: unknown key "worksheeet" in "labels": the source language\'s file has no such key '
        "(it has worksheet, checklist, purpose, module, minutes, minutes_value, instructions, example…). "
        "Check the spelling, or delete the line."]


def test_a_missing_key_is_an_error_in_a_complete_language_only(tmp_path):
    en = (ROOT / "l10n" / "ui" / "en.yml").read_text(encoding="utf-8")
    line = next(n for n, text in enumerate(en.splitlines(), 1) if text.startswith("labels:"))
    root = project(tmp_path, ui={"en": en.replace("  purpose: Purpose\n", "", 1)})
    assert problems_of(root) == [
        f'l10n/ui/en.yml:{line}: "labels" has no "purpose". This language is complete (`complete: true`), so '
        'every string must be translated: add "purpose: …" (the source has "Mục đích").']
    thai = project(tmp_path / "th", ui={"th": "labels:\n  worksheet: ใบงาน\n"})
    assert problems_of(thai) == []


def test_bad_yaml_in_a_ui_file_is_named_with_its_line(tmp_path):
    root = project(tmp_path, ui={"th": "labels:\n  worksheet: ใบงาน\n   purpose: x: y\n"})
    (problem,) = problems_of(root)
    assert problem.startswith("l10n/ui/th.yml:3: this is not valid YAML") and "Check the indentation" in problem


def test_a_placeholder_the_engine_does_not_fill_is_an_error(tmp_path):
    root = project(tmp_path, ui={"th": "labels:\n  minutes_value: '{minutes} นาที'\n"})
    assert problems_of(root) == [
        'l10n/ui/th.yml:2: "labels.minutes_value" uses {minutes}, which the engine does not fill in here '
        '(the source string is "{n} phút"). Use only the placeholders of the source string.']


def test_a_bad_setting_and_an_unknown_group_are_named(tmp_path):
    root = project(tmp_path, ui={"th": "language:\n  complete: yes please\nlabel:\n  worksheet: ใบงาน\n"})
    assert problems_of(root) == [
        'l10n/ui/th.yml:2: "language.complete" must be true or false.',
        'l10n/ui/th.yml:3: unknown group "label". The groups are language, labels, handbook, app, indicators: '
        "check the spelling, or move its keys into one of them."]


def test_a_bad_ui_file_stops_the_strings_from_loading_with_the_same_report(tmp_path):
    root = project(tmp_path, ui={"th": "labels:\n  worksheeet: ใบงาน\n"})
    with pytest.raises(SourceError) as raised:
        ui_strings.tables.__wrapped__(root)
    assert 'l10n/ui/th.yml:2: unknown key "worksheeet"' in raised.value.report()


@pytest.mark.parametrize("lang, tag", [("vi", "vi-VN"), ("en", "en-GB")])
def test_each_word_file_is_tagged_with_its_own_language(lang, tag):
    from wpskit.downloads import RenderContext
    from wpskit.load import load_toolkit
    from wpskit.render.docx_file import build_docx

    toolkit = load_toolkit(ROOT)
    item = toolkit.worksheets["stakeholder-map"]
    document = Document(io.BytesIO(build_docx(item, lang, RenderContext.of(toolkit))))
    assert document.core_properties.language == tag


def test_reading_time_counts_words_of_scripts_without_spaces():
    from wpskit.page_parts import body_words

    thai = "ภาษาไทยเขียนติดกันโดยไม่เว้นวรรคระหว่างคำ" * 20  # 40 characters, no space, 20 times
    assert body_words("Hai mươi chữ " * 5) == 15
    assert 100 <= body_words(thai) <= 160  # about one word per 6 characters, not 1 word for 800 characters


@pytest.mark.parametrize("text", ["ภาษาไทยเขียนติดกัน", "ភាសាខ្មែរសរសេរជាប់គ្នា", "ພາສາລາວຂຽນຕິດກັນ", "မြန်မာဘာသာစကား"])
def test_search_folding_leaves_scripts_without_spaces_as_they_are(text):
    from wpskit.search_index import split_and_fold
    from wpskit.textfold import fold, folded_words

    assert fold(text) == text and folded_words(text) == []
    index = {"config": {"lang": ["vi"], "fields": {}}, "docs": [
        {"location": "", "title": "Trang chủ", "text": "bình đẳng"},
        {"location": "th/", "title": text, "text": f"<p>{text} {text}</p>"}]}
    split = split_and_fold(index, ("vi", "th"), "vi")
    (doc,) = split["th"]["docs"]
    assert doc["title"] == text and "folded" not in doc and "folded_title" not in doc
    assert split["vi"]["docs"][0]["folded"] == "binh dang"


def test_one_takes_the_singular_where_a_language_has_one():
    """A one-day programme is "1 day" in English (the `<key>_one` string), "1 ngày" in Vietnamese."""
    from wpskit.ui_text import label
    assert label("en", "days_count", n=1).split() == ["1", "day"]
    assert label("en", "days_count", n=3).split() == ["3", "days"]
    assert label("vi", "days_count", n=1) == label("vi", "days_count", n=3).replace("3", "1")
