"""The one thing ingest does with the outside world after parsing: publish to Kafka and wait for acks=all."""

from typing import Protocol

from faststream.kafka import KafkaBroker

from parley_contracts import Event
from parley_runtime.kafka import publish


class EventPublisher(Protocol):
    async def publish(self, event: Event) -> None: ...


class KafkaEventPublisher:
    def __init__(self, broker: KafkaBroker) -> None:
        self._broker = broker

    async def publish(self, event: Event) -> None:
        await publish(self._broker, event)
