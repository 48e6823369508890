"""The Kafka broker every service uses, and the one way events are published."""

import asyncio
import logging
import weakref
from collections.abc import Awaitable, Callable
from typing import Any

from aiokafka.errors import KafkaTimeoutError
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from faststream.message import StreamMessage
from faststream.middlewares import AckPolicy

from parley_contracts import Event
from parley_runtime.settings import ServiceSettings

# Commit an offset only when the handler returned; an exception escaping the step runner (which only
# happens for shutdown/cancellation) rewinds instead, so the record is processed again (at-least-once).
AT_LEAST_ONCE = AckPolicy.NACK_ON_ERROR
# FastStream's own logger prints coloured text; this one propagates to the JSON handler on the root logger.
FASTSTREAM_LOG = logging.getLogger("parley.faststream")


async def undecoded(msg: StreamMessage[Any]) -> Any:
    """Every subscriber's decoder (set on the broker): none. Every handler validates the raw body into its event model
    itself (pydantic from JSON), so FastStream's default decoder, `json.loads` of every record first, was work thrown
    away: 8.7% of dashboard-api's CPU at 60 msg/s end to end (py-spy), a record at a time on its live stream."""
    return msg.body


def make_broker(settings: ServiceSettings, service: str) -> KafkaBroker:
    """acks=all, without the idempotent producer: after a long broker outage aiokafka's idempotent producer can
    lose its sequence and reject every later send until the process restarts (aio-libs/aiokafka#1017), while
    a plain producer recovers by itself. Order is kept anyway (aiokafka sends one request per broker at a time)
    and a record written twice by a retry is harmless: every consumer is idempotent
    (docs/adr/0005-failure-policy.md)."""
    broker = KafkaBroker(
        settings.kafka_bootstrap_servers,
        client_id=f"parley-{service}",
        acks="all",
        enable_idempotence=False,
        ack_policy=AT_LEAST_ONCE,
        graceful_timeout=15.0,
        logger=FASTSTREAM_LOG,
        # FastStream's "Received" / "Processed" lines per record say nothing the step's own lines (with the event's
        # ids) do not, and formatting them took 6% of dashboard-api's CPU under load (py-spy): debug level.
        log_level=logging.DEBUG,
        decoder=undecoded,  # the handlers validate the raw body themselves
    )
    _PUBLISH_TIMEOUTS[broker] = settings.kafka_publish_timeout_seconds
    return broker


_PUBLISH_TIMEOUTS: "weakref.WeakKeyDictionary[KafkaBroker, float]" = weakref.WeakKeyDictionary()
DEFAULT_PUBLISH_TIMEOUT = 10.0


async def publish(broker: KafkaBroker, event: Event) -> None:
    """Publish keyed by `thread_key` (one conversation, one partition, in order) and wait for the broker's
    acknowledgement (acks=all)."""
    await publish_bytes(
        broker,
        event.model_dump_json().encode(),
        topic=event.topic,
        key=event.thread_key.encode(),
        headers=event.headers(),
        correlation_id=event.trace_id,
    )


async def publish_bytes(
    broker: KafkaBroker,
    body: bytes,
    *,
    topic: str,
    key: bytes | None,
    headers: dict[str, str],
    correlation_id: str | None = None,
) -> None:
    """Publish and wait for the acknowledgement for `KAFKA_PUBLISH_TIMEOUT_SECONDS` at most: past it
    `KafkaTimeoutError`, an infrastructure error the caller retries (a send that still completes later is a
    harmless duplicate)."""
    timeout = _PUBLISH_TIMEOUTS.get(broker, DEFAULT_PUBLISH_TIMEOUT)
    try:
        # asyncio.timeout, not wait_for: on Python 3.11 wait_for runs the send in a task of its own, a cost paid on
        # every event published.
        async with asyncio.timeout(timeout):
            await broker.publish(body, topic=topic, key=key, headers=headers, correlation_id=correlation_id)
    except TimeoutError as exc:
        raise KafkaTimeoutError(f"{topic}: not acknowledged within {timeout:g} s") from exc


def on_message(
    broker: KafkaBroker, handle: Callable[[KafkaMessage], Awaitable[None]], name: str
) -> Callable[[], Awaitable[None]]:
    """The handler to subscribe: it hands `handle` the message (or batch) being consumed. It takes no parameters on
    purpose: FastDepends resolves a `msg: KafkaMessage` parameter with a synchronous call it runs in a worker
    thread, a thread hop per record (about 0.5 ms of CPU each through FastStream's test broker; in `make bench` a
    small share of dashboard-api's and nlp's CPU per message)."""

    async def handler() -> None:
        await handle(broker.context.get_local("message"))

    handler.__name__ = handler.__qualname__ = name  # what the AsyncAPI document calls the operation
    return handler
