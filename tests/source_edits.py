"""Editing a source in a copy of the project, for the tests of error messages."""


def edit(project, relative, change):
    """Apply `change` (text -> text) to one file of the copy; the test fails if it changed nothing."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    new = change(text)
    assert new != text, "the test's edit did not apply"
    path.write_text(new, encoding="utf-8")
    return new


def line_of(text, needle):
    """The line number (from 1) of the first line holding `needle`."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)
