"""The consumer policy, with a recording broker: what is retried, what is dead-lettered, what waits."""

from dataclasses import dataclass, field

import pytest
from pymongo.errors import ServerSelectionTimeoutError

from parley_contracts import MessageReceived
from parley_runtime.steps import StepRunner, in_time_order
from tests.events import received
from tests.fakes import RecordingBroker


@dataclass
class Record:
    topic: str = "message.received"
    partition: int = 0
    offset: int = 7
    key: bytes | None = b"th_1"
    value: bytes = b""
    timestamp: int = 0


@dataclass
class Message:
    body: bytes
    raw_message: Record = field(default_factory=Record)

    def __post_init__(self) -> None:
        self.raw_message.value = self.body


def runner(broker, step, max_attempts=3) -> StepRunner:
    return StepRunner(
        broker=broker,
        service="test",
        model=MessageReceived,
        step=step,
        max_attempts=max_attempts,
        base_delay=0.001,
        max_delay=0.002,
    )


async def test_valid_record_runs_the_step_once():
    seen = []

    async def step(event):
        seen.append(event.dedupe_key)

    event = received("hi")
    broker = RecordingBroker()
    await runner(broker, step)(Message(event.model_dump_json().encode()))
    assert seen == [event.dedupe_key] and broker.published == []


async def test_invalid_record_is_dead_lettered_without_running_the_step():
    async def step(event):
        raise AssertionError("must not run")

    broker = RecordingBroker()
    await runner(broker, step)(Message(b'{"not": "an event"}'))
    [(topic, letter)] = broker.published
    assert topic == "message.received.dlq"
    assert letter["original"] == {"not": "an event"} and letter["attempts"] == 1 and letter["key"] == "th_1"


async def test_failing_step_is_retried_then_dead_lettered_with_the_attempt_count():
    calls = 0

    async def step(event):
        nonlocal calls
        calls += 1
        raise ValueError("boom")

    broker = RecordingBroker()
    await runner(broker, step, max_attempts=3)(Message(received().model_dump_json().encode()))
    assert calls == 3
    [(topic, letter)] = broker.published
    assert topic == "message.received.dlq" and letter["attempts"] == 3 and "boom" in letter["error"]


async def test_a_transient_failure_recovers_without_a_dead_letter():
    calls = 0

    async def step(event):
        nonlocal calls
        calls += 1
        if calls < 2:
            raise ValueError("flaky")

    broker = RecordingBroker()
    await runner(broker, step)(Message(received().model_dump_json().encode()))
    assert calls == 2 and broker.published == []


async def test_infrastructure_outage_is_waited_out_never_dead_lettered():
    calls = 0

    async def step(event):
        nonlocal calls
        calls += 1
        if calls <= 6:  # more than max_attempts: an outage is not the record's fault
            raise ServerSelectionTimeoutError("mongo down")

    broker = RecordingBroker()
    await runner(broker, step, max_attempts=3)(Message(received().model_dump_json().encode()))
    assert calls == 7 and broker.published == []


@pytest.mark.parametrize("attempt", [1, 2, 3, 10])
def test_retry_delay_doubles_and_is_capped(attempt):
    r = StepRunner(
        broker=RecordingBroker(), service="t", model=MessageReceived, step=None, base_delay=0.2, max_delay=1.0
    )
    assert r._delay(attempt) == min(1.0, 0.2 * 2 ** (attempt - 1))


def test_records_of_several_partitions_are_merged_by_time_keeping_each_partitions_order():
    a = [Record("message.received", 0, offset, timestamp=ts) for offset, ts in ((0, 10), (1, 30), (2, 20))]
    b = [Record("thread.command", 0, offset, timestamp=ts) for offset, ts in ((0, 15), (1, 25))]
    merged = in_time_order([*a, *b])
    assert [(r.topic[0], r.offset) for r in merged] == [("m", 0), ("t", 0), ("t", 1), ("m", 1), ("m", 2)]
