"""Lighthouse, mobile profile, on the home, a module and a worksheet page in each language:
accessibility, best practices and SEO 100; performance at least 95."""

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
