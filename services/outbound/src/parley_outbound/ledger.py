"""Outbound's own record of sends (`outbound_sends`), keyed by `send_id`, so one send_id is sent once
across restarts and rebalances, part by part.

A document: `_id` (send_id), `thread_key`, `state` (sending → sent | failed), `attempts`, `created_at`;
while sending, `provider_message_ids` (one per part sent, in plan order) and `uploads` (`{media_id,
provider_media_id}` per attachment uploaded), so a later delivery resumes at the first part not sent and
reuses uploads; once sent, `provider_message_id` (the first part's, as before parts existed) and `sent_at`;
once failed, `error`. Every write is a lone-`_id` operation: FerretDB scans the collection for any other
filter."""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from parley_runtime.mongo import by_id


class SendState(StrEnum):
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


@dataclass
class Progress:
    """How far a send got: the provider ids of the parts sent, in order (so their count is where to resume),
    and the provider media id each attachment was uploaded as (Parley media id → provider media id)."""

    provider_message_ids: list[str] = field(default_factory=list)
    uploads: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LedgerEntry:
    state: SendState
    attempts: int
    error: str | None
    progress: Progress = field(default_factory=Progress)


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
                int(doc.get("attempts", 0)),
                doc.get("error"),
                _progress(doc),
            )

    async def record_progress(self, send_id: str, progress: Progress) -> None:
        """Rewrites the whole (small) progress: idempotent, whatever an earlier write managed to store."""
        await self._sends.update_one(by_id(send_id), {"$set": _progress_fields(progress)})

    async def record_attempt(self, send_id: str, attempts: int, error: str | None) -> None:
        await self._sends.update_one(by_id(send_id), {"$set": {"attempts": attempts, "last_error": error}})

    async def mark_sent(self, send_id: str, progress: Progress, attempts: int) -> None:
        await self._sends.update_one(
            by_id(send_id),
            {
                "$set": {
                    **_progress_fields(progress),
                    "state": str(SendState.SENT),
                    "provider_message_id": progress.provider_message_ids[0],
                    "attempts": attempts,
                    "sent_at": datetime.now(UTC),
                }
            },
        )

    async def mark_failed(self, send_id: str, error: str, attempts: int) -> None:
        await self._sends.update_one(
            by_id(send_id), {"$set": {"state": str(SendState.FAILED), "error": error, "attempts": attempts}}
        )


def _progress_fields(progress: Progress) -> dict[str, Any]:
    # Uploads as a list of pairs, not a map: media ids are not guaranteed to be valid field names.
    uploads = [{"media_id": media_id, "provider_media_id": uploaded} for media_id, uploaded in progress.uploads.items()]
    return {"provider_message_ids": list(progress.provider_message_ids), "uploads": uploads}


def _progress(doc: dict[str, Any]) -> Progress:
    """Documents written before sends had parts hold a lone `provider_message_id`."""
    sent = doc.get("provider_message_ids")
    if sent is None:
        sent = [doc["provider_message_id"]] if doc.get("provider_message_id") else []
    uploads = {u["media_id"]: u["provider_media_id"] for u in doc.get("uploads") or []}
    return Progress(list(sent), uploads)
