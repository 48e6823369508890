"""Whether ingest can publish right now, for `/healthz`.

A load balancer or orchestrator should stop sending webhooks to a replica that can only answer 503. Two signals,
either enough to say no: the broker does not answer a cheap metadata request within a second (checked at most
every two seconds, however often `/healthz` is asked), or a delivery's publish failed in the last ten seconds and
none has succeeded since (the broker may answer metadata requests yet refuse writes: too few in-sync replicas)."""

import asyncio
import time
from collections.abc import Awaitable, Callable

Probe = Callable[[float], Awaitable[bool]]

PROBE_TIMEOUT_SECONDS = 1.0
PROBE_CACHE_SECONDS = 2.0
FAILURE_MEMORY_SECONDS = 10.0


class PublishHealth:
    def __init__(self, probe: Probe, clock: Callable[[], float] = time.monotonic) -> None:
        self._probe = probe
        self._clock = clock
        self._lock = asyncio.Lock()
        self._probed_at: float | None = None
        self._reachable = False
        self._failed_at: float | None = None

    def published(self, ok: bool) -> None:
        """A delivery's outcome: a failure is remembered until a later success, or for FAILURE_MEMORY_SECONDS."""
        self._failed_at = None if ok else self._clock()

    async def problem(self) -> str | None:
        """Why ingest cannot publish now, or None when it can."""
        if self._failed_at is not None and self._clock() - self._failed_at < FAILURE_MEMORY_SECONDS:
            return "a publish failed moments ago and none has succeeded since"
        if not await self._broker_reachable():
            return f"the broker did not answer a metadata request within {PROBE_TIMEOUT_SECONDS:g} s"
        return None

    async def _broker_reachable(self) -> bool:
        async with self._lock:  # concurrent health checks share one probe
            now = self._clock()
            if self._probed_at is None or now - self._probed_at >= PROBE_CACHE_SECONDS:
                self._reachable = await self._probe(PROBE_TIMEOUT_SECONDS)
                self._probed_at = self._clock()
            return self._reachable
