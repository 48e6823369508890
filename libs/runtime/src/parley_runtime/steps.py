"""Kafka consumers as explicit processing steps with one commit policy (after Sentry's arroyo).

For each record the runner: decodes it into the topic's event model, binds the event's ids to the log
context, runs the step, and returns, which lets FastStream commit the offset. What can go wrong is
decided here, once, for every service:

- a record that is not a valid event is dead-lettered at once: retrying cannot fix it;
- an infrastructure error (MongoDB or Kafka unreachable) is retried with backoff for as long as it
  takes: the record is healthy, the world is not, and its offset stays uncommitted meanwhile;
- any other error is retried up to `max_attempts`, then the record is dead-lettered with the error and
  the attempt count, so one poison record cannot stall its partition forever.
Steps must be idempotent: a record may be processed again after a crash before its commit."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import structlog
from aiokafka.errors import KafkaConnectionError, KafkaTimeoutError
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from pydantic import ValidationError
from pymongo.errors import AutoReconnect, ConnectionFailure, ServerSelectionTimeoutError

from parley_contracts import Event
from parley_runtime.deadletters import send_to_dead_letters
from parley_runtime.settings import ServiceSettings
from parley_runtime.validation import summarize

E = TypeVar("E", bound=Event)

INFRASTRUCTURE_ERRORS: tuple[type[BaseException], ...] = (
    ConnectionFailure,
    AutoReconnect,
    ServerSelectionTimeoutError,
    KafkaConnectionError,
    KafkaTimeoutError,
)

log = structlog.get_logger()


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
    ) -> None:
        self._broker = broker
        self._service = service
        self._model = model
        self._step = step
        self._max_attempts = max_attempts
        self._base_delay = base_delay
        self._max_delay = max_delay

    async def __call__(self, msg: KafkaMessage) -> None:
        record = msg.raw_message
        key = record.key.decode(errors="replace") if isinstance(record.key, bytes) else None
        with structlog.contextvars.bound_contextvars(
            topic=record.topic, partition=record.partition, offset=record.offset
        ):
            try:
                event = self._model.model_validate_json(msg.body)
            except ValidationError as exc:
                log.warning("record.invalid", error=summarize(exc))
                await self._dead_letter(msg.body, key, f"invalid {self._model.__name__}: {summarize(exc)}", 1)
                return
            with structlog.contextvars.bound_contextvars(
                event_id=event.event_id, trace_id=event.trace_id, thread_key=event.thread_key
            ):
                await self._run(event, msg.body, key)

    async def _run(self, event: E, body: bytes, key: str | None) -> None:
        attempts = 0
        while True:
            attempts += 1
            try:
                await self._step(event)
                return
            except INFRASTRUCTURE_ERRORS as exc:
                # Not the record's fault: wait for the infrastructure, never dead-letter for it.
                delay = self._delay(attempts)
                log.warning("step.infrastructure_unavailable", error=repr(exc), attempt=attempts, retry_in=delay)
                await asyncio.sleep(delay)
            except Exception as exc:
                if attempts >= self._max_attempts:
                    log.error("step.failed", error=repr(exc), attempts=attempts, exc_info=True)
                    await self._dead_letter(body, key, repr(exc), attempts)
                    return
                delay = self._delay(attempts)
                log.warning("step.retry", error=repr(exc), attempt=attempts, retry_in=delay)
                await asyncio.sleep(delay)

    def _delay(self, attempt: int) -> float:
        return min(self._max_delay, self._base_delay * 2 ** (attempt - 1))

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
    uncommitted offset."""
    runner = StepRunner(
        broker=broker,
        service=service,
        model=model,
        step=step,
        max_attempts=settings.consumer_max_attempts,
        base_delay=settings.consumer_retry_base_seconds,
    )
    broker.subscriber(model.topic, group_id=group, auto_offset_reset="earliest")(runner)
