"""The `daily_figures` collection (parley_conversations.daily_figures): documents read and written by `_id` only."""

import asyncio
from collections.abc import Iterable
from typing import Any

from pymongo import ReplaceOne
from pymongo.asynchronous.database import AsyncDatabase

from parley_conversations.daily_figures import DAILY_FIGURES, DayFigures
from parley_runtime.mongo import UPDATES_PER_COMMAND, by_id

READS_AT_ONCE = 16


class DailyFiguresStore:
    """Reads and writes of the documents, each by `_id`."""

    def __init__(self, db: AsyncDatabase) -> None:
        self._docs = db[DAILY_FIGURES]

    async def read(self, ids: Iterable[str]) -> list[DayFigures]:
        """The documents of `ids` that exist, READS_AT_ONCE lone-`_id` reads at a time."""
        slots = asyncio.Semaphore(READS_AT_ONCE)

        async def one(key: str) -> dict[str, Any] | None:
            async with slots:
                return await self._docs.find_one(by_id(key))

        found = await asyncio.gather(*(one(key) for key in ids))
        return [DayFigures.from_document(doc) for doc in found if doc is not None]

    async def write(self, documents: Iterable[DayFigures]) -> None:
        """Replaces by `_id` (created when missing), UPDATES_PER_COMMAND to a command; the documents as they are now
        (encoded before the first write goes out)."""
        ops = [ReplaceOne(by_id(d.id), d.to_document(), upsert=True) for d in documents]
        for start in range(0, len(ops), UPDATES_PER_COMMAND):
            await self._docs.bulk_write(ops[start : start + UPDATES_PER_COMMAND], ordered=False)
