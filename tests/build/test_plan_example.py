"""The worked example's Word plan (module 10) names the bank's indicators by code and title in
its annex, not by their file ids, so a People's Committee reader can tell what is measured."""

import pytest
from docx import Document

from conftest import ROOT
from wpskit.load import load_toolkit

TOOLKIT = load_toolkit(ROOT)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_example_plan_annex_names_indicators_by_code_and_title(site, lang):
    plan = TOOLKIT.plans["commune-example-2026"]
    ids = [i for activity in plan.activities for i in activity.indicators]
    assert ids, "the example names no indicator: the test would prove nothing"
    document = Document(site / "downloads" / lang / f"{plan.id}.docx")
    cells = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    for indicator_id in ids:
        indicator = TOOLKIT.indicators[indicator_id]
        assert f"{indicator.code} — {indicator.title[lang]}" in cells
        assert indicator_id not in cells
