"""A token bucket per client (an address, a login, an API key), so one client cannot flood a service: ingest's
webhooks and dashboard-api's API both use it.

The buckets live in the process's memory: they are checked on every request, so they must cost nothing, and
their job is to stop one client flooding one replica, not an exact quota across replicas (N replicas let a
client through N times as fast). Failed logins, which guard passwords, are counted in MongoDB instead
(dashboard-api's auth/throttle.py). Behind a proxy, the client address is the proxy's unless uvicorn trusts its
forwarded headers (FORWARDED_ALLOW_IPS): then every client would share one bucket."""

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

# A flooding address is reported at most this often (with how many requests were refused since): a flood must not
# flood the logs too.
REPORT_EVERY_SECONDS = 10.0


@dataclass
class _Bucket:
    tokens: float
    updated_at: float
    unreported: int = 0  # refusals since the last report
    reported_at: float = -math.inf


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after_seconds: int = 0
    report: int = 0  # > 0: time to log this address, with this many refusals since its last report


class TokenBuckets:
    def __init__(
        self, per_second: float, burst: int, capacity: int = 100_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        """`per_second` 0 turns the limit off. At most `capacity` addresses are remembered, least recently seen
        forgotten first (a forgotten address starts again with a full bucket, as an idle one would have)."""
        self._rate = per_second
        self._burst = burst
        self._capacity = capacity
        self._clock = clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def take(self, address: str) -> Verdict:
        """One request from `address` (any client key): allowed (a token taken), or refused with how long until
        the next token."""
        if self._rate <= 0:
            return Verdict(allowed=True)
        bucket = self._refilled(address)
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return Verdict(allowed=True)
        bucket.unreported += 1
        report = 0
        if bucket.updated_at - bucket.reported_at >= REPORT_EVERY_SECONDS:
            report, bucket.unreported, bucket.reported_at = bucket.unreported, 0, bucket.updated_at
        return Verdict(False, max(1, math.ceil((1 - bucket.tokens) / self._rate)), report)

    def _refilled(self, address: str) -> _Bucket:
        now = self._clock()
        bucket = self._buckets.get(address)
        if bucket is None:
            bucket = self._buckets[address] = _Bucket(float(self._burst), now)
            while len(self._buckets) > self._capacity:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(address)
            bucket.tokens = min(self._burst, bucket.tokens + (now - bucket.updated_at) * self._rate)
            bucket.updated_at = now
        return bucket
