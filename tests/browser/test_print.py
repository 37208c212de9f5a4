"""A module page printed from Chromium: the trainer notes are left out, the rest is printed."""

import io
import re

from pypdf import PdfReader


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
