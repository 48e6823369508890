"""Whether an operator is at work right now: when a console of theirs was last connected, or they last logged in
or set their availability (`operator_presence`, `_id` = operator id, `seen_at`).

Availability is what the operator chose (online or away); presence is whether anyone is there. dashboard-api
writes it: every replica, every few seconds, for the operators with a live console on it, and at login. The router
reads it before assigning by workload: an online operator whose console has been closed for longer than the
router's `OPERATOR_PRESENCE_SECONDS` gets no new conversations (Chatwoot-style: closing the tab is going away).
One small document per operator, written and read by `_id`."""

from collections.abc import Collection
from datetime import datetime, timedelta

from pymongo import UpdateOne
from pymongo.asynchronous.database import AsyncDatabase

from parley_runtime.mongo import by_id, each_by_id

OPERATOR_PRESENCE = "operator_presence"


def present(seen_at: datetime | None, now: datetime, window_seconds: float) -> bool:
    """Seen within the window; a window of 0 means presence is not required (availability alone decides)."""
    if window_seconds <= 0:
        return True
    return seen_at is not None and now - seen_at <= timedelta(seconds=window_seconds)


class PresenceStore:
    def __init__(self, db: AsyncDatabase) -> None:
        self._docs = db[OPERATOR_PRESENCE]

    async def seen(self, operator_ids: Collection[str], at: datetime) -> None:
        if operator_ids:
            await self._docs.bulk_write(
                [UpdateOne(by_id(i), {"$set": {"seen_at": at}}, upsert=True) for i in sorted(operator_ids)],
                ordered=False,
            )

    async def forget(self, operator_id: str) -> None:
        """Logged out: not present until a console of theirs (another device's) is marked again."""
        await self._docs.delete_one(by_id(operator_id))

    async def last_seen(self, operator_ids: Collection[str]) -> dict[str, datetime]:
        """By lone-`_id` reads (docs/adr/0003-storage.md): a handful per assignment. Aware times: the client is
        tz_aware (parley_runtime.mongo)."""
        docs = await each_by_id(operator_ids, lambda key: self._docs.find_one(by_id(key)))
        return {doc["_id"]: doc["seen_at"] for doc in docs if doc.get("seen_at")}
