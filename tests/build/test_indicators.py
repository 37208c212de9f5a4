"""The indicator bank: bad data stops the build with `path:line`; the built pages, the
cross-links both ways, the downloads read back (CSV, XLSX, PDF), search, and escaping."""

import csv
import io
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from conftest import ROOT, run_cli
from wpskit.downloads import RenderContext
from wpskit.errors import SourceError
from wpskit.load import load_toolkit
from wpskit.render import indicators as bank

TOOLKIT = load_toolkit(ROOT)
INDICATORS = sorted(TOOLKIT.indicators.values(), key=lambda i: i.id)
FILES = sorted((ROOT / "toolkit" / "indicators").glob("*.yml"))
LANGS = (("vi", ""), ("en", "en/"))

FIXTURE_ID = "zz-test-indicator"
FIXTURE_PATH = f"toolkit/indicators/{FIXTURE_ID}.yml"
FIXTURE = f"""id: {FIXTURE_ID}
code: PV-98
title:
  vi: "Số buổi đối thoại về an ninh có phụ nữ phát biểu"
  en: "Number of security dialogues where women speak"
pillar: prevention
objectives: [1, 2]
results_level: output
type: quantitative
definition:
  vi: "Số buổi đối thoại do UBND xã tổ chức về an ninh, trật tự có ít nhất một phụ nữ phát biểu."
  en: "Number of dialogues on security and order held by the commune People's Committee where at least one woman speaks."
numerator:
  vi: "Số buổi đối thoại có phụ nữ phát biểu"
  en: "Dialogues where a woman spoke"
unit:
  vi: "buổi"
  en: "dialogues"
disaggregation: [locality]
data_source:
  vi: "Biên bản đối thoại"
  en: "Minutes of the dialogues"
collected_by:
  vi: "Văn phòng UBND xã"
  en: "Commune People's Committee office"
levels: [commune]
frequency: quarterly
baseline_target:
  vi: "Đếm trong năm đầu."
  en: "Count in the first year."
verification:
  vi: "Biên bản"
  en: "Minutes"
worksheets: [results-framework]
modules: [06-results-indicators]
related: []
origin:
  source: decision-101-2024
"""


# --- bad input: `path:line: what — how to fix`, nothing published ---------------------

def write_fixture(project, text=FIXTURE, name=FIXTURE_ID):
    folder = project / "toolkit" / "indicators"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    return text


def problems_of(project):
    with pytest.raises(SourceError) as error:
        load_toolkit(project)
    return error.value.report()


def line_of(text, needle):
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_fixture_itself_is_valid(project_copy):
    write_fixture(project_copy)
    toolkit = load_toolkit(project_copy)
    assert FIXTURE_ID in toolkit.indicators
    assert toolkit.indicators[FIXTURE_ID].code == "PV-98"


BAD_CASES = {
    "unknown-pillar": (("pillar: prevention", "pillar: peacebuilding"), "pillar: peacebuilding",
                       r'"pillar" is "peacebuilding", which is not allowed here\. Use one of: .*relief-recovery'),
    "unknown-objective": (("objectives: [1, 2]", "objectives: [1, 5]"), "objectives:",
                          r'"objectives" › item 2 is "5", which is not allowed here\. Use one of: 1, 2, 3 or 4'),
    "unknown-level": (("levels: [commune]", "levels: [commune, district]"), "levels:",
                      r'"levels" › item 2 is "district", which is not allowed here\. Use one of: .*womens-union'),
    "unknown-results-level": (("results_level: output", "results_level: activity"), "results_level:",
                              r'"results_level" is "activity", which is not allowed here\. Use one of: .*process'),
    "bad-code": (("code: PV-98", "code: P-98"), "code:", r'"P-98" is not a valid indicator code: .*"PA-03"'),
    "code-of-another-pillar": (("code: PV-98", "code: PA-98"), "code:",
                               r'the code "PA-98" does not match the pillar "prevention", whose codes start with "PV-"'),
    "missing-worksheet": (("worksheets: [results-framework]", "worksheets: [results-framework, no-such-sheet]"),
                          "worksheets:", r'the worksheet "no-such-sheet" does not exist\. Use the id of a file in toolkit/worksheets/'),
    "missing-module": (("modules: [06-results-indicators]", "modules: [99-nowhere]"), "modules:",
                       r'the module "99-nowhere" does not exist\. Use the id of a page in docs/vi/modules/'),
    "missing-related": (("related: []", "related: [no-such-indicator]"), "related:",
                        r'the indicator "no-such-indicator" does not exist\. Use the id \(file name\) of another file'),
    "missing-source": (("source: decision-101-2024", "source: no-such-source"), "  source:",
                       r'the source "no-such-source" does not exist\. Use an id from toolkit/sources\.yml'),
    "quantitative-without-unit": (('unit:\n  vi: "buổi"\n  en: "dialogues"\n', ""), "type: quantitative",
                                  r'a quantitative indicator needs a "unit" \(in both languages\)\. Add "unit:"'),
    "quantitative-without-numerator": (('numerator:\n  vi: "Số buổi đối thoại có phụ nữ phát biểu"\n'
                                        '  en: "Dialogues where a woman spoke"\n', ""), "type: quantitative",
                                       r'a quantitative indicator needs a "numerator"'),
    "one-language-only": (('  en: "Minutes"\n', ""), "verification:", r'"verification" has no English text'),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_indicator_names_file_line_and_fix(project_copy, case):
    (old, new), where, message = BAD_CASES[case]
    assert FIXTURE.count(old) == 1, "the test's edit must apply exactly once"
    text = write_fixture(project_copy, FIXTURE.replace(old, new))
    report = problems_of(project_copy)
    line = line_of(text, where if where in text else where.split(":")[0] + ":")
    pattern = rf"{re.escape(FIXTURE_PATH)}:{line}: {message}"
    assert re.search(pattern, report), f"expected /{pattern}/ in:\n{report}"
    assert "Traceback" not in report


def test_duplicate_code_names_both_files(project_copy):
    write_fixture(project_copy)
    second = FIXTURE.replace(f"id: {FIXTURE_ID}", "id: zz-test-other")
    write_fixture(project_copy, second, "zz-test-other")
    report = problems_of(project_copy)
    assert re.search(rf"toolkit/indicators/zz-test-other\.yml:{line_of(second, 'code:')}: the code \"PV-98\" is "
                     rf"already used by {re.escape(FIXTURE_PATH)}\. Codes must be unique", report), report


def test_quantitative_qualitative_switch_is_accepted(project_copy):
    """A qualitative indicator needs no unit, numerator or denominator."""
    text = FIXTURE.replace("type: quantitative", "type: qualitative")
    text = text.replace(BAD_CASES["quantitative-without-unit"][0][0], "")
    text = text.replace(BAD_CASES["quantitative-without-numerator"][0][0], "")
    write_fixture(project_copy, text)
    assert load_toolkit(project_copy).indicators[FIXTURE_ID].unit is None


def test_a_bad_indicator_stops_the_build_and_keeps_the_previous_site(project_copy):
    previous = project_copy / "site"
    previous.mkdir()
    (previous / "index.html").write_text("previous site", encoding="utf-8")
    text = write_fixture(project_copy, FIXTURE.replace("pillar: prevention", "pillar: peacebuilding"))
    result = run_cli("build", "--lang", "vi", cwd=project_copy, env={"WPS_SKIP_DOWNLOADS": "1"})
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert f"{FIXTURE_PATH}:{line_of(text, 'pillar:')}:" in output and "peacebuilding" in output
    assert "Traceback" not in output
    assert (previous / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not (project_copy / "site.partial").exists()


# --- the built site ------------------------------------------------------------

def test_the_bank_holds_every_file_of_toolkit_indicators():
    assert len(INDICATORS) == len(FILES)
    assert {i.id for i in INDICATORS} == {f.stem for f in FILES}


class Article(HTMLParser):
    """The tags, link targets and text of a page's article (entities decoded, as a reader sees it)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.hrefs, self.text = [], [], ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.hrefs += [value or "" for name, value in attrs if name == "href"]

    def handle_data(self, data):
        self.text += data


def html(site, prefix, path):
    return (site / prefix / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_bank_page_has_one_row_per_indicator_and_every_filter(site, lang, prefix):
    page = html(site, prefix, "indicators")
    rows = re.findall(r'<tr data-indicator="([^"]+)"', page)
    assert sorted(rows) == [i.id for i in INDICATORS]
    for facet in ("pillar", "objective", "level", "results_level", "type"):
        assert re.search(rf'<select [^>]*data-filter="{facet}"', page), facet
    assert re.search(r'<input [^>]*data-filter="text"', page)
    assert re.search(r'aria-live="polite"[^>]*>[^<]*' + str(len(INDICATORS)), page)
    script = re.search(r'<script src="([^"]*indicators\.js)"', page).group(1)
    assert (site / prefix / "indicators" / script).resolve().is_file()
    for indicator in INDICATORS:
        assert f'href="{indicator.id}/"' in page
    assert "<script>" not in page.split('<article', 1)[1].split("</article>", 1)[0]


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_the_filter_script_is_loaded_on_the_bank_page_only(site, lang, prefix):
    for other in ("", "modules/06-results-indicators", "worksheets/results-framework", "downloads"):
        assert "indicators.js" not in html(site, prefix, other), other


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_each_indicator_page_shows_its_definition_and_opens_its_yaml(site, lang, prefix):
    for indicator in INDICATORS:
        page = html(site, prefix, f"indicators/{indicator.id}")
        article = Article()
        article.feed(page.split("<article", 1)[1].split("</article>", 1)[0])
        text = " ".join(article.text.split())
        assert indicator.code in text
        assert bank.word(lang, "definition") in text
        for key in ("definition", "data_source", "baseline_target", "verification"):
            assert " ".join(getattr(indicator, key)[lang].split()) in text, (indicator.id, key)
        assert f"/edit/main/toolkit/indicators/{indicator.id}.yml" in page
        assert f'<html lang="{lang}"' in page


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_cross_links_both_ways(site, lang, prefix):
    """An indicator page links to its worksheets, modules and related indicators; each of
    those worksheet and module pages links back to the indicator."""
    assert any(i.worksheets for i in INDICATORS) and any(i.modules for i in INDICATORS)
    for indicator in INDICATORS:
        page = html(site, prefix, f"indicators/{indicator.id}")
        for worksheet in indicator.worksheets:
            assert f'href="../../worksheets/{worksheet}/"' in page, (indicator.id, worksheet)
            back = html(site, prefix, f"worksheets/{worksheet}")
            assert f'href="../../indicators/{indicator.id}/"' in back, (worksheet, indicator.id)
        for module in indicator.modules:
            assert f'href="../../modules/{module}/"' in page, (indicator.id, module)
            back = html(site, prefix, f"modules/{module}")
            assert f'href="../../indicators/{indicator.id}/"' in back, (module, indicator.id)
        for other in indicator.related:
            assert f'href="../{other}/"' in page


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_results_framework_and_me_plan_link_to_the_bank(site, lang, prefix):
    named = {w for i in INDICATORS for w in i.worksheets}
    for worksheet in ("results-framework", "me-plan"):
        if worksheet not in named:
            pytest.fail(f"no indicator names the worksheet {worksheet}")
        assert 'href="../../indicators/"' in html(site, prefix, f"worksheets/{worksheet}")
    for module in ("06-results-indicators", "07-data-collection", "08-me-reporting"):
        assert 'href="../../indicators/"' in html(site, prefix, f"modules/{module}"), module


def test_a_worksheet_no_indicator_names_has_no_indicator_list(site):
    named = {w for i in INDICATORS for w in i.worksheets}
    unnamed = sorted(set(TOOLKIT.worksheets) - named)
    assert unnamed
    assert "indicators/" not in html(site, "", f"worksheets/{unnamed[0]}").split("<article", 1)[1].split("</article>")[0]


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_abbreviations_in_definitions_are_explained(site, lang, prefix):
    abbreviations = {a for t in TOOLKIT.terms.values() if t.abbr for a in (t.abbr.vi + t.abbr.en if lang == "vi" else t.abbr.en)}
    checked = 0
    for indicator in INDICATORS:
        found = [a for a in abbreviations if re.search(rf"(?<!\w){re.escape(a)}(?!\w)", indicator.definition[lang])]
        if found:
            page = html(site, prefix, f"indicators/{indicator.id}")
            assert re.search(rf'<abbr title="[^"]+">{re.escape(found[0])}</abbr>', page), (indicator.id, found[0])
            checked += 1
    assert checked, "no definition uses a glossary abbreviation: nothing was checked"


# --- downloads -----------------------------------------------------------------

def squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_csv_reads_back_with_bom_one_row_per_indicator(site, lang, prefix):
    data = (site / "downloads" / lang / "indicators.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark: Excel would garble Vietnamese"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == len(FILES) + 1
    header = rows[0]
    assert header[:2] == [bank.word(lang, "code"), bank.word(lang, "title")]
    by_code = {row[0]: row for row in rows[1:]}
    for indicator in INDICATORS:
        row = by_code[indicator.code]
        assert row[1] == indicator.title[lang]
        assert row[header.index(bank.word(lang, "definition"))] == bank.cell(indicator.definition[lang])


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_xlsx_reads_back_frozen_header_and_filters(site, lang, prefix):
    book = load_workbook(site / "downloads" / lang / "indicators.xlsx")
    sheet = book.active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == len(FILES) + 1
    titles = {row[0]: row[1] for row in rows[1:]}
    for indicator in INDICATORS:
        assert titles[indicator.code] == indicator.title[lang]
    assert all(c.data_type == "s" for row in sheet.iter_rows() for c in row if c.value is not None)


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_pdf_reads_back_with_every_indicator_and_only_bundled_fonts(site, lang, prefix):
    reader = PdfReader(site / "downloads" / lang / "indicators.pdf")
    text = squash(" ".join(page.extract_text() for page in reader.pages))
    assert squash(bank.word(lang, "bank")) in text
    for indicator in INDICATORS:
        assert indicator.code in text, indicator.code
    assert squash(INDICATORS[0].title[lang])[:40] in text
    fonts = {str(f.get_object()["/BaseFont"]).split("+", 1)[-1] for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert fonts and all(f.startswith(("Toolkit-Sans", "Toolkit-Symbols")) for f in fonts), fonts


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_downloads_page_and_bank_page_list_the_three_files_with_sizes(site, lang, prefix):
    for path, pattern in (("downloads", r'href="([^"]*{l}/indicators\.{e})" download>{E} \((\d+) KB\)'),
                          ("indicators", r'href="([^"]*downloads/{l}/indicators\.{e})" download>[^<]*· (\d+) KB')):
        page = html(site, prefix, path)
        for file_lang in (("vi", "en") if path == "downloads" else (lang,)):
            for extension in ("csv", "xlsx", "pdf"):
                match = re.search(pattern.format(l=file_lang, e=extension, E=extension.upper()), page)
                assert match, (path, file_lang, extension)
                size = (site / "downloads" / file_lang / f"indicators.{extension}").stat().st_size
                assert int(match.group(2)) == max(1, round(size / 1024))
                assert (site / prefix / path / match.group(1)).resolve().is_file()


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_search_index_has_each_indicator_with_its_code_and_title(site, lang, prefix):
    import html as html_module
    import json
    index = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {d["location"]: d for d in index["docs"] if d["location"].startswith("indicators/") and "#" not in d["location"]}
    for indicator in INDICATORS:
        doc = pages[f"indicators/{indicator.id}/"]
        assert html_module.unescape(doc["title"]) == indicator.title[lang]  # escaped at the source, shown as text
        assert indicator.code in doc["text"]


def test_bank_downloads_are_made_again_only_when_an_indicator_changes(tmp_path):
    from wpskit.downloads import DownloadCache
    context = RenderContext.of(TOOLKIT)
    few = {i.id: i for i in INDICATORS[:2]}
    first = DownloadCache(tmp_path).prepare_bank(few, context)
    assert sorted(first) == sorted((lang, "indicators", e) for lang in ("vi", "en") for e in ("csv", "xlsx", "pdf"))
    again = DownloadCache(tmp_path)
    assert again.prepare_bank(few, context) == first and again.made == []
    changed = dict(few)
    item = INDICATORS[0]
    changed[item.id] = item.model_copy(update={"code": item.code[:3] + "99"})
    third = DownloadCache(tmp_path)
    third.prepare_bank(changed, context)
    assert len(third.made) == 6
    remade_csv = next(Path(m) for m in third.made if m.endswith(".csv"))
    assert f"{item.code[:3]}99" in remade_csv.read_text(encoding="utf-8-sig")


# --- escaping: data is text everywhere -----------------------------------------

HOSTILE_TITLE = '<img src=x id=wps-xss> [link](javascript:alert(1)) | a & "b"'
FORMULA_STARTS = ("=", "+", "-", "@")
FORMULA = '=HYPERLINK("http://example.com","click")'


def hostile(toolkit_indicator):
    return toolkit_indicator.model_copy(update={
        "title": toolkit_indicator.title.model_copy(update={"vi": HOSTILE_TITLE}),
        "definition": toolkit_indicator.definition.model_copy(update={"vi": FORMULA, "en": "+SUM(A1:A2)"}),
        "baseline_target": toolkit_indicator.baseline_target.model_copy(update={"vi": "-1 thì sao", "en": "@cmd"}),
    })


def fixture_toolkit(tmp_path):
    load_toolkit(ROOT)
    project = tmp_path / "p"
    import shutil
    from conftest import IGNORED
    shutil.copytree(ROOT, project, ignore=lambda d, names: [n for n in names if n in IGNORED])
    write_fixture(project)
    return load_toolkit(project)


def test_spreadsheet_cells_never_become_formulas(tmp_path):
    toolkit = fixture_toolkit(tmp_path)
    item = hostile(toolkit.indicators[FIXTURE_ID])
    context = RenderContext.of(toolkit)
    for lang, formula in (("vi", FORMULA), ("en", "+SUM(A1:A2)")):
        rows = list(csv.reader(io.StringIO(bank.csv_bytes([item], lang, context).decode("utf-8-sig"))))
        cells = [c for row in rows for c in row]
        assert "'" + formula in cells
        assert not any(c.startswith(FORMULA_STARTS) for c in cells), [c for c in cells if c.startswith(FORMULA_STARTS)]
        book = load_workbook(io.BytesIO(bank.xlsx_bytes([item], lang, context)))
        values = [c for row in book.active.iter_rows() for c in row]
        assert any(c.value == "'" + formula for c in values)
        assert all(c.data_type == "s" for c in values if c.value is not None)
        assert not any(str(c.value).startswith(FORMULA_STARTS) for c in values if c.value is not None)
    assert bank.cell("-1 thì sao") == "'-1 thì sao" and bank.cell("@cmd") == "'@cmd" and bank.cell("Tỷ lệ") == "Tỷ lệ"


def test_markup_in_indicator_text_is_shown_as_text_on_the_pages(project_copy):
    text = FIXTURE.replace('vi: "Số buổi đối thoại về an ninh có phụ nữ phát biểu"',
                           "vi: '" + HOSTILE_TITLE.replace("'", "''") + "'")
    text = text.replace('vi: "Biên bản đối thoại"', "vi: '" + FORMULA.replace("'", "''") + " <b>đậm</b>'")
    write_fixture(project_copy, text)
    result = run_cli("build", "--lang", "vi", cwd=project_copy, env={"WPS_SKIP_DOWNLOADS": "1"})
    assert result.returncode == 0, result.stderr
    site = project_copy / "site"
    for path in (f"indicators/{FIXTURE_ID}", "indicators", "worksheets/results-framework", "modules/06-results-indicators"):
        page = (site / path / "index.html").read_text(encoding="utf-8")
        article = Article()
        article.feed(page.split("<article", 1)[1].split("</article>", 1)[0])
        assert "img" not in article.tags and "b" not in article.tags, path
        assert not any(h.strip().lower().startswith("javascript:") for h in article.hrefs), path
        assert HOSTILE_TITLE in article.text, path
    page = (site / "indicators" / FIXTURE_ID / "index.html").read_text(encoding="utf-8")
    article = Article()
    article.feed(page.split("<article", 1)[1].split("</article>", 1)[0])
    assert FORMULA + " <b>đậm</b>" in article.text and "b" not in article.tags
