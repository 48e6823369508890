"""Cost of single MongoDB operations by collection size, on the local FerretDB (or MONGODB_URL): which filters
take the lone-`_id` fast path (docs/adr/0003-storage.md).

    uv run python -m bench.store_ops [--sizes 200,2000] [--calls 50]"""

import argparse
import asyncio
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable

from pymongo import AsyncMongoClient

from parley_devstack import local_mongodb

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


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench.store_ops")
    parser.add_argument("--sizes", default="200,2000")
    parser.add_argument("--calls", type=int, default=50)
    args = parser.parse_args()
    with local_mongodb() as url:
        rows = asyncio.run(measure(url, [int(s) for s in args.sizes.split(",")], args.calls))
    print("| documents | operation | p50 ms |\n|---|---|---|")
    for size, name, ms in rows:
        print(f"| {size} | `{name}` | {ms} |")


if __name__ == "__main__":
    main()
