"""Sends waiting for a retry, per thread, in this process's memory (the ledger holds them durably).

A send that failed for a retryable reason is parked with the time of its next attempt; later sends to the
same thread wait behind it, so a customer never receives replies out of order, while other threads go on
(docs/adr/0005-failure-policy.md). Pure bookkeeping: `RetryLoop` (handlers) acts on it."""

import asyncio
from collections import deque
from dataclasses import dataclass
from datetime import datetime

from parley_contracts import MessageSend


@dataclass
class Parked:
    message: MessageSend
    partition: int | None
    retry_at: datetime | None  # None: behind an earlier send of the same thread


class ParkingLot:
    def __init__(self) -> None:
        self._threads: dict[str, deque[Parked]] = {}
        self._busy: set[str] = set()  # threads whose head is being tried right now
        # Cleared while the parked sends of newly assigned partitions are loaded: a new send must not overtake
        # an older one of its thread that is about to be parked again.
        self.loaded = asyncio.Event()
        self.loaded.set()

    def __len__(self) -> int:
        return sum(len(queue) for queue in self._threads.values())

    def holds(self, thread_key: str) -> bool:
        return thread_key in self._threads

    def park(self, parked: Parked) -> None:
        """Append a send (or update it when it is already the head: a retry rescheduled)."""
        queue = self._threads.setdefault(parked.message.thread_key, deque())
        for existing in queue:
            if existing.message.send_id == parked.message.send_id:
                existing.retry_at = parked.retry_at
                return
        queue.append(parked)

    def due(self, now: datetime) -> list[Parked]:
        """The head of each thread whose time has come and is not being tried already; marked busy."""
        ready = []
        for thread_key, queue in self._threads.items():
            head = queue[0]
            if thread_key not in self._busy and (head.retry_at is None or head.retry_at <= now):
                self._busy.add(thread_key)
                ready.append(head)
        return ready

    def done(self, parked: Parked) -> None:
        """The head was sent or given up: the next send of the thread goes at the next tick."""
        thread_key = parked.message.thread_key
        self._busy.discard(thread_key)
        queue = self._threads.get(thread_key)
        if queue and queue[0].message.send_id == parked.message.send_id:
            queue.popleft()
        if queue is not None and not queue:
            del self._threads[thread_key]

    def retry_later(self, parked: Parked, retry_at: datetime) -> None:
        self._busy.discard(parked.message.thread_key)
        parked.retry_at = retry_at

    def drop_partitions(self, partitions: set[int]) -> None:
        for thread_key in [k for k, q in self._threads.items() if q[0].partition in partitions]:
            del self._threads[thread_key]
            self._busy.discard(thread_key)
