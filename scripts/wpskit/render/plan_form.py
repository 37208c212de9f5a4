"""The plan builder's page: a guided form in steps (toolkit/plan-builder.yml), with the help
beside each step, the variant choice and the activities as rows; fill-in.js keeps the
answers and fills the Word template made by render/plan_docx.py."""

from __future__ import annotations

import hashlib
import json

from ..plan_sources import PLAN_FIELDS
from ..ui_text import label
from .fill_html import answer_table, control_id, textarea, toolbar
from .html import esc
from .plan_docx import ACTIVITY_COLUMNS, LISTS

SINGLE_LINE = ("number_symbol", "place", "date", "signature.signer")


def plan_version() -> str:
    return hashlib.sha256(json.dumps([PLAN_FIELDS, ACTIVITY_COLUMNS]).encode()).hexdigest()[:12]


def plan_fields(plan, lang: str, names: dict | None = None) -> dict:
    """A plan (model.Plan) as the builder's field values: lists one item a line, activities as rows."""
    fields = {"variant": plan.variant, "illustrative": bool(plan.illustrative)}
    for key in LISTS:
        fields[key] = "\n".join(t[lang] for t in getattr(plan, key))
    for key in ("parent_body", "issuing_body", "number_symbol", "place", "date", "summary"):
        value = getattr(plan, key)
        fields[key] = value[lang] if value else ""
    fields["signature.authority"] = plan.signature.authority[lang]
    fields["signature.signer"] = plan.signature.signer[lang]
    for row, activity in enumerate(plan.activities, 1):
        for column in ACTIVITY_COLUMNS:
            value = getattr(activity, column)
            if column == "indicators":  # codes and titles where the bank names them, one a line
                fields[f"activities.{row}.{column}"] = "\n".join((names or {}).get(i, i) for i in value)
            else:
                fields[f"activities.{row}.{column}"] = value[lang]
    return fields


def variant_defaults(texts, lang: str) -> dict:
    out = {}
    for key, variant in texts.variants.items():
        out[key] = {"parent_body": variant.parent_body[lang] if variant.parent_body else "",
                    "issuing_body": variant.issuing_body[lang], "number_symbol": variant.number_symbol[lang],
                    "place": variant.place[lang], "signature.authority": variant.signature.authority[lang],
                    "signature.signer": variant.signature.signer[lang],
                    "recipients": "\n".join(r[lang] for r in variant.recipients), "changes": variant.changes[lang]}
    return out


def _field(key: str, texts, lang: str) -> str:
    text = texts.fields[key]
    hint_id = f"{control_id(key)}-hint"
    hint = f'<p class="wps-hint" id="{hint_id}">{esc(text.hint[lang])}</p>' if text.hint else ""
    described = f' aria-describedby="{hint_id}"' if text.hint else ""
    if key == "variant":
        options = "".join(f'<option value="{esc(k)}">{esc(v.label[lang])}</option>' for k, v in texts.variants.items())
        defaults = json.dumps(variant_defaults(texts, lang), ensure_ascii=False)
        return (f'<p class="wps-plan-field"><label for="{control_id(key)}">{esc(text.label[lang])}</label>'
                f'<select id="{control_id(key)}" data-field="variant" data-variant-defaults="{esc(defaults)}">{options}</select></p>'
                f'<p class="wps-variant-changes" aria-live="polite"></p>')
    if key in SINGLE_LINE:
        control = (f'<input type="text" id="{control_id(key)}" class="wps-answer" data-field="{esc(key)}" '
                   f'autocomplete="off"{described}>')
    else:
        rows = 5 if key in LISTS else 2 if key != "signature.authority" else 3
        control = textarea(key, rows).replace("<textarea ", f"<textarea{described} ", 1)
    return (f'<div class="wps-plan-field"><label for="{control_id(key)}">{esc(text.label[lang])}</label>'
            f"{hint}{control}</div>")


def builder_blocks(texts, lang: str, script_src: str, template_src: str, example, example_href: str | None,
                   indicators_href: str | None, module_href: str, names: dict | None = None) -> tuple[str, list[tuple[str, str]]]:
    example_button, example_data = "", ""
    if example is not None:
        example_json = json.dumps(plan_fields(example, lang, names), ensure_ascii=False).replace("<", "\\u003c")
        example_data = f'<script type="application/json" id="wps-plan-example">{example_json}</script>'
        example_button = (f'<p class="wps-plan-example"><button type="button" class="md-button" data-action="start-example">'
                          f'{esc(label(lang, "plan_start_example"))}</button>')
        if example_href:
            example_button += (f' <a class="md-button wps-download" href="{esc(example_href)}" download>'
                               f'{esc(label(lang, "plan_example_download"))}</a>')
        example_button += f' <span class="wps-tag">{esc(label(lang, "plan_illustrative"))}</span></p>'
    illustrative = texts.fields["illustrative"]
    note = texts.document["illustrative"][lang]
    flag = (f'<p class="wps-plan-field"><input type="checkbox" id="{control_id("illustrative")}" data-field="illustrative" '
            f'data-docx-text="{esc(note)}"> <label for="{control_id("illustrative")}">{esc(illustrative.label[lang])}</label></p>')
    top = (toolbar("plan", "plan-builder", lang, plan_version(), template_src, f"plan-{lang}", extra=example_button)
           + example_data + f'<script src="{esc(script_src)}" defer></script>')
    blocks = []
    columns = [texts.columns[c] for c in ACTIVITY_COLUMNS]
    for number, step in enumerate(texts.steps, 1):
        fields = []
        for key in step.fields:
            if key == "activities":
                fields.append(answer_table("activities", columns, lang, step.title[lang], column_ids=list(ACTIVITY_COLUMNS)))
            else:
                fields.append(_field(key, texts, lang))
        if number == 1:
            fields.append(flag)
        help_items = "".join(f"<p>{esc(h[lang])}</p>" for h in step.help)
        links = f'<p><a href="{esc(module_href)}">{esc(label(lang, "plan_read_more"))}</a></p>'
        if step.id in ("objectives-targets", "activities") and indicators_href:
            links += f'<p><a href="{esc(indicators_href)}">{esc(label(lang, "plan_indicator_bank"))}</a></p>'
        if step.id == "document":
            links += "<dl class=\"wps-variant-list\">" + "".join(
                f"<dt>{esc(v.label[lang])}</dt><dd>{esc(v.changes[lang])}</dd>" for v in texts.variants.values()) + "</dl>"
        body = (f'<div class="wps-plan-step" data-step="{esc(step.id)}"><div class="wps-plan-fields">{"".join(fields)}</div>'
                f'<aside class="wps-plan-help" aria-label="{esc(label(lang, "guidance"))}">{help_items}{links}</aside></div>')
        blocks.append((f'{label(lang, "plan_step", n=number)}: {step.title[lang]}', body))
    return top, blocks
