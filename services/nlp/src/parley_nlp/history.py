"""Read-only view of a thread's recent messages (written by the router) for the engine's context."""

from datetime import datetime

from pymongo import DESCENDING
from pymongo.asynchronous.database import AsyncDatabase

from parley_contracts import AuthorKind
from parley_nlp.engine import HistoryTurn


class HistoryReader:
    def __init__(self, db: AsyncDatabase, limit: int) -> None:
        self._messages = db["messages"]
        self._limit = limit

    async def before(self, thread_key: str, at: datetime, exclude_id: str) -> list[HistoryTurn]:
        if self._limit == 0:
            return []
        cursor = (
            self._messages.find(
                {"thread_key": thread_key, "at": {"$lte": at}, "_id": {"$ne": exclude_id}},
                {"author": 1, "text": 1, "at": 1},
            )
            .sort("at", DESCENDING)
            .limit(self._limit)
        )
        turns = [HistoryTurn(AuthorKind(d["author"]), d.get("text", ""), d["at"]) async for d in cursor]
        return list(reversed(turns))
