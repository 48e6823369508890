"""The per-address token buckets and the publish-health signal, on a clock the tests move."""

import asyncio

from parley_ingest.health import FAILURE_MEMORY_SECONDS, PROBE_CACHE_SECONDS, PublishHealth
from parley_ingest.ratelimit import REPORT_EVERY_SECONDS, TokenBuckets


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_allows_the_burst_then_the_rate_per_address():
    clock = Clock()
    buckets = TokenBuckets(per_second=10, burst=3, clock=clock)
    assert [buckets.take("a").allowed for _ in range(4)] == [True, True, True, False]
    assert buckets.take("b").allowed  # another address has its own bucket
    clock.now += 0.1  # one token back
    assert buckets.take("a").allowed and not buckets.take("a").allowed
    clock.now += 60  # refilled up to the burst, not beyond
    assert [buckets.take("a").allowed for _ in range(4)] == [True, True, True, False]


def test_a_refusal_says_when_to_retry_and_a_flood_is_reported_now_and_then():
    clock = Clock()
    buckets = TokenBuckets(per_second=0.25, burst=1, clock=clock)
    assert buckets.take("a").allowed
    first, second = buckets.take("a"), buckets.take("a")
    assert (first.allowed, first.retry_after_seconds, first.report) == (False, 4, 1)
    assert (second.allowed, second.report) == (False, 0)
    reports = []
    for _ in range(30):  # one allowed every 4 s, ten refused in between
        clock.now += 4
        assert buckets.take("a").allowed
        reports += [buckets.take("a").report for _ in range(10)]
    reported = [r for r in reports if r]
    assert 0 < len(reported) <= 120 / REPORT_EVERY_SECONDS  # at most a line per 10 s, not one per refusal ...
    assert 300 - 40 < sum(reported) <= 300  # ... counting the refusals since the last (the latest ones: later)


def test_zero_rate_limits_nothing_and_memory_is_bounded():
    assert all(TokenBuckets(per_second=0, burst=1).take("a").allowed for _ in range(100))
    buckets = TokenBuckets(per_second=1, burst=1, capacity=2, clock=Clock())
    assert buckets.take("a").allowed and not buckets.take("a").allowed
    buckets.take("b")
    buckets.take("c")  # "a", least recently seen, is forgotten: it starts again with a full bucket
    assert buckets.take("a").allowed


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
