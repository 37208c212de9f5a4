"""Printable (PDF), editable (DOCX) and packed (ZIP) downloads, made once, cached by content.

What each kind gets, in each language:
  worksheet, checklist   <id>.pdf, <id>.docx
  programme (agenda)     <id>.pdf, <id>.docx
  session guide          <id>.pdf, and <id>-pack.zip: the guide plus the PDF and DOCX of
                         every worksheet and checklist the session prints or uses
A file is made again only when its inputs change: the item, what it refers to (module
title, sources, sessions, tools), the interface words, the renderer code, the print
stylesheet or the fonts. The cache is `.cache/downloads/`; the site gets hard links to its
files (copies across disks) in `downloads/<lang>/`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from . import LANGUAGES
from .kinds import BY_NAME, KINDS, function_of

HERE = Path(__file__).parent
RENDER_INPUTS = sorted(
    [*(HERE / "render").rglob("*.py"), *(HERE / "render").rglob("*.css"), *(HERE / "render" / "fonts").glob("*.ttf"),
     *(HERE / "render" / "templates").rglob("*.html"), HERE / "render" / "tokens.yml",
     HERE / "ui_text.py", HERE / "model.py", HERE / "downloads.py", HERE / "schedule.py",
     HERE / "ui_strings.py", HERE / "languages.py", *(HERE.parents[1] / "l10n" / "ui").glob("*.yml")]
)
FORMATS = {kind.name: kind.downloads for kind in KINDS if kind.downloads}  # the files of each kind (kinds.py)
BUILDERS = {"pdf": "render.pdf_file:build_pdf"}  # a PDF is the print renderer's HTML; a Word file the kind's builder
ZIP_DATE = (2024, 1, 1, 0, 0, 0)  # fixed, so the same files always give the same ZIP


@dataclass
class RenderContext:
    """What a renderer may look up besides the item itself."""

    sources: dict = field(default_factory=dict)
    module_titles: dict = field(default_factory=dict)  # (lang, module id) -> title
    tools: dict = field(default_factory=dict)  # worksheets and checklists by id
    sessions: dict = field(default_factory=dict)
    indicators: dict = field(default_factory=dict)

    @classmethod
    def of(cls, toolkit) -> "RenderContext":
        titles = {(page.lang, page.meta.id): page.meta.title for lang in LANGUAGES for page in toolkit.modules(lang)}
        return cls(toolkit.sources, titles, toolkit.tools, toolkit.sessions, toolkit.indicators)

    def module_title(self, item, lang: str):
        module = getattr(item, "module", None)
        return self.module_titles.get((lang, module)) if module else None

    def inputs_of(self, item, lang: str):
        """Everything outside the item that its files show: part of the cache key."""
        return getattr(self, BY_NAME[item.kind].download_inputs)(item, lang)

    def item_inputs(self, item, lang: str):
        sources = [self.sources[s].model_dump() for s in getattr(item, "sources", [])]
        return [self.module_title(item, lang), sources]

    def session_inputs(self, item, lang: str):
        return [self.module_title(item, lang), [self.tools[t].title.model_dump() for t in item.tools]]

    def programme_inputs(self, item, lang: str):
        used = sorted({i.session for d in item.days for i in d.items if getattr(i, "session", None)})
        return [self.sessions[s].model_dump() for s in used]


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for path in RENDER_INPUTS:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def item_key(item, lang: str, context: RenderContext, fingerprint: str) -> str:
    kind = BY_NAME[item.kind]  # which renderers its record names (a new kind changes no other kind's files)
    payload = json.dumps([item.model_dump(), lang, context.inputs_of(item, lang), fingerprint,
                          [kind.print_template, kind.word_builder, kind.downloads]],
                         sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def _render(job) -> str:
    extension, item, lang, context, target = job
    build = function_of(BUILDERS.get(extension) or BY_NAME[item.kind].word_builder)
    data = build(item, lang, context)
    temporary = Path(f"{target}.{os.getpid()}.tmp")  # per process: builds of two copies share the cache
    temporary.write_bytes(data)
    temporary.replace(target)
    return str(target)


def _write_zip(target: Path, members: list[tuple[str, Path]]) -> None:
    temporary = Path(f"{target}.{os.getpid()}.tmp")  # per process: builds of two copies share the cache
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, path in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    temporary.replace(target)


def pack_members(session, lang: str, files: dict) -> list[tuple[str, Path]]:
    """The files of a session pack: the guide, then each tool's PDF and DOCX."""
    members = [(f"{session.id}.pdf", files[(lang, session.id, "pdf")])]
    for tool in session.tools:
        members += [(f"{tool}.{extension}", files[(lang, tool, extension)]) for extension in ("pdf", "docx")]
    return members


class DownloadCache:
    def __init__(self, cache_dir: Path):
        self.cache_dir = Path(cache_dir)
        self.made: list[str] = []  # files made in this run (empty when everything came from the cache)
        self.prunable = True

    def prepare(self, items: list, context: RenderContext, workers: int = 2) -> dict:
        """Make sure every download exists in the cache; return {(lang, id, extension): Path}."""
        from .errors import Problem, SourceError
        from .render.pdf_file import missing_fonts
        missing = missing_fonts()
        if missing:
            raise SourceError([Problem(f"scripts/wpskit/render/{name}", 0, (
                "this bundled font is missing, so the PDFs cannot be made as designed. Restore the file "
                "(git checkout -- scripts/wpskit/render/fonts/).")) for name in missing])
        fingerprint = _fingerprint()
        wanted, jobs = {}, []
        for item in items:
            for lang in LANGUAGES:
                key = item_key(item, lang, context, fingerprint)
                for extension in FORMATS[item.kind]:
                    target = self.cache_dir / lang / f"{item.id}-{key}.{extension}"
                    wanted[(lang, item.id, extension)] = target
                    if not target.exists():
                        target.parent.mkdir(parents=True, exist_ok=True)
                        jobs.append((extension, item, lang, context, target))
        if jobs:
            quick = [job for job in jobs if job[0] != "pdf"]
            slow = [job for job in jobs if job[0] == "pdf"]
            self.made += [_render(job) for job in quick]
            if len(slow) > 2 and workers > 1:
                from concurrent.futures import ProcessPoolExecutor
                with ProcessPoolExecutor(max_workers=workers) as pool:
                    self.made += list(pool.map(_render, slow))
            else:
                self.made += [_render(job) for job in slow]
        self._prepare_packs(items, wanted)
        return wanted

    def prepare_bank(self, indicators: dict, context: RenderContext, kind=None) -> dict:
        """The files made from all items of a kind together (its record's `collection_files`; by
        default the indicator bank as indicators.csv, .xlsx and .pdf) in each language; made again only
        when an item, a title it shows (source, worksheet, module) or the renderer changes."""
        kind = kind or BY_NAME["indicator"]
        builders, name = function_of(kind.collection_files), kind.collection
        fingerprint = _fingerprint()
        shown = [sorted(context.module_titles.items()), {k: t.title.model_dump() for k, t in sorted(context.tools.items())},
                 {k: s.model_dump() for k, s in sorted(context.sources.items())}]
        wanted = {}
        for lang in LANGUAGES:
            payload = json.dumps([[i.model_dump() for _, i in sorted(indicators.items())], lang, shown, fingerprint],
                                 sort_keys=True, ensure_ascii=False, default=str)
            key = hashlib.sha256(payload.encode()).hexdigest()[:16]
            for extension, build in builders.items():
                target = self.cache_dir / lang / f"{name}-{key}.{extension}"
                wanted[(lang, name, extension)] = target
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    temporary = Path(str(target) + ".tmp")
                    temporary.write_bytes(build(indicators.values(), lang, context))
                    temporary.replace(target)
                    self.made.append(str(target))
        return wanted

    def _prepare_packs(self, items: list, wanted: dict) -> None:
        for session in (i for i in items if BY_NAME[i.kind].pack):
            for lang in LANGUAGES:
                members = pack_members(session, lang, wanted)
                key = hashlib.sha256("|".join(f"{n}={p.name}" for n, p in members).encode()).hexdigest()[:16]
                target = self.cache_dir / lang / f"{session.id}-pack-{key}.zip"
                wanted[(lang, f"{session.id}-pack", "zip")] = target
                if not target.exists():
                    _write_zip(target, members)
                    self.made.append(str(target))

    @staticmethod
    def publish(wanted: dict, site_dir: Path) -> None:
        for (lang, item_id, extension), source in wanted.items():
            target = Path(site_dir) / "downloads" / lang / f"{item_id}.{extension}"
            target.parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(source, target)

    def prune(self, wanted: dict) -> None:
        """Drop cached files no longer wanted, so the cache does not grow forever."""
        keep = {Path(p) for p in wanted.values()}
        for path in self.cache_dir.rglob("*.*"):
            if path not in keep:
                path.unlink()


def link_or_copy(source: Path, target: Path) -> None:
    """Put a file of the cache into the site: a hard link when both are on the same disk (no
    bytes copied; the cache replaces a file by a new one, never changes it in place), a copy
    otherwise. An older file at the target is removed first, never written into: it may be a
    link to a cached file."""
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
