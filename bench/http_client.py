"""What one provider call costs the caller's CPU: httpx's own connection pool against `parley_runtime.http` (httpx over
aiohttp), posting a WhatsApp-sized JSON body to the bare endpoint (bench/bare_app.py, in its own process) with 1 and
50 calls in flight. `uv run --frozen python -m bench.http_client` (about 20 s); the figures are in ADR 0010."""

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

import httpx

from parley_devstack.process import Child, free_port
from parley_runtime.http import http_client

CALLS = int(os.environ.get("BENCH_HTTP_CALLS", "3000"))
BODY = {"messaging_product": "whatsapp", "to": "15550001", "type": "text", "text": {"body": "hello there " * 10}}


async def _cpu_ms_per_call(client: httpx.AsyncClient, url: str, in_flight: int) -> float:
    pending = iter(range(CALLS))

    async def caller() -> None:
        for _ in pending:
            response = await client.post(url, json=BODY, headers={"Authorization": "Bearer bench"})
            response.raise_for_status()

    async with client:
        await client.post(url, json=BODY)  # connect outside the measurement
        started = time.process_time()
        await asyncio.gather(*(caller() for _ in range(in_flight)))
        return (time.process_time() - started) * 1000 / CALLS


async def measure(url: str) -> None:
    print("| calls in flight | httpx's pool, CPU ms / call | parley_runtime.http, CPU ms / call | ratio |")
    print("|---|---|---|---|")
    for in_flight in (1, 50):
        own = await _cpu_ms_per_call(httpx.AsyncClient(), url, in_flight)
        ours = await _cpu_ms_per_call(http_client(), url, in_flight)
        print(f"| {in_flight} | {own:.2f} | {ours:.2f} | {own / ours:.1f} |")


def main() -> None:
    port = free_port()
    with tempfile.TemporaryDirectory() as logs:
        bare = Child(
            "bare",
            [sys.executable, "-m", "bench.bare_app"],
            Path(logs) / "bare.log",
            {**os.environ, "BARE_PORT": str(port)},
        )
        try:
            bare.wait_until(lambda: httpx.get(f"http://127.0.0.1:{port}/healthz").status_code == 200, 30, "health")
            asyncio.run(measure(f"http://127.0.0.1:{port}/hook"))
        finally:
            bare.stop()


if __name__ == "__main__":
    main()
