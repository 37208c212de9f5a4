"""`make bench`: how long builds take and how heavy the site is, as a table and as JSON.

All runs happen in one process run, one after the other, on a copy of the project. The
warm builds take turns for REPEATS rounds, the ones compared with each other next to each
other; a time is a measure's fastest run, a ratio the median over the rounds of the ratio
of two runs made next to each other (they share the machine's speed of the moment):
  cold        full build, both languages, all downloads, empty download cache
  rebuild     the same again, nothing changed (downloads come from the cache)
  make build  `make build` again, nothing changed: the offline bundle is kept (bundle_key.py),
              the site rebuilt; compared with plain Material on the source pages (a
              mkdocs.yml with only the Material theme and docs_dir: docs), target ≤ 3 ×
  preview     one language (vi), cache warm
  yardstick   the same pages built by Material with its search plugin only (no i18n, no
              macros, no hooks, no downloads): the final Markdown of every page the site
              builds — prose pages with their macros expanded, and the generated worksheet,
              checklist, session and programme pages — exported by an untimed build
              (WPS_EXPORT_MARKDOWN), so both builds render the same pages and the ratio is the
              cost of the toolkit's machinery. For the record, Material on the source Markdown
              alone (macros unexpanded, generated pages missing) is reported too, and so is
              Material on the Vietnamese half of the same pages: one language ÷ both is how far
              a preview can go below the full build in this stack, whatever the toolkit does.
  scale ×5, ×10  the modules and case studies replicated; full build and vi preview, cache
              warm, taking turns with the ×1 rebuild; linear growth means the ×10 build takes
              no longer than the straight line through ×1 and ×5 predicts (the pages added at
              each step are the same mix, so the comparison is fair; time per page is not, as
              the copies are longer than the average page)
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPEATS = 5
COPY_IGNORE = {".venv", "node_modules", "site", "site.partial", "site.old", ".cache", ".git", ".pytest_cache",
               "__pycache__", "dist"}


def _copy(target: Path) -> Path:
    shutil.copytree(ROOT, target, ignore=lambda d, names: [n for n in names if n in COPY_IGNORE])
    # npm packages are linked, not copied: they are not the project's sources, and the ignore list
    # above would drop their own dist/ folders (Workbox then fails to load)
    if (ROOT / "node_modules").is_dir():
        (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


def _timed(command, cwd: Path, env: dict | None = None) -> float:
    environment = {**os.environ, "PYTHONPATH": str(cwd / "scripts"), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    started = time.monotonic()
    result = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"benchmark step failed: {' '.join(map(str, command))}\n{result.stdout}\n{result.stderr}")
    return elapsed


def _rounds(measures: dict, rounds: int = REPEATS) -> dict:
    """Each measure's times over a few rounds, the measures taking turns in each round, in
    the order given, so that measures compared with each other run next to each other."""
    times: dict = {name: [] for name in measures}
    for _ in range(rounds):
        for name, measure in measures.items():
            times[name].append(measure())
    return times


def _paired(times: dict, numerator, denominator) -> float:
    """The median, over the rounds, of one measure's time ÷ another's in the same round.
    On a shared machine the CPU's speed drifts (±30 % seen between identical runs, over
    seconds to minutes); two runs next to each other share it, so their ratio is steadier
    than the ratio of two fastest runs taken from different moments."""
    return statistics.median(a / b for a, b in zip(times[numerator], times[denominator]))


def _build(project: Path, *args, env: dict | None = None) -> float:
    return _timed([sys.executable, "-m", "wpskit", "build", "--no-offline", *args], project, env)


def _make_build(project: Path) -> float:
    """`make build` itself: the offline bundle (kept while nothing it is built from changed), then the site."""
    return _timed([sys.executable, "-m", "wpskit", "build"], project)


def _plain_material(project: Path) -> float:
    """Plain Material on the source pages: a mkdocs.yml with only the Material theme and docs_dir: docs."""
    config = project / "plain-material.yml"
    config.write_text("site_name: plain\ndocs_dir: docs\nsite_dir: plain-site\ntheme:\n  name: material\n", encoding="utf-8")
    return _timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], project)


def _preview(project: Path) -> float:
    return _build(project, "--lang", "vi", "--site-dir", "preview-site")


def _yardstick(project: Path, docs_dir: str) -> float:
    config = project / "yardstick.yml"
    extensions = re.search(r"^markdown_extensions:\n((?:  .*\n)+)", (project / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    config.write_text(
        f"site_name: yardstick\ndocs_dir: {docs_dir}\nsite_dir: yardstick-site\ntheme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\nmarkdown_extensions:\n" + extensions.group(1), encoding="utf-8")
    return _timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], project)


def _export_final_markdown(project: Path) -> str:
    """An untimed build that writes the final Markdown of every page (and copies the other
    files of docs/, such as images) into final-markdown/, the yardstick's docs_dir."""
    export = project / "final-markdown"
    shutil.copytree(project / "docs", export, ignore=shutil.ignore_patterns("*.md"))
    _build(project, "--site-dir", "export-site", env={"WPS_EXPORT_MARKDOWN": str(export)})
    return export.name


def _pages_built(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html")) - sum(1 for _ in site.glob("assets/**/index.html"))


def _replicate(project: Path, times: int) -> None:
    """Copy every module and case study `times - 1` more times (new ids)."""
    for lang in ("vi", "en"):
        for folder in ("modules", "case-studies"):
            for page in sorted((project / "docs" / lang / folder).glob("*.md")):
                if page.name == "index.md" or "-copy" in page.stem:
                    continue
                text = page.read_text(encoding="utf-8")
                for n in range(2, times + 1):
                    new_id = f"{page.stem}-copy{n}"
                    copy = re.sub(rf"^id: {re.escape(page.stem)}$", f"id: {new_id}", text, count=1, flags=re.M)
                    (page.parent / f"{new_id}.md").write_text(copy, encoding="utf-8")


def _gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def page_weight(site: Path, page: str) -> dict:
    """Bytes (gzip) of a first visit: the HTML and what it loads before the reader searches."""
    html_path = site / page / "index.html"
    html = html_path.read_text(encoding="utf-8")
    assets = set(re.findall(r'<(?:script|img)[^>]+src="([^"]+)"', html))
    assets |= set(re.findall(r'<link[^>]+rel="(?:stylesheet|icon)"[^>]+href="([^"]+)"', html))
    assets |= set(re.findall(r'<link[^>]+href="([^"]+)"[^>]+rel="(?:stylesheet|icon)"', html))
    worker = re.search(r'"search": "([^"]+)"', html)
    files = [(html_path.parent / a).resolve() for a in assets if "://" not in a]
    if worker:
        files.append((html_path.parent / worker.group(1)).resolve())
        lunr = site / "assets" / "javascripts" / "lunr" / "min"
        files += [lunr / "lunr.stemmer.support.min.js", lunr / f"lunr.{'en' if page.startswith('en/') else 'vi'}.min.js"]
    files = [f for f in files if f.exists()]
    first = _gz(html_path) + sum(_gz(f) for f in files)
    return {"first_visit_bytes": first, "repeat_visit_bytes": _gz(html_path)}


def index_sizes(site: Path) -> dict:
    from .search_index import unfolded_size
    out = {}
    for lang, path in (("vi", site / "search" / "search_index.json"), ("en", site / "en" / "search" / "search_index.json")):
        index = json.loads(path.read_text(encoding="utf-8"))
        size = path.stat().st_size
        out[lang] = {"bytes": size, "gzip_bytes": _gz(path), "unfolded_bytes": unfolded_size(index),
                     "growth": round(size / unfolded_size(index), 3)}
    return out


def run() -> dict:
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="wps-bench-") as temporary:
        project = _copy(Path(temporary) / "project")
        results["cold_build_s"] = _build(project)
        final_markdown = _export_final_markdown(project)
        results["first_make_build_s"] = _make_build(project)  # makes the offline bundle once
        scaled = {1: project}
        for factor in (5, 10):
            scaled[factor] = _copy(Path(temporary) / f"scaled{factor}")
            shutil.copytree(project / ".cache", scaled[factor] / ".cache")
            _replicate(scaled[factor], factor)
            _build(scaled[factor])  # warm-up, untimed
        times = _rounds({
            "make_build": partial(_make_build, project),
            "plain_material": partial(_plain_material, project),
            ("build", 1): partial(_build, project),
            ("preview", 1): partial(_preview, project),
            "yardstick": partial(_yardstick, project, final_markdown),
            "yardstick_vi": partial(_yardstick, project, f"{final_markdown}/vi"),
            "yardstick_source_only": partial(_yardstick, project, "docs"),
            **{(kind, factor): partial(measure, scaled[factor])
               for factor in (5, 10) for kind, measure in (("build", _build), ("preview", _preview))},
        })
        fastest = {name: min(values) for name, values in times.items()}
        results["rebuild_s"] = fastest[("build", 1)]
        results["make_build_unchanged_s"] = fastest["make_build"]
        results["plain_material_s"] = fastest["plain_material"]
        results["preview_vi_s"] = fastest[("preview", 1)]
        results["yardstick_s"] = fastest["yardstick"]
        results["yardstick_source_only_s"] = fastest["yardstick_source_only"]
        results["yardstick_vi_s"] = fastest["yardstick_vi"]
        results["rounds"] = {"/".join(map(str, name)) if isinstance(name, tuple) else name: [round(t, 2) for t in values]
                             for name, values in times.items()}
        site = project / "site"
        results["pages"] = _pages_built(site)
        results["downloads"] = sum(1 for p in (site / "downloads").rglob("*") if p.is_file())
        results["page_weight"] = {page: page_weight(site, page) for page in
                                  ("", "en", "modules/03-localization", "en/modules/03-localization",
                                   "worksheets/local-action-plan", "en/worksheets/local-action-plan")}
        results["search_index"] = index_sizes(site)
        from .search_quality import measure_site
        results["search_quality"] = {lang: {k: v for k, v in figures.items() if k in ("queries", "success_at_3", "mrr")}
                                     for lang, figures in measure_site(site).items()}
        scaling = []
        for factor, folder in scaled.items():
            row = {"times": factor, "source_pages": sum(1 for _ in (folder / "docs").rglob("*.md")),
                   "pages_built": _pages_built(folder / "site"), "build_s": fastest[("build", factor)],
                   "preview_vi_s": fastest[("preview", factor)]}
            row["preview_vs_full"] = round(_paired(times, ("preview", factor), ("build", factor)), 2)
            row["s_per_page"] = round(row["build_s"] / row["pages_built"], 4)
            scaling.append(row)
        for before, after in zip(scaling, scaling[1:]):
            after["ms_per_added_page"] = round(1000 * (after["build_s"] - before["build_s"])
                                               / (after["pages_built"] - before["pages_built"]), 1)
        results["scaling"] = scaling
    pages = [row["pages_built"] for row in scaling]
    results["ratios"] = {
        "rebuild_vs_yardstick": round(_paired(times, ("build", 1), "yardstick"), 2),
        "make_build_unchanged_vs_plain_material": round(_paired(times, "make_build", "plain_material"), 2),
        "rebuild_vs_source_only_yardstick": round(_paired(times, ("build", 1), "yardstick_source_only"), 2),
        "preview_vs_full": scaling[0]["preview_vs_full"],
        "yardstick_one_language_vs_both": round(_paired(times, "yardstick_vi", "yardstick"), 2),
        "build_10x_vs_linear": round(statistics.median(
            t10 / _on_the_line((pages[0], t1), (pages[1], t5), pages[2])
            for t1, t5, t10 in zip(times[("build", 1)], times[("build", 5)], times[("build", 10)])), 2),
        "s_per_page_10x_vs_1x": round(scaling[-1]["s_per_page"] / scaling[0]["s_per_page"], 2),
        "added_page_cost_5to10_vs_1to5": round(scaling[2]["ms_per_added_page"] / scaling[1]["ms_per_added_page"], 2),
    }
    return results


def _on_the_line(first: tuple, second: tuple, pages: int) -> float:
    """The build time for `pages` on the straight line through two (pages, seconds) points."""
    per_page = (second[1] - first[1]) / (second[0] - first[0])
    return second[1] + per_page * (pages - second[0])


def table(results: dict) -> str:
    lines = ["| measure | value | target |", "|---|---|---|"]
    r, ratio = results, results["ratios"]
    lines += [
        f"| cold full build (both languages, all downloads) | {r['cold_build_s']:.1f} s | < 60 s |",
        f"| rebuild, nothing changed | {r['rebuild_s']:.1f} s | ≤ 1.3 × yardstick |",
        f"| yardstick: Material + search on the same {r['pages']} pages (final Markdown) | {r['yardstick_s']:.1f} s | — |",
        f"| rebuild ÷ yardstick | {ratio['rebuild_vs_yardstick']} | ≤ 1.3 |",
        f"| `make build`, nothing changed (offline bundle kept, site rebuilt) | {r['make_build_unchanged_s']:.1f} s "
        f"(first, bundle made: {r['first_make_build_s']:.1f} s) | — |",
        f"| plain Material on the source pages (only the Material theme, docs_dir: docs) | {r['plain_material_s']:.1f} s | — |",
        f"| rebuild ÷ plain Material on the source pages (`make build` unchanged ÷ it) | "
        f"{ratio['make_build_unchanged_vs_plain_material']} | ≤ 3 |",
        f"| (for the record) Material on the source Markdown only, macros unexpanded | "
        f"{r['yardstick_source_only_s']:.1f} s (rebuild ÷ it: {ratio['rebuild_vs_source_only_yardstick']}) | — |",
        f"| one-language preview (vi) | {r['preview_vi_s']:.1f} s | — |",
        f"| preview ÷ full rebuild | {ratio['preview_vs_full']} | ≤ 0.6 |",
        f"| (for comparison) Material alone on the same pages: Vietnamese only ({r['yardstick_vi_s']:.1f} s) ÷ "
        f"both languages | {ratio['yardstick_one_language_vs_both']} | — |",
        f"| pages built / downloads | {r['pages']} / {r['downloads']} | — |",
    ]
    for page, weight in r["page_weight"].items():
        lines.append(f"| page weight /{page} (gzip): first / repeat visit | {weight['first_visit_bytes'] / 1024:.1f} KB / "
                     f"{weight['repeat_visit_bytes'] / 1024:.1f} KB | ≤ 100 KB / ≤ 20 KB |")
    for lang, size in r["search_index"].items():
        lines.append(f"| search index {lang}: bytes (gzip), growth from folding | {size['bytes'] / 1024:.0f} KB "
                     f"({size['gzip_bytes'] / 1024:.0f} KB), × {size['growth']} | ≤ × 2 |")
    for lang, quality in r["search_quality"].items():
        lines.append(f"| search {lang}: judged queries, success@3 / mean reciprocal rank | {quality['queries']}: "
                     f"{quality['success_at_3']:.2f} / {quality['mrr']:.2f} | ≥ 0.95 / — |")
    for row in r["scaling"]:
        lines.append(f"| scale × {row['times']}: {row['source_pages']} source pages, {row['pages_built']} built | {row['build_s']:.1f} s "
                     f"({row['s_per_page'] * 1000:.0f} ms/page) | linear |")
        if row["times"] != 1:  # × 1 is the preview line above
            lines.append(f"| scale × {row['times']}: one-language preview ÷ full | {row['preview_vs_full']} | ≤ 0.6 |")
    lines.append(f"| × 10 build ÷ the straight line through × 1 and × 5 | {ratio['build_10x_vs_linear']} | "
                 "≤ 1 (no faster than linear) |")
    lines.append(f"| (for the record) cost of an added page, × 1 → × 5 and × 5 → × 10 | {r['scaling'][1]['ms_per_added_page']} → "
                 f"{r['scaling'][2]['ms_per_added_page']} ms | — |")
    lines.append(f"| (for the record) time per built page at × 10 ÷ at × 1 (the copies are long module pages) | "
                 f"{ratio['s_per_page_10x_vs_1x']} | — |")
    lines.append(f"\nTimes: the fastest of {REPEATS} runs. Ratios: the median of {REPEATS} ratios, each of two runs made "
                 "one after the other.")
    return "\n".join(lines)


def main() -> int:
    results = run()
    out = ROOT / "dist" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(table(results))
    print(f"\n(written to {out.relative_to(ROOT)})")
    return 0
