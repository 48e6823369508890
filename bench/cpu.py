"""Where the CPU goes: each process's user+system CPU time from /proc, read before and after a measurement, so a
level reports CPU milliseconds per message for every process of the pipeline (Linux only; elsewhere empty)."""

import os
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _tree(pid: int) -> list[int]:
    """The process and its descendants (a service's own helpers count as the service)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except (FileNotFoundError, ProcessLookupError):
        return [pid]
    return [pid, *(p for child in children for p in _tree(int(child)))]


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime (fields 14 and 15 of stat)


def snapshot(pids: dict[str, int]) -> dict[str, float]:
    """CPU seconds used so far by each named process (with its descendants)."""
    return {name: sum(_cpu_seconds(p) for p in _tree(pid)) for name, pid in pids.items()}


def per_message(before: dict[str, float], after: dict[str, float], messages: int) -> dict[str, float]:
    """CPU milliseconds per message by process, busiest first, and their total."""
    if messages <= 0:
        return {}
    used = {name: (after[name] - before.get(name, 0.0)) * 1000 / messages for name in after}
    ordered = dict(sorted(((k, round(v, 2)) for k, v in used.items()), key=lambda kv: -kv[1]))
    return {**ordered, "total": round(sum(used.values()), 2)}
