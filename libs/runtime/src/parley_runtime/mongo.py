"""The MongoDB connection (PyMongo's async API; FerretDB or MongoDB behind it), and the lone-`_id` access every
store is made of."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import TypeVar

from pymongo import AsyncMongoClient
from pymongo.asynchronous.database import AsyncDatabase

from parley_runtime.settings import ServiceSettings

DUPLICATE_KEY = 11000  # the server's error code for an insert whose `_id` is taken

# FerretDB 1.24 keeps one SQLite connection per statement of an update command until the whole command is done (a
# `defer` inside its loop over the statements, internal/handler/msg_update.go), and each statement needs one more to
# write: its pool has 100, so one update of about 100 replaces, or a few of 50 at once, deadlock it for good. Found by
# `make chaos` (ferretdb-down-30s: the backlog after the outage made a batch of ~100 threads). 16 keeps most of the
# saving (the command's fixed cost shared by 16) far from that limit.
UPDATES_PER_COMMAND = 16
# Lone-`_id` reads in flight for one caller (a page of a conversation is read one message at a time): enough to
# overlap them, few enough that one operator opening a long conversation does not take every connection of the pool.
READS_AT_ONCE = 16

T = TypeVar("T")


def connect(settings: ServiceSettings) -> tuple[AsyncMongoClient, AsyncDatabase]:
    client: AsyncMongoClient = AsyncMongoClient(
        settings.mongodb_url, tz_aware=True, serverSelectionTimeoutMS=5000, appname="parley"
    )
    return client, client[settings.mongodb_database]


def by_id(key: str) -> dict:
    """The filter for one document by `_id`: a lone string `_id`, the only filter FerretDB 1.24 (SQLite) pushes
    down to SQL (docs/adr/0003-storage.md, `python -m bench.store_ops`: at 20,000 documents an update through
    `{"_id": {"$eq": key}}` took 423 ms against 2 ms; the operator form is read into Go and filtered there).
    MongoDB treats both alike. Use it for every update and replace of one document."""
    return {"_id": key}


async def each_by_id(keys: Iterable[str], read: Callable[[str], Awaitable[T | None]]) -> list[T]:
    """`read` for each key, READS_AT_ONCE at a time (one query each: by `_id` is the read FerretDB serves from its
    index, a filter on several `_id`s is a scan), in the order of `keys`; the keys read as None are left out."""
    gate = asyncio.Semaphore(READS_AT_ONCE)

    async def one(key: str) -> T | None:
        async with gate:
            return await read(key)

    return [found for found in await asyncio.gather(*(one(key) for key in keys)) if found is not None]
