"""The router's write-through cache (parley_router.owned) over an in-memory collection that counts reads: what is
served from memory, and every case where it must go back to the store."""

from datetime import UTC, datetime
from typing import Any

import bson
import pytest
from bson.codec_options import CodecOptions
from pymongo.errors import AutoReconnect, DuplicateKeyError

from parley_contracts import Analysis, Channel, Contact, ThreadStatus
from parley_conversations.documents import MESSAGES, PROVIDER_IDS, THREADS, ThreadRecord
from parley_router.owned import OwnedConversations

AT = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


class Collection:
    """What the store calls on a collection, in memory; `fail` makes the next write raise."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.docs: dict[str, bytes] = {}
        self.reads = 0
        self.fail = False

    def _check(self) -> None:
        if self.fail:
            self.fail = False
            raise AutoReconnect("connection lost")

    async def find_one(self, where: dict[str, Any]) -> dict[str, Any] | None:
        self.reads += 1
        raw = self.docs.get(where["_id"])
        return bson.decode(raw, CodecOptions(tz_aware=True)) if raw else None

    async def insert_one(self, doc: dict[str, Any]) -> None:
        self._check()
        if doc["_id"] in self.docs:
            raise DuplicateKeyError("duplicate")
        self.docs[doc["_id"]] = bson.encode(doc)

    async def replace_one(self, where: dict[str, Any], doc: dict[str, Any]) -> None:
        self._check()
        self.docs[where["_id"]] = bson.encode(doc)

    async def delete_one(self, where: dict[str, Any]) -> Any:
        self._check()
        return type("Deleted", (), {"deleted_count": int(self.docs.pop(where["_id"], None) is not None)})()

    async def update_one(self, where: dict[str, Any], change: dict[str, Any]) -> None:
        self._check()
        doc = bson.decode(self.docs[where["_id"]])
        doc.update(change["$set"])
        self.docs[where["_id"]] = bson.encode(doc)


class Database(dict):
    codec_options = CodecOptions(tz_aware=True)

    def __missing__(self, name: str) -> Collection:
        self[name] = Collection(name)
        return self[name]


def thread(key: str = "th_1", name: str = "Carla") -> ThreadRecord:
    return ThreadRecord(
        thread_key=key,
        tenant="demo",
        channel=Channel.WHATSAPP,
        account_id="100",
        contact=Contact(id="521", name=name),
        status=ThreadStatus.BOT,
        created_at=AT,
        updated_at=AT,
    )


@pytest.fixture
def db() -> Database:
    return Database()


async def test_what_it_wrote_is_read_from_memory_as_the_store_would_return_it(db):
    store = OwnedConversations(db, capacity=10)
    await store.save_thread(thread(), new=True)
    read = await store.thread("th_1")
    assert read == thread() and db[THREADS].reads == 0
    assert read == ThreadRecord.from_document(await db[THREADS].find_one({"_id": "th_1"}))


async def test_a_change_to_what_was_read_does_not_change_the_cache(db):
    store = OwnedConversations(db, capacity=10)
    await store.save_thread(thread(), new=True)
    read = await store.thread("th_1")
    assert read is not None
    read.contact.name = "Changed"
    read.applied.append("rcv:x")
    again = await store.thread("th_1")
    assert again is not None and again.contact.name == "Carla" and again.applied == []


async def test_a_miss_is_read_once_from_the_store_then_from_memory(db):
    await OwnedConversations(db, capacity=10).save_thread(thread(), new=True)  # another process wrote it
    store = OwnedConversations(db, capacity=10)
    assert await store.thread("th_1") == thread()
    assert await store.thread("th_1") == thread()
    assert db[THREADS].reads == 1
    assert await store.thread("th_none") is None and await store.thread("th_none") is None
    assert db[THREADS].reads == 3  # an absent document is not remembered


async def test_a_failed_write_is_forgotten_and_read_again_from_the_store(db):
    store = OwnedConversations(db, capacity=10)
    await store.save_thread(thread(), new=True)
    db[THREADS].fail = True
    with pytest.raises(AutoReconnect):
        await store.save_thread(thread(name="Lost"), new=False)
    assert (await store.thread("th_1")) == thread() and db[THREADS].reads == 1


async def test_an_insert_that_found_the_document_there_reads_the_stored_one(db):
    store = OwnedConversations(db, capacity=10)
    await store.remember_provider_id("wamid.1", "snd_1")
    assert not await OwnedConversations(db, capacity=10)._insert(db[PROVIDER_IDS], {"_id": "wamid.1", "send_id": "x"})
    await store.remember_provider_id("wamid.1", "snd_other")  # already there: the first mapping stays
    assert await store.message_for_provider_id("wamid.1") == "snd_1"
    assert db[PROVIDER_IDS].reads == 1


async def test_a_partial_update_drops_the_document(db):
    store = OwnedConversations(db, capacity=10)
    await store._insert(db[MESSAGES], {"_id": "m1", "text": "hi"})
    await store.set_analysis("m1", Analysis(language="en"), AT)
    doc = await store._read(db[MESSAGES], "m1")
    assert doc is not None and doc["analysis"]["language"] == "en" and db[MESSAGES].reads == 1


async def test_a_rebalance_and_an_erasure_forget_everything(db):
    store = OwnedConversations(db, capacity=10)
    for key in ("th_1", "th_2"):
        await store.save_thread(thread(key), new=True)
    store.forget_all()
    await store.thread("th_1")
    await store.thread("th_1")
    assert db[THREADS].reads == 1
    assert await store.delete_thread("th_2")
    await store.thread("th_1")
    assert db[THREADS].reads == 2 and await store.thread("th_2") is None


async def test_the_least_recently_used_document_goes_first_and_zero_keeps_nothing(db):
    store = OwnedConversations(db, capacity=2)
    for key in ("a", "b"):
        await store.save_thread(thread(key), new=True)
    await store.thread("a")  # used: "b" is now the oldest
    await store.save_thread(thread("c"), new=True)
    reads = db[THREADS].reads
    await store.thread("a")
    await store.thread("c")
    assert db[THREADS].reads == reads
    await store.thread("b")
    assert db[THREADS].reads == reads + 1

    none = OwnedConversations(Database(), capacity=0)
    await none.save_thread(thread(), new=True)
    await none.thread("th_1")
    assert none._threads.reads == 1  # type: ignore[attr-defined]
