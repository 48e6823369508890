"""The router's store (parley_router.owned) over an in-memory collection that counts reads and commands: what is
served from memory, every case where it must go back to the store, and a batch's writes held back and sent
together."""

from datetime import UTC, datetime
from typing import Any

import bson
import pytest
from aiokafka.errors import KafkaTimeoutError
from bson.codec_options import CodecOptions
from pymongo import InsertOne, ReplaceOne
from pymongo.errors import AutoReconnect, BulkWriteError, DuplicateKeyError

from parley_contracts import Analysis, Channel, Contact, ThreadStatus, ThreadUpdated
from parley_conversations.documents import (
    MESSAGES,
    PROVIDER_IDS,
    THREADS,
    MessageRecord,
    ThreadRecord,
    unpacked_message,
)
from parley_router.owned import OwnedConversations

AT = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
COMMANDS: list[tuple[str, int]] = []  # (collection, documents) of every bulk write, in order


class Collection:
    """What the store calls on a collection, in memory; `fail` makes the next write raise."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.docs: dict[str, bytes] = {}
        self.reads = 0
        self.fail = False
        self.commands = COMMANDS

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

    def find(self, where: dict[str, Any]) -> "Cursor":
        docs = [bson.decode(raw, CodecOptions(tz_aware=True)) for raw in self.docs.values()]
        return Cursor([d for d in docs if all(d.get(k) == v for k, v in where.items())])

    async def delete_many(self, where: dict[str, Any]) -> Any:
        gone = [d["_id"] for d in self.find(where).docs]
        for key in gone:
            del self.docs[key]
        return type("Deleted", (), {"deleted_count": len(gone)})()

    async def bulk_write(self, ops: list[Any], ordered: bool) -> None:
        self._check()
        assert not ordered
        self.commands.append((self.name, len(ops)))
        errors = []
        for index, op in enumerate(ops):
            if isinstance(op, InsertOne):
                doc = op._doc  # type: ignore[attr-defined]
                if doc["_id"] in self.docs:
                    errors.append({"index": index, "code": 11000, "errmsg": "duplicate"})
                else:
                    self.docs[doc["_id"]] = bson.encode(doc)
            else:
                assert isinstance(op, ReplaceOne)
                key = op._filter["_id"]  # type: ignore[attr-defined]
                if key in self.docs or op._upsert:  # type: ignore[attr-defined]
                    self.docs[key] = bson.encode(op._doc)  # type: ignore[attr-defined]
        if errors:
            raise BulkWriteError({"writeErrors": errors})


class Cursor:
    def __init__(self, docs: list[dict[str, Any]]) -> None:
        self.docs = docs

    def sort(self, keys: list[tuple[str, int]]) -> "Cursor":
        return Cursor(sorted(self.docs, key=lambda d: tuple(d[k] for k, _ in keys)))

    async def __aiter__(self) -> Any:
        for doc in self.docs:
            yield doc


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
    COMMANDS.clear()
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
    assert doc is not None and unpacked_message(doc)["analysis"]["language"] == "en" and db[MESSAGES].reads == 1


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


# --- a batch's writes, held back and sent together ---------------------------------------------------------------


def message(key: str = "m1", thread_key: str = "th_1") -> MessageRecord:
    return MessageRecord(
        id=key,
        thread_key=thread_key,
        tenant="demo",
        channel=Channel.WHATSAPP,
        direction="in",
        author="customer",
        text="hi",
        at=AT,
    )


def announced(store: OwnedConversations, out: list[str], name: str) -> Any:
    async def announce() -> None:
        out.append(name)

    return store.after_written(announce, thread_key=name)


async def test_held_writes_are_read_back_and_written_together_messages_before_threads(db):
    store = OwnedConversations(db, capacity=10)
    store.deferring = True
    out: list[str] = []
    for n in (1, 2, 3):
        await store.add_message(message(f"m{n}", f"th_{n}"))
        await store.save_thread(thread(f"th_{n}"), new=True)
        await announced(store, out, f"th_{n}")
    await store.remember_provider_id("wamid.1", "m1")
    assert db[THREADS].docs == {} and db[MESSAGES].docs == {} and out == []
    assert await store.thread("th_2") == thread("th_2") and (await store.message("m3")) == message("m3", "th_3")
    assert db[THREADS].reads == 0 and db[MESSAGES].reads == 0

    await store.flush()
    assert COMMANDS == [(PROVIDER_IDS, 1), (MESSAGES, 3), (THREADS, 3)]  # three commands for seven documents
    assert out == ["th_1", "th_2", "th_3"]  # announced once written, in order
    assert ThreadRecord.from_document(await db[THREADS].find_one({"_id": "th_2"})) == thread("th_2")
    assert await store.thread("th_3") == thread("th_3") and db[THREADS].reads == 1  # the read above; now cached


async def test_a_message_and_its_analysis_in_one_batch_are_one_insert(db):
    store = OwnedConversations(db, capacity=10)
    store.deferring = True
    await store.add_message(message())
    await store.set_analysis("m1", Analysis(language="pt"), AT)
    assert (await store.message("m1")).analysis.language == "pt"  # type: ignore[union-attr]
    await store.flush()
    assert COMMANDS == [(MESSAGES, 1)]
    stored = MessageRecord.from_document(await db[MESSAGES].find_one({"_id": "m1"}))
    assert stored.analysis is not None and stored.analysis.language == "pt"


async def test_a_replayed_insert_leaves_the_stored_message_but_writes_what_the_batch_changed(db):
    first = OwnedConversations(db, capacity=10)
    await first.add_message(message("m1"))
    await first.add_message(message("m2"))
    store = OwnedConversations(db, capacity=10)  # after a crash: nothing cached
    store.deferring = True
    await store.add_message(message("m1"))  # the replayed step: the same message again, unchanged
    await store.add_message(message("m2"))
    await store.set_analysis("m2", Analysis(language="es"), AT)
    db[MESSAGES].docs["m1"] = bson.encode({**bson.decode(db[MESSAGES].docs["m1"]), "status": "read"})  # later news
    await store.flush()
    assert COMMANDS == [(MESSAGES, 2), (MESSAGES, 1)]  # both inserts found their message; m2's change replaced
    assert bson.decode(db[MESSAGES].docs["m1"])["status"] == "read"  # left as it is ...
    assert (await store.message("m1")).status == "read"  # type: ignore[union-attr]  # ... and read again
    assert MessageRecord.from_document(bson.decode(db[MESSAGES].docs["m2"])).analysis.language == "es"  # type: ignore[union-attr]


def update(key: str) -> ThreadUpdated:
    return ThreadUpdated(
        event_id=f"upd_{key}", tenant="demo", channel=Channel.WHATSAPP, thread_key="th_1", cause="message.received"
    )


async def test_every_step_of_a_thread_in_one_batch_can_be_announced_again_after_a_crash(db):
    store = OwnedConversations(db, capacity=10)
    store.deferring = True
    for key in ("rcv:1", "ana:1", "rcv:2"):
        record = await store.thread("th_1") or thread()
        record.mark_applied(key, update(key))
        await store.save_thread(record, new=False)
    await store.flush()
    stored = ThreadRecord.from_document(await db[THREADS].find_one({"_id": "th_1"}))
    for key in ("rcv:1", "ana:1", "rcv:2"):
        replayed = stored.replayed_update(key)
        assert replayed is not None and replayed.rebuilt(stored.view(), []).event_id == f"upd_{key}"

    store.deferring = True  # the next batch: only its own step's announcement is kept
    record = await store.thread("th_1")
    assert record is not None
    record.mark_applied("cmd:9", update("cmd:9"))
    await store.save_thread(record, new=False)
    await store.flush()
    stored = ThreadRecord.from_document(await db[THREADS].find_one({"_id": "th_1"}))
    assert stored.earlier_updates == [] and stored.replayed_update("rcv:2") is None


async def test_a_flush_that_failed_is_written_by_the_next_one_and_discard_forgets_it(db):
    store = OwnedConversations(db, capacity=10)
    store.deferring = True
    out: list[str] = []
    await store.add_message(message())
    await store.save_thread(thread(), new=True)
    await announced(store, out, "th_1")
    db[THREADS].fail = True
    with pytest.raises(AutoReconnect):
        await store.flush()
    assert "m1" in db[MESSAGES].docs and db[THREADS].docs == {} and out == []
    await store.flush()
    assert "th_1" in db[THREADS].docs and out == ["th_1"]

    await store.save_thread(thread(name="Never"), new=False)
    await announced(store, out, "never")
    store.discard()
    await store.flush()
    assert (await store.thread("th_1")) == thread() and out == ["th_1"]


async def test_an_erasure_also_erases_what_the_batch_holds(db):
    store = OwnedConversations(db, capacity=10)
    await store.add_message(message("m1"))  # stored
    store.deferring = True
    await store.add_message(message("m2"))  # held
    await store.add_message(message("m9", "th_other"))
    await store.save_thread(thread(), new=True)
    await store.remember_provider_id("wamid.2", "m2")
    assert [m.id for m in await store.messages_of_thread("th_1")] == ["m1", "m2"]
    await store.delete_provider_ids(["wamid.2"])
    await store.delete_thread_messages("th_1")
    await store.delete_thread("th_1")
    await store.flush()
    assert db[THREADS].docs == {} and db[PROVIDER_IDS].docs == {} and list(db[MESSAGES].docs) == ["m9"]


async def test_an_erasure_of_a_thread_that_lists_its_messages_reads_and_deletes_them_by_id(db):
    store = OwnedConversations(db, capacity=10)
    await store.add_message(message("m1"))
    await store.add_message(message("m9", "th_other"))
    store.deferring = True
    await store.add_message(message("m2"))  # held
    found = await store.messages_of_thread("th_1", ["m1", "m2"])
    assert [m.id for m in found] == ["m1", "m2"]
    assert await store.delete_thread_messages("th_1", ["m1", "m2"]) == 1  # m2 was only held: it is never written
    await store.flush()
    assert list(db[MESSAGES].docs) == ["m9"]


async def test_each_threads_announcements_keep_their_order_and_a_failed_one_is_made_by_the_next_flush(db):
    store = OwnedConversations(db, capacity=10)
    store.deferring = True
    out: list[str] = []
    broker_away = [True]

    async def say(name: str) -> None:
        if name == "b1" and broker_away[0]:
            broker_away[0] = False
            raise KafkaTimeoutError("thread.updated: not acknowledged")
        out.append(name)

    for name in ("a1", "b1", "a2", "b2"):
        await store.after_written(lambda name=name: say(name), thread_key=f"th_{name[0]}")
    with pytest.raises(KafkaTimeoutError):
        await store.flush()
    assert "b1" not in out and "b2" not in out
    await store.flush()
    assert [n for n in out if n[0] == "a"][-2:] == ["a1", "a2"] and [n for n in out if n[0] == "b"] == ["b1", "b2"]
    await store.flush()  # nothing left
    assert out.count("b1") == 1
