"""Create Parley's topics (with their dead-letter topics) idempotently."""

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from parley_contracts import ALL_TOPICS
from parley_devstack.process import run_blocking

PARTITIONS = 3


async def ensure_topics(bootstrap: str, partitions: int = PARTITIONS) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [NewTopic(t, partitions, 1) for t in ALL_TOPICS if t not in existing]
        if missing:
            try:
                await admin.create_topics(missing)
            except TopicAlreadyExistsError:
                pass
    finally:
        await admin.close()


def ensure_topics_sync(bootstrap: str) -> None:
    run_blocking(ensure_topics(bootstrap))
