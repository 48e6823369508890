"""Integration API keys (header `X-API-Key`), each scoped to business units and a role.

Keys an admin creates live in `api_keys` (`_id` = SHA-256 of the key; the key is shown once, never stored).
One more key may come from the environment (`DASHBOARD_API_KEY`), for a deployment's first steps."""

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from pymongo.asynchronous.database import AsyncDatabase

from parley_conversations.operators import Role
from parley_dashboard.auth.principal import Principal

API_KEYS = "api_keys"
KEY_PREFIX = "pk_"


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class EnvironmentKey:
    key: str
    role: Role
    tenants: frozenset[str] | None

    def matches(self, presented: str) -> bool:
        return hmac.compare_digest(presented.encode(), self.key.encode())

    def principal(self) -> Principal:
        return Principal("integration", "key_environment", "environment API key", self.role, self.tenants)


class ApiKeyStore:
    def __init__(self, db: AsyncDatabase) -> None:
        self._keys = db[API_KEYS]

    async def create(self, *, name: str, role: Role, tenants: list[str], created_by: str) -> tuple[str, dict]:
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        doc = {
            "_id": _digest(key),
            "key_id": "key_" + uuid.uuid4().hex[:12],
            "name": name,
            "role": str(role),
            "tenants": tenants,
            "created_by": created_by,
            "created_at": datetime.now(UTC),
        }
        await self._keys.insert_one(doc)
        return key, doc

    async def principal(self, presented: str) -> Principal | None:
        doc = await self._keys.find_one({"_id": _digest(presented)})
        if doc is None:
            return None
        return Principal("integration", doc["key_id"], doc["name"], Role(doc["role"]), frozenset(doc["tenants"]))

    async def listed(self) -> list[dict]:
        return [d async for d in self._keys.find({}, {"_id": 0})]

    async def delete(self, key_id: str) -> bool:
        return (await self._keys.delete_one({"key_id": key_id})).deleted_count == 1
