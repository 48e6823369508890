"""The router's timers: idle timeouts, retrying the assignment of waiting threads, and question flows' deadlines
(a submission's retry, or an answer from the business's API that is overdue).

Each router instance watches the open threads of the partitions it owns (rebuilt from MongoDB when
partitions are assigned, kept current by every step it commits). A timer never changes a thread itself:
it publishes a `thread.command` (actor `system`) keyed by the thread, so the change is applied by whoever
owns that partition, in order with the thread's other events, and re-checked there (a customer who wrote in
the meantime keeps the thread open). The command id is derived from the deadline, so a timer that fires on
two instances during a rebalance is still applied once (docs/adr/0002-thread-command-topic.md)."""

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import structlog
from aiokafka.abc import ConsumerRebalanceListener
from aiokafka.structs import TopicPartition

from parley_contracts import THREAD_COMMAND, ThreadStatus
from parley_conversations.documents import ThreadRecord
from parley_conversations.store import OpenThread

log = structlog.get_logger()


def idle_deadline(last_inbound_at: datetime | None, idle_seconds: int | None) -> datetime | None:
    if last_inbound_at is None or not idle_seconds:
        return None
    return last_inbound_at + timedelta(seconds=idle_seconds)


@dataclass
class TimerIndex:
    """The open threads this instance owns. Pure bookkeeping; `TimerLoop` acts on it."""

    threads: dict[str, OpenThread] = field(default_factory=dict)
    fired: dict[str, datetime] = field(default_factory=dict)  # thread -> the idle deadline already fired
    nudged: dict[str, datetime] = field(default_factory=dict)  # thread -> when assignment was last retried
    flows_fired: dict[str, datetime] = field(default_factory=dict)  # thread -> the flow deadline already fired

    def track(self, record: ThreadRecord) -> None:
        flow_due = record.flow.due_at() if record.flow else None
        if record.status == ThreadStatus.RESOLVED and flow_due is None:
            self.forget(record.thread_key)
            return
        self.threads[record.thread_key] = OpenThread(
            thread_key=record.thread_key,
            tenant=record.tenant,
            channel=record.channel,
            partition=record.partition,
            status=record.status,
            assignee=record.assignee.id if record.assignee else None,
            last_inbound_at=record.last_inbound_at,
            flow_session=record.flow.session_id if record.flow else None,
            flow_due_at=flow_due,
        )

    def forget(self, thread_key: str) -> None:
        self.threads.pop(thread_key, None)
        self.fired.pop(thread_key, None)
        self.nudged.pop(thread_key, None)
        self.flows_fired.pop(thread_key, None)

    def merge(self, found: Iterable[OpenThread]) -> int:
        """Add what a rebuild found; entries a step wrote meanwhile are newer and stay."""
        added = 0
        for thread in found:
            if thread.thread_key not in self.threads:
                self.threads[thread.thread_key] = thread
                added += 1
        return added

    def drop_partitions(self, partitions: set[int]) -> None:
        for key in [k for k, t in self.threads.items() if t.partition in partitions]:
            self.forget(key)

    def due_idle(self, now: datetime, idle_seconds: Callable[[str], int | None]) -> list[tuple[OpenThread, datetime]]:
        due = []
        for thread in self.threads.values():
            if thread.status == ThreadStatus.RESOLVED:
                continue  # kept only for its flow's deadline
            deadline = idle_deadline(thread.last_inbound_at, idle_seconds(thread.tenant))
            if deadline is not None and deadline <= now and self.fired.get(thread.thread_key) != deadline:
                self.fired[thread.thread_key] = deadline
                due.append((thread, deadline))
        return due

    def due_flows(self, now: datetime) -> list[tuple[OpenThread, datetime]]:
        """Threads whose flow session has a retry due or an answer overdue (each deadline fires once here; the
        router re-checks it against the session)."""
        due = []
        for thread in self.threads.values():
            deadline = thread.flow_due_at
            if deadline is not None and deadline <= now and self.flows_fired.get(thread.thread_key) != deadline:
                self.flows_fired[thread.thread_key] = deadline
                due.append((thread, deadline))
        return due

    def waiting(self, now: datetime, every: timedelta) -> list[OpenThread]:
        """Threads waiting for a person with nobody assigned, not retried within `every`."""
        found = []
        for thread in self.threads.values():
            if thread.status != ThreadStatus.NEEDS_HUMAN or thread.assignee is not None:
                continue
            last = self.nudged.get(thread.thread_key)
            if last is None or now - last >= every:
                self.nudged[thread.thread_key] = now
                found.append(thread)
        return found

    def tenants(self) -> set[str]:
        return {t.tenant for t in self.threads.values()}


class TimerLoop:
    """Every `interval` seconds: fire due idle timers and retry waiting assignments, as commands."""

    def __init__(
        self,
        index: TimerIndex,
        *,
        interval: float,
        retry_assignment_every: timedelta,
        idle_seconds: Callable[[str], Awaitable[int | None]],
        someone_available: Callable[[str], Awaitable[bool]],
        fire_idle: Callable[[OpenThread, datetime], Awaitable[None]],
        fire_flow: Callable[[OpenThread, datetime], Awaitable[None]],
        retry_assignment: Callable[[OpenThread], Awaitable[None]],
        now: Callable[[], datetime],
    ) -> None:
        self._index = index
        self._interval = interval
        self._retry_every = retry_assignment_every
        self._idle_seconds = idle_seconds
        self._someone_available = someone_available
        self._fire_idle = fire_idle
        self._retry_assignment = retry_assignment
        self._fire_flow = fire_flow
        self._now = now
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="router-timers")

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            try:
                await self.tick()
            except Exception as exc:  # a failed tick is retried at the next one; the timers are not lost
                log.warning("timers.tick_failed", error=repr(exc))

    async def tick(self) -> None:
        now = self._now()
        settings = {tenant: await self._idle_seconds(tenant) for tenant in self._index.tenants()}
        for thread, deadline in self._index.due_idle(now, settings.get):
            await self._fire_idle(thread, deadline)
        for thread, deadline in self._index.due_flows(now):
            await self._fire_flow(thread, deadline)
        waiting = self._index.waiting(now, self._retry_every)
        available = {tenant: await self._someone_available(tenant) for tenant in {t.tenant for t in waiting}}
        for thread in waiting:
            if available[thread.tenant]:
                await self._retry_assignment(thread)


class PartitionWatcher(ConsumerRebalanceListener):
    """Keeps the timer index to the partitions this instance owns: drops revoked ones at once, rebuilds
        assigned ones from MongoDB in the background (a scan, so not on the rebalance's critical path). At every
        rebalance the cached documents are forgotten too, once the daily figures are written (`forget`: parley_router.owned,
    parley_router.figures)."""

    def __init__(
        self,
        index: TimerIndex,
        load: Callable[[set[int]], Awaitable[list[OpenThread]]],
        forget: Callable[[], Awaitable[None]],
    ) -> None:
        self._index = index
        self._load = load
        self._forget = forget
        self._tasks: set[asyncio.Task[None]] = set()

    async def on_partitions_revoked(self, revoked: Iterable[TopicPartition]) -> None:
        await self._forget()
        self._index.drop_partitions({tp.partition for tp in revoked if tp.topic == THREAD_COMMAND})

    async def on_partitions_assigned(self, assigned: Iterable[TopicPartition]) -> None:
        await self._forget()
        partitions = {tp.partition for tp in assigned if tp.topic == THREAD_COMMAND}
        if partitions:
            task = asyncio.create_task(self._rebuild(partitions))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _rebuild(self, partitions: set[int], retry_every: float = 5.0) -> None:
        while True:
            try:
                added = self._index.merge(await self._load(partitions))
                log.info("timers.rebuilt", partitions=sorted(partitions), open_threads=added)
                return
            except Exception as exc:  # MongoDB away: keep trying, or these threads' timers would never fire
                log.warning("timers.rebuild_failed", partitions=sorted(partitions), error=repr(exc))
                await asyncio.sleep(retry_every)
