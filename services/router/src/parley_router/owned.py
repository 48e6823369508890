"""The router's store: a write-through cache in front of `Conversations` for the documents the router owns.

The router is the only writer of its partitions' threads, of their messages and of the provider-id map
(docs/adr/0001-router-single-writer.md), so what it last wrote is what the store holds: a thread, message or
mapping it wrote or read a moment ago is read again from memory, not from FerretDB. Measured with a pymongo
command listener under `make run`, 6 of the router's 15 operations per customer message were such re-reads
(the thread when its analysis comes; the bot's reply and its provider-id mapping for each delivery status).

What keeps it true:
- documents are cached as BSON and decoded on every read, so a step that changes what it read never changes
  the cache;
- a write is cached only once the store acknowledged it; a write that failed drops the document, and the next
  read goes to the store;
- a partial update (`_update`) or an insert that found the document already there drops it (the stored one may
  differ);
- every rebalance empties the cache (`forget_all`): a partition this process owns again may have been written by
  another router meanwhile; erasing a thread empties it too.
Each collection keeps at most `capacity` documents, least recently used first out."""

from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

import bson
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase

from parley_conversations.store import Conversations


class OwnedConversations(Conversations):
    def __init__(self, db: AsyncDatabase, capacity: int) -> None:
        super().__init__(db)
        self._codec = db.codec_options
        self._capacity = capacity
        self._cached: dict[str, OrderedDict[str, bytes]] = {}

    def forget_all(self) -> None:
        self._cached.clear()

    # --- the lone-_id operations, through the cache ----------------------------------------------------------

    async def _read(self, collection: AsyncCollection, key: str) -> dict[str, Any] | None:
        entries = self._entries(collection)
        raw = entries.get(key)
        if raw is not None:
            entries.move_to_end(key)
            return bson.decode(raw, self._codec)
        doc = await super()._read(collection, key)
        if doc is not None:
            self._keep(collection, doc)
        return doc

    async def _insert(self, collection: AsyncCollection, doc: dict[str, Any]) -> bool:
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
        try:
            await super()._replace(collection, doc)
        except BaseException:
            self._drop(collection, doc["_id"])
            raise
        self._keep(collection, doc)

    async def _update(self, collection: AsyncCollection, key: str, change: dict[str, Any]) -> None:
        self._drop(collection, key)
        await super()._update(collection, key, change)

    # --- erasure ---------------------------------------------------------------------------------------------

    async def delete_provider_ids(self, provider_message_ids: Iterable[str]) -> int:
        self.forget_all()
        return await super().delete_provider_ids(provider_message_ids)

    async def delete_thread_messages(self, thread_key: str) -> int:
        self.forget_all()
        return await super().delete_thread_messages(thread_key)

    async def delete_thread(self, thread_key: str) -> bool:
        self.forget_all()
        return await super().delete_thread(thread_key)

    # --- the cache -------------------------------------------------------------------------------------------

    def _entries(self, collection: AsyncCollection) -> OrderedDict[str, bytes]:
        return self._cached.setdefault(collection.name, OrderedDict())

    def _keep(self, collection: AsyncCollection, doc: dict[str, Any]) -> None:
        if self._capacity <= 0:
            return
        entries = self._entries(collection)
        entries[doc["_id"]] = bson.encode(doc, codec_options=self._codec)
        entries.move_to_end(doc["_id"])
        while len(entries) > self._capacity:
            entries.popitem(last=False)

    def _drop(self, collection: AsyncCollection, key: str) -> None:
        self._entries(collection).pop(key, None)
