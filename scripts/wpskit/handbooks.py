"""Two handbooks per language, each one PDF: the participant's and the trainer's.

  participant-handbook.pdf  every module and case study (trainer notes left out), the
                            glossary, then every worksheet and checklist
  trainer-handbook.pdf      how to use the toolkit (/start/, /trainers/), the training
                            programmes, every session guide, the modules with their notes

They are made from the same HTML as the site: the article of each built page (MkDocs'
`page.content`, after the macros and module boxes) and, for worksheets, checklists,
sessions and programmes, the print renderer the one-item PDFs use (blank lines to fill in
on paper). Links between pages of one handbook become links inside the PDF; other links
point to the published site. WeasyPrint lays them out (cover, table of contents with page
numbers, bookmarks, running headers) in a second process while MkDocs goes on writing
pages; a handbook is made again only when its HTML (or the code, stylesheet, fonts) changed.
"""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from . import DEFAULT_LANGUAGE
from .downloads import RENDER_INPUTS
from .kinds import KINDS, listed
from .page_parts import language_table_head, language_table_row
from .render.html import esc
from .render.print_html import document as print_document
from .ui_strings import group
from .ui_text import label

HERE = Path(__file__).parent
STYLESHEETS = ("print/print.css", "print/handbook.css")
NAMES = ("participant-handbook", "trainer-handbook")
TEXT = group("handbook")  # TEXT[lang][key], from l10n/ui/<lang>.yml
TRAINER_NOTE = "trainer-note"


@dataclass
class Chapter:
    """One page of the site inside a handbook: its address and its article HTML."""

    url: str  # site path in directory form, e.g. en/modules/01-wps-agenda/
    title: str
    content: str
    print_page: bool = False  # made by the print renderer (worksheets, sessions…): its own CSS classes
    base: str = ""  # the page's own address, which its relative links start from (url when empty)


def directory_url(url: str) -> str:
    """modules/x.html, modules/x/index.html and modules/x/ are the same page."""
    url = url.lstrip("/")
    if url.endswith("index.html"):
        return url[: -len("index.html")]
    if url.endswith(".html"):
        return url[: -len(".html")] + "/"
    return url


def page_chapters(files) -> dict:
    """{(language-free slug): Chapter} of the Markdown pages of one language build."""
    chapters = {}
    for file in files.documentation_pages():
        page = file.page
        if page is None or page.content is None or getattr(file, "generated_by", None) == "wpskit":
            continue
        slug = file.src_uri.split("/", 1)[1] if "/" in file.src_uri else file.src_uri
        title = html.unescape(page.title)  # page titles arrive HTML-escaped (site_hooks.on_page_markdown)
        content = page.content if "<h1" in page.content else f"<h1>{esc(title)}</h1>{page.content}"
        chapters[slug] = Chapter(directory_url(page.url), title, content, base=page.url)
    return chapters


def print_chapter(item, lang: str, context, url: str) -> Chapter:
    """A worksheet, checklist, session guide or programme as it is printed on its own."""
    document = print_document(item, lang, context)
    body = document.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    body = re.sub(r'<footer class="running">.*?</footer>', "", body, count=1, flags=re.S)
    return Chapter(directory_url(url), item.title[lang], body, print_page=True)


def contents(kind: str, lang: str, toolkit, context, chapters: dict, item_url) -> list:
    """[(part title, [Chapter])] of one handbook, in reading order."""
    modules = [chapters[p.slug] for p in toolkit.modules(lang) if p.slug in chapters]

    def items(data_kind):
        key = (lambda i: i.id) if data_kind.handbook_order == "id" else (lambda i: i.title[lang])
        return [print_chapter(i, lang, context, item_url(i)) for i in sorted(data_kind.items(toolkit).values(), key=key)]

    printed = [(label(lang, k.heading), items(k)) for k in listed(KINDS) if k.handbook == kind]  # kinds.py
    text = TEXT[lang]
    if kind == "participant-handbook":
        return [
            (text["modules"], modules),
            (text["case_studies"], [chapters[p.slug] for p in toolkit.case_studies(lang) if p.slug in chapters]),
            (text["glossary"], [chapters[s] for s in ("glossary/index.md",) if s in chapters]),
            *printed,
        ]
    return [
        (text["how_to_use"], [chapters[s] for s in ("start/index.md", "trainers/index.md") if s in chapters]),
        *printed,
        (text["modules"], modules),
    ]


def _clean(root, keep_trainer_notes: bool) -> None:
    for element in root.xpath('.//a[contains(concat(" ", @class, " "), " headerlink ")] | .//script | .//style'):
        element.drop_tree()
    if not keep_trainer_notes:
        for element in root.xpath(f'.//*[contains(concat(" ", @class, " "), " {TRAINER_NOTE} ")]'):
            element.drop_tree()


def _link_chapters(parts: list, site_url: str, keep_trainer_notes: bool) -> list:
    """Parse every chapter, give its ids a chapter prefix, turn links into in-PDF links
    where the target is in the handbook. Returns [(part, [(anchor, title, html, print_page)])]."""
    anchors = {}
    trees = []
    number = 0
    for _part, chapters in parts:
        for chapter in chapters:
            number += 1
            anchor = f"c{number}"
            anchors[chapter.url] = anchor
            root = lxml_html.fragment_fromstring(chapter.content, create_parent="div")
            _clean(root, keep_trainer_notes)
            ids = set()
            for element in root.xpath(".//*[@id]"):
                ids.add(element.get("id"))
                element.set("id", f"{anchor}-{element.get('id')}")
            trees.append((chapter, anchor, root, ids))
    known = {anchor: ids for _c, anchor, _r, ids in trees}
    out, index = [], 0
    for part, chapters in parts:
        linked = []
        for _ in chapters:
            chapter, anchor, root, _ids = trees[index]
            index += 1
            for element in root.xpath(".//a[@href]"):
                element.set("href", _target(element.get("href"), chapter.base or chapter.url, anchors, known, site_url))
                element.attrib.pop("download", None)
            body = "".join(lxml_html.tostring(child, encoding="unicode") for child in root)
            text = html.escape(root.text or "")
            linked.append((anchor, chapter.title, text + body, chapter.print_page))
        out.append((part, linked))
    return out


def _target(href: str, page_url: str, anchors: dict, known: dict, site_url: str) -> str:
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return href
    base = "http://site/" + page_url
    resolved = urlsplit(urljoin(base, href))
    path = directory_url(posixpath.normpath(resolved.path).lstrip("/") + ("/" if resolved.path.endswith("/") else ""))
    path = "" if path in (".", "./") else path
    anchor = anchors.get(path)
    if anchor is not None:
        if resolved.fragment and resolved.fragment in known[anchor]:
            return f"#{anchor}-{resolved.fragment}"
        return f"#{anchor}"
    return site_url.rstrip("/") + "/" + path + (f"#{resolved.fragment}" if resolved.fragment else "")


def handbook_html(kind: str, lang: str, parts: list, site_url: str) -> str:
    """The whole handbook as one HTML document for WeasyPrint."""
    text = TEXT[lang]
    title = text[kind]
    linked = _link_chapters(parts, site_url, keep_trainer_notes=kind == "trainer-handbook")
    toc, body = [], []
    for part_number, (part, chapters) in enumerate(linked, 1):
        if not chapters:
            continue
        solo = len(chapters) == 1 and chapters[0][1] == part  # e.g. the glossary: no divider page of its own
        if not solo:
            part_anchor = f"p{part_number}"
            toc.append(f'<li class="toc-part"><a href="#{part_anchor}">{esc(part)}</a></li>')
            body.append(f'<section class="part" id="{part_anchor}"><h1 class="part-title">{esc(part)}</h1></section>')
        for anchor, chapter_title, content, print_page in chapters:
            toc.append(f'<li class="{"toc-part" if solo else "toc-chapter"}"><a href="#{anchor}">{esc(chapter_title)}</a></li>')
            classes = ("chapter print-item" if print_page else "chapter md-typeset") + (" solo" if solo else "")
            body.append(f'<article class="{classes}" id="{anchor}">{content}</article>')
    intro = text["participant_intro" if kind == "participant-handbook" else "trainer_intro"]
    home = site_url.rstrip("/") + ("/" if lang == DEFAULT_LANGUAGE else f"/{lang}/")
    cover = (f'<section class="cover"><p class="cover-kit">{esc(label(lang, "licence").split(" · ")[0])}</p>'
             f'<h1 class="cover-title">{esc(title)}</h1><p class="cover-intro">{esc(intro)}</p>'
             f'<p class="cover-lang">{esc(text["language"])}</p>'
             f'<p class="cover-url">{esc(text["online"])}: <a href="{esc(home)}">{esc(home)}</a></p>'
             f'<p class="cover-licence">{esc(label(lang, "licence"))}</p></section>')
    links = "".join(f'<link rel="stylesheet" href="{sheet}">' for sheet in STYLESHEETS)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)}</title>{links}</head>'
            f'<body><div class="running-title">{esc(title)}</div>{cover}'
            f'<nav class="toc"><h1 class="toc-title">{esc(text["contents"])}</h1><ol>{"".join(toc)}</ol></nav>'
            f'{"".join(body)}</body></html>')


def fingerprint() -> str:
    digest = hashlib.sha256()
    for path in [*RENDER_INPUTS, Path(__file__)]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_path(cache_dir: Path, lang: str, kind: str, document: str, code: str) -> Path:
    key = hashlib.sha256((code + document).encode()).hexdigest()[:16]
    return Path(cache_dir) / lang / f"{kind}-{key}.pdf"


def render(document: str, target: str) -> str:
    """HTML → PDF file (run in a worker process)."""
    from .render.pdf_file import html_to_pdf

    data = html_to_pdf(document)
    temporary = Path(target + ".tmp")
    temporary.parent.mkdir(parents=True, exist_ok=True)
    temporary.write_bytes(data)
    temporary.replace(target)
    return target


def size_text(size: int, lang: str) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", label(lang, "decimal_separator"))


def download_table(lang: str, href, built: tuple | None = None) -> str:
    """The rows of /downloads/ for the handbooks: a Markdown table, one column per language.
    Each size is an empty <span> filled in once the PDF is made (see handbook_hooks). Only the
    handbooks of the built languages are linked (a one-language preview makes its own only)."""
    from . import LANGUAGES
    built = LANGUAGES if built is None else built

    head = language_table_head(label(lang, 'title_col'))
    rows = []
    for kind in NAMES:
        cells = []
        for file_lang in LANGUAGES:
            name = f"{file_lang}/{kind}.pdf"
            if file_lang not in built:
                cells.append("—")
                continue
            cells.append(f'<a href="{esc(href(f"downloads/{name}"))}" download>{esc(TEXT[file_lang][kind])} (PDF'
                         f'<span class="wps-handbook-size" data-file="{name}"></span>)</a>')
        rows.append(language_table_row(esc(TEXT[lang][kind]), cells))
    return "\n".join([head, *rows]) + "\n"


SIZE_MARK = re.compile(r'<span class="wps-handbook-size" data-file="([a-z]{2}/[a-z-]+\.pdf)">[^<]*</span>')


def fill_sizes(page_html: str, sizes: dict, lang: str) -> str:
    """Write each handbook's size into its link on /downloads/."""
    def size(match):
        value = sizes.get(match.group(1))
        shown = f", {size_text(value, lang)}" if value else ""
        return f'<span class="wps-handbook-size" data-file="{match.group(1)}">{shown}</span>'
    return SIZE_MARK.sub(size, page_html)
