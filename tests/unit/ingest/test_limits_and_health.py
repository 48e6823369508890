"""The publish-health signal, on a clock the tests move (the token buckets: tests/unit/runtime/test_ratelimit.py)."""

import asyncio

from parley_ingest.health import FAILURE_MEMORY_SECONDS, PROBE_CACHE_SECONDS, PublishHealth


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Probe:
    def __init__(self) -> None:
        self.up = True
        self.calls = 0

    async def __call__(self, timeout: float) -> bool:
        self.calls += 1
        return self.up


def test_health_follows_the_broker_probe_cached_for_a_moment():
    clock, probe = Clock(), Probe()
    health = PublishHealth(probe, clock=clock)

    async def checks() -> list[str | None]:
        first = await health.problem()
        probe.up = False
        cached = await asyncio.gather(*(health.problem() for _ in range(5)))
        clock.now += PROBE_CACHE_SECONDS
        return [first, *cached, await health.problem()]

    results = asyncio.run(checks())
    assert results[:6] == [None] * 6 and "metadata" in (results[6] or "")
    assert probe.calls == 2


def test_a_failed_publish_is_unhealthy_until_one_succeeds_or_it_is_old():
    clock, probe = Clock(), Probe()
    health = PublishHealth(probe, clock=clock)
    health.published(ok=False)
    assert "publish failed" in (asyncio.run(health.problem()) or "")
    health.published(ok=True)
    assert asyncio.run(health.problem()) is None
    health.published(ok=False)
    clock.now += FAILURE_MEMORY_SECONDS
    assert asyncio.run(health.problem()) is None  # the broker answers again, and no publish failed since
