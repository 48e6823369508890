"""The Kafka broker every service uses, and the one way events are published."""

import logging

from faststream.kafka import KafkaBroker
from faststream.middlewares import AckPolicy

from parley_contracts import Event
from parley_runtime.settings import ServiceSettings

# Commit an offset only when the handler returned; an exception escaping the step runner (which only
# happens for shutdown/cancellation) rewinds instead, so the record is processed again (at-least-once).
AT_LEAST_ONCE = AckPolicy.NACK_ON_ERROR
# FastStream's own logger prints coloured text; this one propagates to the JSON handler on the root logger.
FASTSTREAM_LOG = logging.getLogger("parley.faststream")


def make_broker(settings: ServiceSettings, service: str) -> KafkaBroker:
    return KafkaBroker(
        settings.kafka_bootstrap_servers,
        client_id=f"parley-{service}",
        acks="all",
        enable_idempotence=True,
        ack_policy=AT_LEAST_ONCE,
        graceful_timeout=15.0,
        logger=FASTSTREAM_LOG,
    )


async def publish(broker: KafkaBroker, event: Event) -> None:
    """Publish keyed by `thread_key` (one conversation, one partition, in order) and wait for the
    broker's acknowledgement (acks=all)."""
    await broker.publish(
        event.model_dump_json().encode(),
        topic=event.topic,
        key=event.thread_key.encode(),
        headers=event.headers(),
        correlation_id=event.trace_id,
    )
