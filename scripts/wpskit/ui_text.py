"""Interface words the renderers put around the data, in each language.

The words live in l10n/ui/<lang>.yml (group `labels:`; checked by ui_strings.py): a
language's missing word is the source language's."""

from .ui_strings import group

LABELS = group("labels")  # LABELS[lang][key], read from the ui files when first used


def label(lang: str, key: str, **values) -> str:
    text = LABELS[lang][key]
    return text.format(**values) if values else text
