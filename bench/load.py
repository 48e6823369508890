"""An open-loop load generator: requests start on schedule whatever the previous ones do, so slow
answers show up as latency rather than as a lower offered rate."""

import asyncio
import time
from collections.abc import Awaitable, Callable


async def open_loop(
    rate: float, seconds: float, request: Callable[[int], Awaitable[None]]
) -> tuple[list[float], int, float]:
    """Returns (latencies in ms of successful requests, failures, achieved rate)."""
    latencies: list[float] = []
    failures = 0
    total = int(rate * seconds)
    start = time.perf_counter()

    async def one(i: int) -> None:
        nonlocal failures
        t0 = time.perf_counter()
        try:
            await request(i)
            latencies.append((time.perf_counter() - t0) * 1000)
        except Exception:
            failures += 1

    tasks = []
    for i in range(total):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(i)))
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - start
    return latencies, failures, total / elapsed
