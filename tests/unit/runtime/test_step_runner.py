"""The consumer policy, with a recording broker: what is retried, what is dead-lettered, what waits."""

import asyncio
import logging
from dataclasses import dataclass, field

import pytest
from aiokafka.errors import (
    KafkaConnectionError,
    KafkaTimeoutError,
    LeaderNotAvailableError,
    MessageSizeTooLargeError,
    NotLeaderForPartitionError,
    OutOfOrderSequenceNumber,
    RequestTimedOutError,
)
from pymongo.errors import ServerSelectionTimeoutError

from parley_contracts import MessageReceived
from parley_runtime import steps as steps_module
from parley_runtime.logging import RepeatLimiter
from parley_runtime.steps import ProducerBrokenError, StepRunner, in_time_order, is_infrastructure_error
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


@pytest.mark.parametrize(
    "error",
    [
        LeaderNotAvailableError(),
        NotLeaderForPartitionError(),
        RequestTimedOutError(),
        KafkaTimeoutError(),
        KafkaConnectionError(),
        ServerSelectionTimeoutError("mongo down"),
    ],
)
async def test_broker_elections_and_timeouts_are_infrastructure_waited_out(error):
    assert is_infrastructure_error(error)
    calls = 0

    async def step(event):
        nonlocal calls
        calls += 1
        if calls < 6:  # more than max_attempts: not counted as the record's fault
            raise error

    broker = RecordingBroker()
    await runner(broker, step)(Message(received("hi").model_dump_json().encode()))
    assert calls == 6 and broker.published == []


def test_a_records_own_errors_are_not_infrastructure():
    assert not is_infrastructure_error(ValueError("bad"))
    assert not is_infrastructure_error(MessageSizeTooLargeError())


def test_an_error_raised_because_the_database_is_away_is_infrastructure():
    try:
        try:
            raise ServerSelectionTimeoutError("mongo down")
        except ServerSelectionTimeoutError as cause:
            raise RuntimeError("channel accounts cannot be read") from cause
    except RuntimeError as wrapped:
        assert is_infrastructure_error(wrapped)
    assert not is_infrastructure_error(RuntimeError("no cause"))


async def test_a_step_over_its_time_budget_is_dead_lettered_at_once():
    calls = 0

    async def step(event):
        nonlocal calls
        calls += 1
        await asyncio.sleep(10)

    broker = RecordingBroker()
    slow = StepRunner(broker=broker, service="test", model=MessageReceived, step=step, budget_seconds=0.05)
    await slow(Message(received("hi").model_dump_json().encode()))
    [(topic, letter)] = broker.published
    assert calls == 1 and topic == "message.received.dlq" and "time budget of 0.05 s" in letter["error"]


async def test_a_broken_producer_stops_the_process_and_leaves_the_record_uncommitted(monkeypatch):
    stopped = []
    monkeypatch.setattr(steps_module, "stop_this_process", lambda: stopped.append(True))

    async def step(event):
        raise OutOfOrderSequenceNumber()

    broker = RecordingBroker()
    with pytest.raises(ProducerBrokenError):
        await runner(broker, step)(Message(received("hi").model_dump_json().encode()))
    assert stopped == [True] and broker.published == []


def test_repeated_library_warnings_are_summarised():
    now = [0.0]
    limiter = RepeatLimiter(burst=3, window=10, clock=lambda: now[0])

    def record() -> logging.LogRecord:
        return logging.LogRecord("aiokafka", logging.ERROR, "x", 1, "Unable connect to %s", ("node",), None)

    passed = [limiter.filter(record()) for _ in range(100)]
    assert passed.count(True) == 3
    now[0] = 11
    summary = record()
    assert limiter.filter(summary) and "97 more like it" in summary.msg
    assert limiter.filter(logging.LogRecord("aiokafka", logging.INFO, "x", 1, "fine", (), None))


class _Lanes:
    """Runners that record what ran; the thread th_a's first record waits until th_b has run."""

    def __init__(self) -> None:
        self.ran: list[tuple[bytes | None, int]] = []
        self.b_ran = asyncio.Event()

    async def process(self, record: Record) -> None:
        if record.key == b"th_a" and record.offset == 0:
            await asyncio.wait_for(self.b_ran.wait(), timeout=2)
        if record.key == b"th_b":
            self.b_ran.set()
        self.ran.append((record.key, record.offset))


def _batch(*keys_offsets: tuple[bytes | None, int]) -> list[Record]:
    return [Record(key=key, offset=offset, timestamp=i) for i, (key, offset) in enumerate(keys_offsets)]


async def test_a_slow_thread_does_not_hold_up_the_others_and_each_thread_keeps_its_order():
    lanes = _Lanes()
    runner = steps_module.BatchRunner({"message.received": lanes}, concurrency=4)
    await runner.run(_batch((b"th_a", 0), (b"th_a", 1), (b"th_b", 2), (b"th_a", 3)))
    # th_b overtook th_a's first record (which waited for it); th_a's own records kept their order.
    assert lanes.ran[0] == (b"th_b", 2)
    assert [o for k, o in lanes.ran if k == b"th_a"] == [0, 1, 3]


async def test_with_concurrency_one_records_run_one_by_one_in_time_order():
    ran: list[int] = []

    class Sequential:
        async def process(self, record: Record) -> None:
            ran.append(record.offset)
            await asyncio.sleep(0)

    runner = steps_module.BatchRunner({"message.received": Sequential()}, concurrency=1)
    await runner.run(_batch((b"th_a", 0), (b"th_b", 1), (b"th_a", 2), (b"th_c", 3)))
    assert sorted(ran) == [0, 1, 2, 3]
    assert ran.index(0) < ran.index(2)


def test_records_without_a_key_share_their_partitions_lane():
    lanes = steps_module.by_thread(_batch((None, 0), (b"th_a", 1), (None, 2)))
    assert [[r.offset for r in lane] for lane in lanes] == [[0, 2], [1]]


class _Held:
    """A store that holds writes back: records what each record saw and what each flush did; `failures` are raised
    by the next flushes, one each."""

    def __init__(self, *failures: BaseException) -> None:
        self.deferring = False
        self.failures = list(failures)
        self.log: list[str] = []

    async def flush(self) -> None:
        if self.failures:
            self.log.append("flush failed")
            raise self.failures.pop(0)
        self.log.append("flushed")

    def discard(self) -> None:
        self.log.append("discarded")


class _Recording:
    def __init__(self, held: _Held) -> None:
        self.held = held

    async def process(self, record: Record) -> None:
        self.held.log.append(f"{record.offset} {'held' if self.held.deferring else 'written'}")


async def test_a_batchs_writes_are_held_and_flushed_once_after_every_record():
    held = _Held()
    runner = steps_module.BatchRunner({"message.received": _Recording(held)}, concurrency=1, held_writes=held)
    await runner.run(_batch((b"th_a", 0), (b"th_b", 1)))
    assert held.log == ["0 held", "1 held", "flushed"] and not held.deferring


async def test_an_unreachable_store_at_the_flush_is_waited_for():
    held = _Held(ServerSelectionTimeoutError("no primary"), ServerSelectionTimeoutError("no primary"))
    runner = steps_module.BatchRunner(
        {"message.received": _Recording(held)}, concurrency=1, held_writes=held, retry_base_seconds=0.001
    )
    await runner.run(_batch((b"th_a", 0)))
    assert held.log == ["0 held", "flush failed", "flush failed", "flushed"]


async def test_a_flush_that_cannot_succeed_is_discarded_and_the_batch_written_record_by_record():
    held = _Held(ValueError("document too large"))
    runner = steps_module.BatchRunner({"message.received": _Recording(held)}, concurrency=1, held_writes=held)
    await runner.run(_batch((b"th_a", 0), (b"th_b", 1)))
    # Written as each record goes, the consumer policy (StepRunner) retries or dead-letters the one at fault.
    assert held.log == ["0 held", "1 held", "flush failed", "discarded", "0 written", "1 written"]


async def test_a_batch_that_fails_leaves_nothing_held():
    held = _Held()

    class Broken:
        async def process(self, record: Record) -> None:
            raise ProducerBrokenError("fenced")

    runner = steps_module.BatchRunner({"message.received": Broken()}, concurrency=1, held_writes=held)
    with pytest.raises(ProducerBrokenError):
        await runner.run(_batch((b"th_a", 0)))
    assert held.log == ["discarded"] and not held.deferring


class ScriptedConsumer:
    """`getmany` as aiokafka's: what has arrived by the time it is asked (waiting up to `timeout_ms` for a first
    record), arrivals scripted as (seconds after the start, record)."""

    def __init__(self, arrivals: list[tuple[float, Record]]) -> None:
        self._start = asyncio.get_running_loop().time()
        self._arrivals = sorted(arrivals, key=lambda a: a[0])
        self.calls: list[int] = []

    def _now(self) -> float:
        return asyncio.get_running_loop().time() - self._start

    async def getmany(self, timeout_ms: int, max_records: int) -> dict[str, list[Record]]:
        self.calls.append(timeout_ms)
        if not self._arrived() and self._arrivals:  # wait for the next arrival, as long as the timeout allows
            await asyncio.sleep(max(0.0, min(self._arrivals[0][0] - self._now(), timeout_ms / 1000)))
        taken = self._arrived()[:max_records]
        self._arrivals = self._arrivals[len(taken) :]
        return {"tp": taken} if taken else {}

    def _arrived(self) -> list[Record]:
        return [record for at, record in self._arrivals if at <= self._now()]


def _records(n: int) -> list[Record]:
    return [Record(offset=i) for i in range(n)]


async def test_records_arriving_steadily_are_gathered_into_one_batch_for_the_linger():
    first, second, late = _records(3)
    consumer = ScriptedConsumer([(0.0, first), (0.01, second), (0.3, late)])
    fetch = steps_module._waiting_fetch(max_records=200, linger_seconds=0.05)
    assert await fetch(consumer) == (first, second)  # `late` came after the linger: the next batch
    assert await fetch(consumer) == (late,)


async def test_an_idle_consumers_first_record_is_processed_at_once():
    first, second = _records(2)
    consumer = ScriptedConsumer([(0.2, first), (0.25, second)])
    fetch = steps_module._waiting_fetch(max_records=200, linger_seconds=0.05)
    assert await fetch(consumer) == (first,)  # waited 0.2 s for it: no lingering after a pause
    assert consumer.calls == [steps_module.IDLE_FETCH_WAIT_MS]


async def test_a_full_batch_does_not_linger_and_a_zero_linger_never_does():
    records = _records(3)
    consumer = ScriptedConsumer([(0.0, r) for r in records])
    assert await steps_module._waiting_fetch(max_records=2, linger_seconds=0.05)(consumer) == tuple(records[:2])
    assert consumer.calls == [steps_module.IDLE_FETCH_WAIT_MS]
    consumer = ScriptedConsumer([(0.0, records[0]), (0.001, records[1])])
    assert await steps_module._waiting_fetch(max_records=200, linger_seconds=0)(consumer) == (records[0],)
