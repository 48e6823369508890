"""What a step adds to its business unit's figures of the day (parley_router.figures), and the ledger that counts each
record once and writes the counts every so often."""

import asyncio
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from parley_contracts import AuthorKind, OutboundContent, ThreadStatus
from parley_conversations.daily_figures import DayFigures, day_of
from parley_conversations.state_machine import Change, Trigger
from parley_router.figures import FiguresLedger, figures_of
from parley_router.step import BOT_ACTOR, Step, command_send_id, customer_actor, reply_send_id
from parley_runtime.steps import RecordPosition
from tests.events import ANA, analyzed, command, received


def answered_step(reply: str | None = "We open at 9.", says: str | None = None) -> Step:
    """A new thread's first message, analysed, and the bot saying `says` (the suggestion by default)."""
    inbound = received("when do you open?")
    event = analyzed(inbound, reply=reply)
    step = Step.on("ana:" + inbound.dedupe_key, event, None, inbound)
    step.receive(inbound)
    step.apply(Change(Trigger.CUSTOMER_MESSAGE, customer_actor(inbound), step.at))
    step.analysed(inbound, event.analysis)
    text = says or reply
    if text:
        send = step.outgoing(OutboundContent(text=text), AuthorKind.BOT, send_id=reply_send_id(inbound.dedupe_key))
        step.send(send, "Assistant")
    return step


def test_a_new_conversation_answered_by_the_bot():
    step = answered_step()
    figures = figures_of(step)
    assert figures.conversations == {"whatsapp": 1}
    assert figures.messages_in == {"whatsapp": 1} and figures.messages_out == {"whatsapp": 1}
    assert (figures.analysed, figures.answered) == (1, 1)
    assert figures.languages == {"en": 1} and figures.sentiment == {"neutral": 1}
    assert figures.first_response.total == 1 and figures.first_response.quantile(0.5) < 1
    assert not figures.handoffs and figures.resolved == 0 and figures.resolution.total == 0


def test_a_holding_message_is_not_an_answer():
    figures = figures_of(answered_step(reply=None, says="A person will answer you shortly."))
    assert (figures.analysed, figures.answered) == (1, 0)
    assert figures.first_response.total == 1  # still the customer's first answer of any kind


def test_a_handoff_then_an_operators_reply_and_resolution():
    step = answered_step(reply=None)
    step.apply(Change(Trigger.HANDOFF, BOT_ACTOR, step.at, reason="customer_asked"))
    assert figures_of(step).handoffs == {"customer_asked": 1}

    # Later, Ana answers and resolves: her reply is the thread's first, the resolution its first too.
    inbound = step.inbound
    later = command(inbound, "reply", command_id="c1")
    later = later.model_copy(update={"occurred_at": step.at + timedelta(minutes=5)})
    reply = Step.on("cmd:c1", later, step.record, None)
    reply.apply(Change(Trigger.OPERATOR_REPLY, ANA, reply.at))
    send = reply.outgoing(OutboundContent(text="Hi, Ana here"), AuthorKind.OPERATOR, send_id=command_send_id("c1"))
    reply.send(send.model_copy(update={"operator_id": ANA.id}), ANA.name)
    reply.apply(Change(Trigger.RESOLVE, ANA, reply.at))
    figures = figures_of(reply)
    assert figures.replies_by == {ANA.id: 1} and figures.names == {ANA.id: ANA.name}
    assert figures.resolved == 1 and figures.resolved_by == {ANA.id: 1}
    assert figures.first_response.total == 1 and 270 < figures.first_response.quantile(0.5) < 340
    assert figures.resolution.total == 1 and not figures.conversations and not figures.messages_in

    # Reopened by the customer, resolved again: a resolution, but its time was measured once.
    again = Step.on("cmd:c2", later, reply.record, None)
    again.apply(Change(Trigger.REOPEN, ANA, again.at))
    again.apply(Change(Trigger.RESOLVE, ANA, again.at))
    figures = figures_of(again)
    assert figures.resolved == 1 and figures.resolution.total == 0 and figures.first_response.total == 0


def test_a_person_giving_a_bot_thread_to_an_operator_counts_as_an_operator_handoff():
    step = answered_step()
    assigned = Step.on("cmd:c3", step.cause, step.record, None)
    assigned.apply(Change(Trigger.ASSIGN, ANA, assigned.at, target="op_ben"), {"op_ben": "Ben Okafor"})
    assert assigned.record.status == ThreadStatus.NEEDS_HUMAN
    assert figures_of(assigned).handoffs == {"operator": 1}
    taken = Step.on("cmd:c4", step.cause, assigned.record, None)
    taken.apply(Change(Trigger.TAKE_OVER, ANA, taken.at))  # needs_human -> human: not another handoff
    assert taken.record.status == ThreadStatus.HUMAN and not figures_of(taken).handoffs


class MemoryStore:
    """The daily figures store, in memory (the real one is tested on FerretDB in tests/integration)."""

    def __init__(self) -> None:
        self.documents: dict[str, dict] = {}
        self.writes = 0

    async def read(self, ids):
        return [DayFigures.from_document(self.documents[i]) for i in ids if i in self.documents]

    async def write(self, documents):
        for document in documents:
            self.documents[document.id] = document.to_document()
        self.writes += 1


def position(offset: int, topic: str = "message.analyzed") -> RecordPosition:
    return RecordPosition(topic=topic, partition=1, offset=offset)


async def test_the_ledger_counts_a_batch_once_even_when_it_comes_again():
    store = MemoryStore()
    ledger = FiguresLedger(store)  # type: ignore[arg-type]
    first, second = answered_step(), answered_step()
    await ledger.count(second, position(8))  # threads side by side: out of order
    await ledger.count(first, position(7))
    assert store.writes == 0  # kept in memory until written
    await ledger.flush(force=True)
    key = f"demo/{day_of(first.at)}/1"
    stored = DayFigures.from_document(store.documents[key])
    assert stored.figures.conversations == {"whatsapp": 2} and stored.offsets == {"message.analyzed": 8}

    # The counts were written, then the process died before the batch's threads were: a new one processes it again.
    again = FiguresLedger(store)  # type: ignore[arg-type]
    await again.count(first, position(7))
    await again.count(second, position(8))
    await again.count(answered_step(), position(9))
    await again.flush(force=True)
    stored = DayFigures.from_document(store.documents[key])
    assert stored.figures.conversations == {"whatsapp": 3} and stored.offsets == {"message.analyzed": 9}


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


async def test_counts_are_written_at_most_every_so_often_and_when_partitions_move():
    store, clock = MemoryStore(), Clock()
    ledger = FiguresLedger(store, every_seconds=1.0, clock=clock)  # type: ignore[arg-type]
    await ledger.count(answered_step(), position(1))
    await ledger.flush()
    assert store.writes == 1  # the first write is due at once
    await ledger.count(answered_step(), position(2))
    clock.now += 0.5
    await ledger.flush()
    assert store.writes == 1  # kept: written with the next due write
    clock.now += 0.6
    await ledger.flush()
    assert store.writes == 2
    (stored,) = [DayFigures.from_document(d) for d in store.documents.values()]
    assert stored.figures.conversations == {"whatsapp": 2} and stored.offsets == {"message.analyzed": 2}

    await ledger.count(answered_step(), position(3))
    await ledger.hand_over()  # a rebalance: written now, then forgotten
    assert store.writes == 3
    await ledger.count(answered_step(), position(3))  # the new owner (or this one again) reads it: counted once
    await ledger.count(answered_step(), position(4))
    await ledger.stop()  # shutdown: the last counts written
    (stored,) = [DayFigures.from_document(d) for d in store.documents.values()]
    assert stored.figures.conversations == {"whatsapp": 4} and stored.offsets == {"message.analyzed": 4}


async def test_a_failed_write_keeps_the_counts_for_the_next():
    store = MemoryStore()
    ledger = FiguresLedger(store)  # type: ignore[arg-type]
    await ledger.count(answered_step(), position(1))
    failing = store.write

    async def unreachable(documents):
        raise ConnectionError("FerretDB away")

    store.write = unreachable  # type: ignore[method-assign]
    with pytest.raises(ConnectionError):
        await ledger.flush(force=True)
    store.write = failing  # type: ignore[method-assign]
    await ledger.flush(force=True)
    (stored,) = [DayFigures.from_document(d) for d in store.documents.values()]
    assert stored.figures.conversations == {"whatsapp": 1}


async def test_a_batch_processed_again_before_its_counts_were_written_counts_nothing_twice():
    store = MemoryStore()
    ledger = FiguresLedger(store)  # type: ignore[arg-type]
    await ledger.count(answered_step(), position(1))
    await ledger.flush(force=True)
    step = answered_step()
    await ledger.count(step, position(2))
    # The batch's writes failed and it is processed again record by record (parley_runtime.steps.BatchRunner): its
    # counts are still in memory, not yet written.
    await ledger.count(step, position(2))
    await ledger.flush(force=True)
    (stored,) = [DayFigures.from_document(d) for d in store.documents.values()]
    assert stored.figures.conversations == {"whatsapp": 2}  # the first batch's and the second's, once


async def test_a_step_that_adds_nothing_writes_nothing():
    store = MemoryStore()
    ledger = FiguresLedger(store)  # type: ignore[arg-type]
    step = answered_step()
    quiet = Step.on("cmd:c9", step.cause, step.record, None)  # e.g. a command that changed nothing countable
    await ledger.count(quiet, position(3))
    await ledger.flush(force=True)
    assert store.writes == 0 and not store.documents


async def test_a_step_counts_on_its_business_units_own_day():
    step = answered_step()
    keys = []
    for zone in (ZoneInfo("Pacific/Kiritimati"), ZoneInfo("Pacific/Pago_Pago")):  # UTC+14, UTC-11: 25 hours apart
        asked: list[str] = []

        async def zone_of(tenant: str, zone: ZoneInfo = zone, asked: list[str] = asked) -> ZoneInfo:
            asked.append(tenant)
            return zone

        store = MemoryStore()
        ledger = FiguresLedger(store, zone_of=zone_of)  # type: ignore[arg-type]
        await ledger.count(step, position(1))
        await ledger.flush(force=True)
        assert list(store.documents) == [f"demo/{step.at.astimezone(zone).date().isoformat()}/1"] and asked == ["demo"]
        keys += list(store.documents)
    assert keys[0] != keys[1]  # never the same day in both


async def test_the_round_writes_between_batches_so_a_batchs_earlier_offset_is_never_taken_for_counted():
    store = MemoryStore()
    between_batches = asyncio.Lock()  # what the batch runner holds while a batch is processed
    ledger = FiguresLedger(store, every_seconds=0.01, between_batches=between_batches)  # type: ignore[arg-type]
    await ledger.start()
    async with between_batches:  # a batch: threads side by side, so offset 8 is counted before offset 7
        await ledger.count(answered_step(), position(8))
        await asyncio.sleep(0.05)  # the round is due meanwhile: it waits for the batch
        assert store.writes == 0
        await ledger.count(answered_step(), position(7))
    await asyncio.sleep(0.05)
    await ledger.stop()
    (stored,) = [DayFigures.from_document(d) for d in store.documents.values()]
    assert stored.figures.conversations == {"whatsapp": 2} and stored.offsets == {"message.analyzed": 8}
