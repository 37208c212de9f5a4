"""What template code a Markdown page may contain: the toolkit's own macro calls, nothing else.

mkdocs-macros runs every page through Jinja, which can reach Python's internals
(`{{ cycler.__init__.__globals__.os… }}`). So a page body may only call a macro defined in
macros.py, with plain values as arguments (texts, numbers, lists of texts), e.g.
`{{ tool_link("stakeholder-map") }}` or `{{ flow(["A", "B"], caption="C") }}`; and show
template code as text inside `{% raw %}…{% endraw %}`. Anything else is reported with its
line, before the build starts.

The same check keeps script out of a page's Markdown (`markup_problems`): no <script>,
<iframe>, <object> or <embed>, no event handler attribute (onclick=…), no link to a
javascript:, vbscript: or data: address. Code blocks and `code spans` may show them.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

TAG = re.compile(r"\{\{(.*?)\}\}|\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}|\{%|\{#", re.S)


@lru_cache(maxsize=1)
def macro_names() -> frozenset:
    """The names of the functions registered with @env.macro in macros.py and in the
    *_macros.py modules it registers (e.g. indicator_macros.py)."""
    package = Path(__file__).parent
    names = set()
    for source in [package / "macros.py", *sorted(package.glob("*_macros.py"))]:
        names |= _registered_macros(source)
    return frozenset(names)


def _registered_macros(source: Path) -> set:
    tree = ast.parse(source.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and any(
                isinstance(d, ast.Attribute) and d.attr == "macro" for d in node.decorator_list):
            names.add(node.name)
    return names


def _is_plain_value(node) -> bool:
    try:
        ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True


def _allowed_call(expression: str) -> bool:
    try:
        tree = ast.parse(expression.strip(), mode="eval")
    except SyntaxError:
        return False
    call = tree.body
    return (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in macro_names()
            and all(_is_plain_value(a) for a in call.args)
            and all(k.arg is not None and _is_plain_value(k.value) for k in call.keywords))


def template_problems(body: str, first_line: int) -> list[tuple[int, str]]:
    """(line, message) for each piece of template code in `body` that is not a plain macro call."""
    problems = []
    for match in TAG.finditer(body):
        text = match.group(0)
        if text.startswith("{%") and len(text) > 2:
            continue  # a {% raw %} … {% endraw %} block: shown as written
        if match.group(1) is not None and _allowed_call(match.group(1)):
            continue
        line = first_line + body.count("\n", 0, match.start())
        shown = text if len(text) <= 60 else text[:57] + "…"
        problems.append((line, (
            f'"{shown}" is template code that the toolkit does not run. A page may only call the '
            f"toolkit's macros with plain values, e.g. {{{{ tool_link(\"stakeholder-map\") }}}} "
            f"(available: {', '.join(sorted(macro_names()))}). To show braces as text, put them "
            "between {% raw %} and {% endraw %}.")))
    return problems


UNSAFE_MARKUP = [
    (re.compile(r"<\s*(script|iframe|object|embed)\b", re.I), "a <{0}> element"),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I), "an event handler attribute (on…=)"),
    (re.compile(r"(?:\]\(\s*<?|\b(?:href|src|action)\s*=\s*[\"']?\s*)(javascript|vbscript|data)\s*:", re.I),
     "a link to a {0}: address"),
]
CODE = re.compile(r"^(```|~~~).*?^\1[^\n]*$|`[^`\n]+`", re.S | re.M)


def markup_problems(body: str, first_line: int) -> list[tuple[int, str]]:
    """(line, message) for each piece of script-capable markup in a page's Markdown."""
    text = CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), body)  # code shows markup, never runs it
    problems = []
    for pattern, what in UNSAFE_MARKUP:
        for match in pattern.finditer(text):
            line = first_line + text.count("\n", 0, match.start())
            found = what.format(*(g.lower() for g in match.groups())) if match.groups() else what
            problems.append((line, (
                f"this line has {found}, which could run script in a reader's browser. Pages hold text, "
                "Markdown links to web addresses (https://…) or to other pages, and the toolkit's macros; "
                "to show such code as an example, put it in `backticks` or a code block.")))
    return problems
