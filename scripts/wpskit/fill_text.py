"""Interface words of the fill-in mode and the plan builder: the `fill_…` keys of the
`labels:` group of l10n/ui/<lang>.yml, found by `ui_text.label(lang, "fill_…")`."""

from .ui_strings import group

FILL_LABELS = group("labels")  # FILL_LABELS[lang]["fill_…"]
