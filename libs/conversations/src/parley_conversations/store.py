"""MongoDB adapter for threads and messages: the only code that knows their collections and field names.

Hot-path reads and writes are lone-`_id` operations (docs/adr/0003-storage.md): on FerretDB any other filter
reads the whole collection, and a conditional update is not a compare-and-set. The router, as the only writer
of a thread, reads it by `_id`, decides in pure code and writes it back by `_id`; messages are inserted once
under their dedupe key / send id. A thread's messages are listed through the ids its document keeps (lone-`_id`
reads, docs/adr/0012-console-reads.md); dashboard-api lists and counts threads from its inbox index, built from one
projected pass over the threads (`thread_rows`) and kept from `thread.updated`. The filtered queries below
remain for threads stored before those lists existed, for the index's first load, and for rare work (exports,
erasure): served by index on MongoDB, scans on FerretDB."""

import asyncio
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, ClassVar

from pymongo import ASCENDING, DESCENDING
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from parley_contracts import Analysis, Channel, ThreadStatus, ThreadView
from parley_conversations.documents import (
    MESSAGES,
    PROVIDER_IDS,
    THREADS,
    MessageRecord,
    ThreadRecord,
)
from parley_runtime.mongo import by_id, each_by_id


class View(StrEnum):
    """The console's inbox views."""

    MINE = "mine"  # assigned to me, not resolved
    UNASSIGNED = "unassigned"  # with people, nobody assigned
    BOT = "bot"  # the bot is answering
    ALL = "all"


_WITH_PEOPLE = [str(ThreadStatus.NEEDS_HUMAN), str(ThreadStatus.HUMAN)]


@dataclass(frozen=True)
class ThreadQuery:
    """What a caller may see (`tenants`; None = every business unit) and what they asked for."""

    tenants: frozenset[str] | None
    view: View = View.ALL
    me: str | None = None
    status: ThreadStatus | None = None
    channel: Channel | None = None
    tenant: str | None = None
    assignee: str | None = None
    label: str | None = None
    search: str | None = None

    def filter(self) -> dict[str, Any]:
        clauses: list[dict[str, Any]] = [self.view_filter(self.view)]
        if self.tenants is not None:
            clauses.append({"tenant": {"$in": sorted(self.tenants)}})
        if self.tenant:
            clauses.append({"tenant": self.tenant})
        if self.status:
            clauses.append({"status": str(self.status)})
        if self.channel:
            clauses.append({"channel": str(self.channel)})
        if self.assignee:
            clauses.append({"assignee.id": self.assignee})
        if self.label:
            clauses.append({"labels": self.label})
        if self.search:
            clauses.append(_search(self.search))
        clauses = [c for c in clauses if c]
        return {"$and": clauses} if len(clauses) > 1 else (clauses[0] if clauses else {})

    def view_filter(self, view: View) -> dict[str, Any]:
        if view == View.MINE:
            return {"assignee.id": self.me or "\x00nobody", "status": {"$in": _WITH_PEOPLE}}
        if view == View.UNASSIGNED:
            return {"assignee": None, "status": {"$in": _WITH_PEOPLE}}
        if view == View.BOT:
            return {"status": str(ThreadStatus.BOT)}
        return {}

    def for_view(self, view: View) -> "ThreadQuery":
        return ThreadQuery(**{**self.__dict__, "view": view})

    def matches(self, row: "ThreadRow") -> bool:
        """`filter` as a predicate over a thread's row (dashboard-api's inbox index answers from memory with it)."""
        if not self.in_view(self.view, row.status, row.assignee_id):
            return False
        if self.tenants is not None and row.tenant not in self.tenants:
            return False
        if (self.tenant and row.tenant != self.tenant) or (self.status and row.status != str(self.status)):
            return False
        if (self.channel and row.channel != str(self.channel)) or (self.assignee and row.assignee_id != self.assignee):
            return False
        if self.label and self.label not in row.labels:
            return False
        if self.search:
            pattern = _literal(self.search)
            return bool(re.search(pattern, row.contact_name, re.IGNORECASE) or re.search(pattern, row.contact_id))
        return True

    def in_view(self, view: View, status: str | None, assignee_id: str | None) -> bool:
        """`view_filter` as a predicate over a thread's status and assignee (the counts tally groups with it)."""
        with_people = status in _WITH_PEOPLE
        if view == View.MINE:
            return with_people and assignee_id is not None and assignee_id == self.me
        if view == View.UNASSIGNED:
            return with_people and assignee_id is None
        if view == View.BOT:
            return status == str(ThreadStatus.BOT)
        return True


def _literal(text: str) -> str:
    """A search is text, not a pattern: what the customer's name or number contains."""
    return re.escape(text.strip())


def _search(text: str) -> dict[str, Any]:
    pattern = _literal(text)
    return {"$or": [{"contact.name": {"$regex": pattern, "$options": "i"}}, {"contact.id": {"$regex": pattern}}]}


@dataclass(frozen=True, slots=True)
class ThreadRow:
    """What listing and counting threads filter and sort on, and the thread as the console lists it (`view`, the
    `ThreadView` as JSON: a few hundred bytes)."""

    thread_key: str
    tenant: str
    channel: str
    status: str
    assignee_id: str | None
    labels: tuple[str, ...]
    contact_id: str
    contact_name: str
    last_message_at: datetime
    created_at: datetime
    version: int
    view: bytes

    # The fields `of_document` reads: a projection (a stored thread also holds its applied keys, recent turns,
    # message ids and last update).
    FIELDS: ClassVar[dict[str, int]] = {name: 1 for name in ThreadView.model_fields if name != "thread_key"}

    @property
    def newest_first(self) -> tuple[float, str]:
        """The order lists are in: latest activity first, then by key (as `list_threads` sorts)."""
        return (-self.last_message_at.timestamp(), self.thread_key)

    @classmethod
    def of_document(cls, doc: dict[str, Any]) -> "ThreadRow":
        return cls.of_view(ThreadView.model_validate({**doc, "thread_key": doc["_id"]}))

    @classmethod
    def of_view(cls, thread: ThreadView) -> "ThreadRow":
        return cls(
            thread_key=thread.thread_key,
            tenant=thread.tenant,
            channel=str(thread.channel),
            status=str(thread.status),
            assignee_id=thread.assignee.id if thread.assignee else None,
            labels=tuple(thread.labels),
            contact_id=thread.contact.id,
            contact_name=thread.contact.name or "",
            last_message_at=_aware(thread.last_message.at if thread.last_message else thread.created_at),
            created_at=_aware(thread.created_at),
            version=thread.version,
            view=thread.model_dump_json().encode(),
        )


def _aware(at: datetime) -> datetime:
    """BSON dates come back naive unless the client is tz-aware; every row compares in UTC."""
    return at if at.tzinfo else at.replace(tzinfo=UTC)


@dataclass(frozen=True)
class OpenThread:
    """What the router's timers need to know about an open thread."""

    thread_key: str
    tenant: str
    channel: Channel
    partition: int | None
    status: ThreadStatus
    assignee: str | None
    last_inbound_at: datetime | None
    flow_session: str | None = None  # a question flow session the router must look at again at `flow_due_at`
    flow_due_at: datetime | None = None


class Conversations:
    def __init__(self, db: AsyncDatabase) -> None:
        self._threads = db[THREADS]
        self._messages = db[MESSAGES]
        self._provider_ids = db[PROVIDER_IDS]

    async def ensure_indexes(self) -> None:
        await self._messages.create_index([("thread_key", ASCENDING), ("at", ASCENDING)])
        await self._threads.create_index([("last_message_at", DESCENDING)])
        await self._threads.create_index(
            [("tenant", ASCENDING), ("status", ASCENDING), ("last_message_at", DESCENDING)]
        )
        await self._threads.create_index([("assignee.id", ASCENDING), ("status", ASCENDING)])
        await self._threads.create_index([("partition", ASCENDING), ("status", ASCENDING)])

    # --- threads: lone-_id -------------------------------------------------------------------------------

    async def thread(self, thread_key: str) -> ThreadRecord | None:
        doc = await self._read(self._threads, thread_key)
        return ThreadRecord.from_document(doc) if doc else None

    async def save_thread(self, record: ThreadRecord, *, new: bool) -> None:
        """Only the router calls this, for threads of the partitions it owns (one writer per thread)."""
        doc = record.to_document()
        if new and await self._insert(self._threads, doc):
            return
        await self._replace(self._threads, doc)  # not new, or written before a crash: replaced

    # --- messages: lone-_id ------------------------------------------------------------------------------

    async def message(self, message_id: str) -> MessageRecord | None:
        doc = await self._read(self._messages, message_id)
        return MessageRecord.from_document(doc) if doc else None

    async def messages(self, message_ids: Iterable[str]) -> list[MessageRecord]:
        """In the order of `message_ids`; one erased meanwhile is left out."""
        return [MessageRecord.from_document(d) for d in await self._read_all(self._messages, message_ids)]

    async def add_message(self, record: MessageRecord) -> bool:
        """Store a message once under its id; False when it was already stored."""
        return await self._insert(self._messages, record.to_document())

    async def save_message(self, record: MessageRecord) -> None:
        await self._replace(self._messages, record.to_document())

    async def set_analysis(self, message_id: str, analysis: Analysis, at: datetime) -> None:
        await self._update(self._messages, message_id, {"$set": MessageRecord.analysis_fields(analysis, at)})

    async def remember_provider_id(self, provider_message_id: str, message_id: str) -> None:
        await self._insert(self._provider_ids, {"_id": provider_message_id, "send_id": message_id})

    async def message_for_provider_id(self, provider_message_id: str) -> str | None:
        doc = await self._read(self._provider_ids, provider_message_id)
        return doc["send_id"] if doc else None

    async def after_written(self, action: Callable[[], Awaitable[None]], *, thread_key: str) -> None:
        """Run what must follow the writes made so far (an announcement): here at once; the router's store holds a
        batch's writes back and runs it after them (parley_router.owned)."""
        await action()

    # --- the lone-_id operations every method above is made of (the router's cache overrides them) -----------

    async def _read(self, collection: AsyncCollection, key: str) -> dict[str, Any] | None:
        return await collection.find_one(by_id(key))

    async def _read_all(self, collection: AsyncCollection, keys: Iterable[str]) -> list[dict[str, Any]]:
        """Documents by lone-`_id` reads, in the order of `keys`; a key whose document is gone (erased meanwhile) is
        left out."""
        return await each_by_id(keys, lambda key: self._read(collection, key))

    async def _messages_by_id(self, ids: Iterable[str]) -> list[MessageRecord]:
        """In timeline order."""
        docs = await self._read_all(self._messages, ids)
        return sorted((MessageRecord.from_document(d) for d in docs), key=lambda m: (m.at, m.id))

    async def _insert(self, collection: AsyncCollection, doc: dict[str, Any]) -> bool:
        """False: a document with this `_id` was there already (and is left as it is)."""
        try:
            await collection.insert_one(doc)
            return True
        except DuplicateKeyError:
            return False

    async def _replace(self, collection: AsyncCollection, doc: dict[str, Any]) -> None:
        await collection.replace_one(by_id(doc["_id"]), doc)

    async def _update(self, collection: AsyncCollection, key: str, change: dict[str, Any]) -> None:
        await collection.update_one(by_id(key), change)

    # --- listing (dashboard) and timers (router, at rebalance): filtered reads ------------------------------

    async def list_threads(self, query: ThreadQuery, *, skip: int, limit: int) -> tuple[list[ThreadRecord], int]:
        where = query.filter()

        async def page() -> list[ThreadRecord]:
            cursor = (
                self._threads.find(where)
                .sort([("last_message_at", DESCENDING), ("_id", ASCENDING)])
                .skip(skip)
                .limit(limit)
            )
            return [ThreadRecord.from_document(d) async for d in cursor]

        # Two scans on FerretDB: side by side (two connections) rather than one after the other.
        records, total = await asyncio.gather(page(), self._threads.count_documents(where))
        return records, total

    async def threads_by_key(self, thread_keys: Iterable[str]) -> list[ThreadRecord]:
        """Threads by lone-`_id` reads, in the order asked (a contact's, which the inbox index found)."""
        return [ThreadRecord.from_document(d) for d in await self._read_all(self._threads, thread_keys)]

    def thread_rows(self) -> AsyncIterator[ThreadRow]:
        """Every thread's row, streamed through a projection: one pass (a scan on FerretDB) that builds
        dashboard-api's inbox index."""

        async def rows() -> AsyncIterator[ThreadRow]:
            async for doc in self._threads.find({}, ThreadRow.FIELDS):
                yield ThreadRow.of_document(doc)

        return rows()

    async def count_views(self, query: ThreadQuery, views: Iterable[View]) -> dict[View, int]:
        """Every view's count from one pass (a scan on FerretDB; one count per view cost one scan each): threads
        grouped by status and assignee in the database, the groups tallied per view here."""
        where = query.for_view(View.ALL).filter()
        group = {"$group": {"_id": {"status": "$status", "assignee": "$assignee.id"}, "n": {"$sum": 1}}}
        pipeline = [{"$match": where}, group] if where else [group]
        groups = [
            (g["_id"].get("status"), g["_id"].get("assignee"), g["n"])
            async for g in await self._threads.aggregate(pipeline)
        ]
        return {
            view: sum(n for status, assignee, n in groups if query.in_view(view, status, assignee)) for view in views
        }

    async def list_messages(
        self, thread: ThreadRecord, *, skip: int, limit: int, from_newest: bool = False
    ) -> tuple[list[MessageRecord], int]:
        """A page of the thread's messages, oldest first, and how many it has; with `from_newest`, `skip` counts back
        from the newest message (a conversation opens on its latest messages). A thread that lists its messages' ids
        is read by lone-`_id` reads, one per message of the page, whatever the store holds; a thread stored before
        that list existed by a query (a scan on FerretDB)."""
        listed = thread.message_ids
        where = {"thread_key": thread.thread_key}
        total = len(listed) if listed is not None else await self._messages.count_documents(where)
        if from_newest:
            end = max(0, total - skip)
            skip, limit = max(0, end - limit), min(limit, end)
        if listed is not None:
            return await self._messages_by_id(listed[skip : skip + limit]), total
        if limit == 0:
            return [], total
        cursor = self._messages.find(where).sort([("at", ASCENDING), ("_id", ASCENDING)]).skip(skip).limit(limit)
        return [MessageRecord.from_document(d) async for d in cursor], total

    async def open_threads(self, partitions: Iterable[int]) -> list[OpenThread]:
        where = {
            "partition": {"$in": sorted(set(partitions))},
            "$or": [{"status": {"$ne": str(ThreadStatus.RESOLVED)}}, {"flow_due_at": {"$ne": None}}],
        }
        fields = {
            "tenant": 1,
            "channel": 1,
            "partition": 1,
            "status": 1,
            "assignee": 1,
            "last_inbound_at": 1,
            "flow_due_at": 1,
            "flow": 1,
        }
        return [
            OpenThread(
                thread_key=d["_id"],
                tenant=d["tenant"],
                channel=Channel(d["channel"]),
                partition=d.get("partition"),
                status=ThreadStatus(d["status"]),
                assignee=(d.get("assignee") or {}).get("id"),
                last_inbound_at=d.get("last_inbound_at"),
                flow_session=(d.get("flow") or {}).get("session_id"),
                flow_due_at=d.get("flow_due_at"),
            )
            async for d in self._threads.find(where, fields)
        ]

    # --- one contact's data (GDPR export and erasure): filtered reads, off the message path ------------------

    async def threads_of_contact(
        self, channel: Channel | str, contact_id: str, tenants: frozenset[str] | None
    ) -> list[ThreadRecord]:
        """Every thread of a contact on a channel, within `tenants` (None: every business unit), oldest first."""
        where: dict[str, Any] = {"channel": str(channel), "contact.id": contact_id}
        if tenants is not None:
            where["tenant"] = {"$in": sorted(tenants)}
        cursor = self._threads.find(where).sort([("created_at", ASCENDING), ("_id", ASCENDING)])
        return [ThreadRecord.from_document(d) async for d in cursor]

    async def messages_of_thread(self, thread_key: str, listed: list[str] | None = None) -> list[MessageRecord]:
        """All of a thread's messages, in order (for an export or an erasure; the console pages instead): by lone-`_id`
        reads of `listed` (the thread's `message_ids`) when it keeps them, else by a query (a scan on FerretDB)."""
        if listed is not None:
            return await self._messages_by_id(listed)
        cursor = self._messages.find({"thread_key": thread_key}).sort([("at", ASCENDING), ("_id", ASCENDING)])
        return [MessageRecord.from_document(d) async for d in cursor]

    async def messages_of_threads(self, threads: Iterable[ThreadRecord]) -> list[MessageRecord]:
        """All the messages of several threads (a contact's), in order: by lone-`_id` reads for threads that list
        their messages, and one query (one scan on FerretDB) for all those stored before that list existed."""
        threads = list(threads)
        listed = [i for t in threads if t.message_ids is not None for i in t.message_ids]
        messages = await self._messages_by_id(listed)
        if legacy := sorted({t.thread_key for t in threads if t.message_ids is None}):
            cursor = self._messages.find({"thread_key": {"$in": legacy}})
            messages += [MessageRecord.from_document(d) async for d in cursor]
        return sorted(messages, key=lambda m: (m.at, m.id))

    # --- erasure: the router only (the single writer of threads, docs/adr/0001-router-single-writer.md) -------

    async def delete_provider_ids(self, provider_message_ids: Iterable[str]) -> int:
        """Lone-`_id` deletes of provider-id mappings (the messages name them; nothing else does)."""
        deleted = 0
        for provider_id in set(provider_message_ids):
            deleted += (await self._provider_ids.delete_one(by_id(provider_id))).deleted_count
        return deleted

    async def delete_thread_messages(self, thread_key: str, listed: list[str] | None = None) -> int:
        """By lone-`_id` deletes of `listed` (the thread's `message_ids`) when it keeps them: an erasure on a full store
        holds up its partition for a moment, not for a scan of every message."""
        if listed is None:
            return (await self._messages.delete_many({"thread_key": thread_key})).deleted_count
        deleted = 0
        for message_id in listed:
            deleted += (await self._messages.delete_one(by_id(message_id))).deleted_count
        return deleted

    async def delete_thread(self, thread_key: str) -> bool:
        return (await self._threads.delete_one(by_id(thread_key))).deleted_count == 1
