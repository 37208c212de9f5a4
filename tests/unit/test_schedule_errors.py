"""Trainer toolkit data: the required programmes and sessions, and a broken agenda named
with its file and line (no build)."""

import re

import pytest

from conftest import ROOT
from wpskit.errors import SourceError
from wpskit.load import load_toolkit

TOOLKIT = load_toolkit(ROOT)


def test_required_programmes_and_sessions_exist():
    assert {"national-3-day", "provincial-1-day", "commune-half-day"} <= set(TOOLKIT.programmes)
    modules = {page.meta.id for page in TOOLKIT.modules("vi")}
    assert modules <= {s.module for s in TOOLKIT.sessions.values()}, "a module has no session guide"
    assert {"sign-in-sheet", "knowledge-test", "training-evaluation"} <= set(TOOLKIT.worksheets)


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
    lines = text.splitlines()
    at_line = next(i for i, l in enumerate(lines, 1) if 'at: "08:05"' in l)
    break_line = next(i for i in range(at_line, 0, -1) if lines[i - 1].lstrip().startswith("- break:"))
    assert re.search(rf"toolkit/programmes/national-3-day.yml:{break_line}: the items before this break end at "
                     r"\d\d:\d\d, \d+ minutes after the break's fixed start \(08:05\): they overlap", report), report


def test_unknown_session_and_worksheet(project_copy):
    break_it(project_copy, "toolkit/programmes/provincial-1-day.yml", "session: s0", "session: s9-nowhere-s0")
    break_it(project_copy, "toolkit/sessions/s06-results-indicators.yml", "print: [", "print: [no-such-sheet, ")
    report = report_of(project_copy)
    assert re.search(r'toolkit/programmes/provincial-1-day.yml:\d+: the session "s9-nowhere-s0\S*" does not exist', report)
    assert re.search(r'toolkit/sessions/s06-results-indicators.yml:\d+: the worksheet or checklist "no-such-sheet" does not exist', report)
