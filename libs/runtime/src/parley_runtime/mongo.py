"""The MongoDB connection (PyMongo's async API; FerretDB or MongoDB behind it)."""

from pymongo import AsyncMongoClient
from pymongo.asynchronous.database import AsyncDatabase

from parley_runtime.settings import ServiceSettings


def connect(settings: ServiceSettings) -> tuple[AsyncMongoClient, AsyncDatabase]:
    client: AsyncMongoClient = AsyncMongoClient(
        settings.mongodb_url, tz_aware=True, serverSelectionTimeoutMS=5000, appname="parley"
    )
    return client, client[settings.mongodb_database]


def by_id(key: str) -> dict:
    """Filter for one document by `_id`, for updates. Same meaning as `{"_id": key}`, but FerretDB 1.24
    (SQLite) updates a plain `{"_id": key}` match by scanning the collection (17 ms at 5,000 documents on
    these machines) while `{"_id": {"$eq": key}}` takes its fast path (1 ms); MongoDB treats both alike."""
    return {"_id": {"$eq": key}}
