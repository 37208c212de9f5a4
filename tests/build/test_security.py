"""What a contributor writes is never run: not at build time (template code), not in the
reader's browser (script, event handlers, javascript: links), in any kind of file; limits
and messages for hostile or careless sources; builds that never break each other."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from docx import Document
from pypdf import PdfReader

from conftest import ROOT, run_cli, serve
from search_steps import search

# ---------------------------------------------------------------------------------------
# helpers


def edit(project: Path, relative: str, change) -> str:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    new = change(text)
    assert new != text, f"the test's edit of {relative} did not apply"
    path.write_text(new, encoding="utf-8")
    return new


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def replace_en_after(text: str, key_line: str, value: str) -> str:
    """Replace the first `en: …` line after the line containing key_line with `value` (YAML)."""
    lines = text.splitlines()
    start = line_of(text, key_line)
    for index in range(start - 1, len(lines)):
        match = re.match(r"^(\s*)(- )?en: ", lines[index])
        if match:
            lines[index] = f"{match.group(1)}{match.group(2) or ''}en: {value}"
            return "\n".join(lines) + "\n"
    raise AssertionError(f"no en: line after {key_line}")


def check(project: Path) -> subprocess.CompletedProcess:
    return run_cli("check", cwd=project)


def sq(text: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


# ---------------------------------------------------------------------------------------
# 1. nothing a contributor writes is evaluated

JINJA = "{{ cycler.__init__.__globals__.os.mkdir(dict(PWNED=1)|first) }}"

FRONT_MATTER_CASES = [
    ("toolkit/worksheets/stakeholder-map.yml", "title:"),
    ("toolkit/checklists/civil-society-engagement.yml", "items:"),
    ("toolkit/sessions/s01-wps-agenda.yml", "steps:"),
    ("toolkit/programmes/commune-half-day.yml", "audience:"),
    ("glossary/terms.yml", "definition:"),
]


@pytest.mark.parametrize("relative,key", FRONT_MATTER_CASES)
def test_template_code_in_data_is_refused_with_its_line(project_copy, relative, key):
    text = edit(project_copy, relative, lambda t: replace_en_after(t, key, sq("Map " + JINJA)))
    result = check(project_copy)
    assert result.returncode == 1
    line = line_of(text, JINJA)
    assert f"{relative}:{line}: " in result.stderr, result.stderr
    assert "template code" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("relative,field", [
    ("docs/en/about/index.md", "title"),
    ("docs/en/modules/01-wps-agenda.md", "description"),
    ("docs/vi/case-studies/philippines-nap.md", "title"),
])
def test_template_code_in_front_matter_is_refused(project_copy, relative, field):
    text = edit(project_copy, relative,
                lambda t: re.sub(rf"^{field}: .*$", f"{field}: {sq('About {{ 7*7 }} ' + JINJA)}", t, count=1, flags=re.M))
    result = check(project_copy)
    assert result.returncode == 1
    assert f"{relative}:{line_of(text, '7*7')}: " in result.stderr, result.stderr


def test_template_code_in_a_page_body_other_than_a_macro_call_is_refused(project_copy):
    relative = "docs/en/about/index.md"
    text = edit(project_copy, relative, lambda t: t.replace(
        "## What this toolkit is", "## What this toolkit is\n\nAnswer: {{ 7*7 }} and {% set x = 1 %} and {# hidden #}\n\n"
        '{{ tool_link("stakeholder-map") }} {{ tool_link("stakeholder-map".__class__) }}', 1))
    result = check(project_copy)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if relative in line]
    assert len(lines) == 4, result.stderr  # 7*7, {% set, {#, and the call with an attribute
    assert f"{relative}:{line_of(text, '7*7')}: " in lines[0]
    assert f"{relative}:{line_of(text, '.__class__')}: " in lines[-1]
    # the toolkit's own macros with plain values, and {% raw %} blocks, stay allowed
    assert "tool_link(\"stakeholder-map\") }}\" is template code" not in result.stderr


def test_build_with_template_code_in_a_title_stops_and_runs_nothing(project_copy):
    edit(project_copy, "toolkit/worksheets/stakeholder-map.yml",
         lambda t: replace_en_after(t, "title:", sq("Map " + JINJA)))
    result = run_cli("build", "--no-offline", cwd=project_copy)
    assert result.returncode == 1
    assert "toolkit/worksheets/stakeholder-map.yml:" in result.stderr
    assert not (project_copy / "PWNED").exists(), "the template code in the title ran"
    assert not (project_copy / "site").exists()


# ---------------------------------------------------------------------------------------
# 2. every text reaches every output as text

XSS = "<img src=x onerror=alert(1)> [x](javascript:alert(2)) \"q\" 'a' & </title><script>alert(3)</script>"


def _inject_payloads(project: Path) -> None:
    def data(relative, change):
        path = project / relative
        value = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(value)
        path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def worksheet(d):
        for lang in ("vi", "en"):
            d["title"][lang] = "W " + XSS
            d["purpose"][lang] = "P " + XSS
        d["sections"][0]["title"]["en"] = "S " + XSS
        d["instructions"][0]["en"] = "I " + XSS

    def checklist(d):
        d["title"]["en"] = "C " + XSS
        d["groups"][0]["title"]["en"] = "G " + XSS
        d["groups"][0]["items"][0]["text"]["en"] = "T " + XSS

    def session(d):
        d["title"]["en"] = "Se " + XSS
        d["steps"][0]["title"]["en"] = "St " + XSS
        d["outcomes"][0]["en"] = "O " + XSS

    def programme(d):
        d["title"]["en"] = "Pr " + XSS
        d["audience"]["en"] = "A " + XSS

    def glossary(d):
        d[0]["term"]["en"] = "Te " + XSS
        d[0]["definition"]["en"] = "D " + XSS

    data("toolkit/worksheets/stakeholder-map.yml", worksheet)
    data("toolkit/checklists/civil-society-engagement.yml", checklist)
    data("toolkit/sessions/s01-wps-agenda.yml", session)
    data("toolkit/programmes/commune-half-day.yml", programme)
    data("glossary/terms.yml", glossary)
    for relative in ("docs/en/modules/01-wps-agenda.md", "docs/en/about/index.md"):
        edit(project, relative, lambda t: re.sub(r"^title: .*$", "title: " + sq("T " + XSS), t, count=1, flags=re.M))
        edit(project, relative, lambda t: re.sub(r"^description: .*$", "description: " + sq("D " + XSS), t, count=1, flags=re.M))
    edit(project, "docs/en/modules/01-wps-agenda.md",
         lambda t: re.sub(r"^objectives:\n  - .*$", "objectives:\n  - " + sq("Ob " + XSS), t, count=1, flags=re.M))


class _Audit(HTMLParser):
    """Everything in a page that could run: event handlers, script URLs, scripts, the payload's <img>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.in_script, self.descriptions, self.title, self.in_title = [], False, [], "", False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction") and value and re.match(
                    r"\s*(javascript|vbscript|data):", value, re.I) and not value.startswith("data:image/"):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and attributes.get("src") == "x":
            self.found.append("<img src=x>")
        if tag == "meta" and attributes.get("name") == "description":
            self.descriptions.append((attributes.get("content"), sorted(attributes)))
        self.in_script = tag == "script"
        self.in_title = tag == "title"

    def handle_endtag(self, tag):
        self.in_script = self.in_title = False

    def handle_data(self, data):
        if self.in_script and "alert(" in data:
            self.found.append("a <script> holding the payload")
        if self.in_title:
            self.title += data


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory):
    import shutil

    from conftest import IGNORED
    project = tmp_path_factory.mktemp("payload") / "project"
    shutil.copytree(ROOT, project, ignore=lambda d, names: [n for n in names if n in IGNORED])
    _inject_payloads(project)
    result = run_cli("build", "--no-offline", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_payloads_in_every_kind_of_file_are_text_in_every_built_page(payload_site):
    pages = sorted(payload_site.rglob("*.html"))
    assert len(pages) > 100
    shown = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        audit = _Audit()
        audit.feed(html)
        assert not audit.found, f"{path.relative_to(payload_site)}: {audit.found}"
        for content, keys in audit.descriptions:
            assert keys == ["content", "name"], f"{path}: the description broke out of its attribute: {keys}"
        if "onerror=alert(1)" in html:
            shown += 1
    assert shown > 60  # every English page shows the titles in its navigation, as text
    about = (payload_site / "en/about/index.html").read_text(encoding="utf-8")
    audit = _Audit()
    audit.feed(about)
    assert audit.descriptions[0][0] == "D " + XSS
    assert audit.title.startswith("T " + XSS)


def test_payloads_in_titles_are_text_in_the_search_indexes(payload_site):
    for index in (payload_site / "search/search_index.json", payload_site / "en/search/search_index.json"):
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        for doc in docs:  # Material shows titles and texts as HTML: they must be escaped
            for field in ("title", "text"):
                assert "<img" not in doc[field] and "<script" not in doc[field], (index, doc["location"], field)
        assert any("&lt;img src=x onerror=alert(1)&gt;" in doc["title"] for doc in docs)


def test_no_markdown_link_comes_out_of_data(payload_site):
    for relative in ("en/downloads/index.html", "en/trainers/index.html", "en/worksheets/index.html",
                     "en/checklists/index.html", "en/modules/01-wps-agenda/index.html", "en/glossary/index.html"):
        html = (payload_site / relative).read_text(encoding="utf-8")
        assert not re.search(r"<a [^>]*href=\"\s*javascript", html, re.I), relative
        assert "[x](javascript:alert(2))" in unescape(re.sub(r"<[^>]+>", "", html)), relative  # shown as written


def test_payloads_are_text_in_pdf_and_word(payload_site):
    pdf = " ".join(p.extract_text() for p in PdfReader(payload_site / "downloads/en/civil-society-engagement.pdf").pages)
    assert "<img src=x onerror=alert(1)>" in re.sub(r"\s+", " ", pdf)
    document = Document(payload_site / "downloads/en/civil-society-engagement.docx")
    assert "C " + XSS in [p.text for p in document.paragraphs]


def test_the_browser_runs_nothing_on_any_page_or_search(payload_site, browser):
    server = serve(payload_site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    dialogs = []
    try:
        context = browser.new_context()
        tab = context.new_page()
        tab.on("dialog", lambda d: (dialogs.append((tab.url, d.message)), d.dismiss()))
        pages = sorted(p.relative_to(payload_site).as_posix() for p in payload_site.rglob("*.html")
                       if not p.relative_to(payload_site).as_posix().startswith("assets/"))
        assert "en/about/index.html" in pages and "trainers/sessions/s01-wps-agenda/index.html" in pages
        for url in pages:  # every page of both languages
            tab.goto(base + url)
            tab.wait_for_load_state("load")
            assert tab.evaluate("document.querySelectorAll('img[src=\"x\"], a[href^=\"javascript\"]').length") == 0, url
        for url, query in (("en/", "onerror"), ("", "onerror"), ("en/", "script")):
            assert search(tab, base, url, query), (url, query)
            results = tab.inner_text(".md-search-result__list")
            assert "onerror=alert(1)" in results or "javascript:alert(2)" in results
            assert tab.evaluate("document.querySelectorAll('img[src=\"x\"]').length") == 0
        context.close()
    finally:
        server.shutdown()
    assert dialogs == []


# ---------------------------------------------------------------------------------------
# 3. limits

BOMB = """id: stakeholder-map
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


# `python -m wpskit check`, reporting at exit the peak memory of its own program (VmHWM). The
# rusage of a child also holds the memory of the process it was forked from (the kernel records
# the old address space's peak at exec), which is the whole test session's by the time this runs.
CHECK_WITH_PEAK = """import atexit, runpy, sys
def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("PEAK_KB=" + line.split()[1] + "\\n")
atexit.register(peak)
sys.argv = ["wpskit", "check"]
runpy.run_module("wpskit", run_name="__main__", alter_sys=True)
"""


def test_alias_bomb_fails_check_fast_and_small(project_copy):
    (project_copy / "toolkit/worksheets/stakeholder-map.yml").write_text(BOMB, encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(project_copy / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    started = time.monotonic()
    child = subprocess.Popen([sys.executable, "-c", CHECK_WITH_PEAK], cwd=project_copy, env=environment,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killer = __import__("threading").Timer(20, child.kill)
    killer.start()
    _, status, usage = os.wait4(child.pid, 0)
    killer.cancel()
    seconds = time.monotonic() - started
    stderr = child.stderr.read().decode()
    peaks = re.findall(r"PEAK_KB=(\d+)", stderr)
    assert peaks, f"the check did not finish normally: {stderr[-2000:]}"
    peak_mb = int(peaks[-1]) / 1024
    cpu = usage.ru_utime + usage.ru_stime  # the check's own work, whatever else the machine is doing
    print(f"alias bomb: {seconds:.2f} s wall, {cpu:.2f} s CPU, {peak_mb:.0f} MB peak")
    assert os.waitstatus_to_exitcode(status) == 1, stderr
    assert cpu < 2 and seconds < 10, f"{cpu:.1f} s CPU, {seconds:.1f} s wall"
    assert peak_mb < 200, f"{peak_mb:.0f} MB"
    assert "toolkit/worksheets/stakeholder-map.yml:2: " in stderr and "anchor" in stderr, stderr


def test_an_alias_in_front_matter_is_refused(project_copy):
    relative = "docs/en/about/index.md"
    text = edit(project_copy, relative, lambda t: t.replace("description: ", "description: &d ", 1)
                .replace("\n---\n", "\nallow_terms: [*d]\n---\n", 1))
    result = check(project_copy)
    assert result.returncode == 1
    assert f"{relative}:{line_of(text, '&d')}: " in result.stderr and "anchor (&d)" in result.stderr, result.stderr


def test_a_file_over_one_megabyte_is_refused(project_copy):
    relative = "toolkit/worksheets/stakeholder-map.yml"
    edit(project_copy, relative, lambda t: t + "# " + "x" * 80 + "\n" * 0 + ("# padding " + "y" * 90 + "\n") * 55000)
    started = time.monotonic()
    result = check(project_copy)
    assert result.returncode == 1
    assert re.search(rf"{relative}: the file is 5\.\d MB; a source file may be at most 1 MB", result.stderr), result.stderr
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("relative,key,limit", [
    ("toolkit/worksheets/stakeholder-map.yml", "title:", 200),
    ("toolkit/sessions/s01-wps-agenda.yml", "steps:", 200),
    ("toolkit/checklists/civil-society-engagement.yml", "purpose:", 5000),
    ("glossary/terms.yml", "definition:", 5000),
])
def test_over_long_texts_are_refused(project_copy, relative, key, limit):
    text = edit(project_copy, relative, lambda t: replace_en_after(t, key, '"' + "Long " * 2000 + '"'))
    result = check(project_copy)
    assert result.returncode == 1
    line = line_of(text, "Long Long")
    assert f"{relative}:{line}: " in result.stderr
    assert f"at most {limit} are allowed" in result.stderr, result.stderr


def test_an_over_long_page_title_is_refused(project_copy):
    relative = "docs/en/about/index.md"
    edit(project_copy, relative, lambda t: re.sub(r"^title: .*$", "title: " + "About " * 50, t, count=1, flags=re.M))
    result = check(project_copy)
    assert f"{relative}:2: " in result.stderr and "at most 200 are allowed" in result.stderr, result.stderr


@pytest.mark.parametrize("relative,key", FRONT_MATTER_CASES)
def test_control_characters_are_refused_before_they_reach_word(project_copy, relative, key):
    text = edit(project_copy, relative, lambda t: replace_en_after(t, key, '"Bell \\a and escape \\e"'))
    result = check(project_copy)
    assert result.returncode == 1
    assert f"{relative}:{line_of(text, 'Bell')}: " in result.stderr
    assert "control character (U+0007)" in result.stderr, result.stderr
    build = run_cli("build", "--no-offline", cwd=project_copy)
    assert build.returncode == 1 and "Traceback" not in build.stderr + build.stdout


# ---------------------------------------------------------------------------------------
# 6. one problem, one message


def test_a_parse_error_comes_without_follow_on_errors(project_copy):
    relative = "toolkit/worksheets/local-action-plan.yml"
    edit(project_copy, relative, lambda t: t.replace("minutes:", "minutes: [", 1))
    result = check(project_copy)
    problems = [line for line in result.stderr.splitlines() if line.startswith("  ")]
    assert len(problems) == 1, result.stderr
    assert problems[0].startswith(f"  {relative}:") and "not valid YAML" in problems[0]


def test_an_unreadable_module_page_gives_no_follow_on_errors(project_copy):
    relative = "docs/vi/modules/05-local-action-plan.md"
    edit(project_copy, relative, lambda t: t.replace("order:", "order: [", 1))
    edit(project_copy, "docs/en/modules/05-local-action-plan.md", lambda t: t.replace("order:", "order: [", 1))
    result = check(project_copy)
    problems = [line for line in result.stderr.splitlines() if line.startswith("  ")]
    assert len(problems) == 2, result.stderr
    assert all("not valid YAML" in p for p in problems)


def test_a_byte_order_mark_is_named(project_copy):
    relative = "docs/en/about/index.md"
    path = project_copy / relative
    path.write_text("\ufeff" + path.read_text(encoding="utf-8"), encoding="utf-8")
    result = check(project_copy)
    assert f"{relative}:1: the file starts with an invisible byte-order mark (BOM)" in result.stderr, result.stderr
    assert "no front matter" not in result.stderr


def test_a_day_past_midnight_is_named_as_such(project_copy):
    relative = "toolkit/programmes/commune-half-day.yml"
    text = edit(project_copy, relative, lambda t: t.replace('end: "11:30"', 'end: "24:30"', 1))
    result = check(project_copy)
    assert f"{relative}:{line_of(text, '24:30')}: \"24:30\" is not a clock time of one day" in result.stderr, result.stderr
    assert "not a valid id" not in result.stderr
    text = edit(project_copy, relative, lambda t: t.replace('end: "24:30"', "end: 24:30", 1))
    result = check(project_copy)
    assert "is not a clock time of one day" in result.stderr and "not a valid id" not in result.stderr, result.stderr
    text = edit(project_copy, relative, lambda t: t.replace("end: 24:30", 'end: "23:59"', 1).replace('start: "08:00"', 'start: "22:00"', 1))
    result = check(project_copy)
    assert re.search(r"run past midnight \(to 0\d:\d\d the next day\)", result.stderr), result.stderr


# ---------------------------------------------------------------------------------------
# 4. builds that never break each other; fonts


def test_two_builds_at_once_never_publish_a_broken_site(project_copy):
    environment = {**os.environ, "PYTHONPATH": str(project_copy / "scripts"), "NO_MKDOCS_2_WARNING": "1",
                   "WPS_CACHE_DIR": str(ROOT / ".cache" / "downloads")}
    command = [sys.executable, "-m", "wpskit", "build"]
    first = subprocess.Popen(command, cwd=project_copy, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.5)
    second = subprocess.Popen(command, cwd=project_copy, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    outputs = [process.communicate(timeout=900) for process in (first, second)]
    codes = [first.returncode, second.returncode]
    site = project_copy / "site"
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert (site / "index.html").exists() and (site / "en/index.html").exists()
    assert "downloads/wps-toolkit-offline.zip" in files
    if codes != [0, 0]:
        assert sorted(codes) == [0, 1], outputs
        loser = outputs[codes.index(1)]
        assert "Another build is running in this folder" in loser[1], loser
    # the published site is complete: a third, lone build publishes the same files
    third = run_cli("build", cwd=project_copy)
    assert third.returncode == 0, third.stderr
    assert files == sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert not list(project_copy.glob("site.partial*")) and not list((project_copy / "dist").glob("*.tmp"))


def test_a_missing_bundled_font_fails_the_build(project_copy):
    (project_copy / "scripts/wpskit/render/fonts/NotoSans-Bold.ttf").unlink()
    result = run_cli("build", "--no-offline", cwd=project_copy)
    assert result.returncode == 1
    assert "scripts/wpskit/render/fonts/NotoSans-Bold.ttf: this bundled font is missing" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------------------------------
# 5. stored checklist ticks


@pytest.mark.parametrize("stored", ["null", "42", '"abc"', "[1,2]", "true", "{broken"])
def test_stored_ticks_that_are_not_an_object_start_empty_and_then_persist(base_url, page, stored):
    url = base_url + "en/checklists/civil-society-engagement/"
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.evaluate("value => localStorage.setItem('wps-checklist:civil-society-engagement', value)", stored)
    page.reload()
    boxes = page.locator("input[type=checkbox][data-key]")
    total = boxes.count()
    progress = page.locator(".wps-progress")
    assert re.search(rf"\b0\b.*\b{total}\b", progress.inner_text()), progress.inner_text()
    boxes.nth(0).check()
    boxes.nth(2).check()
    assert re.search(rf"\b2\b.*\b{total}\b", progress.inner_text())
    page.reload()
    assert boxes.nth(0).is_checked() and boxes.nth(2).is_checked() and not boxes.nth(1).is_checked()
    page.click(".wps-reset")
    assert re.search(rf"\b0\b.*\b{total}\b", progress.inner_text())
    page.reload()
    assert not boxes.nth(0).is_checked()
    assert errors == []


@pytest.mark.parametrize("relative", ["docs/en/about/index.md", "docs/vi/modules/03-localization.md",
                                      "docs/en/contribute/worksheet.md"])
def test_script_in_a_page_body_is_refused_but_code_may_show_it(project_copy, relative):
    body = ("\n\nSee [x](javascript:alert(1)) here.\n\n<a href=\"vbscript:msgbox\">y</a>\n\n"
            "<img src=x onerror=alert(1)>\n\n<script>alert(1)</script>\n\n"
            "Example: `<script>shown</script>` and\n\n```html\n<iframe src=\"x\" onload=\"y\"></iframe>\n```\n")
    text = edit(project_copy, relative, lambda t: t + body)
    result = check(project_copy)
    assert result.returncode == 1
    lines = sorted(int(line.split(":")[1]) for line in result.stderr.splitlines() if line.startswith(f"  {relative}:"))
    expected = [line_of(text, "javascript:alert"), line_of(text, "vbscript"), line_of(text, "onerror"),
                line_of(text, "<script>alert")]
    assert lines == sorted(expected), result.stderr
