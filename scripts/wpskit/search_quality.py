"""How well the site's search ranks: a judged set of queries typed into the real search box.

Each query of tests/search_judgements.yml is typed into Material's search box of the built
site in headless Chromium, as a reader would; the result list is read in order (one entry
per page) and compared with the pages judged to answer the query. Two figures per language:
success@3 (a relevant page among the first three results) and the mean reciprocal rank
(1 / the rank of the first relevant page, 0 when none is in the first ten results shown).

Used by tests/browser/test_search_ranking.py and `make bench`; on its own:
`PYTHONPATH=scripts .venv/bin/python -m wpskit.search_quality [site-dir]`.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from . import DEFAULT_LANGUAGE

ROOT = Path(__file__).resolve().parents[2]
JUDGEMENTS = ROOT / "tests" / "search_judgements.yml"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SHOWN = 10  # Material shows the first ten results at once


@dataclass
class Judgement:
    query: str
    relevant: list[str]
    ranked: list[str] = field(default_factory=list)

    @property
    def rank(self) -> int | None:
        """The 1-based rank of the first relevant page among the results shown, or None."""
        for position, page in enumerate(self.ranked[:SHOWN], start=1):
            if page in self.relevant:
                return position
        return None


def load_judgements(path: Path = JUDGEMENTS) -> dict[str, list[Judgement]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {lang: [Judgement(row["query"], list(row["relevant"])) for row in rows] for lang, rows in data.items()}


def _language_root(lang: str, default: str = DEFAULT_LANGUAGE) -> str:
    return "" if lang == default else f"{lang}/"


WAIT_FOR_RESULTS = """() => {
  const text = JSON.parse(document.getElementById('__config').textContent).translations;
  const meta = document.querySelector('.md-search-result__meta').textContent.trim();
  const items = document.querySelectorAll('.md-search-result__item').length;
  return items > 0 || meta === text['search.result.none'];
}"""

CLEAR_RESULTS = """() => {
  document.querySelector('.md-search-result__meta').textContent = '';
  document.querySelector('.md-search-result__list').innerHTML = '';
}"""

RESULT_PAGES = """items => items.map(item => item.querySelector('a.md-search-result__link').href)"""


def open_search(page, base_url: str, lang: str) -> None:
    """Open a page of `lang` and its search box (the index loads when the box gets focus)."""
    page.goto(base_url + _language_root(lang), wait_until="load")
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.click('label.md-header__button[for="__search"]')
    box.focus()


def ranked_pages(page, base_url: str, lang: str, query: str) -> list[str]:
    """Type `query` into the open search box; the pages of the results, in order, relative
    to the language's root ("worksheets/stakeholder-map/")."""
    box = page.locator("input.md-search__input")
    page.evaluate(CLEAR_RESULTS)
    box.fill(query)
    box.press("End")  # a key event: Material reads the box on keyup (fill alone sends none)
    page.wait_for_function(WAIT_FOR_RESULTS, timeout=20000)
    links = page.eval_on_selector_all(".md-search-result__item", RESULT_PAGES)
    root = urlsplit(base_url + _language_root(lang)).path
    out = []
    for link in links:
        path = unquote(urlsplit(link).path)
        out.append(path[len(root):] if path.startswith(root) else path)
    return out


def measure(browser, base_url: str, judgements: dict[str, list[Judgement]]) -> dict:
    """Type every judged query; per language: success@3, MRR and each query's rank."""
    results = {}
    for lang, rows in judgements.items():
        context = browser.new_context(viewport={"width": 412, "height": 860})
        page = context.new_page()
        open_search(page, base_url, lang)
        for row in rows:
            row.ranked = ranked_pages(page, base_url, lang, row.query)
        context.close()
        ranks = [row.rank for row in rows]
        results[lang] = {
            "queries": len(rows),
            "success_at_3": round(sum(1 for r in ranks if r is not None and r <= 3) / len(rows), 3),
            "mrr": round(sum(1 / r for r in ranks if r is not None) / len(rows), 3),
            "ranks": {row.query: row.rank for row in rows},
            "top3": {row.query: row.ranked[:3] for row in rows},
        }
    return results


def measure_site(site: Path, path: Path = JUDGEMENTS) -> dict:
    """Serve `site`, start the system Chromium, measure the judged set."""
    from playwright.sync_api import sync_playwright

    from .serve_static import serve

    server = serve(Path(site))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return measure(browser, f"http://127.0.0.1:{server.server_address[1]}/", load_judgements(path))
            finally:
                browser.close()
    finally:
        server.shutdown()


def report(results: dict) -> str:
    lines = []
    for lang, figures in results.items():
        lines.append(f"{lang}: success@3 {figures['success_at_3']:.3f}, MRR {figures['mrr']:.3f} "
                     f"({figures['queries']} queries)")
        for query, rank in figures["ranks"].items():
            if rank is None or rank > 3:
                lines.append(f"  rank {rank or '>' + str(SHOWN)}: {query!r} → top 3 {figures['top3'][query]}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else ROOT / "site"
    print(report(measure_site(site)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
