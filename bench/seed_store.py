"""A realistically full store for the benchmarks: threads of the demo unit, each with its messages, written through
the documents' own serialisation (`ThreadRecord` / `MessageRecord.to_document()`, what the router stores) in bulk
batches, with the daily figures the router would have counted for them — the equivalent of the real write path
without waiting for a month of traffic. Threads are spread over
the last 30 days and the 3 partitions; `statuses` says how many are open (a month in, most are resolved)."""

import random
import time
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta

from pymongo import AsyncMongoClient

from parley_contracts import Channel, Contact, LastMessage, ThreadStatus
from parley_conversations.daily_figures import DayFigures, day_of, figures_id
from parley_conversations.daily_figures_store import DailyFiguresStore
from parley_conversations.documents import MessageRecord, ThreadRecord

# A month of traffic: most conversations resolved, some still open.
MONTH = [ThreadStatus.RESOLVED] * 8 + [ThreadStatus.BOT, ThreadStatus.NEEDS_HUMAN]
INBOX = [ThreadStatus.BOT] * 6 + [ThreadStatus.NEEDS_HUMAN, ThreadStatus.HUMAN, ThreadStatus.RESOLVED] * 2
BATCH = 1000


def _documents(
    threads: int, messages_per_thread: int, statuses: Sequence[ThreadStatus], seed: int, days: dict[str, DayFigures]
) -> Iterator[tuple[dict, list[dict]]]:
    rng = random.Random(seed)
    now = datetime.now(UTC)
    for i in range(threads):
        at = now - timedelta(minutes=rng.randint(0, 60 * 24 * 30))
        key = f"th_bench_{uuid.uuid4().hex[:12]}"
        record = ThreadRecord(
            thread_key=key,
            tenant="demo",
            channel=Channel.WHATSAPP,
            account_id="100000000000001",
            contact=Contact(id=f"5491{i:08d}", name=f"Customer {i}"),
            status=rng.choice(statuses),
            message_count=messages_per_thread,
            last_message=LastMessage(text="Do you deliver on Saturdays?", at=at, author="customer"),
            created_at=at - timedelta(hours=1),
            updated_at=at,
            partition=i % 3,
        )
        messages = []
        for n in range(messages_per_thread):
            customer = n % 2 == 0
            message = MessageRecord(
                id=f"{key}:{n}",
                thread_key=key,
                tenant="demo",
                channel=Channel.WHATSAPP,
                direction="in" if customer else "out",
                author="customer" if customer else "bot",
                text="Do you deliver on Saturdays?" if customer else "Yes, from 9:00 to 13:00.",
                at=at - timedelta(minutes=messages_per_thread - n),
            )
            messages.append(message.to_document())
        record.message_ids = [m["_id"] for m in messages]
        _count(days, record, messages_per_thread)
        yield record.to_document(), messages


def _count(days: dict[str, DayFigures], record: ThreadRecord, messages: int) -> None:
    """What the router would have counted for the thread (parley_router.figures), on its creation day."""
    day = day_of(record.created_at)
    key = figures_id(record.tenant, day, record.partition or 0)
    figures = days.setdefault(key, DayFigures(tenant=record.tenant, day=day, partition=record.partition or 0)).figures
    channel = str(record.channel)
    figures.conversations[channel] += 1
    figures.messages_in[channel] += (messages + 1) // 2
    figures.messages_out[channel] += messages // 2
    figures.first_response.add(60.0)
    if record.status == ThreadStatus.RESOLVED:
        figures.resolved += 1
        figures.resolution.add((record.updated_at - record.created_at).total_seconds())


async def seed_store(
    mongodb_url: str,
    database: str,
    threads: int,
    messages_per_thread: int = 10,
    statuses: Sequence[ThreadStatus] = MONTH,
    seed: int = 7,
) -> dict:
    """Insert `threads` threads and `threads × messages_per_thread` messages; what was written and how long it took."""
    started = time.monotonic()
    client: AsyncMongoClient = AsyncMongoClient(mongodb_url, tz_aware=True)
    thread_batch: list[dict] = []
    message_batch: list[dict] = []
    written = {"threads": 0, "messages": 0, "daily_figures": 0}
    days: dict[str, DayFigures] = {}
    try:
        db = client[database]

        async def flush(final: bool = False) -> None:
            if thread_batch and (final or len(thread_batch) >= BATCH):
                await db.threads.insert_many(thread_batch, ordered=False)
                written["threads"] += len(thread_batch)
                thread_batch.clear()
            if message_batch and (final or len(message_batch) >= BATCH):
                await db.messages.insert_many(message_batch, ordered=False)
                written["messages"] += len(message_batch)
                message_batch.clear()

        for thread, messages in _documents(threads, messages_per_thread, statuses, seed, days):
            thread_batch.append(thread)
            message_batch.extend(messages)
            await flush()
        await flush(final=True)
        await DailyFiguresStore(db).write(days.values())
        written["daily_figures"] = len(days)
    finally:
        await client.close()
    return {**written, "seconds": round(time.monotonic() - started, 1)}
