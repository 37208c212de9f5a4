"""Plans as data: toolkit/plans/<id>.yml (a worked example the plan builder can start from)
and toolkit/plan-builder.yml (every text of the plan builder), checked like the rest."""

from __future__ import annotations

from pathlib import Path

from .errors import ProblemList
from .model import PlanBuilderTexts
from .yaml_source import YamlProblem, read_yaml


def indicator_ids(root: Path) -> set | None:
    """Ids of the indicator bank (toolkit/indicators/), or None when there is no bank yet."""
    folder = root / "toolkit" / "indicators"
    if not folder.is_dir():
        return None
    ids = set()
    for file in folder.rglob("*.y*ml"):
        ids.add(file.stem)
        try:
            data = read_yaml(file, root).data
        except YamlProblem:
            continue  # reported by whoever checks the bank
        entries = data if isinstance(data, list) else (data.get("indicators") or [data]) if isinstance(data, dict) else []
        ids.update(e["id"] for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str))
    return ids


def load_plans(root: Path, problems: ProblemList, toolkit) -> None:
    """The plan builder's texts, and the indicators the plans name (the plans themselves are
    loaded as a kind of the registry, kinds.py)."""
    from .load import _validate, check_text_file
    builder = root / "toolkit" / "plan-builder.yml"
    if builder.exists() and check_text_file(builder, root, problems) is not None:
        try:
            doc = read_yaml(builder, root)
        except YamlProblem as error:
            problems.append(error.problem)
        else:
            toolkit.plan_builder = _validate(PlanBuilderTexts, doc, (), problems,
                                             doc.data if isinstance(doc.data, dict) else {})
            if toolkit.plan_builder is not None:
                _check_builder(toolkit.plan_builder, doc, problems)
    known = indicator_ids(root)
    if known is None:
        return
    for plan in toolkit.plans.values():
        for index, activity in enumerate(plan.activities):
            for number, indicator in enumerate(activity.indicators):
                if indicator not in known:
                    problems.add(toolkit.files[plan.id], toolkit.line_of(plan.id, "activities", index, "indicators", number),
                                 f'the indicator "{indicator}" does not exist. Use the id of an indicator in toolkit/indicators/.')


PLAN_FIELDS = ("variant", "parent_body", "issuing_body", "number_symbol", "place", "date", "summary", "basis", "purpose",
               "requirements", "objectives", "targets", "activities", "funding", "implementation", "reporting",
               "recipients", "signature.authority", "signature.signer")


def _check_builder(texts: PlanBuilderTexts, doc, problems: ProblemList) -> None:
    for field in PLAN_FIELDS:
        if field not in texts.fields:
            problems.add(doc.path, doc.line_of(("fields",)), f'the field "{field}" has no label. Add "{field}: {{label: {{vi: …, en: …}}}}" under fields.')
    for index, step in enumerate(texts.steps):
        for field in step.fields:
            if field not in PLAN_FIELDS:
                problems.add(doc.path, doc.line_of(("steps", index, "fields")),
                             f'the step "{step.id}" names an unknown field "{field}". Use one of: {", ".join(PLAN_FIELDS)}.')
