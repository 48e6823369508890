"""Outbound's own record of sends (`outbound_sends`), keyed by `send_id`, so one send_id is sent once
across restarts and rebalances, part by part.

A document: `_id` (send_id), `thread_key`, `partition`, `state` (sending → waiting ⇄ sending → sent | failed),
`attempts`, `created_at`, `first_attempt_at`, the send itself (`message`, so a parked send is retried from the
ledger after its Kafka record was committed; one packed value, as nothing queries inside it:
`parley_runtime.packing`), `redrive`; while sending, `provider_message_ids` (one per part sent, in plan order) and
`uploads` (`{media_id, provider_media_id}` per attachment uploaded), so a later attempt resumes at the first part
not sent and reuses uploads; while waiting, `retry_at` (None: behind an earlier send of the thread) and
`last_error`; once sent, `provider_message_id` (the first part's) and `sent_at`; once failed, `error`. Every write
is a lone-`_id` operation: FerretDB scans the collection for any other filter. Each document has one writer: the
outbound instance owning its partition. Writes asked for at the same moment share one command (`GroupedWrites`): a
batch's sends claim their entries together."""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pymongo.asynchronous.database import AsyncDatabase

from parley_contracts import MessageSend
from parley_outbound.grouped_writes import GroupedWrites
from parley_runtime.packing import packed, unpacked


class SendState(StrEnum):
    SENDING = "sending"
    WAITING = "waiting"  # parked for a retry (or behind an earlier send of the same thread)
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
    first_attempt_at: datetime | None = None
    retry_at: datetime | None = None
    redrive: int = 0


@dataclass(frozen=True)
class WaitingSend:
    message: MessageSend
    partition: int | None
    retry_at: datetime | None


COLLECTION = "outbound_sends"


class SendLedger:
    def __init__(self, db: AsyncDatabase) -> None:
        self._sends = db[COLLECTION]
        self._writes = GroupedWrites(self._sends)

    async def ensure_indexes(self) -> None:
        await self._sends.create_index([("partition", 1), ("state", 1)])

    async def claim(self, message: MessageSend, partition: int | None) -> LedgerEntry | None:
        """None when this send_id is new (now claimed); otherwise what an earlier delivery recorded."""
        now = datetime.now(UTC)
        claimed = await self._writes.insert(
            {
                "_id": message.send_id,
                "thread_key": message.thread_key,
                "partition": partition,
                "state": str(SendState.SENDING),
                "attempts": 0,
                "created_at": now,
                "first_attempt_at": now,
                "redrive": message.redrive,
                "message": packed(message.model_dump(mode="json")),
            }
        )
        return None if claimed else await self.entry(message.send_id)

    async def entry(self, send_id: str) -> LedgerEntry | None:
        doc = await self._sends.find_one({"_id": send_id})
        if doc is None:
            return None
        return LedgerEntry(
            SendState(doc.get("state", SendState.SENDING)),
            int(doc.get("attempts", 0)),
            doc.get("error"),
            _progress(doc),
            doc.get("first_attempt_at") or doc.get("created_at"),
            doc.get("retry_at"),
            int(doc.get("redrive", 0)),
        )

    async def park(
        self,
        send_id: str,
        retry_at: datetime | None,
        attempts: int,
        error: str | None,
        first_attempt_at: datetime | None,
    ) -> None:
        """Waiting for a retry at `retry_at`; or, with no attempt yet (None), behind an earlier send of its thread
        (its retry horizon then starts at its own first attempt)."""
        fields = {"state": str(SendState.WAITING), "retry_at": retry_at, "attempts": attempts, "last_error": error}
        await self._writes.update(send_id, {"$set": {**fields, "first_attempt_at": first_attempt_at}})

    async def reopen(self, send_id: str, redrive: int) -> None:
        """A failed send re-sent from the dead letters: tried again from the first part not sent, with a new horizon."""
        await self._writes.update(
            send_id,
            {
                "$set": {
                    "state": str(SendState.SENDING),
                    "attempts": 0,
                    "error": None,
                    "first_attempt_at": datetime.now(UTC),
                    "redrive": redrive,
                }
            },
        )

    async def waiting(self, partitions: set[int]) -> list[WaitingSend]:
        """Parked sends of these partitions, oldest first (at rebalance: a filtered read, off the message path)."""
        where = {"partition": {"$in": sorted(partitions)}, "state": str(SendState.WAITING)}
        docs = [d async for d in self._sends.find(where).sort("created_at", 1)]
        return [
            WaitingSend(MessageSend.model_validate(unpacked(d["message"])), d.get("partition"), d.get("retry_at"))
            for d in docs
            if d.get("message")
        ]

    async def record_progress(self, send_id: str, progress: Progress) -> None:
        """Rewrites the whole (small) progress: idempotent, whatever an earlier write managed to store."""
        await self._writes.update(send_id, {"$set": _progress_fields(progress)})

    async def mark_sent(self, send_id: str, progress: Progress, attempts: int) -> None:
        await self._writes.update(
            send_id,
            {
                "$set": {
                    **_progress_fields(progress),
                    "state": str(SendState.SENT),
                    "retry_at": None,
                    "provider_message_id": progress.provider_message_ids[0],
                    "attempts": attempts,
                    "sent_at": datetime.now(UTC),
                }
            },
        )

    async def mark_failed(self, send_id: str, error: str, attempts: int) -> None:
        await self._writes.update(
            send_id, {"$set": {"state": str(SendState.FAILED), "error": error, "attempts": attempts}}
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
