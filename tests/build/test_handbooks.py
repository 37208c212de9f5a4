"""Handbooks: one participant and one trainer PDF per language, read back with pypdf."""

import re
import shutil
import unicodedata
from functools import cache

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from conftest import ROOT, run_cli
from wpskit.load import load_toolkit

TOOLKIT = load_toolkit(ROOT)
LANGS = ("vi", "en")
KINDS = ("participant-handbook", "trainer-handbook")
NOTE = re.compile(r"^!!! trainer-note[^\n]*\n((?:    [^\n]*\n|\n)+)", re.M)


def squash(text: str) -> str:
    """Text without any white space: pypdf breaks lines where the layout does."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


@cache
def read(lang: str, kind: str):
    reader = PdfReader(ROOT / "site" / "downloads" / lang / f"{kind}.pdf")
    pages = [squash(page.extract_text()) for page in reader.pages]
    return reader, pages


def outline(reader) -> list[tuple[int, str, int]]:
    """(depth, title, 1-based page) of every bookmark."""
    found = []

    def walk(items, depth):
        for entry in items:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                found.append((depth, entry.title, reader.get_destination_page_number(entry) + 1))
    walk(reader.outline, 0)
    return found


def trainer_notes(lang: str) -> list[str]:
    """The opening words of every trainer note in the modules' sources, as plain text."""
    snippets = []
    for page in TOOLKIT.modules(lang):
        for body in NOTE.findall(page.body):
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)|[*_`]", r"\1", body)
            snippets.append(squash(text)[:60])
    return snippets


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_handbook_has_bookmarks_and_every_module_title(site, lang, kind):
    reader, pages = read(lang, kind)
    text = "".join(pages)
    assert len(reader.pages) >= 60, f"{kind} ({lang}) has only {len(reader.pages)} pages"
    marks = outline(reader)
    titles = {squash(title) for _depth, title, _page in marks}
    assert any(depth == 0 for depth, _t, _p in marks) and any(depth == 1 for depth, _t, _p in marks)
    for module in TOOLKIT.modules(lang):
        assert squash(module.meta.title) in text
        assert squash(module.meta.title) in titles, f"no bookmark for {module.meta.title}"


@pytest.mark.parametrize("lang", LANGS)
def test_participant_handbook_holds_case_studies_glossary_and_tools_but_no_trainer_notes(site, lang):
    _reader, pages = read(lang, "participant-handbook")
    text = "".join(pages)
    for page in TOOLKIT.case_studies(lang):
        assert squash(page.meta.title) in text
    for term in list(TOOLKIT.terms.values())[:10]:
        assert squash(term.term[lang]) in text
    for tool in TOOLKIT.tools.values():
        assert squash(tool.title[lang]) in text
    notes = trainer_notes(lang)
    assert len(notes) >= len(TOOLKIT.modules(lang))
    for note in notes:
        assert note not in text, f"trainer note in the participant handbook: {note}"


@pytest.mark.parametrize("lang", LANGS)
def test_trainer_handbook_holds_notes_programmes_and_every_session(site, lang):
    _reader, pages = read(lang, "trainer-handbook")
    text = "".join(pages)
    for note in trainer_notes(lang):
        assert note in text, f"trainer note missing: {note}"
    for item in [*TOOLKIT.programmes.values(), *TOOLKIT.sessions.values()]:
        assert squash(item.title[lang]) in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_contents_page_numbers_match_bookmarks_running_headers_and_page_numbers(site, lang, kind):
    reader, pages = read(lang, kind)
    contents = pages[2]  # cover, then the table of contents (one page or more)
    chapters = [(title, page) for depth, title, page in outline(reader) if depth == 1]
    checked = 0
    for title, page in chapters:
        listed = [int(n) for n in re.findall(re.escape(squash(title)) + r"\.+(\d+)", "".join(pages[1:4]))]
        if listed:
            assert page in listed, f"contents says {title} is on page {listed}, it is on {page}"
            checked += 1
    assert checked >= len(chapters) * 0.8, contents[:300]
    title = squash({"vi": {"participant-handbook": "Sổ tay học viên", "trainer-handbook": "Sổ tay giảng viên"},
                    "en": {"participant-handbook": "Participant handbook", "trainer-handbook": "Trainer handbook"}}[lang][kind])
    body_page = chapters[0][1] + 1  # a page inside the first chapter
    # running header (handbook, chapter), then the page number: pypdf reads the margins last
    assert pages[body_page - 1].endswith(title + squash(chapters[0][0]) + str(body_page)), pages[body_page - 1][-120:]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_fonts_embedded_and_internal_links_resolve(site, lang, kind):
    reader, _pages = read(lang, kind)
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert fonts and all(name.startswith(("Toolkit-Sans", "Toolkit-Symbols")) for name in fonts), f"fallback fonts: {fonts}"
    names = set(reader.named_destinations)
    internal = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object() if isinstance(annotation, IndirectObject) else annotation
            destination = annotation.get("/Dest")
            if destination is not None:
                internal += 1
                assert str(destination) in names, f"link to a missing destination {destination}"
            else:
                uri = annotation["/A"]["/URI"]
                assert uri.startswith("http"), uri
    assert internal > 40


@pytest.mark.parametrize("lang", LANGS)
def test_downloads_page_lists_the_handbooks_with_their_sizes(site, lang):
    page = (site / ("en/" if lang == "en" else "") / "downloads" / "index.html").read_text(encoding="utf-8")
    for file_lang in LANGS:
        for kind in KINDS:
            size = (site / "downloads" / file_lang / f"{kind}.pdf").stat().st_size
            shown = f"{round(size / 1024)} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"
            if lang == "vi":
                shown = shown.replace(".", ",")
            pattern = (rf'href="(\.\./)*(downloads/)?{file_lang}/{kind}\.pdf"[^>]*>[^<]*\(PDF'
                       rf'<span class="wps-handbook-size" data-file="{file_lang}/{kind}.pdf">, {re.escape(shown)}</span>\)')
            assert re.search(pattern, page), f"{file_lang}/{kind}.pdf ({shown}) not listed on {lang} /downloads/"


def test_a_handbook_is_made_again_only_when_its_content_changes(project_copy, tmp_path):
    """A preview build reuses the cached handbooks; a changed module makes new ones."""
    cache_dir = tmp_path / "cache"
    shutil.copytree(ROOT / ".cache" / "downloads", cache_dir)
    handbooks = lambda: sorted(p.name for p in (cache_dir / "vi").glob("*-handbook-*.pdf"))  # noqa: E731
    before = handbooks()
    result = run_cli("build", "--lang", "vi", cwd=project_copy, env={"WPS_CACHE_DIR": str(cache_dir)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert handbooks() == before
    module = project_copy / "docs" / "vi" / "modules" / "01-wps-agenda.md"
    module.write_text(module.read_text(encoding="utf-8") + "\nĐoạn mới để kiểm tra bộ nhớ đệm của sổ tay.\n", encoding="utf-8")
    result = run_cli("build", "--lang", "vi", cwd=project_copy, env={"WPS_CACHE_DIR": str(cache_dir)})
    assert result.returncode == 0, result.stdout + result.stderr
    made = sorted(set(handbooks()) - set(before))
    assert [name.split("-handbook-")[0] for name in made] == ["participant", "trainer"]
    reader = PdfReader(project_copy / "site" / "downloads" / "vi" / "participant-handbook.pdf")
    assert "Đoạnmớiđểkiểmtrabộnhớđệmcủasổtay." in "".join(squash(p.extract_text()) for p in reader.pages)
