"""Grouped writes (parley_outbound.grouped_writes) over a collection in memory: each caller gets its own statement's
outcome as MongoDB reports them, an unreachable store fails every caller of the command, and a caller that stops
waiting does not stop the others."""

import asyncio
from typing import Any

import pytest
from pymongo import InsertOne, UpdateOne
from pymongo.errors import AutoReconnect, BulkWriteError, WriteError

from parley_outbound.grouped_writes import GroupedWrites


class Collection:
    """Records each bulk write's statements; answers with `errors` (index → code) or raises `unreachable`."""

    def __init__(self) -> None:
        self.commands: list[list[Any]] = []
        self.errors: dict[int, int] = {}
        self.unreachable = False
        self.slow: asyncio.Event | None = None

    async def bulk_write(self, ops: list[Any], ordered: bool) -> None:
        assert not ordered
        self.commands.append(ops)
        if self.slow is not None:
            await self.slow.wait()
        if self.unreachable:
            raise AutoReconnect("connection lost")
        if self.errors:
            errors = [{"index": i, "code": code, "errmsg": f"refused {code}"} for i, code in self.errors.items()]
            raise BulkWriteError({"writeErrors": errors, "writeConcernErrors": []})


async def test_each_caller_gets_its_own_statements_outcome():
    collection = Collection()
    collection.errors = {1: 11000, 2: 66}
    writes = GroupedWrites(collection)  # type: ignore[arg-type]

    outcomes = await asyncio.gather(
        writes.insert({"_id": "a"}),
        writes.insert({"_id": "b"}),  # found stored: False, not an error
        writes.insert({"_id": "c"}),  # refused for another reason
        return_exceptions=True,
    )

    assert outcomes[0] is True and outcomes[1] is False
    assert isinstance(outcomes[2], WriteError) and outcomes[2].code == 66
    assert [type(op) for op in collection.commands[0]] == [InsertOne, InsertOne, InsertOne]


async def test_a_duplicate_key_on_an_update_is_an_error_not_a_false():
    collection = Collection()
    collection.errors = {0: 11000}
    writes = GroupedWrites(collection)  # type: ignore[arg-type]

    with pytest.raises(WriteError):
        await writes.update("a", {"$set": {"state": "sent"}})


async def test_an_unreachable_store_fails_every_caller_with_its_error():
    collection = Collection()
    collection.unreachable = True
    writes = GroupedWrites(collection)  # type: ignore[arg-type]

    outcomes = await asyncio.gather(
        writes.insert({"_id": "a"}), writes.update("b", {"$set": {"x": 1}}), return_exceptions=True
    )

    assert all(isinstance(o, AutoReconnect) for o in outcomes)
    assert [[type(op) for op in ops] for ops in collection.commands] == [[InsertOne], [UpdateOne]]


async def test_writes_asked_while_a_command_is_on_its_way_go_together_in_the_next():
    collection = Collection()
    collection.slow = asyncio.Event()
    writes = GroupedWrites(collection)  # type: ignore[arg-type]

    first = asyncio.create_task(writes.update("a", {"$set": {"x": 1}}))
    await asyncio.sleep(0.01)  # the first command is on its way
    later = [asyncio.create_task(writes.update(key, {"$set": {"x": 2}})) for key in ("b", "c", "a")]
    await asyncio.sleep(0.01)
    collection.slow.set()
    await asyncio.gather(first, *later)

    keys = [[op._filter["_id"] for op in ops] for ops in collection.commands]  # type: ignore[attr-defined]
    assert keys == [["a"], ["b", "c", "a"]]


async def test_a_second_write_of_a_document_waits_for_the_next_command():
    collection = Collection()
    writes = GroupedWrites(collection)  # type: ignore[arg-type]

    await asyncio.gather(
        writes.update("a", {"$set": {"x": 1}}),
        writes.update("b", {"$set": {"x": 1}}),
        writes.update("a", {"$set": {"x": 2}}),
    )

    changes = [[(op._filter["_id"], op._doc["$set"]["x"]) for op in ops] for ops in collection.commands]  # type: ignore[attr-defined]
    assert changes == [[("a", 1), ("b", 1)], [("a", 2)]]


async def test_a_caller_that_stops_waiting_leaves_the_others_their_outcome():
    collection = Collection()
    collection.slow = asyncio.Event()
    writes = GroupedWrites(collection)  # type: ignore[arg-type]

    gone = asyncio.create_task(writes.insert({"_id": "a"}))
    staying = asyncio.create_task(writes.insert({"_id": "b"}))
    await asyncio.sleep(0.01)
    gone.cancel()
    collection.slow.set()

    assert await staying is True
    with pytest.raises(asyncio.CancelledError):
        await gone
