"""Problems found in the sources, reported as `path:line: what is wrong — how to fix it`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str  # relative to the project root, with forward slashes
    line: int  # 1-based; 0 when the whole file is concerned
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class SourceError(Exception):
    """One or more problems in the project's sources. The build must stop."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.line, p.message))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count > 1 else ''} found in the sources; nothing was published:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


class ProblemList(list):
    """Collects problems so that a contributor sees all of them in one run."""

    def add(self, path: str, line: int, message: str) -> None:
        self.append(Problem(path, line, message))

    def raise_if_any(self) -> None:
        if self:
            raise SourceError(list(self))
