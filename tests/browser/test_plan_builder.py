"""The plan builder: a guided form whose Word draft is laid out as an administrative plan
(Decree 30/2020/NĐ-CP: A4, margins, Times New Roman, national title and motto, "Nơi nhận",
signature block, activities as a landscape annex), in both languages, kept on the device."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm

from conftest import ROOT
from wpskit.load import load_toolkit
from wpskit.model import Plan
from wpskit.render.plan_docx import build_plan_docx, plan_values

TOOLKIT = load_toolkit(ROOT)
TEXTS = TOOLKIT.plan_builder
FIXTURE = Plan.model_validate(yaml.safe_load((ROOT / "tests" / "fixtures" / "plan-fixture.yml").read_text(encoding="utf-8")))
PREFIX = {"vi": "", "en": "en/"}
NATIONAL = {"vi": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
            "en": ("SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness")}
RECIPIENTS = {"vi": "Nơi nhận:", "en": "Recipients:"}


def all_text(document) -> str:
    """Every paragraph of the body, its tables (nested too) and the annex, in order."""
    out = []

    def walk(container):
        for paragraph in container.paragraphs:
            out.append(paragraph.text)
        for table in container.tables:
            for row in table.rows:
                for cell in row.cells:
                    walk(cell)
    walk(document)
    return "\n".join(out)


def check_layout(document, lang: str) -> None:
    first = document.sections[0]
    assert abs(first.page_width - Cm(21.0)) < Cm(0.05) and abs(first.page_height - Cm(29.7)) < Cm(0.05)
    assert first.orientation == WD_ORIENT.PORTRAIT
    assert Cm(2.0) - Cm(0.01) <= first.top_margin <= Cm(2.5) and Cm(2.0) - Cm(0.01) <= first.bottom_margin <= Cm(2.5)
    assert Cm(3.0) - Cm(0.01) <= first.left_margin <= Cm(3.5) and Cm(1.5) - Cm(0.01) <= first.right_margin <= Cm(2.0)
    assert document.styles["Normal"].font.name == "Times New Roman"
    fonts = {run.font.name for p in document.paragraphs for run in p.runs if run.text.strip()}
    assert fonts <= {"Times New Roman", None}, fonts
    text = all_text(document)
    for line in NATIONAL[lang]:
        assert line in text
    assert RECIPIENTS[lang] in text
    annex = document.sections[-1]
    assert annex.orientation == WD_ORIENT.LANDSCAPE and annex.page_width > annex.page_height
    headings = [c.text for c in document.tables[-1].rows[0].cells]
    assert headings[1] == TEXTS.columns["title"][lang] and headings[2] == TEXTS.columns["lead"][lang]


def to_pdf(docx_path: Path, out_dir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui"
    result = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{out_dir}/lo-profile",
                             "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)],
                            capture_output=True, text=True, timeout=180)
    pdf = out_dir / (docx_path.stem + ".pdf")
    assert result.returncode == 0 and pdf.exists(), result.stdout + result.stderr
    return pdf


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_plan_renders_as_an_administrative_plan(lang, tmp_path):
    data = build_plan_docx(plan_values(FIXTURE, lang, TEXTS), TEXTS, lang)
    document = Document(io.BytesIO(data))
    check_layout(document, lang)
    text = all_text(document)
    assert FIXTURE.summary[lang] in text  # "<b>" stays text
    assert TEXTS.document["illustrative"][lang] in text
    annex_rows = [[c.text for c in row.cells] for row in document.tables[-1].rows[1:]]
    assert annex_rows[0][:3] == ["1", FIXTURE.activities[0].title[lang], FIXTURE.activities[0].lead[lang]]
    assert annex_rows[0][-1] == "some-indicator"
    path = tmp_path / f"plan-{lang}.docx"
    path.write_bytes(data)
    pdf = to_pdf(path, tmp_path)
    assert pdf.stat().st_size > 5000


def test_every_variant_says_what_it_changes_in_both_languages():
    assert set(TEXTS.variants) == {"province", "commune", "womens-union"}
    signatures = {v.signature.authority.vi for v in TEXTS.variants.values()}
    assert len(signatures) == 3  # each variant has its own signature block
    assert TEXTS.variants["province"].number_symbol.vi == "Số: …/KH-UBND"
    assert TEXTS.variants["womens-union"].number_symbol.vi != TEXTS.variants["province"].number_symbol.vi


def test_example_plans_validate_and_are_downloadable(site):
    for plan in TOOLKIT.plans.values():
        for lang in ("vi", "en"):
            document = Document(site / "downloads" / lang / f"{plan.id}.docx")
            check_layout(document, lang)
            if plan.illustrative:
                assert TEXTS.document["illustrative"][lang] in all_text(document)


def builder(browser, base_url, lang, width=1280):
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + PREFIX[lang] + "plan-builder/")
    page.wait_for_selector(".wps-fill-bar:not([hidden])")
    return context, page, errors


def download_word(page, tmp_path, name) -> Path:
    with page.expect_download() as info:
        page.click('[data-action="download-docx"]')
    path = tmp_path / name
    info.value.save_as(path)
    return path


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_fill_the_plan_builder_and_download_the_plan(browser, base_url, lang, tmp_path):
    context, page, errors = builder(browser, base_url, lang)
    page.select_option('[data-field="variant"]', "womens-union")
    expected = TEXTS.variants["womens-union"]
    assert page.input_value('[data-field="signature.authority"]') == expected.signature.authority[lang]
    assert page.input_value('[data-field="issuing_body"]') == expected.issuing_body[lang]
    assert expected.changes[lang] in page.inner_text(".wps-variant-changes")
    page.fill('[data-field="summary"]', "Kế hoạch <thử> 2026")
    page.fill('[data-field="basis"]', "Căn cứ một;\nCăn cứ hai;")
    page.fill('[data-field="purpose"]', "Mục đích A")
    page.fill('[data-field="activities.1.title"]', "Hoạt động một")
    page.fill('[data-field="activities.1.lead"]', "Chủ trì một")
    page.click('[data-row-action="add"][data-table="activities"]')
    page.fill('[data-field="activities.3.title"]', "Hoạt động ba")
    page.fill('[data-field="signature.signer"]', "Trần Thị B")
    path = download_word(page, tmp_path, f"plan-{lang}.docx")
    document = Document(path)
    check_layout(document, lang)
    text = all_text(document)
    for value in ("Kế hoạch <thử> 2026", "Căn cứ một;", "Căn cứ hai;", "- Mục đích A", "Trần Thị B"):
        assert value in text, value
    assert "{{" not in text
    for line in expected.signature.authority[lang].split("\n"):
        assert line in text
    rows = [[c.text for c in row.cells] for row in document.tables[-1].rows[1:]]
    assert [r[:3] for r in rows] == [["1", "Hoạt động một", "Chủ trì một"], ["2", "Hoạt động ba", ""]]
    to_pdf(path, tmp_path)
    page.reload()
    page.wait_for_selector(".wps-fill-bar:not([hidden])")
    assert page.input_value('[data-field="variant"]') == "womens-union"
    assert page.input_value('[data-field="activities.3.title"]') == "Hoạt động ba"
    assert page.input_value('[data-field="basis"]') == "Căn cứ một;\nCăn cứ hai;"
    assert not errors
    context.close()


def test_variants_change_the_number_and_signature_of_the_plan(browser, base_url, tmp_path):
    context, page, _ = builder(browser, base_url, "vi")
    found = {}
    for variant in ("province", "commune", "womens-union"):
        page.select_option('[data-field="variant"]', variant)
        found[variant] = all_text(Document(download_word(page, tmp_path, f"{variant}.docx")))
    for variant, text in found.items():
        defaults = TEXTS.variants[variant]
        assert defaults.number_symbol.vi in text and defaults.signature.authority.vi.split("\n")[0] in text
    assert "KT. CHỦ TỊCH" in found["province"] and "KT. CHỦ TỊCH" not in found["commune"]
    context.close()


def test_the_plan_builder_links_the_indicator_bank_and_module_5(site):
    html = (site / "plan-builder" / "index.html").read_text(encoding="utf-8")
    bank = (site / "indicators" / "index.html").exists()  # built by the indicator bank, when it is there
    assert ('href="../indicators/"' in html) == bank
    assert 'href="../modules/05-local-action-plan/"' in html


@pytest.mark.skipif(not TOOLKIT.plans, reason="no example plan in toolkit/plans/ yet")
def test_start_from_the_example(browser, base_url, tmp_path):
    context, page, _ = builder(browser, base_url, "vi")
    page.click('[data-action="start-example"]')  # nothing typed yet: no question asked
    example = sorted(TOOLKIT.plans.values(), key=lambda p: p.id)[0]
    assert page.input_value('[data-field="summary"]') == example.summary.vi
    assert page.input_value('[data-field="activities.1.title"]') == example.activities[0].title.vi
    assert page.input_value('[data-field="variant"]') == example.variant
    document = Document(download_word(page, tmp_path, "example.docx"))
    check_layout(document, "vi")
    text = all_text(document)
    assert TEXTS.document["illustrative"]["vi"] in text and example.activities[-1].title.vi in text
    page.fill('[data-field="summary"]', "Đã sửa")
    page.once("dialog", lambda dialog: dialog.dismiss())  # typed work: asked first, and kept when refused
    page.click('[data-action="start-example"]')
    assert page.input_value('[data-field="summary"]') == "Đã sửa"
    context.close()


def test_plan_answers_round_trip_through_a_file(browser, base_url, tmp_path):
    context, page, _ = builder(browser, base_url, "en")
    page.fill('[data-field="summary"]', "Round trip")
    page.fill('[data-field="activities.2.outputs"]', "Output two")
    with page.expect_download() as info:
        page.click('[data-action="save-file"]')
    saved = tmp_path / "plan.json"
    info.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["fields"]["summary"] == "Round trip" and data["fields"]["activities.2.outputs"] == "Output two"
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-action="clear"]')
    assert page.input_value('[data-field="summary"]') == ""
    page.set_input_files(".wps-fill-file", str(saved))
    page.wait_for_function("() => document.querySelector('[data-field=summary]').value === 'Round trip'")
    assert page.input_value('[data-field="activities.2.outputs"]') == "Output two"
    context.close()


def test_a_broken_plan_stops_the_check_with_file_and_line(project_copy):
    from conftest import run_cli
    plan = project_copy / "toolkit" / "plans" / "broken-plan.yml"
    plan.parent.mkdir(parents=True, exist_ok=True)
    text = (ROOT / "tests" / "fixtures" / "plan-fixture.yml").read_text(encoding="utf-8")
    plan.write_text(text.replace("id: plan-fixture", "id: broken-plan").replace("variant: commune", "variant: district"),
                    encoding="utf-8")
    (project_copy / "toolkit" / "indicators").mkdir(exist_ok=True)
    (project_copy / "toolkit" / "indicators" / "known-indicator.yml").write_text("id: known-indicator\n", encoding="utf-8")
    result = run_cli("check", cwd=project_copy)
    assert result.returncode != 0
    line = text.splitlines().index("variant: commune") + 1
    assert f"toolkit/plans/broken-plan.yml:{line}:" in result.stderr + result.stdout, result.stderr
    assert "Traceback" not in result.stderr
    plan.write_text(text.replace("id: plan-fixture", "id: broken-plan"), encoding="utf-8")
    result = run_cli("check", cwd=project_copy)
    assert result.returncode != 0 and 'the indicator "some-indicator" does not exist' in result.stderr + result.stdout


def test_the_plan_builder_at_360_px_by_keyboard(browser, base_url):
    context, page, errors = builder(browser, base_url, "vi", width=360)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.focus('[data-field="variant"]')
    page.keyboard.press("ArrowDown")  # province → commune
    assert page.input_value('[data-field="variant"]') == "commune"
    assert page.input_value('[data-field="signature.authority"]') == TEXTS.variants["commune"].signature.authority.vi
    page.focus('[data-row-action="add"][data-table="activities"]')
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.getAttribute('data-field')") == "activities.3.title"
    page.keyboard.type("Bằng bàn phím")
    page.focus('[data-row-action="remove"][aria-label$=" 3"]')
    page.keyboard.press("Enter")
    assert page.locator('[data-field="activities.3.title"]').count() == 0
    assert not errors
    context.close()
