"""The Content-Security-Policy of every page: written right, and nothing the site itself does
violates it in Chromium (every page of both languages, search, a ticked checklist, the
offline copy from file://); a script that is not the site's own is blocked."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from conftest import serve

POLICY_TAG = re.compile(r'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">'
                        r'<meta name="referrer" content="([^"]+)">')
INLINE = re.compile(r"<script(\s[^>]*)?>(.*?)</script>", re.S)
LISTEN = """() => { window.__violations = [];
  document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber)); }"""


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("assets/"))


def directives(policy: str) -> dict:
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def test_every_page_carries_the_policy_before_any_script(site):
    pages = html_pages(site)
    assert len(pages) > 100
    for path in pages:
        html = path.read_text(encoding="utf-8")
        match = POLICY_TAG.search(html)
        assert match, f"{path}: no policy right after <meta charset>"
        assert match.start() < html.find("<script"), path
        policy, referrer = directives(match.group(1)), match.group(2)
        assert referrer == "same-origin"
        scripts = policy["script-src"]
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
        for name, sources in policy.items():  # no other host: only keywords, hashes and data: images
            for source in sources:
                assert source.startswith("'") or (name == "img-src" and source == "data:"), (path, name, source)
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
        for attributes, body in INLINE.findall(html):
            if "src=" in (attributes or "") or 'type="application/json"' in (attributes or ""):
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in scripts, f"{path}: an inline script is not allowed by hash"


def _visit_all(browser, urls, then=None):
    context = browser.new_context()
    context.add_init_script(f"({LISTEN})()")
    tab = context.new_page()
    messages = []
    tab.on("console", lambda m: messages.append(f"{tab.url}: {m.text}")
           if "Content Security Policy" in m.text or "Content-Security-Policy" in m.text else None)
    violations = []
    for url in urls:
        tab.goto(url)
        tab.wait_for_load_state("load")
        violations += tab.evaluate("window.__violations")
    if then:
        then(tab)
        violations += tab.evaluate("window.__violations")
    context.close()
    return violations, messages


def _search_each(tab, searches):
    """On each (url, query): open the page, type the query into its search box, wait for results."""
    for url, query in searches:
        tab.goto(url)
        tab.wait_for_load_state("load")
        box = tab.locator("input.md-search__input")
        if not box.is_visible():
            tab.click('label.md-header__button[for="__search"]')
        box.type(query, delay=5)
        tab.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=15000)


def _search_and_tick(prefix, suffix):
    def actions(tab):
        _search_each(tab, [(prefix + suffix, "bình đẳng giới"), (prefix + "en/" + suffix, "gender equality")])
        tab.goto(prefix + "checklists/civil-society-engagement/" + suffix)
        tab.wait_for_load_state("load")
        box = tab.locator("input[type=checkbox][data-key]").first
        box.check()
        tab.reload()
        assert tab.locator("input[type=checkbox][data-key]").first.is_checked()
    return actions


def test_no_violation_on_any_page_with_search_and_a_ticked_checklist(site, browser):
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        urls = [base + p.relative_to(site).as_posix() for p in html_pages(site)]
        violations, messages = _visit_all(browser, urls, _search_and_tick(base, ""))
    finally:
        server.shutdown()
    print(f"CSP: {len(urls)} pages over http, {len(violations)} violations")
    assert violations == [] and messages == []


@pytest.fixture(scope="module")
def unzipped(offline_copy):
    return offline_copy


def test_no_violation_in_the_offline_copy_from_file(unzipped, browser):
    pages = html_pages(unzipped)
    assert len(pages) > 100
    assert all(POLICY_TAG.search(p.read_text(encoding="utf-8")) for p in pages)

    def actions(tab):  # offline pages are <name>.html; search runs in the iframe-worker frame
        _search_each(tab, [((unzipped / "index.html").as_uri(), "binh dang gioi"),
                           ((unzipped / "en/index.html").as_uri(), "gender equality")])
        tab.goto((unzipped / "checklists/civil-society-engagement.html").as_uri())
        tab.wait_for_load_state("load")
        tab.locator("input[type=checkbox][data-key]").first.check()

    violations, messages = _visit_all(browser, [p.as_uri() for p in pages], actions)
    print(f"CSP: {len(pages)} pages from file://, {len(violations)} violations")
    assert violations == [] and messages == []


def test_a_script_that_is_not_the_sites_own_is_blocked(site, browser, tmp_path):
    """The policy is not a formality: an inline script, an inline handler and a script from
    another host, slipped into a built page, do not run (and are reported)."""
    copy = tmp_path / "site"
    shutil.copytree(site / "assets", copy / "assets")
    page = (site / "about/index.html").read_text(encoding="utf-8")
    page = page.replace("</article>", '<script>window.__ran = 1</script><img src="../assets/images/logo.svg" '
                        'onload="window.__ran = 2"><script src="https://example.org/x.js"></script></article>')
    (copy / "about").mkdir()
    (copy / "about/index.html").write_text(page, encoding="utf-8")
    server = serve(copy)
    try:
        violations, messages = _visit_all(browser, [f"http://127.0.0.1:{server.server_address[1]}/about/"])
    finally:
        server.shutdown()
    assert len(violations) == 3, violations
    assert any("example.org" in v for v in violations)


def test_a_file_made_in_the_browser_downloads_through_a_blob_address(site, browser):
    """What the in-browser Word files need: a blob: download, allowed by the policy as it is."""
    server = serve(site)
    try:
        context = browser.new_context(accept_downloads=True)
        context.add_init_script(f"({LISTEN})()")
        tab = context.new_page()
        tab.goto(f"http://127.0.0.1:{server.server_address[1]}/en/worksheets/stakeholder-map/")
        with tab.expect_download() as download:
            tab.evaluate("""() => { const a = document.createElement('a');
                a.href = URL.createObjectURL(new Blob(['made here'], {type: 'text/plain'}));
                a.download = 'made-here.txt'; document.body.appendChild(a); a.click(); }""")
        assert Path(download.value.path()).read_text() == "made here"
        assert tab.evaluate("window.__violations") == []
        context.close()
    finally:
        server.shutdown()
