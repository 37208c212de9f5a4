"""The design tokens (render/tokens.yml) for each output: CSS custom properties for the web and
for print, colours and sizes for Word."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

TOKENS_FILE = Path(__file__).parent / "tokens.yml"
WEB_STYLESHEET = "assets/stylesheets/tokens.css"  # linked before toolkit.css (mkdocs.yml extra_css)
UNITS = {"colour": "", "size": "pt", "space": "mm"}


@lru_cache(maxsize=1)
def tokens() -> dict:
    data = yaml.safe_load(TOKENS_FILE.read_text(encoding="utf-8"))
    for group, values in data.items():
        if group not in UNITS:
            raise ValueError(f"{TOKENS_FILE}: unknown group {group!r} — use one of {', '.join(UNITS)}")
        for name, value in values.items():
            if group == "colour" and not re.fullmatch(r"#[0-9a-fA-F]{6}", str(value)):
                raise ValueError(f"{TOKENS_FILE}: colour {name} is {value!r} — write a colour as \"#rrggbb\"")
            if group != "colour" and not isinstance(value, (int, float)):
                raise ValueError(f"{TOKENS_FILE}: {group} {name} is {value!r} — write a number "
                                 f"(in {UNITS[group]}, without the unit)")
    return data


def colour(name: str) -> str:
    """'#5b2a86'"""
    return tokens()["colour"][name]


def size(name: str) -> float:
    """A type size in pt."""
    return float(tokens()["size"][name])


def space(name: str) -> float:
    """A length in mm."""
    return float(tokens()["space"][name])


def hex_digits(name: str) -> str:
    """'5B2A86': a colour as Word writes it."""
    return colour(name).lstrip("#").upper()


def css() -> str:
    """Every token as a CSS custom property, --wps-<group>-<name>."""
    lines = [f"  --wps-{group}-{name}: {value}{UNITS[group]};"
             for group, values in tokens().items() for name, value in values.items()]
    return ("/* Made from scripts/wpskit/render/tokens.yml at build: edit that file, not this one. */\n"
            ":root {\n" + "\n".join(lines) + "\n}\n")


@event_priority(-110)  # after mkdocs-static-i18n has sorted the files by language (it reads files from disk only)
def on_files(files, config):
    """Add the web's tokens.css to the site (made from tokens.yml at every build, never stale)."""

    files.append(File.generated(config, WEB_STYLESHEET, content=css()))
    return files
