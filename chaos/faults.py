"""The faults, one coroutine per kind, each bounded in time. They run while the customer load goes on; what
they did, and when, goes to the scenario's timeline (its notes and `timeline.log`) so the services' logs can
be read against it. Blocking process control (starting a service waits for its health check) runs in a
thread, so the load keeps its schedule meanwhile."""

import asyncio
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx

from chaos.config import ChaosConfig
from chaos.fuzz import FuzzRun, fuzz
from chaos.infra import Infra
from chaos.load import CustomerLoad
from parley_devstack.services import RunningStack

# How long a provider call is held so outbound can be killed during it; well under outbound's HTTP timeout.
PROVIDER_CALL_DELAY_SECONDS = 5.0


@dataclass
class Run:
    """What a fault acts on, and where it writes down what it did."""

    config: ChaosConfig
    infra: Infra
    stack: RunningStack
    http: httpx.AsyncClient
    log_dir: Path
    id_prefix: str
    started: float = field(default_factory=time.monotonic)
    notes: list[str] = field(default_factory=list)
    timeline: list[str] = field(default_factory=list)
    fuzz: FuzzRun | None = None
    load: CustomerLoad | None = None

    def mark(self, what: str) -> None:
        """A timeline entry: seconds since the load started and wall-clock UTC (the services log UTC)."""
        now = datetime.now(UTC).strftime("%H:%M:%S.%f")[:-3]
        line = f"t={time.monotonic() - self.started:6.1f}s {now}Z {what}"
        self.timeline.append(line)
        print(f"    {line}", flush=True)

    def elapsed(self) -> float:
        return time.monotonic() - self.started


Fault = Callable[[Run], Awaitable[None]]


async def nothing(run: Run) -> None:
    run.mark(f"no fault: {run.config.baseline_seconds:.0f} s of load")
    await asyncio.sleep(run.config.baseline_seconds)


def kill(service: str) -> Fault:
    async def fault(run: Run) -> None:
        await _kill_and_restart(run, service)

    return fault


async def _kill_and_restart(run: Run, service: str) -> None:
    run.stack.children[service].kill()
    killed = run.elapsed()
    run.mark(f"SIGKILL {service}")
    await asyncio.sleep(run.config.down_seconds)
    await _restart(run, service)
    run.notes.append(f"{service} SIGKILLed at t={killed:.0f}s, healthy again after {run.elapsed() - killed:.1f} s")


async def _restart(run: Run, service: str) -> None:
    run.mark(f"restarting {service}")
    await asyncio.to_thread(run.stack.stop, service)
    await asyncio.to_thread(run.stack.start, service)
    run.mark(f"{service} healthy")


async def kill_outbound_at_provider_call(run: Run) -> None:
    """Hold the next Graph call for a few seconds (the sandbox answers it, successfully, late) and SIGKILL outbound
    while it waits: WhatsApp has the message, outbound never heard so. No idempotency key exists at WhatsApp, so
    the send after the restart is a duplicate: the window this scenario measures."""
    sandbox = run.stack.url("sandbox")
    fault = {"channel": "whatsapp", "status": 200, "delay_seconds": PROVIDER_CALL_DELAY_SECONDS, "count": 1}
    (await run.http.post(sandbox + "/sandbox/faults", json=fault)).raise_for_status()
    run.mark(f"the next Graph call will be answered after {PROVIDER_CALL_DELAY_SECONDS:.0f} s")
    deadline = time.monotonic() + 30
    while (await run.http.get(sandbox + "/sandbox/faults")).json():
        if time.monotonic() > deadline:
            await run.http.delete(sandbox + "/sandbox/faults")
            run.notes.append("no provider call came within 30 s of the delay fault: outbound was not killed")
            run.mark("no provider call: nothing killed")
            return
        await asyncio.sleep(0.05)
    run.mark("a Graph call is being held")
    await asyncio.sleep(0.5)  # well inside the hold: the call is in progress
    await _kill_and_restart(run, "outbound")


def infrastructure_down(server: str, seconds: float) -> Fault:
    async def fault(run: Run) -> None:
        stop, start = {
            "kafka": (run.infra.stop_kafka, run.infra.start_kafka),
            "ferretdb": (run.infra.stop_ferretdb, run.infra.start_ferretdb),
        }[server]
        run.mark(f"stopping {server}")
        await asyncio.to_thread(stop)
        stopped = run.elapsed()
        run.mark(f"{server} stopped")
        await asyncio.sleep(seconds)
        run.mark(f"starting {server} (same data directory and ports)")
        await asyncio.to_thread(start)
        run.mark(f"{server} answering again")
        run.notes.append(f"{server} down from t={stopped:.0f}s for {run.elapsed() - stopped:.0f} s (incl. its start)")

    return fault


def provider_storm(status: int, seconds: float) -> Fault:
    async def fault(run: Run) -> None:
        sandbox = run.stack.url("sandbox")
        every_call = {"channel": "whatsapp", "status": status, "count": 100_000}
        (await run.http.post(sandbox + "/sandbox/faults", json=every_call)).raise_for_status()
        run.mark(f"every Graph call answers {status}")
        await asyncio.sleep(seconds)
        left = sum(f["remaining"] for f in (await run.http.get(sandbox + "/sandbox/faults")).json())
        (await run.http.delete(sandbox + "/sandbox/faults")).raise_for_status()
        run.mark(f"Graph calls succeed again ({100_000 - left} calls failed with {status})")
        run.notes.append(f"{100_000 - left} Graph calls answered {status} during {seconds:.0f} s")

    return fault


async def fuzz_ingest(run: Run) -> None:
    config = run.config
    run.mark(f"fuzzing ingest: {config.fuzz_count} webhooks at {config.fuzz_rate:g}/s (seed {config.fuzz_seed})")
    fuzz_prefix = "9" + run.id_prefix[1:]  # other customers than the load's
    if run.load is not None:
        # The fuzz stream (valid bodies, replays and the mutated bodies ingest accepts) is the load meanwhile: the
        # two together would exceed what the pipeline drains here, and the row would measure a backlog.
        run.load.paused = True
        run.notes.append("the customer load paused while fuzzing")
    try:
        run.fuzz = await fuzz(
            run.http, run.stack.url("ingest"), config.fuzz_count, config.fuzz_rate, config.fuzz_seed, fuzz_prefix
        )
    finally:
        if run.load is not None:
            run.load.paused = False
    run.mark(f"fuzzing done: {dict(run.fuzz.statuses())}")


def fault_for(name: str) -> Fault:
    """The fault a scenario name stands for (names are checked by chaos.config first)."""
    if name == "baseline":
        return nothing
    if name == "fuzz":
        return fuzz_ingest
    if name == "kill-outbound-at-provider-call":
        return kill_outbound_at_provider_call
    if name.startswith("kill-"):
        return kill(name.removeprefix("kill-"))
    if down := re.fullmatch(r"(kafka|ferretdb)-down-(\d+)s", name):
        return infrastructure_down(down[1], float(down[2]))
    if storm := re.fullmatch(r"provider-(\d+)-storm-(\d+)s", name):
        return provider_storm(int(storm[1]), float(storm[2]))
    raise ValueError(f"no fault for scenario {name!r}")
