"""The router's MongoDB adapter: threads and their messages (DESIGN.md §3).

Every write is idempotent, because a record may be processed again after a crash before its offset
was committed: messages are unique on their dedupe key / send id, a thread's counter is incremented
only by the write that stored a new message (and recounted when a replay finds it stored), and state
changes are conditional updates with the expected state in the filter (no transactions: FerretDB has
none)."""

from dataclasses import dataclass
from datetime import datetime

from pymongo import ASCENDING, DESCENDING, ReturnDocument
from pymongo.asynchronous.collection import AsyncCollection
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
from parley_runtime.mongo import by_id

PREVIEW_CHARS = 140


@dataclass(frozen=True)
class ThreadState:
    status: ThreadStatus
    bot_paused: bool


class ThreadStore:
    def __init__(self, db: AsyncDatabase) -> None:
        self._threads = db["threads"]
        self._messages = db["messages"]
        self._provider_ids = db["provider_message_ids"]
        self._published = db["published_sends"]

    async def ensure_indexes(self) -> None:
        await self._messages.create_index([("thread_key", ASCENDING), ("at", ASCENDING)])
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
        inserted = await _insert_once(self._messages, doc)
        # Always (re)apply the thread update: a crash may have come between the two writes.
        await self._touch_thread(event, event.occurred_at, event.content.text, AuthorKind.CUSTOMER, inserted)
        return inserted

    async def ensure_inbound(self, event: MessageReceived) -> None:
        """For the analysis path: store the inbound message if the analysis overtook it (cheap otherwise)."""
        if not await self._messages.find_one({"_id": event.dedupe_key}, {"_id": 1}):
            await self.record_inbound(event)

    async def record_analysis(self, event: MessageAnalyzed) -> None:
        await self._messages.update_one(
            by_id(event.inbound.dedupe_key),
            {"$set": {"analysis": event.analysis.model_dump(mode="json"), "analyzed_at": event.occurred_at}},
        )
        await self._threads.update_one(
            by_id(event.thread_key),
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
        }
        inserted = await _insert_once(self._messages, doc)
        if not inserted:
            if await self._published.find_one({"_id": send.send_id}):
                return False
        await self._touch_thread(send, send.occurred_at, send.content.text, send.author, inserted)
        return True

    async def mark_published(self, send_id: str) -> None:
        # An insert into a small collection of its own: on FerretDB an insert costs ~1 ms, an update of a
        # message document tens of ms.
        await _insert_once(self._published, {"_id": send_id})

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
        of order). Provider statuses name only the provider's message id, resolved through `provider_ids`."""
        send_id = event.send_id
        if send_id and event.provider_message_id:
            await self._remember_provider_id(event.provider_message_id, send_id)
        elif event.provider_message_id:
            known = await self._provider_ids.find_one({"_id": event.provider_message_id})
            send_id = known["send_id"] if known else None
        if not send_id:
            return False
        update: dict = {
            "$set": {"status": str(event.status), "status_rank": event.status.rank, "status_at": event.status_at},
            "$push": {"status_history": {"status": str(event.status), "at": event.status_at, "error": event.error}},
        }
        if event.provider_message_id:
            update["$set"]["provider_message_id"] = event.provider_message_id
        if event.error:
            update["$set"]["error"] = event.error
        result = await self._messages.update_one({"_id": send_id, "status_rank": {"$lt": event.status.rank}}, update)
        return result.modified_count == 1

    async def _remember_provider_id(self, provider_message_id: str, send_id: str) -> None:
        await _insert_once(self._provider_ids, {"_id": provider_message_id, "send_id": send_id})

    async def _touch_thread(
        self, event: MessageReceived | MessageSend, at: datetime, text: str, author: AuthorKind, new_message: bool
    ) -> None:
        """One conditional update in the common case (the thread exists and this is its newest message); an
        upsert only for a new thread or a replayed older message. `message_count` is incremented for a newly
        stored message and recounted (rare) for a replay, so a crash between the two writes cannot skew it."""
        contact = event.contact if isinstance(event, MessageReceived) else event.recipient
        latest: dict = {"last_message_at": at, "last_message_preview": text[:PREVIEW_CHARS], "last_author": str(author)}
        if contact.name:
            latest["contact_name"] = contact.name
        counts: dict = {"$inc": {"message_count": 1}} if new_message else {}
        inbound = {"$max": {"last_inbound_at": at}} if author == AuthorKind.CUSTOMER else {}
        newest = await self._threads.update_one(
            {"_id": event.thread_key, "last_message_at": {"$lte": at}}, {"$set": latest, **counts, **inbound}
        )
        if newest.matched_count == 0:
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
                "last_message_preview": latest["last_message_preview"],
                "last_author": latest["last_author"],
            }
            if contact.name:
                on_insert["contact_name"] = contact.name
            await self._threads.update_one(
                {"_id": event.thread_key},
                {"$setOnInsert": on_insert, "$max": {"last_message_at": at, **inbound.get("$max", {})}, **counts},
                upsert=True,
            )
        if not new_message:
            count = await self._messages.count_documents({"thread_key": event.thread_key})
            await self._threads.update_one(by_id(event.thread_key), {"$max": {"message_count": count}})


async def _insert_once(collection: AsyncCollection, doc: dict) -> bool:
    """Insert unless a document with this `_id` exists; True when this call stored it."""
    try:
        await collection.insert_one(doc)
        return True
    except DuplicateKeyError:
        return False
