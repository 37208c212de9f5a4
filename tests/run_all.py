"""`make test`: every test file of tests/unit, tests/build and tests/browser, in a few pytest
processes at once (most browser tests wait on pages, most build tests on subprocesses, so
one process leaves a core idle much of the time).

    .venv/bin/python tests/run_all.py [pytest options, e.g. -m "not browser" or -x] [tests/<folder or file> …]

The files are dealt to STREAMS processes by their usual duration (WEIGHTS, seconds measured
on the 2-core machine; a file not listed counts as DEFAULT_WEIGHT), each process with a
temporary folder of its own (--basetemp). Lighthouse needs a quiet machine: while it runs,
the other processes start no new test (tests/quiet_machine.py). Each process's output is
printed when it ends, then one closing line for all: "N passed, N failed".
A plain `pytest -q tests` runs the same tests in one process.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STREAMS = int(os.environ.get("WPS_TEST_STREAMS", "5"))
DEFAULT_WEIGHT = 20
WEIGHTS = {  # seconds, measured with --durations on a busy machine (only their ratios matter)
    "browser/test_browser.py": 510, "browser/test_search.py": 280, "browser/test_csp.py": 200,
    "browser/test_search_ranking.py": 90, "browser/test_pwa.py": 75, "browser/test_indicators_browser.py": 70,
    "browser/test_plan_builder.py": 30, "browser/test_fill_in.py": 30, "browser/test_offline.py": 12,
    "browser/test_print.py": 10, "browser/test_performance.py": 6, "browser/test_tools_on_the_web.py": 6,
    "browser/test_lighthouse.py": 0,  # every process waits while it runs: it delays all alike
    "build/test_security.py": 330, "build/test_handbooks.py": 170, "build/test_rebuild_cache.py": 60,
    "build/test_html_validity.py": 50, "build/test_l10n.py": 35, "build/test_escaping.py": 30,
    "build/test_indicators.py": 25, "build/test_trainers.py": 10, "build/test_downloads.py": 8,
    "build/test_site.py": 8, "build/test_download_links.py": 7, "build/test_plugin.py": 3,
    "build/test_plan_example.py": 2,
    "unit/test_data.py": 60, "unit/test_content.py": 5, "unit/test_sources.py": 5,
    "unit/test_schedule_errors.py": 3, "unit/test_page_list.py": 3, "unit/test_run_all.py": 3,
    "unit/test_security_policies.py": 1, "unit/test_kinds.py": 1,
}
COUNTED = ("passed", "failed", "errors", "skipped", "deselected", "xfailed", "xpassed")


def test_files() -> list[str]:
    return sorted(p.relative_to(ROOT / "tests").as_posix()
                  for layer in ("unit", "build", "browser") for p in (ROOT / "tests" / layer).glob("test_*.py"))


def deal(files: list[str], streams: int) -> list[list[str]]:
    """The heaviest file first, each to the lightest stream so far."""
    groups = [[] for _ in range(max(1, streams))]
    load = [0.0] * len(groups)
    for name in sorted(files, key=lambda f: (-WEIGHTS.get(f, DEFAULT_WEIGHT), f)):
        lightest = load.index(min(load))
        groups[lightest].append(name)
        load[lightest] += WEIGHTS.get(name, DEFAULT_WEIGHT)
    return [g for g in groups if g]


def counts(output: str) -> dict:
    """The numbers of pytest's closing line ("3 failed, 40 passed, 2 skipped in 9.1s")."""
    lines = [line for line in output.splitlines() if re.search(r"\d+ (passed|failed|error|skipped|deselected)", line)]
    found = {}
    for number, word in re.findall(r"(\d+) (\w+)", lines[-1] if lines else ""):
        word = "errors" if word == "error" else word
        if word in COUNTED:
            found[word] = found.get(word, 0) + int(number)
    return found


def main(argv: list[str]) -> int:
    if not (ROOT / "site" / "index.html").exists():  # one build, not one per process
        build = subprocess.run([sys.executable, "-m", "wpskit", "build"], cwd=ROOT)
        if build.returncode != 0:
            return build.returncode
    # folders or files named on the command line (tests/build, tests/unit/test_data.py) narrow the files
    chosen = [a.removeprefix("tests/").rstrip("/") for a in argv if a.startswith("tests/")]
    argv = [a for a in argv if not a.startswith("tests/")]
    files = [f for f in test_files() if not chosen or any(f == c or f.startswith(c + "/") for c in chosen)]
    groups = deal(files, STREAMS)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="wps-tests-") as folder:
        environment = {**os.environ, "WPS_QUIET_LOCK": str(Path(folder) / "quiet.lock"),
                       "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "scripts"), os.environ.get("PYTHONPATH")]))}
        runs = []
        for number, group in enumerate(groups, 1):
            log = open(Path(folder) / f"stream-{number}.log", "w+", encoding="utf-8")
            command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                       f"--basetemp={Path(folder) / f'tmp-{number}'}", *argv, *(f"tests/{f}" for f in group)]
            runs.append((group, log, subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log,
                                                      stderr=subprocess.STDOUT, text=True)))
        total, codes = {}, []
        for number, (group, log, process) in enumerate(runs, 1):
            codes.append(process.wait())
            log.seek(0)
            output = log.read()
            log.close()
            print(f"\n===== stream {number} of {len(runs)}: {', '.join(group)}\n{output.rstrip()}", flush=True)
            for word, number_of in counts(output).items():
                total[word] = total.get(word, 0) + number_of
    failed = total.get("failed", 0) + total.get("errors", 0)
    print(f"\nAll streams in {time.monotonic() - started:.0f} s:")
    if total.get("deselected"):
        print(f"({total['deselected']} deselected)")
    skipped = f", {total['skipped']} skipped" if total.get("skipped") else ""
    print(f"{total.get('passed', 0)} passed, {failed} failed{skipped}")
    if any(code not in (0, 5) for code in codes):
        return max(code for code in codes if code not in (0, 5))
    return 5 if all(code == 5 for code in codes) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
