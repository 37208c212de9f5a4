"""Text from data is text: a title with <script> shows as those characters on the page,
in the PDF and in the DOCX, and never runs."""

import re

from docx import Document
from pypdf import PdfReader

from conftest import run_cli, serve

TITLE = '<script>window.__xss=1</script> Bản đồ <b>các bên</b> & "đối tác"'


def test_script_in_a_title_is_shown_as_text_everywhere(project_copy, browser):
    path = project_copy / "toolkit" / "worksheets" / "stakeholder-map.yml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^title:(\n  .*)+|^title:.*", "title:\n  vi: '" + TITLE.replace("'", "''") + "'\n  en: 'Stakeholder map'",
                  text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    result = run_cli("build", "--no-offline", cwd=project_copy)  # the web pages and downloads are what is checked
    assert result.returncode == 0, result.stderr
    site = project_copy / "site"

    server = serve(site)
    try:
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        for url in (base + "worksheets/stakeholder-map/", base + "worksheets/", base + "downloads/"):
            page.goto(url)
            assert page.evaluate("window.__xss") is None, f"script ran on {url}"
            assert TITLE in page.inner_text("article"), f"title not shown as text on {url}"
        assert page.evaluate("document.querySelectorAll('article b').length") == 0
        page.close()
    finally:
        server.shutdown()
    assert not dialogs

    pdf_text = " ".join(p.extract_text() for p in PdfReader(site / "downloads/vi/stakeholder-map.pdf").pages)
    assert "<script>window.__xss=1</script>" in re.sub(r"\s+", " ", pdf_text)
    document = Document(site / "downloads/vi/stakeholder-map.docx")
    assert TITLE in [p.text for p in document.paragraphs]
