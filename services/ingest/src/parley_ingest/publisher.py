"""The one thing ingest does with the outside world after parsing: publish to Kafka and wait for acks=all."""

from typing import Protocol

from aiokafka.errors import KafkaError
from faststream.exceptions import FastStreamException
from faststream.kafka import KafkaBroker

from parley_contracts import DeadLetter, Event
from parley_runtime.deadletters import publish_dead_letter
from parley_runtime.kafka import publish


class PublishFailed(Exception):
    """The broker refused or could not take an event: it is not written, and the delivery must be retried."""


class EventPublisher(Protocol):
    async def publish(self, event: Event) -> None:
        """Returns once the event is acknowledged; raises `PublishFailed` when it cannot be."""
        ...

    async def publish_dead_letter(self, letter: DeadLetter) -> None:
        """Like `publish`, for a delivery kept as a dead letter (`<source topic>.dlq`)."""
        ...

    async def reachable(self, timeout: float) -> bool:
        """Whether the broker answers a cheap request within `timeout` seconds."""
        ...


class KafkaEventPublisher:
    def __init__(self, broker: KafkaBroker) -> None:
        self._broker = broker

    async def publish(self, event: Event) -> None:
        try:
            await publish(self._broker, event)
        except (KafkaError, FastStreamException, OSError) as exc:
            raise PublishFailed(f"{type(exc).__name__}: {exc}") from exc

    async def publish_dead_letter(self, letter: DeadLetter) -> None:
        try:
            await publish_dead_letter(self._broker, letter)
        except (KafkaError, FastStreamException, OSError) as exc:
            raise PublishFailed(f"{type(exc).__name__}: {exc}") from exc

    async def reachable(self, timeout: float) -> bool:
        """A cluster-metadata request (FastStream's ping: the admin client's describe_cluster)."""
        return await self._broker.ping(timeout)
