"""Command line of the toolkit; the Makefile calls these.

  python -m wpskit check          validate data, pages, parity, terminology (seconds)
  python -m wpskit build [--lang vi]  strict build into site/, replacing it only on success
"""

from __future__ import annotations

import argparse
import re
import os
import shutil
import subprocess
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

from . import languages


ROOT = Path(__file__).resolve().parents[2]


def check(_args) -> int:
    from .errors import SourceError
    from .load import load_toolkit

    started = time.monotonic()
    try:
        toolkit = load_toolkit(ROOT)
    except SourceError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(f"OK: {len(toolkit.worksheets)} worksheets, {len(toolkit.checklists)} checklists, "
          f"{len(toolkit.indicators)} indicators, {len(toolkit.terms)} glossary terms, {len(toolkit.pages)} pages checked "
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
    """Build into a fresh folder; publish it as site/ only when the whole build succeeded.
    A full build first makes the offline bundle, which the site publishes on /downloads/."""
    if not args.lang and not getattr(args, "no_offline", False) and make_offline_bundle() != 0:
        print("The site was not built; the previous site/ is unchanged.", file=sys.stderr)
        return 1
    return build_site(args.site_dir, args.lang)


def make_offline_bundle() -> int:
    """Build the file:// variant of the whole site into dist/ and zip it, unless the bundle
    there was made from the same sources (bundle_key.py): then it is kept as it is."""
    from .bundle_key import comment_of, content_key, is_current
    started = time.monotonic()
    folder = ROOT / "dist" / "wps-toolkit"
    bundle = ROOT / "dist" / "wps-toolkit-offline.zip"
    key = content_key(ROOT)
    if is_current(bundle, folder, key):
        print(f"{bundle.relative_to(ROOT)} is up to date (nothing it is built from changed).")
        return 0
    partial = ROOT / "dist" / "wps-toolkit.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.parent.mkdir(exist_ok=True)
    result = run_mkdocs(partial, None, {"OFFLINE": "true"})
    if result.returncode != 0:
        print(_errors(result), file=sys.stderr)
        print("The offline bundle was not made.", file=sys.stderr)
        shutil.rmtree(partial, ignore_errors=True)
        return 1
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)
    temporary = bundle.with_suffix(".zip.tmp")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.comment = comment_of(key)
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, Path("wps-toolkit") / path.relative_to(folder))
    temporary.replace(bundle)
    print(f"Made {bundle.relative_to(ROOT)} ({bundle.stat().st_size / 1024 / 1024:.1f} MB) "
          f"in {time.monotonic() - started:.1f} s: unzip it and open wps-toolkit/index.html.")
    return 0


def offline(args) -> int:
    if check(args) != 0:
        return 1
    return make_offline_bundle()


def _errors(result) -> str:
    """What MkDocs said, less its INFO lines and log prefixes: the problems, as path:line lines."""
    lines = []
    for line in (result.stdout + result.stderr).splitlines():
        if not line.strip() or line.startswith("INFO"):
            continue
        lines.append(re.sub(r"^(ERROR|WARNING)\s+-\s+", "", line))
    return "\n".join(lines)


def build_site(site_dir: str, lang: str | None) -> int:
    target = ROOT / site_dir
    partial = ROOT / (site_dir + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    started = time.monotonic()
    result = run_mkdocs(partial, lang)
    if result.returncode != 0:
        print(_errors(result), file=sys.stderr)
        print("The build failed; the previous site/ is unchanged.", file=sys.stderr)
        shutil.rmtree(partial, ignore_errors=True)
        return 1
    old = ROOT / (site_dir + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    partial.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    for line in result.stdout.splitlines():  # e.g. a site built without its service worker (no Node.js)
        if line.startswith("NOTICE"):
            print(line)
    print(f"Built {site_dir}/ in {time.monotonic() - started:.1f} s.")
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


STATE_WORDS = {"missing": "MISSING   ", "orphaned": "ORPHANED  ", "outdated": "OUTDATED  ",
               "untracked": "UNTRACKED ", "up-to-date": "up to date"}


def l10n_status(args) -> int:
    """List translations that are missing, outdated, orphaned or untracked; --check fails on missing ones."""
    from . import l10n
    rows = l10n.status(ROOT)
    problems = [r for r in rows if r.state != "up-to-date"]
    for row in (rows if args.all else problems):
        detail = {
            "missing": (f"create {row.translation} (translation of {row.source})" if row.translation.startswith("docs/")
                        else f"add the texts in this language (\"{row.lang}: …\" beside each \"{row.source_lang}: …\") to {row.source}"),
            "orphaned": f"its source {row.source} does not exist: create it, or delete the translation",
            "outdated": f"{row.source} changed on {row.source_changed}; update the translation, then run "
                        f"`make l10n-mark FILE={row.translation}` (new hash {row.current})",
            "untracked": f"no record yet: after checking it, run `make l10n-mark FILE={row.translation}`",
            "up-to-date": f"source last changed {row.source_changed}",
        }[row.state]
        print(f"{STATE_WORDS[row.state]}  {row.translation}  — {detail}")
    counts = {state: sum(1 for r in rows if r.state == state) for state in STATE_WORDS}
    print("; ".join(f"{n} {state}" for state, n in counts.items()) + f" ({len(rows)} translations)")
    # a missing translation of an incomplete language falls back to the source on the site
    from . import languages
    if args.check and (counts["orphaned"] or any(r.state == "missing" and languages.is_complete(r.lang) for r in rows)):
        return 1
    return 0


def l10n_mark(args) -> int:
    from . import l10n
    for name in l10n.mark(ROOT, args.files):
        print(f"recorded: {name}")
    return 0


def one_build_at_a_time(command):
    """Builds share site.partial/, dist/ and the download cache: a second build started in the
    same folder while one runs stops at once, saying so, and changes nothing. The lock is the
    operating system's (flock), so it goes away with the process, even a killed one."""
    def locked(args) -> int:
        import fcntl
        lock_file = ROOT / ".cache" / "build.lock"
        lock_file.parent.mkdir(exist_ok=True)
        with open(lock_file, "a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                print("Another build is running in this folder. Wait for it to finish, then run the "
                      "command again; nothing was changed.", file=sys.stderr)
                return 1
            return command(args)
    return locked


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="wpskit", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate all sources quickly").set_defaults(func=check)
    build_parser = commands.add_parser("build", help="strict build into site/")
    # an incomplete language borrows the source's pages, so it is previewed in a full build
    build_parser.add_argument("--lang", choices=list(languages.complete_codes()), help="build one complete language only (preview)")
    build_parser.add_argument("--site-dir", default="site")
    build_parser.add_argument("--no-offline", action="store_true", help="skip the offline bundle")
    commands.add_parser("offline", help="make dist/wps-toolkit-offline.zip").set_defaults(func=one_build_at_a_time(offline))
    commands.add_parser("lighthouse", help="Lighthouse scores of key pages").set_defaults(func=lambda _a: __import__("wpskit.lighthouse", fromlist=["main"]).main())
    commands.add_parser("bench", help="build times, page weights, index sizes").set_defaults(func=lambda _a: __import__("wpskit.bench", fromlist=["main"]).main())
    build_parser.set_defaults(func=one_build_at_a_time(build))
    commands.add_parser("fix-unicode", help="convert sources to NFC").set_defaults(func=fix_unicode)
    status_parser = commands.add_parser("l10n-status", help="missing, outdated and orphaned translations")
    status_parser.add_argument("--check", action="store_true", help="exit 1 when a page is missing")
    status_parser.add_argument("--all", action="store_true", help="also list translations that are up to date")
    status_parser.set_defaults(func=l10n_status)
    mark_parser = commands.add_parser("l10n-mark", help="record that translations are up to date")
    mark_parser.add_argument("files", nargs="*", help="translations to record (all outdated/untracked when none)")
    mark_parser.set_defaults(func=l10n_mark)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
