"""The per-client token buckets (ingest's webhooks, dashboard-api's API), on a clock the tests move."""

from parley_runtime.ratelimit import REPORT_EVERY_SECONDS, TokenBuckets


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
