"""Turn pydantic's findings into sentences a subject expert can act on."""

from __future__ import annotations

import difflib
from typing import get_args

from . import languages
from .yaml_source import YamlDocument

LANGUAGE_NAMES = {language.code: language.english_name for language in languages.languages()}


def _models() -> list:
    """Every model of model.py (each a subclass of its base `Strict`), nested ones included."""
    from .model import Strict
    found, todo = [], [Strict]
    while todo:
        model = todo.pop()
        found.append(model)
        todo += model.__subclasses__()
    return found


def _keys_of(model) -> set:
    return {key for name, field in model.model_fields.items() for key in (name, field.alias) if key}


def _tags_of(annotation) -> dict:
    """{discriminator: [tags]} of the discriminated unions inside a field's type (e.g. a
    worksheet's sections: {"kind": ["table", "form", "list", "quiz"]})."""
    found = {}
    for meta in getattr(annotation, "__metadata__", ()):
        key = getattr(meta, "discriminator", None)
        if isinstance(key, str):
            members = get_args(get_args(annotation)[0])
            found[key] = [tag for member in members for tag in get_args(member.model_fields[key].annotation)]
    for inner in get_args(annotation):
        found.update(_tags_of(inner))
    return found


# What the models accept, read from the models themselves: a key or kind added to model.py
# is known to the messages without being listed here.
KNOWN_KEYS = sorted({key for model in _models() for key in _keys_of(model)})
UNION_TAGS = {(name, key): tags for model in _models() for name, field in model.model_fields.items()
              for key, tags in _tags_of(field.annotation).items()}  # (field, discriminator) -> tags


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
        return line, _union_tag_message(error, path, where)
    if kind in ("greater_than_equal", "greater_than"):
        return line, f"{where} must be at least {ctx.get('ge', ctx.get('gt'))}, not {value}."
    if kind in ("less_than_equal", "less_than"):
        return line, f"{where} must be at most {ctx.get('le', ctx.get('lt'))}, not {value}."
    if kind == "value_error":
        return line, f"{where}: {str(ctx.get('error') or error['msg'])}."
    return line, f"{where}: {error['msg']}."


def _union_tag_message(error: dict, path: tuple, where: str) -> str:
    """A missing or unknown `kind:` of a union member (a worksheet's section…), with every
    kind the model accepts."""
    ctx = error.get("ctx") or {}
    key = str(ctx.get("discriminator", "kind")).strip("'")
    field = next((part for part in reversed(path) if isinstance(part, str)), None)
    tags = UNION_TAGS.get((field, key)) or [tag.strip(" '") for tag in str(ctx.get("expected_tags", "")).split(",") if tag.strip()]
    choices = [f'"{key}: {tag}"' for tag in tags]
    needs = ", ".join(choices[:-1]) + f" or {choices[-1]}" if len(choices) > 1 else "".join(choices) or f'"{key}: …"'
    if error["type"] == "union_tag_invalid":
        return f'{where} has "{key}: {ctx.get("tag")}", which is not a {key} this toolkit knows. Use {needs}.'
    return f"{where} needs {needs}."
