"""Build-time files of the fill-in mode and the plan builder.

For each worksheet and language, a Word template: the blank worksheet's own layout
(render/docx_file.py, `template=True`) with a placeholder where each answer goes. The
browser fills it when the reader asks for "Download my answers" (fill-in.js), so the filled
file and the blank one come from the same renderer. The plan builder's template and the
worked example plans come from one renderer too (render/plan_docx.py).

Templates are shipped as small scripts (assets/fill/<lang>/<id>.js, the .docx in base64),
loaded only on that click: a script is the one way a page opened from `file://` (the
offline copy) can read a file beside it. Made once and cached by content in .cache/fill/.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from . import LANGUAGES
from .downloads import _fingerprint, link_or_copy

PLAN_TEMPLATE = "plan-builder"


def _key(*parts) -> str:
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def template_script(name: str, data: bytes) -> str:
    return ("/* Word template, filled in the browser by fill-in.js. Generated; do not edit. */\n"
            f"window.wpsFillTemplates=window.wpsFillTemplates||{{}};"
            f"window.wpsFillTemplates[{json.dumps(name)}]={json.dumps(base64.b64encode(data).decode())};\n")


def prepare(toolkit, context, cache_dir: Path) -> dict:
    """{site path: cached file} for every template script and example plan."""
    from .render.docx_file import build_docx
    from .render.plan_docx import build_plan_docx, indicator_names, plan_values, template_values
    fingerprint = _fingerprint() + _key(Path(__file__).read_bytes().decode())
    cache_dir.mkdir(parents=True, exist_ok=True)
    wanted = {}

    def cached(site_path: str, key: str, make, suffix: str):
        target = cache_dir / f"{Path(site_path).stem}-{key}{suffix}"
        if not target.exists():
            temporary = Path(str(target) + ".tmp")
            temporary.write_bytes(make())
            temporary.replace(target)
        wanted[site_path] = target

    for lang in LANGUAGES:
        for worksheet in toolkit.worksheets.values():
            key = _key(worksheet.model_dump(), lang, context.inputs_of(worksheet, lang), fingerprint)
            cached(f"assets/fill/{lang}/{worksheet.id}.js", key, lambda w=worksheet, l=lang: template_script(
                f"{w.id}:{l}", build_docx(w, l, context, template=True)).encode(), ".js")
        texts = toolkit.plan_builder
        if texts is None:
            continue
        key = _key(texts.model_dump(), lang, fingerprint)
        cached(f"assets/fill/{lang}/{PLAN_TEMPLATE}.js", key, lambda l=lang: template_script(
            f"{PLAN_TEMPLATE}:{l}", build_plan_docx(template_values(), texts, l)).encode(), ".js")
        names = indicator_names(toolkit.indicators.values(), lang)
        for plan in toolkit.plans.values():
            key = _key(plan.model_dump(), texts.model_dump(), lang, names, fingerprint)
            cached(f"downloads/{lang}/{plan.id}.docx", key,
                   lambda p=plan, l=lang, n=names: build_plan_docx(plan_values(p, l, texts, n), texts, l), ".docx")
    return wanted


def publish(wanted: dict, site_dir: Path) -> None:
    for site_path, source in wanted.items():
        target = Path(site_dir) / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(source, target)


def prune(wanted: dict, cache_dir: Path) -> None:
    keep = {Path(p) for p in wanted.values()}
    for path in cache_dir.glob("*.*"):
        if path not in keep:
            path.unlink()
