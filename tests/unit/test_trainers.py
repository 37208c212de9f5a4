"""Trainer toolkit: computed agendas, session guides and packs, print without trainer notes."""

import io
import re
import zipfile

import pytest
import yaml
from docx import Document
from pypdf import PdfReader

from conftest import ROOT
from wpskit.errors import SourceError
from wpskit.load import load_toolkit

TOOLKIT = load_toolkit(ROOT)


def hand_agenda(programme_file):
    """Clock times worked out from the raw YAML, independently of the engine."""
    data = yaml.safe_load(programme_file.read_text(encoding="utf-8"))
    days = []
    for day in data["days"]:
        hours, minutes = map(int, str(day["start"]).split(":"))
        now, rows = hours * 60 + minutes, []
        for item in day["items"]:
            if "session" in item:
                steps = yaml.safe_load((ROOT / "toolkit" / "sessions" / f"{item['session']}.yml").read_text(encoding="utf-8"))["steps"]
                length = sum(step["minutes"] for step in steps)
            else:
                length = item["minutes"]
                if "at" in item:
                    h, m = map(int, item["at"].split(":"))
                    now = max(now, h * 60 + m)
            rows.append(f"{now // 60:02d}:{now % 60:02d}–{(now + length) // 60:02d}:{(now + length) % 60:02d}")
            now += length
        days.append(rows)
    return days


PROGRAMMES = sorted((ROOT / "toolkit" / "programmes").glob("*.yml"))


def test_required_programmes_and_sessions_exist():
    assert {"national-3-day", "provincial-1-day", "commune-half-day"} <= set(TOOLKIT.programmes)
    modules = {page.meta.id for page in TOOLKIT.modules("vi")}
    assert modules <= {s.module for s in TOOLKIT.sessions.values()}, "a module has no session guide"
    assert {"sign-in-sheet", "knowledge-test", "training-evaluation"} <= set(TOOLKIT.worksheets)


@pytest.mark.parametrize("path", PROGRAMMES, ids=lambda p: p.stem)
def test_agenda_clock_times_match_a_hand_calculation(site, path):
    expected = hand_agenda(path)
    for lang, prefix in (("vi", ""), ("en", "en/")):
        html = (site / prefix / "trainers" / "programmes" / path.stem / "index.html").read_text(encoding="utf-8")
        tables = re.findall(r'<table class="wps-agenda">.*?</table>', html, re.S)
        assert len(tables) == len(expected)
        for table, rows in zip(tables, expected):
            assert re.findall(r"<tr><td class=\"wps-nowrap\">(\d\d:\d\d–\d\d:\d\d)</td>", table) == rows


@pytest.mark.parametrize("path", PROGRAMMES, ids=lambda p: p.stem)
def test_agenda_downloads_show_the_same_times(site, path):
    times = [t for day in hand_agenda(path) for t in day]
    for lang in ("vi", "en"):
        pdf = " ".join(page.extract_text() for page in PdfReader(site / "downloads" / lang / f"{path.stem}.pdf").pages)
        assert all(t in pdf for t in times)
        document = Document(site / "downloads" / lang / f"{path.stem}.docx")
        cells = [row.cells[0].text for table in document.tables for row in table.rows[1:]]
        assert cells == times


@pytest.mark.parametrize("session_id", sorted(TOOLKIT.sessions), ids=str)
def test_session_pack_holds_exactly_the_guide_and_its_tools(site, session_id):
    session = TOOLKIT.sessions[session_id]
    for lang in ("vi", "en"):
        with zipfile.ZipFile(site / "downloads" / lang / f"{session_id}-pack.zip") as pack:
            names = sorted(pack.namelist())
            expected = sorted([f"{session_id}.pdf"] + [f"{t}.{e}" for t in session.tools for e in ("pdf", "docx")])
            assert names == expected
            guide = PdfReader(io.BytesIO(pack.read(f"{session_id}.pdf")))
            text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in guide.pages))
            assert re.sub(r"\s+", " ", session.title[lang]) in text


def test_session_guide_page_shows_steps_with_cumulative_time(site):
    session = TOOLKIT.sessions["s05-local-action-plan"]
    html = (site / "trainers" / "sessions" / session.id / "index.html").read_text(encoding="utf-8")
    elapsed, expected = 0, []
    for step in session.steps:
        expected.append(f"{elapsed}–{elapsed + step.minutes}′")
        elapsed += step.minutes
    assert re.findall(r"\d+–\d+′", html) == expected
    assert f"{elapsed} phút" in html


def break_it(project, relative, old, new):
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text.replace(old, new, 1)


def report_of(project):
    with pytest.raises(SourceError) as error:
        load_toolkit(project)
    return error.value.report()


def test_step_without_minutes(project_copy):
    text = break_it(project_copy, "toolkit/sessions/s03-localization.yml", "    minutes:", "    duration:")
    report = report_of(project_copy)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "duration:" in l)
    assert f'toolkit/sessions/s03-localization.yml:{line}: unknown key "duration"' in report
    assert 'Did you mean "minutes"?' in report
    assert '"steps" › item 1 needs the key "minutes"' in report
    assert "does not exist" not in report, "an invalid session is not reported as missing"


def test_day_that_runs_past_its_end(project_copy):
    text = break_it(project_copy, "toolkit/programmes/commune-half-day.yml", 'end: "', 'end: "08:30" #')
    report = report_of(project_copy)
    assert re.search(r"toolkit/programmes/commune-half-day.yml:\d+: this day ends at \d\d:\d\d, \d+ minutes after its end time \(08:30\)", report)


def test_sessions_that_overlap_a_fixed_break(project_copy):
    path = project_copy / "toolkit" / "programmes" / "national-3-day.yml"
    text = path.read_text(encoding="utf-8")
    fixed = re.search(r'at: "(\d\d):(\d\d)"', text)
    assert fixed, "the national programme has a break with a fixed time"
    text = text.replace(fixed.group(0), 'at: "08:05"', 1)
    path.write_text(text, encoding="utf-8")
    report = report_of(project_copy)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if 'at: "08:05"' in l)
    assert re.search(rf"national-3-day.yml:{line - 2}: the items before this break end at .* they overlap", report) or \
        re.search(r"national-3-day.yml:\d+: the items before this break end at .* they overlap", report)


def test_unknown_session_and_worksheet(project_copy):
    break_it(project_copy, "toolkit/programmes/provincial-1-day.yml", "session: s0", "session: s9-nowhere-s0")
    break_it(project_copy, "toolkit/sessions/s06-results-indicators.yml", "print: [", "print: [no-such-sheet, ")
    report = report_of(project_copy)
    assert re.search(r'toolkit/programmes/provincial-1-day.yml:\d+: the session "s9-nowhere-s0\S*" does not exist', report)
    assert re.search(r'toolkit/sessions/s06-results-indicators.yml:\d+: the worksheet or checklist "no-such-sheet" does not exist', report)


def test_printed_module_leaves_out_trainer_notes(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "modules/05-local-action-plan/", wait_until="networkidle")
    note = page.inner_text(".admonition.trainer-note")
    assert note.strip() and page.is_visible(".admonition.trainer-note")
    first_words = " ".join(note.split()[4:12])
    pdf = page.pdf(format="A4")
    printed = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert first_words not in printed
    body = " ".join(page.inner_text("article .admonition.takeaways li").split()[:6])
    assert body in printed, "the rest of the module is printed"
    page.close()
