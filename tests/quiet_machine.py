"""Lighthouse measures speed, so it runs on a quiet machine: when `make test` runs several
pytest processes (tests/run_all.py sets WPS_QUIET_LOCK), every test holds a shared lock while
it runs, and Lighthouse waits for the exclusive one; new tests wait while Lighthouse wants it
or holds it. Without WPS_QUIET_LOCK (a plain `pytest`) nothing is locked."""

from __future__ import annotations

import contextlib
import fcntl
import os

import pytest

LOCK = os.environ.get("WPS_QUIET_LOCK")


@contextlib.contextmanager
def _locked(path: str, mode: int):
    with open(path, "a") as handle:
        fcntl.flock(handle, mode)
        yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    if not LOCK or "quiet_machine" in item.fixturenames:
        yield
        return
    with contextlib.ExitStack() as stack:
        with _locked(LOCK + ".intent", fcntl.LOCK_SH):  # waits while Lighthouse wants the machine
            stack.enter_context(_locked(LOCK, fcntl.LOCK_SH))
        yield


@pytest.fixture(scope="session")
def quiet_machine():
    """A context manager: the machine to this process alone (once the others' current tests end)."""
    @contextlib.contextmanager
    def alone():
        if not LOCK:
            yield
            return
        with _locked(LOCK + ".intent", fcntl.LOCK_EX), _locked(LOCK, fcntl.LOCK_EX):
            yield
    return alone
