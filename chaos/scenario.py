"""One scenario, from a fresh stack to its row: load, fault, settle (bounded), quiet period, accounting.

Each scenario gets its own services (restarted), database and emptied topics, so one scenario's backlog or
broken process cannot be blamed on the next, and its services' logs land in `chaos/results/logs/<scenario>/`.
Kafka, FerretDB and GreenMail stay up across scenarios (restarted if a scenario left one down); the slices of
their logs written during the scenario are copied next to the services' logs."""

import asyncio
import json
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from chaos.accounting import (
    Expected,
    Tally,
    account,
    account_load,
    expected,
    outcome_summary,
    progress,
    settled,
)
from chaos.config import ChaosConfig
from chaos.faults import Run, fault_for
from chaos.infra import Infra
from chaos.load import CustomerLoad
from chaos.observe import Observation, Observer
from parley_devstack.services import RunningStack, start_stack
from parley_devstack.topics import recreate_topics

ROW_KEYS = ("name", "acknowledged", "stored", "answered", "duplicated", "lost", "server_errors", "seconds", "notes")
SETTLE_POLL_SECONDS = 2.0


@dataclass
class Stacks:
    """The stack currently running, so whoever stops the run (Ctrl-C, SIGTERM, an error) can stop it too."""

    current: RunningStack | None = None

    def stop(self) -> None:
        if self.current is not None:
            self.current.stop_all()
            self.current = None


def row(name: str, tally: Tally, server_errors: int, seconds: float, notes: list[str]) -> dict[str, Any]:
    values = (name, tally.acknowledged, tally.stored, tally.answered, tally.duplicated, tally.lost, server_errors)
    return dict(zip(ROW_KEYS, (*values, round(seconds, 1), "; ".join(notes)), strict=True))


async def run_scenario(
    index: int, name: str, config: ChaosConfig, infra: Infra, stacks: Stacks, http: httpx.AsyncClient, logs: Path
) -> dict[str, Any]:
    log_dir = logs / name
    shutil.rmtree(log_dir, ignore_errors=True)
    log_dir.mkdir(parents=True)
    offsets = {server: _size(path) for server, path in infra.log_files().items()}
    notes: list[str] = []
    try:
        if healed := await asyncio.to_thread(infra.heal):
            notes.append(f"{', '.join(healed)} had to be restarted before this scenario")
        await recreate_topics(infra.kafka_bootstrap)
        database = f"chaos_{index:02d}_{uuid.uuid4().hex[:6]}"
        stacks.current = await asyncio.to_thread(_start, infra, log_dir, database)
        return await _exercise(name, index, config, infra, stacks.current, http, log_dir, database, notes)
    except Exception as exc:  # the harness could not run it: say so in the row, and go on with the next one
        notes.append(f"HARNESS ERROR, not measured: {type(exc).__name__}: {str(exc)[:300]}")
        return row(name, Tally(), 0, 0.0, notes)
    finally:
        await asyncio.to_thread(stacks.stop)
        _copy_slices(infra, offsets, log_dir)


def _start(infra: Infra, log_dir: Path, database: str) -> RunningStack:
    env = {
        "MONGODB_DATABASE": database,
        "LOG_LEVEL": "INFO",
        "SANDBOX_MAX_RECORDS": "200000",  # a scenario's recordings must not fall off: they are the evidence
    }
    stack = start_stack(infra.kafka_bootstrap, infra.mongodb_url, log_dir, extra_env=env, mail=infra.mail)
    stack.seed_demo()  # as make run: the sandbox's channel accounts connected to demo (unconnected ones are refused)
    return stack


async def _exercise(
    name: str,
    index: int,
    config: ChaosConfig,
    infra: Infra,
    stack: RunningStack,
    http: httpx.AsyncClient,
    log_dir: Path,
    database: str,
    notes: list[str],
) -> dict[str, Any]:
    id_prefix = f"5{uuid.uuid4().int % 10_000:04d}{index:02d}"
    run = Run(config, infra, stack, http, log_dir, id_prefix)
    load = CustomerLoad(http, stack.url("sandbox"), id_prefix, config.rate)
    run.load = load
    stop = asyncio.Event()
    loader = asyncio.create_task(load.run(stop))
    run.mark(f"load started: {config.rate:g} msg/s, database {database}")
    await asyncio.sleep(config.lead_seconds)
    try:
        await fault_for(name)(run)
    except Exception as exc:
        run.notes.append(f"FAULT STEP FAILED (the fault was not fully applied): {type(exc).__name__}: {str(exc)[:300]}")
        run.mark(f"fault step failed: {exc!r}")
    await asyncio.sleep(config.tail_seconds)
    stop.set()
    await loader
    load_seconds = run.elapsed()
    run.mark(f"load stopped: {len(load.messages)} messages")
    observer = Observer(http, stack.url("sandbox"), infra.mongodb_url, database)
    try:
        seen = await _settle(run, load, observer)
    finally:
        await load.cancel()
        await observer.close()
    return _result(name, run, load, seen, load_seconds, notes, log_dir)


def _expected(run: Run, load: CustomerLoad) -> list[Expected]:
    return [expected(m) for m in load.messages] + (run.fuzz.expected() if run.fuzz else [])


async def _settle(run: Run, load: CustomerLoad, observer: Observer) -> Observation:
    """Retry what ingest has not acknowledged and wait for the pipeline until nothing is left; a backlog that is
    still draining is waited for (late is not lost), up to `settle_max_seconds`, while one that has made no
    progress for `settle_seconds` is given up on. Then a quiet period, so a duplicate sent late is still counted."""
    config = run.config
    stopped = time.monotonic()
    cap = stopped + config.settle_max_seconds
    load.retry_until = cap
    history: list[tuple[float, int, int]] = []
    last_change = stopped
    while True:
        seen = await observer.observe()
        now = time.monotonic()
        point = (now, *progress(_expected(run, load), seen))
        if history and point[1:] != history[-1][1:]:
            last_change = now
        history.append(point)
        if load.in_flight == 0 and settled(_expected(run, load), seen):
            run.notes.append(f"settled {now - stopped:.0f} s after the load stopped")
            run.mark("settled")
            break
        stalled = now - last_change > config.settle_seconds
        if stalled or now > cap:
            why = (
                f"no progress for {config.settle_seconds:.0f} s"
                if stalled
                else f"{config.settle_max_seconds:.0f} s cap"
            )
            run.notes.append(f"NOT settled {now - stopped:.0f} s after the load stopped ({why}): {_trend(history)}")
            run.mark(f"settle ended ({why}): {_trend(history)}")
            break
        await asyncio.sleep(SETTLE_POLL_SECONDS)
    await asyncio.sleep(config.quiet_seconds)
    seen = await observer.observe()
    run.mark("final observation")
    return seen


def _trend(history: list[tuple[float, int, int]], window: float = 30.0) -> str:
    """Whether the pipeline was still moving when the deadline came (a backlog) or had stopped (stuck)."""
    now, stored, done = history[-1]
    then, stored_then, done_then = next(h for h in history if h[0] >= now - window)
    if stored == stored_then and done == done_then:
        return f"no progress in the last {now - then:.0f} s"
    return f"still progressing: +{stored - stored_then} stored, +{done - done_then} answered in the last {now - then:.0f} s"


def _result(
    name: str,
    run: Run,
    load: CustomerLoad,
    seen: Observation,
    load_seconds: float,
    notes: list[str],
    log_dir: Path,
) -> dict[str, Any]:
    tally = account_load(load.messages, seen)
    server_errors = tally.server_errors
    notes = [
        *notes,
        f"{tally.offered} customer messages at {run.config.rate:g}/s over {load_seconds:.0f} s",
        "attempts: " + outcome_summary(tally.outcomes),
        *run.notes,
    ]
    if run.fuzz is not None:
        fuzzed = account(run.fuzz.expected(), seen)
        notes += _fuzz_notes(run, fuzzed)
        server_errors += len(run.fuzz.server_errors())
        tally.add(fuzzed)
    notes += _problem_notes(tally, seen)
    _write_details(log_dir, run, tally, seen)
    return row(name, tally, server_errors, run.elapsed(), notes)


def _problem_notes(tally: Tally, seen: Observation) -> list[str]:
    notes = []
    if tally.never_acknowledged:
        notes.append(f"NEVER ACKNOWLEDGED by the retry deadline: {tally.never_acknowledged}")
    if tally.stored_unacknowledged:
        notes.append(
            f"stored without a 200 to any attempt (ingest published, then failed to answer): "
            f"{tally.stored_unacknowledged}"
        )
    lost = [p for p in tally.problems if p["lost"]]
    if lost:
        unstored = sum(not p["stored"] for p in lost)
        notes.append(
            f"LOST: {unstored} acknowledged but not stored, {len(lost) - unstored} stored but neither "
            "answered nor with a person (see accounting.json)"
        )
    notes += [f"observation incomplete: {error}" for error in seen.errors]
    return notes


def _fuzz_notes(run: Run, fuzzed: Tally) -> list[str]:
    fuzz = run.fuzz
    assert fuzz is not None
    statuses = ", ".join(f"{s}: {n}" for s, n in sorted(fuzz.statuses().items()))
    notes = [
        f"fuzz: {len(fuzz.cases)} webhooks to ingest ({statuses}); server_errors counts these 5xx (not 503) too",
        f"fuzz: {fuzzed.offered} messages in acknowledged signed webhooks, {fuzzed.stored} stored, "
        f"{fuzzed.answered} answered (answering a mutated message is not required: only storage counts for lost)",
    ]
    if fuzz.unavailable():
        notes.append(f"fuzz: 503 answers: {fuzz.unavailable()}")
    if accepted := fuzz.accepted_unsigned():
        notes.append(f"FUZZ: {len(accepted)} unsigned or wrongly signed webhooks answered 200")
    if errors := fuzz.server_errors():
        kinds = sorted({c.kind for c in errors})
        notes.append(f"FUZZ 5xx from mutations: {', '.join(kinds)[:400]} (samples: fuzz-server-errors.jsonl)")
    return notes


def _write_details(log_dir: Path, run: Run, tally: Tally, seen: Observation) -> None:
    """The evidence behind the row: the timeline, every problem message, the fuzz cases ingest answered 5xx."""
    (log_dir / "timeline.log").write_text("\n".join(run.timeline) + "\n")
    details = {
        "outcomes": dict(tally.outcomes),
        "problems": tally.problems,
        "observation_errors": seen.errors,
        "threads_with_a_person": len(seen.with_person),
    }
    (log_dir / "accounting.json").write_text(json.dumps(details, indent=2) + "\n")
    if run.fuzz is not None:
        samples = [
            {
                "kind": c.kind,
                "signature": c.signature,
                "status": c.status,
                "answer": c.answer,
                "body_head": c.body[:1500].decode("utf-8", errors="backslashreplace"),
                "body_bytes": len(c.body),
            }
            for c in run.fuzz.server_errors() + run.fuzz.accepted_unsigned()
        ]
        (log_dir / "fuzz-server-errors.jsonl").write_text("".join(json.dumps(s) + "\n" for s in samples))
        by_kind: dict[str, dict[str, int]] = {}
        for case in run.fuzz.cases:
            counts = by_kind.setdefault(case.kind.split(" of ")[0], {})
            counts[str(case.status)] = counts.get(str(case.status), 0) + 1
        (log_dir / "fuzz-statuses.json").write_text(json.dumps(by_kind, indent=2, sort_keys=True) + "\n")


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def _copy_slices(infra: Infra, offsets: dict[str, int], log_dir: Path) -> None:
    """What Kafka, FerretDB and GreenMail logged during the scenario (they log to one file across scenarios)."""
    for server, path in infra.log_files().items():
        if path.exists():
            with path.open("rb") as source:
                source.seek(offsets.get(server, 0))
                (log_dir / f"{server}.log").write_bytes(source.read())
