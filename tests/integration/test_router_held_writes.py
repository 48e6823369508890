"""The router's held-back writes (parley_router.owned) against the real FerretDB: a batch after an outage can hold
hundreds of documents, and FerretDB 1.24 deadlocks on an update command of about 100 statements (it keeps a SQLite
connection per statement until the command ends, out of a pool of 100): the flush must cut them into commands small
enough, and write every document."""

import asyncio

import pytest

from parley_contracts import Channel, Contact, ThreadStatus, utcnow
from parley_conversations.documents import ThreadRecord
from parley_router.owned import OwnedConversations
from parley_runtime.mongo import UPDATES_PER_COMMAND

pytestmark = pytest.mark.integration

THREADS = 250  # over FerretDB's pool of 100 SQLite connections, as in one update command it would deadlock


def thread(n: int, name: str) -> ThreadRecord:
    at = utcnow()
    return ThreadRecord(
        thread_key=f"th_held_{n}",
        tenant="demo",
        channel=Channel.WHATSAPP,
        account_id="100",
        contact=Contact(id=f"521{n}", name=name),
        status=ThreadStatus.BOT,
        created_at=at,
        updated_at=at,
    )


async def test_a_batch_of_hundreds_of_threads_is_written_without_deadlocking_ferretdb(db):
    assert UPDATES_PER_COMMAND < 50
    store = OwnedConversations(db, capacity=0)  # nothing cached: every check below reads the store
    await store.ensure_indexes()
    for name in ("first", "second"):  # inserted (upserts), then replaced
        store.deferring = True
        for n in range(THREADS):
            await store.save_thread(thread(n, name), new=name == "first")
        await asyncio.wait_for(store.flush(), timeout=60)
        store.deferring = False
    names = {d["contact"]["name"] async for d in db["threads"].find({"_id": {"$regex": "^th_held_"}})}
    assert names == {"second"}
    assert await db["threads"].count_documents({"_id": {"$regex": "^th_held_"}}) == THREADS
