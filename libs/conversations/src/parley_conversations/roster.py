"""MongoDB side of operators: accounts by id and email, a business unit's roster (cached for the router), and
workload per router partition.

`operators` (`_id` = operator id) is written by dashboard-api (accounts, availability); the router reads a
business unit's roster (a small collection, cached for a couple of seconds). Login finds an account by a
lone-`_id` read of `operator_emails` (`_id` = the lowercased email). Passwords and sessions are dashboard-api's
own collections and never part of this document.

`workload` keeps, per operator and router partition, the threads that operator holds. One document per
(operator, partition) has exactly one writer — the router instance that owns the partition — so updates
are safe without transactions (docs/adr/0003-storage.md); an operator's load is the sum over partitions.
Two router instances may assign to one operator at the same moment: the cap is a soft limit by at most
the number of router instances."""

import asyncio
import time
from collections import defaultdict
from datetime import datetime

from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from parley_conversations.operators import Load, Operator
from parley_runtime.mongo import by_id

OPERATORS = "operators"
OPERATOR_EMAILS = "operator_emails"
WORKLOAD = "workload"


class EmailTaken(ValueError):
    pass


class OperatorDirectory:
    def __init__(self, db: AsyncDatabase) -> None:
        self._operators = db[OPERATORS]
        self._emails = db[OPERATOR_EMAILS]

    async def get(self, operator_id: str) -> Operator | None:
        doc = await self._operators.find_one({"_id": operator_id})
        return Operator.from_document(doc) if doc else None

    async def by_email(self, email: str) -> Operator | None:
        link = await self._emails.find_one({"_id": email.strip().lower()})
        return await self.get(link["operator_id"]) if link else None

    async def of_tenant(self, tenant: str) -> list[Operator]:
        return [Operator.from_document(d) async for d in self._operators.find({"tenants": tenant})]

    async def all(self) -> list[Operator]:
        return [Operator.from_document(d) async for d in self._operators.find({})]

    async def create(self, operator: Operator) -> None:
        """The email is claimed first (unique `_id`), so two accounts can never share one."""
        try:
            await self._emails.insert_one({"_id": operator.email, "operator_id": operator.id})
        except DuplicateKeyError as exc:
            raise EmailTaken(f"{operator.email} already has an account") from exc
        await self._operators.insert_one(operator.to_document())

    async def save(self, operator: Operator) -> None:
        await self._operators.replace_one(by_id(operator.id), operator.to_document())


class Roster:
    """A business unit's operators as the router sees them, cached for `ttl_seconds` (availability changes
    reach assignment within that time, without a database read per handoff)."""

    def __init__(self, directory: OperatorDirectory, ttl_seconds: float) -> None:
        self._directory = directory
        self._ttl = ttl_seconds
        self._cache: dict[str, tuple[float, list[Operator]]] = {}

    async def of_tenant(self, tenant: str) -> list[Operator]:
        now = time.monotonic()
        cached = self._cache.get(tenant)
        if cached and now - cached[0] < self._ttl:
            return cached[1]
        operators = [o for o in await self._directory.of_tenant(tenant) if o.active]
        self._cache[tenant] = (now, operators)
        return operators


class Workload:
    def __init__(self, db: AsyncDatabase) -> None:
        self._docs = db[WORKLOAD]
        # The router steps several threads of a partition at once: changes to one operator's document of that
        # partition (read, change, replace) take turns. Only this process writes it (it owns the partition).
        self._locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def loads(self, operator_ids: list[str]) -> dict[str, Load]:
        totals: dict[str, Load] = {op: Load(0, None) for op in operator_ids}
        async for doc in self._docs.find({"operator_id": {"$in": operator_ids}}):
            load = totals[doc["operator_id"]]
            last = doc.get("last_assigned_at")
            newest = max((d for d in (load.last_assigned_at, last) if d is not None), default=None)
            totals[doc["operator_id"]] = Load(load.open + len(doc.get("threads", [])), newest)
        return totals

    async def hold(self, operator_id: str, partition: int, thread_key: str, at: datetime) -> None:
        await self._change(operator_id, partition, thread_key, holding=True, at=at)

    async def release(self, operator_id: str, partition: int, thread_key: str) -> None:
        await self._change(operator_id, partition, thread_key, holding=False, at=None)

    async def _change(
        self, operator_id: str, partition: int, thread_key: str, *, holding: bool, at: datetime | None
    ) -> None:
        doc_id = f"{operator_id}:{partition}"
        async with self._locks[doc_id]:
            doc = await self._docs.find_one({"_id": doc_id}) or {
                "_id": doc_id,
                "operator_id": operator_id,
                "partition": partition,
                "threads": [],
                "last_assigned_at": None,
            }
            threads = [t for t in doc["threads"] if t != thread_key] + ([thread_key] if holding else [])
            if threads == doc["threads"] and not (holding and at):
                return
            doc["threads"] = threads
            if holding and at:
                doc["last_assigned_at"] = at
            await self._docs.replace_one({"_id": doc_id}, doc, upsert=True)
