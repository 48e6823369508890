"""The router's store: `Conversations` with a cache of what the router wrote and, within a batch, writes held back
and sent together, for the documents the router alone writes: threads, their messages and the provider-id map.

The router is the only writer of its partitions' threads, of their messages and of the provider-id map
(docs/adr/0001-router-single-writer.md), so what it last wrote is what the store holds.

**The cache.** A thread, message or mapping the router wrote or read a moment ago is read again from memory, not
from FerretDB (measured with a pymongo command listener under `make run`: 6 of the router's 15 operations per
customer message were such re-reads). What keeps it true:
- documents are cached as BSON and decoded on every read, so a step that changes what it read never changes
  the cache;
- a write is cached only once the store acknowledged it; a write that failed drops the document, and the next
  read goes to the store;
- a partial update of a document the router does not hold, or an insert that found the document already there,
  drops it (the stored one may differ);
- every rebalance empties the cache (`forget_all`): a partition this process owns again may have been written by
  another router meanwhile; erasing a thread empties it too.
Each collection keeps at most `capacity` documents, least recently used first out.

**Writes held back to the end of the batch** (`deferring`, docs/adr/0001-router-single-writer.md). FerretDB's cost
is per command far more than per document: measured on a collection of 20,000 documents, 50 inserts in one
command cost 0.23 ms of its CPU each against 1.25 ms one by one, and 50 replaces 0.46 against 2.53 ms. So while a
batch is processed, writes are kept here (reads see them) and `flush` sends them together when the batch is
done, before its offsets are committed, in the order a crash needs: provider ids and messages first, then the
threads, whose "applied" marks say a step is done. Several writes of one document within a batch become one.
Whatever must follow the writes (the announcements on `thread.updated`) waits in `after_written` until the flush.
A message is inserted once, never overwritten by its first version: when its insert finds it stored already (a
step replayed after a crash), the later state the batch gave it is written as a replace."""

import asyncio
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

import bson
from pymongo import InsertOne, ReplaceOne
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import BulkWriteError

from parley_conversations.documents import MESSAGES, PROVIDER_IDS, THREADS, MessageRecord, ThreadRecord
from parley_conversations.store import Conversations
from parley_runtime.mongo import DUPLICATE_KEY, UPDATES_PER_COMMAND

FLUSH_ORDER = (PROVIDER_IDS, MESSAGES, THREADS)  # a thread's "applied" marks go last


@dataclass
class _Held:
    """One document's writes held back in this batch: its first version to insert once (`insert`), and its
    latest state when that is to overwrite what is stored (`replace`); BSON, so no step can change them."""

    insert: bytes | None = None
    replace: bytes | None = None
    upsert: bool = False

    def latest(self) -> bytes:
        return self.replace or self.insert or b""


class OwnedConversations(Conversations):
    def __init__(self, db: AsyncDatabase, capacity: int) -> None:
        super().__init__(db)
        self._codec = db.codec_options
        self._capacity = capacity
        self._cached: dict[str, OrderedDict[str, bytes]] = {}
        self._collections = {c.name: c for c in (self._threads, self._messages, self._provider_ids)}
        self.deferring = False
        self._held: dict[str, dict[str, _Held]] = {}
        self._waiting: dict[str, deque[Callable[[], Awaitable[None]]]] = {}

    def forget_all(self) -> None:
        self._cached.clear()

    # --- the batch: writes held back, sent together ------------------------------------------------------------

    async def after_written(self, action: Callable[[], Awaitable[None]], *, thread_key: str) -> None:
        if self.deferring:
            self._waiting.setdefault(thread_key, deque()).append(action)
        else:
            await action()

    async def flush(self) -> None:
        """Write what the batch held back, then run what waited for it. Safe to repeat after a failure: inserts
        that find their document leave it, replaces write the same state again."""
        for name in FLUSH_ORDER:
            held = self._held.get(name)
            if held:
                await self._write_held(self._collections[name], held)
                del self._held[name]

        # One thread's announcements in order, the threads' side by side: the producer sends what is waiting in one
        # request while the previous is in flight. An action is forgotten once done, so a flush that failed part-way
        # runs the rest when it is called again.
        async def in_order(actions: deque[Callable[[], Awaitable[None]]]) -> None:
            while actions:
                await actions[0]()
                actions.popleft()

        try:
            async with asyncio.TaskGroup() as group:  # one failure stops the others: none runs twice at once
                for actions in self._waiting.values():
                    group.create_task(in_order(actions))
        except BaseExceptionGroup as failed:
            raise failed.exceptions[0] from None  # what the consumer policy judges (an unreachable broker waits)
        self._waiting.clear()

    def discard(self) -> None:
        """Forget what the batch held back and what waited for it (a flush that cannot succeed): the batch is
        processed again from the store."""
        self._held.clear()
        self._waiting.clear()
        self.forget_all()

    async def _write_held(self, collection: AsyncCollection, held: dict[str, _Held]) -> None:
        codec = self._codec
        inserts = [(key, h) for key, h in held.items() if h.insert is not None]
        found: set[str] = set()
        if inserts:
            # The latest state is inserted: one write for a message and, in the same batch, its analysis.
            ops = [InsertOne(bson.decode(h.latest(), codec)) for _, h in inserts]
            found = await _bulk(collection, ops, {i: key for i, (key, _) in enumerate(inserts)})
        replaces = [
            ReplaceOne({"_id": key}, bson.decode(h.latest(), codec), upsert=h.upsert)
            for key, h in held.items()
            if h.insert is None or (key in found and h.replace is not None)
        ]
        for start in range(0, len(replaces), UPDATES_PER_COMMAND):
            await _bulk(collection, replaces[start : start + UPDATES_PER_COMMAND], {})
        for key, h in held.items():
            if key in found and h.replace is None:
                self._drop(collection, key)  # stored before (a replayed step): left as it is, read it again
            else:
                self._keep_raw(collection, key, h.latest())

    def _hold(self, collection: AsyncCollection, key: str) -> _Held:
        return self._held.setdefault(collection.name, {}).setdefault(key, _Held())

    def _held_doc(self, collection: AsyncCollection, key: str) -> bytes | None:
        held = self._held.get(collection.name, {}).get(key)
        return held.latest() if held else None

    # --- what the router writes --------------------------------------------------------------------------------

    async def save_thread(self, record: ThreadRecord, *, new: bool) -> None:
        if not self.deferring:
            return await super().save_thread(record, new=new)
        held = self._hold(self._threads, record.thread_key)
        if held.replace is not None:  # an earlier step of this batch, whose announcement has not gone out yet
            before = ThreadRecord.from_document(bson.decode(held.replace, self._codec))
            earlier = [*before.earlier_updates, before.last_update]
            kept = [u for u in earlier if u and u != record.last_update]
            record = record.model_copy(update={"earlier_updates": kept})
        held.replace = bson.encode(record.to_document(), codec_options=self._codec)
        held.upsert = True  # new or not, the router's whole view of its thread

    async def messages_of_thread(self, thread_key: str, listed: list[str] | None = None) -> list[MessageRecord]:
        """The stored messages and those this batch holds back (an erasure must find them all)."""
        stored = {m.id: m for m in await super().messages_of_thread(thread_key, listed)}
        for key, held in self._held.get(MESSAGES, {}).items():
            message = MessageRecord.from_document(bson.decode(held.latest(), self._codec))
            if message.thread_key == thread_key:
                stored[key] = message
        return sorted(stored.values(), key=lambda m: (m.at, m.id))

    # --- the lone-_id operations, through the cache and the held writes -------------------------------------

    async def _read(self, collection: AsyncCollection, key: str) -> dict[str, Any] | None:
        raw = self._held_doc(collection, key)
        if raw is None:
            entries = self._entries(collection)
            raw = entries.get(key)
            if raw is not None:
                entries.move_to_end(key)
        if raw is not None:
            return bson.decode(raw, self._codec)
        doc = await super()._read(collection, key)
        if doc is not None:
            self._keep(collection, doc)
        return doc

    async def _insert(self, collection: AsyncCollection, doc: dict[str, Any]) -> bool:
        if self.deferring:
            key = doc["_id"]
            if self._held_doc(collection, key) is not None or key in self._entries(collection):
                return False  # stored or about to be: left as it is
            self._hold(collection, key).insert = bson.encode(doc, codec_options=self._codec)
            return True
        try:
            inserted = await super()._insert(collection, doc)
        except BaseException:
            self._drop(collection, doc["_id"])
            raise
        if inserted:
            self._keep(collection, doc)
        else:
            self._drop(collection, doc["_id"])
        return inserted

    async def _replace(self, collection: AsyncCollection, doc: dict[str, Any]) -> None:
        if self.deferring:
            self._hold(collection, doc["_id"]).replace = bson.encode(doc, codec_options=self._codec)
            return
        try:
            await super()._replace(collection, doc)
        except BaseException:
            self._drop(collection, doc["_id"])
            raise
        self._keep(collection, doc)

    async def _update(self, collection: AsyncCollection, key: str, change: dict[str, Any]) -> None:
        if self.deferring and set(change) == {"$set"}:
            raw = self._held_doc(collection, key) or self._entries(collection).get(key)
            if raw is not None:  # held or cached: the whole new state is known, and replaced with the rest
                doc = bson.decode(raw, self._codec)
                doc.update(change["$set"])
                self._hold(collection, key).replace = bson.encode(doc, codec_options=self._codec)
                return
        # Not held nor cached: written at once and read again after. (`set_analysis`, a `$set`, is the one partial
        # update the store makes.)
        self._drop(collection, key)
        await super()._update(collection, key, change)

    # --- erasure -----------------------------------------------------------------------------------------------

    async def delete_provider_ids(self, provider_message_ids: Iterable[str]) -> int:
        ids = set(provider_message_ids)
        self._unhold(PROVIDER_IDS, lambda key, _: key in ids)
        self.forget_all()
        return await super().delete_provider_ids(ids)

    async def delete_thread_messages(self, thread_key: str, listed: list[str] | None = None) -> int:
        codec = self._codec
        self._unhold(MESSAGES, lambda _, held: bson.decode(held.latest(), codec).get("thread_key") == thread_key)
        self.forget_all()
        return await super().delete_thread_messages(thread_key, listed)

    async def delete_thread(self, thread_key: str) -> bool:
        self._unhold(THREADS, lambda key, _: key == thread_key)
        self.forget_all()
        return await super().delete_thread(thread_key)

    def _unhold(self, name: str, erased: Callable[[str, _Held], bool]) -> None:
        held = self._held.get(name, {})
        for key in [k for k, h in held.items() if erased(k, h)]:
            del held[key]

    # --- the cache -------------------------------------------------------------------------------------------

    def _entries(self, collection: AsyncCollection) -> OrderedDict[str, bytes]:
        return self._cached.setdefault(collection.name, OrderedDict())

    def _keep(self, collection: AsyncCollection, doc: dict[str, Any]) -> None:
        self._keep_raw(collection, doc["_id"], bson.encode(doc, codec_options=self._codec))

    def _keep_raw(self, collection: AsyncCollection, key: str, raw: bytes) -> None:
        if self._capacity <= 0:
            return
        entries = self._entries(collection)
        entries[key] = raw
        entries.move_to_end(key)
        while len(entries) > self._capacity:
            entries.popitem(last=False)

    def _drop(self, collection: AsyncCollection, key: str) -> None:
        self._entries(collection).pop(key, None)


async def _bulk(collection: AsyncCollection, ops: list[Any], inserted_keys: dict[int, str]) -> set[str]:
    """One unordered bulk write; the keys of the inserts that found their document (any other error raises)."""
    try:
        await collection.bulk_write(ops, ordered=False)
    except BulkWriteError as exc:
        errors = exc.details.get("writeErrors", [])
        if any(e.get("code") != DUPLICATE_KEY or e.get("index") not in inserted_keys for e in errors):
            raise
        return {inserted_keys[e["index"]] for e in errors}
    return set()
