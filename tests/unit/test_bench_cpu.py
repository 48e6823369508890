"""bench/cpu.py: CPU per message by process, read from /proc."""

import os
import subprocess
import sys
import time

from bench import cpu


def test_cpu_of_a_process_and_its_children_is_counted():
    child = subprocess.Popen([sys.executable, "-c", "sum(range(30_000_000)); import time; time.sleep(5)"])
    try:
        time.sleep(2.5)  # the sum is done, the child sleeps
        used = cpu.snapshot({"me": os.getpid()})["me"]
        assert used >= 0.3  # the child's busy second counts as ours
    finally:
        child.kill()
        child.wait()


def test_per_message_divides_by_messages_and_totals_busiest_first():
    got = cpu.per_message({"a": 1.0, "b": 2.0}, {"a": 1.5, "b": 4.0}, 10)
    assert got == {"b": 200.0, "a": 50.0, "total": 250.0}
    assert next(iter(got)) == "b"
    assert cpu.per_message({"a": 0.0}, {"a": 1.0}, 0) == {}
