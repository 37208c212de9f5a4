"""Printable (PDF) and editable (DOCX) downloads, made once and cached by content.

A file is made again only when its inputs change: the item's data, the interface words,
the renderer code, the print stylesheet or the fonts. The cache lives in
`.cache/downloads/` (not committed); the site gets copies in `downloads/<lang>/`.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import LANGUAGES

HERE = Path(__file__).parent
RENDER_INPUTS = sorted(
    [*(HERE / "render").rglob("*.py"), *(HERE / "render").rglob("*.css"), *(HERE / "render" / "fonts").glob("*.ttf"),
     HERE / "ui_text.py", HERE / "model.py", HERE / "downloads.py"]
)


def _renderer_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in RENDER_INPUTS:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def item_key(item, lang: str, module_title: str | None, sources: dict, fingerprint: str) -> str:
    used_sources = {s: sources[s].model_dump() for s in item.sources}
    payload = json.dumps([item.model_dump(), lang, module_title, used_sources, fingerprint],
                         sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def _render(job) -> tuple[str, bytes]:
    kind, item, lang, module_title, sources, target = job
    if kind == "pdf":
        from .render.pdf_file import build_pdf
        data = build_pdf(item, lang, module_title, sources)
    else:
        from .render.docx_file import build_docx
        data = build_docx(item, lang, module_title, sources)
    tmp = Path(str(target) + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(target)
    return str(target), len(data)


class DownloadCache:
    def __init__(self, cache_dir: Path):
        self.cache_dir = Path(cache_dir)
        self.made: list[str] = []  # files rendered in this run (empty when all came from the cache)
        self.prunable = True

    def prepare(self, items: list, module_titles: dict, sources: dict, workers: int = 2) -> dict:
        """Make sure every (item, lang, format) exists in the cache; return {(lang, id, ext): Path}."""
        fingerprint = _renderer_fingerprint()
        wanted, jobs = {}, []
        for item in items:
            for lang in LANGUAGES:
                module_title = module_titles.get((lang, item.module)) if getattr(item, "module", None) else None
                key = item_key(item, lang, module_title, sources, fingerprint)
                for extension in ("pdf", "docx"):
                    target = self.cache_dir / lang / f"{item.id}-{key}.{extension}"
                    wanted[(lang, item.id, extension)] = target
                    if not target.exists():
                        target.parent.mkdir(parents=True, exist_ok=True)
                        used = {s: sources[s] for s in item.sources}
                        jobs.append((extension, item, lang, module_title, used, target))
        if jobs:
            pdf_jobs = [j for j in jobs if j[0] == "pdf"]
            other = [j for j in jobs if j[0] != "pdf"]
            for job in other:
                self.made.append(_render(job)[0])
            if len(pdf_jobs) > 2 and workers > 1:
                with ProcessPoolExecutor(max_workers=workers) as pool:
                    self.made += [name for name, _ in pool.map(_render, pdf_jobs)]
            else:
                self.made += [_render(job)[0] for job in pdf_jobs]
        return wanted

    @staticmethod
    def publish(wanted: dict, site_dir: Path) -> None:
        for (lang, item_id, extension), source in wanted.items():
            target = Path(site_dir) / "downloads" / lang / f"{item_id}.{extension}"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)

    def prune(self, wanted: dict) -> None:
        """Drop cached files no longer wanted, so the cache does not grow forever."""
        keep = {Path(p) for p in wanted.values()}
        for path in self.cache_dir.rglob("*.*"):
            if path not in keep:
                path.unlink()
