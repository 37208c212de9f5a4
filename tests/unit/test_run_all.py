"""`make test` deals the test files to a few pytest processes (tests/run_all.py) and adds up
what they report; Lighthouse gets the machine to itself (tests/quiet_machine.py)."""

import subprocess
import sys
import time

from conftest import ROOT
import run_all


def test_every_test_file_is_dealt_once_heaviest_first_to_the_lightest_stream():
    files = run_all.test_files()
    assert "browser/test_browser.py" in files and "unit/test_run_all.py" in files
    groups = run_all.deal(files, 3)
    assert len(groups) == 3
    assert sorted(f for group in groups for f in group) == files
    loads = [sum(run_all.WEIGHTS.get(f, run_all.DEFAULT_WEIGHT) for f in group) for group in groups]
    heaviest = max(run_all.WEIGHTS.values())
    assert max(loads) - min(loads) <= heaviest, loads


def test_closing_lines_are_added_up():
    assert run_all.counts("...\n1 failed, 346 passed in 1062.57s (0:17:42)\n") == {"failed": 1, "passed": 346}
    assert run_all.counts("F.\n2 passed, 1 skipped, 3 deselected, 1 error in 3s\n") == {
        "passed": 2, "skipped": 1, "deselected": 3, "errors": 1}
    assert run_all.counts("no tests ran in 0.01s\n") == {}


HOLD_SHARED = """import fcntl, sys
lock = open(sys.argv[1], "a"); fcntl.flock(lock, fcntl.LOCK_SH); print("held", flush=True); sys.stdin.readline()"""
WANT_ALONE = """import os, sys
os.environ["WPS_QUIET_LOCK"] = sys.argv[1]
sys.path.insert(0, "tests")
import quiet_machine
alone = quiet_machine.quiet_machine.__wrapped__()
print("waiting", flush=True)
with alone():
    print("alone", flush=True)"""


def test_the_quiet_machine_waits_for_a_test_that_is_running_in_another_process(tmp_path):
    lock = str(tmp_path / "quiet.lock")
    test = subprocess.Popen([sys.executable, "-c", HOLD_SHARED, lock], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert test.stdout.readline().strip() == "held"
    lighthouse = subprocess.Popen([sys.executable, "-c", WANT_ALONE, lock], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert lighthouse.stdout.readline().strip() == "waiting"
    time.sleep(1)
    assert lighthouse.poll() is None, "Lighthouse did not wait for the test running in another process"
    test.communicate("done\n", timeout=30)  # the test ends
    assert lighthouse.communicate(timeout=30)[0].strip() == "alone"
