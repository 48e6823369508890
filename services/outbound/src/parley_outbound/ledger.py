"""Outbound's own record of sends (`outbound_sends`), keyed by `send_id`, so one send_id is sent once
across restarts and rebalances."""

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from parley_runtime.mongo import by_id


class SendState(StrEnum):
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


@dataclass(frozen=True)
class LedgerEntry:
    state: SendState
    provider_message_id: str | None
    attempts: int
    error: str | None


class SendLedger:
    def __init__(self, db: AsyncDatabase) -> None:
        self._sends = db["outbound_sends"]

    async def claim(self, send_id: str, thread_key: str) -> LedgerEntry | None:
        """None when this send_id is new (now claimed); otherwise what an earlier delivery recorded."""
        try:
            await self._sends.insert_one(
                {
                    "_id": send_id,
                    "thread_key": thread_key,
                    "state": str(SendState.SENDING),
                    "attempts": 0,
                    "created_at": datetime.now(UTC),
                }
            )
            return None
        except DuplicateKeyError:
            doc = await self._sends.find_one({"_id": send_id}) or {}
            return LedgerEntry(
                SendState(doc.get("state", SendState.SENDING)),
                doc.get("provider_message_id"),
                int(doc.get("attempts", 0)),
                doc.get("error"),
            )

    async def record_attempt(self, send_id: str, attempts: int, error: str | None) -> None:
        await self._sends.update_one(by_id(send_id), {"$set": {"attempts": attempts, "last_error": error}})

    async def mark_sent(self, send_id: str, provider_message_id: str, attempts: int) -> None:
        await self._sends.update_one(
            by_id(send_id),
            {
                "$set": {
                    "state": str(SendState.SENT),
                    "provider_message_id": provider_message_id,
                    "attempts": attempts,
                    "sent_at": datetime.now(UTC),
                }
            },
        )

    async def mark_failed(self, send_id: str, error: str, attempts: int) -> None:
        await self._sends.update_one(
            by_id(send_id), {"$set": {"state": str(SendState.FAILED), "error": error, "attempts": attempts}}
        )
