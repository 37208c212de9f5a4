"""The kind registry (issue #12, item 2): one record per kind of data; loading, validation,
page generation, downloads, translation tracking, index pages and the macros read it."""

from typing import Literal, get_args

import pytest

from conftest import ROOT
from wpskit import kinds, model
from wpskit.errors import SourceError
from wpskit.kinds import BY_NAME, KINDS, Kind, find_item, function_of, items_with_pages, kind_of
from wpskit.load import load_toolkit
from wpskit.render.item_templates import TEMPLATES
from wpskit.site_hooks import page_slug


@pytest.fixture(scope="module")
def toolkit():
    return load_toolkit(ROOT)


def test_each_kind_has_one_record_named_by_its_model():
    assert len(BY_NAME) == len(KINDS)
    assert {kind.name for kind in KINDS} >= {"worksheet", "checklist", "session", "programme", "indicator", "term",
                                             "plan", "source"}
    for kind in KINDS:
        assert BY_NAME[kind.name] is kind
        declared = kind.model.model_fields.get("kind")
        if declared is not None and isinstance(declared.default, str):  # the item says which kind it is
            assert declared.default == kind.name


def test_every_yaml_file_of_the_data_belongs_to_a_kind():
    data_files = {path.relative_to(ROOT).as_posix() for folder in ("toolkit", "glossary") for path in (ROOT / folder).rglob("*.y*ml")}
    claimed = [path.relative_to(ROOT).as_posix() for kind in KINDS for path in kind.paths(ROOT)]
    assert len(claimed) == len(set(claimed)), "a file is claimed by two kinds"
    assert data_files - set(claimed) == {"toolkit/plan-builder.yml"}  # the plan builder's texts: settings, not items
    folders = {path.rsplit("/", 1)[0] for path in data_files}
    assert folders <= {kind.folder for kind in KINDS}


def test_every_item_is_loaded_into_its_kinds_collection_as_its_model(toolkit):
    for kind in KINDS:
        items = kind.items(toolkit)
        files = kind.paths(ROOT)
        assert items, f"no {kind.name} loaded from {kind.folder}"
        assert all(isinstance(item, kind.model) for item in items.values())
        if kind.one_item_per_file:
            assert sorted(items) == sorted(path.stem for path in files)
    assert set(toolkit.tools) == {i for kind in KINDS if kind.tool for i in kind.items(toolkit)}
    assert set(toolkit.tools) == set(toolkit.worksheets) | set(toolkit.checklists)


def test_items_with_pages_and_their_urls_come_from_the_registry(toolkit):
    items = items_with_pages(toolkit)
    with_pages = [kind for kind in KINDS if kind.url_section]
    assert len(items) == sum(len(kind.items(toolkit)) for kind in with_pages)
    urls = {item.kind: page_slug(item).rsplit("/", 1)[0] for item in items}
    assert urls == {kind.name: kind.url_section for kind in with_pages}
    assert urls.items() >= {"worksheet": "worksheets", "checklist": "checklists", "session": "trainers/sessions",
                            "programme": "trainers/programmes", "indicator": "indicators"}.items()  # today's URLs kept
    for kind in KINDS:
        item = next(iter(kind.items(toolkit).values()))
        if kind.url_section:
            assert find_item(toolkit, item.id) is item and kind_of(item) is kind
    with pytest.raises(KeyError):
        find_item(toolkit, "no-such-item")


def test_every_function_a_record_names_exists():
    from wpskit import data_pages
    for kind in KINDS:
        for name in (kind.word_builder, kind.collection_files, kind.view_sections):
            if name:
                assert function_of(name) is not None, f"{kind.name}: {name}"
        for template in (kind.web_template, kind.print_template):
            if template:
                assert (TEMPLATES / template).is_file(), f"{kind.name}: no template {template}"
        if kind.page_macro == "data_page":  # data_page shows a kind through the web template its record names
            assert kind.web_template and kind.view_sections and kind.label, f"{kind.name}: no web template or view"
        if kind.page_extras:
            assert callable(getattr(data_pages, kind.page_extras, None)), f"{kind.name}: no {kind.page_extras}"
        assert bool(kind.url_section) == bool(kind.page_macro), f"{kind.name}: a page needs a macro, and a macro a page"
        if kind.handbook:
            from wpskit.handbooks import NAMES
            assert kind.handbook in NAMES and kind.heading and kind.print_template, f"{kind.name}: {kind.handbook}"
        for extension in kind.downloads + (("zip",) if kind.pack else ()):
            assert extension in kind.download_labels, f"{kind.name}: no button label for .{extension}"


def test_every_label_a_record_names_exists_in_every_language():
    from wpskit.ui_text import LABELS
    for kind in KINDS:
        keys = [kind.label, kind.heading, *kind.download_labels.values()]
        for lang in LABELS:
            for key in filter(None, keys):
                assert isinstance(LABELS[lang].get(key), str) and LABELS[lang][key], f"{lang}: {key} ({kind.name})"


def test_the_macros_a_record_names_are_macros_of_the_site():
    from wpskit.macros import define_env

    class Env:  # only what define_env uses while registering
        conf, page = None, None
        registered = {}

        def macro(self, function):
            self.registered[function.__name__] = function
            return function

    env = Env()
    define_env(env)
    for kind in KINDS:
        for macro in (kind.page_macro, kind.index_macro):
            if macro:
                assert macro in env.registered, f"{kind.name}: no macro {macro}"


def test_known_keys_and_section_kinds_come_from_the_models():
    from wpskit.validation_messages import KNOWN_KEYS, UNION_TAGS
    section_kinds = [get_args(member.model_fields["kind"].annotation)[0]
                     for member in get_args(get_args(model.Worksheet.model_fields["sections"].annotation)[0].__origin__)]
    assert "quiz" in section_kinds
    assert UNION_TAGS[("sections", "kind")] == section_kinds
    for kind in KINDS:  # every key of every kind's model, e.g. an indicator's "numerator", a plan's "signature"
        assert set(kind.model.model_fields) <= set(KNOWN_KEYS)
    assert "break" in KNOWN_KEYS  # an alias (a programme's break)


def test_a_misspelt_key_of_any_kind_is_guessed_from_its_model(tmp_path):
    from wpskit.validation_messages import explain
    from wpskit.yaml_source import parse_yaml
    doc = parse_yaml("id: x\nnumerater: 1\n", "toolkit/indicators/x.yml")
    line, message = explain({"type": "extra_forbidden", "loc": ("numerater",), "input": 1}, doc)
    assert line == 2 and 'Did you mean "numerator"?' in message


def test_a_kind_added_to_the_registry_is_loaded_paged_and_tracked_without_engine_changes(project_copy, monkeypatch):
    """A throwaway kind: its model and its record only. Loading, validation, the list of
    pages and translation tracking find it; nothing in the engine names it."""
    from wpskit import l10n

    class Handout(model.Strict):
        id: model.Id
        title: model.Title
        kind: Literal["handout"] = "handout"

    handout = Kind("toolkit/handouts", Handout, "handouts", url_section="handouts", page_macro="handout_page")
    monkeypatch.setattr(kinds, "KINDS", KINDS + (handout,))
    monkeypatch.setitem(BY_NAME, "handout", handout)
    folder = project_copy / "toolkit" / "handouts"
    folder.mkdir()
    (folder / "opening.yml").write_text('id: opening\ntitle: {vi: "Khai mạc", en: "Opening"}\n', encoding="utf-8")
    toolkit = load_toolkit(project_copy)
    assert isinstance(toolkit.handouts["opening"], Handout)
    assert page_slug(toolkit.handouts["opening"]) == "handouts/opening"
    assert toolkit.handouts["opening"] in items_with_pages(toolkit)
    assert "toolkit/handouts/opening.yml" in l10n.translations(project_copy)

    (folder / "opening.yml").write_text('id: opening\ntitle: {vi: "Khai mạc", en: "Opening"}\nvenue: Hà Nội\n',
                                        encoding="utf-8")
    with pytest.raises(SourceError) as error:
        load_toolkit(project_copy)
    assert [str(p) for p in error.value.problems] == [
        'toolkit/handouts/opening.yml:3: unknown key "venue" in the file. Check the spelling, or remove the line.']
