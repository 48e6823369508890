"""Hot-path storage is lone-`_id` reads and writes (docs/adr/0003-storage.md), and on the local FerretDB those are
index seeks only thanks to the extra SQLite index deploy/ferretdb/main.go keeps on exactly the expression FerretDB
filters `_id` by. This asks SQLite itself (`EXPLAIN QUERY PLAN`) for every collection the message path reads or
writes by `_id`: it fails if any of them would scan its table — e.g. if the index stopped being created, or
FerretDB changed the expression it pushes `_id` filters down as (then every lookup grows with the collection:
68 ms instead of ~1 ms at 20,000 documents, ../shared/reference/infrastructure.md)."""

import asyncio
import contextlib
import sqlite3
import uuid

import pytest
from pymongo import AsyncMongoClient

from parley_business.bot_config import COLLECTION as BOT_CONFIGS
from parley_business.channel_account_store import COLLECTION as CHANNEL_ACCOUNTS
from parley_business.flow_store import FLOWS, VERSIONS
from parley_business.units import COLLECTION as BUSINESS_UNITS
from parley_conversations.daily_figures import DAILY_FIGURES
from parley_conversations.documents import MESSAGES, PROVIDER_IDS, THREADS
from parley_conversations.flow_sessions import FLOW_SESSIONS
from parley_conversations.media import MEDIA
from parley_outbound.ledger import COLLECTION as OUTBOUND_SENDS
from tests.stack import drop_database

pytestmark = pytest.mark.integration

# Read or written by `_id` for every message, or for every message of a flow / a channel account.
HOT_PATH = [
    THREADS,
    MESSAGES,
    PROVIDER_IDS,
    OUTBOUND_SENDS,
    MEDIA,
    CHANNEL_ACCOUNTS,
    BOT_CONFIGS,
    BUSINESS_UNITS,
    FLOWS,
    VERSIONS,
    FLOW_SESSIONS,
    DAILY_FIGURES,  # by the router at every batch, and by analytics (days × partitions per period)
]
PUSHED_DOWN_ID = "SELECT _ferretdb_sjson FROM \"{table}\" WHERE _ferretdb_sjson->'$._id' = ?"


def plan(connection: sqlite3.Connection, query: str) -> str:
    return " | ".join(row[-1] for row in connection.execute("EXPLAIN QUERY PLAN " + query, ("x",)))


async def test_every_hot_path_lookup_by_id_is_an_index_seek_not_a_scan(infra):
    if infra.sqlite_dir is None:
        pytest.skip("not the local FerretDB (MONGODB_URL or containers): nothing of SQLite to ask")
    name = f"parley_index_{uuid.uuid4().hex[:8]}"
    client: AsyncMongoClient = AsyncMongoClient(infra.mongodb_url)
    try:
        for collection in HOT_PATH:
            await client[name][collection].insert_one({"_id": "one", "tenant": "demo"})
    finally:
        await client.close()
    path = infra.sqlite_dir / f"{name}.sqlite"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    try:
        with contextlib.closing(connect()) as connection:
            tables = dict(connection.execute("SELECT name, table_name FROM _ferretdb_collections"))
        assert set(HOT_PATH) <= tables.keys()

        found: dict[str, str] = {}
        for _ in range(60):  # the index is added to new tables every 2 s; a fresh connection sees the new schema
            with contextlib.closing(connect()) as connection:
                found = {c: plan(connection, PUSHED_DOWN_ID.format(table=tables[c])) for c in HOT_PATH}
            if all(_seeks(p) for p in found.values()):
                break
            await asyncio.sleep(0.25)
        scanning = {c: p for c, p in found.items() if not _seeks(p)}
        assert not scanning, f"these lookups by _id scan their table: {scanning}"
        # The check can tell: a filter on any other field is a scan (FerretDB filters it in Go, off SQLite).
        with contextlib.closing(connect()) as connection:
            other = plan(
                connection, f"SELECT _ferretdb_sjson FROM \"{tables[THREADS]}\" WHERE _ferretdb_sjson->'$.tenant' = ?"
            )
        assert other.startswith("SCAN"), other
    finally:
        drop_database(infra.mongodb_url, name)


def _seeks(plan: str) -> bool:
    return plan.startswith("SEARCH") and "USING INDEX" in plan
