"""`make bench`: how long builds take and how heavy the site is, as a table and as JSON.

All runs happen in one process run, one after the other, on a copy of the project, so the
ratios compare like with like:
  cold        full build, both languages, all downloads, empty download cache
  rebuild     the same again, nothing changed (downloads come from the cache)
  preview     one language (vi), cache warm
  yardstick   the same Markdown built by Material with its search plugin only
              (no i18n, no macros, no hooks, no downloads)
  scale ×5, ×10  the modules and case studies replicated, full build, cache warm
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COPY_IGNORE = {".venv", "site", "site.partial", "site.old", ".cache", ".git", ".pytest_cache", "__pycache__", "dist"}


def _copy(target: Path) -> Path:
    shutil.copytree(ROOT, target, ignore=lambda d, names: [n for n in names if n in COPY_IGNORE])
    return target


def _timed(command, cwd: Path, env: dict | None = None) -> float:
    environment = {**os.environ, "PYTHONPATH": str(cwd / "scripts"), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    started = time.monotonic()
    result = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"benchmark step failed: {' '.join(map(str, command))}\n{result.stdout}\n{result.stderr}")
    return elapsed


def _build(project: Path, *args) -> float:
    return _timed([sys.executable, "-m", "wpskit", "build", "--no-offline", *args], project)


def _yardstick(project: Path) -> float:
    config = project / "yardstick.yml"
    extensions = re.search(r"^markdown_extensions:\n((?:  .*\n)+)", (project / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    config.write_text(
        "site_name: yardstick\ndocs_dir: docs\nsite_dir: yardstick-site\ntheme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\nmarkdown_extensions:\n" + extensions.group(1), encoding="utf-8")
    return _timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], project)


def _replicate(project: Path, times: int) -> int:
    """Copy every module and case study `times - 1` more times (new ids); return the page count."""
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
    return sum(1 for _ in (project / "docs").rglob("*.md"))


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
        results["rebuild_s"] = _build(project)
        results["preview_vi_s"] = _build(project, "--lang", "vi", "--site-dir", "preview-site")
        results["yardstick_s"] = _yardstick(project)
        site = project / "site"
        results["pages"] = sum(1 for _ in site.rglob("index.html")) - sum(1 for _ in site.glob("assets/**/index.html"))
        results["downloads"] = sum(1 for p in (site / "downloads").rglob("*") if p.is_file())
        results["page_weight"] = {page: page_weight(site, page) for page in
                                  ("", "en", "modules/03-localization", "en/modules/03-localization",
                                   "worksheets/local-action-plan", "en/worksheets/local-action-plan")}
        results["search_index"] = index_sizes(site)
        scaling = [{"times": 1, "source_pages": sum(1 for _ in (project / "docs").rglob("*.md")),
                    "build_s": results["rebuild_s"]}]
        for times in (5, 10):
            scaled = _copy(Path(temporary) / f"scaled{times}")
            shutil.copytree(project / ".cache", scaled / ".cache")
            pages = _replicate(scaled, times)
            scaling.append({"times": times, "source_pages": pages, "build_s": _build(scaled)})
            shutil.rmtree(scaled)
        for row in scaling:
            row["s_per_page"] = round(row["build_s"] / row["source_pages"], 4)
        results["scaling"] = scaling
    results["ratios"] = {
        "rebuild_vs_yardstick": round(results["rebuild_s"] / results["yardstick_s"], 2),
        "preview_vs_full": round(results["preview_vi_s"] / results["rebuild_s"], 2),
        "s_per_page_10x_vs_1x": round(scaling[-1]["s_per_page"] / scaling[0]["s_per_page"], 2),
    }
    return results


def table(results: dict) -> str:
    lines = ["| measure | value | target |", "|---|---|---|"]
    r, ratio = results, results["ratios"]
    lines += [
        f"| cold full build (both languages, all downloads) | {r['cold_build_s']:.1f} s | < 60 s |",
        f"| rebuild, nothing changed | {r['rebuild_s']:.1f} s | ≤ 1.3 × yardstick |",
        f"| yardstick (Material + search, same Markdown) | {r['yardstick_s']:.1f} s | — |",
        f"| rebuild ÷ yardstick | {ratio['rebuild_vs_yardstick']} | ≤ 1.3 |",
        f"| one-language preview (vi) | {r['preview_vi_s']:.1f} s | — |",
        f"| preview ÷ full rebuild | {ratio['preview_vs_full']} | ≤ 0.6 |",
        f"| pages built / downloads | {r['pages']} / {r['downloads']} | — |",
    ]
    for page, weight in r["page_weight"].items():
        lines.append(f"| page weight /{page} (gzip): first / repeat visit | {weight['first_visit_bytes'] / 1024:.1f} KB / "
                     f"{weight['repeat_visit_bytes'] / 1024:.1f} KB | ≤ 100 KB / ≤ 20 KB |")
    for lang, size in r["search_index"].items():
        lines.append(f"| search index {lang}: bytes (gzip), growth from folding | {size['bytes'] / 1024:.0f} KB "
                     f"({size['gzip_bytes'] / 1024:.0f} KB), × {size['growth']} | ≤ × 1.5 |")
    for row in r["scaling"]:
        lines.append(f"| scale × {row['times']}: {row['source_pages']} source pages | {row['build_s']:.1f} s "
                     f"({row['s_per_page'] * 1000:.0f} ms/page) | linear |")
    lines.append(f"| time per page at × 10 ÷ at × 1 | {ratio['s_per_page_10x_vs_1x']} | ≤ 1 (no worse than linear) |")
    return "\n".join(lines)


def main() -> int:
    results = run()
    out = ROOT / "dist" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(table(results))
    print(f"\n(written to {out.relative_to(ROOT)})")
    return 0
