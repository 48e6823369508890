"""Reading and writing topics from tests, without consumer groups (so tests never steal a service's records)."""

import asyncio
import json
import time
from collections.abc import Callable
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from parley_contracts import Event


async def publish_event(bootstrap: str, event: Event) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(
            event.topic,
            event.model_dump_json().encode(),
            key=event.thread_key.encode(),
            headers=[(k, v.encode()) for k, v in event.headers().items()],
        )
    finally:
        await producer.stop()


async def publish_events(bootstrap: str, events: list[Event]) -> None:
    """Publish in this order, keyed by thread, a couple of milliseconds apart: record timestamps then say the
    order too, which is how the router orders a thread's events across its input topics."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True)
    await producer.start()
    try:
        for event in events:
            await producer.send_and_wait(
                event.topic,
                event.model_dump_json().encode(),
                key=event.thread_key.encode(),
                headers=[(k, v.encode()) for k, v in event.headers().items()],
            )
            await asyncio.sleep(0.002)
    finally:
        await producer.stop()


async def publish_raw(bootstrap: str, topic: str, value: bytes, key: bytes | None = None) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(topic, value, key=key)
    finally:
        await producer.stop()


async def start_groups_at_end(bootstrap: str, groups: dict[str, tuple[str, ...]]) -> None:
    """Commit each (new) consumer group's offsets at the current end of its topics: a stack started by one test
    module then consumes from now on, not every record earlier modules left on the shared topics."""
    for group, topics in groups.items():
        consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
        await consumer.start()
        try:
            partitions = [TopicPartition(t, p) for t in topics for p in consumer.partitions_for_topic(t) or ()]
            if not partitions:
                await consumer._client.force_metadata_update()
                partitions = [TopicPartition(t, p) for t in topics for p in consumer.partitions_for_topic(t) or ()]
            consumer.assign(partitions)
            await consumer.seek_to_end(*partitions)
            await consumer.commit({tp: await consumer.position(tp) for tp in partitions})
        finally:
            await consumer.stop()


async def wait_for_records(
    bootstrap: str,
    topic: str,
    match: Callable[[dict[str, Any]], bool],
    *,
    count: int = 1,
    timeout: float = 30.0,
    settle: float = 0.0,
) -> list[dict[str, Any]]:
    """Records of `topic` (from the beginning) whose JSON value satisfies `match`: waits until `count` are
    seen, then `settle` more seconds so a test can assert that no extra one follows."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    found: list[dict[str, Any]] = []
    try:
        partitions = consumer.partitions_for_topic(topic) or set()
        if not partitions:
            await consumer._client.force_metadata_update()
            partitions = consumer.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, p) for p in partitions]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        deadline = time.monotonic() + timeout
        settle_until: float | None = None
        while True:
            now = time.monotonic()
            if settle_until is None and len(found) >= count:
                settle_until = now + settle
            if (settle_until is not None and now >= settle_until) or now >= deadline:
                break
            batch = await consumer.getmany(timeout_ms=200)
            for records in batch.values():
                for record in records:
                    try:
                        value = json.loads(record.value)
                    except ValueError:
                        continue
                    if isinstance(value, dict) and match(value):
                        found.append(value)
        return found
    finally:
        await consumer.stop()


def first_of_each(field: str, wanted: set[str]) -> Callable[[dict[str, Any]], bool]:
    """A `wait_for_records` match that takes the first record of each `wanted` value of `field`: after a crash a
    record may be published again, and counting copies would stop the wait before every value was seen."""
    seen: set[str] = set()

    def match(value: dict[str, Any]) -> bool:
        key = value.get(field)
        if key not in wanted or key in seen:
            return False
        seen.add(key)
        return True

    return match


async def eventually(check: Callable[[], Any], timeout: float = 30.0, interval: float = 0.2) -> Any:
    """Poll an async or sync `check` until it returns something truthy."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        last = check()
        if asyncio.iscoroutine(last):
            last = await last
        if last:
            return last
        await asyncio.sleep(interval)
    return last
