"""Create Parley's topics (with their dead-letter topics) idempotently."""

import asyncio
from collections.abc import Iterable

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from parley_contracts import ALL_TOPICS
from parley_devstack.process import run_blocking

PARTITIONS = 3


async def ensure_topics(bootstrap: str, partitions: int = PARTITIONS, topics: Iterable[str] = ALL_TOPICS) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [NewTopic(t, partitions, 1) for t in topics if t not in existing]
        if missing:
            try:
                await admin.create_topics(missing)
            except TopicAlreadyExistsError:
                pass
    finally:
        await admin.close()


def ensure_topics_sync(bootstrap: str) -> None:
    run_blocking(ensure_topics(bootstrap))


async def recreate_topics(bootstrap: str, partitions: int = PARTITIONS) -> None:
    """Delete and recreate every topic: an empty pipeline (benchmarks, between phases)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = [t for t in await admin.list_topics() if t in ALL_TOPICS]
        if existing:
            await admin.delete_topics(existing)
        for _ in range(100):  # deletion is asynchronous in the controller
            if not set(await admin.list_topics()) & set(ALL_TOPICS):
                break
            await asyncio.sleep(0.1)
    finally:
        await admin.close()
    await ensure_topics(bootstrap, partitions)
