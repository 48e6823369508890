"""Outbound's grouped writes (parley_outbound.grouped_writes) against the real FerretDB: writes asked for at the same
moment go as one command (counted by a command listener), each caller still gets its own outcome, and two writes of
one document keep their order; and the ledger's entries, which keep their send packed, read back whole."""

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from pymongo import AsyncMongoClient, monitoring

from parley_outbound.grouped_writes import GroupedWrites
from parley_outbound.ledger import COLLECTION as LEDGER
from parley_outbound.ledger import SendLedger
from parley_runtime.mongo import UPDATES_PER_COMMAND
from tests.events import send

pytestmark = pytest.mark.integration


class Commands(monitoring.CommandListener):
    """The write commands sent, as (command name, collection, statements)."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, int]] = []

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        name = event.command_name
        if name in ("insert", "update"):
            statements = event.command.get("documents" if name == "insert" else "updates") or []
            self.sent.append((name, event.command[name], len(statements)))

    def succeeded(self, event: Any) -> None:
        pass

    def failed(self, event: Any) -> None:
        pass


@pytest.fixture
async def watched(infra, database_name) -> AsyncIterator[tuple[Any, Commands]]:
    commands = Commands()
    client: AsyncMongoClient = AsyncMongoClient(infra.mongodb_url, tz_aware=True, event_listeners=[commands])
    collection = client[database_name]["grouped_writes"]
    await collection.delete_many({})
    commands.sent.clear()
    yield collection, commands
    await client.close()


async def test_claims_asked_together_are_one_command_and_each_learns_whether_it_was_first(watched):
    collection, commands = watched
    await collection.insert_many([{"_id": f"send-{n}", "state": "sent"} for n in range(0, 30, 6)])
    commands.sent.clear()
    writes = GroupedWrites(collection)

    claimed = await asyncio.gather(*(writes.insert({"_id": f"send-{n}", "state": "sending"}) for n in range(30)))

    assert claimed == [n % 6 != 0 for n in range(30)]
    assert commands.sent == [("insert", "grouped_writes", 30)]
    stored = {d["_id"]: d["state"] async for d in collection.find({})}
    assert stored == {f"send-{n}": "sent" if n % 6 == 0 else "sending" for n in range(30)}


async def test_updates_asked_together_share_commands_small_enough_for_ferretdb(watched):
    collection, commands = watched
    await collection.insert_many([{"_id": f"send-{n}", "state": "sending"} for n in range(40)])
    commands.sent.clear()
    writes = GroupedWrites(collection)

    await asyncio.gather(*(writes.update(f"send-{n}", {"$set": {"state": "sent", "n": n}}) for n in range(40)))

    assert [statements for _, _, statements in commands.sent] == [UPDATES_PER_COMMAND, UPDATES_PER_COMMAND, 8]
    assert {d["_id"]: d["n"] async for d in collection.find({"state": "sent"})} == {f"send-{n}": n for n in range(40)}


async def test_two_writes_of_one_document_asked_at_once_are_applied_in_the_order_asked(watched):
    collection, commands = watched
    writes = GroupedWrites(collection)

    claimed, _ = await asyncio.gather(
        writes.insert({"_id": "send-1", "state": "sending"}), writes.update("send-1", {"$set": {"state": "sent"}})
    )

    assert claimed is True
    assert await collection.find_one({"_id": "send-1"}) == {"_id": "send-1", "state": "sent"}
    assert [name for name, _, _ in commands.sent] == ["insert", "update"]


async def test_no_caller_is_told_stored_when_ferretdb_refuses_a_write_of_its_command(watched):
    """FerretDB answers a refused statement without the counts pymongo reads (`nModified`), so every caller of that
    command gets an error, the one whose write was applied too (a step retries it: the updates are idempotent).
    Per-statement outcomes, as MongoDB reports them, are in tests/unit/outbound/test_grouped_writes.py."""
    collection, _ = watched
    await collection.insert_many([{"_id": "send-1", "state": "sending"}, {"_id": "send-2", "state": "sending"}])
    writes = GroupedWrites(collection)

    refused, other = await asyncio.gather(
        writes.update("send-1", {"$set": {"_id": "elsewhere"}}),  # `_id` cannot change
        writes.update("send-2", {"$set": {"state": "sent"}}),
        return_exceptions=True,
    )

    assert isinstance(refused, Exception)
    assert isinstance(other, Exception)
    assert await collection.find_one({"_id": "send-1"}) == {"_id": "send-1", "state": "sending"}
    assert await collection.find_one({"_id": "elsewhere"}) is None


async def test_a_parked_send_is_read_back_whole_from_its_packed_entry(infra, database_name):
    """The ledger keeps the send it holds as one packed value (`parley_runtime.packing`): at a rebalance the parked
    sends of the partitions taken over come back from FerretDB as they were claimed; an entry written before the
    packing (the send as a nested document) too."""
    client: AsyncMongoClient = AsyncMongoClient(infra.mongodb_url, tz_aware=True)
    try:
        db = client[database_name]
        ledger = SendLedger(db)
        parked = send("a parked reply")
        assert await ledger.claim(parked, partition=3) is None
        await ledger.park(parked.send_id, None, 0, None, None)
        raw = await db[LEDGER].find_one({"_id": parked.send_id})
        assert raw is not None and isinstance(raw["message"], bytes)
        legacy = send("written before the packing")
        await db[LEDGER].insert_one(
            {"_id": legacy.send_id, "partition": 3, "state": "waiting", "message": legacy.model_dump(mode="json")}
        )
        waiting = await ledger.waiting({3})
        assert sorted((w.message.send_id, w.message) for w in waiting) == sorted(
            [(parked.send_id, parked), (legacy.send_id, legacy)]
        )
        assert await ledger.waiting({4}) == []
    finally:
        await client.drop_database(database_name)
        await client.close()
