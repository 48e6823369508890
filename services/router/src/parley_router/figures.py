"""The router's side of the daily figures (parley_conversations.daily_figures, docs/adr/0015-analytics-counted-on-write.md):
what one applied step adds to its business unit's day (`figures_of`, pure), and the ledger that keeps the counts and
writes them.

A thread's "applied" mark is what stops a step from running again after a crash. Figures written before their
thread carry the offsets of the records they counted, so a step that runs again is not counted twice; figures still
in memory when the process dies are lost (`FiguresLedger`)."""

import asyncio
import contextlib
import math
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, tzinfo

import structlog

from parley_contracts import ActorKind, AuthorKind, ThreadStatus
from parley_conversations.daily_figures import DayFigures, Figures, day_of, figures_id
from parley_conversations.daily_figures_store import DailyFiguresStore
from parley_conversations.state_machine import Trigger
from parley_router.step import Step
from parley_runtime.steps import RecordPosition

log = structlog.get_logger()

PEOPLE_HANDOFF = "operator"  # what a person sending a thread to the team is counted under (data/reasons.json)
UNKNOWN = "unknown"


def figures_of(step: Step) -> Figures:
    """The step's messages by direction, its analysis, the bot's answer to it, its status changes, and the thread's
    first reply and first resolution if the step made them (measured from the thread's creation, its first
    customer message)."""
    figures = Figures()
    record = step.record
    channel = str(record.channel)
    if step.new:
        figures.conversations[channel] += 1
    for message in step.messages:
        if message.direction == "in":
            figures.messages_in[channel] += 1
        elif message.direction == "out":
            figures.messages_out[channel] += 1
            if message.author == AuthorKind.OPERATOR and message.author_id:
                figures.replies_by[message.author_id] += 1
                if message.author_name:
                    figures.names[message.author_id] = message.author_name
    if step.analysis:
        dedupe_key, analysis = step.analysis
        figures.analysed += 1
        figures.languages[analysis.language or "und"] += 1
        figures.sentiment[analysis.sentiment.label] += 1
        figures.categories[analysis.category or UNKNOWN] += 1
        suggested = analysis.reply.text if analysis.reply else None
        # Answered by the bot: it sent the analysis's reply (not "a person will answer you", not "starting over").
        if suggested and any(
            m.author == AuthorKind.BOT and m.in_reply_to == dedupe_key and m.text == suggested for m in step.messages
        ):
            figures.answered += 1
    for transition in step.transitions:
        if transition.to_status == ThreadStatus.NEEDS_HUMAN != transition.from_status:
            by_bot = transition.trigger == Trigger.HANDOFF
            figures.handoffs[(transition.reason or UNKNOWN) if by_bot else PEOPLE_HANDOFF] += 1
        if transition.to_status == ThreadStatus.RESOLVED != transition.from_status:
            figures.resolved += 1
            actor = transition.actor
            if actor.kind == ActorKind.OPERATOR and actor.id:
                figures.resolved_by[actor.id] += 1
                if actor.name:
                    figures.names[actor.id] = actor.name
    if step.first_reply_at is not None:
        figures.first_response.add((step.first_reply_at - record.created_at).total_seconds())
    if step.first_resolved_at is not None:
        figures.resolution.add((step.first_resolved_at - record.created_at).total_seconds())
    return figures


async def _utc(_tenant: str) -> tzinfo:
    return UTC


class FiguresLedger:
    """The counts of this process's partitions, kept in memory and written every `every_seconds` by a round of its
    own (`start`), at once when partitions move (`hand_over`) and when the process stops (`stop`). The documents are
    kept once read: only this process writes them while it owns the partition.

    Only ever between batches (`between_batches`, the lock the batch runner holds while a batch is processed; a
    rebalance and the shutdown come between batches too). Threads run side by side, so a batch counts its offsets
    out of order; a document written mid-batch would move its offsets past a record still to come, which would
    then be taken for counted and lost.

    Not with each batch's writes: each write is one more SQLite write transaction, and FerretDB's SQLite writes one at
    a time. Written after every batch, the figures raised the p50 end to end by 12–35 ms at 60 and 80 msg/s (three
    alternating store-phase runs against 538ad52, `BENCH_PHASES=store BENCH_SUSTAINED_RATES=60,80,100`). So counts
    may be written before the threads of the steps that made them, or after. Before: the documents carry the offsets
    they counted, so a step processed again (a crash, a batch whose writes failed) is not counted twice. After: a
    crash in between loses them, at most `every_seconds` of them."""

    def __init__(
        self,
        store: DailyFiguresStore,
        every_seconds: float = 1.0,
        capacity: int = 1000,
        clock: Callable[[], float] = time.monotonic,
        zone_of: Callable[[str], Awaitable[tzinfo]] | None = None,
        between_batches: asyncio.Lock | None = None,
    ) -> None:
        self._store = store
        self._zone_of = zone_of or _utc
        self._between_batches = between_batches or asyncio.Lock()
        self._every = every_seconds
        self._capacity = capacity
        self._clock = clock
        self._known: dict[str, DayFigures] = {}
        self._changed: set[str] = set()
        self._last_write = -math.inf
        self._reading = asyncio.Lock()  # one lane reads a document, the others wait for it: no count is lost
        self._writing = asyncio.Lock()
        self._loop: asyncio.Task[None] | None = None

    async def count(self, step: Step, position: RecordPosition | None) -> None:
        figures = figures_of(step)
        if not figures:
            return
        record = step.record
        partition = position.partition if position else (record.partition or 0)
        day = day_of(step.at, await self._zone_of(record.tenant))
        document = await self._document(record.tenant, day, partition)
        topic, offset = (position.topic, position.offset) if position else (None, None)
        if document.count(topic, offset, figures):
            self._changed.add(document.id)

    async def _document(self, tenant: str, day: str, partition: int) -> DayFigures:
        key = figures_id(tenant, day, partition)
        async with self._reading:
            known = self._known.get(key)
            if known is None:
                found = await self._store.read([key])
                known = found[0] if found else DayFigures(tenant=tenant, day=day, partition=partition)
                self._known[key] = known
            return known

    async def flush(self, *, force: bool = False) -> None:
        """Write the documents changed since the last write, if `every_seconds` have passed (or `force`); between
        batches only (the caller's part). Safe to repeat after a failure (the counts are kept for the next write)."""
        if not self._changed or (not force and self._clock() - self._last_write < self._every):
            return
        async with self._writing:
            changed, self._changed = self._changed, set()
            documents = [self._known[key] for key in sorted(changed)]
            for document in documents:
                document.settle()  # its offsets move on to what it counted, as it is written
            try:
                await self._store.write(documents)
            except BaseException:
                self._changed |= changed
                raise
            self._last_write = self._clock()
        if len(self._known) > self._capacity and not self._changed:
            self._known.clear()

    async def hand_over(self) -> None:
        """Partitions move (a rebalance): write what is counted, then forget the documents (another process may
        write them next). A write that fails loses those counts; it is logged."""
        try:
            await self.flush(force=True)
        except Exception as exc:
            log.warning("figures.not_written", documents=len(self._changed), error=repr(exc))
        self.forget_all()

    def forget_all(self) -> None:
        """Read the documents again from the store (counts not yet written are lost)."""
        self._known.clear()
        self._changed.clear()

    async def start(self) -> None:
        """Write what was counted every `every_seconds`, whether batches come or not."""
        self._loop = asyncio.create_task(self._write_due())

    async def stop(self) -> None:
        """At shutdown, once the consumer has stopped: the last counts written."""
        if self._loop is not None:
            self._loop.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop
        await self.hand_over()

    async def _write_due(self) -> None:
        while True:
            await asyncio.sleep(self._every)
            try:
                async with self._between_batches:
                    await self.flush()
            except Exception as exc:  # the store is away: the next batch or round tries again
                log.warning("figures.write_failed", error=repr(exc))
