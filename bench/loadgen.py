"""The compiled load generator (deploy/loadgen: vegeta's attacker, built by parley-devstack) fed pre-signed
requests, so the offered rate is what the benchmark asks for even at 1,000+ webhooks a second on two cores (the
Python open loop could not offer more than a few hundred while the services shared its CPU)."""

import asyncio
import base64
import json
import tempfile
from collections.abc import Iterable
from pathlib import Path

from parley_devstack.build import loadgen_binary


def targets_file(url: str, requests: Iterable[tuple[bytes, dict[str, str]]], folder: Path) -> Path:
    """One JSON line per request (vegeta's target format: the body base64, headers as lists)."""
    path = Path(tempfile.mkstemp(prefix="targets-", suffix=".jsonl", dir=folder)[1])
    with path.open("w") as out:
        for body, headers in requests:
            target = {
                "method": "POST",
                "url": url,
                "body": base64.b64encode(body).decode(),
                "header": {name: [value] for name, value in headers.items()},
            }
            out.write(json.dumps(target) + "\n")
    return path


async def attack(targets: Path, rate: float, seconds: float, timeout_seconds: float = 10.0) -> dict:
    """Offer the requests at `rate` for `seconds` (open loop); the generator's report, in milliseconds: achieved
    rate, status counts, success ratio and latency percentiles of every request (failures included), overall and
    for each second of the attack (`by_second`: requests, p50, p99, max)."""
    process = await asyncio.create_subprocess_exec(
        str(loadgen_binary()),
        "-requests",
        str(targets),
        "-rate",
        str(int(rate)),
        "-duration",
        f"{seconds}s",
        "-timeout",
        f"{timeout_seconds}s",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, err = await asyncio.wait_for(process.communicate(), seconds + timeout_seconds + 30)
    except TimeoutError:
        process.kill()
        raise
    if process.returncode != 0:
        raise RuntimeError(f"parley-loadgen failed ({process.returncode}): {err.decode()[-2000:]}")
    report = json.loads(out)
    ok = report["status_codes"].get("200", 0)
    return {
        "offered_rate": rate,
        "achieved_rate": round(report["achieved_rate"], 1),
        "requests": report["requests"],
        "failures": report["requests"] - ok,
        "errors": report["errors"][:5],
        "p50_ms": round(report["p50_ms"], 2),
        "p90_ms": round(report["p90_ms"], 2),
        "p99_ms": round(report["p99_ms"], 2),
        "max_ms": round(report["max_ms"], 2),
        "count": ok,
        "by_second": report["by_second"],
        "started_unix": report["started_unix"],
    }
