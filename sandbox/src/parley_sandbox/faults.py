"""Fault injection: make the next N provider calls of a channel fail, to test Parley's retries."""

import asyncio
from collections import deque
from dataclasses import dataclass


@dataclass(slots=True)
class Fault:
    status: int
    remaining: int
    code: int | None = None  # provider error code; None: the channel picks the usual one for the status
    message: str | None = None
    delay_seconds: float = 0.0  # answer this late; with a 2xx status the call then succeeds (a slow provider)


class FaultInjector:
    """Per channel, a FIFO of faults; each provider call consumes one unit of the oldest fault."""

    def __init__(self) -> None:
        self._queues: dict[str, deque[Fault]] = {}
        self._lock = asyncio.Lock()

    async def add(self, channel: str, fault: Fault) -> None:
        async with self._lock:
            self._queues.setdefault(channel, deque()).append(fault)

    async def take(self, channel: str) -> Fault | None:
        """The fault this call must answer with, if any (and count it as used)."""
        async with self._lock:
            queue = self._queues.get(channel)
            if not queue:
                return None
            fault = queue[0]
            fault.remaining -= 1
            if fault.remaining <= 0:
                queue.popleft()
            return Fault(fault.status, 1, fault.code, fault.message, fault.delay_seconds)

    async def pending(self) -> dict[str, list[Fault]]:
        async with self._lock:
            return {
                ch: [Fault(f.status, f.remaining, f.code, f.message, f.delay_seconds) for f in q]
                for ch, q in self._queues.items()
                if q
            }

    async def clear(self, channel: str | None = None) -> None:
        async with self._lock:
            if channel is None:
                self._queues.clear()
            else:
                self._queues.pop(channel, None)
