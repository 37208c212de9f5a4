"""Interface words the renderers put around the data, in each language.

The words live in l10n/ui/<lang>.yml (group `labels:`; checked by ui_strings.py): a
language's missing word is the source language's."""

from .ui_strings import group

LABELS = group("labels")  # LABELS[lang][key], read from the ui files when first used


def label(lang: str, key: str, **values) -> str:
    """The word `key` in `lang`, its placeholders filled in. For n == 1 a `<key>_one` string,
    where the ui files have one, is used instead (English "1 day", not "1 days")."""
    words = LABELS[lang]
    text = words.get(f"{key}_one", words[key]) if values.get("n") == 1 else words[key]
    return text.format(**values) if values else text
