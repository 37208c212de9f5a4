"""Trainer toolkit, as built: computed agendas, session guides and packs.
(Their data errors: tests/unit/test_schedule_errors.py; print without trainer notes:
tests/browser/test_print.py.)"""

import io
import re
import zipfile

import pytest
import yaml
from docx import Document
from pypdf import PdfReader

from conftest import ROOT
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
