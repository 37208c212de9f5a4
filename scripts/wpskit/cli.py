"""Command line of the toolkit; the Makefile calls these.

  python -m wpskit check          validate data, pages, parity, terminology (seconds)
  python -m wpskit build [--lang vi]  strict build into site/, replacing it only on success
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

from .errors import SourceError
from .load import load_toolkit

ROOT = Path(__file__).resolve().parents[2]


def check(_args) -> int:
    started = time.monotonic()
    try:
        toolkit = load_toolkit(ROOT)
    except SourceError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(f"OK: {len(toolkit.worksheets)} worksheets, {len(toolkit.checklists)} checklists, "
          f"{len(toolkit.terms)} glossary terms, {len(toolkit.pages)} pages checked "
          f"in {time.monotonic() - started:.1f} s.")
    return 0


def run_mkdocs(site_dir: Path, lang: str | None = None, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    if lang:
        env["WPS_BUILD_ONLY"] = lang
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(site_dir),
               "-f", str(ROOT / "mkdocs.yml")]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


def build(args) -> int:
    """Build into a fresh folder; publish it as site/ only when the whole build succeeded."""
    if check(args) != 0:
        print("The site was not built; the previous site/ is unchanged.", file=sys.stderr)
        return 1
    target = ROOT / args.site_dir
    partial = ROOT / (args.site_dir + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    started = time.monotonic()
    result = run_mkdocs(partial, args.lang)
    if result.returncode != 0:
        lines = [line for line in (result.stdout + result.stderr).splitlines()
                 if line.strip() and not line.startswith("INFO")]
        print("\n".join(lines), file=sys.stderr)
        print("The build failed; the previous site/ is unchanged.", file=sys.stderr)
        shutil.rmtree(partial, ignore_errors=True)
        return 1
    old = ROOT / (args.site_dir + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    partial.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Built {args.site_dir}/ in {time.monotonic() - started:.1f} s.")
    return 0


def fix_unicode(_args) -> int:
    """Rewrite every Markdown and YAML source in NFC (the text stays the same to a reader)."""
    changed = 0
    for pattern in ("docs/**/*.md", "toolkit/**/*.yml", "glossary/**/*.yml"):
        for path in ROOT.glob(pattern):
            text = path.read_text(encoding="utf-8")
            fixed = unicodedata.normalize("NFC", text)
            if fixed != text:
                path.write_text(fixed, encoding="utf-8")
                changed += 1
                print(f"converted to NFC: {path.relative_to(ROOT).as_posix()}")
    print(f"{changed} file(s) converted.")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="wpskit", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate all sources quickly").set_defaults(func=check)
    build_parser = commands.add_parser("build", help="strict build into site/")
    build_parser.add_argument("--lang", choices=["vi", "en"], help="build one language only (preview)")
    build_parser.add_argument("--site-dir", default="site")
    build_parser.set_defaults(func=build)
    commands.add_parser("fix-unicode", help="convert sources to NFC").set_defaults(func=fix_unicode)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
