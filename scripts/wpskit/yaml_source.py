"""Read YAML while remembering the line of every key and list item.

PyYAML gives the values; its node tree gives the lines, and lets us refuse a key written
twice in one mapping (PyYAML would silently keep the last one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import Problem

# libyaml (bundled with PyYAML's wheels) parses several times faster than pure Python
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Location = tuple  # a path into the data, e.g. ("sections", 0, "columns", 2, "en")


@dataclass
class YamlDocument:
    path: str
    data: object
    lines: dict = field(default_factory=dict)  # Location -> 1-based line
    line_offset: int = 0

    def line_of(self, location: Location) -> int:
        """The line of the deepest part of `location` that exists in the file."""
        location = tuple(location)
        while location:
            if location in self.lines:
                return self.lines[location] + self.line_offset
            location = location[:-1]
        return self.lines.get((), 1) + self.line_offset


class YamlProblem(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def _walk(node, location, lines, duplicates):
    lines.setdefault(location, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                duplicates.append((key, key_node.start_mark.line + 1, seen[key]))
            seen[key] = key_node.start_mark.line + 1
            lines[location + (key,)] = key_node.start_mark.line + 1
            _walk(value_node, location + (key,), lines, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[location + (index,)] = item.start_mark.line + 1
            _walk(item, location + (index,), lines, duplicates)


def _refuse_anchors(text: str, path: str, line_offset: int) -> None:
    """Anchors (&name) and aliases (*name) let ten lines stand for billions of values (an
    "alias bomb"); no toolkit file needs them. Found by scanning the parser's events, before
    anything is built from them (a parse error is left to the caller's message)."""
    if "&" not in text and "*" not in text:
        return
    try:
        for event in yaml.parse(text, Loader=Loader):
            if getattr(event, "anchor", None) is not None:
                alias = isinstance(event, yaml.AliasEvent)
                raise YamlProblem(Problem(path, event.start_mark.line + 1 + line_offset, (
                    f"this line uses a YAML {'alias' if alias else 'anchor'} "
                    f"({'*' if alias else '&'}{event.anchor}), which is not allowed in toolkit files. "
                    "Write the text out in full where it is needed (if the text starts with & or *, "
                    "put it in double quotes).")))
    except yaml.YAMLError:
        return


def parse_yaml(text: str, path: str, line_offset: int = 0) -> YamlDocument:
    """Parse YAML text; raise YamlProblem with a plain-words message when it is not valid."""
    _refuse_anchors(text, path, line_offset)
    try:
        node = yaml.compose(text, Loader=Loader)
        data = yaml.load(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 if mark else 0) + line_offset
        what = error.problem or "the text cannot be read as YAML"
        raise YamlProblem(Problem(path, line, (
            f"this is not valid YAML ({what}). Check the indentation (spaces, not tabs, "
            "lined up with the lines above), that every text containing ': ' or ' #' is "
            "in double quotes, and that quotes and brackets are closed."
        ))) from None
    except yaml.YAMLError as error:
        raise YamlProblem(Problem(path, line_offset + 1, f"this is not valid YAML ({error}).")) from None
    lines, duplicates = {}, []
    if node is not None:
        _walk(node, (), lines, duplicates)
    if duplicates:
        key, line, first = duplicates[0]
        raise YamlProblem(Problem(path, line + line_offset, (
            f'the key "{key}" is written twice in the same block (first on line '
            f"{first + line_offset}). Keep one of them."
        )))
    return YamlDocument(path=path, data=data, lines=lines, line_offset=line_offset)


MAX_FILE_BYTES = 1024 * 1024  # the largest source today is 75 KB (glossary/terms.yml)


def too_large(file: Path, relative: str) -> Problem | None:
    size = file.stat().st_size
    if size <= MAX_FILE_BYTES:
        return None
    return Problem(relative, 0, (
        f"the file is {size / 1024 / 1024:.1f} MB; a source file may be at most 1 MB. Split it into "
        "several files (one worksheet, checklist or page each), or remove pasted material."))


def read_yaml(file: Path, root: Path) -> YamlDocument:
    relative = file.relative_to(root).as_posix()
    problem = too_large(file, relative)
    if problem:
        raise YamlProblem(problem)
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YamlProblem(Problem(relative, 0, "the file is not saved as UTF-8. Save it again with UTF-8 encoding.")) from None
    return parse_yaml(text, relative)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter YAML or None, body, line number where the body starts)."""
    if not text.startswith("---\n"):
        return None, text, 1
    end = text.find("\n---", 3)
    if end == -1:
        return None, text, 1
    front = text[4:end + 1]
    rest = text[end + 4:]
    if rest.startswith("\n"):
        rest = rest[1:]
    body_line = front.count("\n") + 3
    return front, rest, body_line
