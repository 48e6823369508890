"""What actually happened, read where it is durable or visible: the stack's MongoDB (the customers' messages,
the threads' statuses and the dead letters) and the sandbox's recordings (what reached "WhatsApp"). Nothing is inferred from
the services' own logs or answers."""

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx
from pymongo import AsyncMongoClient
from pymongo.errors import PyMongoError

from chaos.webhooks import message_keys

WITH_A_PERSON = ("needs_human", "human")


@dataclass
class Observation:
    stored: set[str] = field(default_factory=set)  # dedupe keys of stored customer messages
    dead_lettered: set[str] = field(default_factory=set)  # those in webhooks kept whole (unconnected accounts)
    inbound_per_thread: Counter[str] = field(default_factory=Counter)
    with_person: set[str] = field(default_factory=set)  # thread keys
    sends: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # wa_id -> accepted send bodies
    errors: list[str] = field(default_factory=list)  # what could not be read (then the figures are partial)


class Observer:
    def __init__(self, http: httpx.AsyncClient, sandbox_url: str, mongodb_url: str, database: str) -> None:
        self._http = http
        self._sandbox = sandbox_url
        self._client: AsyncMongoClient = AsyncMongoClient(mongodb_url, serverSelectionTimeoutMS=3000)
        self._db = self._client[database]

    async def close(self) -> None:
        await self._client.close()

    async def observe(self) -> Observation:
        seen = Observation()
        try:
            await self._read_database(seen)
        except PyMongoError as exc:
            seen.errors.append(f"MongoDB: {type(exc).__name__}: {exc}")
        try:
            seen.sends = await self._read_sends()
        except (httpx.HTTPError, ValueError) as exc:
            seen.errors.append(f"sandbox recordings: {type(exc).__name__}: {exc}")
        return seen

    async def _read_database(self, seen: Observation) -> None:
        # One scan per collection (each scenario has its own, small, database) rather than a query per message.
        async for doc in self._db["messages"].find({"direction": "in"}, {"_id": 1, "thread_key": 1}):
            seen.stored.add(doc["_id"])
            seen.inbound_per_thread[doc.get("thread_key")] += 1
        async for doc in self._db["threads"].find({"status": {"$in": list(WITH_A_PERSON)}}, {"_id": 1}):
            seen.with_person.add(doc["_id"])
        # dashboard-api keeps every dead letter; ingest's are webhooks for accounts nobody connected.
        async for doc in self._db["dead_letters"].find({"service": "ingest"}, {"original": 1}):
            seen.dead_lettered |= message_keys(json.loads(doc["original"]))

    async def _read_sends(self) -> dict[str, list[dict[str, Any]]]:
        response = await self._http.get(self._sandbox + "/sandbox/sent", params={"channel": "whatsapp"})
        response.raise_for_status()
        sends: dict[str, list[dict[str, Any]]] = {}
        for request in response.json()["requests"]:
            if request["to"] and request["type"] not in ("read", "upload"):
                sends.setdefault(request["to"], []).append(request["body"])
        return sends
