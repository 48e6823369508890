"""The local stack's children run under SCHED_BATCH (docs/adr/0014-local-scheduling.md), and the supervisor's own
thread keeps its policy."""

import os
import sys

import pytest

from parley_devstack.process import Child

pytestmark = pytest.mark.skipif(not hasattr(os, "SCHED_BATCH"), reason="Linux scheduling policies")

SLEEPER = [sys.executable, "-c", "import time; time.sleep(30)"]


def _policy_of_child(tmp_path, monkeypatch, setting: str | None) -> int:
    if setting is None:
        monkeypatch.delenv("PARLEY_SCHED_BATCH", raising=False)
    else:
        monkeypatch.setenv("PARLEY_SCHED_BATCH", setting)
    before = os.sched_getscheduler(0)
    child = Child("sleeper", SLEEPER, tmp_path / "sleeper.log")
    try:
        assert os.sched_getscheduler(0) == before  # the supervisor's thread is as it was
        return os.sched_getscheduler(child.proc.pid)
    finally:
        child.stop(timeout=5)


def test_a_child_runs_under_sched_batch_by_default(tmp_path, monkeypatch):
    assert _policy_of_child(tmp_path, monkeypatch, None) == os.SCHED_BATCH


def test_the_setting_turns_it_off(tmp_path, monkeypatch):
    assert _policy_of_child(tmp_path, monkeypatch, "false") == os.SCHED_OTHER
