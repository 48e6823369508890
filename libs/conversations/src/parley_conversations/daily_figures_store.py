"""The `daily_figures` collection (parley_conversations.daily_figures): documents read and written by `_id` only."""

from collections.abc import Iterable

from pymongo import ReplaceOne
from pymongo.asynchronous.database import AsyncDatabase

from parley_conversations.daily_figures import DAILY_FIGURES, DayFigures
from parley_runtime.mongo import UPDATES_PER_COMMAND, by_id, each_by_id


class DailyFiguresStore:
    """Reads and writes of the documents, each by `_id`."""

    def __init__(self, db: AsyncDatabase) -> None:
        self._docs = db[DAILY_FIGURES]

    async def read(self, ids: Iterable[str]) -> list[DayFigures]:
        """The documents of `ids` that exist, by lone-`_id` reads."""
        found = await each_by_id(ids, lambda key: self._docs.find_one(by_id(key)))
        return [DayFigures.from_document(doc) for doc in found]

    async def write(self, documents: Iterable[DayFigures]) -> None:
        """Replaces by `_id` (created when missing), UPDATES_PER_COMMAND to a command; the documents as they are now
        (encoded before the first write goes out)."""
        ops = [ReplaceOne(by_id(d.id), d.to_document(), upsert=True) for d in documents]
        for start in range(0, len(ops), UPDATES_PER_COMMAND):
            await self._docs.bulk_write(ops[start : start + UPDATES_PER_COMMAND], ordered=False)
