"""One bad value gives one problem, `path:line: what — how to fix`, its cause first (issue #12, item 5).

Each case breaks one value in a copy of the project and expects exactly one problem, on the
line of the broken value, in the file that holds it: no follow-on problem elsewhere (a page
linking the broken worksheet, a session printing it) and no second message for the same
mistake (an unknown key and the missing key it was meant to be).
"""

import re

import pytest

from source_edits import edit as _edit, line_of as _line
from wpskit.errors import SourceError
from wpskit.load import load_toolkit

WORKSHEET = "toolkit/worksheets/stakeholder-map.yml"  # linked by pages, printed by sessions, named by indicators


def _problems(project):
    with pytest.raises(SourceError) as error:
        load_toolkit(project)
    return [str(problem) for problem in error.value.problems]


def _bad_section_kind(project):
    text = _edit(project, WORKSHEET, lambda t: t.replace("  - kind: table", "  - kind: quizz", 1))
    return WORKSHEET, _line(text, "kind: quizz"), ['"kind: quizz"', '"kind: quiz"', '"kind: table"']


def _missing_section_kind(project):
    text = _edit(project, WORKSHEET, lambda t: t.replace("  - kind: table", "  - type: table", 1))
    return WORKSHEET, _line(text, "type: table"), ['needs "kind: table", "kind: form", "kind: list" or "kind: quiz"']


def _misspelt_key(project):
    text = _edit(project, WORKSHEET, lambda t: t.replace("minutes:", "minutess:", 1))
    return WORKSHEET, _line(text, "minutess:"), ['unknown key "minutess"', 'Did you mean "minutes"?']


def _misspelt_language(project):
    text = _edit(project, WORKSHEET, lambda t: re.sub(r"^(purpose:\n  vi: .*\n)  en:", r"\1  em:", t, count=1, flags=re.M))
    return WORKSHEET, _line(text, "  em:"), ['unknown key "em"', 'Did you mean "en"?']


def _missing_translation(project):
    text = _edit(project, WORKSHEET, lambda t: re.sub(r"^(purpose:\n  vi: .*\n)  en: .*\n", r"\1", t, count=1, flags=re.M))
    return WORKSHEET, _line(text, "purpose:"), ['"purpose" has no English text']


def _copied_file_keeps_the_id(project):
    copy = "toolkit/worksheets/stakeholder-map-2.yml"
    (project / copy).write_text((project / WORKSHEET).read_text(encoding="utf-8"), encoding="utf-8")
    return copy, 1, ['the id "stakeholder-map" must be the same as the file name "stakeholder-map-2"']


def _id_used_by_another_kind(project):
    checklist = next((project / "toolkit" / "checklists").glob("*.yml"))
    moved = f"toolkit/checklists/stakeholder-map.yml"
    text = checklist.read_text(encoding="utf-8").replace(f"id: {checklist.stem}\n", "id: stakeholder-map\n", 1)
    (project / moved).write_text(text, encoding="utf-8")
    for page in project.glob("docs/*/**/*.md"):  # the pages that list the checklist keep working
        page.write_text(page.read_text(encoding="utf-8").replace(checklist.stem, "stakeholder-map"), encoding="utf-8")
    for source in project.glob("toolkit/*/*.yml"):
        source.write_text(source.read_text(encoding="utf-8").replace(checklist.stem, "stakeholder-map"), encoding="utf-8")
    checklist.unlink()
    return moved, _line(text, "id: stakeholder-map"), ['the id "stakeholder-map" is already used by toolkit/worksheets/stakeholder-map.yml']


def _bad_tool_link(project):
    page = "docs/vi/modules/03-localization.md"
    text = _edit(project, page, lambda t: t + '\n{{ tool_link("stakeholder-mapp") }}\n')
    return page, _line(text, "stakeholder-mapp"), ['tool_link("stakeholder-mapp") names no worksheet or checklist']


def _bad_value_in_a_session(project):
    session = "toolkit/sessions/s00-opening.yml"
    text = _edit(project, session, lambda t: re.sub(r"method: [a-z-]+", "method: quizz", t, count=1))
    return session, _line(text, "method: quizz"), ['"method" is "quizz"', "'quiz'"]


CASES = [_bad_section_kind, _missing_section_kind, _misspelt_key, _misspelt_language, _missing_translation,
         _copied_file_keeps_the_id, _id_used_by_another_kind, _bad_tool_link, _bad_value_in_a_session]


@pytest.mark.parametrize("breaks", CASES, ids=[case.__name__.strip("_") for case in CASES])
def test_one_bad_value_gives_one_problem_naming_its_line(project_copy, breaks):
    path, line, words = breaks(project_copy)
    problems = _problems(project_copy)
    assert len(problems) == 1, "\n".join(problems)
    assert problems[0].startswith(f"{path}:{line}: "), problems[0]
    for word in words:
        assert word in problems[0]


def test_two_bad_values_give_two_problems(project_copy):
    _bad_section_kind(project_copy)
    _misspelt_key(project_copy)
    problems = _problems(project_copy)
    assert len(problems) == 2, "\n".join(problems)
    assert all(problem.startswith(f"{WORKSHEET}:") for problem in problems)
