"""The kind registry (issue #12, item 2): loading and page generation iterate one record per kind."""

from conftest import ROOT
from wpskit import model
from wpskit.kinds import BY_NAME, KINDS, items_with_pages
from wpskit.load import load_toolkit
from wpskit.site_hooks import page_slug


def test_each_kind_is_named_by_its_model_once():
    names = [kind.name for kind in KINDS]
    assert names == ["worksheet", "checklist", "session", "programme", "indicator"]
    assert all(BY_NAME[kind.name] is kind and kind.model.model_fields["kind"].default == kind.name for kind in KINDS)


def test_every_folder_of_items_is_in_the_registry():
    folders = {path.parent.relative_to(ROOT).as_posix() for path in (ROOT / "toolkit").glob("*/*.yml")}
    assert folders - {kind.folder for kind in KINDS} == {"toolkit/plans"}  # plans: plan_sources.py, not yet a kind


def test_items_and_their_pages_come_from_the_registry():
    toolkit = load_toolkit(ROOT)
    items = items_with_pages(toolkit)
    assert len(items) == sum(len(getattr(toolkit, kind.collection)) for kind in KINDS)
    assert {item.kind for item in items} == set(BY_NAME)
    urls = {item.kind: page_slug(item).rsplit("/", 1)[0] for item in items}
    assert urls == {"worksheet": "worksheets", "checklist": "checklists", "session": "trainers/sessions",
                    "programme": "trainers/programmes", "indicator": "indicators"}
    assert all(isinstance(item, BY_NAME[item.kind].model) for item in items)
    assert model.Worksheet is BY_NAME["worksheet"].model


def test_an_item_is_found_by_id_whatever_its_kind():
    from wpskit.kinds import find_item
    import pytest
    toolkit = load_toolkit(ROOT)
    for kind in KINDS:
        item = next(iter(getattr(toolkit, kind.collection).values()))
        assert find_item(toolkit, item.id) is item
    with pytest.raises(KeyError):
        find_item(toolkit, "no-such-item")
