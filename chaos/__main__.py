"""`make chaos`: Parley under faults, with exact accounting of every customer message (chaos/README.md).

Starts Kafka, FerretDB and GreenMail on free ports with temporary data, then per scenario a fresh stack (the
five services and the sandbox), a steady customer load, the fault, a bounded settle; writes
chaos/results/latest.json and latest.md and prints the table. Every process it started is stopped on any exit,
Ctrl-C or SIGTERM."""

import asyncio
import json
import os
import platform
import signal
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from chaos.config import ChaosConfig, load_config
from chaos.infra import Infra, remove_root, temporary_root
from chaos.report import markdown, table
from chaos.scenario import Stacks, run_scenario

RESULTS = Path(__file__).parent / "results"


class Stop(Exception):
    """Ctrl-C or SIGTERM: unwind, stopping every process on the way out."""


def _raise_stop(signum: int, frame: object) -> None:
    # The first signal starts the shutdown; later ones (Ctrl-C arrives twice through `uv run`) must not
    # interrupt it half-way and orphan processes.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Stop


async def run_all(config: ChaosConfig, infra: Infra, stacks: Stacks) -> list[dict[str, Any]]:
    rows = []
    limits = httpx.Limits(max_connections=400, max_keepalive_connections=100)
    async with httpx.AsyncClient(timeout=30, limits=limits) as http:
        for index, name in enumerate(config.scenarios):
            print(f"[chaos] {index + 1}/{len(config.scenarios)} {name}", flush=True)
            rows.append(await run_scenario(index, name, config, infra, stacks, http, RESULTS / "logs"))
            print(table(rows[-1:]), flush=True)
    return rows


def machine() -> dict[str, Any]:
    return {
        "cores": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def write(results: dict[str, Any]) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    (RESULTS / "latest.md").write_text(markdown(results))


def main() -> int:
    try:
        config = load_config()
    except ValueError as exc:
        print(f"chaos: {exc}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _raise_stop)
    signal.signal(signal.SIGINT, _raise_stop)
    results: dict[str, Any] = {"started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "machine": machine()}
    infra = Infra(temporary_root())
    stacks = Stacks()
    started = time.monotonic()
    try:
        print(f"[chaos] starting Kafka, FerretDB and GreenMail in {infra.root}", flush=True)
        infra.start_all()
        results["scenarios"] = asyncio.run(run_all(config, infra, stacks))
    except Stop:
        print("\n[chaos] interrupted: stopping every process; no results written", flush=True)
        return 130
    finally:
        stacks.stop()
        infra.stop_all()
        remove_root(infra.root)
    write(results)
    print(f"\n{table(results['scenarios'])}\n\n[chaos] {time.monotonic() - started:.0f} s; chaos/results/latest.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
