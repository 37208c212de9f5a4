"""Fill-in mode of worksheets: fill on the page (both languages, 360 px, keyboard only, from
file:// too), keep the answers on the device, move them through a JSON file, download them
in the blank Word file's layout (python-docx read-back, LibreOffice conversion)."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from docx import Document

from conftest import ROOT
from test_plan_builder import all_text, to_pdf
from wpskit.fill_fields import version_key
from wpskit.load import load_toolkit
from wpskit.model import FormSection, QuizSection, TableSection

TOOLKIT = load_toolkit(ROOT)
PREFIX = {"vi": "", "en": "en/"}


def first_with(*kinds):
    for worksheet in sorted(TOOLKIT.worksheets.values(), key=lambda w: w.id):
        present = {type(s) for s in worksheet.sections}
        if all(k in present for k in kinds):
            return worksheet
    raise AssertionError(f"no worksheet has {kinds}")


TABLE_AND_FORM = first_with(TableSection, FormSection)
QUIZ = first_with(QuizSection)


def section_number(worksheet, kind) -> int:
    return next(n for n, s in enumerate(worksheet.sections, 1) if isinstance(s, kind))


def open_worksheet(browser, base_url, worksheet, lang, width=1280, context=None):
    context = context or browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + PREFIX[lang] + f"worksheets/{worksheet.id}/")
    page.wait_for_selector(".wps-fill-bar:not([hidden])")
    return context, page, errors


def fill_some(page, worksheet):
    table = section_number(worksheet, TableSection)
    form = section_number(worksheet, FormSection)
    values = {"name": "Nguyễn Thị <Hoa>", f"s{form}-f1": "Dòng một\nDòng hai", f"s{table}.1.c1": "Ô bảng một",
              f"s{table}.3.c2": "Ô bảng dòng ba"}
    page.fill('[data-field="name"]', values["name"])
    page.fill(f'[data-field="s{form}-f1"]', values[f"s{form}-f1"])
    page.fill(f'[data-field="s{table}.1.c1"]', values[f"s{table}.1.c1"])
    page.click(f'[data-row-action="add"][data-table="s{table}"]')
    page.fill(f'[data-field="s{table}.3.c2"]', values[f"s{table}.3.c2"])
    return values


def download_word(page, path):
    with page.expect_download() as info:
        page.click('[data-action="download-docx"]')
    info.value.save_as(path)
    return path


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_fill_reload_and_download_the_answers_in_the_blank_layout(browser, base_url, site, lang, tmp_path):
    worksheet = TABLE_AND_FORM
    context, page, errors = open_worksheet(browser, base_url, worksheet, lang)
    values = fill_some(page, worksheet)
    page.reload()
    page.wait_for_selector(".wps-fill-bar:not([hidden])")
    for field, value in values.items():
        assert page.input_value(f'[data-field="{field}"]') == value, field
    path = download_word(page, tmp_path / f"{worksheet.id}-{lang}.docx")
    filled, blank = Document(path), Document(site / "downloads" / lang / f"{worksheet.id}.docx")
    text = all_text(filled)
    assert "{{" not in text
    for value in values.values():
        for line in value.split("\n"):
            assert line in text, line
    # the blank file's layout: the same headings in the same order, the same page and tables
    headings = lambda d: [p.text for p in d.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings(filled) == headings(blank)
    assert len(filled.tables) == len(blank.tables)
    assert filled.sections[0].page_width == blank.sections[0].page_width
    table = section_number(worksheet, TableSection)
    rows = [[c.text for c in row.cells] for t in filled.tables for row in t.rows]
    first = rows.index(next(r for r in rows if r[0] == values[f"s{table}.1.c1"]))
    assert rows[first + 1][1] == values[f"s{table}.3.c2"], "answer rows are not rows of the worksheet's table"
    to_pdf(path, tmp_path)
    assert not errors
    context.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_quiz_answers_are_ticked_in_the_word_file(browser, base_url, lang, tmp_path):
    context, page, _ = open_worksheet(browser, base_url, QUIZ, lang)
    quiz = section_number(QUIZ, QuizSection)
    page.check(f'[data-field="s{quiz}-q1"][value="2"]')
    document = Document(download_word(page, tmp_path / "quiz.docx"))
    options = QUIZ.sections[quiz - 1].questions[0].options
    text = all_text(document)
    assert f"\u2612 {options[1][lang]}" in text and f"\u2610 {options[0][lang]}" in text
    context.close()


def test_json_round_trip_and_refused_files(browser, base_url, tmp_path):
    worksheet = TABLE_AND_FORM
    context, page, _ = open_worksheet(browser, base_url, worksheet, "vi")
    values = fill_some(page, worksheet)
    with page.expect_download() as info:
        page.click('[data-action="save-file"]')
    saved = tmp_path / "answers.json"
    info.value.save_as(saved)
    record = json.loads(saved.read_text(encoding="utf-8"))
    assert record["id"] == worksheet.id and record["version"] == version_key(worksheet)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-action="clear"]')
    assert page.input_value('[data-field="name"]') == ""
    page.set_input_files(".wps-fill-file", str(saved))
    page.wait_for_function("() => document.querySelector('[data-field=name]').value !== ''")
    for field, value in values.items():
        assert page.input_value(f'[data-field="{field}"]') == value
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "wps-toolkit-answers", "fields": {', encoding="utf-8")
    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({**record, "id": "another-worksheet", "fields": {"name": "X"}}), encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**record, "version": "000000000000", "fields": {"name": "Y"}}), encoding="utf-8")
    for path, words in ((broken, ("hỏng",)), (foreign, ("another-worksheet",)), (other, ("000000000000",))):
        page.set_input_files(".wps-fill-file", str(path))
        page.wait_for_function("() => document.querySelector('.wps-fill-error').textContent !== ''")
        message = page.inner_text(".wps-fill-error")
        assert all(w in message for w in words), message
        assert page.get_attribute(".wps-fill-error", "role") == "alert"
        for field, value in values.items():
            assert page.input_value(f'[data-field="{field}"]') == value  # nothing lost
        page.evaluate("document.querySelector('.wps-fill-error').textContent = ''")
    context.close()


def test_answers_of_another_version_are_kept_and_listed(browser, base_url):
    worksheet = TABLE_AND_FORM
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + f"worksheets/{worksheet.id}/")
    key = f"wps-fill:worksheet:{worksheet.id}:vi"
    old = {"format": "wps-toolkit-answers", "kind": "worksheet", "id": worksheet.id, "lang": "vi", "version": "old",
           "fields": {"name": "Giữ lại", "s99-f1": "Câu trả lời của một ô đã bỏ"}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(old)])
    page.reload()
    page.wait_for_selector(".wps-fill-orphans:not([hidden])")
    assert page.input_value('[data-field="name"]') == "Giữ lại"
    assert "Câu trả lời của một ô đã bỏ" in page.inner_text(".wps-fill-orphans")
    stored = json.loads(page.evaluate("k => localStorage.getItem(k)", key))
    assert stored["orphans"] == {"s99-f1": "Câu trả lời của một ô đã bỏ"}
    assert stored["version"] == version_key(worksheet)
    context.close()


def test_keyboard_only_at_360_px_and_accessible(browser, base_url):
    worksheet = TABLE_AND_FORM
    context, page, _ = open_worksheet(browser, base_url, worksheet, "vi", width=360)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.focus('[data-field="name"]')
    page.keyboard.type("Bàn phím")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-field')") == "agency"
    table = section_number(worksheet, TableSection)
    page.focus(f'[data-row-action="add"][data-table="s{table}"]')
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.getAttribute('data-field')") == f"s{table}.3.c1"
    page.keyboard.type("Dòng mới")
    page.focus('[data-action="print"]')
    assert page.is_visible('[data-action="download-docx"]')
    page.reload()
    page.wait_for_selector(".wps-fill-bar:not([hidden])")
    assert page.input_value(f'[data-field="s{table}.3.c1"]') == "Dòng mới"
    for selector in ("[data-field]", "[data-action]"):
        unlabelled = page.evaluate(f"""() => Array.from(document.querySelectorAll('{selector}')).filter(e =>
            e.closest('template') === null && !(e.labels && e.labels.length) && !e.getAttribute('aria-label') &&
            !e.getAttribute('aria-labelledby') && !e.textContent.trim()).length""")
        assert unlabelled == 0, selector
    serious = [v for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, [v["id"] for v in serious]
    context.close()


def test_only_worksheet_pages_load_the_fill_in_script(site):
    assert "fill-in.js" in (site / "worksheets" / TABLE_AND_FORM.id / "index.html").read_text(encoding="utf-8")
    for page in ("index.html", "modules/05-local-action-plan/index.html", f"checklists/{sorted(TOOLKIT.checklists)[0]}/index.html"):
        assert "fill-in.js" not in (site / page).read_text(encoding="utf-8"), page


def test_the_same_from_the_offline_copy(browser, offline_copy, tmp_path):
    worksheet = TABLE_AND_FORM
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto((offline_copy / "worksheets" / f"{worksheet.id}.html").as_uri())
    page.wait_for_selector(".wps-fill-bar:not([hidden])")
    values = fill_some(page, worksheet)
    page.reload()
    page.wait_for_selector(".wps-fill-bar:not([hidden])")
    assert page.input_value('[data-field="name"]') == values["name"]
    text = all_text(Document(download_word(page, tmp_path / "offline.docx")))
    assert all(line in text for v in values.values() for line in v.split("\n"))
    with page.expect_download() as info:
        page.click('[data-action="save-file"]')
    saved = tmp_path / "offline.json"
    info.value.save_as(saved)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-action="clear"]')
    page.set_input_files(".wps-fill-file", str(saved))
    page.wait_for_function("() => document.querySelector('[data-field=name]').value !== ''")
    assert page.input_value('[data-field="name"]') == values["name"]
    plan = context.new_page()
    plan.goto((offline_copy / "plan-builder" / "index.html").as_uri())
    plan.wait_for_selector(".wps-fill-bar:not([hidden])")
    plan.fill('[data-field="summary"]', "Ngoại tuyến")
    with plan.expect_download() as info:
        plan.click('[data-action="download-docx"]')
    info.value.save_as(tmp_path / "offline-plan.docx")
    assert "Ngoại tuyến" in all_text(Document(tmp_path / "offline-plan.docx"))
    context.close()


def test_print_shows_the_answers_without_the_buttons(browser, base_url):
    worksheet = TABLE_AND_FORM
    context, page, _ = open_worksheet(browser, base_url, worksheet, "en")
    values = fill_some(page, worksheet)
    page.emulate_media(media="print")
    assert not page.is_visible('[data-action="download-docx"]') and not page.is_visible(".wps-add-row")
    form = section_number(worksheet, FormSection)
    answer = page.locator(f'[data-field="s{form}-f1"]')
    assert answer.is_visible() and answer.input_value() == values[f"s{form}-f1"]
    box = answer.bounding_box()
    assert box["height"] >= 2 * 14, "the printed answer box is cut to less than its two lines"
    context.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_table_row_takes_an_indicator_from_the_bank(browser, base_url, lang):
    """Issue #15: on the worksheets that indicators name, the indicator column of a table takes an
    indicator from the bank (the first empty cell, then new rows); the answer is kept on reload."""
    worksheet = TOOLKIT.worksheets["results-framework"]
    named = sorted((i for i in TOOLKIT.indicators.values() if worksheet.id in i.worksheets), key=lambda i: i.code)
    assert len(named) >= 2, "no indicator names the results-framework worksheet: the test would prove nothing"
    table = next(n for n, s in enumerate(worksheet.sections, 1)
                 if isinstance(s, TableSection) and any("indicator" in c.en.lower() for c in s.columns))
    column = next(f"c{k}" for k, c in enumerate(worksheet.sections[table - 1].columns, 1) if "indicator" in c.en.lower())
    context, page, errors = open_worksheet(browser, base_url, worksheet, lang, width=360)
    picker = page.locator(f'.wps-from-bank select')
    assert picker.count() == 1 and picker.evaluate("s => s.options.length") == len(named) + 1
    page.click(f'[data-row-action="from-bank"][data-table="s{table}"]')  # nothing chosen: a message, no change
    assert page.inner_text(".wps-fill-error") != ""
    assert page.input_value(f'[data-field="s{table}.1.{column}"]') == ""
    rows = page.locator(f'table[data-table="s{table}"] tr[data-row]').count()
    for n, indicator in enumerate(named[:rows + 1], 1):
        entry = f"{indicator.code} — {indicator.title[lang]}"
        picker.select_option(entry)
        page.click(f'[data-row-action="from-bank"][data-table="s{table}"]')
        assert page.input_value(f'[data-field="s{table}.{n}.{column}"]') == entry
    assert page.locator(f'table[data-table="s{table}"] tr[data-row]').count() == rows + 1  # a row was added
    page.wait_for_timeout(300)
    page.reload()
    page.wait_for_selector(".wps-fill-bar:not([hidden])")
    assert page.input_value(f'[data-field="s{table}.1.{column}"]') == f"{named[0].code} — {named[0].title[lang]}"
    named_ids = {w for i in TOOLKIT.indicators.values() for w in i.worksheets}
    other = next(w for w in sorted(TOOLKIT.worksheets.values(), key=lambda w: w.id) if w.id not in named_ids)
    page.goto(base_url + PREFIX[lang] + f"worksheets/{other.id}/")
    assert page.locator(".wps-from-bank").count() == 0
    assert not errors
    context.close()
