"""The project's own safety rules, read from its files: hashed Python pins that agree with
the versions in requirements.txt and constraints.txt, actions pinned to commits without
credentials left behind, a security policy that says how to report a problem."""

from __future__ import annotations

import re

from conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)")


def pins(text: str) -> dict:
    found = {}
    for line in text.splitlines():
        match = PIN.match(line)
        if match:
            found[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = match.group(2)
    return found


def test_every_pinned_package_is_in_the_lock_with_the_same_version_and_its_hashes():
    lock_text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    lock = pins(lock_text)
    wanted = {**pins((ROOT / "constraints.txt").read_text(encoding="utf-8")),
              **pins((ROOT / "requirements.txt").read_text(encoding="utf-8"))}
    assert {name: lock.get(name) for name in wanted} == wanted, "run the command at the top of requirements.lock again"
    for block in re.split(r"\n(?=[A-Za-z])", lock_text.split("\n", 6)[-1]):
        if PIN.match(block):
            assert "--hash=sha256:" in block, block.splitlines()[0]


def test_make_installs_with_hashes_only():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [line for line in makefile.splitlines() if "pip install" in line]
    assert installs and all("--require-hashes" in line and "requirements.lock" in line for line in installs)


def test_workflow_actions_are_pinned_to_commits_and_checkout_keeps_no_credentials():
    for workflow in (ROOT / ".github" / "workflows").glob("*.y*ml"):
        text = workflow.read_text(encoding="utf-8")
        uses = re.findall(r"uses:\s*(\S+)", text)
        assert uses
        for action in uses:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), f"{workflow.name}: {action} is not pinned to a commit"
        for match in re.finditer(r"uses:\s*actions/checkout@\S+.*\n((?:\s{8,}.*\n)*)", text):
            assert "persist-credentials: false" in match.group(1), workflow.name
        assert "permissions:" in text


def test_the_security_policy_says_how_to_report_a_problem():
    policy = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    assert "security/advisories/new" in policy and "In scope" in policy and "Báo cáo" in policy
    assert "SECURITY.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_installs_what_the_nu_checker_and_word_checks_need():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "default-jre-headless" in run and "libreoffice-writer-nogui" in run
