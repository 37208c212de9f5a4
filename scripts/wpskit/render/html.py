"""Data → HTML fragments for the web pages, in one language.

Every string that comes from data goes through `esc` (or `md_text` for Markdown
headings): a title such as `<script>` shows as text. Links are computed relative to the
page being rendered, because raw HTML is not rewritten by MkDocs.
"""

from __future__ import annotations

import posixpath
import re

from markupsafe import escape

from ..model import Checklist, FormSection, ListSection, QuizSection, TableSection, Worksheet
from ..schedule import day_schedule
from ..ui_text import label


def esc(text) -> str:
    return str(escape(text))


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|~<>])")


def md_text(text: str) -> str:
    """Text that is safe inside a Markdown heading: HTML-escaped, Markdown specials escaped."""
    return _MD_SPECIAL.sub(lambda m: "&#%d;" % ord(m.group(1)), str(text).replace("&", "&amp;"))


def relative(from_url: str, to_url: str) -> str:
    """Relative link from the page at `from_url` to `to_url` (both relative to the site root)."""
    base = from_url if from_url.endswith("/") or from_url == "" else posixpath.dirname(from_url) + "/"
    target_dir, target_name = posixpath.split(to_url)
    rel = posixpath.relpath(target_dir or ".", base.rstrip("/") or ".")
    rel = "" if rel == "." else rel + "/"
    return rel + target_name if (rel + target_name) else "./"


class Urls:
    """Where things are in the built site, for one language and URL style."""

    def __init__(self, lang: str, default_lang: str, directory_urls: bool = True):
        self.lang = lang
        self.prefix = "" if lang == default_lang else f"{lang}/"
        self.directory_urls = directory_urls

    def page(self, slug: str) -> str:
        """slug like 'worksheets/stakeholder-map' or 'glossary' or '' (home)."""
        if slug in ("", "index"):
            return self.prefix + ("" if self.directory_urls else "index.html")
        if self.directory_urls:
            return f"{self.prefix}{slug}/"
        return f"{self.prefix}{slug}/index.html" if slug.endswith("index") else f"{self.prefix}{slug}.html"

    def tool(self, item) -> str:
        return self.page(f"{item.kind}s/{item.id}")

    def download(self, item_id: str, extension: str) -> str:
        return f"downloads/{self.lang}/{item_id}.{extension}"


def tool_meta_line(item, lang: str, module_title: str | None, module_href: str | None) -> str:
    parts = [esc(label(lang, item.kind))]
    if module_title and module_href:
        parts.append(f'{esc(label(lang, "module"))}: <a href="{esc(module_href)}">{esc(module_title)}</a>')
    if getattr(item, "minutes", None):
        parts.append(esc(label(lang, "minutes_value", n=item.minutes)))
    return '<p class="wps-meta">' + " · ".join(parts) + "</p>"


def downloads_box(item, lang: str, here: str, urls: Urls, sizes: dict) -> str:
    links = []
    for extension in ("pdf", "docx"):
        target = urls.download(item.id, extension)
        size = sizes.get((lang, item.id, extension))
        size_text = f" · {esc(label(lang, 'size_kb', n=max(1, round(size / 1024))))}" if size else ""
        links.append(
            f'<a class="md-button wps-download" href="{esc(relative(here, target))}" download>'
            f'{esc(label(lang, extension))}{size_text}</a>'
        )
    return (f'<div class="wps-downloads" role="group" aria-label="{esc(label(lang, "downloads"))}">'
            + "".join(links) + "</div>")


def _table(section: TableSection, lang: str) -> str:
    head = "".join(f'<th scope="col">{esc(c[lang])}</th>' for c in section.columns)
    rows = ""
    if section.example:
        cells = "".join(
            f'<td data-label="{esc(c[lang])}">{esc(v[lang])}</td>' for c, v in zip(section.columns, section.example)
        )
        rows += f'<tr class="wps-example" aria-label="{esc(label(lang, "example_row"))}">{cells}</tr>'
    blank = "".join(f'<td data-label="{esc(c[lang])}"></td>' for c in section.columns)
    rows += f'<tr class="wps-blank">{blank}</tr>' * min(2, section.blank_rows)
    caption = f'<caption>{esc(section.title[lang])}</caption>'
    return (f'<div class="wps-table-wrap"><table class="wps-fill">{caption}<thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table></div>")


def _form(section: FormSection, lang: str) -> str:
    out = ['<dl class="wps-form">']
    for field in section.fields:
        out.append(f"<dt>{esc(field.label[lang])}</dt><dd>")
        if field.prompt:
            out.append(f'<p class="wps-prompt">{esc(field.prompt[lang])}</p>')
        if field.example:
            out.append(f'<p class="wps-example-text"><span class="wps-tag">{esc(label(lang, "example"))}</span> '
                       f"{esc(field.example[lang])}</p>")
        out.append("</dd>")
    out.append("</dl>")
    return "".join(out)


def _list(section: ListSection, lang: str) -> str:
    return '<ol class="wps-prompts">' + "".join(f"<li>{esc(i[lang])}</li>" for i in section.items) + "</ol>"


def _quiz(section: QuizSection, lang: str) -> str:
    questions, answers = [], []
    for number, question in enumerate(section.questions, 1):
        options = "".join(f"<li>{esc(o[lang])}</li>" for o in question.options)
        questions.append(f'<li><p>{esc(question.text[lang])}</p><ol class="wps-options" type="a">{options}</ol></li>')
        answers.append(f"<li>{chr(96 + question.answer)}) {esc(question.options[question.answer - 1][lang])}</li>")
    return (f'<ol class="wps-quiz">{"".join(questions)}</ol>'
            f'<details class="trainer-note"><summary>{esc(label(lang, "answers"))}</summary><ol>{"".join(answers)}</ol></details>')


def section_body(section, lang: str) -> str:
    intro = f'<p>{esc(section.intro[lang])}</p>' if section.intro else ""
    if isinstance(section, TableSection):
        return intro + _table(section, lang)
    if isinstance(section, FormSection):
        return intro + _form(section, lang)
    if isinstance(section, QuizSection):
        return intro + _quiz(section, lang)
    return intro + _list(section, lang)


def sources_list(ids, sources: dict, lang: str) -> str:
    items = []
    for source_id in ids:
        source = sources[source_id]
        year = f", {source.year}" if source.year else ""
        items.append(f'<li id="source-{esc(source.id)}">{esc(source.title[lang])}. '
                     f"<em>{esc(source.publisher[lang])}</em>{year}.</li>")
    return '<ol class="wps-sources">' + "".join(items) + "</ol>"


def instructions_list(item, lang: str) -> str:
    return '<ol class="wps-steps">' + "".join(f"<li>{esc(i[lang])}</li>" for i in item.instructions) + "</ol>"


def worksheet_body(item: Worksheet, lang: str) -> list[tuple[str, str]]:
    """(Markdown heading text or '', HTML block) pairs, in page order."""
    blocks = []
    if item.instructions:
        blocks.append((label(lang, "instructions"), instructions_list(item, lang)))
    for section in item.sections:
        blocks.append((section.title[lang], section_body(section, lang)))
    return blocks


def checklist_body(item: Checklist, lang: str) -> list[tuple[str, str]]:
    blocks = []
    if item.instructions:
        blocks.append((label(lang, "instructions"), instructions_list(item, lang)))
    blocks.append(("", (
        f'<div class="wps-checklist-bar" data-checklist="{esc(item.id)}">'
        f'<p class="wps-progress" aria-live="polite" data-template="{esc(label(lang, "ticked", done="{done}", total="{total}"))}"></p>'
        f'<button type="button" class="md-button wps-reset">{esc(label(lang, "reset"))}</button>'
        f'<p class="wps-saved-note">{esc(label(lang, "saved_note"))}</p></div>'
    )))
    for g, group in enumerate(item.groups, 1):
        items = []
        for i, entry in enumerate(group.items, 1):
            key = f"{item.id}:{g}.{i}"
            box_id = f"check-{item.id}-{g}-{i}"
            guidance = (f'<p class="wps-guidance"><span class="wps-tag">{esc(label(lang, "guidance"))}</span> '
                        f"{esc(entry.guidance[lang])}</p>") if entry.guidance else ""
            items.append(
                f'<li><input type="checkbox" id="{box_id}" data-key="{esc(key)}">'
                f'<label for="{box_id}">{esc(entry.text[lang])}</label>{guidance}</li>'
            )
        blocks.append((group.title[lang], '<ul class="wps-check-items">' + "".join(items) + "</ul>"))
    return blocks


def flow_figure(steps, caption: str | None, cyclic: bool = False) -> str:
    kind = "wps-cycle" if cyclic else "wps-flow"
    items = "".join(f"<li>{esc(step)}</li>" for step in steps)
    cap = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return f'<figure class="{kind}"><ol>{items}</ol>{cap}</figure>'


def session_body(session, lang: str, tool_link) -> list[tuple[str, str]]:
    """(heading, HTML) blocks of a session guide; `tool_link(id)` gives an <a> to a tool page."""
    blocks = [(label(lang, "outcomes"), "<ul>" + "".join(f"<li>{esc(o[lang])}</li>" for o in session.outcomes) + "</ul>")]
    if session.materials:
        blocks.append((label(lang, "materials"), "<ul>" + "".join(f"<li>{esc(m[lang])}</li>" for m in session.materials) + "</ul>"))
    if session.tools:
        blocks.append((label(lang, "to_print"), "<ul>" + "".join(f"<li>{tool_link(t)}</li>" for t in session.tools) + "</ul>"))
    rows, elapsed = [], 0
    head = "".join(f'<th scope="col">{esc(label(lang, key))}</th>'
                   for key in ("step_col", "time_col", "activity_col", "instructions", "tool_col"))
    for number, step in enumerate(session.steps, 1):
        end = elapsed + step.minutes
        rows.append(
            f'<tr><td>{number}</td><td class="wps-nowrap">{elapsed}–{end}′</td>'
            f'<td><strong>{esc(step.title[lang])}</strong><br><span class="wps-method">{esc(label(lang, "methods")[step.method])}</span> · '
            f'{esc(label(lang, "minutes_value", n=step.minutes))}</td>'
            f"<td>{esc(step.instructions[lang])}</td><td>{tool_link(step.uses) if step.uses else ''}</td></tr>")
        elapsed = end
    caption = f"<caption>{esc(label(lang, 'steps'))} · {esc(label(lang, 'total'))}: {esc(label(lang, 'minutes_value', n=elapsed))}</caption>"
    blocks.append((label(lang, "steps"), f'<table class="wps-steps-table">{caption}<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'))
    if session.tips:
        blocks.append((label(lang, "tips"), '<ul class="wps-tips">' + "".join(f"<li>{esc(t[lang])}</li>" for t in session.tips) + "</ul>"))
    return blocks


def programme_body(programme, lang: str, sessions: dict, session_link) -> list[tuple[str, str]]:
    blocks = []
    for number, day in enumerate(programme.days, 1):
        title = day.title[lang] if day.title else label(lang, "day_n", n=number)
        rows = []
        for slot in day_schedule(day, sessions)[0]:
            if slot.session is not None:
                name = session_link(slot.session.id)
            else:
                name = f'<em>{esc(slot.item.label[lang])}</em>'
            rows.append(f'<tr><td class="wps-nowrap">{slot.clock}</td><td>{name}</td>'
                        f'<td class="wps-nowrap">{esc(label(lang, "minutes_value", n=slot.end - slot.start))}</td></tr>')
        head = "".join(f'<th scope="col">{esc(label(lang, key))}</th>' for key in ("clock_col", "session_col", "duration_col"))
        blocks.append((title, f'<table class="wps-agenda"><caption>{esc(title)}</caption><thead><tr>{head}</tr></thead>'
                              f'<tbody>{"".join(rows)}</tbody></table>'))
    return blocks


def buttons(links: list[tuple[str, str, int | None]], lang: str) -> str:
    """Download buttons: (label, href, size in bytes)."""
    out = []
    for text, href, size in links:
        size_text = f" · {esc(label(lang, 'size_kb', n=max(1, round(size / 1024))))}" if size else ""
        out.append(f'<a class="md-button wps-download" href="{esc(href)}" download>{esc(text)}{size_text}</a>')
    return f'<div class="wps-downloads" role="group" aria-label="{esc(label(lang, "downloads"))}">{"".join(out)}</div>'
