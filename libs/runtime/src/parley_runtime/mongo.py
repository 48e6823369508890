"""The MongoDB connection (PyMongo's async API; FerretDB or MongoDB behind it)."""

from pymongo import AsyncMongoClient
from pymongo.asynchronous.database import AsyncDatabase

from parley_runtime.settings import ServiceSettings


def connect(settings: ServiceSettings) -> tuple[AsyncMongoClient, AsyncDatabase]:
    client: AsyncMongoClient = AsyncMongoClient(
        settings.mongodb_url, tz_aware=True, serverSelectionTimeoutMS=5000, appname="parley"
    )
    return client, client[settings.mongodb_database]
