"""Searching as a reader does, shared by the search, indicator and security tests."""

import re


def search(page, base_url, path, query):
    """Type `query` into the search box of the page at `path`; return every result link."""
    page.goto(base_url + path, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.click('label.md-header__button[for="__search"]')
    box.fill("")
    box.type(query, delay=5)
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && (/\\d/.test(m.textContent) || document.querySelectorAll('.md-search-result__item').length > 0"
        " || /(Không|No matching)/.test(m.textContent)) }", timeout=15000)
    meta = page.inner_text(".md-search-result__meta")
    expected = int(re.search(r"\d+", meta.replace(".", "").replace(",", "")).group()) if re.search(r"\d", meta) else 0
    for _ in range(60):  # Material adds results in batches each time the list is scrolled to its end
        if page.eval_on_selector_all(".md-search-result__item", "items => items.length") >= expected:
            break
        page.eval_on_selector(".md-search__scrollwrap", "wrap => wrap.scrollTo(0, 0)")
        page.wait_for_timeout(60)
        page.eval_on_selector(".md-search__scrollwrap", "wrap => wrap.scrollTo(0, wrap.scrollHeight)")
        page.wait_for_timeout(120)
    return page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
