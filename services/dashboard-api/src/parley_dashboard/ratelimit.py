"""A token bucket per caller, in this process's memory. Pure (the clock is injected).

Why in memory and not in MongoDB like the failed-login counter: it is checked on every request, so it must
cost nothing, and its job is to stop one client from flooding one replica, not to enforce an exact quota
across replicas (with N replicas a client gets at most N times the rate). Failed logins, which guard
passwords, stay shared (auth/throttle.py)."""

import math
import time
from collections.abc import Callable


class TokenBuckets:
    """`rate` tokens per second refill each bucket up to `burst`; a request takes one. Buckets idle long
    enough to be full again are dropped once there are more than `max_keys`, so memory stays bounded."""

    def __init__(
        self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic, max_keys: int = 100_000
    ) -> None:
        self._rate = rate
        self._burst = float(burst)
        self._clock = clock
        self._max_keys = max_keys
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, when counted)

    def take(self, key: str) -> int | None:
        """None when the request may go ahead; else the whole seconds to wait (for Retry-After)."""
        now = self._clock()
        tokens = self._tokens(key, now)
        if tokens >= 1.0:
            self._buckets[key] = (tokens - 1.0, now)
            self._prune(now)
            return None
        self._buckets[key] = (tokens, now)
        return max(1, math.ceil((1.0 - tokens) / self._rate))

    def _tokens(self, key: str, now: float) -> float:
        tokens, then = self._buckets.get(key, (self._burst, now))
        return min(self._burst, tokens + (now - then) * self._rate)

    def _prune(self, now: float) -> None:
        if len(self._buckets) <= self._max_keys:
            return
        full = [k for k in self._buckets if self._tokens(k, now) >= self._burst]
        for key in full:
            del self._buckets[key]
        for key in list(self._buckets)[: max(0, len(self._buckets) - self._max_keys)]:
            del self._buckets[key]  # still too many: the least recently inserted go

    def __len__(self) -> int:
        return len(self._buckets)
