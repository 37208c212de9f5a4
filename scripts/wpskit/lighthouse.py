"""`make lighthouse`: Lighthouse (npm, mobile profile) on key pages of the built site, served
with compression like a real host, using the system Chromium (CHROME_PATH)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from .serve_static import serve

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = ["", "modules/03-localization/", "worksheets/local-action-plan/",
         "en/", "en/modules/03-localization/", "en/worksheets/local-action-plan/"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"


def _port() -> int:
    """8000 is the site_url of local builds (canonical links match); any free port otherwise."""
    with socket.socket() as probe:
        return 8000 if probe.connect_ex(("127.0.0.1", 8000)) != 0 else 0


def audit(site: Path, pages=PAGES) -> dict:
    chrome = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    server = serve(site, _port())
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    scores = {}
    try:
        with tempfile.TemporaryDirectory() as folder:
            for page in pages:
                out = Path(folder) / "report.json"
                subprocess.run([str(LIGHTHOUSE), base + page, "--quiet", f"--chrome-flags={FLAGS}",
                                f"--only-categories={','.join(CATEGORIES)}", "--output=json", f"--output-path={out}"],
                               env={**os.environ, "CHROME_PATH": chrome}, check=True, capture_output=True, timeout=240)
                report = json.loads(out.read_text(encoding="utf-8"))
                scores["/" + page] = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
                scores["/" + page]["failing"] = [
                    a for c in CATEGORIES for ref in report["categories"][c]["auditRefs"]
                    for a in [ref["id"]] if ref.get("weight") and (report["audits"][a]["score"] or 0) < 1
                    and report["audits"][a]["score"] is not None]
    finally:
        server.shutdown()
    return scores


def available() -> bool:
    return LIGHTHOUSE.exists() and shutil.which("node") is not None


def main() -> int:
    if not available():
        print("Lighthouse is not installed: run `npm ci` (Node.js and npm needed).")
        return 1
    scores = audit(ROOT / "site")
    print("| page | performance | accessibility | best practices | SEO |\n|---|---|---|---|---|")
    for page, row in scores.items():
        print(f"| {page} | {row['performance']} | {row['accessibility']} | {row['best-practices']} | {row['seo']} |")
    (ROOT / "dist").mkdir(exist_ok=True)
    (ROOT / "dist" / "lighthouse.json").write_text(json.dumps(scores, indent=2), encoding="utf-8")
    return 0
