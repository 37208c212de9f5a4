"""Lighthouse, mobile profile, on the home, a module and a worksheet page in each language:
accessibility, best practices and SEO 100; performance at least 95 (median of three runs,
CPU slowdown matched to the host as wpskit/lighthouse.py explains)."""

import json
import shutil

import pytest

from conftest import ROOT
from wpskit import lighthouse

PERFORMANCE_BAR = 95


@pytest.fixture(scope="module")
def scores(site, quiet_machine):
    if shutil.which("node") is None:
        pytest.skip("Node.js is not installed: Lighthouse cannot run (install Node.js and run `make setup`)")
    assert lighthouse.available(), "Lighthouse is missing: run `npm ci` (make setup does)"
    # the pages' runs stop once their median is known to be above or below the bar (2 of 3)
    with quiet_machine():  # the other test processes of `make test` pause meanwhile
        result = lighthouse.audit(site, decide_at=PERFORMANCE_BAR)
    (ROOT / "dist").mkdir(exist_ok=True)
    (ROOT / "dist" / "lighthouse.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


@pytest.mark.parametrize("page", lighthouse.PAGES)
def test_lighthouse_scores(scores, page):
    row = scores["/" + page]
    assert row["accessibility"] == 100 and row["best-practices"] == 100 and row["seo"] == 100, row
    assert row["performance"] >= PERFORMANCE_BAR, row


@pytest.mark.parametrize("index,expected", [(2400, 4.0), (1533, 4.0), (1300, 3.0), (800, 2.0), (150, 1.0), (40, 1.0)])
def test_cpu_slowdown_emulates_the_same_phone_on_slower_hosts(index, expected):
    assert lighthouse.cpu_slowdown(index) == pytest.approx(expected, abs=0.01)


def run(performance, accessibility=100):
    return {"performance": performance, "accessibility": accessibility, "best-practices": 100, "seo": 100,
            "failing": [] if accessibility == 100 else ["color-contrast"]}


@pytest.mark.parametrize("scores,decided", [([], False), ([99], False), ([99, 96], True), ([90, 80], True),
                                            ([99, 90], False), ([99, 90, 96], True)])
def test_a_median_of_three_is_known_once_two_runs_are_on_the_same_side_of_the_bar(scores, decided):
    assert lighthouse._decided([run(s) for s in scores], 3, PERFORMANCE_BAR) is decided


def test_a_row_decided_early_keeps_the_lowest_score_of_its_runs():
    row = lighthouse._lowest([run(99, accessibility=100), run(96, accessibility=92)], 4.0)
    assert row["performance"] == 96 and row["accessibility"] == 92 and row["failing"] == ["color-contrast"]
    assert row["runs"] == [99, 96]
    three = lighthouse._lowest([run(99), run(80), run(96)], 4.0)
    assert three["performance"] == 96, "three runs: the median, as `make lighthouse` reports"
