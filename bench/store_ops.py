"""Cost of single MongoDB operations by collection size, on the local FerretDB (or MONGODB_URL): which filters
take the lone-`_id` fast path (docs/adr/0003-storage.md). With `--values`, FerretDB's CPU per document replaced
(16 to a command, as the router's flush writes them) by the number of values in the document (fields and array
items: what FerretDB converts one by one) against one string of the same size, on a collection of `--documents`.

    uv run python -m bench.store_ops [--sizes 200,2000] [--calls 50]
    uv run python -m bench.store_ops --values 10,50,100,200 [--documents 20000]

With `--per-op N`, FerretDB's CPU per lone-`_id` find, replace, update and insert (N of each, one at a time, as the
hot path sends them when it is not batching) of message-like documents on a collection of `--documents`, and over
the whole run: what the local FerretDB's own settings cost (deploy/ferretdb/main.go).

    uv run python -m bench.store_ops --per-op 6000 [--documents 20000]"""

import argparse
import asyncio
import random
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable

import bson
from pymongo import AsyncMongoClient, ReplaceOne
from pymongo.asynchronous.collection import AsyncCollection

from bench import cpu
from parley_devstack import local_mongodb_process
from parley_runtime.mongo import UPDATES_PER_COMMAND

DOC = {"text": "x" * 300}  # ~350 bytes, like a message


async def measure(url: str, sizes: list[int], calls: int) -> list[tuple[int, str, float]]:
    client: AsyncMongoClient = AsyncMongoClient(url)
    collection = client["bench_store_ops"]["docs"]
    rows = []
    try:
        for size in sizes:
            await collection.drop()
            await collection.insert_many([{"_id": f"k{i}", **DOC} for i in range(size)])
            await asyncio.sleep(3)  # the local FerretDB adds its `_id` expression index to new tables every 2 s
            keys = [f"k{i}" for i in range(0, size, max(1, size // calls))][:calls]
            ops: dict[str, Callable[[str], Awaitable[object]]] = {
                "find {_id: key}": lambda k: collection.find_one({"_id": k}),
                "update {_id: key}": lambda k: collection.update_one({"_id": k}, {"$set": {"v": 1}}),
                "update {_id: {$eq: key}}": lambda k: collection.update_one({"_id": {"$eq": k}}, {"$set": {"v": 2}}),
                "replace {_id: key}": lambda k: collection.replace_one({"_id": k}, {"_id": k, **DOC, "v": 3}),
                "update {_id: key, v: 3}": lambda k: collection.update_one({"_id": k, "v": 3}, {"$set": {"v": 4}}),
                "insert": lambda k: collection.insert_one({"_id": k + uuid.uuid4().hex, **DOC}),
            }
            for name, op in ops.items():
                took = []
                for key in keys:
                    started = time.perf_counter()
                    await op(key)
                    took.append((time.perf_counter() - started) * 1000)
                rows.append((size, name, round(statistics.median(took), 2)))
    finally:
        await collection.drop()
        await client.close()
    return rows


async def _fill(collection: AsyncCollection, count: int, document: Callable[[int], dict]) -> None:
    """Empty `collection`, then `count` documents, a thousand to a command, and their `_id` expression index."""
    await collection.drop()
    for start in range(0, count, 1000):
        await collection.insert_many([document(i) for i in range(start, min(count, start + 1000))])
    await asyncio.sleep(3)  # the local FerretDB adds its `_id` expression index to new tables every 2 s


def _shaped(key: str, values: int, spread: bool) -> dict:
    """A document of `values` short strings (`spread`) or of one string as long as those together."""
    if spread:
        return {"_id": key, "items": [{"n": f"v{i:05d}", "t": "abcdefgh"} for i in range(values // 2)]}
    return {"_id": key, "text": "x" * (values * 12)}


async def by_values(url: str, pid: int, counts: list[int], documents: int, writes: int = 1600) -> list[tuple]:
    """FerretDB's CPU milliseconds per document replaced (the same documents rewritten at random), by shape."""
    client: AsyncMongoClient = AsyncMongoClient(url)
    collection = client["bench_store_ops"]["by_values"]
    keys = [f"k{i}" for i in range(documents)]
    rows = []
    try:
        for values in counts:
            for spread in (True, False):
                # B023: the lambda is used up by this await, before the loop moves on
                await _fill(collection, documents, lambda i: _shaped(keys[i], values, spread))  # noqa: B023
                chosen = random.Random(values).sample(keys, writes)
                before = cpu.snapshot({"ferretdb": pid})
                for start in range(0, writes, UPDATES_PER_COMMAND):
                    batch = chosen[start : start + UPDATES_PER_COMMAND]
                    await collection.bulk_write([ReplaceOne({"_id": k}, _shaped(k, values, spread)) for k in batch])
                used = cpu.per_message(before, cpu.snapshot({"ferretdb": pid}), writes)
                size = len(bson.encode(_shaped("k0", values, spread)))
                rows.append((values if spread else 1, size, used["ferretdb"]))
    finally:
        await collection.drop()
        await client.close()
    return rows


def _message_id(n: int) -> str:
    return f"m{n:08d}"


def _message_like(n: int) -> dict:
    """About the shape of a stored message: a dozen fields, its text, one packed binary value (ADR 0003)."""
    return {
        "_id": _message_id(n),
        "thread_key": f"t{n // 10}",
        "at": n,
        "author": "customer",
        "status": "delivered",
        "text": "hello " * 30,
        "analysis": bytes(400),
        "language": "en",
    }


async def per_op(url: str, pid: int, calls: int, documents: int) -> dict[str, float]:
    """FerretDB's CPU milliseconds per operation, by kind, and per operation over all of them (checkpoints land in
    whichever kind crosses the threshold: compare the total)."""
    client: AsyncMongoClient = AsyncMongoClient(url)
    collection = client["bench_store_ops"]["per_op"]
    pick = random.Random(1)
    stored = [pick.randrange(documents) for _ in range(calls)]  # documents read and rewritten, at random
    ops: dict[str, tuple[Callable[[int], Awaitable[object]], Iterable[int]]] = {
        "find": (lambda n: collection.find_one({"_id": _message_id(n)}), stored),
        "replace": (lambda n: collection.replace_one({"_id": _message_id(n)}, _message_like(n)), stored),
        "update": (
            lambda n: collection.update_one({"_id": _message_id(n)}, {"$set": {"status": "read"}}),
            stored,
        ),
        "insert": (lambda n: collection.insert_one(_message_like(n)), range(documents, documents + calls)),
    }
    costs: dict[str, float] = {}
    try:
        await _fill(collection, documents, _message_like)
        for name, (op, numbers) in ops.items():
            before = cpu.snapshot({"ferretdb": pid})
            for n in numbers:
                await op(n)
            costs[name] = cpu.per_message(before, cpu.snapshot({"ferretdb": pid}), calls)["ferretdb"]
    finally:
        await collection.drop()
        await client.close()
    costs["all four, per operation"] = round(sum(costs.values()) / len(ops), 3)
    return costs


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench.store_ops")
    parser.add_argument("--sizes", default="200,2000")
    parser.add_argument("--calls", type=int, default=50)
    parser.add_argument("--values", help="values per document: measure FerretDB's CPU per document replaced instead")
    parser.add_argument("--documents", type=int, default=20000)
    parser.add_argument("--per-op", type=int, help="measure FerretDB's CPU per lone-`_id` operation, this many of each")
    args = parser.parse_args()
    with local_mongodb_process() as (url, pid):
        if (args.values or args.per_op) and pid is None:
            raise SystemExit("--values and --per-op measure the local FerretDB's CPU: unset MONGODB_URL")
        if args.per_op:
            costs = asyncio.run(per_op(url, pid, args.per_op, args.documents))
            print(f"| operation (on {args.documents:,} documents) | FerretDB CPU ms |\n|---|---|")
            for name, ms in costs.items():
                print(f"| {name} | {ms} |")
            return
        if args.values:
            counts = [int(s) for s in args.values.split(",")]
            measured = asyncio.run(by_values(url, pid, counts, args.documents))
            print(f"| values | bytes | FerretDB CPU ms per document replaced ({UPDATES_PER_COMMAND} per command) |")
            print("|---|---|---|")
            for values, size, ms in measured:
                print(f"| {values} | {size} | {ms} |")
            return
        rows = asyncio.run(measure(url, [int(s) for s in args.sizes.split(",")], args.calls))
    print("| documents | operation | p50 ms |\n|---|---|---|")
    for size, name, ms in rows:
        print(f"| {size} | `{name}` | {ms} |")


if __name__ == "__main__":
    main()
