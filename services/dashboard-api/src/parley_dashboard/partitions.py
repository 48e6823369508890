"""How many partitions the router's input topics have: the daily figures are kept per partition
(parley_conversations.daily_figures), so a period is read as days × partitions documents by `_id`. Read from the
broker's metadata with a short-lived client, and kept for a while (partitions are added rarely, never removed)."""

import time

import structlog
from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError

from parley_contracts import MessageReceived

log = structlog.get_logger()


class PartitionsUnknown(Exception):
    """The broker could not be asked, and nothing was known before."""


class RouterPartitions:
    def __init__(self, bootstrap_servers: str, keep_seconds: float = 300.0, timeout_seconds: float = 5.0) -> None:
        self._bootstrap = bootstrap_servers
        self._keep = keep_seconds
        self._timeout_ms = int(timeout_seconds * 1000)
        self._known: tuple[int, float] | None = None  # (count, when read)

    async def count(self) -> int:
        """The count, read again every `keep_seconds`; the last one known while the broker cannot be reached."""
        if self._known is not None and time.monotonic() - self._known[1] < self._keep:
            return self._known[0]
        try:
            count = await self._ask()
        except (KafkaError, OSError) as exc:
            log.warning("partitions.unknown", error=repr(exc), known=self._known[0] if self._known else None)
            if self._known is None:
                raise PartitionsUnknown("the Kafka broker cannot be reached to learn the router's partitions") from exc
            return self._known[0]
        self._known = (count, time.monotonic())
        return count

    async def _ask(self) -> int:
        producer = AIOKafkaProducer(
            bootstrap_servers=self._bootstrap,
            client_id="parley-dashboard-metadata",
            request_timeout_ms=self._timeout_ms,
        )
        await producer.start()
        try:
            return len(await producer.partitions_for(MessageReceived.topic))
        finally:
            await producer.stop()
