"""Turn pydantic's findings into sentences a subject expert can act on."""

from __future__ import annotations

import difflib

from . import languages
from .yaml_source import YamlDocument

LANGUAGE_NAMES = {language.code: language.english_name for language in languages.languages()}
KNOWN_KEYS = sorted({
    "id", "kind", "title", "publisher", "year", "brief", "purpose", "module", "minutes",
    "instructions", "sections", "sources", "intro", "columns", "example", "blank_rows",
    "fields", "label", "prompt", "lines", "items", "groups", "text", "guidance", "term",
    "abbr", "definition", "related", "avoid_vi", "note", "vi", "en", "width",
    "description", "order", "level", "audience", "objectives", "key_messages",
    "worksheets", "checklists", "sessions", "hide", "allow_terms", "translation",
    "outcomes", "materials", "print", "steps", "method", "worksheet", "tips", "days",
    "start", "end", "session", "break", "label", "programmes", "questions", "answer",
    "options", "date", "venue", "audience",
    # indicator bank
    "code", "pillar", "results_level", "type", "numerator", "denominator", "unit", "disaggregation",
    "data_source", "collected_by", "levels", "frequency", "reporting", "baseline_target", "verification",
    "modules", "origin", "source",
})


def _data_path(doc: YamlDocument, loc: tuple) -> tuple:
    """pydantic puts the chosen union member (e.g. 'table') into the location; drop it."""
    path, node = [], doc.data
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(node, dict) and isinstance(part, str) and part not in node and not last:
            continue  # a union tag, not a key of the data
        path.append(part)
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            node = None
    return tuple(path)


def _where(path: tuple) -> str:
    if not path:
        return "the file"
    parts = []
    for part in path:
        parts.append(f"item {part + 1}" if isinstance(part, int) else f'"{part}"')
    return " › ".join(parts)


def explain(error: dict, doc: YamlDocument, missing_sibling: str | None = None) -> tuple[int, str]:
    """Return (line, message) for one pydantic error on `doc`."""
    path = _data_path(doc, error["loc"])
    kind = error["type"]
    key = path[-1] if path else ""
    parent = _where(path[:-1])
    where = _where(path)
    value = error.get("input")
    ctx = error.get("ctx") or {}
    line = doc.line_of(path)

    if kind == "missing":
        if key in LANGUAGE_NAMES:
            return line, (f'{parent} has no {LANGUAGE_NAMES[key]} text. Add a line "{key}: …" '
                          f"with the {LANGUAGE_NAMES[key]} text (both languages are required).")
        return line, f'{parent} needs the key "{key}". Add "{key}: …" (see CONTRIBUTING.md for an annotated example).'
    if kind == "extra_forbidden":
        guess = [missing_sibling] if missing_sibling else difflib.get_close_matches(str(key), KNOWN_KEYS, n=1)
        hint = f' Did you mean "{guess[0]}"?' if guess and guess[0] != key else ""
        return line, f'unknown key "{key}" in {parent}.{hint} Check the spelling, or remove the line.'
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if isinstance(value, str):
            return line, (f"{where} must be written in both languages, as two indented lines "
                          f'"vi: …" and "en: …" (or {{vi: "…", en: "…"}}), not as a single text.')
        return line, f"{where} must be a block of keys (for example vi: … and en: …)."
    if kind in ("string_type", "string_too_short"):
        if isinstance(value, bool):
            return line, (f"{where} must be a text, but YAML read yes/no/true/false/on/off as a yes-or-no "
                          f'value. Put the text in double quotes, e.g. "{str(value).lower()}".')
        if value is None or value == "" or kind == "string_too_short":
            return line, f"{where} is empty. Write the text, or remove the key if it is optional."
        return line, f"{where} must be a text. Put it in double quotes."
    if kind in ("int_parsing", "int_type", "int_from_float", "float_parsing", "float_type"):
        return line, f'{where} must be a whole number (for example 45), not "{value}".'
    if kind == "list_type":
        return line, f'{where} must be a list: put each item on its own line starting with "- ".'
    if kind == "too_short":
        return line, f"{where} needs at least {ctx.get('min_length')} item(s)."
    if kind == "string_too_long":
        return line, (f"{where} is {len(str(value))} characters long; at most {ctx.get('max_length')} are allowed "
                      "here. Shorten it (a title says what the thing is; details go in the text below it).")
    if kind == "too_long":
        return line, f"{where} has too many items (at most {ctx.get('max_length')})."
    if kind == "literal_error":
        return line, f'{where} is "{value}", which is not allowed here. Use one of: {ctx.get("expected")}.'
    if kind == "string_pattern_mismatch" and key == "code":
        return line, (f'"{value}" is not a valid indicator code: write the pillar\'s two letters (PR protection, '
                      'PA participation, PV prevention, RR relief and recovery), a hyphen and two digits, e.g. "PA-03".')
    if kind == "string_pattern_mismatch" and ":" in str(ctx.get("pattern", "")):
        return line, (f'"{value}" is not a clock time of one day: write it as HH:MM from 00:00 to 23:59, '
                      'in double quotes (for example "13:30"). A day cannot run past midnight: split it '
                      "into two days.")
    if kind == "string_pattern_mismatch":
        return line, (f'"{value}" is not a valid id: use lowercase letters a–z, digits and hyphens only, '
                      'no spaces or accents (for example "stakeholder-map").')
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        return line, f'{where} needs "kind: table", "kind: form" or "kind: list".'
    if kind in ("greater_than_equal", "greater_than"):
        return line, f"{where} must be at least {ctx.get('ge', ctx.get('gt'))}, not {value}."
    if kind in ("less_than_equal", "less_than"):
        return line, f"{where} must be at most {ctx.get('le', ctx.get('lt'))}, not {value}."
    if kind == "value_error":
        return line, f"{where}: {str(ctx.get('error') or error['msg'])}."
    return line, f"{where}: {error['msg']}."
