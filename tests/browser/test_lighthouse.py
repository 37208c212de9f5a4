"""Lighthouse, mobile profile, on the home, a module and a worksheet page in each language:
accessibility, best practices and SEO 100; performance at least 95 (median of three runs,
CPU slowdown matched to the host as wpskit/lighthouse.py explains)."""

import json
import shutil

import pytest

from conftest import ROOT
from wpskit import lighthouse


@pytest.fixture(scope="module")
def scores(site):
    if shutil.which("node") is None:
        pytest.skip("Node.js is not installed: Lighthouse cannot run (install Node.js and run `make setup`)")
    assert lighthouse.available(), "Lighthouse is missing: run `npm ci` (make setup does)"
    result = lighthouse.audit(site)
    (ROOT / "dist").mkdir(exist_ok=True)
    (ROOT / "dist" / "lighthouse.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


@pytest.mark.parametrize("page", lighthouse.PAGES)
def test_lighthouse_scores(scores, page):
    row = scores["/" + page]
    assert row["accessibility"] == 100 and row["best-practices"] == 100 and row["seo"] == 100, row
    assert row["performance"] >= 95, row


@pytest.mark.parametrize("index,expected", [(2400, 4.0), (1533, 4.0), (1300, 3.0), (800, 2.0), (150, 1.0), (40, 1.0)])
def test_cpu_slowdown_emulates_the_same_phone_on_slower_hosts(index, expected):
    assert lighthouse.cpu_slowdown(index) == pytest.approx(expected, abs=0.01)
