"""Kafka consumers as explicit processing steps with one commit policy (after Sentry's arroyo).

For each record the runner: decodes it into the topic's event model, binds the event's ids to the log
context, runs the step, and returns, which lets FastStream commit the offset. What can go wrong is
decided here, once, for every service:

- a record that is not a valid event is dead-lettered at once: retrying cannot fix it;
- an infrastructure error (MongoDB or Kafka unreachable, any error Kafka marks retriable) is retried with
  backoff for as long as it takes: the record is healthy, the world is not, and its offset stays
  uncommitted meanwhile (docs/adr/0005-failure-policy.md);
- a step that outlives its time budget is dead-lettered with that reason and the partition moves on;
- a producer that lost its place with the broker cannot recover: the process stops (and is restarted),
  leaving the record uncommitted;
- any other error is retried up to `max_attempts`, then the record is dead-lettered with the error and
  the attempt count, so one poison record cannot stall its partition forever.
Steps must be idempotent: a record may be processed again after a crash before its commit."""

import asyncio
import heapq
import os
import signal
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

import structlog
from aiokafka import ConsumerRecord
from aiokafka.abc import ConsumerRebalanceListener
from aiokafka.coordinator.assignors.range import RangePartitionAssignor
from aiokafka.errors import (
    InvalidProducerEpoch,
    InvalidProducerIdMapping,
    KafkaConnectionError,
    KafkaError,
    KafkaTimeoutError,
    OutOfOrderSequenceNumber,
    ProducerClosed,
    ProducerFenced,
    UnknownProducerId,
)
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from pydantic import ValidationError
from pymongo.errors import ConnectionFailure

from parley_contracts import Event
from parley_runtime.deadletters import send_to_dead_letters
from parley_runtime.kafka import on_message
from parley_runtime.settings import ServiceSettings
from parley_runtime.validation import summarize

E = TypeVar("E", bound=Event)

# A producer in one of these states rejects every later send (aiokafka does not recover by itself): only a new
# process helps.
PRODUCER_BROKEN: tuple[type[BaseException], ...] = (
    OutOfOrderSequenceNumber,
    UnknownProducerId,
    InvalidProducerEpoch,
    InvalidProducerIdMapping,
    ProducerFenced,
    ProducerClosed,
)


def is_infrastructure_error(exc: BaseException) -> bool:
    """MongoDB or Kafka unavailable (ConnectionFailure covers AutoReconnect, timeouts and server selection);
    Kafka's own retriable errors (leader elections, not-enough-replicas, request timeouts) included; and an error
    raised because of one (`raise … from exc`: channel accounts that cannot be read)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ConnectionFailure | KafkaConnectionError | KafkaTimeoutError):
            return True
        if isinstance(seen, KafkaError) and bool(getattr(seen, "retriable", False)):
            return True
        seen = seen.__cause__
    return False


def backoff(attempt: int, base: float, cap: float = 10.0) -> float:
    """How long to wait before attempt `attempt` + 1: doubling from `base`, at most `cap` seconds."""
    return min(cap, base * 2 ** (attempt - 1))


class ProducerBrokenError(RuntimeError):
    """Raised (after asking the process to stop) so the record in hand stays uncommitted."""


log = structlog.get_logger()


@dataclass(frozen=True)
class RecordPosition:
    topic: str
    partition: int
    offset: int


_RECORD: ContextVar[RecordPosition | None] = ContextVar("parley_record", default=None)


def current_record() -> RecordPosition | None:
    """Where the record being processed sits (None outside a step): the router's daily figures remember the last
    offset they counted, so a record processed again is not counted twice."""
    return _RECORD.get()


def current_partition() -> int | None:
    """The partition of the record being processed (None outside a step): per-partition state (the router's
    timers and workload documents) is keyed by it."""
    record = _RECORD.get()
    return record.partition if record else None


class StepRunner(Generic[E]):
    def __init__(
        self,
        *,
        broker: KafkaBroker,
        service: str,
        model: type[E],
        step: Callable[[E], Awaitable[None]],
        max_attempts: int = 5,
        base_delay: float = 0.2,
        max_delay: float = 10.0,
        budget_seconds: float = 60.0,
    ) -> None:
        self._broker = broker
        self._service = service
        self._model = model
        self._step = step
        self._max_attempts = max_attempts
        self._base_delay = base_delay
        self._max_delay = max_delay
        self._budget = budget_seconds

    @classmethod
    def configured(
        cls,
        broker: KafkaBroker,
        settings: ServiceSettings,
        service: str,
        model: type[E],
        step: Callable[[E], Awaitable[None]],
    ) -> "StepRunner[E]":
        """A runner with the service's retry settings (`CONSUMER_MAX_ATTEMPTS`, `CONSUMER_RETRY_BASE_SECONDS`)."""
        return cls(
            broker=broker,
            service=service,
            model=model,
            step=step,
            max_attempts=settings.consumer_max_attempts,
            base_delay=settings.consumer_retry_base_seconds,
            budget_seconds=settings.step_budget_seconds,
        )

    async def __call__(self, msg: KafkaMessage) -> None:
        await self.process(msg.raw_message)

    async def process(self, record: ConsumerRecord) -> None:
        body: bytes = record.value or b""
        key = record.key.decode(errors="replace") if isinstance(record.key, bytes) else None
        _RECORD.set(RecordPosition(record.topic, record.partition, record.offset))
        with structlog.contextvars.bound_contextvars(
            topic=record.topic, partition=record.partition, offset=record.offset
        ):
            try:
                event = self._model.model_validate_json(body)
            except ValidationError as exc:
                log.warning("record.invalid", error=summarize(exc))
                await self._dead_letter(body, key, f"invalid {self._model.__name__}: {summarize(exc)}", 1)
                return
            with structlog.contextvars.bound_contextvars(
                event_id=event.event_id, trace_id=event.trace_id, thread_key=event.thread_key
            ):
                await self._run(event, body, key)

    async def _run(self, event: E, body: bytes, key: str | None) -> None:
        attempts = 0
        while True:
            attempts += 1
            budget = asyncio.timeout(self._budget)
            try:
                async with budget:
                    await self._step(event)
                return
            except PRODUCER_BROKEN as exc:
                log.critical("producer.broken", error=repr(exc))
                stop_this_process()
                raise ProducerBrokenError(repr(exc)) from exc
            except TimeoutError:
                if not budget.expired():
                    raise
                # Slow by itself (I/O waits fail fast on their own timeouts): a retry would be as slow.
                reason = f"the step took longer than its time budget of {self._budget:g} s"
                log.error("step.over_budget", budget_seconds=self._budget)
                await self._dead_letter(body, key, reason, attempts)
                return
            except Exception as exc:
                if is_infrastructure_error(exc):
                    # Not the record's fault: wait for the infrastructure, never dead-letter for it.
                    delay = self._delay(attempts)
                    log.warning("step.infrastructure_unavailable", error=repr(exc), attempt=attempts, retry_in=delay)
                    await asyncio.sleep(delay)
                    continue
                if attempts >= self._max_attempts:
                    log.error("step.failed", error=repr(exc), attempts=attempts, exc_info=True)
                    await self._dead_letter(body, key, repr(exc), attempts)
                    return
                delay = self._delay(attempts)
                log.warning("step.retry", error=repr(exc), attempt=attempts, retry_in=delay)
                await asyncio.sleep(delay)

    def _delay(self, attempt: int) -> float:
        return backoff(attempt, self._base_delay, self._max_delay)

    async def _dead_letter(self, body: bytes, key: str | None, error: str, attempts: int) -> None:
        await send_to_dead_letters(
            self._broker,
            source_topic=self._model.topic,
            service=self._service,
            key=key,
            body=body,
            error=error,
            attempts=attempts,
        )


def subscribe_step(
    broker: KafkaBroker,
    settings: ServiceSettings,
    *,
    service: str,
    group: str,
    model: type[E],
    step: Callable[[E], Awaitable[None]],
) -> None:
    """Run `step` for every record of `model.topic`, under consumer group `group`, from the earliest
    uncommitted offset: `subscribe_steps` with one topic (batches, one thread's records in order, offsets
    committed per batch)."""
    subscribe_steps(broker, settings, service=service, group=group, steps={model: step})


def stop_this_process() -> None:
    """Ask for a clean shutdown (SIGTERM: uvicorn drains, offsets of unfinished records stay uncommitted); the
    supervisor (make run, docker-compose, Kubernetes) starts a fresh process with a fresh producer."""
    os.kill(os.getpid(), signal.SIGTERM)


def in_time_order(records: Iterable[ConsumerRecord]) -> list[ConsumerRecord]:
    """Merge the records of several partitions by their timestamps (when they were produced), keeping each
    partition's own order: a thread's events on different topics are applied in the order they happened, as
    far as one fetch can tell (Kafka orders records within a partition only)."""
    queues: dict[tuple[str, int], list[ConsumerRecord]] = defaultdict(list)
    for record in records:
        queues[(record.topic, record.partition)].append(record)
    heads = [(queue[0].timestamp, n, 0, key) for n, (key, queue) in enumerate(queues.items())]
    heapq.heapify(heads)
    merged: list[ConsumerRecord] = []
    while heads:
        _, n, index, key = heapq.heappop(heads)
        queue = queues[key]
        merged.append(queue[index])
        if index + 1 < len(queue):
            heapq.heappush(heads, (queue[index + 1].timestamp, n, index + 1, key))
    return merged


class HeldWrites(Protocol):
    """A store that holds a batch's writes back and sends them together once the batch is processed, before its
    offsets are committed (parley_router.owned)."""

    deferring: bool

    async def flush(self) -> None:
        """Write what is held, then run what waited for it; safe to call again after it failed."""

    def discard(self) -> None:
        """Forget what is held and what waited for it."""


class BatchRunner:
    """One fetched batch: records in time order, split into lanes by thread, each lane in order, up to
    `concurrency` lanes at once. One batch at a time (`processing`, which a rebalance waits for, and so may other
    work that must only ever see whole batches: pass it in).

    With `held_writes`, the steps' writes are sent together after the batch (`_flush`): an unreachable store is
    waited for, as a step would; any other failure of the flush discards it and processes the batch again with
    each write made at once, so the consumer policy finds the record at fault and dead-letters it alone."""

    def __init__(
        self,
        runners: Mapping[str, "StepRunner[Any]"],
        concurrency: int,
        held_writes: HeldWrites | None = None,
        retry_base_seconds: float = 0.2,
        processing: asyncio.Lock | None = None,
    ) -> None:
        self._runners = runners
        self._slots = asyncio.Semaphore(concurrency)
        self._held = held_writes
        self._retry_base = retry_base_seconds
        self.processing = processing or asyncio.Lock()

    async def run(self, records: Iterable[ConsumerRecord]) -> None:
        async with self.processing:
            ordered = in_time_order(records)
            if self._held is None:
                return await self._run_lanes(ordered)
            held = self._held
            held.deferring = True
            try:
                await self._run_lanes(ordered)
                await self._flush(held, ordered)
            except BaseException:
                held.discard()  # the batch is not committed: it comes again
                raise
            finally:
                held.deferring = False

    async def _flush(self, held: HeldWrites, ordered: list[ConsumerRecord]) -> None:
        attempts = 0
        while True:
            try:
                return await held.flush()
            except Exception as exc:
                if not is_infrastructure_error(exc):
                    log.error("batch.flush_failed", error=repr(exc), records=len(ordered), exc_info=True)
                    held.discard()
                    held.deferring = False
                    return await self._run_lanes(ordered)
                attempts += 1
                delay = backoff(attempts, self._retry_base)
                log.warning("batch.flush_retry", error=repr(exc), attempt=attempts, retry_in=delay)
                await asyncio.sleep(delay)

    async def _run_lanes(self, ordered: list[ConsumerRecord]) -> None:
        lanes = by_thread(ordered)
        if len(lanes) == 1:
            return await self._run_lane(lanes[0])
        async with asyncio.TaskGroup() as group:  # a failure (a broken producer) cancels the rest: uncommitted
            for lane in lanes:
                group.create_task(self._run_lane(lane))

    async def _run_lane(self, lane: list[ConsumerRecord]) -> None:
        async with self._slots:
            for record in lane:
                await self._runners[record.topic].process(record)


def by_thread(records: Iterable[ConsumerRecord]) -> list[list[ConsumerRecord]]:
    """The records split into lanes, one per thread (record key), each in the order given. A record without a
    key shares its partition's keyless lane: nothing says what it may overtake."""
    lanes: dict[Any, list[ConsumerRecord]] = {}
    for record in records:
        lane = record.key if record.key is not None else ("partition", record.topic, record.partition)
        lanes.setdefault(lane, []).append(record)
    return list(lanes.values())


class _DrainFirst(ConsumerRebalanceListener):
    """Before partitions are given away, let the batch in progress finish: another instance may start on them
    only once this one has stopped writing (one writer per thread, docs/adr/0002-thread-command-topic.md)."""

    def __init__(self, processing: asyncio.Lock, inner: ConsumerRebalanceListener | None) -> None:
        self._processing = processing
        self._inner = inner

    async def on_partitions_revoked(self, revoked: Any) -> None:
        async with self._processing:
            if self._inner is not None:
                await self._inner.on_partitions_revoked(revoked)

    async def on_partitions_assigned(self, assigned: Any) -> None:
        if self._inner is not None:
            await self._inner.on_partitions_assigned(assigned)


def subscribe_steps(
    broker: KafkaBroker,
    settings: ServiceSettings,
    *,
    service: str,
    group: str,
    steps: Mapping[type[Event], Callable[[Any], Awaitable[None]]],
    listener: ConsumerRebalanceListener | None = None,
    held_writes: HeldWrites | None = None,
    max_records: int = 200,
    between_batches: asyncio.Lock | None = None,
) -> None:
    """One consumer for several topics, co-partitioned: the range assignor gives each member of `group` the
    same partition numbers of every topic (they must have the same partition count and key), so one process
    owns all of a thread's events, whatever topic they come on (docs/adr/0002-thread-command-topic.md).
    Records come in batches and are put in time order (`in_time_order`); each thread's records (one record key)
    are processed one at a time, in that order, each by its topic's step under the one consumer policy, while up
    to `CONSUMER_CONCURRENCY` threads proceed at once, so one slow thread does not hold up the others. Offsets are
    committed after the whole batch, and after `held_writes` (a store that sends a batch's writes together) has
    written it. `between_batches`: held while a batch is processed; what takes it runs only between batches."""
    runners = {
        model.topic: StepRunner.configured(broker, settings, service, model, step) for model, step in steps.items()
    }
    batches = BatchRunner(
        runners, settings.consumer_concurrency, held_writes, settings.consumer_retry_base_seconds, between_batches
    )

    async def dispatch(msg: KafkaMessage) -> None:
        await batches.run(msg.raw_message)

    handler = on_message(broker, dispatch, "_".join([service, *(model.__name__ for model in steps)]))
    subscriber = batch_subscriber(
        broker,
        *runners,
        max_records=max_records,
        linger_seconds=settings.consumer_linger_ms / 1000,
        group_id=group,
        auto_offset_reset="earliest",
        partition_assignment_strategy=(RangePartitionAssignor,),
        listener=_DrainFirst(batches.processing, listener),
    )
    subscriber(handler)


def batch_subscriber(
    broker: KafkaBroker, *topics: str, max_records: int, linger_seconds: float = 0.0, **options: Any
) -> Any:
    """A subscriber handed batches of up to `max_records` records by `_waiting_fetch`, in place of FastStream's
    own batch fetch (which wakes an idle consumer every `batch_timeout_ms`, below). `options`: the subscriber's
    other settings (group, offset reset, ack policy, ...)."""
    subscriber = broker.subscriber(
        *topics, batch=True, max_records=max_records, fetch_max_wait_ms=IDLE_FETCH_WAIT_MS, **options
    )
    subscriber.get_msg = _waiting_fetch(max_records, linger_seconds)
    return subscriber


# How long a fetch with nothing to return waits for records, in the broker (a Fetch request's max wait) and in
# the consumer: both return as soon as a record arrives, so a long wait costs no latency, only idle requests.
# FastStream's own batch fetch waits `batch_timeout_ms` and then sleeps as long again after an empty fetch: kept
# short for latency, it woke an idle consumer 50 times a second (measured at idle with `make run`: router 29 ms
# and outbound 44 ms of CPU a second).
IDLE_FETCH_WAIT_MS = 5000


def _waiting_fetch(max_records: int, linger_seconds: float) -> Callable[[Any], Awaitable[tuple[ConsumerRecord, ...]]]:
    """Records as soon as there are some; but when they came within `linger_seconds` of asking (records are
    arriving steadily), what arrives until `linger_seconds` after asking joins the batch: one flush and one offset
    commit then serve several records, where under load one each cost most of the CPU (arroyo's batch time). A
    consumer that waited longer (idle, a first record after a pause) processes it at once: no added latency."""

    async def get_msg(consumer: Any) -> tuple[ConsumerRecord, ...]:
        asked = time.monotonic()
        records = _flat(await consumer.getmany(timeout_ms=IDLE_FETCH_WAIT_MS, max_records=max_records))
        waited = time.monotonic() - asked
        if records and len(records) < max_records and waited < linger_seconds:
            await asyncio.sleep(linger_seconds - waited)
            records += _flat(await consumer.getmany(timeout_ms=0, max_records=max_records - len(records)))
        return tuple(records)

    return get_msg


def _flat(fetched: Mapping[Any, list[ConsumerRecord]]) -> list[ConsumerRecord]:
    """aiokafka's `getmany` answer (records by partition) as one list, each partition's in order."""
    return [record for partition in fetched.values() for record in partition]
