"""The router's MongoDB adapter: threads and their messages (DESIGN.md §3).

Every write is idempotent, because a record may be processed again after a crash before its offset
was committed: messages are unique on their dedupe key / send id, thread counters are recomputed
rather than incremented, and state changes are conditional updates with the expected state in the
filter (no transactions: FerretDB has none)."""

from dataclasses import dataclass
from datetime import datetime

from pymongo import ASCENDING, DESCENDING, ReturnDocument
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from parley_contracts import (
    AuthorKind,
    DeliveryState,
    MessageAnalyzed,
    MessageReceived,
    MessageSend,
    MessageStatus,
)
from parley_router.decisions import ThreadStatus

PREVIEW_CHARS = 140


@dataclass(frozen=True)
class ThreadState:
    status: ThreadStatus
    bot_paused: bool


class ThreadStore:
    def __init__(self, db: AsyncDatabase) -> None:
        self._threads = db["threads"]
        self._messages = db["messages"]

    async def ensure_indexes(self) -> None:
        await self._messages.create_index([("thread_key", ASCENDING), ("at", ASCENDING)])
        await self._messages.create_index([("provider_message_id", ASCENDING)])
        await self._threads.create_index([("last_message_at", DESCENDING)])
        await self._threads.create_index(
            [("tenant", ASCENDING), ("status", ASCENDING), ("last_message_at", DESCENDING)]
        )
        await self._threads.create_index([("channel", ASCENDING), ("last_message_at", DESCENDING)])

    async def record_inbound(self, event: MessageReceived) -> bool:
        """Append a customer's message to its thread, creating the thread if new. False if already stored."""
        doc = {
            "_id": event.dedupe_key,
            "thread_key": event.thread_key,
            "tenant": event.tenant,
            "channel": str(event.channel),
            "direction": "in",
            "author": str(AuthorKind.CUSTOMER),
            "author_name": event.contact.name,
            "text": event.content.text,
            "content": event.content.model_dump(mode="json"),
            "provider_message_id": event.provider_message_id,
            "sent_at": event.sent_at,
            "at": event.occurred_at,
            "event_id": event.event_id,
        }
        inserted = True
        try:
            await self._messages.insert_one(doc)
        except DuplicateKeyError:
            inserted = False
        # Always (re)apply the thread update: a crash may have come between the two writes.
        await self._touch_thread(event, event.occurred_at, event.content.text, AuthorKind.CUSTOMER)
        return inserted

    async def record_analysis(self, event: MessageAnalyzed) -> None:
        await self._messages.update_one(
            {"_id": event.inbound.dedupe_key},
            {"$set": {"analysis": event.analysis.model_dump(mode="json"), "analyzed_at": event.occurred_at}},
        )
        await self._threads.update_one(
            {"_id": event.thread_key},
            {"$set": {"language": event.analysis.language, "last_sentiment": event.analysis.sentiment.label}},
        )

    async def state(self, thread_key: str) -> ThreadState:
        doc = await self._threads.find_one({"_id": thread_key}, {"status": 1, "bot_paused": 1})
        if doc is None:
            return ThreadState(ThreadStatus.BOT, False)
        return ThreadState(ThreadStatus(doc.get("status", ThreadStatus.BOT)), bool(doc.get("bot_paused")))

    async def record_outgoing(self, send: MessageSend) -> bool:
        """Store a reply before it is published. Returns False when it was already published (a replay)."""
        doc = {
            "_id": send.send_id,
            "thread_key": send.thread_key,
            "tenant": send.tenant,
            "channel": str(send.channel),
            "direction": "out",
            "author": str(send.author),
            "operator_id": send.operator_id,
            "text": send.content.text,
            "content": send.content.model_dump(mode="json"),
            "send_id": send.send_id,
            "in_reply_to": send.in_reply_to,
            "at": send.occurred_at,
            "status": str(DeliveryState.QUEUED),
            "status_rank": DeliveryState.QUEUED.rank,
            "status_history": [{"status": str(DeliveryState.QUEUED), "at": send.occurred_at}],
            "published": False,
        }
        try:
            await self._messages.insert_one(doc)
        except DuplicateKeyError:
            existing = await self._messages.find_one({"_id": send.send_id}, {"published": 1})
            if existing and existing.get("published"):
                return False
        await self._touch_thread(send, send.occurred_at, send.content.text, send.author)
        return True

    async def mark_published(self, send_id: str) -> None:
        await self._messages.update_one({"_id": send_id}, {"$set": {"published": True}})

    async def request_handoff(self, thread_key: str, reason: str, at: datetime) -> bool:
        """bot → needs_human, only from `bot`: a thread a person already holds is left alone."""
        updated = await self._threads.find_one_and_update(
            {"_id": thread_key, "status": str(ThreadStatus.BOT)},
            {"$set": {"status": str(ThreadStatus.NEEDS_HUMAN), "handoff_reason": reason, "handoff_at": at}},
            return_document=ReturnDocument.AFTER,
        )
        return updated is not None

    async def apply_status(self, event: MessageStatus) -> bool:
        """Record a delivery status; an older or equal state never overwrites a newer one (Meta sends them out
        of order)."""
        if event.send_id:
            match = {"_id": event.send_id}
        elif event.provider_message_id:
            match = {"provider_message_id": event.provider_message_id, "direction": "out"}
        else:
            return False
        update: dict = {
            "$set": {"status": str(event.status), "status_rank": event.status.rank, "status_at": event.status_at},
            "$push": {"status_history": {"status": str(event.status), "at": event.status_at, "error": event.error}},
        }
        if event.provider_message_id:
            update["$set"]["provider_message_id"] = event.provider_message_id
        if event.error:
            update["$set"]["error"] = event.error
        result = await self._messages.update_one({**match, "status_rank": {"$lt": event.status.rank}}, update)
        return result.modified_count == 1

    async def _touch_thread(
        self, event: MessageReceived | MessageSend, at: datetime, text: str, author: AuthorKind
    ) -> None:
        count = await self._messages.count_documents({"thread_key": event.thread_key})
        contact = event.contact if isinstance(event, MessageReceived) else event.recipient
        on_insert = {
            "tenant": event.tenant,
            "channel": str(event.channel),
            "account_id": event.account_id,
            "contact_id": contact.id,
            "status": str(ThreadStatus.BOT),
            "bot_paused": False,
            "assignee": None,
            "labels": [],
            "created_at": at,
        }
        update: dict = {"$setOnInsert": on_insert, "$max": {"message_count": count, "last_message_at": at}}
        if contact.name:
            update["$set"] = {"contact_name": contact.name}
        if author == AuthorKind.CUSTOMER:
            update["$max"]["last_inbound_at"] = at
        await self._threads.update_one({"_id": event.thread_key}, update, upsert=True)
        # The preview follows the newest message only: a replayed older one must not overwrite it.
        await self._threads.update_one(
            {"_id": event.thread_key, "last_message_at": at},
            {"$set": {"last_message_preview": text[:PREVIEW_CHARS], "last_author": str(author)}},
        )
