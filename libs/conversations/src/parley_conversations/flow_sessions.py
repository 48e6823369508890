"""Where question flow sessions are kept for people (collection `flow_sessions`, `_id` = session id). The router
writes a session by `_id` whenever a step changes it (the live one also rides on its thread, which is what the
router reads); dashboard-api lists them for admins, off the message path (a filter: a scan on FerretDB)."""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from pymongo import DESCENDING
from pymongo.asynchronous.database import AsyncDatabase

from parley_conversations.documents import storable
from parley_conversations.flows import FlowSession, SessionState

FLOW_SESSIONS = "flow_sessions"


@dataclass(frozen=True)
class SessionQuery:
    tenants: frozenset[str] | None  # what the caller may see; None: every business unit
    tenant: str | None = None
    flow_id: str | None = None
    state: SessionState | None = None
    thread_key: str | None = None

    def filter(self) -> dict[str, Any]:
        clauses: list[dict[str, Any]] = []
        if self.tenants is not None:
            clauses.append({"tenant": {"$in": sorted(self.tenants)}})
        for name in ("tenant", "flow_id", "thread_key"):
            value = getattr(self, name)
            if value:
                clauses.append({name: value})
        if self.state:
            clauses.append({"state": str(self.state)})
        return {"$and": clauses} if len(clauses) > 1 else (clauses[0] if clauses else {})


class FlowSessions:
    def __init__(self, db: AsyncDatabase) -> None:
        self.collection = db[FLOW_SESSIONS]

    async def save(self, session: FlowSession) -> None:
        doc = storable(session.model_dump())
        doc["_id"] = session.session_id
        await self.collection.replace_one({"_id": session.session_id}, doc, upsert=True)

    async def get(self, session_id: str) -> FlowSession | None:
        doc = await self.collection.find_one({"_id": session_id})
        return _session(doc) if doc else None

    async def list(self, query: SessionQuery, limit: int = 50, skip: int = 0) -> list[FlowSession]:
        cursor = self.collection.find(query.filter()).sort("started_at", DESCENDING).skip(skip).limit(limit)
        return [_session(doc) async for doc in cursor]

    async def each(self, query: SessionQuery) -> AsyncIterator[FlowSession]:
        """Every matching session, oldest first (CSV export)."""
        async for doc in self.collection.find(query.filter()).sort("started_at", 1):
            yield _session(doc)

    async def delete_thread(self, thread_key: str) -> None:
        """A GDPR erasure: every session of the thread (a filtered delete, off the message path)."""
        await self.collection.delete_many({"thread_key": thread_key})

    async def ensure_indexes(self) -> None:
        await self.collection.create_index([("tenant", 1), ("flow_id", 1), ("started_at", DESCENDING)])
        await self.collection.create_index([("thread_key", 1)])


def _session(doc: dict[str, Any]) -> FlowSession:
    doc = {k: v for k, v in doc.items() if k != "_id"}
    return FlowSession.model_validate(doc)
