"""The router's side of the daily figures (parley_conversations.daily_figures, docs/adr/0015-analytics-counted-on-write.md):
what one applied step adds to its business unit's day (`figures_of`, pure), and the ledger that holds a batch's
counts and writes them before the batch's threads.

Why before: a thread's "applied" mark is what stops a step from running again after a crash. Written first, the
figures of a step can be stored while its thread is not; the step then runs again, and the document's offsets
(the last record it counted, per topic) say it was counted. The other order could lose counts for good."""

import asyncio

from parley_contracts import ActorKind, AuthorKind, ThreadStatus
from parley_conversations.daily_figures import DayFigures, Figures, day_of, figures_id
from parley_conversations.daily_figures_store import DailyFiguresStore
from parley_conversations.state_machine import Trigger
from parley_router.owned import OwnedConversations
from parley_router.step import Step
from parley_runtime.steps import RecordPosition

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


class FiguresLedger:
    """A batch's counts, held until `flush` (the batch runner calls it before the threads are written, and again
    after a batch processed record by record). The documents of this process's partitions are kept in memory once
    read: only this process writes them while it owns the partition; `forget_all` at every rebalance."""

    def __init__(self, store: DailyFiguresStore, capacity: int = 1000) -> None:
        self._store = store
        self._capacity = capacity
        self._known: dict[str, DayFigures] = {}
        self._changed: set[str] = set()
        self._reading = asyncio.Lock()  # one lane reads a document, the others wait for it: no count is lost

    async def count(self, step: Step, position: RecordPosition | None) -> None:
        figures = figures_of(step)
        if not figures:
            return
        record = step.record
        partition = position.partition if position else (record.partition or 0)
        document = await self._document(record.tenant, day_of(step.at), partition)
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

    async def flush(self) -> None:
        """Write the documents the batch changed; safe to repeat after a failure (the same state again)."""
        if self._changed:
            await self._store.write(self._known[key] for key in sorted(self._changed))
            self._changed.clear()
        if len(self._known) > self._capacity:
            self._known.clear()

    def forget_all(self) -> None:
        """The batch is processed again from the store, or the partitions moved: read the documents again."""
        self._known.clear()
        self._changed.clear()


class RouterBatch:
    """What the batch runner holds back and flushes (parley_runtime.steps.HeldWrites): the figures beside the
    provider ids and messages, then the threads and what waited for them. Side by side, not one after the other: each
    batch's flush is on the path of every reply (measured: one more write in turn added 15–35 ms to the p50 at 60–100
    msg/s end to end)."""

    def __init__(self, figures: FiguresLedger, conversations: OwnedConversations) -> None:
        self._figures = figures
        self._conversations = conversations

    @property
    def deferring(self) -> bool:
        return self._conversations.deferring

    @deferring.setter
    def deferring(self, value: bool) -> None:
        self._conversations.deferring = value

    async def flush(self) -> None:
        try:
            async with asyncio.TaskGroup() as group:  # one failure stops the other; the flush is tried again whole
                group.create_task(self._figures.flush())
                group.create_task(self._conversations.write_ahead())
        except BaseExceptionGroup as failed:
            raise failed.exceptions[0] from None  # what the batch runner judges (an unreachable store waits)
        await self._conversations.flush()

    def discard(self) -> None:
        self._figures.forget_all()
        self._conversations.discard()
